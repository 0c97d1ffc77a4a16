//! `<iconv.h>`: character set conversion between UTF-8, UTF-16, UTF-32
//! (each also LE and BE), ASCII, ISO-8859-1 and WCHAR_T.
//!
//! Names are matched case-insensitively: "UTF-8"/"UTF8", "UTF-16",
//! "UTF-16LE", "UTF-16BE" (and UTF-32 alike, "UCS-4" being UTF-32BE),
//! "ASCII"/"US-ASCII"/"ANSI_X3.4-1968", "ISO-8859-1"/"ISO8859-1"/"LATIN1"/
//! "L1", "WCHAR_T" (UTF-32 in native order), and "" for the current
//! locale's character set. "UTF-16" and "UTF-32" read a byte order mark if
//! there is one (else little-endian, as glibc) and write one, in
//! little-endian order, before the first character; the explicit-order
//! forms pass U+FEFF through as a character.
//!
//! A "//TRANSLIT" suffix on the target replaces characters it cannot hold
//! with '?'; "//IGNORE" skips them and invalid input. Both count as
//! irreversible conversions, which `iconv` returns. Errors follow POSIX:
//! EILSEQ for invalid or unconvertible input, EINVAL for an incomplete
//! sequence at the end of the input, E2BIG for a full output buffer; the
//! buffer pointers then point exactly at the character that failed.

use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::errno::{set_errno, Errno};
use crate::header::locale;
use crate::header::stdlib::malloc::{free, malloc};
use crate::header::wchar::mbstate::{decode, encode, mbstate_t, Decoded};
use cloudabi::errno;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    Big,
    Little,
    /// Byte order mark: detected on input, written on output.
    Mark,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Charset {
    Ascii,
    Latin1,
    Utf8,
    Utf16(Order),
    Utf32(Order),
}

/// An open conversion (what `iconv_t` points at).
pub struct Conv {
    from: Charset,
    to: Charset,
    ignore: bool,
    translit: bool,
    /// The byte order found (or assumed) in marked input so far.
    in_order: Option<Order>,
    mark_written: bool,
}

pub type iconv_t = *mut Conv;

/// Splits "NAME//FLAG//FLAG" and recognises the name.
fn charset(spec: &[u8]) -> Option<(Charset, bool, bool)> {
    let mut parts = spec.split(|&c| c == b'/').filter(|p| !p.is_empty());
    let name = if spec.first() == Some(&b'/') { &b""[..] } else { parts.next().unwrap_or(b"") };
    let (mut translit, mut ignore) = (false, false);
    for flag in parts {
        match flag {
            f if f.eq_ignore_ascii_case(b"TRANSLIT") => translit = true,
            f if f.eq_ignore_ascii_case(b"IGNORE") => ignore = true,
            _ => return None,
        }
    }
    let mut upper = [0u8; 24];
    if name.len() > upper.len() {
        return None;
    }
    for (u, c) in upper.iter_mut().zip(name) {
        *u = c.to_ascii_uppercase();
    }
    let cs = match &upper[..name.len()] {
        b"" if locale::current().is_utf8() => Charset::Utf8,
        b"" => Charset::Ascii,
        b"UTF-8" | b"UTF8" => Charset::Utf8,
        b"UTF-16" | b"UTF16" => Charset::Utf16(Order::Mark),
        b"UTF-16LE" | b"UTF16LE" => Charset::Utf16(Order::Little),
        b"UTF-16BE" | b"UTF16BE" => Charset::Utf16(Order::Big),
        b"UTF-32" | b"UTF32" => Charset::Utf32(Order::Mark),
        b"UTF-32LE" | b"UTF32LE" | b"WCHAR_T" => Charset::Utf32(Order::Little),
        b"UTF-32BE" | b"UTF32BE" | b"UCS-4" | b"UCS4" => Charset::Utf32(Order::Big),
        b"ASCII" | b"US-ASCII" | b"ANSI_X3.4-1968" => Charset::Ascii,
        b"ISO-8859-1" | b"ISO8859-1" | b"ISO_8859-1" | b"LATIN1" | b"L1" => Charset::Latin1,
        _ => return None,
    };
    Some((cs, translit, ignore))
}

/// POSIX `iconv_open`: (iconv_t)-1 with EINVAL for an unknown name.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn iconv_open(tocode: *const c_char, fromcode: *const c_char) -> iconv_t {
    // SAFETY: both are C strings (C contract).
    let (to, from) = unsafe { (cptr::cstr(tocode), cptr::cstr(fromcode)) };
    let (Some((to, translit, ignore)), Some((from, ..))) = (charset(to), charset(from)) else {
        set_errno(errno::INVAL);
        return usize::MAX as iconv_t;
    };
    let p = malloc(core::mem::size_of::<Conv>()).cast::<Conv>();
    if p.is_null() {
        set_errno(errno::NOMEM);
        return usize::MAX as iconv_t;
    }
    // SAFETY: `p` is a fresh allocation of the right size and alignment.
    unsafe { p.write(Conv { from, to, ignore, translit, in_order: None, mark_written: false }) };
    p
}

