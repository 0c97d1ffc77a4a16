//! `<sched.h>`: `sched_yield`, and (compat) the scheduling interface of a
//! system where every thread is scheduled alike: one policy, SCHED_OTHER,
//! with one priority, 0. Only the calling process (pid 0) can be asked
//! about; changing its scheduling is EPERM.

use crate::abi::{c_int, timespec};
use crate::errno::{Errno, OrErrno};
use crate::sys;
use cloudabi::errno;

pub const SCHED_OTHER: c_int = 0;
pub const SCHED_FIFO: c_int = 1;
pub const SCHED_RR: c_int = 2;

/// `struct sched_param`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct sched_param {
    pub sched_priority: c_int,
}

/// POSIX `sched_yield`: lets other threads run.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sched_yield() -> c_int {
    sys::thread_yield().map(|()| 0).or_errno(-1)
}

/// The priority range of a policy: 0 to 0 for each known one.
fn priority_of(policy: c_int) -> Result<c_int, Errno> {
    match policy {
        SCHED_OTHER | SCHED_FIFO | SCHED_RR => Ok(0),
        _ => Err(errno::INVAL),
    }
}

/// Only pid 0, the calling process, names anything.
fn this_process(pid: c_int) -> Result<(), Errno> {
    if pid == 0 {
        Ok(())
    } else {
        Err(errno::SRCH)
    }
}

/// POSIX (compat) `sched_get_priority_max`: 0.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sched_get_priority_max(policy: c_int) -> c_int {
    priority_of(policy).or_errno(-1)
}

/// POSIX (compat) `sched_get_priority_min`: 0.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sched_get_priority_min(policy: c_int) -> c_int {
    priority_of(policy).or_errno(-1)
}

/// POSIX (compat) `sched_getscheduler`: SCHED_OTHER.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sched_getscheduler(pid: c_int) -> c_int {
    this_process(pid).map(|()| SCHED_OTHER).or_errno(-1)
}

/// POSIX (compat) `sched_getparam`: priority 0.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sched_getparam(pid: c_int, p: *mut sched_param) -> c_int {
    this_process(pid)
        .map(|()| {
            // SAFETY: the caller passes a writable sched_param.
            unsafe { *p = sched_param { sched_priority: 0 } };
            0
        })
        .or_errno(-1)
}

/// POSIX (compat) `sched_setparam`: EPERM (ESRCH for other pids).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sched_setparam(pid: c_int, _p: *const sched_param) -> c_int {
    this_process(pid).and(Err(errno::PERM)).or_errno(-1)
}

/// POSIX (compat) `sched_setscheduler`: EPERM (ESRCH for other pids).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sched_setscheduler(pid: c_int, _policy: c_int, _p: *const sched_param) -> c_int {
    this_process(pid).and(Err(errno::PERM)).or_errno(-1)
}

/// POSIX (compat) `sched_rr_get_interval`: no thread runs round-robin, so
/// there is no quantum: reports zero (ESRCH for other pids).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sched_rr_get_interval(pid: c_int, t: *mut timespec) -> c_int {
    this_process(pid)
        .map(|()| {
            // SAFETY: the caller passes a writable timespec.
            unsafe { *t = timespec::default() };
            0
        })
        .or_errno(-1)
}
