//! pthread_spin_*: a `pthread_lock_t` taken by spinning, never by
//! sleeping in the kernel; after a while the spinner yields the processor
//! so that a preempted holder can run.

use super::thread::tid;
use super::{pshared_arg, pthread_spinlock_t};
use crate::abi::c_int;
use crate::errno::{Errno, ErrnoValue};
use crate::sys;
use cloudabi::errno;
use core::sync::atomic::Ordering;

fn lock(s: &pthread_spinlock_t) -> Result<(), Errno> {
    let me = tid();
    let mut spins = 0u32;
    while !s.try_write(me) {
        if s.writer() == Some(me) {
            return Err(errno::DEADLK);
        }
        while s.state.load(Ordering::Relaxed) != 0 {
            spins += 1;
            if spins.is_multiple_of(128) {
                let _ = sys::thread_yield();
            } else {
                core::hint::spin_loop();
            }
        }
    }
    Ok(())
}

/// POSIX `pthread_spin_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_spin_init(s: *mut pthread_spinlock_t, pshared: c_int) -> c_int {
    match pshared_arg(pshared) {
        Ok(p) => {
            let mut v = pthread_spinlock_t::new();
            v.pshared = p;
            // SAFETY: the caller passes writable memory.
            unsafe { s.write(v) };
            0
        }
        Err(e) => e as c_int,
    }
}

/// POSIX `pthread_spin_destroy`: EBUSY while held.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_spin_destroy(s: *mut pthread_spinlock_t) -> c_int {
    // SAFETY: C contract: an initialised spinlock.
    if unsafe { &*s }.state.load(Ordering::Relaxed) != 0 {
        return errno::BUSY as c_int;
    }
    0
}

/// POSIX `pthread_spin_lock`: EDEADLK if the caller holds it already.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_spin_lock(s: *mut pthread_spinlock_t) -> c_int {
    // SAFETY: C contract.
    lock(unsafe { &*s }).errno_value()
}

/// POSIX `pthread_spin_trylock`: EBUSY when held.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_spin_trylock(s: *mut pthread_spinlock_t) -> c_int {
    // SAFETY: C contract.
    if unsafe { &*s }.try_write(tid()) {
        0
    } else {
        errno::BUSY as c_int
    }
}

/// POSIX `pthread_spin_unlock`: EPERM unless the caller holds it.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_spin_unlock(s: *mut pthread_spinlock_t) -> c_int {
    // SAFETY: C contract.
    unsafe { &*s }.unlock_write(tid()).errno_value()
}
