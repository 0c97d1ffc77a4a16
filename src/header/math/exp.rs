//! Exponentials: `exp`, `exp2`, `exp10`, `expm1`.

use super::error::{check, tiny};
use super::real_pair;

real_pair! {
    /// C11 `exp`: e to the power `x`.
    exp, expf(x) f => tiny(x, check(x, f(x), false))
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
