//! `long double` powers and roots.

use super::abi::long_double;
use super::consts::{LOG2E, LOG2E_LO};
use super::f80::{two_prod, F80, BIAS};
use super::manip::trunc;
use crate::header::math::error::{check, check2, tiny2};

/// Whether `y` is an integer, and whether an odd one.
fn integer_parity(y: F80) -> (bool, bool) {
    if !y.is_finite() || trunc(y) != y {
        return (false, false);
    }
    let e = y.exponent();
    let odd = (0..=63).contains(&e) && (y.m >> (63 - e)) & 1 == 1;
    (true, odd)
}

/// sqrt(2).
const SQRT_2: F80 = F80::new(0x3fff, 0xb504f333f9de6484);

/// s = (m - 1)/(m + 1) as hi + lo, for m in [sqrt(1/2), sqrt(2)] (then
/// |s| <= 0.172 and ln m = 2 atanh(s)): m - 1 is exact, m + 1 is taken as
/// two parts and the division's remainder exactly.
pub(super) fn atanh_ratio(m: F80) -> (F80, F80) {
    let one = F80::ONE;
    let u = m - one;
    let vh = m + one;
    let vl = m - (vh - one);
    let sh = u / vh;
    let (p, pe) = two_prod(sh, vh);
    (sh, (((u - p) - pe) - sh * vl) / vh)
}

/// m in [sqrt(1/2), sqrt(2)] and e with x = 2^e m, for x finite and
/// positive (subnormals too: the mantissa is normalised).
pub(super) fn mantissa_and_exponent(x: F80) -> (F80, i32) {
    let m = x.m << x.m.leading_zeros();
    if m > SQRT_2.m {
        (F80::new(BIAS as u16 - 1, m), x.exponent() + 1)
    } else {
        (F80::new(BIAS as u16, m), x.exponent())
    }
}

/// log2(m) for m in [sqrt(1/2), sqrt(2)] as hi + lo, good to about 2^-70
/// relative: 2 atanh(s) log2 e, with the series' tail s^3/3 + s^5/5 + ...
/// in plain extended precision.
fn log2_mantissa(m: F80) -> (F80, F80) {
    let (sh, sl) = atanh_ratio(m);
    let t = sh * sh;
    let mut poly = F80::ZERO;
    for k in (1..=14).rev() {
        poly = poly * t + F80::ONE / F80::from(f64::from(2 * k + 1));
    }
    let tail = sh * t * poly;
    // log2 m = 2 (sh + sl + tail) (LOG2E + LOG2E_LO).
    let (a, ae) = two_prod(sh, LOG2E);
    let lo = ae + sh * LOG2E_LO + (sl + tail) * (LOG2E + LOG2E_LO);
    (a.scale(1), lo.scale(1))
}

/// `v` as its nearest integer and the exact remainder.
fn split_integer(v: F80) -> (F80, F80) {
    let n = v.rint();
    (n, v - n)
}

/// `x` (finite, positive, not 1) to the power `y` (finite): 2^(y log2 x).
/// With x = 2^e m, m in [sqrt(1/2), sqrt(2)), y log2 x = y e + y log2 m; y e
/// is exact as two parts (y split in 32-bit halves), y log2 m is a product
/// of two two-part values. The integer parts come off exactly, and the
/// fraction left goes to f2xm1.
fn pow_positive(x: F80, y: F80) -> F80 {
    let (m, e) = mantissa_and_exponent(x);
    let estimate = x.ylog2(y);
    if estimate > F80::from(16400.0) {
        return F80::INFINITY;
    }
    if estimate < F80::from(-16500.0) {
        return F80::ZERO;
    }
    let ef = F80::from_i64(i64::from(e));
    let yh = F80::new(y.se, y.m & 0xffff_ffff_0000_0000);
    let yl = y - yh;
    let (lh, ll) = log2_mantissa(m);
    let (c, ce) = two_prod(y, lh);
    let (n1, a) = split_integer(yh * ef);
    let (n2, b) = split_integer(yl * ef);
    let (n3, cf) = split_integer(c);
    let (n4, f) = split_integer(((a + b) + cf) + (ce + y * ll));
    let n = ((n1 + n2) + n3) + n4;
    (f.exp2m1_reduced() + F80::ONE).scale(n.to_i64() as i32)
}

