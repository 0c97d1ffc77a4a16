//! Powers and roots: `pow`, `sqrt`, `cbrt`, `hypot`.

use super::error::{check, check2, tiny2};
use super::kernel::{pow_magnitude, pow_normal};
use super::real_pair;

/// Whether finite `y` is an integer, and whether an odd one.
fn parity(y: f64) -> (bool, bool) {
    if y.abs() >= 9_007_199_254_740_992.0 {
        return (true, false);
    }
    let t = libm::trunc(y);
    (t == y, t == y && (t as i64) & 1 == 1)
}

/// x^y with C11 F.10.4.4's special cases; the general case is the
/// table-driven kernel's.
fn pow_of(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if y.is_infinite() {
        let ax = x.abs();
        return if ax == 1.0 {
            1.0
        } else if (ax > 1.0) != (y < 0.0) {
            f64::INFINITY
        } else {
            0.0
        };
    }
    let (integer, odd) = parity(y);
    if x == 0.0 || x.is_infinite() {
        let mag = if (x == 0.0) == (y < 0.0) { f64::INFINITY } else { 0.0 };
        return if odd { mag.copysign(x) } else { mag };
    }
    if x < 0.0 && !integer {
        return f64::NAN;
    }
    let m = pow_magnitude(x, y);
    if x < 0.0 && odd {
        -m
    } else {
        m
    }
}

/// C11 `pow`: `x` to the power `y`; zero to a negative power is a pole.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    // The common case, a positive finite x and a result of normal size,
    // returns without checking the result (see `exp`).
    if x > 0.0 && x < f64::INFINITY && y.is_finite() {
        if let Some(r) = pow_normal(x, y) {
            return r;
        }
    }
    tiny2(x, y, check2(x, y, pow_of(x, y), x == 0.0 && y < 0.0))
}

/// C11 `powf`: `pow` for `float`, computed in `double` (to about 2^-60,
/// so that rounding to float is correct but in rare near-halfway cases)
/// and rounded once: results beyond float's range overflow or underflow
/// in that rounding.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn powf(x: f32, y: f32) -> f32 {
    let r = pow_of(f64::from(x), f64::from(y)) as f32;
    tiny2(x, y, check2(x, y, r, x == 0.0 && y < 0.0))
}

real_pair! {
    /// C11 `sqrt`: correctly rounded square root.
    sqrt, sqrtf(x) f => check(x, f(x), false)
}

real_pair! {
    /// C11 `cbrt`: cube root.
    cbrt, cbrtf(x) f => f(x)
}

real_pair! {
    /// C11 `hypot`: `sqrt(x*x + y*y)` without undue overflow.
    hypot, hypotf(x, y) f => check2(x, y, f(x, y), false)
}
