//! `<math.h>`: C11 mathematics.
//!
//! `double` and `float` functions are the `libm` crate's (a port of musl's
//! and FreeBSD's routines, within an ulp of the exact result for the common
//! functions), wrapped with C's error reporting (`error.rs`) and completed
//! where the crate lacks a function or ignores the rounding mode; `exp` and
//! `log`, the hottest, are table-driven ones of our own (`kernel/`).
//! `long double` is the x87's 80-bit format, which the crate does not have:
//! `long_double/` computes it with x87 instructions.

pub mod error;
mod exp;
pub mod fp;
mod hyper;
pub(crate) mod kernel;
pub mod log;
pub mod long_double;
mod power;
mod rem;
mod round;
pub mod special;
mod trig;

pub use self::exp::*;
pub use self::fp::*;
pub use self::hyper::*;
pub use self::log::*;
pub use self::power::*;
pub use self::rem::*;
pub use self::round::*;
pub use self::special::*;
pub use self::trig::*;

/// Defines the `double` function `$d` and its `float` twin `$f` from one
/// body, in which `$lib` names the `libm` routine of the same name.
macro_rules! real_pair {
    ($(#[$doc:meta])* $d:ident, $f:ident ($($a:ident),+) $lib:ident => $body:expr) => {
        $(#[$doc])*
        #[cfg_attr(not(test), no_mangle)]
        pub extern "C" fn $d($($a: f64),+) -> f64 {
            use libm::$d as $lib;
            $body
        }

        #[doc = concat!("C11 `", stringify!($f), "`: `", stringify!($d), "` for `float`.")]
        #[cfg_attr(not(test), no_mangle)]
        pub extern "C" fn $f($($a: f32),+) -> f32 {
            use libm::$f as $lib;
            $body
        }
    };
}
use real_pair;
