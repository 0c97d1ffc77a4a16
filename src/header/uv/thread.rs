//! Threads and synchronisation: uv_thread_*, uv_mutex_*, uv_rwlock_*,
//! uv_sem_*, uv_cond_*, uv_barrier_*, uv_key_*, uv_once.
//!
//! Each wraps the pthread (or semaphore) call of the same meaning; the uv
//! types are the pthread types. As in libuv, the calls that return
//! nothing abort the process when the pthread call reports an error (which
//! means the program misused the object).

use super::alloc;
use super::errors::{UV_EAGAIN, UV_EBUSY, UV_ENOMEM, UV_ETIMEDOUT};
use crate::abi::{c_int, c_uint, c_void, timespec};
use crate::errno::get_errno;
use crate::header::pthread::barrier::{self, pthread_barrier_t};
use crate::header::pthread::cond::{self as cond};
use crate::header::pthread::key::{self, pthread_key_t};
use crate::header::pthread::mutex::{self, pthread_mutexattr_t};
use crate::header::pthread::once;
use crate::header::pthread::rwlock;
use crate::header::pthread::thread::{pthread_create, pthread_equal, pthread_join, pthread_self};
use crate::header::pthread::{pthread_cond_t, pthread_mutex_t, pthread_once_t, pthread_rwlock_t, Thread, PTHREAD_BARRIER_SERIAL_THREAD, PTHREAD_MUTEX_RECURSIVE};
use crate::header::semaphore::{self as sem, sem_t};
use crate::header::stdlib::exit::abort;
use cloudabi::errno;
use core::ptr::{null, null_mut};

pub type uv_thread_t = *mut Thread;
pub type uv_thread_cb = Option<unsafe extern "C" fn(*mut c_void)>;

/// A pthread result as a uv code (pthread calls return the errno).
fn code(r: c_int) -> c_int {
    -r
}

/// A pthread result that must be success.
fn must(r: c_int) {
    if r != 0 {
        abort();
    }
}

/// What the new thread runs: the uv entry and its argument.
struct Start {
    entry: unsafe extern "C" fn(*mut c_void),
    arg: *mut c_void,
}

unsafe extern "C" fn trampoline(p: *mut c_void) -> *mut c_void {
    // SAFETY: `p` is the `Start` uv_thread_create allocated for this thread.
    unsafe {
        let Start { entry, arg } = p.cast::<Start>().read();
        alloc::release(p);
        entry(arg);
    }
    null_mut()
}

/// libuv `uv_thread_create`: runs `entry(arg)` in a new thread.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_thread_create(tid: *mut uv_thread_t, entry: uv_thread_cb, arg: *mut c_void) -> c_int {
    let Some(entry) = entry else { return super::errors::UV_EINVAL };
    let p = alloc::alloc(core::mem::size_of::<Start>()).cast::<Start>();
    if p.is_null() {
        return UV_ENOMEM;
    }
    // SAFETY: `p` has room for a Start; `tid` is writable (libuv contract).
    unsafe {
        p.write(Start { entry, arg });
        let r = pthread_create(tid, null(), trampoline, p.cast());
        if r != 0 {
            alloc::release(p);
        }
        code(r)
    }
}

/// libuv `uv_thread_self`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_thread_self() -> uv_thread_t {
    pthread_self()
}

/// libuv `uv_thread_join`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_thread_join(tid: *mut uv_thread_t) -> c_int {
    // SAFETY: `tid` names a joinable thread (libuv contract).
    code(unsafe { pthread_join(*tid, null_mut()) })
}

/// libuv `uv_thread_equal`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_thread_equal(a: *const uv_thread_t, b: *const uv_thread_t) -> c_int {
    // SAFETY: both point to thread ids (libuv contract).
    unsafe { pthread_equal(*a, *b) }
}

/// libuv `uv_mutex_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_mutex_init(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: `m` is writable (libuv contract).
    code(unsafe { mutex::pthread_mutex_init(m, null()) })
}

/// libuv `uv_mutex_init_recursive`: the owner may lock it again.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_mutex_init_recursive(m: *mut pthread_mutex_t) -> c_int {
    let mut attr = pthread_mutexattr_t::DEFAULT;
    // SAFETY: `attr` is initialised; `m` is writable (libuv contract).
    unsafe {
        let r = mutex::pthread_mutexattr_settype(&mut attr, PTHREAD_MUTEX_RECURSIVE);
        if r != 0 {
            return code(r);
        }
        code(mutex::pthread_mutex_init(m, &attr))
    }
}

