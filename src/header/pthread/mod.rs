//! `<pthread.h>`: threads, and the locks, condition variables, keys and
//! once-objects that `<threads.h>` and `<semaphore.h>` build on too.
//!
//! Everything rests on CloudABI's userspace locks and condition variables
//! (see `lock.rs`): the uncontended paths are a compare-and-swap on a
//! 32-bit word, and only sleeping and waking reach the kernel (`poll` on a
//! lock or condition variable, `lock_unlock`, `condvar_signal`). The C
//! layouts of the types are in `include/_/pthreadtypes.h` and
//! `include/pthread.h`; the structs here mirror them.

pub mod attr;
pub mod barrier;
pub mod compat;
pub mod cond;
pub mod key;
pub mod lock;
pub mod mutex;
pub mod once;
pub mod rwlock;
pub mod spin;
pub mod thread;

use crate::abi::{c_int, timespec};
use crate::errno::Errno;
use crate::sys::{self, Timeout};
use cloudabi::{clockid, errno};
use core::sync::atomic::AtomicU32;

pub use thread::{init_main_thread, Thread};

pub const PTHREAD_BARRIER_SERIAL_THREAD: c_int = -1;
pub const PTHREAD_CREATE_DETACHED: c_int = 1;
pub const PTHREAD_CREATE_JOINABLE: c_int = 2;
pub const PTHREAD_MUTEX_NORMAL: c_int = 1;
pub const PTHREAD_MUTEX_RECURSIVE: c_int = 2;
pub const PTHREAD_MUTEX_ERRORCHECK: c_int = 3;
pub const PTHREAD_MUTEX_STALLED: c_int = 1;
pub const PTHREAD_PRIO_NONE: c_int = 0;
pub const PTHREAD_PRIO_INHERIT: c_int = 1;
pub const PTHREAD_PRIO_PROTECT: c_int = 2;
pub const PTHREAD_PROCESS_PRIVATE: c_int = 1;
pub const PTHREAD_PROCESS_SHARED: c_int = 2;

/// `__pthread_lock_t`: `pthread_mutex_t`, `pthread_rwlock_t`,
/// `pthread_spinlock_t` and `mtx_t`.
#[repr(C)]
pub struct pthread_lock_t {
    /// The CloudABI lock word.
    pub state: AtomicU32,
    /// Acquisitions of a recursive mutex beyond the first; only its owner
    /// touches it.
    pub recursion: AtomicU32,
    /// The mutex type; 0 means the default.
    pub kind: u8,
    /// `PTHREAD_PROCESS_SHARED`, or anything else for private.
    pub pshared: u8,
}

pub type pthread_mutex_t = pthread_lock_t;
pub type pthread_rwlock_t = pthread_lock_t;
pub type pthread_spinlock_t = pthread_lock_t;

/// `__pthread_cond_t`: `pthread_cond_t` and `cnd_t`.
#[repr(C)]
pub struct pthread_cond_t {
    /// The CloudABI condition variable word.
    pub waiters: AtomicU32,
    /// The clock of timed waits (a CloudABI clock id); 0 means realtime.
    pub clock: u32,
    pub pshared: u8,
}

/// `__pthread_once_t`: `pthread_once_t` and `once_flag`.
#[repr(C)]
pub struct pthread_once_t {
    pub state: AtomicU32,
}

/// The CloudABI scope of an object with this `pshared` value.
fn scope_of(pshared: u8) -> sys::scope {
    if c_int::from(pshared) == PTHREAD_PROCESS_SHARED {
        sys::scope::SHARED
    } else {
        sys::scope::PRIVATE
    }
}

/// Checks a `pshared` argument.
fn pshared_arg(v: c_int) -> Result<u8, Errno> {
    match v {
        PTHREAD_PROCESS_PRIVATE | PTHREAD_PROCESS_SHARED => Ok(v as u8),
        _ => Err(errno::INVAL),
    }
}

/// Stores a `pshared` attribute after checking it (EINVAL).
///
/// # Safety
/// `field` must point into writable attributes.
unsafe fn set_pshared(field: *mut c_int, v: c_int) -> c_int {
    match pshared_arg(v) {
        Ok(_) => {
            // SAFETY: the caller's contract.
            unsafe { *field = v };
            0
        }
        Err(e) => e as c_int,
    }
}

/// The CloudABI clock a C `clockid_t` names (its values are CloudABI's).
pub fn clock_of(c: u32) -> Result<clockid, Errno> {
    Ok(match c {
        1 => clockid::MONOTONIC,
        2 => clockid::PROCESS_CPUTIME_ID,
        3 => clockid::REALTIME,
        4 => clockid::THREAD_CPUTIME_ID,
        _ => return Err(errno::INVAL),
    })
}

/// An absolute deadline on `clock`, from a C timespec.
///
/// # Safety
/// `ts` must point at a readable timespec.
pub unsafe fn deadline(clock: clockid, ts: *const timespec) -> Result<Timeout, Errno> {
    // SAFETY: the caller's contract.
    let time = unsafe { &*ts }.to_timestamp()?;
    Ok(Timeout { clock, time, absolute: true })
}

/// A timeout `ts` from now, measured on the monotonic clock.
///
/// # Safety
/// `ts` must point at a readable timespec.
pub unsafe fn after(ts: *const timespec) -> Result<Timeout, Errno> {
    // SAFETY: the caller's contract.
    let time = unsafe { &*ts }.to_timestamp()?;
    Ok(Timeout { clock: clockid::MONOTONIC, time, absolute: false })
}
