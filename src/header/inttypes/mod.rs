//! `<inttypes.h>`: imaxabs, imaxdiv, strtoimax, strtoumax, wcstoimax,
//! wcstoumax. intmax_t is long here, so these share the `<stdlib.h>`
//! integer scanner; the wide forms run it over `wchar_t` units.

use crate::abi::{c_char, c_int};
use crate::header::stdlib::strtol::{to_signed, to_unsigned};

pub type intmax_t = i64;
pub type uintmax_t = u64;
pub type wchar_t = i32;

/// C11 `imaxdiv_t`.
#[repr(C)]
pub struct imaxdiv_t {
    pub quot: intmax_t,
    pub rem: intmax_t,
}

/// C11 `imaxabs`: absolute value of an intmax_t.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn imaxabs(i: intmax_t) -> intmax_t {
    i.wrapping_abs()
}

/// C11 `imaxdiv`: quotient truncated toward zero and remainder.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn imaxdiv(n: intmax_t, d: intmax_t) -> imaxdiv_t {
    imaxdiv_t { quot: n / d, rem: n % d }
}

/// C11 `strtoimax`: converts the initial part of a string to intmax_t.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoimax(s: *const c_char, end: *mut *mut c_char, base: c_int) -> intmax_t {
    // SAFETY: the C contract: s is a string, end null or writable.
    unsafe { to_signed(s, end, base) }
}

/// C11 `strtoumax`: converts the initial part of a string to uintmax_t.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoumax(s: *const c_char, end: *mut *mut c_char, base: c_int) -> uintmax_t {
    // SAFETY: the C contract: s is a string, end null or writable.
    unsafe { to_unsigned(s, end, base) }
}

/// C11 `wcstoimax`: converts the initial part of a wide string to intmax_t.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstoimax(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> intmax_t {
    // SAFETY: the C contract: s is a wide string, end null or writable.
    unsafe { to_signed(s, end, base) }
}

/// C11 `wcstoumax`: converts the initial part of a wide string to uintmax_t.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstoumax(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> uintmax_t {
    // SAFETY: the C contract: s is a wide string, end null or writable.
    unsafe { to_unsigned(s, end, base) }
}
