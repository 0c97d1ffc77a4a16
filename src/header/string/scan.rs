//! Searching memory a vector at a time: the core of strlen, strnlen, memchr,
//! memrchr, strchr and strchrnul.
//!
//! What is searched for is a [`Probe`]: a map from input vectors to vectors
//! in which the bytes sought can be told apart, and a way to merge such
//! vectors, so that a group of four costs one mask extraction.
//!
//! All reads are of aligned vectors, and the unrolled loops read aligned
//! groups of four (64, 128 or 256 bytes, never across a page). A read may cover
//! bytes before the object or past its end (past a string's terminator, or
//! past the byte memchr finds, where C11 lets the object end), but only
//! within an aligned vector or group that also holds bytes of the object
//! and is only read once all earlier bytes were examined: it cannot touch
//! a page the object does not touch, so it cannot fault. The extra bytes
//! never influence a result.

use super::vector::{Avx512, Bytes, Vector};

/// A byte class to search for.
pub(super) trait Probe<V> {
    /// What input vectors map to: vectors in which the bytes sought can be
    /// told apart (SSE2, AVX2), or bit masks of them (AVX-512's compares
    /// write mask registers).
    type Mapped: Copy;
    /// Maps input bytes to the form `hits` and `merge` work on.
    fn map(&self, v: V) -> Self::Mapped;
    /// Combines two mapped values: the hits of either show in the result.
    fn merge(a: Self::Mapped, b: Self::Mapped) -> Self::Mapped;
    /// Bit `i` set where byte `i` of a mapped or merged value is a hit.
    fn hits(x: Self::Mapped) -> u64;
}

/// A probe on 64-byte vectors, whose compares give bit masks directly:
/// mapped values are the masks of hits.
pub(super) trait Mask {
    /// Bit `i` set where byte `i` of `v` is a hit.
    fn mask(&self, v: Avx512) -> u64;
}

impl<P: Mask> Probe<Avx512> for P {
    type Mapped = u64;
    #[inline(always)]
    fn map(&self, v: Avx512) -> u64 {
        self.mask(v)
    }
    #[inline(always)]
    fn merge(a: u64, b: u64) -> u64 {
        a | b
    }
    #[inline(always)]
    fn hits(x: u64) -> u64 {
        x
    }
}

/// NUL bytes (strlen): mapped vectors are the input, hits are zeros.
pub(super) struct Nul;

impl<V: Bytes> Probe<V> for Nul {
    type Mapped = V;
    #[inline(always)]
    fn map(&self, v: V) -> V {
        v
    }
    #[inline(always)]
    fn merge(a: V, b: V) -> V {
        a.min(b)
    }
    #[inline(always)]
    fn hits(x: V) -> u64 {
        x.zeros().into()
    }
}

impl Mask for Nul {
    #[inline(always)]
    fn mask(&self, v: Avx512) -> u64 {
        v.zeros()
    }
}

/// One byte value (memchr): mapped vectors are equality masks.
pub(super) struct Byte<V>(pub V);

impl<V: Bytes> Probe<V> for Byte<V> {
    type Mapped = V;
    #[inline(always)]
    fn map(&self, v: V) -> V {
        v.eq(self.0)
    }
    #[inline(always)]
    fn merge(a: V, b: V) -> V {
        a.or(b)
    }
    #[inline(always)]
    fn hits(x: V) -> u64 {
        x.tops().into()
    }
}

impl Mask for Byte<Avx512> {
    #[inline(always)]
    fn mask(&self, v: Avx512) -> u64 {
        v.equal(self.0)
    }
}

/// One byte value or NUL (strchr): `v ^ c` is zero where `v` is `c`, and
/// its minimum with `v` is zero there and at the NULs.
pub(super) struct ByteOrNul<V>(pub V);

impl<V: Bytes> Probe<V> for ByteOrNul<V> {
    type Mapped = V;
    #[inline(always)]
    fn map(&self, v: V) -> V {
        v.xor(self.0).min(v)
    }
    #[inline(always)]
    fn merge(a: V, b: V) -> V {
        a.min(b)
    }
    #[inline(always)]
    fn hits(x: V) -> u64 {
        x.zeros().into()
    }
}

impl Mask for ByteOrNul<Avx512> {
    #[inline(always)]
    fn mask(&self, v: Avx512) -> u64 {
        v.equal(self.0) | v.zeros()
    }
}

/// The mapped vectors of the aligned group at `b`, and whether any of
/// them has a hit.
///
/// # Safety
/// `b` is aligned to `4 * W` and holds a byte of the object that all
/// earlier bytes' examination allows reading; the CPU supports `V`.
#[inline(always)]
unsafe fn group<V: Vector, P: Probe<V>>(b: *const u8, probe: &P) -> ([P::Mapped; 4], bool) {
    // SAFETY: the group lies within one page, which the object touches.
    let at = |k: usize| probe.map(unsafe { V::load(b.wrapping_add(k * V::W)) });
    let z = [at(0), at(1), at(2), at(3)];
    let any = P::hits(P::merge(P::merge(z[0], z[1]), P::merge(z[2], z[3]))) != 0;
    (z, any)
}

