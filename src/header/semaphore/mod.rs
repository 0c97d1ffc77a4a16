//! `<semaphore.h>`: unnamed semaphores, a value guarded by a lock with a
//! condition variable for the waiters. Posting to a semaphore nobody
//! waits on takes no system call.

mod named;
pub use self::named::*;

use crate::abi::{c_int, c_uint, timespec};
use crate::errno::{Errno, OrErrno};
use crate::header::pthread::thread::{tid, Wait};
use crate::header::pthread::{deadline, pthread_cond_t, pthread_lock_t, PTHREAD_PROCESS_SHARED};
use crate::header::signal::handled_count;
use cloudabi::{clockid, errno};
use core::sync::atomic::{AtomicU32, Ordering};

/// `SEM_VALUE_MAX` in `<limits.h>`.
pub const SEM_VALUE_MAX: u32 = 0x7fff_ffff;

/// `sem_t`.
#[repr(C)]
pub struct sem_t {
    lock: pthread_lock_t,
    cond: pthread_cond_t,
    value: AtomicU32,
}

impl sem_t {
    /// Runs `f` with the lock held.
    fn locked<T>(&self, f: impl FnOnce() -> Result<T, Errno>) -> Result<T, Errno> {
        let me = tid();
        self.lock.write(me, None)?;
        let r = f();
        self.lock.unlock_write(me)?;
        r
    }

    fn post(&self) -> Result<(), Errno> {
        self.locked(|| {
            let v = self.value.load(Ordering::Relaxed);
            if v == SEM_VALUE_MAX {
                return Err(errno::OVERFLOW);
            }
            self.value.store(v + 1, Ordering::Relaxed);
            self.cond.signal(1)
        })
    }

    /// Decrements the value, waiting while it is 0 as `how` says (AGAIN
    /// for `Try`, TIMEDOUT for a deadline that passes, INTR once a signal
    /// handler has run: a signal wakes the wait, as POSIX wants).
    fn wait(&self, how: Wait) -> Result<(), Errno> {
        let handled = handled_count();
        self.locked(|| loop {
            let v = self.value.load(Ordering::Relaxed);
            if v > 0 {
                self.value.store(v - 1, Ordering::Relaxed);
                return Ok(());
            }
            if handled_count() != handled {
                return Err(errno::INTR);
            }
            match how {
                Wait::Try => return Err(errno::AGAIN),
                Wait::Block => self.cond.wait(&self.lock, None)?,
                Wait::Until(t) => self.cond.wait(&self.lock, Some(t))?,
            }
        })
    }
}

/// POSIX `sem_init`: EINVAL above SEM_VALUE_MAX.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sem_init(s: *mut sem_t, pshared: c_int, value: c_uint) -> c_int {
    if value > SEM_VALUE_MAX {
        return Err::<c_int, _>(errno::INVAL).or_errno(-1);
    }
    let p = if pshared != 0 { PTHREAD_PROCESS_SHARED as u8 } else { 0 };
    let mut lock = pthread_lock_t::new();
    lock.pshared = p;
    let mut cond = pthread_cond_t::new();
    cond.pshared = p;
    // SAFETY: the caller passes writable memory.
    unsafe { s.write(sem_t { lock, cond, value: AtomicU32::new(value) }) };
    0
}

/// POSIX `sem_destroy`: EBUSY while threads wait.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sem_destroy(s: *mut sem_t) -> c_int {
    // SAFETY: C contract: an initialised semaphore.
    let s = unsafe { &*s };
    if s.cond.waiters.load(Ordering::Relaxed) != 0 {
        return Err::<c_int, _>(errno::BUSY).or_errno(-1);
    }
    0
}

/// POSIX `sem_post`: EOVERFLOW at SEM_VALUE_MAX.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sem_post(s: *mut sem_t) -> c_int {
    // SAFETY: C contract.
    unsafe { &*s }.post().map(|()| 0).or_errno(-1)
}

/// POSIX `sem_wait`: EINTR when a signal handler ran while it waited.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sem_wait(s: *mut sem_t) -> c_int {
    // SAFETY: C contract.
    unsafe { &*s }.wait(Wait::Block).map(|()| 0).or_errno(-1)
}

/// POSIX `sem_trywait`: EAGAIN when the value is 0.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sem_trywait(s: *mut sem_t) -> c_int {
    // SAFETY: C contract.
    unsafe { &*s }.wait(Wait::Try).map(|()| 0).or_errno(-1)
}

/// POSIX `sem_timedwait`: ETIMEDOUT once the realtime clock reaches `ts`
/// (which is only read when the call has to wait), EINTR when a signal
/// handler ran meanwhile.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sem_timedwait(s: *mut sem_t, ts: *const timespec) -> c_int {
    // SAFETY: C contract.
    let s = unsafe { &*s };
    match s.wait(Wait::Try) {
        // SAFETY: C contract: `ts` is readable.
        Err(errno::AGAIN) => unsafe { deadline(clockid::REALTIME, ts) }.and_then(|t| s.wait(Wait::Until(t))),
        r => r,
    }
    .map(|()| 0)
    .or_errno(-1)
}

/// POSIX `sem_getvalue`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sem_getvalue(s: *mut sem_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract.
    unsafe { *out = (*s).value.load(Ordering::Relaxed) as c_int };
    0
}
