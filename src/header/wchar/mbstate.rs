//! The multibyte codec behind every conversion function: one character at
//! a time, resumable through `mbstate_t`.
//!
//! - C locale: ASCII; a byte 0x80-0xff is an encoding error (EILSEQ), and
//!   so is a wide character above 0x7f (glibc's C locale does the same).
//! - UTF-8 locales: strict UTF-8. Overlong forms, surrogates (U+D800 to
//!   U+DFFF), values above U+10FFFF, stray continuation bytes and the
//!   bytes 0xc0, 0xc1, 0xf5-0xff are errors, found at the first byte that
//!   rules out every valid completion (e.g. "\xe0\x80" fails at its
//!   second byte, not after a third).

/// `mbstate_t` (`__mbstate_t` in include/_/types.h).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct mbstate_t {
    /// A UTF-16 surrogate waiting for its partner: the low half
    /// `mbrtoc16` still has to return, or the high half `c16rtomb` got.
    pub __bytes: u32,
    /// Continuation bytes still missing from a partial UTF-8 sequence.
    pub __bytesleft: u32,
    /// The bits of the partial sequence so far.
    pub __partial: u32,
    /// The smallest value the sequence's length may encode.
    pub __lowerbound: u32,
}

impl mbstate_t {
    pub const INITIAL: mbstate_t = mbstate_t { __bytes: 0, __bytesleft: 0, __partial: 0, __lowerbound: 0 };

    pub fn is_initial(&self) -> bool {
        self.__bytesleft == 0 && self.__bytes == 0
    }
}

/// The outcome of decoding from some input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoded {
    /// A character, completed by the first `usize` bytes of the input.
    Char(u32, usize),
    /// All of the input was consumed into the state; more is needed.
    Incomplete,
    /// An encoding error; the state is reset.
    Invalid,
}

/// Whether a sequence whose remaining `left` continuation bytes are
/// unknown can still encode a valid scalar value of its length.
fn can_complete(partial: u32, left: u32, lower: u32) -> bool {
    let min = partial << (6 * left);
    let max = min | ((1 << (6 * left)) - 1);
    max >= lower && min <= 0x10ffff && !(min >= 0xd800 && max <= 0xdfff)
}

/// Decodes one character from `s`, continuing the sequence in `st`.
pub fn decode(utf8: bool, s: &[u8], st: &mut mbstate_t) -> Decoded {
    if !utf8 {
        return match s.first() {
            None => Decoded::Incomplete,
            Some(&b) if b < 0x80 => Decoded::Char(b as u32, 1),
            Some(_) => Decoded::Invalid,
        };
    }
    for (i, &b) in s.iter().enumerate() {
        if st.__bytesleft == 0 {
            let (left, bits, lower) = match b {
                0x00..=0x7f => return Decoded::Char(b as u32, i + 1),
                0xc2..=0xdf => (1, b & 0x1f, 0x80),
                0xe0..=0xef => (2, b & 0x0f, 0x800),
                0xf0..=0xf4 => (3, b & 0x07, 0x10000),
                _ => return invalid(st),
            };
            *st = mbstate_t { __bytes: st.__bytes, __bytesleft: left, __partial: bits as u32, __lowerbound: lower };
            continue;
        }
        if b & 0xc0 != 0x80 {
            return invalid(st);
        }
        st.__partial = st.__partial << 6 | (b & 0x3f) as u32;
        st.__bytesleft -= 1;
        if !can_complete(st.__partial, st.__bytesleft, st.__lowerbound) {
            return invalid(st);
        }
        if st.__bytesleft == 0 {
            let c = st.__partial;
            st.__partial = 0;
            st.__lowerbound = 0;
            return Decoded::Char(c, i + 1);
        }
    }
    Decoded::Incomplete
}

fn invalid(st: &mut mbstate_t) -> Decoded {
    *st = mbstate_t::INITIAL;
    Decoded::Invalid
}

/// Encodes `c` into `out`: its length, or None if the character set has
/// no encoding for it.
pub fn encode(utf8: bool, c: u32, out: &mut [u8; 4]) -> Option<usize> {
    if c < 0x80 {
        out[0] = c as u8;
        return Some(1);
    }
    if !utf8 || (0xd800..=0xdfff).contains(&c) || c > 0x10ffff {
        return None;
    }
    let n = match c {
        0..=0x7ff => 2,
        0x800..=0xffff => 3,
        _ => 4,
    };
    let lead: u8 = [0, 0, 0xc0, 0xe0, 0xf0][n];
    for (i, b) in out[..n].iter_mut().enumerate().rev() {
        let shift = 6 * (n - 1 - i);
        *b = if i == 0 { lead | (c >> shift) as u8 } else { 0x80 | ((c >> shift) & 0x3f) as u8 };
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(s: &[u8]) -> Decoded {
        decode(true, s, &mut mbstate_t::INITIAL.clone())
    }

    #[test]
    fn boundaries_round_trip() {
        for c in [0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff] {
            let mut b = [0; 4];
            let n = encode(true, c, &mut b).unwrap();
            assert_eq!(whole(&b[..n]), Decoded::Char(c, n), "{c:#x}");
            // One byte at a time, across calls.
            let mut st = mbstate_t::INITIAL;
            for i in 0..n - 1 {
                assert_eq!(decode(true, &b[i..i + 1], &mut st), Decoded::Incomplete);
                assert!(!st.is_initial());
            }
            assert_eq!(decode(true, &b[n - 1..n], &mut st), Decoded::Char(c, 1));
            assert!(st.is_initial());
        }
        for c in [0xd800, 0xdfff, 0x110000, u32::MAX] {
            assert_eq!(encode(true, c, &mut [0; 4]), None);
        }
        assert_eq!(encode(false, 0x80, &mut [0; 4]), None);
        assert_eq!(encode(false, 0x7f, &mut [0; 4]), Some(1));
    }

    #[test]
    fn rejects_early() {
        // Overlong 2-, 3- and 4-byte forms, surrogates, beyond U+10FFFF.
        for bad in [&b"\xc0\x80"[..], b"\xc1", b"\xe0\x80", b"\xe0\x9f", b"\xf0\x80", b"\xf0\x8f", b"\xed\xa0", b"\xed\xbf", b"\xf4\x90", b"\xf5", b"\xff", b"\x80", b"\xc2\x41", b"\xe2\x82\x41"] {
            assert_eq!(whole(bad), Decoded::Invalid, "{bad:x?}");
        }
        assert_eq!(whole(b"\xe0\xa0"), Decoded::Incomplete);
        assert_eq!(whole(b"\xed\x9f\xbf"), Decoded::Char(0xd7ff, 3));
        assert_eq!(whole(b"\xf4\x8f\xbf\xbf"), Decoded::Char(0x10ffff, 4));
        assert_eq!(decode(false, b"\x80", &mut mbstate_t::INITIAL.clone()), Decoded::Invalid);
        assert_eq!(decode(false, b"A", &mut mbstate_t::INITIAL.clone()), Decoded::Char(0x41, 1));
        assert_eq!(whole(b""), Decoded::Incomplete);
    }
}
