//! Exception flags: clear, raise, test, save and restore.

use super::hw::{mxcsr, set_mxcsr, set_x87_env, x87_env, X87_SUMMARY};
use super::{fexcept_t, FE_ALL_EXCEPT};
use crate::abi::c_int;

/// The flags of both units, as an `FE_*` set.
pub fn raised() -> c_int {
    ((x87_env().status | mxcsr()) as c_int) & FE_ALL_EXCEPT
}

/// Sets the flags in `excepts` (in MXCSR, which `fetestexcept` reads along
/// with the x87's). Exceptions are masked by default, so no trap results.
pub fn raise(excepts: c_int) {
    set_mxcsr(mxcsr() | (excepts & FE_ALL_EXCEPT) as u32);
}

/// Clears the flags in `excepts` in both units.
fn clear(excepts: c_int) {
    let bits = (excepts & FE_ALL_EXCEPT) as u32;
    set_mxcsr(mxcsr() & !bits);
    let mut env = x87_env();
    if env.status & bits != 0 {
        env.status &= !bits;
        if env.status & FE_ALL_EXCEPT as u32 == 0 {
            env.status &= !X87_SUMMARY;
        }
        set_x87_env(&env);
    }
}

/// C11 `feclearexcept`: clears the given exception flags.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn feclearexcept(excepts: c_int) -> c_int {
    clear(excepts);
    0
}

/// C11 `feraiseexcept`: raises the given exceptions.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn feraiseexcept(excepts: c_int) -> c_int {
    raise(excepts);
    0
}

/// C11 `fetestexcept`: which of the given exceptions are raised.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fetestexcept(excepts: c_int) -> c_int {
    raised() & excepts
}

/// C11 `fegetexceptflag`: saves the state of the given flags.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fegetexceptflag(flagp: *mut fexcept_t, excepts: c_int) -> c_int {
    // SAFETY: the caller passes a writable fexcept_t.
    unsafe { *flagp = fexcept_t { exceptions: (raised() & excepts) as u8 } };
    0
}

/// C11 `fesetexceptflag`: restores the given flags to a saved state,
/// without trapping.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fesetexceptflag(flagp: *const fexcept_t, excepts: c_int) -> c_int {
    // SAFETY: the caller passes an fexcept_t filled by fegetexceptflag.
    let saved = c_int::from(unsafe { (*flagp).exceptions });
    clear(excepts);
    raise(saved & excepts);
    0
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn flags_round_trip_through_both_units() {
        feclearexcept(FE_ALL_EXCEPT);
        assert_eq!(fetestexcept(FE_ALL_EXCEPT), 0);
        feraiseexcept(FE_OVERFLOW | FE_INEXACT);
        assert_eq!(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INEXACT);
        let mut saved = fexcept_t { exceptions: 0 };
        // SAFETY: a valid fexcept_t.
        unsafe { fegetexceptflag(&mut saved, FE_OVERFLOW) };
        feclearexcept(FE_ALL_EXCEPT);
        // An x87 division by zero sets the x87 status word only.
        // SAFETY: loads two constants and divides; the stack ends empty.
        unsafe {
            core::arch::asm!("fld1", "fldz", "fdivp st(1), st", "fstp st(0)", out("st(0)") _, out("st(1)") _);
        }
        assert_eq!(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
        feclearexcept(FE_DIVBYZERO);
        assert_eq!(fetestexcept(FE_ALL_EXCEPT), 0);
        // SAFETY: a valid fexcept_t.
        unsafe { fesetexceptflag(&saved, FE_ALL_EXCEPT) };
        assert_eq!(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW);
        feclearexcept(FE_ALL_EXCEPT);
    }
}
