//! Circular functions: `sin`, `cos`, `tan`, `sincos`, their inverses and
//! `atan2`.

use super::error::{check, tiny2};
use super::real_pair;

real_pair! {
    /// C11 `sin`: sine.
    sin, sinf(x) f => check(x, f(x), false)
}

real_pair! {
    /// C11 `cos`: cosine.
    cos, cosf(x) f => check(x, f(x), false)
}

real_pair! {
    /// C11 `tan`: tangent.
    tan, tanf(x) f => check(x, f(x), false)
}

real_pair! {
    /// C11 `asin`: arc sine.
    asin, asinf(x) f => check(x, f(x), false)
}

real_pair! {
    /// C11 `acos`: arc cosine.
    acos, acosf(x) f => check(x, f(x), false)
}

real_pair! {
    /// C11 `atan`: arc tangent.
    atan, atanf(x) f => f(x)
}

/// C11 `atan2`: the angle of the point (`x`, `y`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn atan2(y: f64, x: f64) -> f64 {
    tiny2(y, x, super::kernel::atan2(y, x).unwrap_or_else(|| libm::atan2(y, x)))
}

/// C11 `atan2f`: `atan2` for `float`, rounded once from `double`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn atan2f(y: f32, x: f32) -> f32 {
    tiny2(y, x, atan2(f64::from(y), f64::from(x)) as f32)
}

/// compat (GNU) `sincos`: sine and cosine at once; gcc turns a `sin` and
/// `cos` of one argument into this call.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sincos(x: f64, s: *mut f64, c: *mut f64) {
    let (sv, cv) = libm::sincos(x);
    // SAFETY: the caller passes two writable doubles.
    unsafe {
        *s = check(x, sv, false);
        *c = cv;
    }
}

/// compat (GNU) `sincosf`: `sincos` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sincosf(x: f32, s: *mut f32, c: *mut f32) {
    let (sv, cv) = libm::sincosf(x);
    // SAFETY: the caller passes two writable floats.
    unsafe {
        *s = check(x, sv, false);
        *c = cv;
    }
}
