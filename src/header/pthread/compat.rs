//! Thread functions cloudlibc left out, for unmodified code: cancellation
//! (not supported), scheduling (one policy, one priority), names, stack
//! information, CPU-time clocks, the signal mask and pthread_kill, joining
//! with a limit.

use super::attr::pthread_attr_t;
use super::thread::{self, current, join, local, Thread, Wait};
use super::{deadline, PTHREAD_CREATE_DETACHED, PTHREAD_CREATE_JOINABLE};
use crate::abi::{c_char, c_int, c_void, size_t, timespec};
use crate::errno::{Errno, ErrnoValue};
use crate::header::sched::{sched_param, SCHED_OTHER};
use crate::header::signal::{change_mask, raise_signal, send_to_thread, sigset_t, valid, SIGKILL, SIGSTOP};
use crate::header::time::{clockid_t, THREAD_CPUCLOCK};
use cloudabi::{clockid, errno};
use core::sync::atomic::{AtomicI32, Ordering};

pub const PTHREAD_CANCEL_ENABLE: c_int = 0;
pub const PTHREAD_CANCEL_DISABLE: c_int = 1;
pub const PTHREAD_CANCEL_DEFERRED: c_int = 0;
pub const PTHREAD_CANCEL_ASYNCHRONOUS: c_int = 1;

/// POSIX (compat) `pthread_cancel`: cancellation is not supported (there
/// are no asynchronous signals to deliver it and no cancellation points):
/// ENOSYS, and the thread runs on.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_cancel(_t: *mut Thread) -> c_int {
    errno::NOSYS as c_int
}

/// Validates and swaps one of the calling thread's cancellation settings.
fn swap_setting(v: c_int, a: c_int, b: c_int, old: *mut c_int, pick: fn(&mut thread::Local) -> &mut c_int) -> c_int {
    if v != a && v != b {
        return errno::INVAL as c_int;
    }
    // SAFETY: the calling thread's own block; `old` is null or writable.
    unsafe {
        let f = pick(&mut *local());
        if !old.is_null() {
            *old = *f;
        }
        *f = v;
    }
    0
}

/// POSIX (compat) `pthread_setcancelstate`: recorded; nothing cancels.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_setcancelstate(state: c_int, old: *mut c_int) -> c_int {
    swap_setting(state, PTHREAD_CANCEL_ENABLE, PTHREAD_CANCEL_DISABLE, old, |l| &mut l.cancel_state)
}

/// POSIX (compat) `pthread_setcanceltype`: recorded; nothing cancels.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_setcanceltype(kind: c_int, old: *mut c_int) -> c_int {
    swap_setting(kind, PTHREAD_CANCEL_DEFERRED, PTHREAD_CANCEL_ASYNCHRONOUS, old, |l| &mut l.cancel_type)
}

/// POSIX (compat) `pthread_testcancel`: no cancellation is ever pending.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_testcancel() {}

static CONCURRENCY: AtomicI32 = AtomicI32::new(0);

/// POSIX (compat) `pthread_getconcurrency`: the level last set (0 at first).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_getconcurrency() -> c_int {
    CONCURRENCY.load(Ordering::Relaxed)
}

/// POSIX (compat) `pthread_setconcurrency`: a hint, recorded.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_setconcurrency(level: c_int) -> c_int {
    if level < 0 {
        return errno::INVAL as c_int;
    }
    CONCURRENCY.store(level, Ordering::Relaxed);
    0
}

/// POSIX (compat) `pthread_getcpuclockid`: a clock of the thread's own,
/// distinct from CLOCK_THREAD_CPUTIME_ID (which names whichever thread
/// reads it); `clock_gettime` reads it from any thread of the process
/// while the thread runs (EINVAL once it is gone).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_getcpuclockid(t: *mut Thread, out: *mut clockid_t) -> c_int {
    // SAFETY: `t` is a live thread and `out` writable (C contract).
    unsafe { *out = THREAD_CPUCLOCK | thread::tid_of(&*t) };
    0
}

/// POSIX (compat) `pthread_getschedparam`: SCHED_OTHER, priority 0.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_getschedparam(_t: *mut Thread, policy: *mut c_int, p: *mut sched_param) -> c_int {
    // SAFETY: the caller passes writable outputs.
    unsafe {
        *policy = SCHED_OTHER;
        *p = sched_param { sched_priority: 0 };
    }
    0
}

/// POSIX (compat) `pthread_setschedparam`: only what is already true
/// (SCHED_OTHER, priority 0); ENOTSUP for other policies, EINVAL for
/// other priorities.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_setschedparam(_t: *mut Thread, policy: c_int, p: *const sched_param) -> c_int {
    if policy != SCHED_OTHER {
        return errno::NOTSUP as c_int;
    }
    // SAFETY: the caller passes a readable sched_param.
    pthread_setschedprio(core::ptr::null_mut(), unsafe { (*p).sched_priority })
}

