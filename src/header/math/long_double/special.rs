//! `long double` error and gamma functions. These compute in `double`
//! (the `libm` crate), corrected and extended where that matters:
//! arguments are split into their double part and the rest, which enters
//! through the derivative (erf, erfc); arguments and results beyond
//! double's range use asymptotic series in extended precision (erfc for
//! large x, gamma by Stirling's series); negative arguments go through the
//! reflection formula with an exact reduction of sin(pi x), so that values
//! near the poles keep their distance to them. Precision is about that of
//! `double` (53 bits), not the full 64.

use super::abi::long_double;
use super::consts::{HALF_LN_2PI, PI, SQRT_2PI, TWO_OVER_SQRTPI};
use super::exp::exp;
use super::f80::{two_prod, F80};
use super::log::log;
use super::manip::trunc;
use super::power::pow;
use super::trig::sin;
use crate::abi::c_int;
use crate::header::math::error::{check, tiny};
use core::sync::atomic::Ordering;

/// `x` as its nearest double and the (exact) remainder.
fn split_double(x: F80) -> (f64, F80) {
    let d = x.to_f64();
    (d, x - F80::from(d))
}

/// 2/sqrt(pi) e^(-d^2): the derivative of erf at d.
fn erf_slope(d: f64) -> F80 {
    let dd = F80::from(d);
    TWO_OVER_SQRTPI * exp(-(dd * dd))
}

pub fn erf(x: F80) -> F80 {
    let a = x.abs();
    if x.is_nan() || a < F80::ONE.scale(-60) {
        return if x.is_nan() { x + x } else { x * TWO_OVER_SQRTPI };
    }
    if a > F80::from(6.5) {
        return (F80::ONE - F80::ONE.scale(-100)).copysign(x);
    }
    let (d, rest) = split_double(x);
    F80::from(libm::erf(d)) + erf_slope(d) * rest
}

/// erfc(x) for x >= 26: e^(-x^2) / (x sqrt(pi)) times the asymptotic
/// series sum (-1)^k (2k-1)!! / (2x^2)^k, with x^2 exact as two parts.
fn erfc_large(x: F80) -> F80 {
    let (p, pe) = two_prod(x, x);
    let inv = F80::ONE / p.scale(1);
    let mut term = F80::ONE;
    let mut sum = F80::ONE;
    for k in 1..10 {
        term = -term * F80::from(f64::from(2 * k - 1)) * inv;
        sum = sum + term;
    }
    exp(-p) * (F80::ONE - pe) * sum * TWO_OVER_SQRTPI.scale(-1) / x
}

pub fn erfc(x: F80) -> F80 {
    if x.is_nan() {
        return x + x;
    }
    if x < F80::from(-6.5) {
        return F80::TWO - F80::ONE.scale(-100);
    }
    let r = if x >= F80::from(26.0) {
        if x > F80::from(110.0) {
            F80::ZERO
        } else {
            erfc_large(x)
        }
    } else {
        let (d, rest) = split_double(x);
        F80::from(libm::erfc(d)) - erf_slope(d) * rest
    };
    tiny(x, r)
}

/// sin(pi x), exact in its reduction: x = n + f with |f| <= 1/2.
fn sin_pi(x: F80) -> F80 {
    let n = x.rint();
    let s = sin(PI * (x - n));
    if n.to_i64() & 1 == 1 {
        -s
    } else {
        s
    }
}

/// The digamma function psi = gamma'/gamma for d > 0, to about 2^-30
/// (enough for a first-order correction): psi(d) = psi(d + 1) - 1/d up to
/// d >= 8, then the asymptotic series.
fn digamma(d: f64) -> f64 {
    let (mut d, mut acc) = (d, 0.0);
    while d < 8.0 {
        acc -= 1.0 / d;
        d += 1.0;
    }
    let inv = 1.0 / d;
    let inv2 = inv * inv;
    acc + libm::log(d) - 0.5 * inv - inv2 * (1.0 / 12.0 - inv2 * (1.0 / 120.0 - inv2 / 252.0))
}

