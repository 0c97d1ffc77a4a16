//! pthread_attr_*: thread creation attributes.
//!
//! Stack size, guard size, a caller's stack and the detach state take
//! effect. The scheduling attributes are stored for code that reads them
//! back, but every thread is scheduled alike, so only the values that
//! describe that are accepted (SCHED_OTHER with priority 0, system scope,
//! inherited scheduling).

use super::{PTHREAD_CREATE_DETACHED, PTHREAD_CREATE_JOINABLE};
use crate::abi::{c_int, c_void, size_t};
use crate::header::sched::{sched_param, SCHED_OTHER};
use cloudabi::errno;

/// `PTHREAD_STACK_MIN` in `<limits.h>`.
pub const STACK_MIN: usize = 16384;
pub const PTHREAD_SCOPE_SYSTEM: c_int = 1;
pub const PTHREAD_SCOPE_PROCESS: c_int = 2;
pub const PTHREAD_INHERIT_SCHED: c_int = 1;
pub const PTHREAD_EXPLICIT_SCHED: c_int = 2;

/// `pthread_attr_t`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct pthread_attr_t {
    pub stacksize: size_t,
    pub guardsize: size_t,
    pub stackaddr: *mut c_void,
    pub detachstate: c_int,
    pub policy: c_int,
    pub priority: c_int,
    pub inheritsched: c_int,
    pub scope: c_int,
}

impl pthread_attr_t {
    pub const DEFAULT: pthread_attr_t = pthread_attr_t {
        stacksize: 8 << 20,
        guardsize: 4096,
        stackaddr: core::ptr::null_mut(),
        detachstate: PTHREAD_CREATE_JOINABLE,
        policy: SCHED_OTHER,
        priority: 0,
        inheritsched: PTHREAD_INHERIT_SCHED,
        scope: PTHREAD_SCOPE_SYSTEM,
    };
}

/// Reads a field of the attributes into `*out`.
///
/// # Safety
/// Both pointers must be valid (C contract).
unsafe fn get<T>(a: *const pthread_attr_t, out: *mut T, f: impl FnOnce(&pthread_attr_t) -> T) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { *out = f(&*a) };
    0
}

/// Updates the attributes when `ok`, else returns `err`.
///
/// # Safety
/// `a` must be valid (C contract).
unsafe fn set(a: *mut pthread_attr_t, ok: bool, err: errno, f: impl FnOnce(&mut pthread_attr_t)) -> c_int {
    if !ok {
        return err as c_int;
    }
    // SAFETY: forwarded contract.
    f(unsafe { &mut *a });
    0
}

/// POSIX `pthread_attr_init`: default attributes (8 MiB stack, one guard
/// page, joinable).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_init(a: *mut pthread_attr_t) -> c_int {
    // SAFETY: the caller passes writable attributes.
    unsafe { a.write(pthread_attr_t::DEFAULT) };
    0
}

/// POSIX `pthread_attr_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_attr_destroy(_a: *mut pthread_attr_t) -> c_int {
    0
}

/// POSIX `pthread_attr_getdetachstate`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_getdetachstate(a: *const pthread_attr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { get(a, out, |a| a.detachstate) }
}

/// POSIX `pthread_attr_setdetachstate`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_setdetachstate(a: *mut pthread_attr_t, v: c_int) -> c_int {
    let ok = v == PTHREAD_CREATE_DETACHED || v == PTHREAD_CREATE_JOINABLE;
    // SAFETY: C contract.
    unsafe { set(a, ok, errno::INVAL, |a| a.detachstate = v) }
}

/// POSIX `pthread_attr_getstacksize`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_getstacksize(a: *const pthread_attr_t, out: *mut size_t) -> c_int {
    // SAFETY: C contract.
    unsafe { get(a, out, |a| a.stacksize) }
}

/// POSIX `pthread_attr_setstacksize`: at least PTHREAD_STACK_MIN.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_setstacksize(a: *mut pthread_attr_t, v: size_t) -> c_int {
    // SAFETY: C contract.
    unsafe { set(a, (STACK_MIN..=isize::MAX as usize / 2).contains(&v), errno::INVAL, |a| a.stacksize = v) }
}

