//! `long double` gamma functions, to the full 64-bit mantissa.
//!
//! - Near the two zeros of ln gamma, at 1 and 2, relative precision comes
//!   from a Taylor series at 2: ln gamma(2 + z) = (1 - Euler's gamma) z +
//!   sum over k >= 2 of (-1)^k (zeta(k) - 1) z^k / k, |z| <= 1/2.
//! - Elsewhere below 12 (negative arguments above -12 too), the recurrence
//!   gamma(x + 1) = x gamma(x) moves x to 2 + z; its factors are exact and
//!   their product is kept to 128 bits, in integers, so that it costs no
//!   precision however many factors it has.
//! - From 12 up, Stirling's series, with the logarithm in it to about 76
//!   bits: (x - 1/2) ln x is then good to an ulp of the result even where
//!   gamma itself is near the top of the range, which e to that power needs.
//! - Below -12, the reflection formula gamma(x) gamma(-x) = -pi / (x
//!   sin(pi x)), with sin(pi x) reduced exactly.

use super::consts::PI;
use super::exp::exp_pair;
use super::f80::{dyadic, fast_two_sum, from_u128, two_prod, F80, BIAS};
use super::log::{ln_pair, log};
use super::manip::trunc;
use super::pair::Pair;
use super::trig::sin_cos_of;
use crate::abi::c_int;
use crate::header::math::error::{check, tiny};

/// 1 - Euler's gamma, ln(pi), ln(2 pi) / 2, pi - PI.
const ONE_MINUS_EULER: Pair = Pair { hi: F80::new(0x3ffd, 0xd8773039049e70b6), lo: F80::new(0x3fbc, 0xb90701fbfab4d2a5) };
const LN_PI: Pair = Pair { hi: F80::new(0x3fff, 0x928682473d0de85f), lo: F80::new(0xbfbe, 0xa06a93957bc0b668) };
const HALF_LN_2PI: Pair = Pair { hi: F80::new(0x3ffe, 0xeb3f8e4325f5a535), lo: F80::new(0xbfbd, 0xd686dffd77cdbfb8) };
const PI_LO: F80 = F80::new(0xbfbe, 0xece675d1fc8f8cbb);

/// c_k = (-1)^k (zeta(k) - 1) / k for k = 2, ..., 7, and in double for k =
/// 8, ..., 36: ln gamma(2 + z) = (1 - Euler's gamma) z + sum of c_k z^k.
/// The series converges for |z| < 2, as (|z|/2)^k: for |z| <= 1/2 the terms
/// left out are below 2^-68 of the sum, and those in double below 2^-15 of
/// it.
const AT_2: [F80; 6] = [
    F80::new(0x3ffd, 0xa51a6625307d3231),
    F80::new(0xbffb, 0x89f000d2abb03409),
    F80::new(0x3ff9, 0xa8991563ec241b60),
    F80::new(0xbff7, 0xf2027e10c7af8c37),
    F80::new(0x3ff6, 0xbd6eb756db617ea5),
    F80::new(0xbff5, 0x9c562e15fc703e76),
];
const AT_2_TAIL: [f64; 29] = [
    0.0005096695247430425, -0.00022315475845357939, 9.945751278180853e-05, -4.492623673813314e-05,
    2.050721277567069e-05, -9.439488275268397e-06, 4.374866789907488e-06, -2.039215753801366e-06,
    9.55141213040742e-07, -4.492469198764566e-07, 2.1207184805554665e-07, -1.0043224823968099e-07,
    4.7698101693639804e-08, -2.2711094608943164e-08, 1.0838659214896955e-08, -5.183475041970047e-09,
    2.4836745438024785e-09, -1.1921401405860912e-09, 5.731367241678862e-10, -2.7595228851242334e-10,
    1.330476437424449e-10, -6.4229645638381e-11, 3.1044247747322276e-11, -1.5021384080754142e-11,
    7.275974480239079e-12, -3.527742476575915e-12, 1.711991790559618e-12, -8.315385841420285e-13,
    4.04220052528944e-13,
];

/// B_2k / (2k (2k - 1)) for k = 1 and in double for k = 2, ..., 11:
/// Stirling's series for ln gamma in powers of 1/x. From x = 12 the first
/// term left out is below 2^-75, and those in double below 2^-19.
const STIRLING_1: F80 = F80::new(0x3ffb, 0xaaaaaaaaaaaaaaab);
const STIRLING_TAIL: [f64; 10] = [
    -0.002777777777777778, 0.0007936507936507937, -0.0005952380952380953, 0.0008417508417508417,
    -0.0019175269175269176, 0.00641025641025641, -0.029550653594771242, 0.17964437236883057,
    -1.3924322169059011, 13.402864044168393,
];

