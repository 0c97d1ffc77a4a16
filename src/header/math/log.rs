//! Logarithms: `log`, `log2`, `log10`, `log1p`, `logb`, `ilogb`.

use super::error::{check, domain, pole, Real};
use super::real_pair;
use crate::abi::c_int;

/// C's `FP_ILOGB0` and `FP_ILOGBNAN` (cloudlibc's values).
pub const FP_ILOGB0: c_int = -c_int::MAX;
pub const FP_ILOGBNAN: c_int = c_int::MAX;

/// C11 `log`: natural logarithm.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn log(x: f64) -> f64 {
    // Positive normal arguments have a finite result; not checking it keeps
    // the check off the result's dependency chain (see `exp`).
    if x.to_bits().wrapping_sub(f64::MIN_POSITIVE.to_bits()) < f64::INFINITY.to_bits() - f64::MIN_POSITIVE.to_bits() {
        return super::kernel::log(x);
    }
    check(x, super::kernel::log(x), x == 0.0)
}

/// C11 `logf`: `log` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn logf(x: f32) -> f32 {
    check(x, libm::logf(x), x == 0.0)
}

real_pair! {
    /// C11 `log2`: base-2 logarithm.
    log2, log2f(x) f => check(x, f(x), x == 0.0)
}

real_pair! {
    /// C11 `log10`: base-10 logarithm.
    log10, log10f(x) f => check(x, f(x), x == 0.0)
}

real_pair! {
    /// C11 `log1p`: logarithm of `1 + x`, exact near zero.
    log1p, log1pf(x) f => check(x, f(x), x == -1.0)
}

/// The exponent of `x` for `ilogb`, with C's values for zero, infinity
/// and NaN (each a domain error, as glibc reports them).
pub(crate) fn ilogb_of<T: Real>(x: T, finite_exponent: impl FnOnce(T) -> i32) -> c_int {
    if x.is_nan() {
        domain(FP_ILOGBNAN)
    } else if x.is_infinite() {
        domain(c_int::MAX)
    } else if x == T::ZERO {
        domain(FP_ILOGB0)
    } else {
        finite_exponent(x)
    }
}

/// C11 `ilogb`: the exponent of `x` as an `int`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ilogb(x: f64) -> c_int {
    ilogb_of(x, libm::ilogb)
}

/// C11 `ilogbf`: `ilogb` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ilogbf(x: f32) -> c_int {
    ilogb_of(x, libm::ilogbf)
}

/// The exponent of `x` as a floating value: `-inf` (a pole error) for zero,
/// `+inf` for infinities.
pub(crate) fn logb_of<T: Real>(x: T, exponent: impl FnOnce(T) -> i32, inf: T, from: impl FnOnce(i32) -> T) -> T {
    if x.is_nan() {
        x
    } else if x.is_infinite() {
        inf
    } else if x == T::ZERO {
        pole(-inf)
    } else {
        from(exponent(x))
    }
}

/// C11 `logb`: the exponent of `x` as a `double`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn logb(x: f64) -> f64 {
    logb_of(x, libm::ilogb, f64::INFINITY, f64::from)
}

/// C11 `logbf`: `logb` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn logbf(x: f32) -> f32 {
    logb_of(x, libm::ilogbf, f32::INFINITY, |e| e as f32)
}
