//! The real arithmetic the complex functions are written in, for `double`
//! (the `libm` crate) and `long double` (the x87 functions). `float`
//! complex functions compute in `double` and round once at the end.

use crate::header::math::error::Real;
use crate::header::math::long_double::{consts, exp, f80, hyper, log, power, trig, F80};
use core::ops::{Add, Div, Mul, Sub};

pub trait Scalar: Real + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self> {
    const ONE: Self;
    const TWO: Self;
    const HALF: Self;
    const INFINITY: Self;
    const NAN: Self;
    const MAX: Self;
    const FRAC_PI_2: Self;
    const FRAC_PI_4: Self;
    const PI: Self;
    const LN2: Self;
    /// The distance from 1 to the next larger value.
    const EPSILON: Self;
    /// Below this magnitude, x^2 is negligible next to 1.
    const TINY: Self;
    /// Above this magnitude, squares may overflow.
    const HUGE: Self;
    /// Above this, tanh(x) is 1 to the precision.
    const TANH_ONE: Self;
    /// Above this, exp(x) overflows.
    const EXP_MAX: Self;

    fn from_f64(v: f64) -> Self;
    fn abs(self) -> Self;
    fn copysign(self, s: Self) -> Self;
    fn is_negative(self) -> bool;
    fn scale(self, n: i32) -> Self;
    fn sqrt(self) -> Self;
    fn exp(self) -> Self;
    fn log(self) -> Self;
    fn log1p(self) -> Self;
    fn sincos(self) -> (Self, Self);
    fn tan(self) -> Self;
    fn sinh(self) -> Self;
    fn cosh(self) -> Self;
    fn asin(self) -> Self;
    fn acos(self) -> Self;
    fn atan(self) -> Self;
    fn atan2(self, x: Self) -> Self;
    fn hypot(self, y: Self) -> Self;
    /// The product, rounded, and its rounding error: exactly self * b.
    fn two_prod(self, b: Self) -> (Self, Self);
}

impl Scalar for f64 {
    const ONE: f64 = 1.0;
    const TWO: f64 = 2.0;
    const HALF: f64 = 0.5;
    const INFINITY: f64 = f64::INFINITY;
    const NAN: f64 = f64::NAN;
    const MAX: f64 = f64::MAX;
    const FRAC_PI_2: f64 = core::f64::consts::FRAC_PI_2;
    const FRAC_PI_4: f64 = core::f64::consts::FRAC_PI_4;
    const PI: f64 = core::f64::consts::PI;
    const LN2: f64 = core::f64::consts::LN_2;
    const EPSILON: f64 = f64::EPSILON;
    const TINY: f64 = 1e-9;
    const HUGE: f64 = 1e150;
    const TANH_ONE: f64 = 22.0;
    const EXP_MAX: f64 = 709.0;

    fn from_f64(v: f64) -> f64 {
        v
    }
    fn abs(self) -> f64 {
        f64::abs(self)
    }
    fn copysign(self, s: f64) -> f64 {
        f64::copysign(self, s)
    }
    fn is_negative(self) -> bool {
        self.is_sign_negative()
    }
    fn scale(self, n: i32) -> f64 {
        libm::scalbn(self, n)
    }
    fn sqrt(self) -> f64 {
        libm::sqrt(self)
    }
    fn exp(self) -> f64 {
        crate::header::math::kernel::exp(self)
    }
    fn log(self) -> f64 {
        crate::header::math::kernel::log(self)
    }
    fn log1p(self) -> f64 {
        libm::log1p(self)
    }
    fn sincos(self) -> (f64, f64) {
        libm::sincos(self)
    }
    fn tan(self) -> f64 {
        libm::tan(self)
    }
    fn sinh(self) -> f64 {
        libm::sinh(self)
    }
    fn cosh(self) -> f64 {
        libm::cosh(self)
    }
    fn asin(self) -> f64 {
        libm::asin(self)
    }
    fn acos(self) -> f64 {
        libm::acos(self)
    }
    fn atan(self) -> f64 {
        libm::atan(self)
    }
    fn atan2(self, x: f64) -> f64 {
        libm::atan2(self, x)
    }
    fn hypot(self, y: f64) -> f64 {
        libm::hypot(self, y)
    }
    fn two_prod(self, b: f64) -> (f64, f64) {
        let p = self * b;
        (p, libm::fma(self, b, -p))
    }
}

impl Scalar for F80 {
    const ONE: F80 = F80::ONE;
    const TWO: F80 = F80::TWO;
    const HALF: F80 = F80::HALF;
    const INFINITY: F80 = F80::INFINITY;
    const NAN: F80 = F80::NAN;
    const MAX: F80 = F80::MAX;
    const FRAC_PI_2: F80 = consts::PIO2_HI;
    const FRAC_PI_4: F80 = consts::PIO4;
    const PI: F80 = consts::PI;
    const LN2: F80 = consts::LN2;
    /// 2^-63.
    const EPSILON: F80 = F80::new(0x3fff - 63, 1 << 63);
    /// 2^-33.
    const TINY: F80 = F80::new(0x3fff - 33, 1 << 63);
    /// 2^2400.
    const HUGE: F80 = F80::new(0x3fff + 2400, 1 << 63);
    const TANH_ONE: F80 = F80::new(0x4003, 0xb800_0000_0000_0000);
    /// 11355.
    const EXP_MAX: F80 = F80::new(0x400c, 0xb16c_0000_0000_0000);

    fn from_f64(v: f64) -> F80 {
        F80::from(v)
    }
    fn abs(self) -> F80 {
        F80::abs(self)
    }
    fn copysign(self, s: F80) -> F80 {
        F80::copysign(self, s)
    }
    fn is_negative(self) -> bool {
        F80::is_negative(self)
    }
    fn scale(self, n: i32) -> F80 {
        F80::scale(self, n)
    }
    fn sqrt(self) -> F80 {
        F80::sqrt(self)
    }
    fn exp(self) -> F80 {
        exp::exp(self)
    }
    fn log(self) -> F80 {
        log::log(self)
    }
    fn log1p(self) -> F80 {
        log::log1p(self)
    }
    fn sincos(self) -> (F80, F80) {
        trig::sincos(self)
    }
    fn tan(self) -> F80 {
        trig::tan(self)
    }
    fn sinh(self) -> F80 {
        hyper::sinh(self)
    }
    fn cosh(self) -> F80 {
        hyper::cosh(self)
    }
    fn asin(self) -> F80 {
        trig::asin(self)
    }
    fn acos(self) -> F80 {
        trig::acos(self)
    }
    fn atan(self) -> F80 {
        trig::atan(self)
    }
    fn atan2(self, x: F80) -> F80 {
        trig::atan2(self, x)
    }
    fn hypot(self, y: F80) -> F80 {
        power::hypot(self, y)
    }
    fn two_prod(self, b: F80) -> (F80, F80) {
        f80::two_prod(self, b)
    }
}