/// Where Stirling's series takes over from the recurrence, and where the
/// reflection formula does for negative arguments.
const STIRLING_MIN: F80 = dyadic(12, 0);

/// Above GAMMA_MAX gamma overflows (it does from 1755.455); below
/// -GAMMA_MIN it underflows to zero, even next to a pole.
const GAMMA_MAX: F80 = dyadic(1756, 0);
const GAMMA_MIN: F80 = dyadic(1800, 0);

/// sum of c[i] t^i in double.
fn horner(c: &[f64], t: f64) -> f64 {
    c.iter().rev().fold(0.0, |acc, &k| acc * t + k)
}

/// ln gamma(2 + z) for |z| <= 1/2, as a pair: the leading term exactly, the
/// rest (under half of it) in extended precision.
fn lgamma_near_2(z: F80) -> Pair {
    let tail = F80::from(horner(&AT_2_TAIL, z.to_f64()));
    let mut q = tail;
    for c in AT_2.iter().rev() {
        q = q * z + *c;
    }
    let lead = ONE_MINUS_EULER.mul_f(z);
    Pair::new(lead.hi, lead.lo + z * z * q)
}

/// A product of factors x + k to 128 bits, in integers: |product| = m 2^e
/// with m's top bit set. Exact factors and a product that loses only
/// 2^-127 per factor let the recurrence run as far as it needs for free.
struct Product {
    m: u128,
    e: i32,
    negative: bool,
}

impl Product {
    const ONE: Product = Product { m: 1 << 127, e: -127, negative: false };

    /// Multiplies by x + k, for |x| < 16, |k| < 16 and x + k not zero.
    fn times(&mut self, x: F80, k: i64) {
        // x = +-x.m 2^q; x + k in units of 2^-f is exact while f = -q is at
        // most 120, and for smaller x (|x| < 2^-57) the bits of x dropped
        // are below 2^-120 of x + k, unless k is 0 and the factor is x.
        let q = x.biased().max(1) - BIAS - 63;
        let (negative, mag, f) = if k == 0 {
            (x.is_negative(), u128::from(x.m), -q)
        } else {
            let f = (-q).min(120);
            let xv = (x.m >> (-q - f)) as i128;
            let v = if x.is_negative() { -xv } else { xv } + (i128::from(k) << f);
            (v < 0, v.unsigned_abs(), f)
        };
        self.negative ^= negative;
        let lz = mag.leading_zeros();
        let b = mag << lz;
        // The top half of the 256-bit product of m and b.
        let (ah, al) = (self.m >> 64, self.m & u128::from(u64::MAX));
        let (bh, bl) = (b >> 64, b & u128::from(u64::MAX));
        let (hl, lh) = (ah * bl, al * bh);
        let mid = (hl & u128::from(u64::MAX)) + (lh & u128::from(u64::MAX)) + ((al * bl) >> 64);
        let top = ah * bh + (hl >> 64) + (lh >> 64) + (mid >> 64);
        // The value is top 2^(e - f - lz + 128); normalise.
        let e = self.e - f - lz as i32 + 128;
        if top >> 127 == 1 {
            (self.m, self.e) = (top, e);
        } else {
            (self.m, self.e) = ((top << 1) | ((mid >> 63) & 1), e - 1);
        }
    }

    /// The product as its top 64 bits and the rest.
    fn value(&self) -> Pair {
        let hi = from_u128(self.negative, self.m >> 64, self.e + 64);
        let low = self.m & u128::from(u64::MAX);
        let lo = if low == 0 { F80::ZERO } else { from_u128(self.negative, low, self.e) };
        Pair { hi, lo }
    }
}

/// x = n + z, n an integer and |z| <= 1/2, and the product p that moves
/// gamma(x) to gamma(2 + z), for |x| < 16: gamma(x) = gamma(2 + z) p when
/// `up` (p = (x - 1)(x - 2) ... (x - n + 2)), gamma(2 + z) / p otherwise
/// (p = x (x + 1) ... (x - n + 1)).
fn recurrence(x: F80) -> (F80, Pair, bool) {
    let n = x.rint();
    let z = x - n;
    let n = n.to_i64();
    let mut p = Product::ONE;
    if n >= 2 {
        for k in 1..=n - 2 {
            p.times(x, -k);
        }
    } else {
        for k in 0..=1 - n {
            p.times(x, k);
        }
    }
    (z, p.value(), n >= 2)
}

/// ln |p|.
fn ln_abs(p: Pair) -> Pair {
    let l = ln_pair(p.hi.abs());
    Pair::new(l.hi, l.lo + p.lo / p.hi)
}

