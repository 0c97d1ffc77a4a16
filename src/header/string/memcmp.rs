//! memcmp.
//!
//! Under 16 bytes, two overlapping words per side compared as big-endian
//! integers (so that integer order is the order of the first differing
//! byte); from 16 bytes, vectors compared for equality with the last one
//! overlapping the end, and the first differing byte found from the mask.

use super::vector::{dispatch, Bytes, Sse2, Vector};
use crate::abi::{c_int, c_void, size_t};
use core::cmp::Ordering;
use core::ptr::read_unaligned;

/// -1, 0 or 1 as `x` orders before, equal to or after `y`.
#[inline(always)]
fn sign(o: Ordering) -> c_int {
    o as c_int
}

/// Compares `n < 16` bytes.
///
/// # Safety
/// `a[0..n]` and `b[0..n]` readable.
#[inline(always)]
unsafe fn compare_small(a: *const u8, b: *const u8, n: usize) -> c_int {
    // SAFETY: every read lies within the first `n` bytes.
    unsafe {
        if n >= 8 {
            let (x, y) = (read_unaligned(a.cast::<u64>()), read_unaligned(b.cast::<u64>()));
            if x != y {
                return sign(u64::from_be(x).cmp(&u64::from_be(y)));
            }
            let (x, y) = (read_unaligned(a.add(n - 8).cast::<u64>()), read_unaligned(b.add(n - 8).cast::<u64>()));
            sign(u64::from_be(x).cmp(&u64::from_be(y)))
        } else if n >= 4 {
            // The first and the last four bytes cover all of them; a
            // difference in the first four decides before one in the last.
            let word = |p: *const u8| {
                u64::from(u32::from_be(read_unaligned(p.cast::<u32>()))) << 32
                    | u64::from(u32::from_be(read_unaligned(p.add(n - 4).cast::<u32>())))
            };
            sign(word(a).cmp(&word(b)))
        } else {
            for i in 0..n {
                let (x, y) = (*a.add(i), *b.add(i));
                if x != y {
                    return c_int::from(x) - c_int::from(y);
                }
            }
            0
        }
    }
}

/// The difference of the first differing bytes of `a[i..]` and `b[i..]`,
/// given the mask `m` (non-zero) of differing bytes from `i` on.
///
/// # Safety
/// The byte the mask points at is readable in both.
#[inline(always)]
unsafe fn difference(a: *const u8, b: *const u8, i: usize, m: u32) -> c_int {
    let j = i + m.trailing_zeros() as usize;
    // SAFETY: forwarded contract.
    unsafe { c_int::from(*a.add(j)) - c_int::from(*b.add(j)) }
}

/// Compares `16 <= n <= 64` bytes as two or four overlapping SSE2
/// vectors, checked together.
///
/// # Safety
/// `a[0..n]` and `b[0..n]` readable.
#[inline(always)]
unsafe fn compare_medium(a: *const u8, b: *const u8, n: usize) -> c_int {
    // SAFETY: every vector lies within the first `n` bytes.
    let same = |i: usize| unsafe { Sse2::loadu(a.add(i)).eq(Sse2::loadu(b.add(i))) };
    let (s0, s1) = (same(0), same(n - 16));
    // Up to 32 bytes, the middle two are the first again.
    let (s2, s3) = if n > 32 { (same(16), same(n - 32)) } else { (s0, s0) };
    if s0.min(s1).min(s2.min(s3)).zeros() == 0 {
        return 0;
    }
    // In address order; the repeats of the first are clean when reached.
    for (i, v) in [(0, s0), (16, s2), (n.saturating_sub(32), s3), (n - 16, s1)] {
        let m = v.zeros();
        if m != 0 {
            // SAFETY: the vector holds the differing byte.
            return unsafe { difference(a, b, i, m) };
        }
    }
    0
}