/// POSIX (compat) `pthread_attr_getguardsize`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_getguardsize(a: *const pthread_attr_t, out: *mut size_t) -> c_int {
    // SAFETY: C contract.
    unsafe { get(a, out, |a| a.guardsize) }
}

/// POSIX (compat) `pthread_attr_setguardsize`: rounded up to whole pages
/// when the thread is created; 0 means no guard.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_setguardsize(a: *mut pthread_attr_t, v: size_t) -> c_int {
    // SAFETY: C contract.
    unsafe { set(a, v <= isize::MAX as usize / 2, errno::INVAL, |a| a.guardsize = v) }
}

/// POSIX (compat) `pthread_attr_getstack`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_getstack(
    a: *const pthread_attr_t,
    addr: *mut *mut c_void,
    size: *mut size_t,
) -> c_int {
    // SAFETY: C contract.
    unsafe {
        *addr = (*a).stackaddr;
        get(a, size, |a| a.stacksize)
    }
}

/// POSIX (compat) `pthread_attr_setstack`: the thread runs on the caller's
/// memory, which must stay valid until it has been joined.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_setstack(a: *mut pthread_attr_t, addr: *mut c_void, size: size_t) -> c_int {
    let ok = size >= STACK_MIN && !addr.is_null() && (addr as usize).checked_add(size).is_some();
    // SAFETY: C contract.
    unsafe {
        set(a, ok, errno::INVAL, |a| {
            a.stackaddr = addr;
            a.stacksize = size;
        })
    }
}

/// POSIX (compat) `pthread_attr_getschedparam`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_getschedparam(a: *const pthread_attr_t, out: *mut sched_param) -> c_int {
    // SAFETY: C contract.
    unsafe { get(a, out, |a| sched_param { sched_priority: a.priority }) }
}

/// POSIX (compat) `pthread_attr_setschedparam`: priority 0 only (ENOTSUP).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_setschedparam(a: *mut pthread_attr_t, p: *const sched_param) -> c_int {
    // SAFETY: C contract.
    let prio = unsafe { (*p).sched_priority };
    // SAFETY: C contract.
    unsafe { set(a, prio == 0, errno::NOTSUP, |a| a.priority = prio) }
}

/// POSIX (compat) `pthread_attr_getschedpolicy`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_getschedpolicy(a: *const pthread_attr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { get(a, out, |a| a.policy) }
}

/// POSIX (compat) `pthread_attr_setschedpolicy`: SCHED_OTHER only (ENOTSUP).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_setschedpolicy(a: *mut pthread_attr_t, v: c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { set(a, v == SCHED_OTHER, errno::NOTSUP, |a| a.policy = v) }
}

/// POSIX (compat) `pthread_attr_getinheritsched`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_getinheritsched(a: *const pthread_attr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { get(a, out, |a| a.inheritsched) }
}

/// POSIX (compat) `pthread_attr_setinheritsched`: PTHREAD_INHERIT_SCHED
/// only (ENOTSUP for explicit scheduling, EINVAL otherwise).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_setinheritsched(a: *mut pthread_attr_t, v: c_int) -> c_int {
    let err = if v == PTHREAD_EXPLICIT_SCHED { errno::NOTSUP } else { errno::INVAL };
    // SAFETY: C contract.
    unsafe { set(a, v == PTHREAD_INHERIT_SCHED, err, |a| a.inheritsched = v) }
}

/// POSIX (compat) `pthread_attr_getscope`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_getscope(a: *const pthread_attr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { get(a, out, |a| a.scope) }
}

/// POSIX (compat) `pthread_attr_setscope`: PTHREAD_SCOPE_SYSTEM only
/// (ENOTSUP for process scope, EINVAL otherwise).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_attr_setscope(a: *mut pthread_attr_t, v: c_int) -> c_int {
    let err = if v == PTHREAD_SCOPE_PROCESS { errno::NOTSUP } else { errno::INVAL };
    // SAFETY: C contract.
    unsafe { set(a, v == PTHREAD_SCOPE_SYSTEM, err, |a| a.scope = v) }
}
