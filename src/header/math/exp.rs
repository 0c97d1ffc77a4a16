//! Exponentials: `exp`, `exp2`, `exp10`, `expm1`.

use super::error::{check, tiny};
use super::kernel;
use super::real_pair;

/// C11 `exp`: e to the power `x`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn exp(x: f64) -> f64 {
    // Arguments this small give a finite nonzero result; skipping the
    // checks of the result keeps them off its (long) dependency chain.
    if x.abs() < 708.0 {
        return kernel::exp(x);
    }
    tiny(x, check(x, kernel::exp(x), false))
}

/// C11 `expf`: `exp` for `float`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn expf(x: f32) -> f32 {
    // As in `exp`.
    if x.abs() < 87.0 {
        return kernel::expf(x);
    }
    tiny(x, check(x, kernel::expf(x), false))
}

real_pair! {
    /// C11 `exp2`: 2 to the power `x`.
    exp2, exp2f(x) f => tiny(x, check(x, f(x), false))
}

real_pair! {
    /// compat (GNU) `exp10`: 10 to the power `x`.
    exp10, exp10f(x) f => tiny(x, check(x, f(x), false))
}

real_pair! {
    /// C11 `expm1`: e to the power `x`, minus one, exact near zero.
    expm1, expm1f(x) f => check(x, f(x), false)
}
