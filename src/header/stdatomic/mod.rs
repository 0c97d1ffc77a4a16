//! `<stdatomic.h>`'s functions (C11). gcc's own header implements them as
//! macros over its builtins; these are the out-of-line versions cloudlibc
//! exports, for code that takes their address or declares them itself.
//! Every fence is sequentially consistent, which satisfies any order asked for.

use crate::abi::c_int;
use core::sync::atomic::{compiler_fence, fence, AtomicU8, Ordering};

/// C11 `atomic_thread_fence`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn atomic_thread_fence(_order: c_int) {
    fence(Ordering::SeqCst);
}

/// C11 `atomic_signal_fence`: orders against handlers on this thread only.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn atomic_signal_fence(_order: c_int) {
    compiler_fence(Ordering::SeqCst);
}

/// C11 `atomic_flag_test_and_set`: sets the flag, returns its old value.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn atomic_flag_test_and_set(flag: *const AtomicU8) -> bool {
    // SAFETY: `flag` points at an atomic_flag (one byte, C contract).
    unsafe { (*flag).swap(1, Ordering::SeqCst) != 0 }
}

/// C11 `atomic_flag_test_and_set_explicit`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn atomic_flag_test_and_set_explicit(flag: *const AtomicU8, _order: c_int) -> bool {
    // SAFETY: forwarded contract.
    unsafe { atomic_flag_test_and_set(flag) }
}

/// C11 `atomic_flag_clear`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn atomic_flag_clear(flag: *const AtomicU8) {
    // SAFETY: `flag` points at an atomic_flag (one byte, C contract).
    unsafe { (*flag).store(0, Ordering::SeqCst) }
}

/// C11 `atomic_flag_clear_explicit`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn atomic_flag_clear_explicit(flag: *const AtomicU8, _order: c_int) {
    // SAFETY: forwarded contract.
    unsafe { atomic_flag_clear(flag) }
}
