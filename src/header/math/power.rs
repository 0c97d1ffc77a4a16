//! Powers and roots: `pow`, `sqrt`, `cbrt`, `hypot`.

use super::error::{check, check2, tiny2};
use super::real_pair;

real_pair! {
    /// C11 `pow`: `x` to the power `y`; zero to a negative power is a pole.
    pow, powf(x, y) f => tiny2(x, y, check2(x, y, f(x, y), x == 0.0 && y < 0.0))
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
