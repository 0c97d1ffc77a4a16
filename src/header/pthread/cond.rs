//! pthread_cond_* and pthread_condattr_*.
//!
//! The condition variable word is CloudABI's: non-zero while threads wait,
//! so signalling a condition variable nobody waits on is one load. Waiting
//! is a `poll` on the condition variable, which releases the lock and
//! re-acquires it (for writing) before returning, also on timeout.

use super::thread::tid;
use super::{
    after, clock_of, deadline, pthread_cond_t, pthread_lock_t, scope_of, set_pshared, PTHREAD_PROCESS_PRIVATE,
};
use crate::abi::{c_int, timespec};
use crate::errno::{Errno, ErrnoValue};
use crate::sys::{self, Timeout};
use cloudabi::{clockid, errno};
use core::sync::atomic::{AtomicU32, Ordering};

/// `pthread_condattr_t`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct pthread_condattr_t {
    pub clock: u32,
    pub pshared: c_int,
}

impl pthread_cond_t {
    pub const fn new() -> pthread_cond_t {
        pthread_cond_t { waiters: AtomicU32::new(0), clock: 0, pshared: 0 }
    }

    /// The clock of timed waits.
    fn clock(&self) -> clockid {
        clock_of(self.clock).unwrap_or(clockid::REALTIME)
    }

    /// Wakes up to `n` waiters (none waiting: no system call).
    pub fn signal(&self, n: u32) -> Result<(), Errno> {
        if self.waiters.load(Ordering::Relaxed) == 0 {
            return Ok(());
        }
        sys::condvar_signal(&self.waiters, scope_of(self.pshared), n)
    }

    /// Waits for a signal with `l` write-locked by the caller (EPERM if
    /// not), released meanwhile; TIMEDOUT if `timeout` passes first. A
    /// recursive mutex gets its recursion count back afterwards.
    pub fn wait(&self, l: &pthread_lock_t, timeout: Option<Timeout>) -> Result<(), Errno> {
        if l.writer() != Some(tid()) {
            return Err(errno::PERM);
        }
        let depth = l.recursion.swap(0, Ordering::Relaxed);
        let r = sys::condvar_wait(&self.waiters, scope_of(self.pshared), &l.state, l.scope(), timeout);
        l.recursion.store(depth, Ordering::Relaxed);
        match r? {
            true => Ok(()),
            false => Err(errno::TIMEDOUT),
        }
    }

    /// Waits until an absolute time `ts` of the condition variable's clock.
    ///
    /// # Safety
    /// `ts` must point at a readable timespec.
    pub unsafe fn timedwait(&self, l: &pthread_lock_t, ts: *const timespec) -> Result<(), Errno> {
        // SAFETY: forwarded contract.
        let t = unsafe { deadline(self.clock(), ts) }?;
        self.wait(l, Some(t))
    }
}

/// POSIX `pthread_cond_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_cond_init(c: *mut pthread_cond_t, attr: *const pthread_condattr_t) -> c_int {
    let mut v = pthread_cond_t::new();
    if !attr.is_null() {
        // SAFETY: initialised attributes (C contract).
        let a = unsafe { *attr };
        v.clock = a.clock;
        v.pshared = a.pshared as u8;
    }
    // SAFETY: the caller passes writable memory.
    unsafe { c.write(v) };
    0
}

/// POSIX `pthread_cond_destroy`: EBUSY while threads wait.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_cond_destroy(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: C contract.
    if unsafe { &*c }.waiters.load(Ordering::Relaxed) != 0 {
        return errno::BUSY as c_int;
    }
    0
}

/// POSIX `pthread_cond_signal`: wakes one waiter.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_cond_signal(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: C contract.
    unsafe { &*c }.signal(1).errno_value()
}

/// POSIX `pthread_cond_broadcast`: wakes every waiter.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_cond_broadcast(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: C contract.
    unsafe { &*c }.signal(u32::MAX).errno_value()
}

/// POSIX `pthread_cond_wait`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_cond_wait(c: *mut pthread_cond_t, l: *mut pthread_lock_t) -> c_int {
    // SAFETY: C contract.
    unsafe { (*c).wait(&*l, None) }.errno_value()
}

/// POSIX `pthread_cond_timedwait`: ETIMEDOUT once the condition variable's
/// clock reaches `ts`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_cond_timedwait(
    c: *mut pthread_cond_t,
    l: *mut pthread_lock_t,
    ts: *const timespec,
) -> c_int {
    // SAFETY: C contract.
    unsafe { (*c).timedwait(&*l, ts) }.errno_value()
}

/// cloudlibc `pthread_cond_timedwait_relative_np`: waits at most `ts`,
/// measured on the monotonic clock.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_cond_timedwait_relative_np(
    c: *mut pthread_cond_t,
    l: *mut pthread_lock_t,
    ts: *const timespec,
) -> c_int {
    // SAFETY: C contract.
    unsafe { after(ts).and_then(|t| (*c).wait(&*l, Some(t))) }.errno_value()
}

/// POSIX `pthread_condattr_init`: the realtime clock, private.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_condattr_init(a: *mut pthread_condattr_t) -> c_int {
    // SAFETY: the caller passes writable attributes.
    unsafe { a.write(pthread_condattr_t { clock: clockid::REALTIME as u32, pshared: PTHREAD_PROCESS_PRIVATE }) };
    0
}

/// POSIX `pthread_condattr_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_condattr_destroy(_a: *mut pthread_condattr_t) -> c_int {
    0
}

/// POSIX `pthread_condattr_getclock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_condattr_getclock(a: *const pthread_condattr_t, out: *mut u32) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = (*a).clock };
    0
}

/// POSIX `pthread_condattr_setclock`: CLOCK_REALTIME or CLOCK_MONOTONIC
/// (EINVAL for CPU-time clocks, which cannot bound a wait).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_condattr_setclock(a: *mut pthread_condattr_t, clock: u32) -> c_int {
    match clock_of(clock) {
        Ok(clockid::REALTIME | clockid::MONOTONIC) => {
            // SAFETY: C contract.
            unsafe { (*a).clock = clock };
            0
        }
        _ => errno::INVAL as c_int,
    }
}

/// POSIX `pthread_condattr_getpshared`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_condattr_getpshared(a: *const pthread_condattr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = (*a).pshared };
    0
}

/// POSIX `pthread_condattr_setpshared`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_condattr_setpshared(a: *mut pthread_condattr_t, v: c_int) -> c_int {
    // SAFETY: C contract: writable attributes.
    unsafe { set_pshared(&raw mut (*a).pshared, v) }
}
