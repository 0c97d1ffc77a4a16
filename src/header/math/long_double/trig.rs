//! `long double` circular functions. The x87's `fsin`, `fcos` and `fptan`
//! reduce large arguments with a 66-bit pi, which loses the result near
//! multiples of pi; so arguments beyond pi/4 are reduced here exactly, in
//! integer arithmetic against the bits of 2/pi (Payne and Hanek's method),
//! and the instructions only see |r| <= pi/4. Inverses use `fpatan`.

use super::abi::long_double;
use super::consts::{PIO2_HI, PIO2_LO, PIO4};
use super::f80::{fast_two_sum, from_u128, two_prod, F80};
use super::two_over_pi::TWO_OVER_PI;
use crate::header::math::error::{check, tiny2};

/// 192 bits of 2/pi starting at bit `k` after the binary point.
fn window(k: usize) -> [u64; 3] {
    let (w, b) = (k / 64, (k % 64) as u32);
    let word = |i: usize| TWO_OVER_PI[w + i];
    let at = |i: usize| if b == 0 { word(i) } else { (word(i) << b) | (word(i + 1) >> (64 - b)) };
    [at(0), at(1), at(2)]
}

/// Reduces |x| >= 2 to n pi/2 + r with |r| <= pi/4 (r as hi + lo): the
/// 64-bit mantissa times a window of 2/pi gives x 2/pi modulo 4 as a 256-bit
/// fixed-point number; bits of 2/pi above the window only add multiples of
/// 4, bits below it are below the precision kept.
fn reduce_large(x: F80) -> (u32, F80, F80) {
    let e = x.exponent() - 63;
    let k = (e - 2).max(0);
    let [w0, w1, w2] = window(k as usize);
    let m = u128::from(x.m);
    let (p0, p1, p2) = (m * u128::from(w0), m * u128::from(w1), m * u128::from(w2));
    let (lo, carry) = p2.overflowing_add(p1 << 64);
    let hi = p0.wrapping_add(p1 >> 64).wrapping_add(u128::from(carry));
    // x 2/pi = (hi:lo) 2^-s, s = 192 + k - e fraction bits (s <= 254 for
    // |x| >= 2), with the quadrant in the two bits above them; s >= 190, so the
    // fraction keeps t = s - 128 >= 62 bits of the high half.
    let s = (192 + k - e) as u32;
    let t = s - 128;
    let mut n = ((hi >> t) & 3) as u32;
    let mut fh = hi & ((1u128 << t) - 1);
    let mut fl = lo;
    // Fraction at or above one half: round the quadrant up, take 1 - f.
    let negative = (fh >> (t - 1)) & 1 == 1;
    if negative {
        n += 1;
        let (l, borrow) = 0u128.overflowing_sub(fl);
        fh = (1u128 << t).wrapping_sub(fh).wrapping_sub(u128::from(borrow));
        fl = l;
    }
    // The fraction fh:fl (t + 128 bits) as hi + lo, times pi/2.
    let bits = if fh != 0 { 256 - fh.leading_zeros() as i32 } else { 128 - fl.leading_zeros() as i32 };
    if bits <= 0 {
        return (n & 3, F80::ZERO, F80::ZERO);
    }
    let top = if bits > 128 { (fh << (256 - bits)) | (fl >> (bits - 128)) } else { fl << (128 - bits) };
    let f_hi = from_u128(false, top >> 64, bits - 64 - s as i32);
    let low = top as u64;
    let f_lo = if low == 0 { F80::ZERO } else { from_u128(false, u128::from(low), bits - 128 - s as i32) };
    let (p, pe) = two_prod(f_hi, PIO2_HI);
    let (r, rl) = fast_two_sum(p, pe + f_hi * PIO2_LO + f_lo * PIO2_HI);
    if negative {
        (n & 3, -r, -rl)
    } else {
        (n & 3, r, rl)
    }
}

/// x = n pi/2 + (hi + lo), |hi| <= pi/4 (about), n in 0..4.
fn reduce(x: F80) -> (u32, F80, F80) {
    let a = x.abs();
    let (n, hi, lo) = if a <= PIO4 {
        (0, a, F80::ZERO)
    } else if a < F80::TWO {
        let (hi, lo) = fast_two_sum(a - PIO2_HI, -PIO2_LO);
        (1, hi, lo)
    } else {
        reduce_large(a)
    };
    if x.is_negative() {
        ((4 - n) & 3, -hi, -lo)
    } else {
        (n, hi, lo)
    }
}

/// sin and cos of hi + lo, to first order in the tail lo.
pub(super) fn sin_cos_of(hi: F80, lo: F80) -> (F80, F80) {
    let (s, c) = hi.sin_cos_reduced();
    (s + lo * c, c - lo * s)
}

