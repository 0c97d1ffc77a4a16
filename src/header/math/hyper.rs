//! Hyperbolic functions and their inverses.

use super::error::check;
use super::real_pair;

real_pair! {
    /// C11 `sinh`: hyperbolic sine.
    sinh, sinhf(x) f => check(x, f(x), false)
}

real_pair! {
    /// C11 `cosh`: hyperbolic cosine.
    cosh, coshf(x) f => check(x, f(x), false)
}

real_pair! {
    /// C11 `tanh`: hyperbolic tangent.
    tanh, tanhf(x) f => f(x)
}

real_pair! {
    /// C11 `asinh`: inverse hyperbolic sine.
    asinh, asinhf(x) f => f(x)
}

real_pair! {
    /// C11 `acosh`: inverse hyperbolic cosine.
    acosh, acoshf(x) f => check(x, f(x), false)
}

real_pair! {
    /// C11 `atanh`: inverse hyperbolic tangent; poles at -1 and 1.
    atanh, atanhf(x) f => check(x, f(x), x == 1.0 || x == -1.0)
}
