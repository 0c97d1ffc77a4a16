//! The shared pool behind the threads' caches: size-class blocks carved
//! from 4 MiB regions, and per class a stack of batches of free blocks.
//!
//! Blocks move between a thread and the pool a batch at a time, so the
//! lock is taken once per batch, and pushing or popping a batch is O(1)
//! under it: a batch is a list linked through the first word of each free
//! block; its first block links the next batch through its second word
//! and keeps the batch's length in its header's `size` (a free block's
//! header otherwise only needs its state). Class memory is never unmapped:
//! a freed medium block is reused, never mapped again.

use super::block::{header, HEADER};
use super::class::{self, NCLASSES};
use crate::errno::Errno;
use crate::sync::{SpinGuard, SpinLock};
use crate::sys;
use cloudabi::errno;

/// Bytes mapped at a time for class blocks.
pub const REGION: usize = 4 * 1024 * 1024;

/// A list of `count` free blocks of one class, linked through their first
/// word and ending in null.
pub struct Batch {
    pub head: *mut u8,
    pub count: u32,
}

/// Blocks carved from a region and not linked yet: `count` blocks of
/// `stride` bytes from `start` (header first).
pub struct Carved {
    start: *mut u8,
    count: u32,
    stride: usize,
}

pub struct Pool {
    /// Per class, the first block of the first batch, or null.
    batches: [*mut u8; NCLASSES],
    /// The unused part of the newest region.
    bump: *mut u8,
    end: *mut u8,
}

// SAFETY: the raw pointers are only followed under the pool's lock, or by
// the thread that took the blocks out of the pool.
unsafe impl Send for Pool {}

static POOL: SpinLock<Pool> = SpinLock::new(Pool {
    batches: [core::ptr::null_mut(); NCLASSES],
    bump: core::ptr::null_mut(),
    end: core::ptr::null_mut(),
});

/// Locks the pool.
#[inline]
pub fn lock() -> SpinGuard<'static, Pool> {
    POOL.lock()
}

/// The word at `user + i * 8` of a free block.
///
/// # Safety
/// `user` must be a free class block (at least 16 usable bytes) that the
/// caller owns.
#[inline(always)]
pub unsafe fn link(user: *mut u8, i: usize) -> *mut *mut u8 {
    user.cast::<*mut u8>().wrapping_add(i)
}

impl Pool {
    /// Adds a batch of class `c`.
    ///
    /// # Safety
    /// `b` must list `b.count` free blocks of class `c` that the caller
    /// owns and gives up.
    pub unsafe fn push(&mut self, c: usize, b: Batch) {
        // SAFETY: the caller's contract: the first block is ours to write.
        unsafe {
            (*header(b.head)).size = b.count as usize;
            *link(b.head, 1) = self.batches[c];
        }
        self.batches[c] = b.head;
    }

    /// Takes a batch of class `c`, if the pool holds one.
    pub fn pop(&mut self, c: usize) -> Option<Batch> {
        let head = self.batches[c];
        if head.is_null() {
            return None;
        }
        // SAFETY: pushed batches stay intact while in the pool, which the
        // lock (held through `&mut self`) protects.
        unsafe {
            self.batches[c] = *link(head, 1);
            Some(Batch { head, count: (*header(head)).size as u32 })
        }
    }

    /// Reserves up to one batch of new blocks of class `c`, mapping a new
    /// region when the current one has no room for a single block.
    pub fn carve(&mut self, c: usize) -> Result<Carved, Errno> {
        let stride = HEADER + class::size(c);
        let mut room = (self.end as usize - self.bump as usize) / stride;
        if room == 0 {
            self.recycle_tail();
            let r = sys::mem_map_anon(REGION).map_err(|_| errno::NOMEM)?;
            self.bump = r;
            self.end = r.wrapping_add(REGION);
            room = REGION / stride;
        }
        let count = room.min(class::batch(c) as usize);
        let start = self.bump;
        self.bump = start.wrapping_add(count * stride);
        Ok(Carved { start, count: count as u32, stride })
    }

