//! Error and gamma functions, Bessel functions.

use super::error::{check, tiny, Real};
use super::kernel;
use super::long_double::{gamma, F80};
use super::real_pair;
use crate::abi::c_int;
use core::sync::atomic::{AtomicI32, Ordering};

/// compat (POSIX) `signgam`: the sign of gamma at the last `lgamma`
/// argument (shared by all threads: `lgamma_r` is the safe form).
#[cfg_attr(not(test), no_mangle)]
#[allow(non_upper_case_globals)]
pub static signgam: AtomicI32 = AtomicI32::new(0);

real_pair! {
    /// C11 `erf`: the error function.
    erf, erff(x) f => f(x)
}

real_pair! {
    /// C11 `erfc`: `1 - erf(x)`, exact for large `x`.
    erfc, erfcf(x) f => tiny(x, f(x))
}

/// gamma(x) through the long double function, whose 64-bit result rounds
/// to double within about half an ulp.
fn gamma_of(x: f64) -> f64 {
    gamma::tgamma(F80::from(x)).to_f64()
}

/// C11 `tgamma`: the gamma function; poles at zero, domain errors at the
/// negative integers.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tgamma(x: f64) -> f64 {
    tiny(x, check(x, gamma_of(x), x == 0.0))
}

/// C11 `tgammaf`: `tgamma` for `float`, rounded once from `double`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tgammaf(x: f32) -> f32 {
    tiny(x, check(x, gamma_of(f64::from(x)) as f32, x == 0.0))
}

/// Checks `lgamma`'s result: infinite at the non-positive integers (a pole),
/// overflowing for huge arguments.
fn lgamma_check<T: Real>(x: T, r: T, is_integer: bool) -> T {
    check(x, r, is_integer && x <= T::ZERO)
}

/// ln |gamma(x)| and the sign of gamma(x): from 8 up by Stirling's series
/// in double-double arithmetic, from 0 to 8 by the recurrence down from
/// there; within 2^-10 of the zeros at 1 and 2, at the poles and below 0,
/// by the (slower) long double function, whose 64-bit result rounds to
/// within about half an ulp.
fn lgamma_parts(x: f64) -> (f64, c_int) {
    if (8.0..f64::INFINITY).contains(&x) {
        return (kernel::lgamma_large(x), 1);
    }
    if x > 0.0 && x < 8.0 && (x - 1.0).abs() >= 1.0 / 1024.0 && (x - 2.0).abs() >= 1.0 / 1024.0 {
        return (kernel::lgamma_mid(x), 1);
    }
    let (r, s) = gamma::lgamma_r(F80::from(x));
    (r.to_f64(), s)
}

/// cloudlibc `lgamma_r`: `lgamma`, with the sign of gamma in `*sign`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn lgamma_r(x: f64, sign: *mut c_int) -> f64 {
    let (r, s) = lgamma_parts(x);
    // SAFETY: the caller passes a writable int.
    unsafe { *sign = s };
    lgamma_check(x, r, libm::floor(x) == x)
}

/// cloudlibc `lgammaf_r`: `lgamma_r` for `float`, computed in `double`
/// (within a few double ulps, far below a float's) and rounded once.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn lgammaf_r(x: f32, sign: *mut c_int) -> f32 {
    let (r, s) = lgamma_parts(f64::from(x));
    let r = r as f32;
    // SAFETY: the caller passes a writable int.
    unsafe { *sign = s };
    lgamma_check(x, r, libm::floorf(x) == x)
}

/// C11 `lgamma`: the logarithm of the absolute value of gamma; the sign
/// goes to `signgam`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lgamma(x: f64) -> f64 {
    let mut s = 0;
    // SAFETY: `s` is a writable int.
    let r = unsafe { lgamma_r(x, &mut s) };
    signgam.store(s, Ordering::Relaxed);
    r
}

/// C11 `lgammaf`: `lgamma` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lgammaf(x: f32) -> f32 {
    let mut s = 0;
    // SAFETY: `s` is a writable int.
    let r = unsafe { lgammaf_r(x, &mut s) };
    signgam.store(s, Ordering::Relaxed);
    r
}

/// compat (BSD) `gamma`: the old name of `lgamma`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn gamma(x: f64) -> f64 {
    lgamma(x)
}

/// compat (BSD) `gammaf`: the old name of `lgammaf`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn gammaf(x: f32) -> f32 {
    lgammaf(x)
}

/// POSIX `j0`: Bessel function of the first kind, order 0.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn j0(x: f64) -> f64 {
    libm::j0(x)
}

/// POSIX `j1`: Bessel function of the first kind, order 1.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn j1(x: f64) -> f64 {
    libm::j1(x)
}

/// POSIX `jn`: Bessel function of the first kind, order `n`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn jn(n: c_int, x: f64) -> f64 {
    tiny(x, libm::jn(n, x))
}

/// POSIX `y0`: Bessel function of the second kind, order 0; a pole at
/// zero, undefined below.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn y0(x: f64) -> f64 {
    check(x, libm::y0(x), x == 0.0)
}

/// POSIX `y1`: Bessel function of the second kind, order 1.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn y1(x: f64) -> f64 {
    check(x, libm::y1(x), x == 0.0)
}

/// POSIX `yn`: Bessel function of the second kind, order `n`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn yn(n: c_int, x: f64) -> f64 {
    check(x, libm::yn(n, x), x == 0.0)
}
