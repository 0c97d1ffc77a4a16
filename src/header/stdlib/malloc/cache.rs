//! Each thread's cache of free class blocks, in thread-local storage: the
//! common `malloc` and `free` touch only it, with no lock and no atomic
//! instruction.
//!
//! Per class the cache holds two lists: `loaded`, which `malloc` pops and
//! `free` pushes, and `spare`, a full batch or nothing. When `loaded` is
//! full, `free` makes it the spare (handing the old spare to the pool);
//! when it is empty, `malloc` takes the spare or a batch from the pool. So
//! a thread that frees and allocates around a batch boundary does not
//! bounce blocks to the pool and back, and every transfer is O(1) under
//! the pool's lock. A block freed by another thread than the one that
//! allocated it simply joins the freeing thread's cache. A thread hands
//! its whole cache to the pool when it exits.

use super::class::{self, NCLASSES};
use super::pool::{self, link, Batch};
use crate::errno::Errno;

#[repr(C)]
struct Bin {
    loaded: *mut u8,
    spare: *mut u8,
    /// Blocks on `loaded`; `spare` always holds `class::batch` blocks.
    count: u32,
}

#[repr(C)]
pub struct Cache {
    bins: [Bin; NCLASSES],
}

#[cfg(not(test))]
core::arch::global_asm!(
    ".pushsection .tbss,\"awT\",@nobits",
    ".globl __cloudlibc_malloc_cache",
    ".hidden __cloudlibc_malloc_cache",
    ".type __cloudlibc_malloc_cache, @object",
    ".size __cloudlibc_malloc_cache, {size}",
    ".p2align 3",
    "__cloudlibc_malloc_cache:",
    ".zero {size}",
    ".popsection",
    size = const core::mem::size_of::<Cache>(),
);

/// The calling thread's cache (all zero, that is empty, in a new thread).
#[cfg(not(test))]
#[inline(always)]
fn cache() -> *mut Cache {
    crate::tls_address!("__cloudlibc_malloc_cache").cast()
}

#[cfg(test)]
fn cache() -> *mut Cache {
    use core::cell::UnsafeCell;
    const EMPTY: Bin = Bin { loaded: core::ptr::null_mut(), spare: core::ptr::null_mut(), count: 0 };
    std::thread_local!(static CACHE: UnsafeCell<Cache> = const { UnsafeCell::new(Cache { bins: [EMPTY; NCLASSES] }) });
    CACHE.with(|c| c.get())
}

/// The calling thread's bin for class `c`.
#[inline(always)]
fn bin(c: usize) -> *mut Bin {
    // SAFETY: `c < NCLASSES` (callers use class indices); the cache is
    // this thread's own.
    unsafe { core::ptr::addr_of_mut!((*cache()).bins[c]) }
}

/// Takes a free block of class `c`; its header is left as it was (fresh
/// or freed) for the caller to inspect and overwrite.
#[inline(always)]
pub fn take(c: usize) -> Result<*mut u8, Errno> {
    let b = bin(c);
    // SAFETY: only this thread touches its bins; blocks on `loaded` are
    // free and owned by the cache, their first word the next one.
    unsafe {
        let user = (*b).loaded;
        if user.is_null() {
            return refill(c);
        }
        (*b).loaded = *link(user, 0);
        (*b).count -= 1;
        Ok(user)
    }
}

/// `take` on an empty `loaded` list: refills it with the spare, else a
/// batch from the pool, else blocks newly carved from a region.
#[cold]
fn refill(c: usize) -> Result<*mut u8, Errno> {
    let b = bin(c);
    // SAFETY: only this thread touches its bins.
    unsafe {
        if !(*b).spare.is_null() {
            (*b).loaded = (*b).spare;
            (*b).spare = core::ptr::null_mut();
            (*b).count = class::batch(c);
        } else {
            let mut p = pool::lock();
            let batch = match p.pop(c) {
                Some(batch) => batch,
                None => {
                    let carved = p.carve(c)?;
                    drop(p);
                    // SAFETY: the carved blocks are now this thread's.
                    carved.into_batch()
                }
            };
            (*b).loaded = batch.head;
            (*b).count = batch.count;
        }
    }
    take(c)
}

