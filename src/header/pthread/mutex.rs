//! pthread_mutex_* and pthread_mutexattr_*.
//!
//! A mutex is a `pthread_lock_t` used for writing only. Since the lock
//! word names its owner, every type checks ownership for free: relocking
//! a normal mutex is EDEADLK (instead of hanging), unlocking someone
//! else's is EPERM, so ERRORCHECK costs nothing over NORMAL; RECURSIVE
//! counts the owner's extra acquisitions beside the word.

use super::thread::tid;
use super::{
    deadline, pthread_mutex_t, set_pshared, PTHREAD_MUTEX_ERRORCHECK, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_RECURSIVE,
    PTHREAD_MUTEX_STALLED, PTHREAD_PRIO_INHERIT, PTHREAD_PRIO_NONE, PTHREAD_PRIO_PROTECT, PTHREAD_PROCESS_PRIVATE,
};
use crate::abi::{c_int, timespec};
use crate::errno::{Errno, ErrnoValue};
use crate::sys::Timeout;
use cloudabi::{clockid, errno};
use core::sync::atomic::Ordering;

/// `pthread_mutexattr_t` (and `pthread_rwlockattr_t`).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct pthread_mutexattr_t {
    pub pshared: c_int,
    pub kind: c_int,
    pub protocol: c_int,
    pub prioceiling: c_int,
}

impl pthread_mutexattr_t {
    pub const DEFAULT: pthread_mutexattr_t = pthread_mutexattr_t {
        pshared: PTHREAD_PROCESS_PRIVATE,
        kind: PTHREAD_MUTEX_NORMAL,
        protocol: PTHREAD_PRIO_NONE,
        prioceiling: 0,
    };
}

fn recursive(m: &pthread_mutex_t) -> bool {
    c_int::from(m.kind) == PTHREAD_MUTEX_RECURSIVE
}

/// The owner locks again: counted for a recursive mutex, EDEADLK otherwise.
fn relock(m: &pthread_mutex_t) -> Result<(), Errno> {
    if !recursive(m) {
        return Err(errno::DEADLK);
    }
    let r = m.recursion.load(Ordering::Relaxed);
    if r == u32::MAX {
        return Err(errno::AGAIN);
    }
    m.recursion.store(r + 1, Ordering::Relaxed);
    Ok(())
}

/// Locks `m`, sleeping until `timeout` (if any) at most.
#[inline]
pub fn lock(m: &pthread_mutex_t, timeout: Option<Timeout>) -> Result<(), Errno> {
    let me = tid();
    if m.try_write(me) {
        return Ok(());
    }
    if m.writer() == Some(me) {
        return relock(m);
    }
    m.write(me, timeout)
}

/// Locks `m` if that needs no waiting; BUSY otherwise.
pub fn trylock(m: &pthread_mutex_t) -> Result<(), Errno> {
    let me = tid();
    if m.try_write(me) {
        Ok(())
    } else if m.writer() == Some(me) && recursive(m) {
        relock(m)
    } else {
        Err(errno::BUSY)
    }
}

/// Unlocks `m`, held by the calling thread (EPERM otherwise).
#[inline]
pub fn unlock(m: &pthread_mutex_t) -> Result<(), Errno> {
    let me = tid();
    if recursive(m) && m.writer() == Some(me) {
        let r = m.recursion.load(Ordering::Relaxed);
        if r > 0 {
            m.recursion.store(r - 1, Ordering::Relaxed);
            return Ok(());
        }
    }
    m.unlock_write(me)
}

/// Locks before an absolute realtime deadline; a mutex that is free is
/// taken whatever the deadline says.
///
/// # Safety
/// `ts` must point at a readable timespec.
pub unsafe fn timedlock(m: &pthread_mutex_t, ts: *const timespec) -> Result<(), Errno> {
    match trylock(m) {
        Err(errno::BUSY) => {}
        r => return r,
    }
    // SAFETY: forwarded contract.
    lock(m, Some(unsafe { deadline(clockid::REALTIME, ts) }?))
}