/// The offset in a group of its first hit; it has one.
#[inline(always)]
fn first_in_group<V: Vector, P: Probe<V>>(z: &[P::Mapped; 4]) -> usize {
    let mut at = 0;
    for v in &z[..3] {
        let m = P::hits(*v);
        if m != 0 {
            return at + m.trailing_zeros() as usize;
        }
        at += V::W;
    }
    at + P::hits(z[3]).trailing_zeros() as usize
}

/// The offset in the aligned group at `b` of the first hit in its vectors
/// from `k` on. The vectors before `k` were examined already: reaching
/// alignment with one group rather than up to three single vectors saves
/// their branches on longer searches.
///
/// # Safety
/// As for `group`.
#[inline(always)]
unsafe fn rest_of_group<V: Vector, P: Probe<V>>(b: *const u8, k: usize, probe: &P) -> Option<usize> {
    // SAFETY: forwarded contract.
    let (z, any) = unsafe { group(b, probe) };
    if !any {
        return None;
    }
    if V::W > 32 {
        // Four 64-bit masks do not fit side by side in one integer.
        for (j, v) in z.iter().enumerate() {
            let m = if j < k { 0 } else { P::hits(*v) };
            if m != 0 {
                return Some(j * V::W + m.trailing_zeros() as usize);
            }
        }
        return None;
    }
    // All four masks side by side, those of the examined vectors cleared.
    let mut all = 0u128;
    for (j, v) in z.iter().enumerate() {
        all |= u128::from(P::hits(*v)) << (j * V::W);
    }
    all &= u128::MAX << (k * V::W);
    (all != 0).then(|| all.trailing_zeros() as usize)
}

/// The offset of the first hit at or after `p`; there must be one (a
/// string's terminator).
///
/// # Safety
/// The bytes from `p` up to and including the first hit must be readable,
/// and the CPU must support `V`.
#[inline(always)]
pub(super) unsafe fn find<V: Vector, P: Probe<V>>(p: *const u8, probe: &P) -> usize {
    let w = V::W;
    let off = p as usize & (w - 1);
    let mut b = p.wrapping_sub(off);
    // SAFETY: the aligned vector holding `p` lies in `p`'s page.
    let m = P::hits(probe.map(unsafe { V::load(b) })) >> off;
    if m != 0 {
        return m.trailing_zeros() as usize;
    }
    b = b.wrapping_add(w);
    while b as usize & (4 * w - 1) != 0 {
        // SAFETY: no hit so far, so the object extends into this vector.
        let m = P::hits(probe.map(unsafe { V::load(b) }));
        if m != 0 {
            return b as usize - p as usize + m.trailing_zeros() as usize;
        }
        b = b.wrapping_add(w);
    }
    loop {
        // SAFETY: no hit so far, so the object extends into this group.
        let (z, any) = unsafe { group(b, probe) };
        if any {
            return b as usize - p as usize + first_in_group::<V, P>(&z);
        }
        b = b.wrapping_add(4 * w);
    }
}

/// The offset of the first hit among `p[0..n]`.
///
/// # Safety
/// `p[0..n]` must be readable up to the first hit, and the CPU must
/// support `V`.
#[inline(always)]
pub(super) unsafe fn find_within<V: Vector, P: Probe<V>>(p: *const u8, n: usize, probe: &P) -> Option<usize> {
    let w = V::W;
    let within = |i: usize| (i < n).then_some(i);
    if n == 0 {
        return None;
    }
    let off = p as usize & (w - 1);
    // SAFETY: the aligned vector holding `p[0]` lies in its page.
    let m = P::hits(probe.map(unsafe { V::load(p.wrapping_sub(off)) })) >> off;
    if m != 0 {
        return within(m.trailing_zeros() as usize);
    }
    // `i` is the offset of the next aligned vector; it stays below `n`.
    let mut i = w - off;
    if i >= n {
        return None;
    }
    // Short searches are done sooner a vector at a time, longer ones reach
    // the alignment of a group with one group.
    while (p as usize + i) & (4 * w - 1) != 0 && n - i <= 2 * w {
        // SAFETY: `i < n` and no hit so far.
        let m = P::hits(probe.map(unsafe { V::load(p.wrapping_add(i)) }));
        if m != 0 {
            return within(i + m.trailing_zeros() as usize);
        }
        i += w;
        if i >= n {
            return None;
        }
    }
    let g = (p as usize + i) & (4 * w - 1);
    if g != 0 {
        // SAFETY: `i < n` and no hit so far, so the group holding byte `i`
        // may be read.
        // The group may start before `p`; the offsets it reports are at
        // least `g`, those of vectors after the examined ones.
        if let Some(k) = unsafe { rest_of_group(p.wrapping_add(i).wrapping_sub(g), g / w, probe) } {
            return within(i + k - g);
        }
        i += 4 * w - g;
        if i >= n {
            return None;
        }
    }
    loop {
        // SAFETY: `i < n` and no hit so far.
        let (z, any) = unsafe { group(p.wrapping_add(i), probe) };
        if any {
            return within(i + first_in_group::<V, P>(&z));
        }
        if n - i <= 4 * w {
            return None;
        }
        i += 4 * w;
    }
}

