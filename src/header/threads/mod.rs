//! `<threads.h>`: C11 threads, on the pthread objects (`mtx_t` is a
//! mutex, `cnd_t` a condition variable, `thrd_t` a `pthread_t`, `tss_t` a
//! key, `once_flag` a once-object). Timed waits measure TIME_UTC, the
//! realtime clock.

use crate::abi::{c_int, c_void, timespec};
use crate::errno::Errno;
use crate::header::pthread::attr::pthread_attr_t;
use crate::header::pthread::key::{self, pthread_key_t, Destructor};
use crate::header::pthread::thread::{self, Start, Thread, Wait};
use crate::header::pthread::{
    after, mutex, once::once, pthread_cond_t, pthread_lock_t, pthread_once_t, PTHREAD_MUTEX_NORMAL,
    PTHREAD_MUTEX_RECURSIVE,
};
use crate::sys;
use cloudabi::errno;

pub const mtx_plain: c_int = 1;
pub const mtx_recursive: c_int = 2;
pub const mtx_timed: c_int = 4;

pub const thrd_busy: c_int = 1;
pub const thrd_error: c_int = 2;
pub const thrd_nomem: c_int = 3;
pub const thrd_success: c_int = 4;
pub const thrd_timedout: c_int = 5;

/// The C11 status for an outcome.
fn status(r: Result<(), Errno>) -> c_int {
    match r {
        Ok(()) => thrd_success,
        Err(errno::TIMEDOUT) => thrd_timedout,
        Err(errno::BUSY) => thrd_busy,
        Err(errno::NOMEM | errno::AGAIN) => thrd_nomem,
        Err(_) => thrd_error,
    }
}

/// C11 `call_once`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn call_once(flag: *mut pthread_once_t, f: unsafe extern "C" fn()) {
    // SAFETY: C contract: an initialised flag and a function.
    once(unsafe { &*flag }, || unsafe { f() });
}

/// C11 `cnd_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cnd_init(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: the caller passes writable memory.
    unsafe { c.write(pthread_cond_t::new()) };
    thrd_success
}

/// C11 `cnd_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn cnd_destroy(_c: *mut pthread_cond_t) {}

/// C11 `cnd_signal`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cnd_signal(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: C contract.
    status(unsafe { &*c }.signal(1))
}

/// C11 `cnd_broadcast`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cnd_broadcast(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: C contract.
    status(unsafe { &*c }.signal(u32::MAX))
}

/// C11 `cnd_wait`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cnd_wait(c: *mut pthread_cond_t, m: *mut pthread_lock_t) -> c_int {
    // SAFETY: C contract.
    status(unsafe { (*c).wait(&*m, None) })
}

/// C11 `cnd_timedwait`: thrd_timedout once TIME_UTC reaches `ts`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cnd_timedwait(c: *mut pthread_cond_t, m: *mut pthread_lock_t, ts: *const timespec) -> c_int {
    // SAFETY: C contract.
    status(unsafe { (*c).timedwait(&*m, ts) })
}

/// C11 `mtx_init`: plain or timed, optionally recursive.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mtx_init(m: *mut pthread_lock_t, kind: c_int) -> c_int {
    let base = kind & !mtx_recursive;
    if base != mtx_plain && base != mtx_timed {
        return thrd_error;
    }
    let mut v = pthread_lock_t::new();
    v.kind = if kind & mtx_recursive != 0 { PTHREAD_MUTEX_RECURSIVE } else { PTHREAD_MUTEX_NORMAL } as u8;
    // SAFETY: the caller passes writable memory.
    unsafe { m.write(v) };
    thrd_success
}

/// C11 `mtx_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mtx_destroy(_m: *mut pthread_lock_t) {}

/// C11 `mtx_lock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mtx_lock(m: *mut pthread_lock_t) -> c_int {
    // SAFETY: C contract.
    status(mutex::lock(unsafe { &*m }, None))
}

/// C11 `mtx_trylock`: thrd_busy when held.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mtx_trylock(m: *mut pthread_lock_t) -> c_int {
    // SAFETY: C contract.
    status(mutex::trylock(unsafe { &*m }))
}

/// C11 `mtx_timedlock`: thrd_timedout once TIME_UTC reaches `ts`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mtx_timedlock(m: *mut pthread_lock_t, ts: *const timespec) -> c_int {
    // SAFETY: C contract.
    status(unsafe { mutex::timedlock(&*m, ts) })
}

/// C11 `mtx_unlock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mtx_unlock(m: *mut pthread_lock_t) -> c_int {
    // SAFETY: C contract.
    status(mutex::unlock(unsafe { &*m }))
}

/// C11 `thrd_create`: thrd_nomem when memory or threads run out.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn thrd_create(
    out: *mut *mut Thread,
    f: unsafe extern "C" fn(*mut c_void) -> c_int,
    arg: *mut c_void,
) -> c_int {
    status(thread::create(&pthread_attr_t::DEFAULT, Start::C11(f), arg).map(|t| {
        // SAFETY: the caller passes a writable thrd_t.
        unsafe { *out = t }
    }))
}

/// C11 `thrd_current`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn thrd_current() -> *mut Thread {
    thread::current()
}

/// C11 `thrd_detach`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn thrd_detach(t: *mut Thread) -> c_int {
    // SAFETY: C contract: a live, joinable thread.
    status(unsafe { thread::detach(t) })
}

/// C11 `thrd_equal`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn thrd_equal(a: *mut Thread, b: *mut Thread) -> c_int {
    c_int::from(a == b)
}

/// C11 `thrd_exit`: ends the thread with result `res`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn thrd_exit(res: c_int) -> ! {
    thread::exit_current(res as isize as *mut c_void)
}

/// C11 `thrd_join`: stores the thread's result through `res` unless null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn thrd_join(t: *mut Thread, res: *mut c_int) -> c_int {
    // SAFETY: C contract: a joinable thread.
    status(unsafe { thread::join(t, Wait::Block) }.map(|v| {
        if !res.is_null() {
            // SAFETY: the caller passes a writable int or null.
            unsafe { *res = v as isize as c_int };
        }
    }))
}

/// C11 `thrd_sleep`: sleeps for `duration`; 0 once it has passed, -2 for
/// an invalid duration. Nothing interrupts a sleep, so the optional
/// second argument is never written (and so not read).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn thrd_sleep(duration: *const timespec) -> c_int {
    // SAFETY: C contract: a readable timespec.
    match unsafe { after(duration) }.and_then(sys::clock_sleep) {
        Ok(()) => 0,
        Err(_) => -2,
    }
}

/// C11 `thrd_yield`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn thrd_yield() {
    let _ = sys::thread_yield();
}

/// C11 `tss_create`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn tss_create(out: *mut pthread_key_t, dtor: Option<Destructor>) -> c_int {
    status(key::create(dtor).map(|k| {
        // SAFETY: the caller passes a writable tss_t.
        unsafe { *out = k }
    }))
}

/// C11 `tss_delete`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tss_delete(k: pthread_key_t) {
    let _ = key::delete(k);
}

/// C11 `tss_get`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tss_get(k: pthread_key_t) -> *mut c_void {
    key::get(k)
}

/// C11 `tss_set`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tss_set(k: pthread_key_t, v: *mut c_void) -> c_int {
    status(key::set(k, v))
}
