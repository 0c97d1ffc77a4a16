//! Manipulating floating values: `fabs`, `copysign`, `frexp`, `ldexp`,
//! `scalbn`, `scalbln`, `nan`, `nextafter`, `fdim`, `fmax`, `fmin`, `fma`
//! (and compat `finite`).

use super::error::{check, check2, overflow, tiny, underflow, Real};
use super::real_pair;
use crate::abi::{c_char, c_int, c_long};

real_pair! {
    /// C11 `fabs`: absolute value.
    fabs, fabsf(x) f => f(x)
}

real_pair! {
    /// C11 `copysign`: the magnitude of `x` with the sign of `y`.
    copysign, copysignf(x, y) f => f(x, y)
}

real_pair! {
    /// C11 `fdim`: `x - y` if positive, else zero.
    fdim, fdimf(x, y) f => check2(x, y, f(x, y), false)
}

real_pair! {
    /// C11 `fmax`: the larger argument; a quiet NaN loses to a number, a
    /// signaling one gives a quiet NaN (as glibc does).
    fmax, fmaxf(x, y) f => if x.is_signaling() || y.is_signaling() { x + y } else { f(x, y) }
}

real_pair! {
    /// C11 `fmin`: the smaller argument; NaNs as for `fmax`.
    fmin, fminf(x, y) f => if x.is_signaling() || y.is_signaling() { x + y } else { f(x, y) }
}

/// C11 `fma`: `x*y + z` with a single rounding.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fma(x: f64, y: f64, z: f64) -> f64 {
    libm::fma(x, y, z)
}

/// C11 `fmaf`: `fma` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fmaf(x: f32, y: f32, z: f32) -> f32 {
    libm::fmaf(x, y, z)
}

/// C11 `frexp`: `x` as a fraction in [0.5, 1) and a power of two.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn frexp(x: f64, exp: *mut c_int) -> f64 {
    let (m, e) = libm::frexp(x);
    // SAFETY: the caller passes a writable int.
    unsafe { *exp = e };
    m
}

/// C11 `frexpf`: `frexp` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn frexpf(x: f32, exp: *mut c_int) -> f32 {
    let (m, e) = libm::frexpf(x);
    // SAFETY: the caller passes a writable int.
    unsafe { *exp = e };
    m
}

/// C11 `scalbn`: `x` times 2 to the power `n`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn scalbn(x: f64, n: c_int) -> f64 {
    tiny(x, check(x, libm::scalbn(x, n), false))
}

/// C11 `scalbnf`: `scalbn` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn scalbnf(x: f32, n: c_int) -> f32 {
    tiny(x, check(x, libm::scalbnf(x, n), false))
}

/// C11 `ldexp`: the same as `scalbn` (FLT_RADIX is 2).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ldexp(x: f64, n: c_int) -> f64 {
    scalbn(x, n)
}

/// C11 `ldexpf`: `ldexp` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ldexpf(x: f32, n: c_int) -> f32 {
    scalbnf(x, n)
}

/// A `long` exponent clamped to `int`: beyond ±2^31 every result has
/// already overflowed or underflowed.
pub(crate) fn clamp_exponent(n: c_long) -> c_int {
    n.clamp(c_long::from(c_int::MIN), c_long::from(c_int::MAX)) as c_int
}

/// C11 `scalbln`: `scalbn` with a `long` exponent.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn scalbln(x: f64, n: c_long) -> f64 {
    scalbn(x, clamp_exponent(n))
}

/// C11 `scalblnf`: `scalbln` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn scalblnf(x: f32, n: c_long) -> f32 {
    scalbnf(x, clamp_exponent(n))
}

/// The payload `nan(tagp)` puts in its NaN: the n-char-sequence read as an
/// integer (decimal, or hex after `0x`, or octal after `0`), or zero when it
/// is not one.
pub(crate) unsafe fn nan_payload(tagp: *const c_char) -> u64 {
    // SAFETY: the caller passes a C string.
    let s = unsafe { crate::cptr::cstr(tagp) };
    let (digits, radix) = match s {
        [b'0', b'x' | b'X', rest @ ..] => (rest, 16),
        [b'0', rest @ ..] => (rest, 8),
        _ => (s, 10),
    };
    let mut v: u64 = 0;
    for &c in digits {
        match (c as char).to_digit(radix) {
            Some(d) => v = v.wrapping_mul(u64::from(radix)).wrapping_add(u64::from(d)),
            None => return 0,
        }
    }
    v
}

/// C11 `nan`: a quiet NaN, with the payload `tagp` names.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn nan(tagp: *const c_char) -> f64 {
    // SAFETY: the caller passes a C string.
    let payload = unsafe { nan_payload(tagp) };
    f64::from_bits(0x7ff8_0000_0000_0000 | (payload & 0x0007_ffff_ffff_ffff))
}

/// C11 `nanf`: `nan` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn nanf(tagp: *const c_char) -> f32 {
    // SAFETY: the caller passes a C string.
    let payload = unsafe { nan_payload(tagp) };
    f32::from_bits(0x7fc0_0000 | (payload as u32 & 0x003f_ffff))
}

/// Checks `r = nextafter(x, y)` as glibc does: overflow to infinity, and a
/// step from a nonzero `x` to a subnormal or zero, are range errors.
pub(crate) fn next_check<T: Real>(x: T, y: T, r: T) -> T {
    let r = if r.is_infinite() && x.is_finite() { overflow(r) } else { r };
    let tiny = r < T::MIN_NORMAL && -r < T::MIN_NORMAL;
    if tiny && x != y && x != T::ZERO && !x.is_nan() && !y.is_nan() {
        underflow(r)
    } else {
        r
    }
}

real_pair! {
    /// C11 `nextafter`: the next representable value after `x` toward `y`.
    nextafter, nextafterf(x, y) f => next_check(x, y, f(x, y))
}

/// compat (BSD) `finite`: whether `x` is neither infinite nor NaN.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn finite(x: f64) -> c_int {
    c_int::from(x.is_finite())
}

/// compat (BSD) `finitef`: `finite` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn finitef(x: f32) -> c_int {
    c_int::from(x.is_finite())
}
