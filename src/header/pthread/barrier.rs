//! pthread_barrier_* and pthread_barrierattr_*: a lock, a condition
//! variable, and a generation number that lets the threads of one round
//! leave while the next round gathers.

use super::thread::tid;
use super::{pthread_cond_t, pthread_lock_t, set_pshared, PTHREAD_BARRIER_SERIAL_THREAD, PTHREAD_PROCESS_PRIVATE};
use crate::abi::{c_int, c_uint};
use crate::errno::Errno;
use cloudabi::errno;
use core::sync::atomic::{AtomicU32, Ordering};

/// `pthread_barrier_t`.
#[repr(C)]
pub struct pthread_barrier_t {
    lock: pthread_lock_t,
    cond: pthread_cond_t,
    count: u32,
    remaining: AtomicU32,
    generation: AtomicU32,
}

/// `pthread_barrierattr_t`.
#[repr(C)]
pub struct pthread_barrierattr_t {
    pshared: c_int,
}

fn wait(b: &pthread_barrier_t) -> Result<c_int, Errno> {
    let me = tid();
    b.lock.write(me, None)?;
    let generation = b.generation.load(Ordering::Relaxed);
    let remaining = b.remaining.load(Ordering::Relaxed) - 1;
    let r = if remaining == 0 {
        b.generation.store(generation.wrapping_add(1), Ordering::Relaxed);
        b.remaining.store(b.count, Ordering::Relaxed);
        b.cond.signal(u32::MAX).map(|()| PTHREAD_BARRIER_SERIAL_THREAD)
    } else {
        b.remaining.store(remaining, Ordering::Relaxed);
        loop {
            if let Err(e) = b.cond.wait(&b.lock, None) {
                break Err(e);
            }
            if b.generation.load(Ordering::Relaxed) != generation {
                break Ok(0);
            }
        }
    };
    b.lock.unlock_write(me)?;
    r
}

/// POSIX `pthread_barrier_init`: EINVAL for a count of 0.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_barrier_init(
    b: *mut pthread_barrier_t,
    attr: *const pthread_barrierattr_t,
    count: c_uint,
) -> c_int {
    if count == 0 {
        return errno::INVAL as c_int;
    }
    // SAFETY: `attr` is null or initialised (C contract).
    let pshared = if attr.is_null() { 0 } else { (unsafe { (*attr).pshared }) as u8 };
    let mut lock = pthread_lock_t::new();
    lock.pshared = pshared;
    let mut cond = pthread_cond_t::new();
    cond.pshared = pshared;
    let v = pthread_barrier_t { lock, cond, count, remaining: AtomicU32::new(count), generation: AtomicU32::new(0) };
    // SAFETY: the caller passes writable memory.
    unsafe { b.write(v) };
    0
}

/// POSIX `pthread_barrier_destroy`: EBUSY while threads wait.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_barrier_destroy(b: *mut pthread_barrier_t) -> c_int {
    // SAFETY: C contract: an initialised barrier.
    let b = unsafe { &*b };
    if b.remaining.load(Ordering::Relaxed) != b.count || b.lock.state.load(Ordering::Relaxed) != 0 {
        return errno::BUSY as c_int;
    }
    0
}

/// POSIX `pthread_barrier_wait`: returns PTHREAD_BARRIER_SERIAL_THREAD to
/// the last thread of each round, 0 to the others.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_barrier_wait(b: *mut pthread_barrier_t) -> c_int {
    // SAFETY: C contract.
    wait(unsafe { &*b }).unwrap_or_else(|e| e as c_int)
}

/// POSIX `pthread_barrierattr_init`: private.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_init(a: *mut pthread_barrierattr_t) -> c_int {
    // SAFETY: the caller passes writable attributes.
    unsafe { a.write(pthread_barrierattr_t { pshared: PTHREAD_PROCESS_PRIVATE }) };
    0
}

/// POSIX `pthread_barrierattr_destroy`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_barrierattr_destroy(_a: *mut pthread_barrierattr_t) -> c_int {
    0
}

/// POSIX `pthread_barrierattr_getpshared`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_getpshared(a: *const pthread_barrierattr_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = (*a).pshared };
    0
}

/// POSIX `pthread_barrierattr_setpshared`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_setpshared(a: *mut pthread_barrierattr_t, v: c_int) -> c_int {
    // SAFETY: C contract: writable attributes.
    unsafe { set_pshared(&raw mut (*a).pshared, v) }
}