/// ln gamma(x) for x >= STIRLING_MIN when `half` is -1/2, ln gamma(x + 1)
/// = ln gamma(x) + ln x when it is +1/2: below 2^62 Stirling's series, (x
/// + half) ln x - x + ln(2 pi)/2 + sum B_2k / (2k (2k - 1) x^(2k - 1)),
/// above it x (ln x - 1) + half ln x, the rest being below an ulp.
fn lgamma_large(x: F80, half: F80) -> Pair {
    let l = ln_pair(x);
    if x >= F80::ONE.scale(62) {
        // l.hi - 1 is exact: l.hi >= 43.
        let lead = Pair::exact(x).mul_f(l.hi - F80::ONE);
        return Pair::new(lead.hi, lead.lo + (x * l.lo + half * l.hi));
    }
    let inv = F80::ONE / x;
    let inv2 = inv * inv;
    let series = (STIRLING_1 + inv2 * F80::from(horner(&STIRLING_TAIL, inv2.to_f64()))) * inv;
    // x + half may cross a power of two (and lose its last bit);
    // (x + half) ln x > 2 x > x > ln(2 pi)/2 + series. Each sum keeps its
    // rounding error.
    let (xh, xl) = fast_two_sum(x, half);
    let a = l.mul_f(xh);
    let (h, e) = fast_two_sum(a.hi, -x);
    let (h, e2) = fast_two_sum(h, HALF_LN_2PI.hi);
    Pair::new(h, e + e2 + (a.lo + l.hi * xl + HALF_LN_2PI.lo + series))
}

/// ln |gamma(x) sin(pi x)| = ln pi - ln(-x) - ln gamma(-x) for x <=
/// -STIRLING_MIN, by the reflection formula gamma(x) gamma(-x) = -pi / (x
/// sin(pi x)); the last two terms are ln gamma(1 - x), from one series.
fn reflected(x: F80) -> Pair {
    LN_PI.sub(lgamma_large(-x, F80::HALF))
}

/// sin(pi x) for x not an integer, |x| < 2^63: x = q/2 + f, q an integer and
/// |f| <= 1/4 (exact), pi f a pair, and the sine or cosine of it by the
/// quadrant q mod 4.
fn sin_pi(x: F80) -> F80 {
    let q = x.scale(1).rint();
    let f = x - q.scale(-1);
    let (p, pe) = two_prod(PI, f);
    let lo = pe + f * PI_LO;
    // q mod 4, from the exact difference of q and a multiple of 4.
    let quadrant = (q - q.scale(-2).rint().scale(2)).to_i64().rem_euclid(4);
    let (s, c) = sin_cos_of(p, lo);
    match quadrant {
        0 => s,
        1 => c,
        2 => -s,
        _ => -c,
    }
}

fn is_integer(x: F80) -> bool {
    trunc(x) == x
}

/// Below this, gamma(x) is 1/x and ln gamma(x) is -ln x to within 2^-70.
fn is_tiny(x: F80) -> bool {
    x.abs() < F80::ONE.scale(-70)
}

/// ln |gamma(x)| and the sign of gamma(x).
pub fn lgamma_r(x: F80) -> (F80, c_int) {
    if x.is_nan() || x.is_infinite() || x.is_unsupported() {
        return (x * x, 1);
    }
    let sign = if x.is_negative() { -1 } else { 1 };
    if x.is_zero() || x.is_negative() && is_integer(x) {
        // The sign of 1/x at zero; the negative integers' poles are
        // reported positive (as glibc and musl do).
        return (check(x, F80::INFINITY, true), if x.is_zero() { sign } else { 1 });
    }
    if is_tiny(x) {
        return (-log(x.abs()), sign);
    }
    if x >= STIRLING_MIN {
        return (check(x, lgamma_large(x, -F80::HALF).value(), false), 1);
    }
    if x > -STIRLING_MIN {
        let (z, p, up) = recurrence(x);
        let l = ln_abs(p);
        let near_2 = lgamma_near_2(z);
        let r = if up { near_2.add(l) } else { near_2.sub(l) };
        return (r.value(), if p.hi.is_negative() { -1 } else { 1 });
    }
    // gamma(-x) > 0: gamma(x) has the sign of sin(pi x).
    let s = sin_pi(x);
    let r = reflected(x).value() - log(s.abs());
    (r, if s.is_negative() { -1 } else { 1 })
}