/// POSIX `pthread_mutex_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutex_init(m: *mut pthread_mutex_t, attr: *const pthread_mutexattr_t) -> c_int {
    // SAFETY: `attr` is null or initialised attributes (C contract).
    let a = if attr.is_null() { pthread_mutexattr_t::DEFAULT } else { unsafe { *attr } };
    let mut v = pthread_mutex_t::new();
    v.kind = a.kind as u8;
    v.pshared = a.pshared as u8;
    // SAFETY: the caller passes writable memory for the mutex.
    unsafe { m.write(v) };
    0
}

/// POSIX `pthread_mutex_destroy`: EBUSY while locked.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutex_destroy(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: C contract: an initialised mutex.
    if unsafe { &*m }.state.load(Ordering::Relaxed) != 0 {
        return errno::BUSY as c_int;
    }
    0
}

/// POSIX `pthread_mutex_lock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutex_lock(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: C contract: an initialised mutex.
    lock(unsafe { &*m }, None).errno_value()
}

/// POSIX `pthread_mutex_trylock`: EBUSY when held.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutex_trylock(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: C contract.
    trylock(unsafe { &*m }).errno_value()
}

/// POSIX `pthread_mutex_timedlock`: ETIMEDOUT once the realtime clock
/// reaches `ts`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutex_timedlock(m: *mut pthread_mutex_t, ts: *const timespec) -> c_int {
    // SAFETY: C contract.
    unsafe { timedlock(&*m, ts) }.errno_value()
}

/// POSIX `pthread_mutex_unlock`: EPERM unless the caller holds it.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutex_unlock(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: C contract.
    unlock(unsafe { &*m }).errno_value()
}

/// cloudlibc `pthread_mutex_lock_pair_np`: locks two mutexes without
/// risking deadlock against another thread locking them in the other
/// order: hold one, try the other, and on failure let go and wait for the
/// one that was busy.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutex_lock_pair_np(a: *mut pthread_mutex_t, b: *mut pthread_mutex_t) -> c_int {
    // SAFETY: C contract: two initialised mutexes.
    let (mut first, mut second) = unsafe { (&*a, &*b) };
    if core::ptr::eq(first, second) {
        // One mutex twice: a recursive one is taken twice, any other is EDEADLK.
        if let Err(e) = lock(first, None) {
            return e as c_int;
        }
        if let Err(e) = lock(first, None) {
            let _ = unlock(first);
            return e as c_int;
        }
        return 0;
    }
    loop {
        if let Err(e) = lock(first, None) {
            return e as c_int;
        }
        match trylock(second) {
            Ok(()) => return 0,
            Err(errno::BUSY) => {
                if let Err(e) = unlock(first) {
                    return e as c_int;
                }
                core::mem::swap(&mut first, &mut second);
            }
            Err(e) => {
                let _ = unlock(first);
                return e as c_int;
            }
        }
    }
}

/// POSIX (compat) `pthread_mutex_consistent`: no mutex is robust, so none
/// is ever inconsistent: EINVAL.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_mutex_consistent(_m: *mut pthread_mutex_t) -> c_int {
    errno::INVAL as c_int
}

/// POSIX (compat) `pthread_mutex_getprioceiling`: no mutex uses
/// PTHREAD_PRIO_PROTECT, so none has a ceiling: EINVAL.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_mutex_getprioceiling(_m: *const pthread_mutex_t, _out: *mut c_int) -> c_int {
    errno::INVAL as c_int
}

/// POSIX (compat) `pthread_mutex_setprioceiling`: EINVAL, as above.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_mutex_setprioceiling(_m: *mut pthread_mutex_t, _prio: c_int, _old: *mut c_int) -> c_int {
    errno::INVAL as c_int
}

