//! Error reporting for `<math.h>` (C11 7.12.1 and Annex F), in one place.
//!
//! Each function computes its value, then hands argument(s) and result to
//! the checks below, which tell from them which error happened: a NaN from
//! numbers is a domain error (`EDOM`, invalid), an infinity from finite
//! arguments is a pole error (`ERANGE`, divide-by-zero) where the exact
//! result is infinite and an overflow (`ERANGE`, overflow) otherwise, and a
//! zero where the exact result is not zero is an underflow (`ERANGE`,
//! underflow). The exception is raised explicitly, so it is seen whatever
//! the computation did on the way. Results that underflow to a subnormal
//! set no `errno`, as glibc does.

use crate::errno::set_errno;
use crate::header::fenv::{raise, FE_DIVBYZERO, FE_INEXACT, FE_INVALID, FE_OVERFLOW, FE_UNDERFLOW};

/// What the checks need to know about a floating type.
pub trait Real: Copy + PartialEq + PartialOrd + core::ops::Neg<Output = Self> {
    const ZERO: Self;
    /// The least positive normal value.
    const MIN_NORMAL: Self;
    fn is_nan(self) -> bool;
    fn is_finite(self) -> bool;
    fn is_infinite(self) -> bool {
        !self.is_finite() && !self.is_nan()
    }
    /// A NaN whose quiet bit (the top mantissa bit) is clear.
    fn is_signaling(self) -> bool;
}

macro_rules! real {
    ($t:ty, $quiet:expr) => {
        impl Real for $t {
            const ZERO: $t = 0.0;
            const MIN_NORMAL: $t = <$t>::MIN_POSITIVE;
            fn is_nan(self) -> bool {
                <$t>::is_nan(self)
            }
            fn is_finite(self) -> bool {
                <$t>::is_finite(self)
            }
            fn is_signaling(self) -> bool {
                self.is_nan() && self.to_bits() & $quiet == 0
            }
        }
    };
}
real!(f32, 1 << 22);
real!(f64, 1 << 51);

/// A domain error: `EDOM` and the invalid exception.
pub fn domain<T>(r: T) -> T {
    set_errno(cloudabi::errno::DOM);
    raise(FE_INVALID);
    r
}

/// A pole error: `ERANGE` and the divide-by-zero exception.
pub fn pole<T>(r: T) -> T {
    set_errno(cloudabi::errno::RANGE);
    raise(FE_DIVBYZERO);
    r
}

/// An overflow: `ERANGE` and the overflow and inexact exceptions.
pub fn overflow<T>(r: T) -> T {
    set_errno(cloudabi::errno::RANGE);
    raise(FE_OVERFLOW | FE_INEXACT);
    r
}

/// An underflow to zero: `ERANGE` and the underflow and inexact exceptions.
pub fn underflow<T>(r: T) -> T {
    set_errno(cloudabi::errno::RANGE);
    raise(FE_UNDERFLOW | FE_INEXACT);
    r
}

/// Checks `r = f(x)`: a NaN from a number is a domain error; an infinity
/// from a finite `x` is a pole error if `at_pole` (the exact result is
/// infinite there), an overflow otherwise.
#[inline(always)]
pub fn check<T: Real>(x: T, r: T, at_pole: bool) -> T {
    check2(x, T::ZERO, r, at_pole)
}

/// `check` for functions of two arguments.
#[inline(always)]
pub fn check2<T: Real>(x: T, y: T, r: T, at_pole: bool) -> T {
    if r.is_finite() || x.is_nan() || y.is_nan() {
        r
    } else if r.is_nan() {
        domain(r)
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        if at_pole {
            pole(r)
        } else {
            overflow(r)
        }
    } else {
        r
    }
}

/// Checks `r = f(x)` for a function that is zero only at zero: a zero from
/// a nonzero finite `x` is an underflow.
#[inline(always)]
pub fn tiny<T: Real>(x: T, r: T) -> T {
    tiny2(x, T::ZERO, r)
}

/// `tiny` for functions of two arguments that are zero only where the
/// first is: both finite, the first nonzero, and still a zero result.
#[inline(always)]
pub fn tiny2<T: Real>(x: T, y: T, r: T) -> T {
    if r == T::ZERO && x != T::ZERO && x.is_finite() && y.is_finite() {
        underflow(r)
    } else {
        r
    }
}

/// Reports a value out of range of an integer result (`lrint`, `lround`,
/// ...): the invalid exception only, as Annex F and glibc do.
pub fn invalid<T>(r: T) -> T {
    raise(FE_INVALID);
    r
}
