//! `long double` logarithms on the x87's `fyl2x` (y log2 x) and, near
//! 1, `fyl2xp1` (y log2(1 + t)), which stays accurate where x - 1 is small.

use super::abi::long_double;
use super::consts::{LG2, LN2};
use super::f80::F80;
use crate::header::math::error::check;

/// Below this |t|, `fyl2xp1` is valid (1 - sqrt(2)/2 is its bound).
const NEAR_ONE: f64 = 0.29;

/// y log2(x) for x > 0 finite, choosing the instruction by the distance to 1.
fn ylog2(x: F80, y: F80) -> F80 {
    let t = x - F80::ONE;
    if t.abs() < F80::from(NEAR_ONE) {
        t.ylog2_1p(y)
    } else {
        x.ylog2(y)
    }
}

/// `scale * log2(x)` with C's errors: a pole at zero, a domain error below.
fn log_with(x: F80, scale: F80) -> F80 {
    let r = if x.is_nan() || x.is_infinite() && !x.is_negative() {
        x + x
    } else if x.is_zero() {
        -F80::INFINITY
    } else if x.is_negative() {
        F80::NAN
    } else {
        ylog2(x, scale)
    };
    check(x, r, x.is_zero())
}

pub fn log(x: F80) -> F80 {
    log_with(x, LN2)
}

pub fn log2(x: F80) -> F80 {
    log_with(x, F80::ONE)
}

pub fn log10(x: F80) -> F80 {
    log_with(x, LG2)
}

/// ln(1 + x), accurate near zero.
pub fn log1p(x: F80) -> F80 {
    let r = if x.is_nan() || x.is_infinite() && !x.is_negative() {
        x + x
    } else if x == -F80::ONE {
        -F80::INFINITY
    } else if x < -F80::ONE {
        F80::NAN
    } else if x.abs() < F80::from(NEAR_ONE) {
        x.ylog2_1p(LN2)
    } else {
        (F80::ONE + x).ylog2(LN2)
    };
    check(x, r, x == -F80::ONE)
}

long_double! {
    /// C11 `logl`: natural logarithm.
    ld logl(x) => log(x)
}

long_double! {
    /// C11 `log2l`: base-2 logarithm.
    ld log2l(x) => log2(x)
}

long_double! {
    /// C11 `log10l`: base-10 logarithm.
    ld log10l(x) => log10(x)
}

long_double! {
    /// C11 `log1pl`: logarithm of `1 + x`, exact near zero.
    ld log1pl(x) => log1p(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logarithms() {
        assert!(log2(F80::from(1024.0)) == F80::from(10.0));
        assert!(log(F80::ONE).is_zero());
        assert_eq!(log(F80::from(10.0)).to_f64(), core::f64::consts::LN_10);
        assert_eq!(log10(F80::from(1e-5)).to_f64(), -5.0);
        assert_eq!(log1p(F80::from(1e-300)).to_f64(), 1e-300);
        assert!(log(F80::ZERO) == -F80::INFINITY);
        assert!(log(F80::from(-1.0)).is_nan());
        assert!(log1p(-F80::ONE) == -F80::INFINITY);
    }
}
