//! strcmp, strncmp, and the C locale's collation: strcoll, strxfrm and
//! their `_l` forms.
//!
//! strcmp reads both strings a vector at a time with unaligned loads. Such
//! a load may read past a terminator, so it is only issued when it ends on
//! the same page as its first byte; near a page end the comparison steps a
//! byte at a time until the page boundary is behind it.
//!
//! The exported functions dispatch at once to the widest vectors the CPU
//! has, where the first four vectors are compared one by one; only longer
//! strings (or strings near a page end) go on to the loop, a function of
//! its own so that the short case pays for no more than it uses. strcmp
//! has its own copies with the bound folded away.

use super::memcpy::copy;
use super::strlen::length;
use super::vector::{dispatch, Bytes};
use crate::abi::{c_char, c_int, locale_t, size_t};

const PAGE: usize = 4096;

/// Bytes from `p` to the end of its page (1 to `PAGE`).
#[inline(always)]
fn page_room(p: *const u8) -> usize {
    PAGE - (p as usize & (PAGE - 1))
}

/// The difference of the bytes at offset `i`.
///
/// # Safety
/// The bytes are readable.
#[inline(always)]
unsafe fn byte_diff(a: *const u8, b: *const u8, i: usize) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { c_int::from(*a.add(i)) - c_int::from(*b.add(i)) }
}

/// Zero where the vectors at `i` differ or `a` has a NUL.
///
/// # Safety
/// Both vectors end on the pages of their first bytes; the CPU supports `V`.
#[inline(always)]
unsafe fn stops<V: Bytes>(a: *const u8, b: *const u8, i: usize) -> V {
    // SAFETY: forwarded contract.
    unsafe {
        let x = V::loadu(a.add(i));
        x.min(x.eq(V::loadu(b.add(i))))
    }
}

/// Compares the vectors at `i` of the strings, at most `limit >= i` bytes
/// of them: `Some` with the result if they decide it.
///
/// # Safety
/// As for [`stops`]; the bytes before `i` are equal and not NUL.
#[inline(always)]
unsafe fn single<V: Bytes>(a: *const u8, b: *const u8, limit: usize, i: usize) -> Option<c_int> {
    // SAFETY: forwarded contract.
    let mut m = unsafe { stops::<V>(a, b, i) }.zeros();
    if limit - i < V::W {
        m &= (1 << (limit - i)) - 1;
    }
    if m != 0 {
        // SAFETY: the first difference or NUL lies within both strings.
        return Some(unsafe { byte_diff(a, b, i + m.trailing_zeros() as usize) });
    }
    (limit - i <= V::W).then_some(0)
}

/// Compares the strings `a` and `b`, at most `limit` bytes of them: the
/// first four vectors one by one when neither string is within four
/// vectors of a page end, the rest in [`compare`]. Kept apart from that
/// loop so that short strings pay for nothing else.
///
/// # Safety
/// As for [`compare`].
#[inline(always)]
unsafe fn compare_lead<V: Bytes>(a: *const u8, b: *const u8, limit: usize) -> c_int {
    let w = V::W;
    let offset = (a as usize & (PAGE - 1)).max(b as usize & (PAGE - 1));
    if offset > PAGE - 4 * w {
        // SAFETY: forwarded contract.
        return unsafe { compare_near_page_end(a, b, limit) };
    }
    for i in [0, w, 2 * w, 3 * w] {
        // SAFETY: the vectors end on the pages of their first bytes; the
        // bytes before `i` are equal and not NUL, and `i <= limit` since
        // `single` reports reaching the limit.
        if let Some(r) = unsafe { single::<V>(a, b, limit, i) } {
            return r;
        }
    }
    // The next four go two at a time, where they lie within the bound.
    if offset > PAGE - 8 * w || limit < 8 * w {
        // SAFETY: forwarded contract.
        return unsafe { compare_rest(a, b, limit, 4 * w) };
    }
    for i in [4 * w, 6 * w] {
        // SAFETY: as above, and the pairs end before `limit`.
        if let Some(r) = unsafe { pair::<V>(a, b, i) } {
            return r;
        }
    }
    // SAFETY: forwarded contract.
    unsafe { compare_rest(a, b, limit, 8 * w) }
}

