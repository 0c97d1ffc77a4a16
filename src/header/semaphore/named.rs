//! Compat named semaphores: their names live in a global namespace that no
//! capability grants, so none can be opened (unnamed ones are in mod.rs).

use super::sem_t;
use crate::abi::c_char;
use crate::abi::c_int;
use crate::abi::va::VaListPtr;
use crate::errno::OrErrno;
use cloudabi::errno;

/// `SEM_FAILED`.
pub const SEM_FAILED: *mut sem_t = core::ptr::null_mut();

crate::variadic!("sem_open" => sem_open_impl, gp = 2, fp = 0, reg = "rdx");

/// Compat `sem_open`: `SEM_FAILED` with ENOTCAPABLE.
pub extern "C" fn sem_open_impl(_name: *const c_char, _flags: c_int, _ap: VaListPtr) -> *mut sem_t {
    Err(errno::NOTCAPABLE).or_errno(SEM_FAILED)
}

/// Compat `sem_unlink`: ENOTCAPABLE, as `sem_open`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sem_unlink(_name: *const c_char) -> c_int {
    Err(errno::NOTCAPABLE).or_errno(-1)
}

/// Compat `sem_close`: EINVAL, as no semaphore comes from `sem_open`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sem_close(_sem: *mut sem_t) -> c_int {
    Err(errno::INVAL).or_errno(-1)
}
