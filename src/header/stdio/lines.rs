//! Lines and strings: fgets, fputs, puts, getline, getdelim, and the
//! refusing compat gets.

use super::file::{with_locked, Stream, FILE, ERROR};
use super::status::unlocked;
use super::EOF;
use crate::abi::{c_char, c_int, size_t, ssize_t};
use crate::errno::{set_errno, OrErrno};
use crate::header::stdlib::malloc::realloc;
use cloudabi::errno;

/// Index of the first `needle` in `hay` (string.h's vectorized memchr).
pub fn find_byte(hay: &[u8], needle: u8) -> Option<usize> {
    // SAFETY: `hay` is readable for its length.
    let p = unsafe { crate::header::string::memchr(hay.as_ptr().cast(), c_int::from(needle), hay.len()) };
    (!p.is_null()).then(|| p as usize - hay.as_ptr() as usize)
}

/// Reads up to `dst.len() - 1` bytes, through the first newline, and
/// NUL-terminates. False if nothing was read or an error occurred.
fn gets_into(s: &mut Stream, dst: &mut [u8]) -> bool {
    let limit = dst.len() - 1;
    let had_error = s.flags & ERROR != 0;
    let mut got = 0;
    while got < limit {
        let avail = s.available();
        if avail.is_empty() {
            if !s.fill() {
                break;
            }
            continue;
        }
        let take = avail.len().min(limit - got);
        let (k, newline) = match find_byte(&avail[..take], b'\n') {
            Some(i) => (i + 1, true),
            None => (take, false),
        };
        dst[got..got + k].copy_from_slice(&avail[..k]);
        s.consume(k);
        got += k;
        if newline {
            break;
        }
    }
    dst[got] = 0;
    (got > 0 || limit == 0) && (had_error || s.flags & ERROR == 0)
}

fn fgets_with(buf: *mut c_char, n: c_int, op: impl FnOnce(&mut [u8]) -> bool) -> *mut c_char {
    if n <= 0 {
        set_errno(errno::INVAL);
        return core::ptr::null_mut();
    }
    // SAFETY: C11 requires `buf` to hold `n` bytes.
    let dst = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), n as usize) };
    if op(dst) {
        buf
    } else {
        core::ptr::null_mut()
    }
}

/// C11 `fgets`: reads a line of at most `n - 1` bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fgets(buf: *mut c_char, n: c_int, f: *mut FILE) -> *mut c_char {
    // SAFETY: C passes a live stream.
    fgets_with(buf, n, |dst| unsafe { with_locked(f, |s| gets_into(s, dst)) })
}

/// glibc `fgets_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fgets_unlocked(buf: *mut c_char, n: c_int, f: *mut FILE) -> *mut c_char {
    // SAFETY: C passes a live stream it has locked.
    fgets_with(buf, n, |dst| unsafe { unlocked(f, |s| gets_into(s, dst)) })
}

/// Compat `gets` (removed from C11): NULL with ENOSYS and nothing read.
/// Without the buffer's size no line can be stored safely; use `fgets`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn gets(_buf: *mut c_char) -> *mut c_char {
    Err(errno::NOSYS).or_errno(core::ptr::null_mut())
}

fn puts_into(s: &mut Stream, text: &[u8]) -> c_int {
    if s.write(text) == text.len() {
        0
    } else {
        EOF
    }
}

/// C11 `fputs`: writes a string (without its NUL); 0 on success.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fputs(text: *const c_char, f: *mut FILE) -> c_int {
    // SAFETY: C passes a NUL-terminated string and a live stream.
    unsafe {
        let text = crate::cptr::cstr(text);
        with_locked(f, |s| puts_into(s, text))
    }
}

/// glibc `fputs_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fputs_unlocked(text: *const c_char, f: *mut FILE) -> c_int {
    // SAFETY: C passes a NUL-terminated string and a live stream it has locked.
    unsafe {
        let text = crate::cptr::cstr(text);
        unlocked(f, |s| puts_into(s, text))
    }
}

