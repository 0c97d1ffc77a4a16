//! Rounding to integers: `ceil`, `floor`, `trunc`, `round`, `rint`,
//! `nearbyint`, the `l`/`ll` forms returning integers, and `modf`.

use super::error::invalid;
use super::real_pair;
use crate::abi::{c_long, c_longlong};
use crate::header::fenv::{feclearexcept, fetestexcept, FE_INEXACT};
use core::arch::x86_64::{_mm_cvtsd_si64, _mm_cvtss_si64, _mm_set_sd, _mm_set_ss};

real_pair! {
    /// C11 `ceil`: the least integer not below `x`.
    ceil, ceilf(x) f => f(x)
}

real_pair! {
    /// C11 `floor`: the greatest integer not above `x`.
    floor, floorf(x) f => f(x)
}

real_pair! {
    /// C11 `trunc`: `x` rounded toward zero.
    trunc, truncf(x) f => f(x)
}

real_pair! {
    /// C11 `round`: `x` rounded to nearest, halfway cases away from zero.
    round, roundf(x) f => f(x)
}

/// `x`, an integer value, as a `long`; out of range (or NaN) is invalid and
/// gives `LONG_MIN`, as the hardware conversion does.
fn to_long(x: f64) -> c_long {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if (-LIMIT..LIMIT).contains(&x) {
        x as c_long
    } else {
        invalid(c_long::MIN)
    }
}

/// C11 `lround`: `round` as a `long`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lround(x: f64) -> c_long {
    to_long(libm::round(x))
}

/// C11 `lroundf`: `lround` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lroundf(x: f32) -> c_long {
    to_long(f64::from(libm::roundf(x)))
}

/// C11 `llround`: `round` as a `long long`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn llround(x: f64) -> c_longlong {
    lround(x)
}

/// C11 `llroundf`: `llround` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn llroundf(x: f32) -> c_longlong {
    lroundf(x)
}

/// `x` rounded in the current rounding mode: the SSE conversion to a 64-bit
/// integer rounds in the mode (and raises inexact), and below 2^52 the
/// integer converts back exactly. (LLVM assumes round-to-nearest, so the
/// rounding cannot be left to ordinary arithmetic it may rearrange; and
/// this function has a name of its own because LLVM rewrites calls to one
/// named `rint`, turning `(float)rint((double)x)` in `rintf` into `rintf`.)
fn round_in_mode(x: f64) -> f64 {
    const TWO52: f64 = 4_503_599_627_370_496.0;
    if !(x.abs() < TWO52) {
        return x;
    }
    // SAFETY: SSE2 is part of the x86_64 baseline.
    let n = unsafe { _mm_cvtsd_si64(_mm_set_sd(x)) };
    (n as f64).copysign(x)
}

/// C11 `rint`: `x` rounded in the current rounding mode.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn rint(x: f64) -> f64 {
    round_in_mode(x)
}

/// C11 `rintf`: `rint` for `float`; a float is exact as a double and its
/// rounded value fits back.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn rintf(x: f32) -> f32 {
    round_in_mode(f64::from(x)) as f32
}

/// Runs `f` without letting it raise the inexact exception.
fn keeping_inexact<T>(f: impl FnOnce() -> T) -> T {
    let had = fetestexcept(FE_INEXACT);
    let r = f();
    if had == 0 {
        feclearexcept(FE_INEXACT);
    }
    r
}

/// C11 `nearbyint`: `rint` without the inexact exception.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn nearbyint(x: f64) -> f64 {
    keeping_inexact(|| round_in_mode(x))
}

/// C11 `nearbyintf`: `nearbyint` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn nearbyintf(x: f32) -> f32 {
    keeping_inexact(|| round_in_mode(f64::from(x)) as f32)
}

/// C11 `lrint`: `rint` as a `long`. The SSE conversion rounds in the
/// current mode and gives `LONG_MIN` with the invalid exception when out of
/// range, which is what Annex F asks.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lrint(x: f64) -> c_long {
    // SAFETY: SSE2 is part of the x86_64 baseline.
    unsafe { _mm_cvtsd_si64(_mm_set_sd(x)) }
}

/// C11 `lrintf`: `lrint` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lrintf(x: f32) -> c_long {
    // SAFETY: SSE is part of the x86_64 baseline.
    unsafe { _mm_cvtss_si64(_mm_set_ss(x)) }
}

/// C11 `llrint`: `rint` as a `long long`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn llrint(x: f64) -> c_longlong {
    lrint(x)
}

/// C11 `llrintf`: `llrint` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn llrintf(x: f32) -> c_longlong {
    lrintf(x)
}

/// C11 `modf`: the fraction of `x`, with its integral part in `*iptr`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn modf(x: f64, iptr: *mut f64) -> f64 {
    let (frac, int) = libm::modf(x);
    // SAFETY: the caller passes a writable double.
    unsafe { *iptr = int };
    frac
}

/// C11 `modff`: `modf` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn modff(x: f32, iptr: *mut f32) -> f32 {
    let (frac, int) = libm::modff(x);
    // SAFETY: the caller passes a writable float.
    unsafe { *iptr = int };
    frac
}