/// Compares the two vectors at `i` of the strings: `Some` with the result
/// if they decide it.
///
/// # Safety
/// As for [`stops`], for both vectors; the bytes before `i` are equal and
/// not NUL, and both vectors lie within the bound.
#[inline(always)]
unsafe fn pair<V: Bytes>(a: *const u8, b: *const u8, i: usize) -> Option<c_int> {
    let w = V::W;
    // SAFETY: forwarded contract.
    let z: [V; 2] = unsafe { [stops(a, b, i), stops(a, b, i + w)] };
    if z[0].min(z[1]).zeros() == 0 {
        return None;
    }
    // One mask for both, so that finding the first stop takes no branch.
    let m = u64::from(z[0].zeros()) | u64::from(z[1].zeros()) << w;
    // SAFETY: the first difference or NUL lies within both strings.
    Some(unsafe { byte_diff(a, b, i + m.trailing_zeros() as usize) })
}

/// [`compare`] from the start, for strings that begin near a page end:
/// rare, so kept out of the way of the common path.
///
/// # Safety
/// As for [`compare`], without the CPU requirement.
#[cold]
#[inline(never)]
unsafe fn compare_near_page_end(a: *const u8, b: *const u8, limit: usize) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { compare_rest(a, b, limit, 0) }
}

/// [`compare`] for the CPU at hand, with the bound folded away for
/// strcmp.
///
/// # Safety
/// As for [`compare`], without the CPU requirement.
#[inline(always)]
unsafe fn compare_rest(a: *const u8, b: *const u8, limit: usize, from: usize) -> c_int {
    // SAFETY: forwarded contract.
    unsafe {
        if limit == usize::MAX {
            compare_unbounded_any(a, b, from)
        } else {
            compare_any(a, b, limit, from)
        }
    }
}

/// [`compare`] without a bound.
///
/// # Safety
/// As for [`compare`].
#[inline(always)]
unsafe fn compare_unbounded<V: Bytes>(a: *const u8, b: *const u8, from: usize) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { compare::<V>(a, b, usize::MAX, from) }
}

/// [`compare_lead`] without a bound.
///
/// # Safety
/// As for [`compare`].
#[inline(always)]
unsafe fn compare_lead_unbounded<V: Bytes>(a: *const u8, b: *const u8) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { compare_lead::<V>(a, b, usize::MAX) }
}

/// Compares the strings `a` and `b`, at most `limit` bytes of them, from
/// offset `from` on (the bytes before are equal and not NUL).
///
/// # Safety
/// `a` and `b` readable up to their terminators or `limit` bytes; the CPU
/// supports `V`.
#[inline(always)]
unsafe fn compare<V: Bytes>(a: *const u8, b: *const u8, limit: usize, from: usize) -> c_int {
    let w = V::W;
    let mut i = from;
    // SAFETY (for every block below): offsets are of bytes that belong to
    // both strings, or of vectors that end on the pages of their first
    // bytes, all below `limit`; the bytes before them are equal and not NUL.
    while i < limit {
        let room = page_room(a.wrapping_add(i)).min(page_room(b.wrapping_add(i)));
        if room < w && i >= w {
            // One vector ending at the page end, going back over bytes
            // already compared (equal and not NUL, so no stops).
            let mut m = unsafe { stops::<V>(a, b, i + room - w) }.zeros() >> (w - room);
            if limit - i < room {
                m &= (1 << (limit - i)) - 1;
            }
            if m != 0 {
                return unsafe { byte_diff(a, b, i + m.trailing_zeros() as usize) };
            }
            if limit - i <= room {
                return 0;
            }
            i += room;
            continue;
        }
        if room < w {
            let stop = limit.min(i + room);
            while i < stop {
                let x = unsafe { *a.add(i) };
                if x == 0 || unsafe { byte_diff(a, b, i) } != 0 {
                    return unsafe { byte_diff(a, b, i) };
                }
                i += 1;
            }
            continue;
        }
        // Whole vectors fit on both pages up to `end`. From here on the
        // loads from `a` are aligned, so that only those from `b` may
        // straddle cache lines: where they are not yet, one vector goes
        // first, and the next starts at the alignment within it.
        let end = i + room;
        let skew = (a as usize + i) & (w - 1);
        if skew != 0 {
            if let Some(r) = unsafe { single::<V>(a, b, limit, i) } {
                return r;
            }
            i += w - skew;
        }
        let stop = i + ((end - i) & !(w - 1));
        for _ in 0..(stop - i).min(limit - i) / (2 * w) {
            if let Some(r) = unsafe { pair::<V>(a, b, i) } {
                return r;
            }
            i += 2 * w;
        }
        while i < stop {
            if let Some(r) = unsafe { single::<V>(a, b, limit, i) } {
                return r;
            }
            i += w;
        }
    }
    0
}

dispatch! {
    outlined
    unsafe fn compare_unbounded_any(a: *const u8, b: *const u8, from: usize) -> c_int = compare_unbounded;
}