/// `x` to the power `y`, with C11 F.10.4.4's special cases.
pub fn pow(x: F80, y: F80) -> F80 {
    if y.is_zero() || x == F80::ONE {
        return F80::ONE;
    }
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    let (y_int, y_odd) = integer_parity(y);
    let r = if x.is_zero() {
        let mag = if y.is_negative() { F80::INFINITY } else { F80::ZERO };
        if y_odd { mag.copysign(x) } else { mag }
    } else if y.is_infinite() {
        let ax = x.abs();
        if ax == F80::ONE {
            F80::ONE
        } else if (ax > F80::ONE) != y.is_negative() {
            F80::INFINITY
        } else {
            F80::ZERO
        }
    } else if x.is_infinite() {
        let mag = if y.is_negative() { F80::ZERO } else { F80::INFINITY };
        if y_odd && x.is_negative() { -mag } else { mag }
    } else if x.is_negative() && !y_int {
        F80::NAN
    } else {
        let mag = if x.abs() == F80::ONE { F80::ONE } else { pow_positive(x.abs(), y) };
        if x.is_negative() && y_odd { -mag } else { mag }
    };
    tiny2(x, y, check2(x, y, r, x.is_zero() && y.is_negative()))
}

/// Cube root: the double cube root of the mantissa, refined by one Newton
/// step in extended precision, times the exponent's third.
pub fn cbrt(x: F80) -> F80 {
    if x.is_zero() || !x.is_finite() {
        return x + x;
    }
    let e = x.exponent();
    let k = e.div_euclid(3);
    let m = x.abs().scale(-3 * k);
    let r = F80::from(libm::cbrt(m.to_f64()));
    let r = r - (r * r * r - m) / (F80::from(3.0) * r * r);
    r.scale(k).copysign(x)
}

/// sqrt(x^2 + y^2), scaled so the squares cannot overflow or underflow.
pub fn hypot(x: F80, y: F80) -> F80 {
    if x.is_infinite() || y.is_infinite() {
        return F80::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    let (a, b) = (x.abs(), y.abs());
    let (big, small) = if a >= b { (a, b) } else { (b, a) };
    if small.is_zero() {
        return big;
    }
    let e = big.exponent();
    let (bs, ss) = (big.scale(-e), small.scale(-e));
    check2(x, y, (bs * bs + ss * ss).sqrt().scale(e), false)
}

long_double! {
    /// C11 `powl`: `x` to the power `y`.
    ld powl(x, y) => pow(x, y)
}

long_double! {
    /// C11 `sqrtl`: correctly rounded square root (`fsqrt`).
    ld sqrtl(x) => check(x, x.sqrt(), false)
}

long_double! {
    /// C11 `cbrtl`: cube root.
    ld cbrtl(x) => cbrt(x)
}

long_double! {
    /// C11 `hypotl`: `sqrt(x*x + y*y)` without undue overflow.
    ld hypotl(x, y) => hypot(x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers() {
        assert!(pow(F80::from(2.0), F80::from(10.0)) == F80::from(1024.0));
        assert!(pow(F80::from(-2.0), F80::from(3.0)) == F80::from(-8.0));
        assert!(pow(F80::from(9.0), F80::from(0.5)) == F80::from(3.0));
        assert!(pow(F80::from(2.0), F80::from(-16445.0)) == F80::new(0, 1));
        assert!(pow(F80::from(10.0), F80::from(5000.0)).is_infinite());
        assert!(pow(F80::from(-1.0), F80::INFINITY) == F80::ONE);
        assert!(pow(F80::from(-8.0), F80::from(1.0 / 3.0)).is_nan());
        assert!(pow(-F80::ZERO, F80::from(-3.0)) == -F80::INFINITY);
        assert!(pow(F80::NAN, F80::ZERO) == F80::ONE);
        assert_eq!(pow(F80::from(10.0), F80::from(-3.0)).to_f64(), 1e-3);
        assert!(cbrt(F80::from(-27.0)) == F80::from(-3.0));
        assert!(cbrt(F80::new(0, 1)) > F80::ZERO);
        assert!(hypot(F80::from(3.0), F80::from(4.0)) == F80::from(5.0));
        assert!(hypot(F80::MAX, F80::MAX).is_infinite());
        assert!(hypot(F80::NAN, F80::INFINITY).is_infinite());
    }
}
