//! `long double` error and gamma functions, to the full 64-bit mantissa
//! (within an ulp or two of the correctly rounded result). The error
//! functions are here, the gamma functions in `gamma.rs`.
//!
//! erf(x) = 2/sqrt(pi) times the integral of e^(-t^2) from 0 to x, and
//! erfc = 1 - erf, from three expansions of that integral:
//! - |x| <= 1/2: the Taylor series at 0, 2/sqrt(pi) (x - x^3/3 + x^5/10 -
//!   ...), whose first term dominates;
//! - 1/2 < |x| < 3: Taylor series at the nearest of twenty centres c, 1/8
//!   apart, with erfc(c) stored to 128 bits: erfc(c + h) = erfc(c) -
//!   2/sqrt(pi) e^(-c^2) times the integral of e^(-2ct - t^2) from 0 to h,
//!   the integrand's coefficients from a three-term recurrence. The stored
//!   value carries most of the result, so erfc keeps its relative precision
//!   while it falls to 2^-15;
//! - x >= 3: Laplace's continued fraction erfc(x) = e^(-x^2)/sqrt(pi) /
//!   (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from the tail
//!   up, with x^2 exact as a pair in the exponential and the power of two
//!   applied last, so that results down among the subnormals round once.
//!
//! erf is 1 - erfc beyond 1/2, erfc 1 - erf below it and 2 - erfc(-x) for
//! negative x, each difference taken with its rounding error.

use super::abi::long_double;
use super::exp::exp_pair;
use super::f80::{dyadic, two_prod, F80};
use super::gamma::{lgamma_r, tgamma};
use super::pair::{two_sum, Pair};
use crate::abi::c_int;
use crate::header::math::error::tiny;
use core::sync::atomic::Ordering;

/// 2/sqrt(pi) as hi + lo.
const TWO_OVER_SQRTPI: Pair = Pair { hi: F80::new(0x3fff, 0x906eba8214db688d), lo: F80::new(0x3fbe, 0xe3a914fed7fd8688) };

/// For the centres c = 9/16 + j/8, j = 0, ..., 19: erfc(c) as hi + lo, and
/// 2/sqrt(pi) e^(-c^2), the slope of erf at c.
const CENTRES: [(F80, F80, F80); 20] = [
    (F80::new(0x3ffd, 0xda475774922809ab), F80::new(0x3fbb, 0xb5c4a42dea973950), F80::new(0x3ffe, 0xd283a710abb101fb)),
    (F80::new(0x3ffd, 0xa96dbc2d4c564ce2), F80::new(0x3fbb, 0x847f68b90591e2e9), F80::new(0x3ffe, 0xb40ff925a5581f89)),
    (F80::new(0x3ffd, 0x8046405127f87d32), F80::new(0x3fbc, 0xc3ad0d4bf399e558), F80::new(0x3ffe, 0x9546e76f1b39d68d)),
    (F80::new(0x3ffc, 0xbd55cbd2aa2a1cb5), F80::new(0x3fbb, 0x9d6e4828262fcf8e), F80::new(0x3ffd, 0xefe5137addfc3e22)),
    (F80::new(0x3ffc, 0x8821e08433bbe991), F80::new(0x3fbb, 0xc1148e0d48425081), F80::new(0x3ffd, 0xbad48d3fa69768b7)),
    (F80::new(0x3ffb, 0xbe9fd34c0b6dab03), F80::new(0x3fba, 0xb39ce4022dd948cd), F80::new(0x3ffd, 0x8d06e28d4c9a6635)),
    (F80::new(0x3ffb, 0x81e855c939dc9f72), F80::new(0xbfb8, 0xbed59772b78954b6), F80::new(0x3ffc, 0xce5adeaa4d888734)),
    (F80::new(0x3ffa, 0xac467897a2235a75), F80::new(0xbfb9, 0xf5f384e22ab97b11), F80::new(0x3ffc, 0x9253dc269c4b8b54)),
    (F80::new(0x3ff9, 0xde360ed0f9890bf8), F80::new(0xbfb5, 0xdeb4c6eccd689ec5), F80::new(0x3ffb, 0xc9238530db4b2b8d)),
    (F80::new(0x3ff9, 0x8b59265c7c7c8f31), F80::new(0x3fb8, 0xe6b5ee35cf2b0d3a), F80::new(0x3ffb, 0x85fcbf4af9531d77)),
    (F80::new(0x3ff8, 0xa9e44ec5d9eed731), F80::new(0xbfb6, 0x84c49c8a97dc07ea), F80::new(0x3ffa, 0xad04742d793f03ca)),
    (F80::new(0x3ff7, 0xc94cd7d012352c34), F80::new(0xbfb5, 0x9de3586f5e6fdd47), F80::new(0x3ff9, 0xd88b04c8ffb9b627)),
    (F80::new(0x3ff6, 0xe7c06a57e180c52b), F80::new(0xbfb5, 0xafffc78082b4ff83), F80::new(0x3ff9, 0x835709d86992a4ef)),
    (F80::new(0x3ff6, 0x8198cbf634606c9f), F80::new(0x3fb4, 0xf5025d1c804235c6), F80::new(0x3ff8, 0x9a6bede3b6bf2a6f)),
    (F80::new(0x3ff5, 0x8cc7eb50773deaf2), F80::new(0xbfb4, 0x8e33a93e46067fa2), F80::new(0x3ff7, 0xaff93a87f3c0fd42)),
    (F80::new(0x3ff4, 0x94841300321feb18), F80::new(0xbfb2, 0xc0d1bdb9fc46a851), F80::new(0x3ff6, 0xc25d180252867e6f)),
    (F80::new(0x3ff3, 0x9821ce2b6d6fb129), F80::new(0x3faa, 0xce3745d09ea2a0a1), F80::new(0x3ff5, 0xd0121b2fbb8dea79)),
    (F80::new(0x3ff2, 0x974c276a9f3bb81a), F80::new(0xbfb0, 0xe09381a4621c24a0), F80::new(0x3ff4, 0xd7e42f07c1709144)),
    (F80::new(0x3ff1, 0x921176cad191a4fd), F80::new(0x3fae, 0xbd8f5c5815e869bd), F80::new(0x3ff3, 0xd91d2d11f2108172)),
    (F80::new(0x3ff0, 0x88e1df6c738b4e76), F80::new(0x3faf, 0xca5706cb92a0b0df), F80::new(0x3ff2, 0xd3a03420132aa741)),
];

