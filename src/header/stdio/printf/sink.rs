//! Where formatted output goes: a FILE, a caller's fixed buffer, a growing
//! heap buffer, a descriptor, or wide-character buffers. The formatting
//! engine writes to any of them through [`Sink`].

use crate::header::stdio::file::{Mode, Stream};
use crate::header::stdlib::malloc::{free, realloc};
use crate::sys;

/// An output target. Narrow sinks take bytes; wide sinks take wide
/// characters, and are given only ASCII through `bytes`.
pub trait Sink {
    fn bytes(&mut self, b: &[u8]);

    fn fill(&mut self, c: u8, n: usize) {
        let chunk = [c; 64];
        let mut left = n;
        while left > 0 {
            let k = left.min(chunk.len());
            self.bytes(&chunk[..k]);
            left -= k;
        }
    }

    /// Wide characters, already checked to be encodable; a narrow sink
    /// stores them as UTF-8.
    fn wide(&mut self, w: &[u32]) {
        let mut buf = [0u8; 64];
        let mut n = 0;
        for &c in w {
            if n + 4 > buf.len() {
                self.bytes(&buf[..n]);
                n = 0;
            }
            n += encode_utf8(c, &mut buf[n..]);
        }
        self.bytes(&buf[..n]);
    }

    /// Whether output was lost (a write error or no memory).
    fn failed(&self) -> bool {
        false
    }
}

/// The UTF-8 length of `c`, or `None` if it is not a Unicode scalar value.
pub fn utf8_len(c: u32) -> Option<usize> {
    match c {
        0..=0x7f => Some(1),
        0x80..=0x7ff => Some(2),
        0xd800..=0xdfff => None,
        0x800..=0xffff => Some(3),
        0x10000..=0x10ffff => Some(4),
        _ => None,
    }
}

/// Encodes a scalar value (checked by `utf8_len`) into `out`.
pub fn encode_utf8(c: u32, out: &mut [u8]) -> usize {
    match utf8_len(c) {
        Some(1) => {
            out[0] = c as u8;
            1
        }
        Some(2) => {
            out[0] = 0xc0 | (c >> 6) as u8;
            out[1] = 0x80 | (c & 0x3f) as u8;
            2
        }
        Some(3) => {
            out[0] = 0xe0 | (c >> 12) as u8;
            out[1] = 0x80 | ((c >> 6) & 0x3f) as u8;
            out[2] = 0x80 | (c & 0x3f) as u8;
            3
        }
        _ => {
            out[0] = 0xf0 | (c >> 18) as u8;
            out[1] = 0x80 | ((c >> 12) & 0x3f) as u8;
            out[2] = 0x80 | ((c >> 6) & 0x3f) as u8;
            out[3] = 0x80 | (c & 0x3f) as u8;
            4
        }
    }
}

/// Decodes one UTF-8 sequence at the start of `s`: (scalar, length), or
/// `None` if malformed.
pub fn decode_utf8(s: &[u8]) -> Option<(u32, usize)> {
    let b0 = *s.first()?;
    let (len, init) = match b0 {
        0..=0x7f => return Some((u32::from(b0), 1)),
        0xc2..=0xdf => (2, u32::from(b0 & 0x1f)),
        0xe0..=0xef => (3, u32::from(b0 & 0x0f)),
        0xf0..=0xf4 => (4, u32::from(b0 & 0x07)),
        _ => return None,
    };
    let mut c = init;
    for i in 1..len {
        let b = *s.get(i)?;
        if b & 0xc0 != 0x80 {
            return None;
        }
        c = c << 6 | u32::from(b & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are malformed.
    if utf8_len(c) != Some(len) {
        return None;
    }
    Some((c, len))
}

/// `snprintf`: up to `cap - 1` bytes and a NUL; the rest is only counted.
pub struct BufSink {
    buf: *mut u8,
    cap: usize,
    len: usize,
}

impl BufSink {
    /// # Safety
    /// `buf` holds `cap` writable bytes (it may be null when `cap` is 0).
    pub unsafe fn new(buf: *mut u8, cap: usize) -> BufSink {
        BufSink { buf, cap, len: 0 }
    }

    /// Writes the terminating NUL.
    pub fn finish(&mut self) {
        if self.cap > 0 {
            // SAFETY: len < cap always holds.
            unsafe { *self.buf.add(self.len) = 0 };
        }
    }
}

impl Sink for BufSink {
    #[inline]
    fn bytes(&mut self, b: &[u8]) {
        let room = self.cap.saturating_sub(1) - self.len;
        let k = b.len().min(room);
        // SAFETY: `len + k <= cap - 1`, inside the caller's buffer.
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.buf.add(self.len), k) };
        self.len += k;
    }

    fn fill(&mut self, c: u8, n: usize) {
        let room = self.cap.saturating_sub(1) - self.len;
        let k = n.min(room);
        // SAFETY: as in `bytes`.
        unsafe { self.buf.add(self.len).write_bytes(c, k) };
        self.len += k;
    }
}

