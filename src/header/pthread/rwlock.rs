//! pthread_rwlock_* and pthread_rwlockattr_*: a `pthread_lock_t` used for
//! reading and writing (see `lock.rs` for who goes first).

use super::mutex::pthread_mutexattr_t as pthread_rwlockattr_t;
use super::thread::tid;
use super::{deadline, pthread_rwlock_t, set_pshared};
use crate::abi::{c_int, timespec};
use crate::errno::{Errno, ErrnoValue};
use cloudabi::{clockid, errno};
use core::sync::atomic::Ordering;

/// Runs `op` on the rwlock behind a C pointer.
///
/// # Safety
/// `l` must point at an initialised rwlock.
unsafe fn with(l: *mut pthread_rwlock_t, op: impl FnOnce(&pthread_rwlock_t) -> Result<(), Errno>) -> c_int {
    // SAFETY: forwarded contract.
    op(unsafe { &*l }).errno_value()
}

/// POSIX `pthread_rwlock_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_init(l: *mut pthread_rwlock_t, attr: *const pthread_rwlockattr_t) -> c_int {
    let mut v = pthread_rwlock_t::new();
    if !attr.is_null() {
        // SAFETY: initialised attributes (C contract).
        v.pshared = unsafe { (*attr).pshared } as u8;
    }
    // SAFETY: the caller passes writable memory.
    unsafe { l.write(v) };
    0
}

/// POSIX `pthread_rwlock_destroy`: EBUSY while held.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_destroy(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: C contract.
    unsafe { with(l, |l| if l.state.load(Ordering::Relaxed) == 0 { Ok(()) } else { Err(errno::BUSY) }) }
}

/// POSIX `pthread_rwlock_rdlock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_rdlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: C contract.
    unsafe { with(l, |l| l.read(tid(), None)) }
}

/// POSIX `pthread_rwlock_tryrdlock`: EBUSY when writers hold or wait.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_tryrdlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: C contract.
    unsafe { with(l, |l| l.try_read()) }
}

/// POSIX `pthread_rwlock_timedrdlock`: until the realtime clock reaches `ts`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_timedrdlock(l: *mut pthread_rwlock_t, ts: *const timespec) -> c_int {
    // SAFETY: C contract.
    unsafe {
        with(l, |l| match l.try_read() {
            Err(errno::BUSY) => l.read(tid(), Some(deadline(clockid::REALTIME, ts)?)),
            r => r,
        })
    }
}

/// POSIX `pthread_rwlock_wrlock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_wrlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: C contract.
    unsafe { with(l, |l| l.write(tid(), None)) }
}

/// POSIX `pthread_rwlock_trywrlock`: EBUSY when held.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_trywrlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: C contract.
    unsafe { with(l, |l| if l.try_write(tid()) { Ok(()) } else { Err(errno::BUSY) }) }
}

/// POSIX `pthread_rwlock_timedwrlock`: until the realtime clock reaches `ts`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_timedwrlock(l: *mut pthread_rwlock_t, ts: *const timespec) -> c_int {
    let me = tid();
    // SAFETY: C contract.
    unsafe {
        with(l, |l| {
            if l.try_write(me) {
                return Ok(());
            }
            l.write(me, Some(deadline(clockid::REALTIME, ts)?))
        })
    }
}

/// POSIX `pthread_rwlock_unlock`: releases the caller's write lock, or one
/// of the read locks.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_unlock(l: *mut pthread_rwlock_t) -> c_int {
    let me = tid();
    // SAFETY: C contract.
    unsafe { with(l, |l| if l.writer() == Some(me) { l.unlock_write(me) } else { l.unlock_read(me) }) }
}

/// POSIX `pthread_rwlockattr_init`: private.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_init(a: *mut pthread_rwlockattr_t) -> c_int {
    // SAFETY: the caller passes writable attributes.
    unsafe { a.write(pthread_rwlockattr_t::DEFAULT) };
    0
}

/// POSIX `pthread_rwlockattr_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_rwlockattr_destroy(_a: *mut pthread_rwlockattr_t) -> c_int {
    0
}

/// POSIX `pthread_rwlockattr_getpshared`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_getpshared(a: *const pthread_rwlockattr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = (*a).pshared };
    0
}

/// POSIX `pthread_rwlockattr_setpshared`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_setpshared(a: *mut pthread_rwlockattr_t, v: c_int) -> c_int {
    // SAFETY: C contract: writable attributes.
    unsafe { set_pshared(&raw mut (*a).pshared, v) }
}
