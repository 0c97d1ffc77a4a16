//! Memory streams: `fmemopen` (a fixed buffer), `open_memstream` (a
//! growing buffer published through the caller's pointers), its wide twin
//! `open_wmemstream` (the UTF-8 the stream writes, stored as `wchar_t`s)
//! and `tmpfile` (a growing buffer nobody else sees, as in cloudlibc: no
//! file system).
//!
//! Both are unbuffered by default, so what a write puts in memory is visible
//! at once and a full `fmemopen` buffer fails the very write that overflows
//! it (`ENOSPC`), as cloudlibc does; `setvbuf` can still add a buffer.

use super::file::{new_file, Backend, Mode, Stream, FILE, CAN_READ, CAN_WRITE};
use super::open::{parse_mode, stream_flags};
use crate::abi::{c_char, c_void, size_t};
use crate::header::wchar::wchar_t;
use crate::errno::{set_errno, Errno};
use crate::header::stdlib::malloc::{free, malloc, realloc};
use cloudabi::{errno, whence};
use core::ptr;

/// Where a seek lands, or EINVAL if before the start or past `limit`.
fn target(base: usize, off: i64, limit: usize) -> Result<usize, Errno> {
    let t = (base as i64).checked_add(off).ok_or(errno::OVERFLOW)?;
    if t < 0 || t as u64 > limit as u64 {
        return Err(errno::INVAL);
    }
    Ok(t as usize)
}

/// `fmemopen`'s backend: `size` bytes at `base`, of which `end` hold data.
pub struct MemFile {
    base: *mut u8,
    size: usize,
    pos: usize,
    end: usize,
    append: bool,
    /// The buffer was allocated here (a null `buf` argument).
    owned: bool,
}

impl MemFile {
    fn bytes(&mut self) -> &mut [u8] {
        // SAFETY: `base` holds `size` bytes for the stream's lifetime.
        unsafe { crate::cptr::slice_mut(self.base, self.size) }
    }

    pub fn read(&mut self, dst: &mut [u8]) -> usize {
        let n = dst.len().min(self.end.saturating_sub(self.pos));
        let p = self.pos;
        dst[..n].copy_from_slice(&self.bytes()[p..p + n]);
        self.pos += n;
        n
    }

    pub fn write(&mut self, src: &[u8]) -> Result<usize, Errno> {
        if src.is_empty() {
            return Ok(0);
        }
        if self.append {
            self.pos = self.end;
        }
        let n = src.len().min(self.size - self.pos);
        if n == 0 {
            return Err(errno::NOSPC);
        }
        let p = self.pos;
        self.bytes()[p..p + n].copy_from_slice(&src[..n]);
        self.pos += n;
        if self.pos > self.end {
            // POSIX: a write that moves the end stores a NUL after it if it fits.
            self.end = self.pos;
            let (e, size) = (self.end, self.size);
            if e < size {
                self.bytes()[e] = 0;
            }
        }
        Ok(n)
    }

    pub fn seek(&mut self, off: i64, w: whence) -> Result<u64, Errno> {
        let base = match w {
            whence::SET => 0,
            whence::CUR => self.pos,
            whence::END => self.end,
            _ => return Err(errno::INVAL),
        };
        self.pos = target(base, off, self.size)?;
        Ok(self.pos as u64)
    }

    pub fn close(&mut self) {
        if self.owned {
            // SAFETY: allocated in fmemopen with malloc.
            unsafe { free(self.base.cast()) };
        }
    }
}

/// The backend of `open_memstream`, `open_wmemstream` and `tmpfile`.
pub struct DynFile {
    buf: *mut u8,
    /// Allocated bytes; always room for a NUL unit after `len`.
    cap: usize,
    len: usize,
    pos: usize,
    /// Bytes per character: 1, or 4 for `open_wmemstream`'s `wchar_t`s.
    unit: usize,
    /// The start of a UTF-8 sequence the next write completes (wide only).
    partial: [u8; 4],
    partial_len: usize,
    /// Where `open_memstream` publishes the buffer; null for `tmpfile`.
    out_buf: *mut *mut c_char,
    out_size: *mut size_t,
}

