//! Manipulating `long double` values: sign, exponent and neighbours. All
//! exact, on the bits.

use super::abi::long_double;
use super::f80::{F80, BIAS};
use crate::abi::{c_char, c_int, c_long};
use crate::header::math::error::{check, check2, tiny, Real};
use crate::header::math::fp::{clamp_exponent, nan_payload, next_check};
use crate::header::math::log::{ilogb_of, logb_of};

/// `x` as a fraction in [0.5, 1) and a power of two.
pub fn frexp(x: F80) -> (F80, c_int) {
    if x.is_zero() || !x.is_finite() {
        return (x, 0);
    }
    let lz = x.m.leading_zeros();
    let fraction = F80::new((x.se & 0x8000) | (BIAS - 1) as u16, x.m << lz);
    (fraction, x.exponent() + 1)
}

/// `x` times 2^n, with C's errors.
pub fn scalbn(x: F80, n: c_int) -> F80 {
    tiny(x, check(x, x.scale(n), false))
}

/// The integral part of `x`, rounded toward zero (exact, on the bits).
pub fn trunc(x: F80) -> F80 {
    if !x.is_finite() || x.is_zero() {
        return x;
    }
    let e = x.exponent();
    if e >= 63 {
        x
    } else if e < 0 {
        F80::ZERO.copysign(x)
    } else {
        F80::new(x.se, x.m & !(u64::MAX >> (e + 1)))
    }
}

/// The neighbour of `x` toward `y` (`y` itself when equal).
pub fn next_after(x: F80, y: F80) -> F80 {
    const INT_BIT: u64 = 1 << 63;
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x.is_zero() {
        return F80::new(0, 1).copysign(y);
    }
    let mut e = x.biased() as u16;
    let mut m = x.m;
    if (y > x) != x.is_negative() {
        if m == u64::MAX {
            // Carries into the exponent; from the largest finite value this
            // gives the infinity's encoding.
            m = INT_BIT;
            e += 1;
        } else {
            m += 1;
            if e == 0 && m == INT_BIT {
                e = 1;
            }
        }
    } else if e != 0 && m == INT_BIT {
        e -= 1;
        m = if e == 0 { INT_BIT - 1 } else { u64::MAX };
    } else {
        m -= 1;
    }
    next_check(x, y, F80::new((x.se & 0x8000) | e, m))
}

/// The larger of `x` and `y`; a quiet NaN loses to a number.
pub fn fmax(x: F80, y: F80) -> F80 {
    if x.is_signaling() || y.is_signaling() {
        x + y
    } else if x.is_nan() || (y > x) || (x == y && x.is_negative()) {
        y
    } else {
        x
    }
}

/// The smaller of `x` and `y`; a quiet NaN loses to a number.
pub fn fmin(x: F80, y: F80) -> F80 {
    if x.is_signaling() || y.is_signaling() {
        x + y
    } else if x.is_nan() || (y < x) || (x == y && y.is_negative()) {
        y
    } else {
        x
    }
}

/// `nexttoward` for `double` and `float`: the neighbour of `x` (widened
/// exactly) in the direction of `y`, or `y` itself when equal.
fn toward<T: Real + Into<F80>>(x: T, y: F80, inf: T, next: impl FnOnce(T, T) -> T, narrow: impl FnOnce(F80) -> T) -> T {
    let wide: F80 = x.into();
    if x.is_nan() || y.is_nan() {
        return narrow(wide + y);
    }
    if wide == y {
        return narrow(y);
    }
    let t = if y > wide { inf } else { -inf };
    next_check(x, t, next(x, t))
}

impl From<f32> for F80 {
    fn from(x: f32) -> F80 {
        F80::from(f64::from(x))
    }
}

long_double! {
    /// C11 `fabsl`: absolute value.
    ld fabsl(x) => x.abs()
}

long_double! {
    /// C11 `copysignl`: the magnitude of `x` with the sign of `y`.
    ld copysignl(x, y) => x.copysign(y)
}

long_double! {
    /// C11 `frexpl`: `x` as a fraction in [0.5, 1) and a power of two.
    ld frexpl(x; e: *mut c_int) => {
        let (fraction, exp) = frexp(x);
        // SAFETY: the caller passes a writable int.
        unsafe { *e = exp };
        fraction
    }
}

long_double! {
    /// C11 `ldexpl`: `x` times 2 to the power `n`.
    ld ldexpl(x; n: c_int) => scalbn(x, n)
}

long_double! {
    /// C11 `scalbnl`: `x` times 2 to the power `n`.
    ld scalbnl(x; n: c_int) => scalbn(x, n)
}

long_double! {
    /// C11 `scalblnl`: `scalbnl` with a `long` exponent.
    ld scalblnl(x; n: c_long) => scalbn(x, clamp_exponent(n))
}

long_double! {
    /// C11 `logbl`: the exponent of `x` as a `long double`.
    ld logbl(x) => logb_of(x, F80::exponent, F80::INFINITY, |e| F80::from_i64(i64::from(e)))
}

long_double! {
    /// C11 `ilogbl`: the exponent of `x` as an `int`.
    reg ilogbl(x) -> c_int => ilogb_of(x, F80::exponent)
}

long_double! {
    /// C11 `modfl`: the fraction of `x`, with its integral part in `*iptr`.
    ld modfl(x; iptr: *mut F80) => {
        let int = trunc(x);
        // SAFETY: the caller passes a writable long double.
        unsafe { *iptr = int };
        if x.is_infinite() { F80::ZERO.copysign(x) } else { (x - int).copysign(x) }
    }
}

long_double! {
    /// C11 `nanl`: a quiet NaN, with the payload `tagp` names.
    ld nanl(; tagp: *const c_char) => {
        // SAFETY: the caller passes a C string.
        let payload = unsafe { nan_payload(tagp) };
        F80::new(0x7fff, F80::NAN.m | (payload & 0x3fff_ffff_ffff_ffff))
    }
}

long_double! {
    /// C11 `nextafterl`: the next representable value after `x` toward `y`.
    ld nextafterl(x, y) => next_after(x, y)
}

long_double! {
    /// C11 `nexttowardl`: the same as `nextafterl`.
    ld nexttowardl(x, y) => next_after(x, y)
}

long_double! {
    /// C11 `nexttoward`: the next double after `x` toward the long double `y`.
    reg nexttoward(y | x: f64) -> f64 => toward(x, y, f64::INFINITY, libm::nextafter, F80::to_f64)
}

long_double! {
    /// C11 `nexttowardf`: the next float after `x` toward the long double `y`.
    reg nexttowardf(y | x: f32) -> f32 => toward(x, y, f32::INFINITY, libm::nextafterf, |v| v.to_f64() as f32)
}

long_double! {
    /// C11 `fmaxl`: the larger argument; a NaN loses to a number.
    ld fmaxl(x, y) => fmax(x, y)
}

long_double! {
    /// C11 `fminl`: the smaller argument; a NaN loses to a number.
    ld fminl(x, y) => fmin(x, y)
}

long_double! {
    /// C11 `fdiml`: `x - y` if positive, else zero.
    ld fdiml(x, y) => if x > y { check2(x, y, x - y, false) } else if x.is_nan() || y.is_nan() { x + y } else { F80::ZERO }
}

long_double! {
    /// compat (BSD) `finitel`: whether `x` is neither infinite nor NaN.
    reg finitel(x) -> c_int => c_int::from(x.is_finite())
}
