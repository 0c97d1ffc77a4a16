//! `wcsftime` and cloudlibc's `wcsptime`: the `strftime` and `strptime`
//! engines over wide strings.

use super::wcs::wide;
use super::wchar_t;
use crate::header::locale::locale_t;
use crate::header::time::strftime::format_into;
use crate::header::time::strptime::parse;
use crate::header::time::tm;

/// C11 `wcsftime`: the length written without the NUL, or 0 if the result
/// does not fit in `max` wide characters.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsftime(s: *mut wchar_t, max: usize, fmt: *const wchar_t, t: *const tm) -> usize {
    // SAFETY: `s` has room for `max` characters, `fmt` is NUL-terminated
    // and `t` readable (C contract).
    let (buf, fmt, t) = unsafe {
        let buf: &mut [wchar_t] = if max == 0 { &mut [] } else { core::slice::from_raw_parts_mut(s, max) };
        (buf, wide(fmt), &*t)
    };
    format_into(buf, fmt, t)
}

/// cloudlibc `wcsftime_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsftime_l(s: *mut wchar_t, max: usize, fmt: *const wchar_t, t: *const tm, _l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { wcsftime(s, max, fmt, t) }
}

/// cloudlibc `wcsptime`: `strptime` over wide strings.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsptime(s: *const wchar_t, fmt: *const wchar_t, t: *mut tm) -> *mut wchar_t {
    // SAFETY: both strings are NUL-terminated, `t` writable (C contract).
    let (input, f, t) = unsafe { (wide(s), wide(fmt), &mut *t) };
    match parse(input, f, t) {
        // SAFETY: `n` is within the input.
        Some(n) => unsafe { s.add(n) as *mut wchar_t },
        None => core::ptr::null_mut(),
    }
}

/// cloudlibc `wcsptime_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsptime_l(s: *const wchar_t, fmt: *const wchar_t, t: *mut tm, _l: locale_t) -> *mut wchar_t {
    // SAFETY: forwarded contract.
    unsafe { wcsptime(s, fmt, t) }
}
