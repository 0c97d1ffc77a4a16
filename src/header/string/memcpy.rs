//! memcpy, memmove, mempcpy, memccpy.
//!
//! Up to 8 vectors are copied by straight-line code that loads everything
//! before it stores anything: overlapping loads cover every length, and the
//! order makes these sizes correct for memmove too. Longer copies run a loop
//! of four-vector blocks with aligned stores; non-overlapping copies of
//! `REP_MOVSB_MIN` bytes or more use `rep movsb`, which cores with ERMS
//! (every x86_64 core of the last decade) run at full bandwidth.
//!
//! None of this can compile into a call to memcpy or memmove: the loops'
//! stores are volatile (see `Vector::store`), the rest is straight-line code
//! or inline assembly.

use super::memchr::find_byte;
use super::vector::{dispatch, opaque, Sse2, Vector};
use crate::abi::{c_int, c_void, size_t};
use core::ptr::{read_unaligned, write_unaligned};

/// From this size on, a non-overlapping copy uses `rep movsb`.
const REP_MOVSB_MIN: usize = 2048;

/// Copies `n <= 64` bytes, loading all before storing.
///
/// # Safety
/// `s[0..n]` readable, `d[0..n]` writable (they may overlap).
#[inline(always)]
unsafe fn copy_small(d: *mut u8, s: *const u8, n: usize) {
    // SAFETY: every access lies within the first `n` bytes of `s` or `d`.
    unsafe {
        if n > 32 {
            let (a, b) = (load_run::<Sse2, 2>(s, 0), load_run::<Sse2, 2>(s, n - 32));
            store_run(d, 0, a);
            store_run(d, n - 32, b);
        } else if n >= 16 {
            let (a, b) = (Sse2::loadu(s), Sse2::loadu(s.add(n - 16)));
            Sse2::storeu(d, a);
            Sse2::storeu(d.add(n - 16), b);
        } else if n >= 8 {
            let (a, b) = (read_unaligned(s.cast::<u64>()), read_unaligned(s.add(n - 8).cast::<u64>()));
            write_unaligned(d.cast::<u64>(), a);
            write_unaligned(d.add(n - 8).cast::<u64>(), b);
        } else if n >= 4 {
            let (a, b) = (read_unaligned(s.cast::<u32>()), read_unaligned(s.add(n - 4).cast::<u32>()));
            write_unaligned(d.cast::<u32>(), a);
            write_unaligned(d.add(n - 4).cast::<u32>(), b);
        } else if n >= 2 {
            let (a, b) = (read_unaligned(s.cast::<u16>()), read_unaligned(s.add(n - 2).cast::<u16>()));
            write_unaligned(d.cast::<u16>(), a);
            write_unaligned(d.add(n - 2).cast::<u16>(), b);
        } else if n == 1 {
            *d = *s;
        }
    }
}

/// Loads `K` vectors starting `at` bytes into `s`.
#[inline(always)]
unsafe fn load_run<V: Vector, const K: usize>(s: *const u8, at: usize) -> [V; K] {
    // SAFETY: forwarded contract: `s[at..at + K * W]` is readable.
    unsafe {
        let mut r = [V::loadu(s.add(at)); K];
        for (k, v) in r.iter_mut().enumerate().skip(1) {
            *v = V::loadu(s.add(at + k * V::W));
        }
        r
    }
}

/// Stores `K` vectors starting `at` bytes into `d`.
#[inline(always)]
unsafe fn store_run<V: Vector, const K: usize>(d: *mut u8, at: usize, v: [V; K]) {
    for (k, v) in v.into_iter().enumerate() {
        // SAFETY: forwarded contract: `d[at..at + K * W]` is writable.
        unsafe { V::storeu(d.add(at + k * V::W), v) };
    }
}

/// Copies `W < n <= 8 * W` bytes (and `64 < n`), loading all before storing.
///
/// # Safety
/// As for [`copy_small`], and the CPU supports `V`.
#[inline(always)]
unsafe fn copy_medium<V: Vector>(d: *mut u8, s: *const u8, n: usize) {
    let w = V::W;
    // SAFETY: each run starts at 0 or ends at `n`, and is no longer than `n`.
    unsafe {
        if n <= 2 * w {
            let (a, b) = (load_run::<V, 1>(s, 0), load_run::<V, 1>(s, n - w));
            store_run(d, 0, a);
            store_run(d, n - w, b);
        } else if n <= 4 * w {
            let (a, b) = (load_run::<V, 2>(s, 0), load_run::<V, 2>(s, n - 2 * w));
            store_run(d, 0, a);
            store_run(d, n - 2 * w, b);
        } else {
            let (a, b) = (load_run::<V, 4>(s, 0), load_run::<V, 4>(s, n - 4 * w));
            store_run(d, 0, a);
            store_run(d, n - 4 * w, b);
        }
    }
}