/// `asprintf`: a malloc'd buffer that grows as needed.
pub struct GrowSink {
    buf: *mut u8,
    cap: usize,
    len: usize,
    failed: bool,
}

impl GrowSink {
    pub fn new() -> GrowSink {
        GrowSink { buf: core::ptr::null_mut(), cap: 0, len: 0, failed: false }
    }

    fn reserve(&mut self, extra: usize) -> bool {
        if self.failed {
            return false;
        }
        let need = self.len + extra + 1;
        if need > self.cap {
            let cap = need.max(self.cap * 2).max(64);
            // SAFETY: `buf` is null or came from malloc/realloc.
            let p = unsafe { realloc(self.buf.cast(), cap) }.cast::<u8>();
            if p.is_null() {
                self.failed = true;
                return false;
            }
            self.buf = p;
            self.cap = cap;
        }
        true
    }

    /// The NUL-terminated string, or null if memory ran out.
    pub fn finish(mut self) -> *mut u8 {
        if !self.reserve(0) {
            // SAFETY: `buf` is null or from realloc.
            unsafe { free(self.buf.cast()) };
            return core::ptr::null_mut();
        }
        // SAFETY: `reserve` left room for the NUL.
        unsafe { *self.buf.add(self.len) = 0 };
        self.buf
    }
}

impl Sink for GrowSink {
    fn bytes(&mut self, b: &[u8]) {
        if self.reserve(b.len()) {
            // SAFETY: `reserve` made room for `b`.
            unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.buf.add(self.len), b.len()) };
            self.len += b.len();
        }
    }

    fn failed(&self) -> bool {
        self.failed
    }
}

/// Writes to a stream, leaving line flushes to `FileSink::finish`.
fn send(stream: &mut Stream, b: &[u8]) -> bool {
    let n = match stream.mode {
        Mode::Full => stream.write(b),
        _ => stream.write_no_line_flush(b),
    };
    n == b.len()
}

/// `fprintf` and friends, on a locked stream. Unbuffered streams get the
/// whole output in as few writes as possible (staged here); line-buffered
/// ones are flushed once at the end if a newline went out.
pub struct FileSink<'a> {
    stream: &'a mut Stream,
    stage: [u8; 512],
    staged: usize,
    newline: bool,
    failed: bool,
}

impl<'a> FileSink<'a> {
    pub fn new(stream: &'a mut Stream) -> FileSink<'a> {
        FileSink { stream, stage: [0; 512], staged: 0, newline: false, failed: false }
    }

    fn unstage(&mut self) {
        let n = core::mem::take(&mut self.staged);
        if n > 0 && !send(self.stream, &self.stage[..n]) {
            self.failed = true;
        }
    }

    /// Sends what is staged and flushes a line-buffered stream after a
    /// newline; false if any output was lost.
    pub fn finish(mut self) -> bool {
        self.unstage();
        if self.newline && self.stream.mode == Mode::Line && self.stream.flush_buffer().is_err() {
            self.failed = true;
        }
        !self.failed
    }
}

impl Sink for FileSink<'_> {
    #[inline]
    fn bytes(&mut self, b: &[u8]) {
        if self.stream.mode == Mode::Line && !self.newline {
            self.newline = b.contains(&b'\n');
        }
        if self.stream.mode != Mode::Unbuffered {
            if !send(self.stream, b) {
                self.failed = true;
            }
        } else if self.staged + b.len() <= self.stage.len() {
            self.stage[self.staged..self.staged + b.len()].copy_from_slice(b);
            self.staged += b.len();
        } else {
            self.unstage();
            if b.len() < self.stage.len() {
                self.stage[..b.len()].copy_from_slice(b);
                self.staged = b.len();
            } else if !send(self.stream, b) {
                self.failed = true;
            }
        }
    }

    fn failed(&self) -> bool {
        self.failed
    }
}

/// `dprintf`: buffered here, written to the descriptor in large pieces.
pub struct FdSink {
    fd: sys::fd,
    buf: [u8; 1024],
    len: usize,
    failed: bool,
}

impl FdSink {
    pub fn new(fd: sys::fd) -> FdSink {
        FdSink { fd, buf: [0; 1024], len: 0, failed: false }
    }

    /// Writes what is buffered; false if any output was lost.
    pub fn finish(mut self) -> bool {
        let n = core::mem::take(&mut self.len);
        self.failed |= !write_all(self.fd, &self.buf[..n]);
        !self.failed
    }
}

