//! `long double` exponentials on the x87's `f2xm1` (2^t - 1 for |t| <= 1)
//! and `fscale`, after reducing the argument: x = k ln2 + r with |r| <=
//! ln2/2, the product k ln2 taken in two parts so that its high part is
//! exact; then e^x = 2^k (2^(r log2 e) - 1 + 1).

use super::abi::long_double;
use super::consts::{EXP_MAX, EXP_MIN, LG2_HI, LG2_LO, LN2, LN2_HI, LN2_LO, LOG2E, LOG2E_LO, LOG2_10};
use super::f80::{two_prod, F80};
use super::pair::{two_sum, Pair};
use crate::header::math::error::{check, tiny};

/// e^r - 1 for |r| <= ln2/2 (|r log2 e| <= 1/2, within f2xm1's domain).
fn expm1_reduced(r: F80) -> F80 {
    (r * LOG2E).exp2m1_reduced()
}

/// Splits `x` as k ln(base) + r (`hi`, `lo` the two parts of ln(base) in
/// units of the result's base-2 exponent), returning k and r.
fn reduce(x: F80, to_k: F80, hi: F80, lo: F80) -> (i32, F80) {
    let k = (x * to_k).rint();
    ((k.to_i64()) as i32, (x - k * hi) - k * lo)
}

/// e^x without error reporting; the caller has handled NaN, infinities and
/// the ranges that overflow or underflow.
fn exp_finite(x: F80) -> F80 {
    if x.abs() < F80::ONE.scale(-65) {
        return F80::ONE + x;
    }
    let (k, r) = reduce(x, LOG2E, LN2_HI, LN2_LO);
    (expm1_reduced(r) + F80::ONE).scale(k)
}

/// e^(hi + lo) as m 2^k, m in about [0.7, 1.4] and carried as a pair, for
/// |hi| < 2^15 and |lo| tiny against |hi|. The reduced argument, the low
/// part and their product with log2 e are pairs too, so that the error is
/// about that of `f2xm1`, and the caller rounds once, after the scaling if
/// the result is subnormal.
pub fn exp_pair(x: Pair) -> (Pair, i32) {
    let k = (x.hi * LOG2E).rint();
    let (r, rl) = two_sum(x.hi - k * LN2_HI, x.lo - k * LN2_LO);
    let (w, we) = two_prod(r, LOG2E);
    let wl = we + r * LOG2E_LO + rl * LOG2E;
    let f = w.exp2m1_reduced();
    // 2^(w + wl) = 2^w (1 + wl ln 2), to the square of wl.
    (Pair::new(F80::ONE, f + (F80::ONE + f) * (wl * LN2)), k.to_i64() as i32)
}

/// e^x.
pub fn exp(x: F80) -> F80 {
    if x.is_nan() {
        return x + x;
    }
    let r = if x > EXP_MAX {
        F80::INFINITY
    } else if x < EXP_MIN {
        if x.is_infinite() {
            return F80::ZERO;
        }
        F80::ZERO
    } else {
        exp_finite(x)
    };
    tiny(x, check(x, r, false))
}

/// 2^x.
pub fn exp2(x: F80) -> F80 {
    if x.is_nan() || x.is_infinite() {
        return if x.is_negative() && x.is_infinite() { F80::ZERO } else { x + x };
    }
    let clamped = if x.abs() > F80::from(20000.0) { F80::from(20000.0).copysign(x) } else { x };
    let k = clamped.rint();
    let r = ((clamped - k).exp2m1_reduced() + F80::ONE).scale(k.to_i64() as i32);
    tiny(x, check(x, r, false))
}

/// 10^x.
pub fn exp10(x: F80) -> F80 {
    if x.is_nan() || x.is_infinite() {
        return if x.is_negative() && x.is_infinite() { F80::ZERO } else { x + x };
    }
    let clamped = if x.abs() > F80::from(6000.0) { F80::from(6000.0).copysign(x) } else { x };
    let (k, r) = reduce(clamped, LOG2_10, LG2_HI, LG2_LO);
    let r = ((r * LOG2_10).exp2m1_reduced() + F80::ONE).scale(k);
    tiny(x, check(x, r, false))
}

/// e^x - 1, accurate near zero: f2xm1 directly for small x, else
/// 2^k (e^r - 1) + (2^k - 1) from the reduced argument.
pub fn expm1(x: F80) -> F80 {
    if x.is_nan() {
        return x + x;
    }
    if x > EXP_MAX {
        return check(x, F80::INFINITY, false);
    }
    if x < F80::from(-46.0) {
        return if x.is_infinite() { -F80::ONE } else { -F80::ONE + F80::ONE.scale(-100) };
    }
    if x.abs() <= super::consts::LN2_HI.scale(-1) {
        return expm1_reduced(x);
    }
    let (k, r) = reduce(x, LOG2E, LN2_HI, LN2_LO);
    expm1_reduced(r).scale(k) + (F80::ONE.scale(k) - F80::ONE)
}

long_double! {
    /// C11 `expl`: e to the power `x`.
    ld expl(x) => exp(x)
}

long_double! {
    /// C11 `exp2l`: 2 to the power `x`.
    ld exp2l(x) => exp2(x)
}

long_double! {
    /// compat (GNU) `exp10l`: 10 to the power `x`.
    ld exp10l(x) => exp10(x)
}

long_double! {
    /// C11 `expm1l`: e to the power `x`, minus one, exact near zero.
    ld expm1l(x) => expm1(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: F80, b: f64) -> bool {
        let d = ((a - F80::from(b)) / F80::from(b)).abs();
        d < F80::ONE.scale(-50)
    }

    #[test]
    fn exponentials() {
        assert!(exp(F80::ZERO) == F80::ONE);
        assert!(close(exp(F80::ONE), core::f64::consts::E));
        assert!(close(exp(F80::from(-700.5)), libm::exp(-700.5)));
        assert!(close(exp(F80::from(709.0)), libm::exp(709.0)));
        assert!(exp(F80::from(11357.0)).is_infinite());
        assert!(exp(F80::from(-11400.0)).is_zero());
        assert!(exp(-F80::INFINITY).is_zero());
        assert!(exp2(F80::from(-16445.0)) == F80::new(0, 1));
        assert!(exp2(F80::from(10.0)) == F80::from(1024.0));
        assert!(exp10(F80::from(3.0)) == F80::from(1000.0));
        assert!(close(expm1(F80::from(1e-10)), 1.00000000005e-10));
        assert!(close(expm1(F80::from(5.0)), libm::expm1(5.0)));
        assert!(expm1(-F80::INFINITY) == -F80::ONE);
    }
}
