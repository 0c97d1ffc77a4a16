//! Inverse functions: asin, acos, atan and their hyperbolic twins, after
//! Hull, Fairgrieve and Tang ("Implementing the complex arcsine and
//! arccosine functions using exception handling", 1997): with
//! A = (|z + 1| + |z - 1|) / 2 and B = x / A, asin z = asin B + i acosh A,
//! each part switching to a cancellation-free form where B is near 1 or A
//! near 1. asinh, atan come from asin, atanh by z -> iz.

use super::exp::log_abs;
use super::hyper::{times_i, times_minus_i};
use super::scalar::Scalar;
use super::{c, complex_fns, Complex};
use crate::header::math::long_double::F80;

/// Where B's own asin and acos stop being accurate.
const B_CROSS: f64 = 0.6417;
/// Where acosh A is better computed from A - 1.
const A_CROSS: f64 = 1.5;

/// For x, y >= 0 (not NaN): the real part of asin(x + iy), that of
/// acos(x + iy), and the magnitude of their imaginary parts.
fn asin_acos_parts<T: Scalar>(x: T, y: T) -> (T, T, T) {
    if x > T::HUGE || y > T::HUGE {
        // |z| so large that asin z = -i log(2iz) to the precision.
        return (x.atan2(y), y.atan2(x), log_abs(x, y) + T::LN2);
    }
    if x < T::TINY && y < T::TINY {
        return (x, T::FRAC_PI_2 - x, y);
    }
    let one = T::ONE;
    if x < one && y < T::EPSILON * (one - x) {
        // A = 1 to the precision, and y^2 below may underflow: acosh A is
        // y / sqrt(1 - x^2) to first order, and B = x.
        return (x.asin(), x.acos(), y / ((one - x) * (one + x)).sqrt());
    }
    let r = (x + one).hypot(y);
    let s = (x - one).hypot(y);
    let a = (r + s) * T::HALF;
    let b = x / a;
    let y2 = y * y;
    let (re_asin, re_acos) = if b <= T::from_f64(B_CROSS) {
        (b.asin(), b.acos())
    } else {
        // d = sqrt(A^2 - x^2), without the cancellation.
        let d = if x <= one {
            ((a + x) * (y2 / (r + (x + one)) + (s + (one - x))) * T::HALF).sqrt()
        } else {
            y * (((a + x) / (r + (x + one)) + (a + x) / (s + (x - one))) * T::HALF).sqrt()
        };
        (x.atan2(d), d.atan2(x))
    };
    let im = if a <= T::from_f64(A_CROSS) {
        // 2(A - 1), halved only after the product under the root: for x = 1
        // and a subnormal y, y / 2 would round to zero.
        let am1_twice = if x < one {
            y2 / (r + (x + one)) + y2 / (s + (one - x))
        } else {
            y2 / (r + (x + one)) + (s + (x - one))
        };
        (am1_twice * T::HALF + (am1_twice * (a + one) * T::HALF).sqrt()).log1p()
    } else {
        (a + (a * a - one).sqrt()).log()
    };
    (re_asin, re_acos, im)
}

/// asinh with Annex G's NaN cases; the rest is asin(iz) turned back.
fn asinh<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    if x.is_nan() {
        return if y == T::ZERO {
            z
        } else if y.is_infinite() {
            c(T::INFINITY, x)
        } else {
            c(x + y, x + y)
        };
    }
    if y.is_nan() {
        return if x.is_infinite() { z } else { c(x + y, x + y) };
    }
    // asinh z = -i asin(iz); asin(u + iv) for u = -y, v = x.
    let w = times_i(z);
    let (re, _, im) = asin_acos_parts(w.re.abs(), w.im.abs());
    times_minus_i(c(re.copysign(w.re), im.copysign(w.im)))
}

fn asin<T: Scalar>(z: Complex<T>) -> Complex<T> {
    times_minus_i(asinh(times_i(z)))
}

fn acos<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    if x.is_nan() {
        return if y.is_infinite() { c(x, -y) } else { c(x + y, x + y) };
    }
    if y.is_nan() {
        return if x.is_infinite() {
            c(y, -T::INFINITY)
        } else if x == T::ZERO {
            c(T::FRAC_PI_2, y)
        } else {
            c(x + y, x + y)
        };
    }
    let (_, re, im) = asin_acos_parts(x.abs(), y.abs());
    let re = if x.is_negative() { T::PI - re } else { re };
    c(re, -(im.copysign(y)))
}

/// acosh z = +-i acos z, the sign chosen for a non-negative real part.
fn acosh<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let w = acos(z);
    c(w.im.abs(), w.re.copysign(z.im))
}

/// atanh z = log((1 + z) / (1 - z)) / 2, as
/// log1p(4x / ((1 - x)^2 + y^2)) / 4 + i atan2(2y, (1 - x)(1 + x) - y^2) / 2.
fn atanh<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    if x.is_nan() {
        return if y.is_infinite() { c(T::ZERO.copysign(x), T::FRAC_PI_2.copysign(y)) } else { c(x + y, x + y) };
    }
    if y.is_nan() {
        return if x == T::ZERO || x.is_infinite() { c(T::ZERO.copysign(x), y) } else { c(x + y, x + y) };
    }
    let (a, b) = (x.abs(), y.abs());
    let (re, im) = if a.is_infinite() || b.is_infinite() {
        (T::ZERO, T::FRAC_PI_2)
    } else if a > T::HUGE || b > T::HUGE {
        // a / |z|^2, with |z| taken at a quarter of the scale, where it
        // cannot overflow.
        let (aq, bq) = (a.scale(-2), b.scale(-2));
        let h = aq.hypot(bq);
        ((aq / h / h).scale(-2), T::FRAC_PI_2)
    } else {
        let one = T::ONE;
        let im = (b.scale(1)).atan2((one - a) * (one + a) - b * b).scale(-1);
        let at_pole = a == one && b == T::ZERO;
        if (one - a).abs() < T::TINY && b < T::TINY && !at_pole {
            // Near the pole at 1, where (1 - x)^2 + y^2 may underflow:
            // the real part is log(|1 + z| / |1 - z|) / 2, without
            // cancellation. The pole itself is left to the division
            // below, which raises divide-by-zero.
            (((one + a).hypot(b).log() - (one - a).hypot(b).log()).scale(-1), im)
        } else {
            let d = (one - a) * (one - a) + b * b;
            ((a.scale(2) / d).log1p().scale(-2), im)
        }
    };
    c(re.copysign(x), im.copysign(y))
}

fn atan<T: Scalar>(z: Complex<T>) -> Complex<T> {
    times_minus_i(atanh(times_i(z)))
}

complex_fns! {
    /// C11 `casin`: arc sine.
    complex casin, casinf, casinl = asin
}

complex_fns! {
    /// C11 `cacos`: arc cosine.
    complex cacos, cacosf, cacosl = acos
}

complex_fns! {
    /// C11 `catan`: arc tangent.
    complex catan, catanf, catanl = atan
}

complex_fns! {
    /// C11 `casinh`: inverse hyperbolic sine.
    complex casinh, casinhf, casinhl = asinh
}

complex_fns! {
    /// C11 `cacosh`: inverse hyperbolic cosine.
    complex cacosh, cacoshf, cacoshl = acosh
}

complex_fns! {
    /// C11 `catanh`: inverse hyperbolic tangent.
    complex catanh, catanhf, catanhl = atanh
}
