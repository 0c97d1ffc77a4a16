//! strstr, memmem: the Two-Way algorithm of Crochemore and Perrin, which
//! runs in linear time with constant extra space whatever the inputs.
//!
//! The needle is cut at a critical factorization `u v` (found from its
//! maximal suffixes under both byte orders). At each window position, `v`
//! is matched left to right, then `u` right to left; a mismatch in `v`
//! shifts by the distance matched, a full match of `v` by the needle's
//! period. When `u` occurs within the period (a periodic needle), the
//! prefix already known to match is remembered so that it is not compared
//! again.
//!
//! The haystack is reached through [`Haystack`], so that strstr can learn
//! the haystack's length as it goes instead of measuring it first.

use super::memchr::find_byte;
use super::strchr::find_char;
use super::strlen::length_within;
use crate::abi::{c_char, c_void, size_t};

/// The text searched.
trait Haystack {
    /// Whether the text has at least `n` bytes.
    fn has(&mut self, n: usize) -> bool;
    /// Byte `i`, for an `i` below a length `has` confirmed.
    fn at(&self, i: usize) -> u8;
}

/// `n` bytes of memory.
struct Bytes {
    p: *const u8,
    n: usize,
}

impl Haystack for Bytes {
    fn has(&mut self, n: usize) -> bool {
        n <= self.n
    }
    fn at(&self, i: usize) -> u8 {
        // SAFETY: `i < n` (see the trait), and memmem's contract makes the
        // `n` bytes readable.
        unsafe { *self.p.add(i) }
    }
}

/// A NUL-terminated string, measured lazily.
struct Str {
    p: *const u8,
    /// How many bytes are known to precede the terminator.
    known: usize,
    /// Whether `known` is the full length.
    ended: bool,
}

impl Haystack for Str {
    fn has(&mut self, n: usize) -> bool {
        if n > self.known && !self.ended {
            // Measure well ahead, so that short steps do not each rescan.
            let want = (n - self.known).max(self.known).max(256);
            // SAFETY: `known` bytes precede the terminator, so the string
            // continues at `p + known`; strnlen stops at the terminator.
            let more = unsafe { length_within(self.p.add(self.known), want) };
            self.known += more;
            self.ended = more < want;
        }
        n <= self.known
    }
    fn at(&self, i: usize) -> u8 {
        // SAFETY: `i < known`, bytes that precede the terminator.
        unsafe { *self.p.add(i) }
    }
}

/// The start and period of the maximal suffix of `x` under byte order
/// (`flip` false) or reversed byte order (`flip` true). `x` is not empty.
fn maximal_suffix(x: &[u8], flip: bool) -> (usize, usize) {
    // Candidate suffix start `ms`, current comparison position `j + k`
    // against `ms + k`, and the period `p` of the candidate so far.
    let (mut ms, mut j, mut k, mut p) = (0, 1, 0, 1);
    while j + k < x.len() {
        let (a, b) = (x[j + k], x[ms + k]);
        let (a, b) = if flip { (b, a) } else { (a, b) };
        if a < b {
            // The suffix at `j` loses: skip past it; the period grows.
            j += k + 1;
            k = 0;
            p = j - ms;
        } else if a == b {
            if k + 1 == p {
                j += p;
                k = 0;
            } else {
                k += 1;
            }
        } else {
            // The suffix at `j` wins and becomes the candidate.
            ms = j;
            j = ms + 1;
            k = 0;
            p = 1;
        }
    }
    (ms, p)
}

/// A needle prepared for searching.
struct Needle<'a> {
    x: &'a [u8],
    /// Where the right part `v` starts.
    split: usize,
    /// The shift after a full match of `v`.
    period: usize,
    /// Whether the left part `u` repeats within the period (then the
    /// matched prefix is remembered across shifts).
    periodic: bool,
}

