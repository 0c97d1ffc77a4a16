//! Writing values into a caller-provided buffer (no allocation, so the libc
//! can use it before malloc works). Sizes are computed first with the same
//! code path by writing into a counting sink.

use crate::tag;

/// Serialises values. With no buffer it only counts, which gives the size to
/// allocate; with a buffer it writes, and never past its end.
pub struct Writer<'a> {
    buf: Option<&'a mut [u8]>,
    pos: usize,
}

impl<'a> Writer<'a> {
    /// A writer that only measures.
    pub fn counter() -> Writer<'static> {
        Writer { buf: None, pos: 0 }
    }

    /// A writer into `buf`; [`Writer::overflowed`] tells if it was too small.
    pub fn new(buf: &'a mut [u8]) -> Self {
        Writer { buf: Some(buf), pos: 0 }
    }

    /// Bytes written (or counted) so far.
    pub fn len(&self) -> usize {
        self.pos
    }

    pub fn is_empty(&self) -> bool {
        self.pos == 0
    }

    /// True when a real buffer was too small for what was written.
    pub fn overflowed(&self) -> bool {
        matches!(&self.buf, Some(b) if self.pos > b.len())
    }

    pub fn raw(&mut self, bytes: &[u8]) {
        if let Some(buf) = self.buf.as_deref_mut() {
            let end = self.pos.saturating_add(bytes.len());
            if end <= buf.len() {
                buf[self.pos..end].copy_from_slice(bytes);
            }
        }
        self.pos = self.pos.saturating_add(bytes.len());
    }

    pub fn null(&mut self) {}

    pub fn binary(&mut self, data: &[u8]) {
        self.raw(&[tag::BINARY]);
        self.raw(data);
    }

    pub fn bool(&mut self, v: bool) {
        self.raw(if v { &[tag::BOOL, 1] } else { &[tag::BOOL] });
    }

    pub fn fd(&mut self, fd: u32) {
        self.raw(&[tag::FD]);
        self.raw(&fd.to_be_bytes());
    }

    pub fn float(&mut self, v: f64) {
        self.raw(&[tag::FLOAT]);
        self.raw(&v.to_bits().to_be_bytes());
    }

    pub fn int(&mut self, v: i128) {
        self.raw(&[tag::INT]);
        self.int_body(v);
    }

    /// Minimal two's complement: drop leading bytes that only repeat the sign.
    fn int_body(&mut self, v: i128) {
        let bytes = v.to_be_bytes();
        let mut start = 0;
        while start < bytes.len() {
            let b = bytes[start];
            let next_sign = bytes.get(start + 1).map(|n| n & 0x80);
            let redundant = match (b, next_sign) {
                (0, Some(0)) | (0xff, Some(0x80)) => true,
                (0, None) => true,
                _ => false,
            };
            if !redundant {
                break;
            }
            start += 1;
        }
        self.raw(&bytes[start..]);
    }

    /// `s` must not contain NUL; the terminator is added here.
    pub fn str(&mut self, s: &[u8]) {
        self.raw(&[tag::STR]);
        self.raw(s);
        self.raw(&[0]);
    }

    pub fn timestamp(&mut self, nanoseconds: i128) {
        self.raw(&[tag::TIMESTAMP]);
        self.int_body(nanoseconds);
    }

    /// Starts a sequence; follow with [`Writer::entry`] for each element.
    pub fn seq_start(&mut self) {
        self.raw(&[tag::SEQ]);
    }

    /// Starts a map; follow with [`Writer::entry`] for each key and each value.
    pub fn map_start(&mut self) {
        self.raw(&[tag::MAP]);
    }

    /// Writes one seq element or map key/value: its length, then its bytes.
    /// The element is produced by `f`, measured first with a counter.
    pub fn entry(&mut self, f: impl Fn(&mut Writer)) {
        let mut counter = Writer::counter();
        f(&mut counter);
        self.varint(counter.len());
        f(self);
    }

    /// Writes an already-encoded element with its length prefix.
    pub fn entry_bytes(&mut self, encoded: &[u8]) {
        self.varint(encoded.len());
        self.raw(encoded);
    }

    /// Writes only the length prefix of an element of `len` bytes, for
    /// callers that know the length in advance and write the element next
    /// (measuring it again with [`Writer::entry`] would cost a pass per level).
    pub fn entry_len(&mut self, len: usize) {
        self.varint(len);
    }

    fn varint(&mut self, mut n: usize) {
        let mut tmp = [0u8; 10];
        let mut i = tmp.len();
        loop {
            i -= 1;
            tmp[i] = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                break;
            }
        }
        tmp[9] |= 0x80;
        self.raw(&tmp[i..]);
    }
}

