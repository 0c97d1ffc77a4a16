//! `long double` hyperbolic functions and their inverses, from `expm1`,
//! `exp` and `log1p` by the usual identities, arranged to avoid
//! cancellation near zero and overflow near the top of the range.

use super::abi::long_double;
use super::consts::LN2;
use super::exp::{exp, expm1};
use super::f80::F80;
use super::log::{log, log1p};
use crate::header::math::error::check;

/// Beyond this, e^-|x| no longer matters next to e^|x|.
const LARGE: f64 = 40.0;

/// e^|x| / 2 for large |x|, without overflowing before the result does.
fn half_exp(a: F80) -> F80 {
    let h = exp(a.scale(-1));
    h.scale(-1) * h
}

pub fn sinh(x: F80) -> F80 {
    let a = x.abs();
    let r = if !x.is_finite() || a < F80::ONE.scale(-33) {
        x
    } else if a < F80::ONE {
        let e = expm1(a);
        (e + e / (e + F80::ONE)).scale(-1)
    } else if a < F80::from(LARGE) {
        let e = exp(a);
        (e - F80::ONE / e).scale(-1)
    } else {
        half_exp(a)
    };
    check(x, r.copysign(x), false)
}

pub fn cosh(x: F80) -> F80 {
    let a = x.abs();
    let r = if !x.is_finite() {
        a
    } else if a < LN2.scale(-1) {
        let e = expm1(a);
        F80::ONE + (e * e) / (F80::TWO * (F80::ONE + e))
    } else if a < F80::from(LARGE) {
        let e = exp(a);
        (e + F80::ONE / e).scale(-1)
    } else {
        half_exp(a)
    };
    check(x, r, false)
}

pub fn tanh(x: F80) -> F80 {
    let a = x.abs();
    let r = if x.is_nan() || a < F80::ONE.scale(-33) {
        x
    } else if a > F80::from(23.0) {
        F80::ONE - F80::ONE.scale(-100)
    } else {
        let e = expm1(a.scale(1));
        e / (e + F80::TWO)
    };
    r.copysign(x)
}

pub fn asinh(x: F80) -> F80 {
    let a = x.abs();
    let r = if !x.is_finite() || a < F80::ONE.scale(-33) {
        a
    } else if a > F80::ONE.scale(33) {
        log(a) + LN2
    } else {
        let a2 = a * a;
        log1p(a + a2 / (F80::ONE + (F80::ONE + a2).sqrt()))
    };
    r.copysign(x)
}

pub fn acosh(x: F80) -> F80 {
    let r = if x.is_nan() || x.is_infinite() && !x.is_negative() {
        x
    } else if x < F80::ONE {
        F80::NAN
    } else if x > F80::ONE.scale(33) {
        log(x) + LN2
    } else if x >= F80::TWO {
        log(x.scale(1) - F80::ONE / (x + (x * x - F80::ONE).sqrt()))
    } else {
        let t = x - F80::ONE;
        log1p(t + (t.scale(1) + t * t).sqrt())
    };
    check(x, r, false)
}

pub fn atanh(x: F80) -> F80 {
    let a = x.abs();
    let r = if x.is_nan() || a < F80::ONE.scale(-33) {
        x
    } else if a > F80::ONE {
        F80::NAN
    } else if a == F80::ONE {
        F80::INFINITY.copysign(x)
    } else {
        log1p(a.scale(1) / (F80::ONE - a)).scale(-1).copysign(x)
    };
    check(x, r, a == F80::ONE)
}

long_double! {
    /// C11 `sinhl`: hyperbolic sine.
    ld sinhl(x) => sinh(x)
}

long_double! {
    /// C11 `coshl`: hyperbolic cosine.
    ld coshl(x) => cosh(x)
}

long_double! {
    /// C11 `tanhl`: hyperbolic tangent.
    ld tanhl(x) => tanh(x)
}

long_double! {
    /// C11 `asinhl`: inverse hyperbolic sine.
    ld asinhl(x) => asinh(x)
}

long_double! {
    /// C11 `acoshl`: inverse hyperbolic cosine.
    ld acoshl(x) => acosh(x)
}

long_double! {
    /// C11 `atanhl`: inverse hyperbolic tangent.
    ld atanhl(x) => atanh(x)
}
