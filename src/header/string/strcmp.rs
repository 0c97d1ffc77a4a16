//! strcmp, strncmp, and the C locale's collation: strcoll, strxfrm and
//! their `_l` forms.
//!
//! strcmp reads both strings a vector at a time with unaligned loads. Such
//! a load may read past a terminator, so it is only issued when it ends on
//! the same page as its first byte; near a page end the comparison steps a
//! byte at a time until the page boundary is behind it.

use super::memcpy::copy;
use super::strlen::length;
use super::vector::{dispatch, Bytes, Sse2, Vector};
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

/// Compares up to the first 64 bytes with SSE2, a vector at a time, when
/// neither string is within 64 bytes of a page end: `Ok` with the result
/// if it is decided there, else `Err` with the offset to go on from. Short
/// strings end here, in the exported function, before any dispatch.
///
/// # Safety
/// As for [`compare`].
#[inline(always)]
unsafe fn compare_head(a: *const u8, b: *const u8, limit: usize) -> Result<c_int, usize> {
    if (a as usize & (PAGE - 1)).max(b as usize & (PAGE - 1)) > PAGE - 64 {
        return Err(0);
    }
    for i in [0, 16, 32, 48] {
        // SAFETY: both vectors end on the pages of their first bytes.
        let x = unsafe { Sse2::loadu(a.add(i)) };
        let mut m = x.min(x.eq(unsafe { Sse2::loadu(b.add(i)) })).zeros();
        if limit - i < 16 {
            m &= (1 << (limit - i)) - 1;
        }
        if m != 0 {
            // SAFETY: the first difference or NUL lies within both strings.
            return Ok(unsafe { byte_diff(a, b, i + m.trailing_zeros() as usize) });
        }
        if limit - i <= 16 {
            return Ok(0);
        }
    }
    Err(64)
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
    // SAFETY (for the closures): callers pass offsets of bytes that belong
    // to both strings, or vectors that end on the pages of their first bytes.
    let byte_diff = |i: usize| unsafe { byte_diff(a, b, i) };
    // Zero where the vectors at `i` differ or `a` has a NUL.
    let stops = |i: usize| unsafe {
        let x = V::loadu(a.add(i));
        x.min(x.eq(V::loadu(b.add(i))))
    };
    let mut i = from;
    while i < limit {
        let room = page_room(a.wrapping_add(i)).min(page_room(b.wrapping_add(i)));
        if room < w {
            let stop = limit.min(i + room);
            while i < stop {
                // SAFETY: no difference or NUL before `i`, and `i < limit`.
                let x = unsafe { *a.add(i) };
                if x == 0 || byte_diff(i) != 0 {
                    return byte_diff(i);
                }
                i += 1;
            }
            continue;
        }
        // Whole vectors fit on both pages up to `stop`.
        let stop = i + (room & !(w - 1));
        for _ in 0..(stop - i).min(limit - i) / (4 * w) {
            let z = [stops(i), stops(i + w), stops(i + 2 * w), stops(i + 3 * w)];
            if z[0].min(z[1]).min(z[2].min(z[3])).zeros() != 0 {
                for (k, v) in z.iter().enumerate() {
                    let m = v.zeros();
                    if m != 0 {
                        return byte_diff(i + k * w + m.trailing_zeros() as usize);
                    }
                }
            }
            i += 4 * w;
        }
        while i < stop {
            let mut m = stops(i).zeros();
            if limit - i < w {
                m &= (1 << (limit - i)) - 1;
            }
            if m != 0 {
                return byte_diff(i + m.trailing_zeros() as usize);
            }
            if limit - i <= w {
                return 0;
            }
            i += w;
        }
    }
    0
}

dispatch! {
    unsafe fn compare_any(a: *const u8, b: *const u8, limit: usize, from: usize) -> c_int = compare;
}

/// strcmp and strncmp; for the other string functions too, which must not
/// call the C names (see `strlen::length`).
///
/// # Safety
/// As for [`compare`], without the CPU requirement.
#[inline(always)]
pub(super) unsafe fn compare_strings(a: *const u8, b: *const u8, limit: usize) -> c_int {
    // SAFETY: forwarded contract.
    unsafe {
        match compare_head(a, b, limit) {
            Ok(r) => r,
            Err(from) => compare_any(a, b, limit, from),
        }
    }
}

/// C11 `strcmp`: compares two strings as unsigned char.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the C contract makes both strings.
    unsafe { compare_strings(a.cast(), b.cast(), usize::MAX) }
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
    unsafe { compare_strings(a.cast(), b.cast(), usize::MAX) }
}

/// POSIX `strcoll_l`: strcoll in locale `l` (every locale collates as C).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcoll_l(a: *const c_char, b: *const c_char, _l: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { compare_strings(a.cast(), b.cast(), usize::MAX) }
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

    fn each<V: Bytes>() {
        // SAFETY: both are strings ending before the guard; the width is
        // supported.
        at_page_ends(|a, b, limit| unsafe { compare::<V>(a, b, limit, 0) });
    }

    #[test]
    fn compares_at_page_ends_at_every_width() {
        each_bytes_width!(each);
        // With the SSE2 head in front, as strcmp runs it.
        // SAFETY: as above.
        at_page_ends(|a, b, limit| unsafe { compare_strings(a, b, limit) });
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