/// Gives the free block `user` of class `c` to the calling thread's cache.
///
/// # Safety
/// `user` must be a class-`c` block that nobody uses any more.
#[inline(always)]
pub unsafe fn give(c: usize, user: *mut u8) {
    let b = bin(c);
    // SAFETY: only this thread touches its bins; the caller gives up the
    // block, so its first word may link the list.
    unsafe {
        if (*b).count >= class::batch(c) {
            return give_to_full(c, user);
        }
        *link(user, 0) = (*b).loaded;
        (*b).loaded = user;
        (*b).count += 1;
    }
}

/// `give` when `loaded` is full: it becomes the spare, the old spare goes
/// to the pool, and `user` starts a new `loaded` list.
///
/// # Safety
/// As for `give`.
#[cold]
unsafe fn give_to_full(c: usize, user: *mut u8) {
    let b = bin(c);
    // SAFETY: only this thread touches its bins; the spare is a full batch
    // the cache owns; the caller gives up `user`.
    unsafe {
        if !(*b).spare.is_null() {
            pool::lock().push(c, Batch { head: (*b).spare, count: class::batch(c) });
        }
        (*b).spare = (*b).loaded;
        *link(user, 0) = core::ptr::null_mut();
        (*b).loaded = user;
        (*b).count = 1;
    }
}

/// Hands every block in the calling thread's cache to the pool (at thread
/// exit, so that other threads can use them).
pub fn flush() {
    let mut p = pool::lock();
    for c in 0..NCLASSES {
        let b = bin(c);
        // SAFETY: only this thread touches its bins; their lists are whole
        // batches the cache owns, given up here.
        unsafe {
            if !(*b).loaded.is_null() {
                p.push(c, Batch { head: (*b).loaded, count: (*b).count });
            }
            if !(*b).spare.is_null() {
                p.push(c, Batch { head: (*b).spare, count: class::batch(c) });
            }
            b.write(Bin { loaded: core::ptr::null_mut(), spare: core::ptr::null_mut(), count: 0 });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A class the tests own alone (no other test allocates 2561 to 3072
    /// bytes), so the pool's batches of it are predictable; the next class
    /// is the other test's.
    const C: usize = 25;

    fn lists() -> (usize, usize, u32) {
        let b = bin(C);
        let len = |mut u: *mut u8| {
            let mut n = 0;
            while !u.is_null() {
                // SAFETY: the cache's own free blocks.
                u = unsafe { *link(u, 0) };
                n += 1;
            }
            n
        };
        // SAFETY: this thread's bin.
        unsafe { (len((*b).loaded), len((*b).spare), (*b).count) }
    }

    #[test]
    fn frees_fill_loaded_then_spare_and_flush_empties_both() {
        assert_eq!(class::size(C), 3072);
        let n = class::batch(C) as usize;
        let blocks: std::vec::Vec<*mut u8> = (0..2 * n + 1).map(|_| take(C).unwrap()).collect();
        flush();
        assert_eq!(lists(), (0, 0, 0));
        for (i, &u) in blocks.iter().enumerate() {
            // SAFETY: blocks taken above, given back once.
            unsafe { give(C, u) };
            let k = i + 1;
            let want = if k <= n { (k, 0) } else if k <= 2 * n { (k - n, n) } else { (k - 2 * n, n) };
            let (loaded, spare, count) = lists();
            assert_eq!((loaded, spare), want, "after {k} frees");
            assert_eq!(count as usize, loaded);
        }
        // The third batch pushed the first one to the pool.
        flush();
        assert_eq!(lists(), (0, 0, 0));
        let mut again: std::vec::Vec<*mut u8> = (0..2 * n + 1).map(|_| take(C).unwrap()).collect();
        let mut orig = blocks.clone();
        again.sort();
        orig.sort();
        assert_eq!(again, orig, "the flushed blocks come back from the pool");
        for &u in &again {
            // SAFETY: as above.
            unsafe { give(C, u) };
        }
        flush();
    }

    #[test]
    fn a_thread_that_exits_leaves_its_blocks_to_others() {
        let c = C + 1;
        let got = std::thread::spawn(move || {
            let u = take(c).unwrap();
            // SAFETY: taken above.
            unsafe { give(c, u) };
            flush();
            u as usize
        })
        .join()
        .unwrap();
        let mine = take(c).unwrap();
        assert_eq!(mine as usize, got);
        // SAFETY: taken above.
        unsafe { give(c, mine) };
        flush();
    }
}