/// Compares `n > 64` bytes.
///
/// # Safety
/// `a[0..n]` and `b[0..n]` readable; the CPU supports `V`.
#[inline(always)]
unsafe fn compare_large<V: Bytes>(a: *const u8, b: *const u8, n: usize) -> c_int {
    let w = V::W;
    // SAFETY: every vector read lies within `a[0..n]` and `b[0..n]`
    // (`i + W <= n`, or the last vector ending at `n`, with `n > W`).
    unsafe {
        // 0xff where the vectors at `i` agree, 0 where they differ.
        let same = |i: usize| V::loadu(a.add(i)).eq(V::loadu(b.add(i)));
        if n <= 4 * w {
            // Two vectors from each end (`n > 64 >= 2W`), checked together;
            // on a difference, the loops below find the first one.
            let s = [same(0), same(w), same(n - 2 * w), same(n - w)];
            if s[0].min(s[1]).min(s[2].min(s[3])).zeros() == 0 {
                return 0;
            }
        }
        let mut i = 0;
        while n - i > 4 * w {
            let s = [same(i), same(i + w), same(i + 2 * w), same(i + 3 * w)];
            if s[0].min(s[1]).min(s[2].min(s[3])).zeros() != 0 {
                for (k, v) in s.iter().enumerate() {
                    let m = v.zeros();
                    if m != 0 {
                        return difference(a, b, i + k * w, m);
                    }
                }
            }
            i += 4 * w;
        }
        while n - i > w {
            let m = same(i).zeros();
            if m != 0 {
                return difference(a, b, i, m);
            }
            i += w;
        }
        let m = same(n - w).zeros();
        if m != 0 {
            return difference(a, b, n - w, m);
        }
    }
    0
}

dispatch! {
    /// [`compare_large`] for the CPU at hand.
    unsafe fn compare_large_any(a: *const u8, b: *const u8, n: usize) -> c_int = compare_large;
}

/// C11 `memcmp`: compares `n` bytes as unsigned char.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const c_void, b: *const c_void, n: size_t) -> c_int {
    let (a, b) = (a.cast::<u8>(), b.cast::<u8>());
    // SAFETY: the C contract makes both readable for `n` bytes.
    unsafe {
        if n < 16 {
            compare_small(a, b, n)
        } else if n <= 64 {
            compare_medium(a, b, n)
        } else {
            compare_large_any(a, b, n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::string::testing::{each_bytes_width, lengths, Rng};

    /// Equal inputs, then a difference at each position (sampled for long
    /// inputs) in both directions, with bytes above 0x7f. Only the sign
    /// of the result is specified.
    fn compares_with(n: usize, cmp: impl Fn(*const u8, *const u8, usize) -> c_int) {
        // `a` starts 3 bytes into its buffer, so the two differ in alignment.
        let mut a = Rng::new(n as u64).bytes(n + 3);
        let mut b = a[3..].to_vec();
        assert_eq!(cmp(a[3..].as_ptr(), b.as_ptr(), n), 0, "n {n}");
        let step = if n > 300 { 37 } else { 1 };
        for k in (0..n).step_by(step) {
            let (keep_a, keep_b) = (a[3 + k], b[k]);
            for (x, y) in [(0x80u8, 0x7fu8), (0x01, 0xff)] {
                a[3 + k] = x;
                b[k] = y;
                let sign = (c_int::from(x) - c_int::from(y)).signum();
                assert_eq!(cmp(a[3..].as_ptr(), b.as_ptr(), n).signum(), sign, "n {n} k {k}");
                assert_eq!(cmp(b.as_ptr(), a[3..].as_ptr(), n).signum(), -sign, "n {n} k {k}");
            }
            a[3 + k] = keep_a;
            b[k] = keep_b;
        }
    }

    #[test]
    fn small_and_medium() {
        for n in 0..=64 {
            // SAFETY: the tests pass `n` readable bytes.
            compares_with(n, |a, b, n| unsafe {
                if n < 16 {
                    compare_small(a, b, n)
                } else {
                    compare_medium(a, b, n)
                }
            });
        }
    }

    fn large<V: Bytes>() {
        for n in lengths().filter(|&n| n > 64) {
            // SAFETY: the tests pass `n` readable bytes; `each_bytes_width`
            // runs only widths the CPU supports.
            compares_with(n, |a, b, n| unsafe { compare_large::<V>(a, b, n) });
        }
    }

    #[test]
    fn large_at_every_width() {
        each_bytes_width!(large);
    }
}
