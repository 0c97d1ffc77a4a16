//! Rounding `long double` values to integers.

use super::abi::long_double;
use super::f80::F80;
use super::manip::trunc;
use crate::abi::{c_long, c_longlong};
use crate::header::math::error::invalid;
use crate::header::fenv::{feclearexcept, fetestexcept, FE_INEXACT};

/// `x` rounded to nearest, halfway cases away from zero: the truncation,
/// moved one away from zero when the dropped part (exact) is at least half.
pub fn round(x: F80) -> F80 {
    let t = trunc(x);
    if (x - t).abs() >= F80::HALF {
        t + F80::ONE.copysign(x)
    } else {
        t
    }
}

/// `x` rounded toward minus infinity.
pub fn floor(x: F80) -> F80 {
    let t = trunc(x);
    if t > x {
        t - F80::ONE
    } else {
        t
    }
}

/// `x` rounded toward plus infinity.
pub fn ceil(x: F80) -> F80 {
    let t = trunc(x);
    if t < x {
        t + F80::ONE
    } else {
        t
    }
}

/// `x`, an integral value, as a `long`; out of range or NaN is invalid.
fn to_long(x: F80) -> c_long {
    let limit = F80::ONE.scale(63);
    if x >= -limit && x < limit {
        x.to_i64()
    } else {
        invalid(c_long::MIN)
    }
}

long_double! {
    /// C11 `truncl`: `x` rounded toward zero.
    ld truncl(x) => trunc(x)
}

long_double! {
    /// C11 `floorl`: the greatest integer not above `x`.
    ld floorl(x) => floor(x)
}

long_double! {
    /// C11 `ceill`: the least integer not below `x`.
    ld ceill(x) => ceil(x)
}

long_double! {
    /// C11 `roundl`: `x` rounded to nearest, halfway cases away from zero.
    ld roundl(x) => round(x)
}

long_double! {
    /// C11 `rintl`: `x` rounded in the current rounding mode.
    ld rintl(x) => x.rint()
}

long_double! {
    /// C11 `nearbyintl`: `rintl` without the inexact exception.
    ld nearbyintl(x) => {
        let had = fetestexcept(FE_INEXACT);
        let r = x.rint();
        if had == 0 {
            feclearexcept(FE_INEXACT);
        }
        r
    }
}

long_double! {
    /// C11 `lrintl`: `rintl` as a `long` (invalid and `LONG_MIN` when out
    /// of range, the x87's own behaviour).
    reg lrintl(x) -> c_long => x.to_i64()
}

long_double! {
    /// C11 `llrintl`: `rintl` as a `long long`.
    reg llrintl(x) -> c_longlong => x.to_i64()
}

long_double! {
    /// C11 `lroundl`: `roundl` as a `long`.
    reg lroundl(x) -> c_long => to_long(round(x))
}

long_double! {
    /// C11 `llroundl`: `roundl` as a `long long`.
    reg llroundl(x) -> c_longlong => to_long(round(x))
}
