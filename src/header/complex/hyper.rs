//! Hyperbolic and circular functions: sinh(x + iy) = sinh x cos y +
//! i cosh x sin y and its relatives, with Annex G's special cases; the
//! circular ones through sin z = -i sinh(iz), cos z = cosh(iz),
//! tan z = -i tanh(iz).

use super::scalar::Scalar;
use super::{c, complex_fns, Complex};
use crate::header::math::long_double::F80;

/// A NaN that raises invalid when `v` is infinite (`v - v`).
fn nan_from<T: Scalar>(v: T) -> T {
    v - v
}

/// v with its sign flipped when `s` is negative: the product sign(s) v.
fn negate_if<T: Scalar>(s: T, v: T) -> T {
    if s.is_negative() {
        -v
    } else {
        v
    }
}

/// e^|x| / 2 times f, for |x| beyond where e^|x| overflows, in halves so
/// that a product that fits does not overflow on the way.
fn half_exp_times<T: Scalar>(ax: T, f: T) -> T {
    let h = ax.scale(-1).exp();
    h * f * T::HALF * h
}

pub(crate) fn sinh<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    if x.is_finite() && y.is_finite() {
        if y == T::ZERO {
            // Exactly real, where cosh x sin y would be inf * 0 for large x.
            return c(x.sinh(), y);
        }
        let (s, co) = y.sincos();
        if x.abs() > T::EXP_MAX {
            return c(negate_if(x, half_exp_times(x.abs(), co)), half_exp_times(x.abs(), s));
        }
        return c(x.sinh() * co, x.cosh() * s);
    }
    if x == T::ZERO {
        return c(x, nan_from(y));
    }
    if y == T::ZERO {
        return c(x, y);
    }
    if x.is_infinite() {
        if !y.is_finite() {
            return c(x, nan_from(y));
        }
        let (s, co) = y.sincos();
        return c(x * co, T::INFINITY * s);
    }
    c(x + nan_from(y), x + nan_from(y))
}

pub(crate) fn cosh<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    if x.is_finite() && y.is_finite() {
        if y == T::ZERO {
            // Exactly real, where sinh x sin y would be inf * 0 for large x.
            return c(x.cosh(), negate_if(x, y));
        }
        let (s, co) = y.sincos();
        if x.abs() > T::EXP_MAX {
            return c(half_exp_times(x.abs(), co), negate_if(x, half_exp_times(x.abs(), s)));
        }
        return c(x.cosh() * co, x.sinh() * s);
    }
    if x == T::ZERO {
        return c(nan_from(y), x);
    }
    if y == T::ZERO {
        return c(x * x, negate_if(x, y));
    }
    if x.is_infinite() {
        if !y.is_finite() {
            return c(x * x, nan_from(y));
        }
        let (s, co) = y.sincos();
        return c(T::INFINITY * co, x * s);
    }
    c(x + nan_from(y), x + nan_from(y))
}

/// tanh by Kahan's formula: with t = tan y, b = 1 + t^2, s = sinh x and
/// r = sqrt(1 + s^2), tanh z = (b r s + i t) / (1 + b s^2).
pub(crate) fn tanh<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    if x.is_infinite() {
        // The imaginary part is 0 with the sign of sin(2y).
        let sign = if y.is_finite() { y.sincos().0 * y.sincos().1 } else { y };
        return c(T::ONE.copysign(x), T::ZERO.copysign(sign));
    }
    if x.is_nan() {
        return if y == T::ZERO { c(x, y) } else { c(x + y, x + y) };
    }
    if !y.is_finite() {
        // tanh(+-0 + iy) = i tan y is purely imaginary even where tan y is
        // NaN (C11 DR 471).
        return c(if x == T::ZERO { x } else { nan_from(y) }, nan_from(y));
    }
    if x.abs() > T::TANH_ONE {
        let (s, co) = y.sincos();
        let e = (-x.abs().scale(1)).exp();
        return c(T::ONE.copysign(x), (s * co).scale(2) * e);
    }
    let t = y.tan();
    let b = T::ONE + t * t;
    let s = x.sinh();
    let r = (T::ONE + s * s).sqrt();
    let d = T::ONE + b * s * s;
    c(b * r * s / d, t / d)
}

/// Multiplies by i: (x + iy) i = -y + ix.
pub(crate) fn times_i<T: Scalar>(z: Complex<T>) -> Complex<T> {
    c(-z.im, z.re)
}

/// Multiplies by -i: (x + iy)(-i) = y - ix.
pub(crate) fn times_minus_i<T: Scalar>(z: Complex<T>) -> Complex<T> {
    c(z.im, -z.re)
}

fn sin<T: Scalar>(z: Complex<T>) -> Complex<T> {
    times_minus_i(sinh(times_i(z)))
}

fn cos<T: Scalar>(z: Complex<T>) -> Complex<T> {
    cosh(times_i(z))
}

fn tan<T: Scalar>(z: Complex<T>) -> Complex<T> {
    times_minus_i(tanh(times_i(z)))
}

complex_fns! {
    /// C11 `csinh`: hyperbolic sine.
    complex csinh, csinhf, csinhl = sinh
}

complex_fns! {
    /// C11 `ccosh`: hyperbolic cosine.
    complex ccosh, ccoshf, ccoshl = cosh
}

complex_fns! {
    /// C11 `ctanh`: hyperbolic tangent.
    complex ctanh, ctanhf, ctanhl = tanh
}

complex_fns! {
    /// C11 `csin`: sine.
    complex csin, csinf, csinl = sin
}

complex_fns! {
    /// C11 `ccos`: cosine.
    complex ccos, ccosf, ccosl = cos
}

complex_fns! {
    /// C11 `ctan`: tangent.
    complex ctan, ctanf, ctanl = tan
}