/// Writes all of `b` to `fd`; false (errno set) on error.
fn write_all(fd: sys::fd, mut b: &[u8]) -> bool {
    while !b.is_empty() {
        match sys::fd_write(fd, b) {
            Ok(n) if n > 0 => b = &b[n..],
            Ok(_) => {
                crate::errno::set_errno(cloudabi::errno::IO);
                return false;
            }
            Err(e) => {
                crate::errno::set_errno(e);
                return false;
            }
        }
    }
    true
}

impl Sink for FdSink {
    fn bytes(&mut self, b: &[u8]) {
        if self.failed {
            return;
        }
        if self.len + b.len() > self.buf.len() {
            let n = core::mem::take(&mut self.len);
            self.failed |= !write_all(self.fd, &self.buf[..n]);
            if b.len() > self.buf.len() {
                self.failed |= !write_all(self.fd, b);
                return;
            }
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }

    fn failed(&self) -> bool {
        self.failed
    }
}

/// `swprintf`: up to `cap - 1` wide characters and a NUL; running out of
/// room is an error (unlike `snprintf`).
pub struct WideBufSink {
    buf: *mut u32,
    cap: usize,
    len: usize,
    overflow: bool,
}

impl WideBufSink {
    /// # Safety
    /// `buf` holds `cap` writable wide characters.
    pub unsafe fn new(buf: *mut u32, cap: usize) -> WideBufSink {
        WideBufSink { buf, cap, len: 0, overflow: false }
    }

    fn push(&mut self, c: u32) {
        if self.len + 1 < self.cap {
            // SAFETY: len + 1 < cap.
            unsafe { *self.buf.add(self.len) = c };
            self.len += 1;
        } else {
            self.overflow = true;
        }
    }

    /// NUL-terminates; false if the output did not fit.
    pub fn finish(&mut self) -> bool {
        if self.cap > 0 {
            // SAFETY: len < cap.
            unsafe { *self.buf.add(self.len) = 0 };
        }
        !self.overflow
    }
}

impl Sink for WideBufSink {
    fn bytes(&mut self, b: &[u8]) {
        for &c in b {
            self.push(u32::from(c));
        }
    }

    fn wide(&mut self, w: &[u32]) {
        for &c in w {
            self.push(c);
        }
    }
}

/// `aswprintf`: a malloc'd wide buffer that grows as needed.
pub struct WideGrowSink {
    inner: GrowSink,
}

impl WideGrowSink {
    pub fn new() -> WideGrowSink {
        WideGrowSink { inner: GrowSink::new() }
    }

    /// The NUL-terminated wide string, or null if memory ran out.
    pub fn finish(mut self) -> *mut u32 {
        self.inner.bytes(&[0; 4]);
        let p = self.inner.finish();
        p.cast()
    }
}

impl Sink for WideGrowSink {
    fn bytes(&mut self, b: &[u8]) {
        for &c in b {
            self.inner.bytes(&u32::from(c).to_ne_bytes());
        }
    }

    fn wide(&mut self, w: &[u32]) {
        for &c in w {
            self.inner.bytes(&c.to_ne_bytes());
        }
    }

    fn failed(&self) -> bool {
        self.inner.failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_round_trip() {
        for c in [0x24, 0xa2, 0x939, 0x20ac, 0xd55c, 0x10348, 0x10ffff] {
            let mut b = [0u8; 4];
            let n = encode_utf8(c, &mut b);
            assert_eq!(decode_utf8(&b[..n]), Some((c, n)));
        }
        assert_eq!(utf8_len(0xd800), None);
        assert_eq!(utf8_len(0x110000), None);
        assert_eq!(decode_utf8(b"\xc0\x80"), None);
        assert_eq!(decode_utf8(b"\xed\xa0\x80"), None);
        assert_eq!(decode_utf8(b"\xe2\x82"), None);
    }

    #[test]
    fn bounded_buffer() {
        let mut b = [0xffu8; 8];
        // SAFETY: `b` holds 8 bytes.
        let mut s = unsafe { BufSink::new(b.as_mut_ptr(), 5) };
        s.bytes(b"ab");
        s.fill(b'x', 10);
        s.finish();
        assert_eq!(&b, b"abxx\0\xff\xff\xff");
    }

    #[test]
    fn growing_buffer() {
        let mut s = GrowSink::new();
        for _ in 0..100 {
            s.bytes(b"0123456789");
        }
        let p = s.finish();
        // SAFETY: `finish` returns a NUL-terminated malloc'd string.
        unsafe {
            assert_eq!(crate::cptr::cstr(p.cast()).len(), 1000);
            free(p.cast());
        }
    }
}
