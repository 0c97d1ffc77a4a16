//! `<fenv.h>`: the floating-point environment of x86_64.
//!
//! x86_64 has two floating-point units: SSE (float and double, state in
//! MXCSR) and the x87 (long double, state in its control and status words).
//! Every function here acts on both, so that exceptions raised by either are
//! seen and a rounding mode applies to every type. The constants are
//! cloudlibc's: exception bits are where both units keep their flags, and
//! rounding modes are MXCSR's rounding field.

mod env;
mod except;
mod hw;
mod round;

pub use self::env::*;
pub use self::except::*;
pub use self::round::*;

use crate::abi::c_int;

pub const FE_INVALID: c_int = 0x01;
pub const FE_DENORMAL: c_int = 0x02;
pub const FE_DIVBYZERO: c_int = 0x04;
pub const FE_OVERFLOW: c_int = 0x08;
pub const FE_UNDERFLOW: c_int = 0x10;
pub const FE_INEXACT: c_int = 0x20;
pub const FE_ALL_EXCEPT: c_int = 0x3f;

pub const FE_TONEAREST: c_int = 0x0000;
pub const FE_DOWNWARD: c_int = 0x2000;
pub const FE_UPWARD: c_int = 0x4000;
pub const FE_TOWARDZERO: c_int = 0x6000;

/// The x87 environment in the 28-byte layout `fnstenv` stores.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct X87Env {
    pub control: u32,
    pub status: u32,
    pub tag: u32,
    pub fpu_ipo: u32,
    pub fpu_ips: u32,
    pub fpu_dpo: u32,
    pub fpu_dps: u32,
}

/// C `fenv_t`: both units' state.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct fenv_t {
    pub x87: X87Env,
    pub mxcsr: u32,
}

/// C `fexcept_t`: the exception flags.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct fexcept_t {
    pub exceptions: u8,
}