/// Compat (C11) `puts`: writes a string and a newline to stdout; returns
/// the bytes written (capped at INT_MAX), as glibc does.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn puts(text: *const c_char) -> c_int {
    // SAFETY: C passes a NUL-terminated string; stdout is a live stream.
    unsafe {
        let text = crate::cptr::cstr(text);
        with_locked(super::file::stdout, |s| {
            if puts_into(s, text) == 0 && s.write(b"\n") == 1 {
                c_int::try_from(text.len() + 1).unwrap_or(c_int::MAX)
            } else {
                EOF
            }
        })
    }
}

/// Reads through `delim` into the growing buffer `*line` of `*cap` bytes.
///
/// # Safety
/// `*line` is null or a malloc'd buffer of `*cap` bytes.
unsafe fn getdelim_in(s: &mut Stream, line: &mut *mut u8, cap: &mut usize, delim: u8) -> ssize_t {
    if line.is_null() {
        *cap = 0;
    }
    let mut len = 0usize;
    loop {
        let avail = s.available();
        if avail.is_empty() {
            if !s.fill() {
                break;
            }
            continue;
        }
        let (k, found) = match find_byte(avail, delim) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        let need = len + k + 1;
        if need > *cap {
            let new_cap = need.max(*cap * 2).max(128);
            // SAFETY: `*line` is null or from malloc (the caller's contract).
            let p = unsafe { realloc(line.cast(), new_cap) }.cast::<u8>();
            if p.is_null() {
                s.flags |= ERROR;
                set_errno(errno::NOMEM);
                return -1;
            }
            *line = p;
            *cap = new_cap;
        }
        // SAFETY: `*line` holds `*cap >= len + k + 1` bytes.
        unsafe { core::ptr::copy_nonoverlapping(avail.as_ptr(), line.add(len), k) };
        s.consume(k);
        len += k;
        if found {
            break;
        }
    }
    if len == 0 {
        return -1;
    }
    // SAFETY: room for the NUL was reserved above.
    unsafe { *line.add(len) = 0 };
    if len > isize::MAX as usize {
        set_errno(errno::OVERFLOW);
        return -1;
    }
    len as ssize_t
}

/// POSIX `getdelim`: reads through `delim` into `*line`, growing it with
/// realloc; returns the length, or -1 at end of file or on error.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getdelim(line: *mut *mut c_char, cap: *mut size_t, delim: c_int, f: *mut FILE) -> ssize_t {
    if line.is_null() || cap.is_null() {
        set_errno(errno::INVAL);
        return -1;
    }
    // SAFETY: POSIX: `*line` is null or a malloc'd buffer of `*cap` bytes;
    // the stream is live. The pointers are updated as the buffer grows.
    unsafe {
        let (l, c) = (&mut *line.cast::<*mut u8>(), &mut *cap);
        with_locked(f, |s| getdelim_in(s, l, c, delim as u8))
    }
}

/// POSIX `getline`: `getdelim` with a newline.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getline(line: *mut *mut c_char, cap: *mut size_t, f: *mut FILE) -> ssize_t {
    // SAFETY: forwarded contract.
    unsafe { getdelim(line, cap, c_int::from(b'\n'), f) }
}

#[cfg(test)]
mod tests {
    use super::find_byte;

    #[test]
    fn finds_bytes() {
        let mut v = vec![b'a'; 100];
        assert_eq!(find_byte(&v, b'\n'), None);
        for i in [0, 7, 15, 16, 17, 63, 99] {
            v[i] = b'\n';
            assert_eq!(find_byte(&v, b'\n'), Some(i));
            v[i] = b'a';
        }
        assert_eq!(find_byte(b"", b'x'), None);
        assert_eq!(find_byte(b"\xff", 0xff), Some(0));
    }
}