/// Copies `n > 4 * W` bytes front to back. Correct for overlapping objects
/// when `d` is below `s`: a block is loaded before it is stored, a store
/// only reaches source bytes already loaded, and the first and last bytes
/// are loaded before the loop and stored after it.
///
/// # Safety
/// As for [`copy_medium`].
#[inline(always)]
unsafe fn copy_forward<V: Vector>(d: *mut u8, s: *const u8, n: usize) {
    let w = V::W;
    // SAFETY: the head and tail runs lie within the first `n` bytes; the
    // loop's blocks end at most at `n`, and `d + i` is aligned to `W`.
    unsafe {
        let head = load_run::<V, 1>(s, 0);
        let tail = load_run::<V, 4>(s, n - 4 * w);
        let mut i = w - (d as usize & (w - 1));
        while n - i > 4 * w {
            let b = load_run::<V, 4>(s, i);
            for (k, v) in b.into_iter().enumerate() {
                V::store(d.add(i + k * w), v);
            }
            i += 4 * w;
        }
        store_run(d, n - 4 * w, tail);
        store_run(d, 0, head);
    }
}

/// Copies `n > 4 * W` bytes back to front: the mirror of [`copy_forward`],
/// correct when `d` is above `s`.
///
/// # Safety
/// As for [`copy_medium`].
#[inline(always)]
unsafe fn copy_backward<V: Vector>(d: *mut u8, s: *const u8, n: usize) {
    let w = V::W;
    // SAFETY: as in `copy_forward`; `d + j` is aligned to `W` and the
    // blocks start at `j - 4W >= 0`.
    unsafe {
        let head = load_run::<V, 4>(s, 0);
        let tail = load_run::<V, 1>(s, n - w);
        let mut j = n - ((d as usize + n) & (w - 1));
        while j > 4 * w {
            let b = load_run::<V, 4>(s, j - 4 * w);
            for (k, v) in b.into_iter().enumerate() {
                V::store(d.add(j - 4 * w + k * w), v);
            }
            j -= 4 * w;
        }
        store_run(d, 0, head);
        store_run(d, n - w, tail);
    }
}

/// Copies `n` bytes with `rep movsb`, front to back.
///
/// # Safety
/// `s[0..n]` readable, `d[0..n]` writable, `d` not inside `s[1..n]`.
#[inline(always)]
unsafe fn rep_movsb(d: *mut u8, s: *const u8, n: usize) {
    // SAFETY: forwarded contract; the ABI guarantees the direction flag is clear.
    unsafe {
        core::arch::asm!(
            "rep movsb",
            inout("rcx") n => _, inout("rdi") d => _, inout("rsi") s => _,
            options(nostack, preserves_flags),
        );
    }
}

/// Whether `d[0..n]` and `s[0..n]` do not overlap.
#[inline(always)]
fn disjoint(d: *mut u8, s: *const u8, n: usize) -> bool {
    (d as usize).wrapping_sub(s as usize) >= n && (s as usize).wrapping_sub(d as usize) >= n
}

/// memcpy and memmove for `n > 64` (choosing the direction by overlap);
/// returns `d`.
///
/// # Safety
/// `s[0..n]` readable, `d[0..n]` writable; the CPU supports `V`.
#[inline(always)]
unsafe fn copy_large<V: Vector>(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
    // SAFETY: forwarded contract; each branch is correct for the overlap
    // it allows.
    unsafe {
        if n <= 8 * V::W {
            copy_medium::<V>(d, s, n);
        } else if n >= REP_MOVSB_MIN && disjoint(d, s, n) {
            rep_movsb(d, s, n);
        } else if (d as usize).wrapping_sub(s as usize) >= n {
            copy_forward::<V>(d, s, n);
        } else {
            copy_backward::<V>(d, s, n);
        }
    }
    opaque(d)
}

dispatch! {
    wide
    /// [`copy_large`] for the CPU at hand.
    unsafe fn copy_large_any(d: *mut u8, s: *const u8, n: usize) -> *mut u8 = copy_large;
}

/// memcpy and memmove; returns `d`. For the other string functions too,
/// which must not call the C names (see `strlen::length`).
///
/// # Safety
/// `s[0..n]` readable, `d[0..n]` writable.
#[inline(always)]
pub(super) unsafe fn copy(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
    // SAFETY: forwarded contract.
    unsafe {
        if n <= 64 {
            copy_small(d, s, n);
            d
        } else {
            copy_large_any(d, s, n)
        }
    }
}