/// gamma(x) for finite x that is not a pole, nor tiny.
fn tgamma_finite(x: F80) -> F80 {
    if x >= STIRLING_MIN {
        if x > GAMMA_MAX {
            return F80::INFINITY;
        }
        let (m, k) = exp_pair(lgamma_large(x, -F80::HALF));
        return m.value().scale(k);
    }
    if x > -STIRLING_MIN {
        let (z, p, up) = recurrence(x);
        // e^(ln gamma(2 + z)) is within [0.88, 1.33]: no scaling.
        let (g, _) = exp_pair(lgamma_near_2(z));
        return if up { p.mul(g).value() } else { g.div(p) };
    }
    let s = sin_pi(x);
    if x < -GAMMA_MIN {
        return F80::ZERO.copysign(s);
    }
    // Scaled at the end, so that a subnormal result is rounded once.
    let (m, k) = exp_pair(reflected(x));
    m.div(Pair::exact(s)).scale(k)
}

pub fn tgamma(x: F80) -> F80 {
    let r = if x.is_nan() || x.is_unsupported() || x.is_infinite() && !x.is_negative() {
        x + x
    } else if x.is_zero() {
        F80::INFINITY.copysign(x)
    } else if x.is_infinite() || x.is_negative() && is_integer(x) {
        F80::NAN
    } else if is_tiny(x) {
        F80::ONE / x
    } else {
        tgamma_finite(x)
    };
    tiny(x, check(x, r, x.is_zero()))
}

#[cfg(test)]
mod tests {
    use super::super::f80::assert_within_an_ulp;
    use super::*;

    #[test]
    fn the_recurrence_product_is_exact() {
        // gamma(5.5) = gamma(1.5) 4.5 3.5 2.5 1.5.
        let (z, p, up) = recurrence(F80::from(5.5));
        assert!(z == -F80::HALF && up && p.hi == F80::from(59.0625) && p.lo.is_zero());
        // gamma(-2.5) = gamma(1.5) / ((-2.5)(-1.5)(-0.5)(0.5)).
        let (z, p, up) = recurrence(F80::from(-2.5));
        assert!(z == -F80::HALF && !up && p.hi == F80::from(-0.9375));
        // x (x + 1) for x = 0.3 to 64 bits: x + 1 needs 66 bits, the
        // product 130; it keeps 128.
        let x = F80::from(3.0) / F80::from(10.0);
        let (_, p, _) = recurrence(x);
        let (sq, sq_err) = two_prod(x, x);
        let d = p.sub(Pair::new(sq, sq_err).add(Pair::exact(x)));
        assert!(d.hi.abs() < p.hi.scale(-125));
    }

    #[test]
    fn sin_pi_reduces_exactly() {
        assert!(sin_pi(F80::from(0.5)) == F80::ONE);
        assert!(sin_pi(F80::from(-2.5)) == -F80::ONE);
        assert!(sin_pi(F80::ONE.scale(62) + F80::HALF) == F80::ONE);
        assert!(sin_pi(F80::from(1.25)).within_ulps(F80::new(0xbffe, 0xb504f333f9de6484), 1));
        assert!(sin_pi(F80::from(-3.1)).within_ulps(F80::new(0x3ffd, 0x9e3779b97f4aa254), 1));
    }

    #[test]
    fn each_side_of_each_method_boundary() {
        let lgamma = |x| lgamma_r(x).0;
        let cases: [(fn(F80) -> F80, F80, F80); 10] = [
            // Around 12: Stirling's series above, the recurrence below.
            (lgamma, F80::new(0x4002, 0xc000000000000000), F80::new(0x4003, 0x8c04b9f9d46b9e67)),
            (lgamma, F80::new(0x4002, 0xbfffffffffffffff), F80::new(0x4003, 0x8c04b9f9d46b9e66)),
            (tgamma, F80::new(0x4002, 0xc000000000000000), F80::new(0x4018, 0x9845400000000000)),
            (tgamma, F80::new(0x4002, 0xbfffffffffffffff), F80::new(0x4018, 0x98453fffffffffe9)),
            // Around -12: the reflection formula below.
            (tgamma, F80::new(0xc002, 0xc000000000000001), F80::new(0xc01e, 0x8f76c77fc6c4bd94)),
            (tgamma, F80::new(0xc002, 0xbfffffffffffffff), F80::new(0x401e, 0x8f76c77fc6c4bdc1)),
            (lgamma, F80::new(0xc002, 0xc000000000000001), F80::new(0x4003, 0xacd01c3a015ae8d4)),
            (lgamma, F80::new(0xc002, 0xbfffffffffffffff), F80::new(0x4003, 0xacd01c3a015ae8d6)),
            // Around 2^62: x (ln x - 1) above.
            (lgamma, F80::new(0x403d, 0x8000000000000000), F80::new(0x4042, 0xa7e687381340fddd)),
            (lgamma, F80::new(0x403c, 0xfffffffffffffffc), F80::new(0x4042, 0xa7e687381340fdda)),
        ];
        assert_within_an_ulp(&cases);
    }
}
