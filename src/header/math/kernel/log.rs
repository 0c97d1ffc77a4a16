//! ln x = k ln2 - ln(q) + ln(1 + r): x = 2^k z with z in [OFF, 2 OFF)
//! (about [0.705, 1.41), so that logarithms near 1 do not cancel), q a
//! 9-bit approximation of 1/z from a 128-entry table, r = z q - 1 computed
//! exactly enough (z in two 26-bit halves, each product with q exact), and
//! ln(1 + r) for |r| < 2^-7.5 a degree-9 Taylor polynomial, evaluated in
//! Estrin's scheme for a short dependency chain.

use super::tables::LOG_INV;

/// The bit pattern where the interval of z starts.
const OFF: u64 = 0x3fe6_9555_0000_0000;
/// ln 2 with 42 significant bits (k times it is exact) and the remainder.
pub(super) const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fefa_3800);
pub(super) const LN2_LO: f64 = f64::from_bits(0x3d2e_f357_93c7_6730);

/// a + b as a rounded sum and its exact error.
pub(super) fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// Splits finite x > 0 as 2^k z, z = (1 + r)/q with r = rh + rl exactly
/// (rh = zh q - 1 and rl = zl q are both exact products), returning k, rh,
/// rl and -ln q as two parts.
pub(super) fn reduce(x: f64) -> (f64, f64, f64, f64, f64) {
    let mut ix = x.to_bits();
    let mut k_adj = 0;
    if ix < 0x0010_0000_0000_0000 {
        ix = (x * 4_503_599_627_370_496.0).to_bits();
        k_adj = -52;
    }
    let tmp = ix.wrapping_sub(OFF);
    let i = ((tmp >> 45) & 127) as usize;
    let k = ((tmp as i64) >> 52) + k_adj;
    let iz = ix.wrapping_sub(tmp & (0xfff << 52));
    let z = f64::from_bits(iz);
    let (q, lc_hi, lc_lo) = LOG_INV[i];
    let (q, lc_hi, lc_lo) = (f64::from_bits(q), f64::from_bits(lc_hi), f64::from_bits(lc_lo));
    let zh = f64::from_bits(iz & 0xffff_fff8_0000_0000);
    let zl = z - zh;
    (k as f64, zh * q - 1.0, zl * q, lc_hi, lc_lo)
}

#[inline]
pub fn log(x: f64) -> f64 {
    if x.to_bits().wrapping_sub(0x0010_0000_0000_0000) >= 0x7fe0_0000_0000_0000 {
        // Zero, subnormal, negative, infinite or NaN.
        if x == 0.0 {
            return f64::NEG_INFINITY;
        }
        if x.is_nan() || x == f64::INFINITY {
            return x + x;
        }
        if x < 0.0 {
            return f64::NAN;
        }
    }
    let (kd, rh, rl, lc_hi, lc_lo) = reduce(x);
    let r = rh + rl;
    let (w, w_err) = two_sum(kd * LN2_HI, lc_hi);
    let (hi, err) = two_sum(w, r);
    let lo = (w_err + err) + (kd * LN2_LO + lc_lo);
    let r2 = r * r;
    let r4 = r2 * r2;
    let a = -0.5 + r * (1.0 / 3.0);
    let b = -0.25 + r * 0.2;
    let c = -1.0 / 6.0 + r * (1.0 / 7.0);
    let d = -0.125 + r * (1.0 / 9.0);
    let p = r2 * ((a + r2 * b) + r4 * (c + r2 * d));
    hi + (lo + p)
}