/// Size of the varint length prefix plus an element of `len` bytes.
pub fn encoded_len(len: usize) -> usize {
    let mut digits = 1;
    let mut n = len >> 7;
    while n != 0 {
        digits += 1;
        n >>= 7;
    }
    digits + len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Error, Value};

    fn enc(f: impl Fn(&mut Writer)) -> ([u8; 64], usize) {
        let mut buf = [0u8; 64];
        let mut w = Writer::new(&mut buf);
        f(&mut w);
        assert!(!w.overflowed());
        let n = w.len();
        (buf, n)
    }

    #[test]
    fn reference_example_encodes_exactly() {
        let (buf, n) = enc(|w| {
            w.seq_start();
            w.entry(|w| w.int(0));
            w.entry(|w| w.bool(true));
            w.entry(|w| w.str(b"A"));
        });
        assert_eq!(&buf[..n], &[0x07, 0x81, 0x05, 0x82, 0x02, 0x01, 0x83, 0x08, 0x41, 0x00]);
    }

    #[test]
    fn reference_example_decodes() {
        let bytes = [0x07, 0x81, 0x05, 0x82, 0x02, 0x01, 0x83, 0x08, 0x41, 0x00];
        let v = Value::new(&bytes);
        let items: [Value; 3] = {
            let mut it = v.seq().unwrap();
            [it.next().unwrap().unwrap(), it.next().unwrap().unwrap(), it.next().unwrap().unwrap()]
        };
        assert_eq!(items[0].int().unwrap(), 0);
        assert!(items[1].bool().unwrap());
        assert_eq!(items[2].str().unwrap(), "A");
    }

    #[test]
    fn ints_are_minimal_and_round_trip() {
        for (v, body) in [
            (0i128, &[][..]),
            (1, &[1][..]),
            (127, &[0x7f][..]),
            (128, &[0x00, 0x80][..]),
            (-1, &[0xff][..]),
            (-128, &[0x80][..]),
            (-129, &[0xff, 0x7f][..]),
            (i64::MIN as i128, &[0x80, 0, 0, 0, 0, 0, 0, 0][..]),
            (u64::MAX as i128, &[0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff][..]),
        ] {
            let (buf, n) = enc(|w| w.int(v));
            assert_eq!(&buf[1..n], body, "encoding {v}");
            assert_eq!(Value::new(&buf[..n]).int().unwrap(), v);
        }
    }

    #[test]
    fn long_lengths_use_multibyte_varints() {
        let mut big = [0u8; 300];
        let mut w = Writer::new(&mut big);
        w.seq_start();
        w.entry(|w| w.binary(&[7u8; 200]));
        let n = w.len();
        assert_eq!(&big[..3], &[0x07, 0x01, 0xc9]);
        assert_eq!(n, 3 + 201);
        assert_eq!(encoded_len(201), 203);
        let v = Value::new(&big[..n]);
        assert_eq!(v.seq().unwrap().next().unwrap().unwrap().binary().unwrap().len(), 200);
    }

    #[test]
    fn malformed_input_is_rejected_not_read_past() {
        for bad in [
            &[0x07, 0x05][..],       // length with no terminating byte
            &[0x07, 0x85, 0x05][..], // entry longer than the buffer
            &[0x06, 0x81, 0x05][..], // key without value
        ] {
            let v = Value::new(bad);
            let errs = v.seq().map(|s| s.filter(|e| e.is_err()).count()).unwrap_or(0)
                + v.map().map(|m| m.filter(|e| e.is_err()).count()).unwrap_or(0);
            assert_eq!(errs, 1, "{bad:?}");
        }
        assert_eq!(Value::new(&[0x08, 0x41]).str(), Err(Error::Invalid));
        assert_eq!(Value::new(&[0x08, 0x41, 0, 0x42, 0]).str(), Err(Error::Invalid));
        assert_eq!(Value::new(&[0x02, 0x02]).bool(), Err(Error::Invalid));
        assert_eq!(Value::new(&[0x03, 0, 0]).fd(), Err(Error::Invalid));
        assert_eq!(Value::new(&[0x05]).str(), Err(Error::WrongType));
        assert_eq!(Value::new(&[0x05, 1, 0, 0, 0, 0, 0, 0, 0, 0]).int_i64(), Err(Error::Range));
    }

    #[test]
    fn counter_measures_what_writer_writes() {
        let f = |w: &mut Writer| {
            w.map_start();
            w.entry(|w| w.str(b"key"));
            w.entry(|w| w.float(1.5));
            w.entry(|w| w.str(b"fd"));
            w.entry(|w| w.fd(3));
        };
        let mut c = Writer::counter();
        f(&mut c);
        let (buf, n) = enc(f);
        assert_eq!(c.len(), n);
        let v = Value::new(&buf[..n]);
        assert_eq!(v.get("fd").unwrap().unwrap().fd().unwrap(), 3);
        assert_eq!(v.get("key").unwrap().unwrap().float().unwrap(), 1.5);
        assert_eq!(v.get("nope").unwrap(), None);
    }

    #[test]
    fn timestamps_split_into_seconds_and_nanoseconds() {
        let (buf, n) = enc(|w| w.timestamp(-1));
        assert_eq!(Value::new(&buf[..n]).timestamp().unwrap(), (-1, 999_999_999));
    }

    #[test]
    fn entry_len_matches_entry() {
        let (a, n) = enc(|w| {
            w.seq_start();
            w.entry(|w| w.binary(&[9u8; 40]));
        });
        let (b, m) = enc(|w| {
            w.seq_start();
            w.entry_len(41);
            w.binary(&[9u8; 40]);
        });
        assert_eq!(&a[..n], &b[..m]);
    }

    #[test]
    fn small_buffer_reports_overflow() {
        let mut buf = [0u8; 2];
        let mut w = Writer::new(&mut buf);
        w.str(b"hello");
        assert!(w.overflowed());
    }
}