/// POSIX `iconv_close`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn iconv_close(cd: iconv_t) -> c_int {
    if cd.is_null() || cd as usize == usize::MAX {
        set_errno(errno::BADF);
        return -1;
    }
    // SAFETY: `cd` came from iconv_open's malloc (C contract).
    unsafe { free(cd.cast()) };
    0
}

/// One decoded input character.
enum In {
    /// A scalar value and the bytes it took.
    Char(u32, usize),
    /// The input ends inside a character.
    Short,
    /// Invalid input; skipping it takes this many bytes.
    Bad(usize),
}

/// The code unit in `b` (2 or 4 bytes).
fn unit(b: &[u8], order: Order) -> u32 {
    let be = b.iter().fold(0u32, |v, &x| v << 8 | x as u32);
    match order {
        Order::Big => be,
        _ => be.swap_bytes() >> (32 - 8 * b.len() as u32),
    }
}

/// Stores code unit `v` in `width` bytes.
fn put_unit(out: &mut [u8], v: u32, width: usize, order: Order) {
    for (i, b) in out[..width].iter_mut().enumerate() {
        let shift = match order {
            Order::Big => 8 * (width - 1 - i),
            _ => 8 * i,
        };
        *b = (v >> shift) as u8;
    }
}

impl Conv {
    /// Decodes the character at the start of `s` (not empty).
    fn read(&self, s: &[u8]) -> In {
        let order = match self.from {
            Charset::Utf16(Order::Mark) | Charset::Utf32(Order::Mark) => self.in_order.unwrap_or(Order::Little),
            Charset::Utf16(o) | Charset::Utf32(o) => o,
            _ => Order::Big,
        };
        match self.from {
            Charset::Ascii if s[0] < 0x80 => In::Char(s[0] as u32, 1),
            Charset::Ascii => In::Bad(1),
            Charset::Latin1 => In::Char(s[0] as u32, 1),
            Charset::Utf8 => match decode(true, s, &mut mbstate_t::INITIAL.clone()) {
                Decoded::Char(c, n) => In::Char(c, n),
                Decoded::Incomplete => In::Short,
                Decoded::Invalid => In::Bad(1),
            },
            Charset::Utf16(_) if s.len() < 2 => In::Short,
            Charset::Utf16(_) => match unit(&s[..2], order) {
                0xd800..=0xdbff if s.len() < 4 => In::Short,
                hi @ 0xd800..=0xdbff => match unit(&s[2..4], order) {
                    lo @ 0xdc00..=0xdfff => In::Char(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00), 4),
                    _ => In::Bad(2),
                },
                0xdc00..=0xdfff => In::Bad(2),
                c => In::Char(c, 2),
            },
            Charset::Utf32(_) if s.len() < 4 => In::Short,
            Charset::Utf32(_) => match unit(&s[..4], order) {
                0xd800..=0xdfff | 0x110000.. => In::Bad(4),
                c => In::Char(c, 4),
            },
        }
    }

    /// Encodes `c` (after a byte order mark if one is due); None if the
    /// target cannot hold it.
    fn write(&self, c: u32, out: &mut [u8; 8]) -> Option<usize> {
        let (width, order) = match self.to {
            Charset::Ascii | Charset::Latin1 => {
                let max = if self.to == Charset::Ascii { 0x80 } else { 0x100 };
                out[0] = c as u8;
                return (c < max).then_some(1);
            }
            Charset::Utf8 => {
                let mut b = [0u8; 4];
                let n = encode(true, c, &mut b)?;
                out[..4].copy_from_slice(&b);
                return Some(n);
            }
            Charset::Utf16(order) => (2, order),
            Charset::Utf32(order) => (4, order),
        };
        if (0xd800..=0xdfff).contains(&c) || c > 0x10ffff {
            return None;
        }
        let mut n = 0;
        if order == Order::Mark && !self.mark_written {
            put_unit(out, 0xfeff, width, Order::Little);
            n = width;
        }
        if width == 2 && c >= 0x10000 {
            put_unit(&mut out[n..], 0xd800 + ((c - 0x10000) >> 10), 2, order);
            put_unit(&mut out[n + 2..], 0xdc00 + (c & 0x3ff), 2, order);
            return Some(n + 4);
        }
        put_unit(&mut out[n..], c, width, order);
        Some(n + width)
    }

    /// For marked input not yet begun: the length of a byte order mark at
    /// the start of `s` (0 if none, meaning little-endian); None if `s` is
    /// too short to tell.
    fn take_mark(&mut self, s: &[u8]) -> Option<usize> {
        let width = match self.from {
            Charset::Utf16(Order::Mark) => 2,
            Charset::Utf32(Order::Mark) => 4,
            _ => return Some(0),
        };
        if self.in_order.is_some() {
            return Some(0);
        }
        if s.len() < width {
            return None;
        }
        let (order, skip) = match unit(&s[..width], Order::Big) {
            0xfeff => (Order::Big, width),
            v if v == 0xfffe << (8 * (width - 2)) => (Order::Little, width),
            _ => (Order::Little, 0),
        };
        self.in_order = Some(order);
        Some(skip)
    }

    /// Converts as much of `inp` into `out` as it can: bytes read and
    /// written, irreversible conversions, and the error that stopped it.
    fn run(&mut self, inp: &[u8], out: &mut [u8]) -> (usize, usize, usize, Option<Errno>) {
        let (mut i, mut o, mut lossy) = (0, 0, 0);
        let err = loop {
            if i == inp.len() {
                break None;
            }
            match self.take_mark(&inp[i..]) {
                None => break Some(errno::INVAL),
                Some(0) => {}
                Some(k) => {
                    i += k;
                    continue;
                }
            }
            let (c, n) = match self.read(&inp[i..]) {
                In::Short => break Some(errno::INVAL),
                In::Bad(n) if self.ignore => {
                    i += n;
                    lossy += 1;
                    continue;
                }
                In::Bad(_) => break Some(errno::ILSEQ),
                In::Char(c, n) => (c, n),
            };
            let mut buf = [0u8; 8];
            let k = match self.write(c, &mut buf) {
                Some(k) => k,
                None if self.translit => {
                    lossy += 1;
                    self.write(b'?' as u32, &mut buf).unwrap_or(0)
                }
                None if self.ignore => {
                    i += n;
                    lossy += 1;
                    continue;
                }
                None => break Some(errno::ILSEQ),
            };
            if o + k > out.len() {
                break Some(errno::TOOBIG);
            }
            out[o..o + k].copy_from_slice(&buf[..k]);
            o += k;
            i += n;
            self.mark_written = true;
        };
        (i, o, lossy, err)
    }
}

