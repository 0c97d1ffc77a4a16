//! `long double` logarithms on the x87's `fyl2x` (y log2 x) and, near
//! 1, `fyl2xp1` (y log2(1 + t)), which stays accurate where x - 1 is small;
//! and a logarithm to about 76 bits for the functions that need one.

use super::abi::long_double;
use super::consts::{LG2, LN2, LN2_HI, LN2_LO};
use super::f80::{fast_two_sum, two_prod, F80};
use super::pair::Pair;
use super::power::{atanh_ratio, mantissa_and_exponent};
use crate::header::math::error::check;

/// Below this |t|, `fyl2xp1` is valid (1 - sqrt(2)/2 is its bound).
const NEAR_ONE: f64 = 0.29;

/// 1/3 as hi + lo, 1/5 and 1/7.
const THIRD: Pair = Pair { hi: F80::new(0x3ffd, 0xaaaaaaaaaaaaaaab), lo: F80::new(0xbfbc, 0xaaaaaaaaaaaaaaab) };
const FIFTH: F80 = F80::new(0x3ffc, 0xcccccccccccccccd);
const SEVENTH: F80 = F80::new(0x3ffc, 0x9249249249249249);

/// ln x to about 2^-76 relative, for x finite and positive: x = 2^e m,
/// ln x = e ln 2 + 2 atanh(s), s = (m - 1)/(m + 1) a pair, and atanh(s) =
/// s + s^3 q(w), q(w) = 1/3 + w/5 + w^2/7 + ..., w = s^2 <= 0.03. s^3 and
/// q's leading term are pairs; the terms of q from w^3/9 on (below 2^-16
/// of it) are summed in double.
pub fn ln_pair(x: F80) -> Pair {
    let (m, e) = mantissa_and_exponent(x);
    let (sh, sl) = atanh_ratio(m);
    let (w, we) = two_prod(sh, sh);
    let w_lo = we + (sh * sl).scale(1);
    let wd = w.to_f64();
    let mut tail = 0.0;
    for k in (4..=15).rev() {
        tail = tail * wd + 1.0 / f64::from(2 * k + 1);
    }
    let q_lo = THIRD.lo + w * (FIFTH + w * (SEVENTH + w * F80::from(tail)));
    // w q and s w q, each a product of two pairs.
    let (a, ae) = two_prod(w, THIRD.hi);
    let a_lo = ae + (w * q_lo + w_lo * THIRD.hi);
    let (b, be) = two_prod(sh, a);
    let b_lo = be + (sh * a_lo + sl * a);
    // |b| < |sh| / 30.
    let (h, l) = fast_two_sum(sh, b);
    let ln_m = Pair::new(h, l + (sl + b_lo)).scale(1);
    if e == 0 {
        return ln_m;
    }
    // e LN2_HI is exact (LN2_HI has 48 bits, |e| < 2^15) and larger than
    // |ln m| <= ln(2)/2.
    let ef = F80::from_i64(i64::from(e));
    let (h, l) = fast_two_sum(ef * LN2_HI, ln_m.hi);
    Pair::new(h, l + (ef * LN2_LO + ln_m.lo))
}

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
    fn logarithm_to_76_bits() {
        // ln 10 - its 64-bit rounding, from arbitrary-precision arithmetic.
        let l = ln_pair(F80::from(10.0));
        assert!(l.hi == F80::new(0x4000, 0x935d8dddaaa8ac17));
        let err = (l.lo - F80::new(0xbfbd, 0xad494ea3e967aeb9)).abs();
        assert!(err < F80::ONE.scale(-75));
        let tiny = ln_pair(F80::ONE + F80::ONE.scale(-63));
        // ln(1 + 2^-63) = 2^-63 - 2^-127 + ..., whose first two terms fit.
        assert!(tiny.hi == F80::new(0x3fbf, u64::MAX) && tiny.lo.abs() < F80::ONE.scale(-180));
        assert!(ln_pair(F80::ONE).hi.is_zero());
    }

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
