//! atan2(y, x) to about half an ulp: the quotient of the smaller magnitude
//! by the larger carried as two doubles (q + q_lo), atan(q) as
//! atan(c) + atan(t) with c = i/64 the nearest table point and
//! t = (q - c)/(1 + q c) (|t| <= 1/128, also as two doubles), a five-term
//! odd series for atan(t), and the quadrant's pi/2 - z or pi - z taken as
//! pairs too, so that the one rounding at the end is the error that
//! counts. (fdlibm's atan2 rounds the quotient and atan(q) separately and
//! is off by up to 1.35 ulps.)

use super::exp::pow2;
use super::log::two_sum;
use super::pow::two_prod;
use super::tables::ATAN_I64;

const PIO2_HI: f64 = f64::from_bits(0x3ff9_21fb_5444_2d18);
const PIO2_LO: f64 = f64::from_bits(0x3c91_a626_3314_5c07);
const PI_HI: f64 = f64::from_bits(0x4009_21fb_5444_2d18);
const PI_LO: f64 = f64::from_bits(0x3ca1_a626_3314_5c07);

/// The biased exponent field of finite `v`.
fn exponent(v: f64) -> i64 {
    ((v.to_bits() >> 52) & 0x7ff) as i64
}

/// c - (h + l) as a pair, for the quadrant adjustments.
fn minus(ch: f64, cl: f64, h: f64, l: f64) -> (f64, f64) {
    let (s, e) = two_sum(ch, -h);
    (s, e + (cl - l))
}

/// atan2(y, x) for finite nonzero x and y; `None` for the others (zeros,
/// infinities and NaNs, which the caller's general function handles).
pub fn atan2(y: f64, x: f64) -> Option<f64> {
    if !(y.is_finite() && x.is_finite()) || y == 0.0 || x == 0.0 {
        return None;
    }
    let (mut ay, mut ax) = (y.abs(), x.abs());
    let swap = ay > ax;
    let (mut n, mut d) = if swap { (ax, ay) } else { (ay, ax) };
    if n < d * pow2(-60) {
        // atan(q) is q to the last bit: the quotient (rounded once, perhaps
        // to a subnormal or zero) or pi/2 or pi less or more than it.
        let q = n / d;
        let r = match (swap, x < 0.0) {
            (false, false) => q,
            (false, true) => PI_HI + (PI_LO - q),
            (true, false) => PIO2_HI + (PIO2_LO - q),
            (true, true) => PIO2_HI + (PIO2_LO + q),
        };
        return Some(r.copysign(y));
    }
    if n < f64::MIN_POSITIVE {
        // Both within 2^60 of a subnormal: scaled up exactly.
        (ay, ax) = (ay * pow2(200), ax * pow2(200));
        (n, d) = if swap { (ax, ay) } else { (ay, ax) };
    }
    // Scaled by the same power of two so that d is in [1, 2): exact, and
    // the products below neither overflow nor lose bits to underflow.
    let k = 1023 - exponent(d);
    let scale = if k >= -1022 { pow2(k) } else { f64::from_bits(1 << 51) };
    let (n, d) = (n * scale, d * scale);
    // q + q_lo = n/d: n - q d is exact (q d is within an ulp of n).
    let q = n / d;
    let (p, pe) = two_prod(q, d);
    let q_lo = ((n - p) - pe) / d;
    // atan(q + q_lo) = atan(c) + atan(t), t = (q + q_lo - c)/(1 + (q + q_lo) c).
    let i = (q * 64.0 + 0.5) as usize;
    let c = i as f64 / 64.0;
    let (num, num_lo) = (q - c, q_lo);
    let (qc, qce) = two_prod(q, c);
    let (den, den_e) = two_sum(1.0, qc);
    let den_lo = den_e + qce + q_lo * c;
    let t = num / den;
    let (tp, tpe) = two_prod(t, den);
    let t_lo = (((num - tp) - tpe) + num_lo - t * den_lo) / den;
    let t2 = t * t;
    let series = t * t2 * (-1.0 / 3.0 + t2 * (0.2 + t2 * (-1.0 / 7.0 + t2 * (1.0 / 9.0))));
    let (ch, cl) = ATAN_I64[i];
    let (mut h, e) = two_sum(f64::from_bits(ch), t);
    let mut l = e + (f64::from_bits(cl) + t_lo + series);
    if swap {
        (h, l) = minus(PIO2_HI, PIO2_LO, h, l);
    }
    if x < 0.0 {
        (h, l) = minus(PI_HI, PI_LO, h, l);
    }
    Some((h + l).copysign(y))
}
