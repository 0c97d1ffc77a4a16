//! Exponential, logarithm, power and square root.

use super::basic::arg;
use super::scalar::Scalar;
use super::{c, complex_fns, Complex};
use crate::header::math::long_double::F80;

/// e^z = e^x (cos y + i sin y), scaled where e^x alone would overflow but
/// the product does not.
pub(crate) fn exp<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    if y == T::ZERO {
        return c(x.exp(), y);
    }
    if x.is_infinite() {
        if !y.is_finite() {
            return if x.is_negative() { c(T::ZERO, T::ZERO) } else { c(x, y - y) };
        }
        let (s, co) = y.sincos();
        return c(x.exp() * co, x.exp() * s);
    }
    if x.is_nan() || !y.is_finite() {
        return c(x + (y - y), x + (y - y));
    }
    let (s, co) = y.sincos();
    if x > T::EXP_MAX {
        let h = x.scale(-1).exp();
        c(h * co * h, h * s * h)
    } else {
        let e = x.exp();
        c(e * co, e * s)
    }
}

/// log|z| + i arg z.
pub(crate) fn log<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let (a, b) = (z.re.abs(), z.im.abs());
    let (big, small) = if a >= b { (a, b) } else { (b, a) };
    let re = if big > T::HALF && big < T::TWO && small < T::ONE {
        norm_minus_one(big, small).log1p() * T::HALF
    } else {
        log_abs(a, b)
    };
    c(re, arg(z))
}

/// log |a + ib|, with a + ib scaled by a power of two first where |z|
/// would overflow or be subnormal.
pub(crate) fn log_abs<T: Scalar>(a: T, b: T) -> T {
    let big = if a >= b { a } else { b };
    let k = if big > T::HUGE {
        -2
    } else if big < T::MIN_NORMAL {
        64
    } else {
        0
    };
    a.scale(k).hypot(b.scale(k)).log() - T::LN2 * T::from_f64(f64::from(k))
}

/// a + b as the rounded sum and its exact error (Knuth's two-sum).
fn two_sum<T: Scalar>(a: T, b: T) -> (T, T) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// a^2 + b^2 - 1 for a in (1/2, 2) and b < 1, where near the unit circle it
/// cancels: the squares are split exactly into rounded parts and errors,
/// the two leading parts summed exactly so that subtracting 1 is exact,
/// and the small parts added with their rounding errors carried.
fn norm_minus_one<T: Scalar>(a: T, b: T) -> T {
    let (ah, al) = a.two_prod(a);
    let (bh, bl) = b.two_prod(b);
    let (u, ue) = two_sum(ah, bh);
    let mut s = u - T::ONE;
    let mut err = T::ZERO;
    for t in [ue, al, bl] {
        let (n, e) = two_sum(s, t);
        s = n;
        err = err + e;
    }
    s + err
}

fn mul<T: Scalar>(a: Complex<T>, b: Complex<T>) -> Complex<T> {
    c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// z^w = e^(w log z).
fn pow<T: Scalar>(z: Complex<T>, w: Complex<T>) -> Complex<T> {
    if w.re == T::ZERO && w.im == T::ZERO {
        return c(T::ONE, T::ZERO);
    }
    if z.re == T::ZERO && z.im == T::ZERO && w.im == T::ZERO && w.re > T::ZERO {
        return c(T::ZERO, T::ZERO);
    }
    exp(mul(w, log(z)))
}

/// The principal square root (real part >= 0), computed from
/// t = sqrt((|x| + |z|) / 2), scaled away from overflow and underflow.
pub(crate) fn sqrt<T: Scalar>(z: Complex<T>) -> Complex<T> {
    let (x, y) = (z.re, z.im);
    if y.is_infinite() {
        return c(T::INFINITY, y);
    }
    if x.is_nan() {
        return c(x, x + y);
    }
    if x.is_infinite() {
        return if x.is_negative() {
            c((y - y).abs(), T::INFINITY.copysign(y))
        } else {
            c(x, (y - y).copysign(y))
        };
    }
    if y.is_nan() {
        return c(y, y);
    }
    if x == T::ZERO && y == T::ZERO {
        return c(T::ZERO, y);
    }
    let k = if x.abs() > T::HUGE || y.abs() > T::HUGE {
        -2
    } else if x.abs() < T::MIN_NORMAL.scale(64) && y.abs() < T::MIN_NORMAL.scale(64) {
        64
    } else {
        0
    };
    let (xs, ys) = (x.scale(k), y.scale(k));
    let t = ((xs.abs() + xs.hypot(ys)) * T::HALF).sqrt();
    let back = -k / 2;
    if x.is_negative() {
        c((ys.abs() / (t * T::TWO)).scale(back), t.copysign(y).scale(back))
    } else {
        c(t.scale(back), (ys / (t * T::TWO)).scale(back))
    }
}

complex_fns! {
    /// C11 `cexp`: e to the power `z`.
    complex cexp, cexpf, cexpl = exp
}

complex_fns! {
    /// C11 `clog`: the principal natural logarithm.
    complex clog, clogf, clogl = log
}

complex_fns! {
    /// C11 `csqrt`: the principal square root.
    complex csqrt, csqrtf, csqrtl = sqrt
}

/// C11 `cpow`: `z` to the power `w`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn cpow(z: Complex<f64>, w: Complex<f64>) -> Complex<f64> {
    pow(z, w)
}

/// C11 `cpowf`: `cpow` for `float complex`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn cpowf(z: Complex<f32>, w: Complex<f32>) -> Complex<f32> {
    pow(z.widen(), w.widen()).narrow()
}

crate::header::math::long_double::abi::long_double! {
    /// C11 `cpowl`: `cpow` for `long double complex`.
    cld cpowl(zr, zi, wr, wi) => {
        let r = pow(c(zr, zi), c(wr, wi));
        (r.re, r.im)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_scales_past_the_overflow_of_e_to_the_x() {
        // e^709.5 overflows a double, e^709.5 cos(0.5) does not.
        let r = exp(c(709.5f64, 0.5));
        assert!((r.re / 1.1891123654305421e308 - 1.0).abs() < 1e-15, "{r:?}");
        assert!((r.im / 6.496150459387444e307 - 1.0).abs() < 1e-15, "{r:?}");
    }
}