/// libuv `uv_mutex_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_mutex_destroy(m: *mut pthread_mutex_t) {
    // SAFETY: `m` is an unlocked mutex (libuv contract).
    must(unsafe { mutex::pthread_mutex_destroy(m) })
}

/// libuv `uv_mutex_lock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_mutex_lock(m: *mut pthread_mutex_t) {
    // SAFETY: `m` is an initialised mutex (libuv contract).
    must(unsafe { mutex::pthread_mutex_lock(m) })
}

/// libuv `uv_mutex_trylock`: `UV_EBUSY` if it is held.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_mutex_trylock(m: *mut pthread_mutex_t) -> c_int {
    // SAFETY: `m` is an initialised mutex (libuv contract).
    busy(unsafe { mutex::pthread_mutex_trylock(m) })
}

/// A try-lock result: 0, `UV_EBUSY`, or a misuse that aborts.
fn busy(r: c_int) -> c_int {
    match r {
        0 => 0,
        r if r == errno::BUSY as c_int || r == errno::AGAIN as c_int => UV_EBUSY,
        _ => abort(),
    }
}

/// libuv `uv_mutex_unlock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_mutex_unlock(m: *mut pthread_mutex_t) {
    // SAFETY: the caller holds `m` (libuv contract).
    must(unsafe { mutex::pthread_mutex_unlock(m) })
}

/// libuv `uv_rwlock_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_rwlock_init(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: `l` is writable (libuv contract).
    code(unsafe { rwlock::pthread_rwlock_init(l, null()) })
}

/// libuv `uv_rwlock_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_rwlock_destroy(l: *mut pthread_rwlock_t) {
    // SAFETY: `l` is an unlocked lock (libuv contract).
    must(unsafe { rwlock::pthread_rwlock_destroy(l) })
}

/// libuv `uv_rwlock_rdlock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_rwlock_rdlock(l: *mut pthread_rwlock_t) {
    // SAFETY: `l` is an initialised lock (libuv contract).
    must(unsafe { rwlock::pthread_rwlock_rdlock(l) })
}

/// libuv `uv_rwlock_tryrdlock`: `UV_EBUSY` if a writer holds it.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_rwlock_tryrdlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: `l` is an initialised lock (libuv contract).
    busy(unsafe { rwlock::pthread_rwlock_tryrdlock(l) })
}

/// libuv `uv_rwlock_rdunlock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_rwlock_rdunlock(l: *mut pthread_rwlock_t) {
    // SAFETY: the caller holds `l` for reading (libuv contract).
    must(unsafe { rwlock::pthread_rwlock_unlock(l) })
}

/// libuv `uv_rwlock_wrlock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_rwlock_wrlock(l: *mut pthread_rwlock_t) {
    // SAFETY: `l` is an initialised lock (libuv contract).
    must(unsafe { rwlock::pthread_rwlock_wrlock(l) })
}

/// libuv `uv_rwlock_trywrlock`: `UV_EBUSY` if anyone holds it.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_rwlock_trywrlock(l: *mut pthread_rwlock_t) -> c_int {
    // SAFETY: `l` is an initialised lock (libuv contract).
    busy(unsafe { rwlock::pthread_rwlock_trywrlock(l) })
}

/// libuv `uv_rwlock_wrunlock`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_rwlock_wrunlock(l: *mut pthread_rwlock_t) {
    // SAFETY: the caller holds `l` for writing (libuv contract).
    must(unsafe { rwlock::pthread_rwlock_unlock(l) })
}

/// libuv `uv_sem_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_sem_init(s: *mut sem_t, value: c_uint) -> c_int {
    // SAFETY: `s` is writable (libuv contract).
    if unsafe { sem::sem_init(s, 0, value) } == 0 {
        0
    } else {
        -get_errno()
    }
}

/// libuv `uv_sem_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_sem_destroy(s: *mut sem_t) {
    // SAFETY: `s` is an initialised semaphore (libuv contract).
    must(unsafe { sem::sem_destroy(s) })
}

/// libuv `uv_sem_post`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_sem_post(s: *mut sem_t) {
    // SAFETY: `s` is an initialised semaphore (libuv contract).
    must(unsafe { sem::sem_post(s) })
}

/// libuv `uv_sem_wait`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_sem_wait(s: *mut sem_t) {
    // SAFETY: `s` is an initialised semaphore (libuv contract).
    must(unsafe { sem::sem_wait(s) })
}