/// POSIX `iconv`: converts from `*inbuf` to `*outbuf`, advancing both;
/// returns the number of irreversible conversions, or (size_t)-1 with
/// errno. A null `inbuf` (or `*inbuf`) resets the conversion state.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn iconv(
    cd: iconv_t,
    inbuf: *mut *mut c_char,
    inleft: *mut usize,
    outbuf: *mut *mut c_char,
    outleft: *mut usize,
) -> usize {
    if cd.is_null() || cd as usize == usize::MAX {
        set_errno(errno::BADF);
        return usize::MAX;
    }
    // SAFETY: `cd` came from iconv_open, and the buffer pointers are null
    // or valid as POSIX describes (C contract).
    unsafe {
        let conv = &mut *cd;
        if inbuf.is_null() || (*inbuf).is_null() {
            conv.in_order = None;
            conv.mark_written = false;
            return 0;
        }
        let inp = cptr::slice((*inbuf).cast(), *inleft);
        let room = if outbuf.is_null() || (*outbuf).is_null() { 0 } else { *outleft };
        let out = if room == 0 { &mut [][..] } else { cptr::slice_mut((*outbuf).cast(), room) };
        let (i, o, lossy, err) = conv.run(inp, out);
        *inbuf = (*inbuf).add(i);
        *inleft -= i;
        if o > 0 {
            *outbuf = (*outbuf).add(o);
            *outleft -= o;
        }
        match err {
            None => lossy,
            Some(e) => {
                set_errno(e);
                usize::MAX
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(to: &str, from: &str) -> Conv {
        let (to, translit, ignore) = charset(to.as_bytes()).unwrap();
        let (from, ..) = charset(from.as_bytes()).unwrap();
        Conv { from, to, ignore, translit, in_order: None, mark_written: false }
    }

    fn run(to: &str, from: &str, input: &[u8]) -> (Vec<u8>, usize, usize, Option<Errno>) {
        let mut c = conv(to, from);
        let mut out = [0u8; 128];
        let (i, o, lossy, err) = c.run(input, &mut out);
        (out[..o].to_vec(), i, lossy, err)
    }

    #[test]
    fn names() {
        for n in ["utf-8", "UTF8", "utf-16le", "Latin1", "iso-8859-1", "ASCII//TRANSLIT", "UTF-8//IGNORE", "UTF-8//TRANSLIT//IGNORE", "wchar_t"] {
            assert!(charset(n.as_bytes()).is_some(), "{n}");
        }
        for n in ["EBCDIC", "UTF-8//BOGUS", "UTF-9", "ISO-8859-15"] {
            assert!(charset(n.as_bytes()).is_none(), "{n}");
        }
    }

    #[test]
    fn boundaries_through_every_encoding() {
        let chars = [0u32, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff];
        let utf8: Vec<u8> = chars.iter().flat_map(|&c| char::from_u32(c).unwrap().to_string().into_bytes()).collect();
        for enc in ["UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE", "UTF-32"] {
            let (mid, i, ..) = run(enc, "UTF-8", &utf8);
            assert_eq!(i, utf8.len());
            let (back, j, _, err) = run("UTF-8", enc, &mid);
            assert_eq!((back, j, err), (utf8.clone(), mid.len(), None), "{enc}");
        }
        let (u16, ..) = run("UTF-16", "UTF-8", "A\u{10000}".as_bytes());
        assert_eq!(u16, [0xff, 0xfe, 0x41, 0, 0x00, 0xd8, 0x00, 0xdc]);
        let (u32be, ..) = run("UTF-32BE", "UTF-8", b"A");
        assert_eq!(u32be, [0, 0, 0, 0x41]);
        // A big-endian mark is honoured and consumed; no mark means LE.
        assert_eq!(run("UTF-8", "UTF-16", &[0xfe, 0xff, 0, 0x41]).0, b"A");
        assert_eq!(run("UTF-8", "UTF-32", &[0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]).0, b"A");
        assert_eq!(run("UTF-8", "UTF-16", &[0x41, 0]).0, b"A");
        assert_eq!(run("UTF-8", "UTF-16LE", &[0xff, 0xfe, 0x41, 0]).0, "\u{feff}A".as_bytes());
    }

    #[test]
    fn errors_stop_at_the_failing_character() {
        for bad in [&b"a\xc0\x80"[..], b"a\xed\xa0\x80", b"a\xf4\x90\x80\x80", b"a\xe0\x80\x80", b"a\xf0\x80\x80\x80"] {
            let r = run("UTF-16LE", "UTF-8", bad);
            assert_eq!((r.1, r.3), (1, Some(errno::ILSEQ)), "{bad:x?}");
        }
        let r = run("UTF-8", "UTF-8", b"ab\xe2\x82");
        assert_eq!((r.1, r.3), (2, Some(errno::INVAL)));
        let r = run("UTF-8", "UTF-16LE", &[0x41, 0, 0x00, 0xd8]);
        assert_eq!((r.1, r.3), (2, Some(errno::INVAL)));
        let r = run("UTF-8", "UTF-16LE", &[0x00, 0xdc, 0x41, 0]);
        assert_eq!((r.1, r.3), (0, Some(errno::ILSEQ)));
        let r = run("UTF-8", "UTF-32LE", &[0, 0, 0x11, 0]);
        assert_eq!(r.3, Some(errno::ILSEQ));
        let r = run("UTF-16BE", "UTF-32BE", &[0, 0, 0xd8, 0]);
        assert_eq!(r.3, Some(errno::ILSEQ));
        let r = run("ASCII", "UTF-8", "a\u{e9}b".as_bytes());
        assert_eq!((r.0, r.1, r.3), (b"a".to_vec(), 1, Some(errno::ILSEQ)));
        let r = run("ASCII//TRANSLIT", "UTF-8", "a\u{e9}b".as_bytes());
        assert_eq!((r.0, r.2, r.3), (b"a?b".to_vec(), 1, None));
        let r = run("ASCII//IGNORE", "UTF-8", b"a\xffb\xc3\xa9c");
        assert_eq!((r.0, r.2, r.3), (b"abc".to_vec(), 2, None));
        let r = run("ISO-8859-1", "UTF-8", "\u{ff}\u{100}".as_bytes());
        assert_eq!((r.0, r.1, r.3), (vec![0xff], 2, Some(errno::ILSEQ)));
        assert_eq!(run("UTF-8", "LATIN1", b"\xe9").0, "\u{e9}".as_bytes());
        let r = run("UTF-8", "ASCII", b"a\x80");
        assert_eq!((r.1, r.3), (1, Some(errno::ILSEQ)));
        // Too little room: stops before the character that does not fit.
        let mut c = conv("UTF-8", "UTF-8");
        let mut out = [0u8; 3];
        let (i, o, _, err) = c.run("a\u{20ac}".as_bytes(), &mut out);
        assert_eq!((i, o, err), (1, 1, Some(errno::TOOBIG)));
    }
}