dispatch! {
    outlined
    unsafe fn compare_any(a: *const u8, b: *const u8, limit: usize, from: usize) -> c_int = compare;
}

dispatch! {
    /// strcmp and strncmp; for the other string functions too, which must
    /// not call the C names (see `strlen::length`).
    ///
    /// # Safety
    /// As for [`compare`], without the CPU requirement.
    pub(super) unsafe fn compare_strings(a: *const u8, b: *const u8, limit: usize) -> c_int = compare_lead;
}

dispatch! {
    /// strcmp: `compare_strings` without a bound.
    ///
    /// # Safety
    /// As for [`compare`], without the CPU requirement.
    pub(super) unsafe fn compare_whole_strings(a: *const u8, b: *const u8) -> c_int = compare_lead_unbounded;
}

/// C11 `strcmp`: compares two strings as unsigned char.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the C contract makes both strings.
    unsafe { compare_whole_strings(a.cast(), b.cast()) }
}

/// C11 `strncmp`: compares at most `n` bytes of two strings.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strncmp(a: *const c_char, b: *const c_char, n: size_t) -> c_int {
    // SAFETY: the C contract makes both readable up to a NUL or `n` bytes.
    unsafe { compare_strings(a.cast(), b.cast(), n) }
}

/// C11 `strcoll`: in the C locale, collation is byte order.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcoll(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { compare_whole_strings(a.cast(), b.cast()) }
}

/// POSIX `strcoll_l`: strcoll in locale `l` (every locale collates as C).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcoll_l(a: *const c_char, b: *const c_char, _l: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { compare_whole_strings(a.cast(), b.cast()) }
}

/// strxfrm in the C locale: the transformed string is the string itself;
/// it is stored when it fits in `n` bytes with its terminator.
///
/// # Safety
/// `src` is a string and `dst` writable for `n` bytes.
unsafe fn transform(dst: *mut c_char, src: *const c_char, n: usize) -> usize {
    // SAFETY: forwarded contract; the copy happens only if `len + 1 <= n`.
    unsafe {
        let len = length(src.cast());
        if len < n {
            copy(dst.cast(), src.cast(), len + 1);
        }
        len
    }
}

/// C11 `strxfrm`: the C locale's transformation (the identity).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strxfrm(dst: *mut c_char, src: *const c_char, n: size_t) -> size_t {
    // SAFETY: forwarded contract.
    unsafe { transform(dst, src, n) }
}