/// POSIX `pthread_mutexattr_init`: private, normal, no priority protocol.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_init(a: *mut pthread_mutexattr_t) -> c_int {
    // SAFETY: the caller passes writable attributes.
    unsafe { a.write(pthread_mutexattr_t::DEFAULT) };
    0
}

/// POSIX `pthread_mutexattr_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_mutexattr_destroy(_a: *mut pthread_mutexattr_t) -> c_int {
    0
}

/// Stores `v` into the attributes through `f` when `check` accepts it.
///
/// # Safety
/// `a` must be valid attributes.
unsafe fn update(
    a: *mut pthread_mutexattr_t,
    check: Result<(), Errno>,
    f: impl FnOnce(&mut pthread_mutexattr_t),
) -> c_int {
    match check {
        // SAFETY: forwarded contract.
        Ok(()) => f(unsafe { &mut *a }),
        Err(e) => return e as c_int,
    }
    0
}

/// POSIX `pthread_mutexattr_getpshared`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getpshared(a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = (*a).pshared };
    0
}

/// POSIX `pthread_mutexattr_setpshared`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setpshared(a: *mut pthread_mutexattr_t, v: c_int) -> c_int {
    // SAFETY: C contract: writable attributes.
    unsafe { set_pshared(&raw mut (*a).pshared, v) }
}

/// POSIX `pthread_mutexattr_gettype`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_gettype(a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = (*a).kind };
    0
}

/// POSIX `pthread_mutexattr_settype`: normal, recursive or errorcheck.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_settype(a: *mut pthread_mutexattr_t, v: c_int) -> c_int {
    let ok = matches!(v, PTHREAD_MUTEX_NORMAL | PTHREAD_MUTEX_RECURSIVE | PTHREAD_MUTEX_ERRORCHECK);
    // SAFETY: C contract.
    unsafe { update(a, if ok { Ok(()) } else { Err(errno::INVAL) }, |a| a.kind = v) }
}

/// POSIX `pthread_mutexattr_getprotocol`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getprotocol(a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = (*a).protocol };
    0
}

/// POSIX `pthread_mutexattr_setprotocol`: PTHREAD_PRIO_NONE, or
/// PTHREAD_PRIO_INHERIT (which all threads having one priority makes
/// trivially true); PTHREAD_PRIO_PROTECT is ENOTSUP.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setprotocol(a: *mut pthread_mutexattr_t, v: c_int) -> c_int {
    let check = match v {
        PTHREAD_PRIO_NONE | PTHREAD_PRIO_INHERIT => Ok(()),
        PTHREAD_PRIO_PROTECT => Err(errno::NOTSUP),
        _ => Err(errno::INVAL),
    };
    // SAFETY: C contract.
    unsafe { update(a, check, |a| a.protocol = v) }
}

/// POSIX `pthread_mutexattr_getrobust`: always PTHREAD_MUTEX_STALLED.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getrobust(_a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = PTHREAD_MUTEX_STALLED };
    0
}

/// POSIX `pthread_mutexattr_setrobust`: robust mutexes are not supported,
/// so only PTHREAD_MUTEX_STALLED is accepted (EINVAL otherwise).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_mutexattr_setrobust(_a: *mut pthread_mutexattr_t, v: c_int) -> c_int {
    if v == PTHREAD_MUTEX_STALLED {
        0
    } else {
        errno::INVAL as c_int
    }
}

/// POSIX (compat) `pthread_mutexattr_getprioceiling`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getprioceiling(a: *const pthread_mutexattr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = (*a).prioceiling };
    0
}

/// POSIX (compat) `pthread_mutexattr_setprioceiling`: stored; the only
/// priority there is, 0, is the only valid ceiling (EINVAL otherwise).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setprioceiling(a: *mut pthread_mutexattr_t, v: c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { update(a, if v == 0 { Ok(()) } else { Err(errno::INVAL) }, |a| a.prioceiling = v) }
}