/// The offset of the last hit among `p[0..n]`.
///
/// # Safety
/// `p[0..n]` must be readable; the CPU must support `V`.
#[inline(always)]
pub(super) unsafe fn rfind_within<V: Vector, P: Probe<V>>(p: *const u8, n: usize, probe: &P) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let w = V::W;
    let start = p as usize;
    // The aligned vector holding the last byte, and the bits of the bytes
    // that belong to the object.
    let mut b = (start + n - 1) & !(w - 1);
    let mut keep = u64::MAX >> (64 - (start + n - b));
    loop {
        if b < start {
            keep &= u64::MAX << (start - b);
        }
        // SAFETY: the vector holds at least one byte of the object.
        let m = P::hits(probe.map(unsafe { V::load(p.wrapping_add(b.wrapping_sub(start))) })) & keep;
        if m != 0 {
            return Some(b + (63 - m.leading_zeros()) as usize - start);
        }
        if b <= start {
            return None;
        }
        b -= w;
        keep = u64::MAX;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::string::testing::{each_width, Guarded, Rng};

    /// Strings ending right before an inaccessible page, at every length
    /// (so every alignment relative to the page end).
    fn strings<V: Vector>()
    where
        Nul: Probe<V>,
        ByteOrNul<V>: Probe<V>,
    {
        let g = Guarded::new();
        let mut rng = Rng::new(5);
        for len in 0..300 {
            let mut s = rng.bytes(len);
            s.push(0);
            let p = g.place(&s);
            // SAFETY: `p` is a string; `each_bytes_width` runs only widths
            // the CPU supports.
            unsafe {
                assert_eq!(find::<V, _>(p, &Nul), len);
                for c in [s[len / 2], s[len.saturating_sub(1)], 0] {
                    let want = s.iter().position(|&b| b == c || b == 0).unwrap();
                    assert_eq!(find(p, &ByteOrNul(V::splat(c))), want, "len {len} c {c}");
                }
            }
        }
    }

    /// Byte arrays ending right before an inaccessible page.
    fn arrays<V: Vector>()
    where
        Nul: Probe<V>,
        Byte<V>: Probe<V>,
    {
        let g = Guarded::new();
        let mut rng = Rng::new(9);
        for n in 0..300 {
            let a = rng.bytes(n);
            let p = g.place(&a);
            let cs = [a.get(rng.below(n.max(1))).copied().unwrap_or(0), 0];
            for c in cs {
                // SAFETY: `p[0..n]` is readable; the width is supported.
                unsafe {
                    let probe = Byte(V::splat(c));
                    assert_eq!(find_within(p, n, &probe), a.iter().position(|&b| b == c), "n {n}");
                    assert_eq!(rfind_within(p, n, &probe), a.iter().rposition(|&b| b == c), "n {n}");
                    assert_eq!(find_within::<V, _>(p, n, &Nul), None);
                }
            }
            if n > 0 {
                // C11: memchr may be given a length beyond the object when
                // the byte occurs in it; the search must stop there.
                let c = a[n - 1];
                let want = a.iter().position(|&b| b == c);
                // SAFETY: the object holds `c`; reads stop at its vector.
                assert_eq!(unsafe { find_within(p, usize::MAX, &Byte(V::splat(c))) }, want);
            }
        }
    }

    /// Hits at every position of long inputs, across the unrolled groups.
    fn long<V: Vector>()
    where
        Nul: Probe<V>,
    {
        let mut buf = Rng::new(11).bytes(1200);
        for start in [0, 5, 64] {
            for k in start..1100 {
                let keep = buf[k];
                buf[k] = 0;
                let p = buf[start..].as_ptr();
                // SAFETY: a NUL lies at `k`; the width is supported.
                unsafe {
                    assert_eq!(find::<V, _>(p, &Nul), k - start);
                    assert_eq!(find_within::<V, _>(p, 1100 - start, &Nul), Some(k - start));
                    assert_eq!(find_within::<V, _>(p, k - start, &Nul), None);
                }
                buf[k] = keep;
            }
        }
    }

    #[test]
    fn finds_at_page_ends_and_everywhere_at_every_width() {
        each_width!(strings);
        each_width!(arrays);
        each_width!(long);
    }
}