impl<'a> Needle<'a> {
    /// `x` is not empty.
    fn new(x: &'a [u8]) -> Needle<'a> {
        let (a, p) = maximal_suffix(x, false);
        let (b, q) = maximal_suffix(x, true);
        let (split, period) = if a > b { (a, p) } else { (b, q) };
        if x[..split] == x[period..period + split] {
            Needle { x, split, period, periodic: true }
        } else {
            Needle { x, split, period: split.max(x.len() - split) + 1, periodic: false }
        }
    }

    /// The first position of the needle in `h`.
    fn find(&self, h: &mut impl Haystack) -> Option<usize> {
        let (x, m, split) = (self.x, self.x.len(), self.split);
        // Bytes of the needle known to match at the current position.
        let mut memory = 0;
        let mut pos = 0;
        while h.has(pos + m) {
            // The right part, left to right.
            let mut i = split.max(memory);
            while i < m && x[i] == h.at(pos + i) {
                i += 1;
            }
            if i < m {
                pos += i - split + 1;
                memory = 0;
                continue;
            }
            // The left part, right to left, down to what memory covers.
            let mut i = split;
            while i > memory && x[i - 1] == h.at(pos + i - 1) {
                i -= 1;
            }
            if i <= memory {
                return Some(pos);
            }
            pos += self.period;
            if self.periodic {
                memory = m - self.period;
            }
        }
        None
    }
}

/// C11 `strstr`: the first occurrence of `needle` in `haystack`, or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strstr(haystack: *const c_char, needle: *const c_char) -> *mut c_char {
    // SAFETY: the C contract makes both strings.
    unsafe {
        let x = crate::cptr::cstr(needle);
        match x.len() {
            0 => haystack.cast_mut(),
            1 => find_char(haystack.cast(), x[0]),
            _ => {
                let mut h = Str { p: haystack.cast(), known: 0, ended: false };
                Needle::new(x).find(&mut h).map_or(core::ptr::null_mut(), |i| haystack.add(i).cast_mut())
            }
        }
    }
}

/// `memmem` (cloudlibc, GNU): the first occurrence of the `nn` bytes at
/// `needle` among the `hn` bytes at `haystack`, or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memmem(haystack: *const c_void, hn: size_t, needle: *const c_void, nn: size_t) -> *mut c_void {
    // SAFETY: the C contract makes both readable for their lengths.
    unsafe {
        let x = crate::cptr::slice(needle.cast(), nn);
        match nn {
            0 => haystack.cast_mut(),
            1 => find_byte(haystack.cast(), x[0], hn),
            _ => {
                let mut h = Bytes { p: haystack.cast(), n: hn };
                Needle::new(x).find(&mut h).map_or(core::ptr::null_mut(), |i| haystack.cast::<u8>().add(i).cast_mut().cast())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first occurrence by brute force.
    fn naive(h: &[u8], x: &[u8]) -> Option<usize> {
        (0..=h.len().checked_sub(x.len())?).find(|&i| &h[i..i + x.len()] == x)
    }

    fn two_way(h: &[u8], x: &[u8]) -> Option<usize> {
        Needle::new(x).find(&mut Bytes { p: h.as_ptr(), n: h.len() })
    }

    /// Every needle and haystack over a two-letter alphabet up to given
    /// lengths: periodic and aperiodic needles, overlaps, near misses.
    #[test]
    fn agrees_with_brute_force_on_all_small_binary_strings() {
        let words = |len: usize| (0..1u32 << len).map(move |bits| (0..len).map(|i| b'a' + (bits >> i & 1) as u8).collect::<Vec<u8>>());
        for nl in 1..=6 {
            for x in words(nl) {
                for hl in 0..=10 {
                    for h in words(hl) {
                        assert_eq!(two_way(&h, &x), naive(&h, &x), "needle {:?} haystack {:?}", x, h);
                    }
                }
            }
        }
    }

    #[test]
    fn agrees_with_brute_force_on_pseudo_random_text() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2000 {
            let alphabet = 1 + (next() % 4) as u8;
            let h: Vec<u8> = (0..next() % 200).map(|_| b'a' + (next() % u64::from(alphabet)) as u8).collect();
            let x: Vec<u8> = (0..1 + next() % 8).map(|_| b'a' + (next() % u64::from(alphabet)) as u8).collect();
            assert_eq!(two_way(&h, &x), naive(&h, &x), "needle {:?} haystack {:?}", x, h);
        }
    }

    #[test]
    fn lazy_string_haystack_stops_at_the_terminator() {
        let text = b"abcabcabd\0abd";
        let mut h = Str { p: text.as_ptr(), known: 0, ended: false };
        assert_eq!(Needle::new(b"abd").find(&mut h), Some(6));
        let mut h = Str { p: text.as_ptr(), known: 0, ended: false };
        assert_eq!(Needle::new(b"dab").find(&mut h), None);
    }
}
