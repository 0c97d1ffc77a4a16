//! The userspace half of CloudABI's locks, on `pthread_lock_t`: acquiring
//! and releasing without a system call when nobody waits, and handing over
//! to the kernel (`poll` on the lock, `lock_unlock`) when someone must
//! sleep or be woken. Mutexes, rwlocks, semaphores, barriers and C11
//! mutexes are built on these operations.
//!
//! The word: 0 when unlocked; `WRLOCKED | tid` when write-locked; the
//! number of readers when read-locked; `KERNEL_MANAGED` added while
//! threads sleep on it, in which case the last owner unlocks through the
//! kernel. A thread that already holds read locks takes another one even
//! when writers wait (the kernel would make it wait for them, and they for
//! it); everyone else lets waiting writers go first.

use super::{pthread_lock_t, scope_of, thread};
use crate::errno::Errno;
use crate::sys::{self, Timeout};
use cloudabi::errno;
use core::sync::atomic::Ordering;

pub const WRLOCKED: u32 = cloudabi::LOCK_WRLOCKED.0;
pub const KERNEL_MANAGED: u32 = cloudabi::LOCK_KERNEL_MANAGED.0;
const OWNER: u32 = !(WRLOCKED | KERNEL_MANAGED);

impl pthread_lock_t {
    pub const fn new() -> pthread_lock_t {
        pthread_lock_t {
            state: core::sync::atomic::AtomicU32::new(0),
            recursion: core::sync::atomic::AtomicU32::new(0),
            kind: 0,
            pshared: 0,
        }
    }

    pub fn scope(&self) -> sys::scope {
        scope_of(self.pshared)
    }

    /// The thread holding the write lock, if any.
    pub fn writer(&self) -> Option<u32> {
        let w = self.state.load(Ordering::Relaxed);
        (w & WRLOCKED != 0).then_some(w & OWNER)
    }

    /// Write-locks if unlocked, with one compare-and-swap (or, while the
    /// caller is the only thread, a plain load and store).
    #[inline]
    pub fn try_write(&self, me: u32) -> bool {
        if thread::single_threaded() {
            if self.state.load(Ordering::Acquire) != 0 {
                return false;
            }
            self.state.store(WRLOCKED | me, Ordering::Release);
            return true;
        }
        self.state.compare_exchange(0, WRLOCKED | me, Ordering::Acquire, Ordering::Relaxed).is_ok()
    }

    /// Write-locks, sleeping until the lock is free or `timeout` passes
    /// (TIMEDOUT). Relocking one's own lock is EDEADLK.
    pub fn write(&self, me: u32, timeout: Option<Timeout>) -> Result<(), Errno> {
        if self.try_write(me) {
            return Ok(());
        }
        if self.writer() == Some(me) {
            return Err(errno::DEADLK);
        }
        match sys::lock_wait(&self.state, true, self.scope(), timeout)? {
            true => Ok(()),
            false => Err(errno::TIMEDOUT),
        }
    }

    /// Releases a write lock held by `me` (EPERM otherwise).
    #[inline]
    pub fn unlock_write(&self, me: u32) -> Result<(), Errno> {
        if thread::single_threaded() {
            if self.state.load(Ordering::Acquire) == WRLOCKED | me {
                self.state.store(0, Ordering::Release);
                return Ok(());
            }
        } else if self.state.compare_exchange(WRLOCKED | me, 0, Ordering::Release, Ordering::Relaxed).is_ok() {
            return Ok(());
        }
        if self.writer() != Some(me) {
            return Err(errno::PERM);
        }
        sys::lock_unlock(&self.state, self.scope())
    }

    /// Read-locks without sleeping; BUSY when that is not possible.
    pub fn try_read(&self) -> Result<(), Errno> {
        // SAFETY: the calling thread's own block.
        let holds_reads = unsafe { (*thread::local()).rdlocks } > 0;
        loop {
            let w = self.state.load(Ordering::Relaxed);
            if w & WRLOCKED != 0 || (w & KERNEL_MANAGED != 0 && !holds_reads) {
                return Err(errno::BUSY);
            }
            if w & OWNER == OWNER {
                return Err(errno::AGAIN);
            }
            if self.state.compare_exchange_weak(w, w + 1, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                // SAFETY: as above.
                unsafe { (*thread::local()).rdlocks += 1 };
                return Ok(());
            }
        }
    }

    /// Read-locks, sleeping while writers hold or wait for the lock.
    pub fn read(&self, me: u32, timeout: Option<Timeout>) -> Result<(), Errno> {
        match self.try_read() {
            Err(errno::BUSY) => {}
            r => return r,
        }
        if self.writer() == Some(me) {
            return Err(errno::DEADLK);
        }
        if !sys::lock_wait(&self.state, false, self.scope(), timeout)? {
            return Err(errno::TIMEDOUT);
        }
        // SAFETY: the calling thread's own block.
        unsafe { (*thread::local()).rdlocks += 1 };
        Ok(())
    }

    /// Releases one read lock (EPERM if the lock is not read-locked). The
    /// last reader of a lock with sleepers takes the write lock for a
    /// moment, as `lock_unlock` requires, and lets the kernel unlock.
    pub fn unlock_read(&self, me: u32) -> Result<(), Errno> {
        loop {
            let w = self.state.load(Ordering::Relaxed);
            if w & WRLOCKED != 0 || w & OWNER == 0 {
                return Err(errno::PERM);
            }
            let last_managed = w == (KERNEL_MANAGED | 1);
            let next = if last_managed { KERNEL_MANAGED | WRLOCKED | me } else { w - 1 };
            if self.state.compare_exchange_weak(w, next, Ordering::Release, Ordering::Relaxed).is_ok() {
                // SAFETY: the calling thread's own block.
                unsafe { (*thread::local()).rdlocks = (*thread::local()).rdlocks.saturating_sub(1) };
                return if last_managed { sys::lock_unlock(&self.state, self.scope()) } else { Ok(()) };
            }
        }
    }
}