/// From here erf(x) rounds to 1 and erfc(-x) to 2: erfc(6.6) < 2^-65.
const SATURATION: F80 = F80::new(0x4001, 0xd333333333333333);

/// Where the continued fraction takes over from the centres, and where
/// erfc underflows for good (erfc(110) < e^-12100, below half the least
/// subnormal).
const FRACTION_MIN: F80 = dyadic(3, 0);
const ERFC_ZERO: F80 = dyadic(110, 0);

/// (-1)^k / (k! (2k + 1)) for k = 1, 2, 3, and in double for k = 4, ...,
/// 14: erf(x) = 2/sqrt(pi) x (1 + sum of these times x^2k). For |x| <= 1/2
/// the next term is below 2^-69, and those in double below 2^-15.
const AT_0: [F80; 3] =
    [F80::new(0xbffd, 0xaaaaaaaaaaaaaaab), F80::new(0x3ffb, 0xcccccccccccccccd), F80::new(0xbff9, 0xc30c30c30c30c30c)];
const AT_0_TAIL: [f64; 11] = [
    0.004629629629629629, -0.0007575757575757576, 0.00010683760683760684, -1.3227513227513228e-05,
    1.4589169000933706e-06, -1.4503852223150468e-07, 1.3122532963802806e-08, -1.0892221037148573e-09,
    8.35070279514724e-11, -5.9477940136376354e-12, 3.9554295164585257e-13,
];

/// `a - p` rounded once.
fn minus(a: F80, p: Pair) -> F80 {
    let (s, e) = two_sum(a, -p.hi);
    s + (e - p.lo)
}

/// erf(x) for |x| <= 1/2 as a pair, 2/sqrt(pi) x exact as one.
fn erf_small(x: F80) -> Pair {
    let t = x * x;
    let td = t.to_f64();
    let mut s = F80::from(AT_0_TAIL.iter().rev().fold(0.0, |acc, &c| acc * td + c));
    for c in AT_0.iter().rev() {
        s = s * t + *c;
    }
    let lead = TWO_OVER_SQRTPI.mul_f(x);
    Pair::new(lead.hi, lead.lo + lead.hi * (t * s))
}

/// R with the integral of e^(-2ct - t^2) from 0 to h equal to h (1 + R),
/// for c <= 3 and |h| <= 1/16. The integrand's Taylor terms T_n (of t^n at
/// t = h) follow (n + 1) T_(n+1) = -2ch T_n - 2h^2 T_(n-1) from T_0 = 1,
/// and R is the sum of T_n / (n + 1) from n = 1. Those from T_5 on are
/// below 2^-15 and go in double; T_17 is below 2^-70.
fn integral_tail(c: F80, h: F80) -> F80 {
    let a = -(c * h).scale(1);
    let b = -(h * h).scale(1);
    let (mut prev, mut cur) = (F80::ONE, a);
    let mut head = a.scale(-1);
    for n in 1..4 {
        let next = (a * cur + b * prev) / F80::from_i64(n + 1);
        (prev, cur) = (cur, next);
        head = head + next / F80::from_i64(n + 2);
    }
    let (ad, bd) = (a.to_f64(), b.to_f64());
    let (mut prev, mut cur) = (prev.to_f64(), cur.to_f64());
    let mut tail = 0.0;
    for n in 4..16 {
        let next = (ad * cur + bd * prev) / f64::from(n + 1);
        (prev, cur) = (cur, next);
        tail += next / f64::from(n + 2);
    }
    head + F80::from(tail)
}

