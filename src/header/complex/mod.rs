//! `<complex.h>`: C11 complex arithmetic.
//!
//! Each function is written once, generic over the real type (`scalar.rs`),
//! for `double` and `long double`; the `float` functions compute in
//! `double` and round once. Infinities, NaNs and signed zeros follow C11
//! Annex G. `_Complex double` and `_Complex float` travel in SSE registers
//! exactly as a `#[repr(C)]` pair of reals does; `_Complex long double`
//! goes through the x87 glue of `math::long_double::abi`.

mod basic;
mod exp;
mod hyper;
mod inverse;
pub mod scalar;

pub use self::basic::*;
pub use self::exp::*;
pub use self::hyper::*;
pub use self::inverse::*;

/// A complex number laid out as C's `_Complex T`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex<T> {
    pub re: T,
    pub im: T,
}

pub const fn c<T>(re: T, im: T) -> Complex<T> {
    Complex { re, im }
}

impl Complex<f32> {
    fn widen(self) -> Complex<f64> {
        c(f64::from(self.re), f64::from(self.im))
    }
}

impl Complex<f64> {
    fn narrow(self) -> Complex<f32> {
        c(self.re as f32, self.im as f32)
    }
}

/// Defines the `double`, `float` and `long double` forms of a complex
/// function from its generic body `$f`: the `float` form widens to
/// `double`; `$out` says whether the result is complex or real.
macro_rules! complex_fns {
    ($(#[$doc:meta])* complex $d:ident, $f:ident, $l:ident = $body:path) => {
        $(#[$doc])*
        #[cfg_attr(not(test), no_mangle)]
        pub extern "C" fn $d(z: Complex<f64>) -> Complex<f64> {
            $body(z)
        }

        #[doc = concat!("C11 `", stringify!($f), "`: `", stringify!($d), "` for `float complex`.")]
        #[cfg_attr(not(test), no_mangle)]
        pub extern "C" fn $f(z: Complex<f32>) -> Complex<f32> {
            $body(z.widen()).narrow()
        }

        $crate::header::math::long_double::abi::long_double! {
            #[doc = concat!("C11 `", stringify!($l), "`: `", stringify!($d), "` for `long double complex`.")]
            cld $l(re, im) => {
                let r = $body($crate::header::complex::c(re, im));
                (r.re, r.im)
            }
        }
    };
    ($(#[$doc:meta])* real $d:ident, $f:ident, $l:ident = $body:path) => {
        $(#[$doc])*
        #[cfg_attr(not(test), no_mangle)]
        pub extern "C" fn $d(z: Complex<f64>) -> f64 {
            $body(z)
        }

        #[doc = concat!("C11 `", stringify!($f), "`: `", stringify!($d), "` for `float complex`.")]
        #[cfg_attr(not(test), no_mangle)]
        pub extern "C" fn $f(z: Complex<f32>) -> f32 {
            $body(z.widen()) as f32
        }

        $crate::header::math::long_double::abi::long_double! {
            #[doc = concat!("C11 `", stringify!($l), "`: `", stringify!($d), "` for `long double complex`.")]
            ld $l(re, im) => $body($crate::header::complex::c(re, im))
        }
    };
}
use complex_fns;
