//! Restartable single-character conversions: `mbrtowc`, `mbrlen`,
//! `wcrtomb`, `mbsinit`, `btowc`, `wctob`, and their `_l` forms.

use super::mbstate::{decode, encode, mbstate_t, Decoded};
use super::{wchar_t, wint_t, WEOF};
use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::errno::set_errno;
use crate::header::locale::{self, locale_t};
use cloudabi::errno;

/// `(size_t)-1`: an encoding error.
pub const ILSEQ: usize = usize::MAX;
/// `(size_t)-2`: an incomplete character.
pub const INCOMPLETE: usize = usize::MAX - 1;

/// The state a call uses: the caller's, or the function's own when null.
///
/// # Safety
/// `ps` is null or a valid mbstate_t; `own` is the function's static.
pub unsafe fn state<'a>(ps: *mut mbstate_t, own: *mut mbstate_t) -> &'a mut mbstate_t {
    // SAFETY: the caller's contract; C11 allows the internal states not to
    // be thread-safe.
    unsafe { &mut *if ps.is_null() { own } else { ps } }
}

/// `mbrtowc` on a resolved locale and state.
///
/// # Safety
/// `s` is null or readable for `n` bytes; `pwc` null or writable.
pub unsafe fn convert_one(utf8: bool, pwc: *mut wchar_t, s: *const c_char, n: usize, st: &mut mbstate_t) -> usize {
    // A null `s` means: convert "" (ending any sequence in progress).
    let (s, n) = if s.is_null() { (b"\0".as_ptr().cast(), 1) } else { (s, n) };
    // SAFETY: `s` is readable for `n` bytes (C contract).
    match decode(utf8, unsafe { cptr::slice(s.cast(), n) }, st) {
        Decoded::Char(c, k) => {
            if !pwc.is_null() {
                // SAFETY: a non-null `pwc` is writable (C contract).
                unsafe { pwc.write(c as wchar_t) };
            }
            if c == 0 {
                0
            } else {
                k
            }
        }
        Decoded::Incomplete => INCOMPLETE,
        Decoded::Invalid => {
            set_errno(errno::ILSEQ);
            ILSEQ
        }
    }
}

/// `wcrtomb` on a resolved locale and state.
///
/// # Safety
/// `s` is null or has room for MB_CUR_MAX bytes.
pub unsafe fn unconvert_one(utf8: bool, s: *mut c_char, wc: wchar_t, st: &mut mbstate_t) -> usize {
    *st = mbstate_t::INITIAL;
    let wc = if s.is_null() { 0 } else { wc };
    let mut b = [0u8; 4];
    match encode(utf8, wc as u32, &mut b) {
        Some(n) => {
            if !s.is_null() {
                // SAFETY: `s` has room for the character (C contract).
                unsafe { cptr::slice_mut(s.cast(), n).copy_from_slice(&b[..n]) };
            }
            n
        }
        None => {
            set_errno(errno::ILSEQ);
            ILSEQ
        }
    }
}

static mut MBRTOWC_STATE: mbstate_t = mbstate_t::INITIAL;
static mut MBRLEN_STATE: mbstate_t = mbstate_t::INITIAL;
static mut WCRTOMB_STATE: mbstate_t = mbstate_t::INITIAL;

/// C11 `mbrtowc`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbrtowc(pwc: *mut wchar_t, s: *const c_char, n: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { convert_one(locale::current().is_utf8(), pwc, s, n, state(ps, core::ptr::addr_of_mut!(MBRTOWC_STATE))) }
}

/// cloudlibc `mbrtowc_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbrtowc_l(pwc: *mut wchar_t, s: *const c_char, n: usize, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe {
        let utf8 = locale::resolve(l).is_utf8();
        convert_one(utf8, pwc, s, n, state(ps, core::ptr::addr_of_mut!(MBRTOWC_STATE)))
    }
}

/// C11 `mbrlen`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbrlen(s: *const c_char, n: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe {
        let st = state(ps, core::ptr::addr_of_mut!(MBRLEN_STATE));
        convert_one(locale::current().is_utf8(), core::ptr::null_mut(), s, n, st)
    }
}

/// cloudlibc `mbrlen_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbrlen_l(s: *const c_char, n: usize, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe {
        let utf8 = locale::resolve(l).is_utf8();
        convert_one(utf8, core::ptr::null_mut(), s, n, state(ps, core::ptr::addr_of_mut!(MBRLEN_STATE)))
    }
}

/// C11 `wcrtomb`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcrtomb(s: *mut c_char, wc: wchar_t, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { unconvert_one(locale::current().is_utf8(), s, wc, state(ps, core::ptr::addr_of_mut!(WCRTOMB_STATE))) }
}

/// cloudlibc `wcrtomb_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcrtomb_l(s: *mut c_char, wc: wchar_t, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe {
        let utf8 = locale::resolve(l).is_utf8();
        unconvert_one(utf8, s, wc, state(ps, core::ptr::addr_of_mut!(WCRTOMB_STATE)))
    }
}

/// C11 `mbsinit`: whether `ps` (null counts) is in the initial state.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbsinit(ps: *const mbstate_t) -> c_int {
    // SAFETY: a non-null `ps` is readable (C contract).
    (ps.is_null() || unsafe { (*ps).is_initial() }) as c_int
}

/// C11 `btowc`: single bytes are characters only below 0x80, in either
/// character set.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn btowc(c: c_int) -> wint_t {
    if (0..0x80).contains(&c) {
        c as wint_t
    } else {
        WEOF
    }
}

/// cloudlibc `btowc_l`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn btowc_l(c: c_int, _l: locale_t) -> wint_t {
    btowc(c)
}

/// C11 `wctob`: the single byte of `c`, or EOF.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn wctob(c: wint_t) -> c_int {
    if c < 0x80 {
        c as c_int
    } else {
        -1
    }
}

/// cloudlibc `wctob_l`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn wctob_l(c: wint_t, _l: locale_t) -> c_int {
    wctob(c)
}