/// C11 `memcpy`: copies `n` bytes between non-overlapping objects.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void {
    // SAFETY: the C contract makes `src` readable and `dst` writable for `n` bytes.
    unsafe { copy(dst.cast(), src.cast(), n).cast() }
}

/// C11 `memmove`: copies `n` bytes between possibly overlapping objects.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void {
    // SAFETY: as for memcpy; `copy` handles overlap.
    unsafe { copy(dst.cast(), src.cast(), n).cast() }
}

/// GNU `mempcpy` (compat): memcpy returning the end of the copy.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mempcpy(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void {
    // SAFETY: as for memcpy.
    unsafe { copy(dst.cast(), src.cast(), n).add(n).cast() }
}

/// POSIX `memccpy`: copies up to and including the first byte `c`, at most
/// `n` bytes; returns the byte after the copied `c`, or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memccpy(dst: *mut c_void, src: *const c_void, c: c_int, n: size_t) -> *mut c_void {
    // SAFETY: the C contract makes `src` readable and `dst` writable for
    // `n` bytes; memchr finds the prefix to copy within them.
    unsafe {
        let hit = find_byte(src.cast(), c as u8, n);
        if hit.is_null() {
            copy(dst.cast(), src.cast(), n);
            return core::ptr::null_mut();
        }
        let k = hit as usize - src as usize + 1;
        copy(dst.cast(), src.cast(), k);
        dst.cast::<u8>().add(k).cast()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::string::testing::{each_width, lengths, Rng, ALIGNS};

    const PAD: usize = 64;

    /// Copies between separate buffers at every alignment pair, checking
    /// the bytes around the destination stay untouched.
    fn copies_with(n: usize, src: &[u8], dst: &mut [u8], copy: impl Fn(*mut u8, *const u8, usize) -> *mut u8) {
        for sa in ALIGNS {
            for da in ALIGNS {
                dst.fill(0);
                let d = dst[PAD + da..].as_mut_ptr();
                assert_eq!(copy(d, src[sa..].as_ptr(), n), d);
                assert_eq!(&dst[PAD + da..PAD + da + n], &src[sa..sa + n], "n {n} src+{sa} dst+{da}");
                assert!(dst[..PAD + da].iter().chain(&dst[PAD + da + n..]).all(|&b| b == 0), "n {n}: wrote outside");
            }
        }
    }

    /// Moves within one buffer for overlaps in both directions.
    fn moves_with(n: usize, buf: &mut [u8], copy: impl Fn(*mut u8, *const u8, usize) -> *mut u8) {
        let mut rng = Rng::new(n as u64);
        for delta in [-200isize, -65, -64, -33, -32, -17, -16, -1, 0, 1, 16, 17, 32, 33, 64, 65, 200] {
            for base in [256usize, 259] {
                let initial = rng.bytes(buf.len());
                buf.copy_from_slice(&initial);
                let (s, d) = (base, base.wrapping_add_signed(delta));
                let mut want = initial.clone();
                want.copy_within(s..s + n, d);
                let p = buf.as_mut_ptr();
                copy(p.wrapping_add(d), p.wrapping_add(s), n);
                assert!(buf == &want[..], "n {n} delta {delta} base {base}");
            }
        }
    }

    #[test]
    fn small_copies_and_moves() {
        let src = Rng::new(7).bytes(256);
        let mut dst = vec![0; 256];
        let mut buf = vec![0; 1024];
        // SAFETY (closures): the tests pass ranges inside their buffers.
        let small = |d: *mut u8, s: *const u8, n: usize| {
            unsafe { copy_small(d, s, n) };
            d
        };
        for n in 0..=64 {
            copies_with(n, &src, &mut dst, small);
            moves_with(n, &mut buf, small);
        }
    }

    fn large<V: Vector>() {
        let src = Rng::new(3).bytes(10_000);
        let mut dst = vec![0; 10_000];
        let mut buf = vec![0; 10_000];
        // SAFETY (closure): the tests pass ranges inside their buffers, and
        // `each_width` runs only widths the CPU supports.
        let copy = |d: *mut u8, s: *const u8, n: usize| unsafe { copy_large::<V>(d, s, n) };
        for n in lengths().filter(|&n| n > 64) {
            copies_with(n, &src, &mut dst, copy);
            moves_with(n, &mut buf, copy);
        }
    }

    #[test]
    fn large_copies_and_moves_at_every_width() {
        each_width!(large);
    }
}
