//! Restartable string conversions: `mbsrtowcs`, `mbsnrtowcs`,
//! `wcsrtombs`, `wcsnrtombs`, and their `_l` forms. With a destination,
//! `*src` ends up past the last character converted, NULL after the
//! terminating NUL, or at the character that failed (EILSEQ); without
//! one, the length is computed and `*src` left alone.

use super::mbrtowc::{state, ILSEQ};
use super::mbstate::{decode, encode, mbstate_t, Decoded};
use super::wchar_t;
use crate::abi::c_char;
use crate::errno::set_errno;
use crate::header::locale::{self, locale_t};
use cloudabi::errno;

/// Multibyte to wide: at most `nms` bytes in, `len` characters out.
///
/// # Safety
/// `*src` is readable up to its NUL or `nms` bytes; `dst` null or
/// writable for `len` characters.
pub unsafe fn to_wide(utf8: bool, dst: *mut wchar_t, src: *mut *const c_char, nms: usize, len: usize, st: &mut mbstate_t) -> usize {
    // SAFETY: the caller's contract; bytes are read one at a time, so
    // nothing past the NUL or the limit is touched.
    unsafe {
        let p = (*src).cast::<u8>();
        let (mut i, mut start, mut n) = (0, 0, 0);
        while (dst.is_null() || n < len) && i < nms {
            let b = *p.add(i);
            i += 1;
            match decode(utf8, &[b], st) {
                Decoded::Incomplete => {}
                Decoded::Invalid => {
                    if !dst.is_null() {
                        *src = p.add(start).cast();
                    }
                    set_errno(errno::ILSEQ);
                    return ILSEQ;
                }
                Decoded::Char(c, _) => {
                    if !dst.is_null() {
                        *dst.add(n) = c as wchar_t;
                    }
                    if c == 0 {
                        if !dst.is_null() {
                            *src = core::ptr::null();
                        }
                        return n;
                    }
                    n += 1;
                    start = i;
                }
            }
        }
        if !dst.is_null() {
            *src = p.add(i).cast();
        }
        n
    }
}

/// Wide to multibyte: at most `nwc` characters in, `len` bytes out.
///
/// # Safety
/// `*src` is readable up to its NUL or `nwc` characters; `dst` null or
/// writable for `len` bytes.
pub unsafe fn to_multi(utf8: bool, dst: *mut c_char, src: *mut *const wchar_t, nwc: usize, len: usize, st: &mut mbstate_t) -> usize {
    *st = mbstate_t::INITIAL;
    // SAFETY: the caller's contract.
    unsafe {
        let p = *src;
        let (mut i, mut n) = (0, 0);
        while i < nwc {
            let wc = *p.add(i);
            let mut b = [0u8; 4];
            let Some(k) = encode(utf8, wc as u32, &mut b) else {
                if !dst.is_null() {
                    *src = p.add(i);
                }
                set_errno(errno::ILSEQ);
                return ILSEQ;
            };
            if !dst.is_null() {
                if n + k > len {
                    break;
                }
                for (j, &byte) in b[..k].iter().enumerate() {
                    *dst.add(n + j) = byte as c_char;
                }
                if wc == 0 {
                    *src = core::ptr::null();
                    return n;
                }
            } else if wc == 0 {
                return n;
            }
            n += k;
            i += 1;
        }
        if !dst.is_null() {
            *src = p.add(i);
        }
        n
    }
}

static mut MBSRTOWCS_STATE: mbstate_t = mbstate_t::INITIAL;
static mut MBSNRTOWCS_STATE: mbstate_t = mbstate_t::INITIAL;
static mut WCSRTOMBS_STATE: mbstate_t = mbstate_t::INITIAL;
static mut WCSNRTOMBS_STATE: mbstate_t = mbstate_t::INITIAL;

/// C11 `mbsrtowcs`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbsrtowcs(dst: *mut wchar_t, src: *mut *const c_char, len: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_wide(locale::current().is_utf8(), dst, src, usize::MAX, len, state(ps, core::ptr::addr_of_mut!(MBSRTOWCS_STATE))) }
}

/// cloudlibc `mbsrtowcs_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbsrtowcs_l(dst: *mut wchar_t, src: *mut *const c_char, len: usize, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_wide(locale::resolve(l).is_utf8(), dst, src, usize::MAX, len, state(ps, core::ptr::addr_of_mut!(MBSRTOWCS_STATE))) }
}

/// POSIX `mbsnrtowcs`: like `mbsrtowcs`, reading at most `nms` bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbsnrtowcs(dst: *mut wchar_t, src: *mut *const c_char, nms: usize, len: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_wide(locale::current().is_utf8(), dst, src, nms, len, state(ps, core::ptr::addr_of_mut!(MBSNRTOWCS_STATE))) }
}

/// cloudlibc `mbsnrtowcs_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbsnrtowcs_l(dst: *mut wchar_t, src: *mut *const c_char, nms: usize, len: usize, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_wide(locale::resolve(l).is_utf8(), dst, src, nms, len, state(ps, core::ptr::addr_of_mut!(MBSNRTOWCS_STATE))) }
}

/// C11 `wcsrtombs`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsrtombs(dst: *mut c_char, src: *mut *const wchar_t, len: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_multi(locale::current().is_utf8(), dst, src, usize::MAX, len, state(ps, core::ptr::addr_of_mut!(WCSRTOMBS_STATE))) }
}

/// cloudlibc `wcsrtombs_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsrtombs_l(dst: *mut c_char, src: *mut *const wchar_t, len: usize, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_multi(locale::resolve(l).is_utf8(), dst, src, usize::MAX, len, state(ps, core::ptr::addr_of_mut!(WCSRTOMBS_STATE))) }
}

/// POSIX `wcsnrtombs`: like `wcsrtombs`, reading at most `nwc` characters.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsnrtombs(dst: *mut c_char, src: *mut *const wchar_t, nwc: usize, len: usize, ps: *mut mbstate_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_multi(locale::current().is_utf8(), dst, src, nwc, len, state(ps, core::ptr::addr_of_mut!(WCSNRTOMBS_STATE))) }
}

/// cloudlibc `wcsnrtombs_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsnrtombs_l(dst: *mut c_char, src: *mut *const wchar_t, nwc: usize, len: usize, ps: *mut mbstate_t, l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { to_multi(locale::resolve(l).is_utf8(), dst, src, nwc, len, state(ps, core::ptr::addr_of_mut!(WCSNRTOMBS_STATE))) }
}
