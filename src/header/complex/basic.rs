//! Parts, conjugate, projection, magnitude and angle.

use super::scalar::Scalar;
use super::{c, complex_fns, Complex};
use crate::header::math::long_double::F80;

fn real<T: Scalar>(z: Complex<T>) -> T {
    z.re
}

fn imag<T: Scalar>(z: Complex<T>) -> T {
    z.im
}

fn conjugate<T: Scalar>(z: Complex<T>) -> Complex<T> {
    c(z.re, -z.im)
}

/// Every complex infinity projects onto the one point at infinity.
fn project<T: Scalar>(z: Complex<T>) -> Complex<T> {
    if z.re.is_infinite() || z.im.is_infinite() {
        c(T::INFINITY, T::ZERO.copysign(z.im))
    } else {
        z
    }
}

pub(crate) fn abs<T: Scalar>(z: Complex<T>) -> T {
    z.re.hypot(z.im)
}

pub(crate) fn arg<T: Scalar>(z: Complex<T>) -> T {
    z.im.atan2(z.re)
}

complex_fns! {
    /// C11 `creal`: the real part.
    real creal, crealf, creall = real
}

complex_fns! {
    /// C11 `cimag`: the imaginary part.
    real cimag, cimagf, cimagl = imag
}

complex_fns! {
    /// C11 `conj`: the complex conjugate.
    complex conj, conjf, conjl = conjugate
}

complex_fns! {
    /// C11 `cproj`: the projection onto the Riemann sphere.
    complex cproj, cprojf, cprojl = project
}

complex_fns! {
    /// C11 `cabs`: the magnitude, without undue overflow.
    real cabs, cabsf, cabsl = abs
}

complex_fns! {
    /// C11 `carg`: the angle, in [-pi, pi].
    real carg, cargf, cargl = arg
}
