//! A few recently freed large mappings, kept for reuse.
//!
//! Mapping a large block and faulting its pages in costs far more than
//! filling it, and programs often free a large buffer and soon want
//! another (or grow one buffer the same way again and again). So `free`
//! keeps the newest freed mappings, at most `SLOTS` of them holding at
//! most `BUDGET` read-write bytes in all; the oldest are unmapped when a
//! newer one needs the room, and a mapping larger than the budget is
//! unmapped at once. What the cache holds stays bounded, and every other
//! large free goes back to the system.

use crate::sync::{SpinGuard, SpinLock};
use crate::sys;

/// Mappings kept at most.
pub const SLOTS: usize = 4;
/// Read-write bytes kept at most, in all.
pub const BUDGET: usize = 4 << 20;

/// A whole mapping: `len` read-write bytes from `base`, then no-access
/// pages up to `reserved` bytes.
#[derive(Clone, Copy)]
pub struct Mapping {
    pub base: *mut u8,
    pub len: usize,
    pub reserved: usize,
}

const NONE: Mapping = Mapping { base: core::ptr::null_mut(), len: 0, reserved: 0 };

pub struct Spares {
    /// The first `count` are kept, oldest first.
    held: [Mapping; SLOTS],
    count: usize,
    /// Read-write bytes of the kept mappings.
    bytes: usize,
}

// SAFETY: the mappings are owned by the cache, and only handed out under
// its lock.
unsafe impl Send for Spares {}

static SPARES: SpinLock<Spares> = SpinLock::new(Spares::new());

/// Locks the cache.
pub fn lock() -> SpinGuard<'static, Spares> {
    SPARES.lock()
}

impl Spares {
    pub const fn new() -> Self {
        Spares { held: [NONE; SLOTS], count: 0, bytes: 0 }
    }

    fn remove(&mut self, i: usize) -> Mapping {
        let m = self.held[i];
        for j in i..self.count - 1 {
            self.held[j] = self.held[j + 1];
        }
        self.count -= 1;
        self.bytes -= m.len;
        m
    }

    /// Takes the newest mapping whose read-write part holds `len` bytes
    /// and, unless the block is `growing` into it, at most twice that.
    pub fn take(&mut self, len: usize, growing: bool) -> Option<Mapping> {
        let fits = |m: &Mapping| m.len >= len && (growing || m.len / 2 <= len);
        let i = self.held[..self.count].iter().rposition(fits)?;
        Some(self.remove(i))
    }

    /// Keeps `m`, returning the mappings that no longer fit (`m` itself
    /// when it exceeds the budget), oldest first.
    pub fn keep(&mut self, m: Mapping) -> ([Mapping; SLOTS], usize) {
        let mut out = [NONE; SLOTS];
        if m.len > BUDGET {
            out[0] = m;
            return (out, 1);
        }
        let mut n = 0;
        while self.count == SLOTS || self.bytes + m.len > BUDGET {
            out[n] = self.remove(0);
            n += 1;
        }
        self.held[self.count] = m;
        self.count += 1;
        self.bytes += m.len;
        (out, n)
    }
}

/// Takes a kept mapping for a block of `len` read-write bytes (see
/// `Spares::take`).
pub fn take(len: usize, growing: bool) -> Option<Mapping> {
    lock().take(len, growing)
}

/// Keeps the freed mapping `m`, unmapping what the cache cannot hold.
///
/// # Safety
/// `m` must be a whole mapping that nobody uses any more.
pub unsafe fn give(m: Mapping) {
    let (out, n) = lock().keep(m);
    for old in &out[..n] {
        // SAFETY: the caller's contract; a mapping leaves the cache once.
        let _ = unsafe { sys::mem_unmap(old.base, old.reserved) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(base: usize, len: usize) -> Mapping {
        Mapping { base: base as *mut u8, len, reserved: len * 2 }
    }

    fn bases(out: &[Mapping]) -> Vec<usize> {
        out.iter().map(|m| m.base as usize).collect()
    }

    #[test]
    fn keeps_the_newest_within_the_slots_and_the_budget() {
        let mut s = Spares::new();
        for i in 1..=SLOTS {
            assert_eq!(s.keep(m(i, 4096)).1, 0);
        }
        let (out, n) = s.keep(m(9, 4096));
        assert_eq!(bases(&out[..n]), [1]);
        let (out, n) = s.keep(m(10, BUDGET - 8192));
        assert_eq!(bases(&out[..n]), [2, 3]);
        assert_eq!(s.bytes, BUDGET);
        let (out, n) = s.keep(m(11, BUDGET + 1));
        assert_eq!(bases(&out[..n]), [11]);
        assert_eq!(s.count, 3);
    }

    #[test]
    fn takes_the_newest_that_fits_without_wasting_more_than_half() {
        let mut s = Spares::new();
        for (base, len) in [(1, 40_960), (2, 409_600), (3, 81_920), (4, 16_384)] {
            s.keep(m(base, len));
        }
        assert_eq!(s.take(40_960, false).map(|m| m.base as usize), Some(3));
        assert!(s.take(409_601, true).is_none());
        assert!(s.take(100_000, false).is_none());
        assert_eq!(s.take(100_000, true).map(|m| (m.base as usize, m.reserved)), Some((2, 819_200)));
        assert_eq!((s.count, s.bytes), (2, 40_960 + 16_384));
    }
}
