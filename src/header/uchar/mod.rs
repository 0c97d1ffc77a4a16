//! `<uchar.h>`: UTF-16 and UTF-32 code units from and to multibyte
//! characters. `char32_t` conversions are `mbrtowc`/`wcrtomb`; the
//! `char16_t` ones keep the second surrogate of a pair in the state.

use crate::abi::c_char;
use crate::errno::set_errno;
use crate::header::locale::{self, locale_t};
use crate::header::wchar::mbrtowc::{convert_one, state, unconvert_one, ILSEQ, INCOMPLETE};
use crate::header::wchar::mbstate::mbstate_t;
use cloudabi::errno;

pub type char16_t = u16;
pub type char32_t = u32;

/// `(size_t)-3`: a code unit produced from an earlier call's input.
const STORED: usize = usize::MAX - 2;

static mut MBRTOC16_STATE: mbstate_t = mbstate_t::INITIAL;
static mut C16RTOMB_STATE: mbstate_t = mbstate_t::INITIAL;
static mut MBRTOC32_STATE: mbstate_t = mbstate_t::INITIAL;
static mut C32RTOMB_STATE: mbstate_t = mbstate_t::INITIAL;

unsafe fn to_c16(utf8: bool, out: *mut char16_t, s: *const c_char, n: usize, st: &mut mbstate_t) -> usize {
    let write = |v: u32| {
        if !out.is_null() {
            // SAFETY: a non-null `out` is writable (C contract).
            unsafe { out.write(v as char16_t) };
        }
    };
    if st.__bytes != 0 {
        write(st.__bytes);
        st.__bytes = 0;
        return STORED;
    }
    let mut c: u32 = 0;
    // SAFETY: forwarded contract.
    let r = unsafe { convert_one(utf8, (&mut c as *mut u32).cast(), s, n, st) };
    if r == ILSEQ || r == INCOMPLETE {
        return r;
    }
    if c >= 0x10000 {
        write(0xd800 + ((c - 0x10000) >> 10));
        st.__bytes = 0xdc00 + (c & 0x3ff);
    } else {
        write(c);
    }
    r
}

unsafe fn from_c16(utf8: bool, s: *mut c_char, c: char16_t, st: &mut mbstate_t) -> usize {
    let c = if s.is_null() { 0 } else { c as u32 };
    let high = st.__bytes;
    st.__bytes = 0;
    let scalar = match (high, c) {
        (0, 0xd800..=0xdbff) => {
            st.__bytes = c;
            return 0;
        }
        (0, 0xdc00..=0xdfff) => 0xd800,
        (0, c) => c,
        (h, 0xdc00..=0xdfff) => 0x10000 + ((h - 0xd800) << 10) + (c - 0xdc00),
        _ => 0xd800,
    };
    if scalar == 0xd800 {
        set_errno(errno::ILSEQ);
        return ILSEQ;
    }
    // SAFETY: `s` is null or has room for MB_CUR_MAX bytes (C contract).
    unsafe { unconvert_one(utf8, s, scalar as i32, st) }
}

/// C11 `mbrtoc16`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbrtoc16(out: *mut char16_t, s: *const c_char, n: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_c16(locale::current().is_utf8(), out, s, n, state(ps, core::ptr::addr_of_mut!(MBRTOC16_STATE))) }
}

/// cloudlibc `mbrtoc16_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbrtoc16_l(out: *mut char16_t, s: *const c_char, n: usize, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_c16(locale::resolve(l).is_utf8(), out, s, n, state(ps, core::ptr::addr_of_mut!(MBRTOC16_STATE))) }
}

/// C11 `c16rtomb`: a high surrogate is kept until its low half arrives.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn c16rtomb(s: *mut c_char, c: char16_t, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { from_c16(locale::current().is_utf8(), s, c, state(ps, core::ptr::addr_of_mut!(C16RTOMB_STATE))) }
}

/// cloudlibc `c16rtomb_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn c16rtomb_l(s: *mut c_char, c: char16_t, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { from_c16(locale::resolve(l).is_utf8(), s, c, state(ps, core::ptr::addr_of_mut!(C16RTOMB_STATE))) }
}

/// C11 `mbrtoc32`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbrtoc32(out: *mut char32_t, s: *const c_char, n: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract; char32_t and wchar_t have one layout.
    unsafe { convert_one(locale::current().is_utf8(), out.cast(), s, n, state(ps, core::ptr::addr_of_mut!(MBRTOC32_STATE))) }
}

/// cloudlibc `mbrtoc32_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbrtoc32_l(out: *mut char32_t, s: *const c_char, n: usize, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: as in mbrtoc32.
    unsafe { convert_one(locale::resolve(l).is_utf8(), out.cast(), s, n, state(ps, core::ptr::addr_of_mut!(MBRTOC32_STATE))) }
}

/// C11 `c32rtomb`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn c32rtomb(s: *mut c_char, c: char32_t, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { unconvert_one(locale::current().is_utf8(), s, c as i32, state(ps, core::ptr::addr_of_mut!(C32RTOMB_STATE))) }
}

/// cloudlibc `c32rtomb_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn c32rtomb_l(s: *mut c_char, c: char32_t, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { unconvert_one(locale::resolve(l).is_utf8(), s, c as i32, state(ps, core::ptr::addr_of_mut!(C32RTOMB_STATE))) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogate_pairs() {
        let mut st = mbstate_t::INITIAL;
        let s = "\u{1f600}A".as_bytes();
        let mut u = 0u16;
        // SAFETY: `s` holds the bytes; `u` and `st` are live.
        unsafe {
            assert_eq!(to_c16(true, &mut u, s.as_ptr().cast(), s.len(), &mut st), 4);
            assert_eq!(u, 0xd83d);
            assert_eq!(to_c16(true, &mut u, s.as_ptr().add(4).cast(), 1, &mut st), STORED);
            assert_eq!(u, 0xde00);
            assert_eq!(to_c16(true, &mut u, s.as_ptr().add(4).cast(), 1, &mut st), 1);
            assert_eq!(u, 0x41);
            let mut out = [0 as c_char; 4];
            let mut st = mbstate_t::INITIAL;
            assert_eq!(from_c16(true, out.as_mut_ptr(), 0xd83d, &mut st), 0);
            assert_eq!(from_c16(true, out.as_mut_ptr(), 0xde00, &mut st), 4);
            assert_eq!(out.map(|b| b as u8), [0xf0, 0x9f, 0x98, 0x80]);
            assert_eq!(from_c16(true, out.as_mut_ptr(), 0xde00, &mut st), ILSEQ);
            assert_eq!(from_c16(true, out.as_mut_ptr(), 0xd83d, &mut st), 0);
            assert_eq!(from_c16(true, out.as_mut_ptr(), 0x41, &mut st), ILSEQ);
        }
    }
}