impl DynFile {
    /// An empty buffer (just the NUL).
    fn new(out_buf: *mut *mut c_char, out_size: *mut size_t, unit: usize) -> Result<DynFile, Errno> {
        const INITIAL: usize = 64;
        let p = malloc(INITIAL).cast::<u8>();
        if p.is_null() {
            return Err(errno::NOMEM);
        }
        // SAFETY: fresh allocation of INITIAL >= unit bytes.
        unsafe { p.write_bytes(0, unit) };
        Ok(DynFile { buf: p, cap: INITIAL, len: 0, pos: 0, unit, partial: [0; 4], partial_len: 0, out_buf, out_size })
    }

    pub fn read(&mut self, dst: &mut [u8]) -> usize {
        let n = dst.len().min(self.len.saturating_sub(self.pos));
        // SAFETY: `buf` holds `len` bytes of data.
        let b = unsafe { core::slice::from_raw_parts(self.buf, self.len) };
        dst[..n].copy_from_slice(&b[self.pos..self.pos + n]);
        self.pos += n;
        n
    }

    pub fn write(&mut self, src: &[u8]) -> Result<(), Errno> {
        if self.unit == 1 {
            self.store(src)?;
        } else {
            src.iter().try_for_each(|&b| self.decode(b))?;
        }
        self.publish()
    }

    /// Feeds one byte of UTF-8; a completed character is stored as a
    /// native-endian `wchar_t` (EILSEQ for a malformed sequence).
    fn decode(&mut self, b: u8) -> Result<(), Errno> {
        self.partial[self.partial_len] = b;
        self.partial_len += 1;
        let need = match self.partial[0] {
            0x00..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 0,
        };
        if self.partial_len < need {
            return Ok(());
        }
        let seq = self.partial;
        let n = core::mem::replace(&mut self.partial_len, 0);
        let c = core::str::from_utf8(&seq[..n]).ok().and_then(|t| t.chars().next()).ok_or(errno::ILSEQ)?;
        self.store(&(c as u32).to_ne_bytes())
    }

    fn store(&mut self, src: &[u8]) -> Result<(), Errno> {
        if src.is_empty() {
            return Ok(());
        }
        let end = self.pos.checked_add(src.len()).ok_or(errno::NOMEM)?;
        if end + self.unit > self.cap {
            let cap = end.checked_add(end / 2 + 1).ok_or(errno::NOMEM)?;
            // SAFETY: `buf` came from malloc/realloc.
            let p = unsafe { realloc(self.buf.cast(), cap) }.cast::<u8>();
            if p.is_null() {
                return Err(errno::NOMEM);
            }
            self.buf = p;
            self.cap = cap;
        }
        // SAFETY: `buf` holds `cap > end` bytes.
        let b = unsafe { core::slice::from_raw_parts_mut(self.buf, self.cap) };
        if self.pos > self.len {
            // Writing past the end leaves a zero-filled gap.
            b[self.len..self.pos].fill(0);
        }
        b[self.pos..end].copy_from_slice(src);
        self.pos = end;
        if end > self.len {
            self.len = end;
            b[end..end + self.unit].fill(0);
        }
        Ok(())
    }

    pub fn seek(&mut self, off: i64, w: whence) -> Result<u64, Errno> {
        let base = match w {
            whence::SET => 0,
            whence::CUR => self.pos,
            whence::END => self.len,
            _ => return Err(errno::INVAL),
        };
        let off = off.checked_mul(self.unit as i64).ok_or(errno::OVERFLOW)?;
        self.pos = target(base, off, isize::MAX as usize)?;
        Ok((self.pos / self.unit) as u64)
    }

    /// POSIX: the caller sees the buffer and the smaller of its length and
    /// the position, in characters.
    pub fn publish(&mut self) -> Result<(), Errno> {
        if self.out_buf.is_null() {
            return Ok(());
        }
        // SAFETY: open_memstream's caller passed writable pointers that stay
        // valid until the stream is closed.
        unsafe {
            *self.out_buf = self.buf.cast();
            *self.out_size = self.len.min(self.pos) / self.unit;
        }
        Ok(())
    }

    /// `open_memstream`'s buffer now belongs to the caller, who frees it;
    /// a `tmpfile`'s goes.
    pub fn close(&mut self) -> Result<(), Errno> {
        if self.out_buf.is_null() {
            // SAFETY: the buffer came from malloc/realloc and nobody else has it.
            unsafe { free(self.buf.cast()) };
            return Ok(());
        }
        self.publish()
    }
}

