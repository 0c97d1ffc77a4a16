//! The per-stream recursive lock, and flockfile, ftrylockfile, funlockfile.
//!
//! The owner is identified by the thread pointer (`%fs:0`), which is unique
//! per live thread, so taking a lock the thread already holds needs no atomic
//! read-modify-write. Contention spins briefly, then yields to the kernel.

use super::file::FILE;
use crate::abi::c_int;
use crate::sys;
use core::cell::Cell;
use core::sync::atomic::{AtomicUsize, Ordering};

pub struct RecLock {
    owner: AtomicUsize,
    /// Only touched by the owner.
    depth: Cell<u32>,
}

// SAFETY: `owner` is atomic; `depth` is only read or written by the thread
// that owns the lock.
unsafe impl Sync for RecLock {}

/// The calling thread's identity: its thread pointer.
#[inline(always)]
fn current_thread() -> usize {
    crate::start::tls::thread_pointer()
}

impl RecLock {
    pub const fn new() -> RecLock {
        RecLock { owner: AtomicUsize::new(0), depth: Cell::new(0) }
    }

    #[inline]
    pub fn lock(&self) {
        let me = current_thread();
        if self.owner.load(Ordering::Relaxed) == me {
            self.depth.set(self.depth.get() + 1);
            return;
        }
        let mut spins = 0u32;
        while self.owner.compare_exchange_weak(0, me, Ordering::Acquire, Ordering::Relaxed).is_err() {
            spins += 1;
            if spins > 100 {
                let _ = sys::thread_yield();
                spins = 0;
            } else {
                core::hint::spin_loop();
            }
        }
        self.depth.set(1);
    }

    /// Takes the lock unless another thread holds it.
    pub fn try_lock(&self) -> bool {
        let me = current_thread();
        if self.owner.load(Ordering::Relaxed) == me {
            self.depth.set(self.depth.get() + 1);
            return true;
        }
        if self.owner.compare_exchange(0, me, Ordering::Acquire, Ordering::Relaxed).is_ok() {
            self.depth.set(1);
            return true;
        }
        false
    }

    /// Releases one level; the caller must hold the lock.
    #[inline]
    pub fn unlock(&self) {
        let d = self.depth.get() - 1;
        self.depth.set(d);
        if d == 0 {
            self.owner.store(0, Ordering::Release);
        }
    }
}

/// POSIX `flockfile`: takes the stream's lock (recursively).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn flockfile(f: *mut FILE) {
    // SAFETY: C passes a live stream.
    unsafe { (*f).lock.lock() }
}

/// POSIX `ftrylockfile`: takes the lock if free or already ours; 0 on success.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ftrylockfile(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream.
    if unsafe { (*f).lock.try_lock() } {
        0
    } else {
        -1
    }
}

/// POSIX `funlockfile`: releases one level of the stream's lock.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn funlockfile(f: *mut FILE) {
    // SAFETY: C passes a live stream whose lock the caller holds.
    unsafe { (*f).lock.unlock() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recursive_and_try() {
        let l = RecLock::new();
        l.lock();
        l.lock();
        assert!(l.try_lock());
        l.unlock();
        l.unlock();
        l.unlock();
        assert_eq!(l.owner.load(Ordering::Relaxed), 0);
        std::thread::scope(|s| {
            l.lock();
            let held = s.spawn(|| l.try_lock()).join().unwrap();
            assert!(!held);
            l.unlock();
            let free = s.spawn(|| {
                let ok = l.try_lock();
                l.unlock();
                ok
            });
            assert!(free.join().unwrap());
        });
    }
}
