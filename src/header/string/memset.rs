//! memset, explicit_bzero.
//!
//! The same shape as memcpy: up to 64 bytes, overlapping SSE2 or integer
//! stores in the exported function itself; beyond, the widest vectors the
//! CPU has: overlapping stores for up to 8 vectors, a loop of aligned
//! four-vector blocks, and `rep stosb` from `REP_STOSB_MIN` bytes. The
//! loop's stores are volatile (see `Vector::store`), so LLVM cannot turn it
//! back into a call to memset.

use super::vector::{dispatch, opaque, Sse2, Vector};
use crate::abi::{c_int, c_void, size_t};
use core::ptr::write_unaligned;

/// From this size on, memset uses `rep stosb`. Below it the vector loop
/// is faster even on cores with fast short `rep` strings (at 4 KiB by a
/// tenth with 64-byte stores, on a Sapphire Rapids core).
const REP_STOSB_MIN: usize = 8192;

/// Fills `n <= 64` bytes with `c`.
///
/// # Safety
/// `d[0..n]` writable.
#[inline(always)]
unsafe fn fill_small(d: *mut u8, c: u8, n: usize) {
    let x = u64::from(c) * 0x0101_0101_0101_0101;
    // SAFETY: every store lies within the first `n` bytes of `d`.
    unsafe {
        if n >= 16 {
            let v = Sse2::splat(c);
            Sse2::storeu(d, v);
            Sse2::storeu(d.add(n - 16), v);
            if n > 32 {
                Sse2::storeu(d.add(16), v);
                Sse2::storeu(d.add(n - 32), v);
            }
        } else if n >= 8 {
            write_unaligned(d.cast::<u64>(), x);
            write_unaligned(d.add(n - 8).cast::<u64>(), x);
        } else if n >= 4 {
            write_unaligned(d.cast::<u32>(), x as u32);
            write_unaligned(d.add(n - 4).cast::<u32>(), x as u32);
        } else if n >= 2 {
            write_unaligned(d.cast::<u16>(), x as u16);
            write_unaligned(d.add(n - 2).cast::<u16>(), x as u16);
        } else if n == 1 {
            *d = c;
        }
    }
}

/// Fills `n > 64` bytes with `c`; returns `d`.
///
/// # Safety
/// `d[0..n]` writable; the CPU supports `V`.
#[inline(always)]
unsafe fn fill_large<V: Vector>(d: *mut u8, c: u8, n: usize) -> *mut u8 {
    let w = V::W;
    // SAFETY: every store lies within `d[0..n]`: runs start at 0 or end at
    // `n` and are no longer than `n`; the loop's blocks are aligned and end
    // before `n`; `rep stosb` writes exactly `n` bytes.
    unsafe {
        let v = V::splat(c);
        let stores = |from: usize, k: usize| {
            for i in 0..k {
                V::storeu(d.add(from + i * w), v);
            }
        };
        if n <= 2 * w {
            stores(0, 1);
            stores(n - w, 1);
        } else if n <= 4 * w {
            stores(0, 2);
            stores(n - 2 * w, 2);
        } else if n <= 8 * w {
            stores(0, 4);
            stores(n - 4 * w, 4);
        } else if n < REP_STOSB_MIN {
            stores(0, 1);
            let mut i = w - (d as usize & (w - 1));
            while n - i > 4 * w {
                for k in 0..4 {
                    V::store(d.add(i + k * w), v);
                }
                i += 4 * w;
            }
            stores(n - 4 * w, 4);
        } else {
            core::arch::asm!(
                "rep stosb",
                inout("rcx") n => _, inout("rdi") d => _, in("al") c,
                options(nostack, preserves_flags),
            );
        }
    }
    opaque(d)
}

dispatch! {
    wide
    /// [`fill_large`] for the CPU at hand.
    unsafe fn fill_large_any(d: *mut u8, c: u8, n: usize) -> *mut u8 = fill_large;
}

/// Fills `n` bytes with `c`; returns `d`. For the other string functions
/// too, which must not call the C names (see `strlen::length`).
///
/// # Safety
/// `d[0..n]` writable.
#[inline(always)]
pub(super) unsafe fn fill(d: *mut u8, c: u8, n: usize) -> *mut u8 {
    // SAFETY: forwarded contract.
    unsafe {
        if n <= 64 {
            fill_small(d, c, n);
            d
        } else {
            fill_large_any(d, c, n)
        }
    }
}

/// C11 `memset`: fills `n` bytes with `(unsigned char)c`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut c_void, c: c_int, n: size_t) -> *mut c_void {
    // SAFETY: the C contract makes `dst` writable for `n` bytes.
    unsafe { fill(dst.cast(), c as u8, n).cast() }
}

/// `explicit_bzero` (compat, glibc/BSD): zeroes `n` bytes in a way the
/// compiler may not remove even if the memory is never read again.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn explicit_bzero(dst: *mut c_void, n: size_t) {
    // SAFETY: the C contract makes `dst` writable for `n` bytes.
    unsafe { fill(dst.cast(), 0, n) };
    // The zeroes must count as observed: a compiler barrier that claims to
    // read the memory keeps the stores above from being dropped when this
    // call is inlined (LTO) into a function that frees the memory next.
    // SAFETY: an empty asm statement with the pointer as input.
    unsafe { core::arch::asm!("/* {0} */", in(reg) dst, options(nostack, preserves_flags, readonly)) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::string::testing::{each_width, lengths, ALIGNS};

    fn fills_with(n: usize, buf: &mut [u8], fill: impl Fn(*mut u8, u8, usize) -> *mut u8) {
        for a in ALIGNS {
            buf.fill(0);
            let d = buf[64 + a..].as_mut_ptr();
            assert_eq!(fill(d, 0xa5, n), d);
            assert!(buf[64 + a..64 + a + n].iter().all(|&b| b == 0xa5), "n {n} +{a}");
            assert!(buf[..64 + a].iter().chain(&buf[64 + a + n..]).all(|&b| b == 0), "n {n}: wrote outside");
        }
    }

    #[test]
    fn small_fills() {
        let mut buf = vec![0; 256];
        for n in 0..=64 {
            // SAFETY: the range lies inside `buf`.
            fills_with(n, &mut buf, |d, c, n| {
                unsafe { fill_small(d, c, n) };
                d
            });
        }
    }

    fn large<V: Vector>() {
        let mut buf = vec![0; 10_000];
        for n in lengths().filter(|&n| n > 64) {
            // SAFETY: the range lies inside `buf`; `each_width` runs only
            // widths the CPU supports.
            fills_with(n, &mut buf, |d, c, n| unsafe { fill_large::<V>(d, c, n) });
        }
    }

    #[test]
    fn large_fills_at_every_width() {
        each_width!(large);
    }
}
