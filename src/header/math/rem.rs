//! Remainders: `fmod`, `remainder`, `remquo` (and compat `drem`).

use super::error::check2;
use super::real_pair;
use crate::abi::c_int;

real_pair! {
    /// C11 `fmod`: `x - n*y` with `n` rounded toward zero.
    fmod, fmodf(x, y) f => check2(x, y, f(x, y), false)
}

real_pair! {
    /// C11 `remainder`: `x - n*y` with `n` rounded to nearest.
    remainder, remainderf(x, y) f => check2(x, y, f(x, y), false)
}

/// compat (BSD) `drem`: the old name of `remainder`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn drem(x: f64, y: f64) -> f64 {
    remainder(x, y)
}

/// compat (BSD) `dremf`: the old name of `remainderf`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dremf(x: f32, y: f32) -> f32 {
    remainderf(x, y)
}

/// C11 `remquo`: `remainder`, and the low bits of the quotient in `*quo`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn remquo(x: f64, y: f64, quo: *mut c_int) -> f64 {
    let (r, q) = libm::remquo(x, y);
    // SAFETY: the caller passes a writable int.
    unsafe { *quo = q };
    check2(x, y, r, false)
}

/// C11 `remquof`: `remquo` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn remquof(x: f32, y: f32, quo: *mut c_int) -> f32 {
    let (r, q) = libm::remquof(x, y);
    // SAFETY: the caller passes a writable int.
    unsafe { *quo = q };
    check2(x, y, r, false)
}