/// POSIX `strxfrm_l`: strxfrm in locale `l` (every locale collates as C).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strxfrm_l(dst: *mut c_char, src: *const c_char, n: size_t, _l: locale_t) -> size_t {
    // SAFETY: forwarded contract.
    unsafe { transform(dst, src, n) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::string::testing::{each_bytes_width, Guarded, Rng};

    /// strncmp by definition, as a sign.
    fn naive(a: &[u8], b: &[u8], limit: usize) -> c_int {
        for i in 0..limit {
            let (x, y) = (a[i], b[i]);
            if x != y || x == 0 {
                return (c_int::from(x) - c_int::from(y)).signum();
            }
        }
        0
    }

    /// Strings that both end right before an inaccessible page, equal or
    /// differing at one position, at every length; with limits around the
    /// interesting points.
    fn at_page_ends(cmp: impl Fn(*const u8, *const u8, usize) -> c_int) {
        let (ga, gb) = (Guarded::new(), Guarded::new());
        let mut rng = Rng::new(13);
        for len in 0..200 {
            let mut a = rng.bytes(len);
            a.push(0);
            // `b`: equal, one byte different (above and below), or shorter.
            let mut variants = vec![a.clone()];
            if len > 0 {
                let k = rng.below(len);
                for y in [a[k].wrapping_add(1).max(1), 0x80, 0] {
                    let mut b = a.clone();
                    b[k] = y;
                    variants.push(b);
                }
            }
            for b in &variants {
                let (pa, pb) = (ga.place(&a), gb.place(b));
                for limit in [0, 1, len / 2, len, len + 1, usize::MAX] {
                    assert_eq!(cmp(pa, pb, limit).signum(), naive(&a, b, limit.min(len + 1)), "len {len} limit {limit} b {b:?}");
                    assert_eq!(cmp(pb, pa, limit).signum(), naive(b, &a, limit.min(len + 1)), "len {len} limit {limit}");
                }
            }
        }
    }

    #[test]
    fn compares_at_every_length_offset_and_bound() {
        let mut rng = Rng::new(29);
        let text: Vec<u8> = (0..400).map(|_| b'a' + rng.below(26) as u8).collect();
        let mut buf_b = vec![0u8; 480];
        for len in (0..300).step_by(3).chain([63, 64, 65, 127, 128, 129, 255, 256, 257]) {
            let mut a = text[..len].to_vec();
            a.push(0);
            for off in [0, 1, 5, 16, 31, 33] {
                for k in [len, len / 2, len.saturating_sub(1)] {
                    let b = &mut buf_b[off..off + len + 1];
                    b.copy_from_slice(&a);
                    if k < len {
                        b[k] = b[k].wrapping_add(1).max(1);
                    }
                    let (pa, pb) = (a.as_ptr(), b.as_ptr());
                    // SAFETY: both are strings.
                    let r = unsafe { compare_whole_strings(pa, pb) };
                    assert_eq!(r.signum(), naive(&a, b, len + 1), "len {len} off {off} k {k}");
                    for limit in [k, k + 1, len + 1] {
                        // SAFETY: as above.
                        let r = unsafe { compare_strings(pb, pa, limit) };
                        assert_eq!(r.signum(), naive(b, &a, limit.min(len + 1)), "len {len} off {off} k {k} limit {limit}");
                    }
                }
            }
        }
    }

    #[test]
    fn compares_strings_crossing_pages_at_different_offsets() {
        let (mut buf_a, mut buf_b) = (vec![0u8; 3 * 4096], vec![0u8; 3 * 4096]);
        // The first page boundary past the first page of each buffer.
        let boundary = |v: &Vec<u8>| (v.as_ptr() as usize | 4095) + 1 - v.as_ptr() as usize + 4096;
        let (pa, pb) = (boundary(&buf_a), boundary(&buf_b));
        let len = 400;
        let text: Vec<u8> = Rng::new(31).bytes(len).iter().map(|&c| c | 1).collect();
        for da in [1, 5, 31, 32, 33, 64, 100, 300] {
            for db in [2, 32, 47, 64, 130, 299] {
                for k in [da - 1, da, db - 1, db, db + 1, len] {
                    let (sa, sb) = (pa - da, pb - db);
                    buf_a[sa..sa + len].copy_from_slice(&text);
                    buf_a[sa + len] = 0;
                    buf_b[sb..sb + len].copy_from_slice(&text);
                    buf_b[sb + len] = 0;
                    if k < len {
                        buf_b[sb + k] ^= 2;
                    }
                    let (a, b) = (&buf_a[sa..=sa + len], &buf_b[sb..=sb + len]);
                    // SAFETY: both are strings.
                    let r = unsafe { compare_whole_strings(a.as_ptr(), b.as_ptr()) };
                    assert_eq!(r.signum(), naive(a, b, len + 1), "da {da} db {db} k {k}");
                    for limit in [k, k + 1] {
                        // SAFETY: as above.
                        let r = unsafe { compare_strings(b.as_ptr(), a.as_ptr(), limit) };
                        assert_eq!(r.signum(), naive(b, a, limit.min(len + 1)), "da {da} db {db} k {k} limit {limit}");
                    }
                }
            }
        }
    }

    fn each<V: Bytes>() {
        // SAFETY: both are strings ending before the guard; the width is
        // supported.
        at_page_ends(|a, b, limit| unsafe { compare::<V>(a, b, limit, 0) });
    }

    #[test]
    fn compares_at_page_ends_at_every_width() {
        each_bytes_width!(each);
        // With the first vectors compared in front, as the exported
        // functions run it.
        // SAFETY: as above.
        at_page_ends(|a, b, limit| unsafe { compare_strings(a, b, limit) });
        // SAFETY: as above.
        at_page_ends(|a, b, limit| unsafe {
            if limit == usize::MAX {
                compare_whole_strings(a, b)
            } else {
                compare_strings(a, b, limit)
            }
        });
    }

    #[test]
    fn compares_long_strings_differing_anywhere() {
        let a: Vec<u8> = Rng::new(17).bytes(3000).into_iter().chain([0]).collect();
        for k in (0..3000).step_by(7) {
            let mut b = a.clone();
            b[k] = b[k].wrapping_add(1).max(1);
            for off in [0, 3] {
                let b2: Vec<u8> = vec![1; off].into_iter().chain(b.iter().copied()).collect();
                // SAFETY: both are strings.
                let r = unsafe { compare_strings(a.as_ptr(), b2[off..].as_ptr(), usize::MAX) };
                assert_eq!(r.signum(), naive(&a, &b, usize::MAX), "k {k}");
            }
        }
    }
}
