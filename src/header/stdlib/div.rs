//! abs, labs, llabs, div, ldiv, lldiv.
//!
//! The absolute value of the most negative integer is undefined in C; here
//! it wraps to itself, as the two's-complement negation does.

use crate::abi::{c_int, c_long, c_longlong};

/// C11 `div_t`.
#[repr(C)]
pub struct div_t {
    pub quot: c_int,
    pub rem: c_int,
}

/// C11 `ldiv_t`.
#[repr(C)]
pub struct ldiv_t {
    pub quot: c_long,
    pub rem: c_long,
}

/// C11 `lldiv_t`.
#[repr(C)]
pub struct lldiv_t {
    pub quot: c_longlong,
    pub rem: c_longlong,
}

/// C11 `abs`: absolute value of an int.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn abs(i: c_int) -> c_int {
    i.wrapping_abs()
}

/// C11 `labs`: absolute value of a long.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn labs(i: c_long) -> c_long {
    i.wrapping_abs()
}

/// C11 `llabs`: absolute value of a long long.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn llabs(i: c_longlong) -> c_longlong {
    i.wrapping_abs()
}

/// C11 `div`: quotient truncated toward zero and remainder, of ints.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn div(n: c_int, d: c_int) -> div_t {
    div_t { quot: n / d, rem: n % d }
}

/// C11 `ldiv`: quotient truncated toward zero and remainder, of longs.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ldiv(n: c_long, d: c_long) -> ldiv_t {
    ldiv_t { quot: n / d, rem: n % d }
}

/// C11 `lldiv`: quotient truncated toward zero and remainder, of long longs.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lldiv(n: c_longlong, d: c_longlong) -> lldiv_t {
    lldiv_t { quot: n / d, rem: n % d }
}
