//! The whole environment: save, restore, hold and update.

use super::except::{raise, raised};
use super::hw::{mxcsr, set_mxcsr, set_x87_env, x87_env, MXCSR_MASKS, X87_EMPTY, X87_SUMMARY};
use super::{fenv_t, X87Env, FE_ALL_EXCEPT};
use crate::abi::c_int;

/// The environment a program starts with: round to nearest, no flags, every
/// exception masked, the x87 at 64-bit precision. `FE_DFL_ENV` points here.
#[cfg_attr(not(test), no_mangle)]
#[allow(non_upper_case_globals)]
pub static __fe_dfl_env: fenv_t = fenv_t {
    x87: X87Env { control: 0x037f, status: 0, tag: X87_EMPTY, fpu_ipo: 0, fpu_ips: 0, fpu_dpo: 0, fpu_dps: 0 },
    mxcsr: 0x1f80,
};

fn get() -> fenv_t {
    fenv_t { x87: x87_env(), mxcsr: mxcsr() }
}

fn set(env: &fenv_t) {
    set_x87_env(&env.x87);
    set_mxcsr(env.mxcsr);
}

/// C11 `fegetenv`: saves the environment.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fegetenv(envp: *mut fenv_t) -> c_int {
    // SAFETY: the caller passes a writable fenv_t.
    unsafe { *envp = get() };
    0
}

/// C11 `fesetenv`: installs a saved environment (or `FE_DFL_ENV`).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fesetenv(envp: *const fenv_t) -> c_int {
    // SAFETY: the caller passes an environment from fegetenv or FE_DFL_ENV.
    set(unsafe { &*envp });
    0
}

/// C11 `feholdexcept`: saves the environment, clears the flags and masks
/// every exception.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn feholdexcept(envp: *mut fenv_t) -> c_int {
    let env = get();
    // SAFETY: the caller passes a writable fenv_t.
    unsafe { *envp = env };
    let mask = FE_ALL_EXCEPT as u32;
    let mut held = env;
    held.x87.control |= mask;
    held.x87.status &= !(mask | X87_SUMMARY);
    held.mxcsr = (held.mxcsr | MXCSR_MASKS) & !mask;
    set(&held);
    0
}

/// C11 `feupdateenv`: installs a saved environment, then raises the
/// exceptions that were raised before.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn feupdateenv(envp: *const fenv_t) -> c_int {
    let pending = raised();
    // SAFETY: as for fesetenv.
    set(unsafe { &*envp });
    raise(pending);
    0
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn hold_and_update_keep_pending_exceptions() {
        feclearexcept(FE_ALL_EXCEPT);
        feraiseexcept(FE_INEXACT);
        let mut env = __fe_dfl_env;
        // SAFETY: valid fenv_t pointers.
        unsafe { feholdexcept(&mut env) };
        assert_eq!(fetestexcept(FE_ALL_EXCEPT), 0);
        feraiseexcept(FE_UNDERFLOW);
        fesetround(FE_TOWARDZERO);
        // SAFETY: as above.
        unsafe { feupdateenv(&env) };
        assert_eq!(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT | FE_UNDERFLOW);
        assert_eq!(fegetround(), FE_TONEAREST);
        // SAFETY: as above.
        unsafe { fesetenv(&__fe_dfl_env) };
        assert_eq!(fetestexcept(FE_ALL_EXCEPT), 0);
        let mut now = __fe_dfl_env;
        // SAFETY: as above.
        unsafe { fegetenv(&mut now) };
        assert_eq!(now.mxcsr, __fe_dfl_env.mxcsr);
        assert_eq!(now.x87.control & 0xffff, __fe_dfl_env.x87.control);
    }
}