/// ln gamma(x) for x > 0 (not tiny): in double at x's double part, plus
/// psi times the rest.
fn lgamma_positive(x: F80) -> F80 {
    if x > F80::ONE.scale(1000) {
        (x - F80::HALF) * log(x) - x + HALF_LN_2PI
    } else {
        let (d, rest) = split_double(x);
        F80::from(libm::lgamma_r(d).0) + F80::from(digamma(d)) * rest
    }
}

fn is_integer(x: F80) -> bool {
    trunc(x) == x
}

/// ln |gamma(x)| and the sign of gamma(x).
pub fn lgamma_r(x: F80) -> (F80, c_int) {
    if x.is_nan() || x.is_infinite() {
        return (x * x, 1);
    }
    let sign = if x.is_negative() { -1 } else { 1 };
    if x.is_zero() || x.is_negative() && is_integer(x) {
        return (check(x, F80::INFINITY, true), sign);
    }
    let a = x.abs();
    if a < F80::ONE.scale(-64) {
        return (-log(a), sign);
    }
    if x.is_negative() {
        // gamma(x) gamma(1 - x) = pi / sin(pi x).
        let s = sin_pi(x);
        let r = log(PI / s.abs()) - lgamma_positive(F80::ONE - x);
        return (r, if s.is_negative() { -1 } else { 1 });
    }
    (check(x, lgamma_positive(x), false), 1)
}

/// gamma(x) for x >= 171 by Stirling's series, x^(x-1/2) taken as two
/// halves so that no intermediate overflows before the result.
fn tgamma_large(x: F80) -> F80 {
    if x > F80::from(1755.5) {
        return F80::INFINITY;
    }
    let inv = F80::ONE / x;
    let inv2 = inv * inv;
    let series = inv
        * (F80::from(1.0 / 12.0)
            - inv2 * (F80::from(1.0 / 360.0) - inv2 * (F80::from(1.0 / 1260.0) - inv2 * F80::from(1.0 / 1680.0))));
    let half = pow(x, (x - F80::HALF).scale(-1));
    half * (half * exp(-x)) * SQRT_2PI * exp(series)
}

/// gamma(x) for x > 0 (not tiny): in double at x's double part, times
/// 1 + psi times the rest.
fn tgamma_positive(x: F80) -> F80 {
    if x >= F80::from(171.0) {
        tgamma_large(x)
    } else {
        let (d, rest) = split_double(x);
        F80::from(libm::tgamma(d)) * (F80::ONE + F80::from(digamma(d)) * rest)
    }
}

pub fn tgamma(x: F80) -> F80 {
    let r = if x.is_nan() || x.is_infinite() && !x.is_negative() {
        x + x
    } else if x.is_zero() {
        F80::INFINITY.copysign(x)
    } else if x.is_infinite() || x.is_negative() && is_integer(x) {
        F80::NAN
    } else if x.abs() < F80::ONE.scale(-64) {
        F80::ONE / x
    } else if x.is_negative() {
        PI / (sin_pi(x) * tgamma_positive(F80::ONE - x))
    } else {
        tgamma_positive(x)
    };
    tiny(x, check(x, r, x.is_zero()))
}

long_double! {
    /// C11 `erfl`: the error function.
    ld erfl(x) => erf(x)
}

long_double! {
    /// C11 `erfcl`: `1 - erfl(x)`, exact for large `x`.
    ld erfcl(x) => erfc(x)
}

long_double! {
    /// C11 `tgammal`: the gamma function.
    ld tgammal(x) => tgamma(x)
}

long_double! {
    /// cloudlibc `lgammal_r`: `lgammal`, with the sign of gamma in `*sign`.
    ld lgammal_r(x; sign: *mut c_int) => {
        let (r, s) = lgamma_r(x);
        // SAFETY: the caller passes a writable int.
        unsafe { *sign = s };
        r
    }
}

long_double! {
    /// C11 `lgammal`: the logarithm of |gamma(x)|; the sign goes to
    /// `signgam`.
    ld lgammal(x) => {
        let (r, s) = lgamma_r(x);
        crate::header::math::special::signgam.store(s, Ordering::Relaxed);
        r
    }
}