/// erfc(a) for 1/2 < a < 3, as a pair: at the nearest centre c, erfc(c) -
/// K h (1 + R) with h = a - c exact and K h exact as a pair.
fn erfc_centred(a: F80) -> Pair {
    let j = (a - dyadic(9, -4)).scale(3).rint().to_i64().clamp(0, 19);
    let c = dyadic(9 + 2 * j as u64, -4);
    let h = a - c;
    let (e_hi, e_lo, slope) = CENTRES[j as usize];
    let (p, pe) = two_prod(slope, h);
    let (s, e) = two_sum(e_hi, -p);
    Pair::new(s, e + (e_lo - pe - p * integral_tail(c, h)))
}

/// erfc(a) for a >= 3 by the continued fraction, 5 + 130/a levels deep
/// (enough for 2^-70 from a = 3 on, where it needs 47). Errors in the
/// deeper levels reach the result damped: from level 7 on, double
/// precision leaves it within 2^-70. The first level is a pair.
fn erfc_fraction(a: F80) -> F80 {
    let ad = a.to_f64();
    let depth = 5 + (130.0 / ad) as i32;
    let mut fd = ad;
    for k in (7..=depth).rev() {
        fd = ad + 0.5 * f64::from(k) / fd;
    }
    let mut f = F80::from(fd);
    for k in (2..7).rev() {
        f = a + dyadic(k, -1) / f;
    }
    let (fh, fl) = two_sum(a, F80::HALF / f);
    let (p, pe) = two_prod(a, a);
    let (m, k) = exp_pair(Pair { hi: -p, lo: -pe });
    m.mul(TWO_OVER_SQRTPI.scale(-1)).div(Pair { hi: fh, lo: fl }).scale(k)
}

/// erfc(a) for 1/2 < a < SATURATION, as a pair.
fn erfc_positive(a: F80) -> Pair {
    if a < FRACTION_MIN {
        erfc_centred(a)
    } else {
        Pair::exact(erfc_fraction(a))
    }
}

pub fn erf(x: F80) -> F80 {
    let a = x.abs();
    if x.is_nan() || x.is_unsupported() {
        return x + x;
    }
    if a < F80::ONE.scale(-60) {
        // erf(x) = 2/sqrt(pi) (x - x^3/3 + ...): the second term is below
        // 2^-120 of the first (and x^2 could underflow). x is scaled up
        // so that the product's low part stays above the subnormals.
        return if x.is_zero() { x } else { TWO_OVER_SQRTPI.mul_f(x.scale(128)).value().scale(-128) };
    }
    if a <= F80::HALF {
        return erf_small(x).value();
    }
    if a >= SATURATION {
        return (F80::ONE - F80::ONE.scale(-100)).copysign(x);
    }
    minus(F80::ONE, erfc_positive(a)).copysign(x)
}

pub fn erfc(x: F80) -> F80 {
    if x.is_nan() || x.is_unsupported() {
        return x + x;
    }
    if x <= -SATURATION {
        return F80::TWO - F80::ONE.scale(-100);
    }
    let r = if x.abs() <= F80::HALF {
        minus(F80::ONE, erf_small(x))
    } else if x.is_negative() {
        minus(F80::TWO, erfc_positive(-x))
    } else if x < FRACTION_MIN {
        erfc_centred(x).value()
    } else if x > ERFC_ZERO {
        F80::ZERO
    } else {
        erfc_fraction(x)
    };
    tiny(x, r)
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

#[cfg(test)]
mod tests {
    use super::super::f80::assert_within_an_ulp;
    use super::*;

    #[test]
    fn each_side_of_each_method_boundary() {
        let cases: [(fn(F80) -> F80, F80, F80); 8] = [
            // Around 3: the continued fraction above, the centres below.
            (erfc, F80::new(0x4000, 0xc000000000000000), F80::new(0x3fef, 0xb94efb281a11505e)),
            (erfc, F80::new(0x4000, 0xbfffffffffffffff), F80::new(0x3fef, 0xb94efb281a115070)),
            // Halfway between two centres.
            (erfc, F80::new(0x3ffe, 0xa000000000000000), F80::new(0x3ffd, 0xc0e69232f0ecb3e5)),
            // Around 1/2: the series at 0 below, the centres above.
            (erf, F80::new(0x3ffe, 0x8000000000000000), F80::new(0x3ffe, 0x853f7ae0c76e915f)),
            (erf, F80::new(0x3ffe, 0x8000000000000001), F80::new(0x3ffe, 0x853f7ae0c76e915f)),
            (erfc, F80::new(0x3ffe, 0x8000000000000001), F80::new(0x3ffd, 0xf5810a3e7122dd41)),
            (erfc, F80::new(0xbffe, 0x8000000000000001), F80::new(0x3fff, 0xc29fbd7063b748b0)),
            // Just below saturation, erf(6.5) is not yet 1.
            (erf, F80::from(6.5), F80::new(0x3ffe, 0xffffffffffffffff)),
        ];
        assert_within_an_ulp(&cases);
        assert!(erf(F80::from(6.6)) == F80::ONE && erfc(F80::from(-6.6)) == F80::TWO);
    }
}