/// POSIX `fmemopen`: a stream over `size` bytes at `buf` (allocated here,
/// zeroed, when `buf` is null).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fmemopen(buf: *mut c_void, size: size_t, mode: *const c_char) -> *mut FILE {
    // SAFETY: C passes a NUL-terminated mode string.
    let Some(m) = parse_mode(unsafe { crate::cptr::cstr(mode) }) else {
        set_errno(errno::INVAL);
        return ptr::null_mut();
    };
    if size == 0 {
        set_errno(errno::INVAL);
        return ptr::null_mut();
    }
    let (base, owned) = if buf.is_null() {
        let p = malloc(size).cast::<u8>();
        if p.is_null() {
            set_errno(errno::NOMEM);
            return ptr::null_mut();
        }
        // SAFETY: fresh allocation of `size` bytes.
        unsafe { p.write_bytes(0, size) };
        (p, true)
    } else {
        (buf.cast::<u8>(), false)
    };
    // SAFETY: the caller's buffer holds `size` bytes.
    let bytes = unsafe { core::slice::from_raw_parts_mut(base, size) };
    let end = if m.truncate {
        bytes[0] = 0;
        0
    } else if m.append {
        bytes.iter().position(|&b| b == 0).unwrap_or(size)
    } else {
        size
    };
    let mem = MemFile { base, size, pos: if m.append { end } else { 0 }, end, append: m.append, owned };
    match new_file(Stream::new(Backend::Mem(mem), stream_flags(m), Mode::Unbuffered)) {
        Some(f) => f,
        None => {
            if owned {
                // SAFETY: allocated above.
                unsafe { free(base.cast()) };
            }
            ptr::null_mut()
        }
    }
}

/// cloudlibc `fmemopen_l`: `fmemopen`; the locale does not change bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fmemopen_l(buf: *mut c_void, size: size_t, mode: *const c_char, _l: *mut c_void) -> *mut FILE {
    // SAFETY: forwarded contract.
    unsafe { fmemopen(buf, size, mode) }
}

fn open_dyn(out_buf: *mut *mut c_char, out_size: *mut size_t, flags: u32, unit: usize) -> *mut FILE {
    let d = match DynFile::new(out_buf, out_size, unit) {
        Ok(d) => d,
        Err(e) => {
            set_errno(e);
            return ptr::null_mut();
        }
    };
    let p = d.buf;
    match new_file(Stream::new(Backend::Dyn(d), flags, Mode::Unbuffered)) {
        Some(f) => f,
        None => {
            // SAFETY: allocated above; nobody saw it.
            unsafe { free(p.cast()) };
            ptr::null_mut()
        }
    }
}

/// POSIX `open_memstream`: a write stream into a growing buffer that
/// `*bufp`/`*sizep` describe after each write, `fflush` and `fclose`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn open_memstream(bufp: *mut *mut c_char, sizep: *mut size_t) -> *mut FILE {
    if bufp.is_null() || sizep.is_null() {
        set_errno(errno::INVAL);
        return ptr::null_mut();
    }
    open_dyn(bufp, sizep, CAN_WRITE, 1)
}

/// POSIX `open_wmemstream`: `open_memstream` for wide characters; what
/// the stream writes (UTF-8, as wide output encodes it) is stored as
/// `wchar_t`s, and `*sizep` counts them.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn open_wmemstream(bufp: *mut *mut wchar_t, sizep: *mut size_t) -> *mut FILE {
    if bufp.is_null() || sizep.is_null() {
        set_errno(errno::INVAL);
        return ptr::null_mut();
    }
    open_dyn(bufp.cast(), sizep, CAN_WRITE, core::mem::size_of::<wchar_t>())
}

/// cloudlibc `open_memstream_l`: `open_memstream`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn open_memstream_l(bufp: *mut *mut c_char, sizep: *mut size_t, _l: *mut c_void) -> *mut FILE {
    // SAFETY: forwarded contract.
    unsafe { open_memstream(bufp, sizep) }
}

/// C11 `tmpfile`: an anonymous read-write stream. Without a global file
/// system it lives in memory, as in cloudlibc; `fileno` fails on it.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tmpfile() -> *mut FILE {
    open_dyn(ptr::null_mut(), ptr::null_mut(), CAN_READ | CAN_WRITE, 1)
}

/// cloudlibc `tmpfile_l`: `tmpfile`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tmpfile_l(_l: *mut c_void) -> *mut FILE {
    tmpfile()
}
