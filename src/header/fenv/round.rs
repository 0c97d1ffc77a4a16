//! The rounding mode.

use super::hw::{mxcsr, set_mxcsr, set_x87_env, x87_env, MXCSR_ROUND, X87_ROUND, X87_ROUND_SHIFT};
use super::{FE_DOWNWARD, FE_TONEAREST, FE_TOWARDZERO, FE_UPWARD};
use crate::abi::c_int;

/// C11 `fegetround`: the current rounding mode.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fegetround() -> c_int {
    (mxcsr() & MXCSR_ROUND) as c_int
}

/// C11 `fesetround`: sets the rounding mode of both units; non-zero for an
/// unknown mode.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fesetround(round: c_int) -> c_int {
    if ![FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO].contains(&round) {
        return -1;
    }
    let mode = round as u32;
    set_mxcsr((mxcsr() & !MXCSR_ROUND) | mode);
    let mut env = x87_env();
    env.control = (env.control & !X87_ROUND) | (mode >> X87_ROUND_SHIFT);
    set_x87_env(&env);
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x87_rint(x: f64) -> f64 {
        let mut v = x;
        // SAFETY: loads, rounds with the x87 mode and stores one double.
        unsafe {
            core::arch::asm!("fld qword ptr [{p}]", "frndint", "fstp qword ptr [{p}]", p = in(reg) &mut v, out("st(0)") _)
        };
        v
    }

    #[test]
    fn rounding_mode_applies_to_both_units() {
        assert_eq!(fegetround(), FE_TONEAREST);
        assert_eq!(fesetround(FE_DOWNWARD), 0);
        assert_eq!(fegetround(), FE_DOWNWARD);
        assert_eq!(x87_rint(2.5), 2.0);
        assert_eq!(x87_rint(-2.5), -3.0);
        assert_eq!(fesetround(FE_UPWARD), 0);
        assert_eq!(x87_rint(2.1), 3.0);
        assert_eq!(fesetround(12345), -1);
        assert_eq!(fegetround(), FE_UPWARD);
        assert_eq!(fesetround(FE_TONEAREST), 0);
        assert_eq!(x87_rint(2.5), 2.0);
    }
}