/// Sine and cosine at once.
pub fn sincos(x: F80) -> (F80, F80) {
    if !x.is_finite() {
        let r = check(x, x - x, false);
        return (r, r);
    }
    if x.abs() <= PIO4 {
        return x.sin_cos_reduced();
    }
    let (n, hi, lo) = reduce(x);
    let (s, c) = sin_cos_of(hi, lo);
    match n {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

pub fn sin(x: F80) -> F80 {
    if x.abs() <= PIO4 {
        return x.sin_reduced();
    }
    sincos(x).0
}

pub fn cos(x: F80) -> F80 {
    if x.abs() <= PIO4 {
        return x.cos_reduced();
    }
    sincos(x).1
}

pub fn tan(x: F80) -> F80 {
    if !x.is_finite() {
        return check(x, x - x, false);
    }
    if x.abs() <= PIO4 {
        return x.tan_reduced();
    }
    let (n, hi, lo) = reduce(x);
    let t = hi.tan_reduced();
    let t = t + (F80::ONE + t * t) * lo;
    if n & 1 == 1 {
        -F80::ONE / t
    } else {
        t
    }
}

/// The angle of (x, y), in [-pi, pi].
pub fn atan2(y: F80, x: F80) -> F80 {
    tiny2(y, x, x.atan2_of(y))
}

pub fn atan(x: F80) -> F80 {
    F80::ONE.atan2_of(x)
}

/// sqrt(1 - x^2), with 1 - x exact for x near 1.
fn cosine_of_sine(x: F80) -> F80 {
    ((F80::ONE - x) * (F80::ONE + x)).sqrt()
}

pub fn asin(x: F80) -> F80 {
    let r = if x.abs() > F80::ONE { F80::NAN } else { cosine_of_sine(x).atan2_of(x) };
    check(x, r, false)
}

pub fn acos(x: F80) -> F80 {
    let r = if x.abs() > F80::ONE { F80::NAN } else { x.atan2_of(cosine_of_sine(x)) };
    check(x, r, false)
}

long_double! {
    /// C11 `sinl`: sine.
    ld sinl(x) => check(x, sin(x), false)
}

long_double! {
    /// C11 `cosl`: cosine.
    ld cosl(x) => check(x, cos(x), false)
}

long_double! {
    /// C11 `tanl`: tangent.
    ld tanl(x) => tan(x)
}

long_double! {
    /// compat (GNU) `sincosl`: sine and cosine at once.
    reg sincosl(x; s: *mut F80, c: *mut F80) -> () => {
        let (sv, cv) = sincos(x);
        // SAFETY: the caller passes two writable long doubles.
        unsafe {
            *s = sv;
            *c = cv;
        }
    }
}

long_double! {
    /// C11 `asinl`: arc sine.
    ld asinl(x) => asin(x)
}

long_double! {
    /// C11 `acosl`: arc cosine.
    ld acosl(x) => acos(x)
}

long_double! {
    /// C11 `atanl`: arc tangent.
    ld atanl(x) => atan(x)
}

long_double! {
    /// C11 `atan2l`: the angle of the point (`x`, `y`).
    ld atan2l(y, x) => atan2(y, x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: F80, b: f64, tol: f64) -> bool {
        (a - F80::from(b)).abs() <= F80::from(tol * b.abs())
    }

    #[test]
    fn reduction_is_exact_for_huge_arguments() {
        // sin(2^100) and sin(1e22), from arbitrary-precision arithmetic.
        assert!(near(sin(F80::ONE.scale(100)), -0.8721836054182673, 1e-15));
        assert!(near(sin(F80::from(1e22)), -0.8522008497671888, 1e-15));
        assert!(near(cos(F80::from(1e22)), 0.5232147853951389, 1e-15));
        assert!(near(tan(F80::from(1e300)), 1.4214488238747244, 1e-15));
        assert!(near(sin(F80::from(3.0)), 0.1411200080598672, 1e-16));
        assert!(near(cos(F80::from(-1.5)), 0.0707372016677029, 1e-16));
        assert!(near(sin(F80::MAX), 0.9921510991235265, 1e-15));
        assert!(sin(F80::INFINITY).is_nan());
    }

    #[test]
    fn inverses() {
        assert_eq!(atan2(F80::ONE, F80::ONE).to_f64(), core::f64::consts::FRAC_PI_4);
        assert_eq!(atan2(F80::ZERO, -F80::ONE).to_f64(), core::f64::consts::PI);
        assert_eq!(asin(F80::ONE).to_f64(), core::f64::consts::FRAC_PI_2);
        assert!(acos(F80::ONE).is_zero());
        assert!(asin(F80::TWO).is_nan());
        assert_eq!(atan(F80::INFINITY).to_f64(), core::f64::consts::FRAC_PI_2);
    }
}
