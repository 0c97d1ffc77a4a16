//! The multibyte functions of `<stdlib.h>`: `mblen`, `mbtowc`, `wctomb`,
//! `mbstowcs`, `wcstombs`, their `_l` forms, and `MB_CUR_MAX`. Both
//! character sets are stateless, so a null string argument just resets
//! the function's state and returns 0; an incomplete character counts as
//! invalid (-1, EILSEQ).

use crate::abi::{c_char, c_int};
use crate::errno::set_errno;
use crate::header::locale::{self, locale_t};
use crate::header::wchar::mbrtowc::{convert_one, unconvert_one, ILSEQ, INCOMPLETE};
use crate::header::wchar::mbsrtowcs::{to_multi, to_wide};
use crate::header::wchar::mbstate::mbstate_t;
use crate::header::wchar::wchar_t;
use cloudabi::errno;

/// One character of `s` in `utf8` or not; `st` is reset after a failure.
///
/// # Safety
/// As `mbtowc`.
unsafe fn one(utf8: bool, pwc: *mut wchar_t, s: *const c_char, n: usize) -> c_int {
    if s.is_null() {
        return 0;
    }
    let mut st = mbstate_t::INITIAL;
    // SAFETY: forwarded contract.
    match unsafe { convert_one(utf8, pwc, s, n, &mut st) } {
        INCOMPLETE => {
            set_errno(errno::ILSEQ);
            -1
        }
        ILSEQ => -1,
        k => k as c_int,
    }
}

/// C11 `mblen`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mblen(s: *const c_char, n: usize) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { one(locale::current().is_utf8(), core::ptr::null_mut(), s, n) }
}

/// cloudlibc `mblen_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mblen_l(s: *const c_char, n: usize, l: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { one(locale::resolve(l).is_utf8(), core::ptr::null_mut(), s, n) }
}

/// C11 `mbtowc`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbtowc(pwc: *mut wchar_t, s: *const c_char, n: usize) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { one(locale::current().is_utf8(), pwc, s, n) }
}

/// cloudlibc `mbtowc_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbtowc_l(pwc: *mut wchar_t, s: *const c_char, n: usize, l: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { one(locale::resolve(l).is_utf8(), pwc, s, n) }
}

unsafe fn to_bytes(utf8: bool, s: *mut c_char, wc: wchar_t) -> c_int {
    if s.is_null() {
        return 0;
    }
    // SAFETY: `s` has room for MB_CUR_MAX bytes (C contract).
    match unsafe { unconvert_one(utf8, s, wc, &mut mbstate_t::INITIAL.clone()) } {
        ILSEQ => -1,
        k => k as c_int,
    }
}

/// C11 `wctomb`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wctomb(s: *mut c_char, wc: wchar_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { to_bytes(locale::current().is_utf8(), s, wc) }
}

/// cloudlibc `wctomb_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wctomb_l(s: *mut c_char, wc: wchar_t, l: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { to_bytes(locale::resolve(l).is_utf8(), s, wc) }
}

/// C11 `mbstowcs`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbstowcs(dst: *mut wchar_t, src: *const c_char, n: usize) -> usize {
    let mut p = src;
    // SAFETY: forwarded contract.
    unsafe { to_wide(locale::current().is_utf8(), dst, &mut p, usize::MAX, n, &mut mbstate_t::INITIAL.clone()) }
}

/// cloudlibc `mbstowcs_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mbstowcs_l(dst: *mut wchar_t, src: *const c_char, n: usize, l: locale_t) -> usize {
    let mut p = src;
    // SAFETY: forwarded contract.
    unsafe { to_wide(locale::resolve(l).is_utf8(), dst, &mut p, usize::MAX, n, &mut mbstate_t::INITIAL.clone()) }
}

/// C11 `wcstombs`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstombs(dst: *mut c_char, src: *const wchar_t, n: usize) -> usize {
    let mut p = src;
    // SAFETY: forwarded contract.
    unsafe { to_multi(locale::current().is_utf8(), dst, &mut p, usize::MAX, n, &mut mbstate_t::INITIAL.clone()) }
}

/// cloudlibc `wcstombs_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstombs_l(dst: *mut c_char, src: *const wchar_t, n: usize, l: locale_t) -> usize {
    let mut p = src;
    // SAFETY: forwarded contract.
    unsafe { to_multi(locale::resolve(l).is_utf8(), dst, &mut p, usize::MAX, n, &mut mbstate_t::INITIAL.clone()) }
}

/// cloudlibc `MB_CUR_MAX_L`: the longest character in `l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn MB_CUR_MAX_L(l: locale_t) -> usize {
    // SAFETY: `l` is a live locale (C contract).
    unsafe { locale::resolve(l) }.mb_cur_max()
}

/// What the `MB_CUR_MAX` macro calls: the current locale's maximum.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn __mb_cur_max() -> usize {
    locale::current().mb_cur_max()
}
