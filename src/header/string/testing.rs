//! Test support: running a generic body once per vector width the CPU
//! allows, memory that ends at an inaccessible page, and random bytes.

use crate::sys;
use cloudabi::{mflags, mprot, MAP_ANON_FD};

/// The widest vectors usable here: 0 SSE2, 1 AVX2, 2 AVX-512.
pub fn level() -> u8 {
    super::vector::probe()
}

/// Runs `$check::<V>()` for each `Bytes` width the CPU supports.
macro_rules! each_bytes_width {
    ($check:ident) => {{
        $check::<$crate::header::string::vector::Sse2>();
        if $crate::header::string::testing::level() >= 1 {
            $check::<$crate::header::string::vector::Avx2>();
        }
    }};
}
pub(super) use each_bytes_width;

/// Runs `$check::<V>()` for each `Vector` width the CPU supports.
macro_rules! each_width {
    ($check:ident) => {{
        $crate::header::string::testing::each_bytes_width!($check);
        if $crate::header::string::testing::level() >= 2 {
            $check::<$crate::header::string::vector::Avx512>();
        }
    }};
}
pub(super) use each_width;

const PAGE: usize = 4096;

/// Two pages, the second inaccessible: bytes placed to end at `end()`
/// are followed by memory whose reading faults.
pub struct Guarded(*mut u8);

impl Guarded {
    pub fn new() -> Guarded {
        let p = sys::mem_map(core::ptr::null_mut(), 2 * PAGE, mprot::READ | mprot::WRITE, mflags::ANON | mflags::PRIVATE, MAP_ANON_FD, 0)
            .expect("mem_map");
        // SAFETY: the second page is ours and nothing refers to it.
        unsafe { sys::mem_protect(p.add(PAGE), PAGE, mprot::empty()) }.expect("mem_protect");
        Guarded(p)
    }

    /// The first inaccessible byte.
    pub fn end(&self) -> *mut u8 {
        self.0.wrapping_add(PAGE)
    }

    /// Copies `bytes` so that they end at `end()`, and returns their start.
    pub fn place(&self, bytes: &[u8]) -> *mut u8 {
        let p = self.end().wrapping_sub(bytes.len());
        // SAFETY: the range lies in the accessible page.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len()) };
        p
    }
}

impl Drop for Guarded {
    fn drop(&mut self) {
        // SAFETY: the mapping is ours and no longer used.
        unsafe { sys::mem_unmap(self.0, 2 * PAGE) }.expect("mem_unmap");
    }
}

/// A small deterministic generator (xorshift64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// `n` bytes, none of them zero.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| 1 + (self.next() % 255) as u8).collect()
    }
}

/// Lengths that reach every size class and loop shape of the widest
/// vectors: all up to 300, then around the 8-vector, loop and `rep`
/// thresholds.
pub fn lengths() -> impl Iterator<Item = usize> {
    (0..=300).chain([383, 384, 385, 511, 512, 513, 640, 1000, 2047, 2048, 2049, 4095, 4100, 9000])
}

/// Alignments that cover aligned, odd and vector-straddling starts.
pub const ALIGNS: [usize; 8] = [0, 1, 7, 15, 16, 31, 33, 63];