    /// Turns what is left of the current region into blocks of the largest
    /// classes that fit, one-block batches in the pool, so a region
    /// wastes less than the smallest block.
    fn recycle_tail(&mut self) {
        loop {
            let rest = self.end as usize - self.bump as usize;
            if rest < HEADER + class::size(0) {
                return;
            }
            let c = class::of(rest - HEADER + 1) - 1;
            let user = self.bump.wrapping_add(HEADER);
            self.bump = user.wrapping_add(class::size(c));
            // SAFETY: the block lies in the region's unused part, which only
            // the pool (locked) owns; its memory is still zero, so it stays
            // fresh.
            unsafe {
                *link(user, 0) = core::ptr::null_mut();
                self.push(c, Batch { head: user, count: 1 });
            }
        }
    }
}

impl Carved {
    /// Links the carved blocks into a batch.
    ///
    /// # Safety
    /// The blocks must be freshly carved and owned by the caller.
    pub unsafe fn into_batch(self) -> Batch {
        let head = self.start.wrapping_add(HEADER);
        let mut user = head;
        for _ in 1..self.count {
            let next = user.wrapping_add(self.stride);
            // SAFETY: every carved block belongs to the caller.
            unsafe { *link(user, 0) = next };
            user = next;
        }
        // SAFETY: as above.
        unsafe { *link(user, 0) = core::ptr::null_mut() };
        Batch { head, count: self.count }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carved_batches_are_disjoint_aligned_and_fresh() {
        let c = class::of(100);
        let stride = HEADER + class::size(c);
        let b = {
            let mut p = lock();
            let carved = p.carve(c).unwrap();
            drop(p);
            // SAFETY: just carved, ours.
            unsafe { carved.into_batch() }
        };
        assert_eq!(b.count, class::batch(c));
        let mut u = b.head;
        let mut n = 0;
        while !u.is_null() {
            assert_eq!(u as usize % 16, 0);
            // SAFETY: blocks of the batch we own.
            unsafe {
                assert_eq!((*header(u)).state, super::super::block::FRESH);
                let next = *link(u, 0);
                if !next.is_null() {
                    assert_eq!(next as usize - u as usize, stride);
                }
                u = next;
            }
            n += 1;
        }
        assert_eq!(n, b.count);
    }

    #[test]
    fn batches_come_back_last_in_first_out() {
        let c = NCLASSES - 2;
        let mut p = lock();
        let a = p.carve(c).unwrap();
        let b = p.carve(c).unwrap();
        // SAFETY: carved under the lock we hold, ours.
        let (a, b) = unsafe { (a.into_batch(), b.into_batch()) };
        let (ha, hb) = (a.head, b.head);
        // SAFETY: the batches are ours to give.
        unsafe {
            p.push(c, a);
            p.push(c, b);
        }
        let first = p.pop(c).unwrap();
        let second = p.pop(c).unwrap();
        assert_eq!((first.head, first.count), (hb, 1));
        assert_eq!((second.head, second.count), (ha, 1));
    }

    #[test]
    fn a_region_tail_becomes_blocks_of_smaller_classes() {
        let mut p = Pool { batches: [core::ptr::null_mut(); NCLASSES], bump: core::ptr::null_mut(), end: core::ptr::null_mut() };
        let r = sys::mem_map_anon(REGION).unwrap();
        p.bump = r;
        p.end = r.wrapping_add(16 + 896 + 16 + 96 + 4);
        p.recycle_tail();
        // The first 912 bytes hold a block of 896, the next 112 one of 96
        // (the largest that fits), the last 4 bytes nothing.
        let big = p.pop(class::of(896)).unwrap();
        assert_eq!((big.head, big.count), (r.wrapping_add(16), 1));
        let next = p.pop(class::of(96)).unwrap();
        assert_eq!(next.head, r.wrapping_add(16 + 896 + 16));
        assert_eq!(p.end as usize - p.bump as usize, 4);
        assert!(p.batches.iter().all(|b| b.is_null()));
        // SAFETY: the test's own mapping.
        unsafe { sys::mem_unmap(r, REGION).unwrap() };
    }
}
