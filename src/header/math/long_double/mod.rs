//! `long double`: the x87's 80-bit extended format.
//!
//! The `libm` crate has no such type. Functions that are exact (rounding,
//! remainders, `sqrtl`, `fmal`, bit manipulation) are exact here too, on
//! the bits or with the x87 instruction that computes them. Exponentials,
//! logarithms and circular functions use the x87's transcendental
//! instructions (`f2xm1`, `fyl2x`, `fyl2xp1`, `fsin`, `fcos`, `fptan`,
//! `fpatan`) after an exact argument reduction. The error and gamma
//! functions sum series and continued fractions in extended precision,
//! with pairs of values (`pair.rs`) where 64 bits are not enough (see
//! `special.rs` and `gamma.rs`).

pub mod abi;
pub mod consts;
pub mod exp;
pub mod f80;
mod fma;
pub mod gamma;
pub mod hyper;
pub mod log;
pub mod manip;
mod pair;
pub mod power;
mod rem;
pub mod round;
pub mod special;
mod two_over_pi;
pub mod trig;

pub use self::f80::F80;