/// POSIX (compat) `pthread_setschedprio`: priority 0 only (EINVAL).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_setschedprio(_t: *mut Thread, prio: c_int) -> c_int {
    if prio == 0 {
        0
    } else {
        errno::INVAL as c_int
    }
}

/// GNU (compat) `pthread_setname_np`: up to 15 bytes (ERANGE beyond).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_setname_np(t: *mut Thread, name: *const c_char) -> c_int {
    // SAFETY: the caller passes a C string.
    let s = unsafe { crate::cptr::cstr(name) };
    if s.len() > 15 {
        return errno::RANGE as c_int;
    }
    // SAFETY: `t` is a live thread (C contract).
    let mut n = unsafe { &*t }.name.lock();
    *n = [0; 16];
    n[..s.len()].copy_from_slice(s);
    0
}

/// GNU (compat) `pthread_getname_np`: the name set (empty at first);
/// ERANGE if it does not fit in `len` bytes with its NUL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_getname_np(t: *mut Thread, buf: *mut c_char, len: size_t) -> c_int {
    // SAFETY: `t` is a live thread (C contract).
    let n = *unsafe { &*t }.name.lock();
    let used = n.iter().position(|&b| b == 0).unwrap_or(n.len()) + 1;
    if len < used {
        return errno::RANGE as c_int;
    }
    // SAFETY: the caller passes `len` writable bytes.
    unsafe { core::ptr::copy_nonoverlapping(n.as_ptr(), buf.cast(), used) };
    0
}

/// GNU (compat) `pthread_getattr_np`: the attributes a thread runs with.
/// The initial thread's stack is the host's and unknown here: its address
/// and size read as NULL and 0.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_getattr_np(t: *mut Thread, out: *mut pthread_attr_t) -> c_int {
    // SAFETY: `t` is a live thread (C contract).
    let th = unsafe { &*t };
    let a = pthread_attr_t {
        stacksize: th.stack_len,
        guardsize: th.guard,
        stackaddr: th.stack.cast::<c_void>(),
        detachstate: if th.detached() { PTHREAD_CREATE_DETACHED } else { PTHREAD_CREATE_JOINABLE },
        ..pthread_attr_t::DEFAULT
    };
    // SAFETY: the caller passes writable attributes.
    unsafe { out.write(a) };
    0
}

/// Joins as `join` does, storing the result through `out` unless null.
///
/// # Safety
/// As for `join`; `out` is null or writable.
unsafe fn join_into(t: *mut Thread, out: *mut *mut c_void, wait: Result<Wait, Errno>) -> c_int {
    // SAFETY: forwarded contract.
    match wait.and_then(|w| unsafe { join(t, w) }) {
        Ok(v) => {
            if !out.is_null() {
                // SAFETY: forwarded contract.
                unsafe { *out = v };
            }
            0
        }
        Err(e) => e as c_int,
    }
}

/// GNU (compat) `pthread_tryjoin_np`: joins a thread that has ended
/// already; EBUSY if it runs.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_tryjoin_np(t: *mut Thread, out: *mut *mut c_void) -> c_int {
    // SAFETY: C contract.
    unsafe { join_into(t, out, Ok(Wait::Try)) }
}

/// GNU (compat) `pthread_timedjoin_np`: joins, waiting until the realtime
/// clock reaches `ts` at most (ETIMEDOUT).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_timedjoin_np(t: *mut Thread, out: *mut *mut c_void, ts: *const timespec) -> c_int {
    // SAFETY: C contract.
    unsafe { join_into(t, out, deadline(clockid::REALTIME, ts).map(Wait::Until)) }
}

/// POSIX (compat) `pthread_sigmask`: the calling thread's mask, which
/// decides which thread a timer signal interrupts, and when a signal sent
/// to this thread arrives.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_sigmask(how: c_int, set: *const sigset_t, old: *mut sigset_t) -> c_int {
    change_mask(how, set, old).errno_value()
}

/// POSIX (compat) `pthread_kill`: signals thread `t` of the process; 0
/// checks that it still runs (ESRCH once it has ended). The calling thread
/// takes the signal as from `raise`; another one as from a timer: at once
/// unless it blocks the signal, interrupting a blocked call (EINTR). SIGKILL
/// and SIGSTOP act on the whole process from any thread.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_kill(t: *mut Thread, sig: c_int) -> c_int {
    if sig != 0 && !valid(sig) {
        return errno::INVAL as c_int;
    }
    // SAFETY: `t` names a thread not yet joined (POSIX contract).
    let th = unsafe { &*t };
    if !thread::running(th) {
        return errno::SRCH as c_int;
    }
    if sig == 0 {
        return 0;
    }
    if t == current() || sig == SIGKILL || sig == SIGSTOP {
        return raise_signal(sig).errno_value();
    }
    send_to_thread(thread::tid_of(th), sig).errno_value()
}
