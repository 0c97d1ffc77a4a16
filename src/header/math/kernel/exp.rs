//! e^x = 2^(k/128) e^r with k = round(x 128/ln2) and |r| <= ln2/256:
//! 2^(k/128) is 2^(k div 128) times a table entry s (1 + t), so that
//! e^x = 2^(k div 128) (s + s (t + e^r - 1)); e^r - 1
//! a degree-5 Taylor polynomial (its error, r^6/720, is below 2^-60),
//! evaluated in Estrin's scheme for a short dependency chain.

use super::tables::EXP2_J;

const INV_LN2N: f64 = f64::from_bits(0x4067_1547_652b_82fe);
/// ln2/128 with 36 significant bits, so that k times it is exact for the
/// |k| < 2^17 that occur, and the remainder.
const LN2N_HI: f64 = f64::from_bits(0x3f76_2e42_fefa_0000);
const LN2N_LO: f64 = f64::from_bits(0x3d0c_f79a_bc9e_3b3a);
/// 1.5 * 2^52: adding and subtracting it rounds to an integer.
const SHIFT: f64 = 6_755_399_441_055_744.0;
/// e^x overflows above, and underflows to zero below.
const OVERFLOW: f64 = 709.782_712_893_384;
const UNDERFLOW: f64 = -745.133_219_101_941_2;

/// ln2/128 rounded to double: for `expf`, whose k stays below 2^15, the
/// product's error (2^-45 absolute) is far below a float's precision.
const LN2N: f64 = f64::from_bits(0x3f76_2e42_fefa_39ef);
/// e^x as a float overflows above, and rounds to zero below.
const OVERFLOW_F: f32 = 88.722_84;
const UNDERFLOW_F: f32 = -103.972_08;

/// 2^e as a double, for e in the normal exponent range.
pub(super) const fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

#[inline]
pub fn exp(x: f64) -> f64 {
    exp_with_tail(x, 0.0)
}

/// e^(x + tail) for a tail below an ulp of x (used by `pow`, whose
/// exponent comes as two parts).
pub fn exp_with_tail(x: f64, tail: f64) -> f64 {
    if !(x.abs() < 708.0) {
        if x.is_nan() {
            return x + x;
        }
        if x > OVERFLOW {
            return f64::INFINITY;
        }
        if x < UNDERFLOW {
            return 0.0;
        }
    }
    if x.abs() < 5.5e-17 {
        return 1.0 + x;
    }
    // Adding SHIFT leaves round(x 128/ln2) = k in the low bits of the sum.
    let shifted = x * INV_LN2N + SHIFT;
    let ki = shifted.to_bits();
    let kd = shifted - SHIFT;
    let r = ((x - kd * LN2N_HI) - kd * LN2N_LO) + tail;
    let j = ki & 127;
    let (s, t) = EXP2_J[j as usize];
    let t = f64::from_bits(t);
    let r2 = r * r;
    let p = r + r2 * (0.5 + r * (1.0 / 6.0)) + (r2 * r2) * (1.0 / 24.0 + r * (1.0 / 120.0));
    if x.abs() < 708.0 {
        // (k - j) << 45 is (k div 128) << 52 (SHIFT's own bits fall off the
        // top): the table entry times 2^(k div 128), built on its bits.
        let scale = f64::from_bits(s.wrapping_add(ki.wrapping_sub(j) << 45));
        return scale + scale * (t + p);
    }
    let s = f64::from_bits(s);
    let y = s + s * (t + p);
    let e = ((ki.wrapping_sub(SHIFT.to_bits()) as i64) >> 7) as i64;
    if e > 0 {
        // y is up to 2, so 2^e alone may be the largest power there is.
        (y * pow2(e - 1)) * 2.0
    } else {
        // Subnormal results: scale into range, then down (a second
        // rounding, within an ulp).
        (y * pow2(e + 1000)) * pow2(-1000)
    }
}

/// e^x for float, computed in double: the same reduction with a degree-3
/// polynomial (error r^4/24 < 2^-38) gives e^x to about 2^-37, so the
/// one rounding to float is correct but in rare near-halfway cases, where
/// it is within an ulp. Results below float's normal range are computed
/// as normal doubles and rounded once, to the subnormal.
#[inline]
pub fn expf(x: f32) -> f32 {
    if !(x.abs() < 87.0) {
        if x.is_nan() {
            return x + x;
        }
        if x > OVERFLOW_F {
            return f32::INFINITY;
        }
        if x < UNDERFLOW_F {
            return 0.0;
        }
    }
    let x = f64::from(x);
    let shifted = x * INV_LN2N + SHIFT;
    let ki = shifted.to_bits();
    let kd = shifted - SHIFT;
    let r = x - kd * LN2N;
    let j = ki & 127;
    let (s, t) = EXP2_J[j as usize];
    let p = r + (r * r) * (0.5 + r * (1.0 / 6.0));
    // 2^(k div 128) lies within double's normal range for every x here.
    let scale = f64::from_bits(s.wrapping_add(ki.wrapping_sub(j) << 45));
    (scale + scale * (f64::from_bits(t) + p)) as f32
}