/// libuv `uv_sem_trywait`: `UV_EAGAIN` if the count is 0.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_sem_trywait(s: *mut sem_t) -> c_int {
    // SAFETY: `s` is an initialised semaphore (libuv contract).
    if unsafe { sem::sem_trywait(s) } == 0 {
        return 0;
    }
    if get_errno() == errno::AGAIN as c_int {
        UV_EAGAIN
    } else {
        abort()
    }
}

/// libuv `uv_cond_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_cond_init(c: *mut pthread_cond_t) -> c_int {
    // SAFETY: `c` is writable (libuv contract).
    code(unsafe { cond::pthread_cond_init(c, null()) })
}

/// libuv `uv_cond_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_cond_destroy(c: *mut pthread_cond_t) {
    // SAFETY: nobody waits on `c` (libuv contract).
    must(unsafe { cond::pthread_cond_destroy(c) })
}

/// libuv `uv_cond_signal`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_cond_signal(c: *mut pthread_cond_t) {
    // SAFETY: `c` is an initialised condition variable (libuv contract).
    must(unsafe { cond::pthread_cond_signal(c) })
}

/// libuv `uv_cond_broadcast`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_cond_broadcast(c: *mut pthread_cond_t) {
    // SAFETY: `c` is an initialised condition variable (libuv contract).
    must(unsafe { cond::pthread_cond_broadcast(c) })
}

/// libuv `uv_cond_wait`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_cond_wait(c: *mut pthread_cond_t, m: *mut pthread_mutex_t) {
    // SAFETY: the caller holds `m` (libuv contract).
    must(unsafe { cond::pthread_cond_wait(c, m) })
}

/// libuv `uv_cond_timedwait`: waits at most `timeout` nanoseconds (on the
/// monotonic clock); `UV_ETIMEDOUT` if that passes first.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_cond_timedwait(c: *mut pthread_cond_t, m: *mut pthread_mutex_t, timeout: u64) -> c_int {
    let ts = timespec { tv_sec: (timeout / 1_000_000_000) as i64, tv_nsec: (timeout % 1_000_000_000) as i64 };
    // SAFETY: the caller holds `m` (libuv contract).
    match unsafe { cond::pthread_cond_timedwait_relative_np(c, m, &ts) } {
        0 => 0,
        r if r == errno::TIMEDOUT as c_int => UV_ETIMEDOUT,
        _ => abort(),
    }
}

/// libuv `uv_barrier_init`: `count` threads must arrive.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_barrier_init(b: *mut pthread_barrier_t, count: c_uint) -> c_int {
    // SAFETY: `b` is writable (libuv contract).
    code(unsafe { barrier::pthread_barrier_init(b, null(), count) })
}

/// libuv `uv_barrier_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_barrier_destroy(b: *mut pthread_barrier_t) {
    // SAFETY: nobody waits at `b` (libuv contract).
    must(unsafe { barrier::pthread_barrier_destroy(b) })
}

/// libuv `uv_barrier_wait`: 1 for one of the threads, 0 for the others.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_barrier_wait(b: *mut pthread_barrier_t) -> c_int {
    // SAFETY: `b` is an initialised barrier (libuv contract).
    match unsafe { barrier::pthread_barrier_wait(b) } {
        0 => 0,
        PTHREAD_BARRIER_SERIAL_THREAD => 1,
        _ => abort(),
    }
}

/// libuv `uv_key_create`: a thread-local slot, without a destructor.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_key_create(k: *mut pthread_key_t) -> c_int {
    // SAFETY: `k` is writable (libuv contract).
    code(unsafe { key::pthread_key_create(k, None) })
}

/// libuv `uv_key_delete`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_key_delete(k: *mut pthread_key_t) {
    // SAFETY: `k` is a created key (libuv contract).
    must(key::pthread_key_delete(unsafe { *k }))
}

/// libuv `uv_key_get`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_key_get(k: *mut pthread_key_t) -> *mut c_void {
    // SAFETY: `k` is a created key (libuv contract).
    key::pthread_getspecific(unsafe { *k })
}

/// libuv `uv_key_set`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_key_set(k: *mut pthread_key_t, value: *mut c_void) {
    // SAFETY: `k` is a created key (libuv contract).
    must(key::pthread_setspecific(unsafe { *k }, value))
}

/// libuv `uv_once`: runs `f` exactly once for `guard`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_once(guard: *mut pthread_once_t, f: Option<unsafe extern "C" fn()>) {
    let Some(f) = f else { abort() };
    // SAFETY: `guard` is a once-object (libuv contract).
    must(unsafe { once::pthread_once(guard, f) })
}
