//! Wide-character stream I/O: fgetwc, getwc, getwchar, fputwc, putwc,
//! putwchar, ungetwc, fgetws, fputws, fwide, getwdelim, getwline. Streams
//! hold UTF-8; a malformed sequence fails with EILSEQ and stays unread.

use super::file::{with_locked, Stream, FILE, ERROR};
use super::printf::sink::{decode_utf8, encode_utf8, utf8_len};
use crate::abi::{c_int, size_t, ssize_t};
use crate::errno::set_errno;
use crate::header::stdlib::malloc::realloc;
use cloudabi::errno;

type wchar_t = u32;
type wint_t = u32;

/// C's `WEOF`.
pub const WEOF: wint_t = u32::MAX;

/// Takes one UTF-8 character from the stream, with its bytes (so a caller
/// can give them back). `Err(true)`: a malformed sequence, whose bytes are
/// given back, with EILSEQ and the error flag set; `Err(false)`: end of
/// file or a read error.
pub fn take_char(s: &mut Stream) -> Result<(u32, [u8; 4], usize), bool> {
    s.orientation = 1;
    let mut bytes = [0u8; 4];
    let mut n = 0;
    loop {
        if s.available().is_empty() && !s.fill() {
            break;
        }
        bytes[n] = s.available()[0];
        s.consume(1);
        n += 1;
        if let Some((c, _)) = decode_utf8(&bytes[..n]) {
            return Ok((c, bytes, n));
        }
        if n == 4 || (n == 1 && !matches!(bytes[0], 0xc2..=0xf4)) {
            break;
        }
    }
    if n == 0 {
        return Err(false);
    }
    for &b in bytes[..n].iter().rev() {
        s.ungetc(b);
    }
    s.flags |= ERROR;
    set_errno(errno::ILSEQ);
    Err(true)
}

fn get(s: &mut Stream) -> Option<u32> {
    take_char(s).ok().map(|(c, _, _)| c)
}

/// Writes one character as UTF-8; false on error (EILSEQ for values that
/// are not characters).
fn put(s: &mut Stream, c: u32) -> bool {
    s.orientation = 1;
    if utf8_len(c).is_none() {
        s.flags |= ERROR;
        set_errno(errno::ILSEQ);
        return false;
    }
    let mut b = [0u8; 4];
    let n = encode_utf8(c, &mut b);
    s.write(&b[..n]) == n
}

fn stdin_file() -> *mut FILE {
    // SAFETY: `stdin` is only reassigned by the program itself.
    unsafe { super::file::stdin }
}

fn stdout_file() -> *mut FILE {
    // SAFETY: as above.
    unsafe { super::file::stdout }
}

/// C11 `fgetwc`: reads a wide character, or WEOF.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fgetwc(f: *mut FILE) -> wint_t {
    // SAFETY: C passes a live stream.
    unsafe { with_locked(f, get) }.unwrap_or(WEOF)
}

/// C11 `getwc`: `fgetwc`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getwc(f: *mut FILE) -> wint_t {
    // SAFETY: forwarded contract.
    unsafe { fgetwc(f) }
}

/// Compat (C11) `getwchar`: `fgetwc(stdin)`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getwchar() -> wint_t {
    // SAFETY: stdin is a live stream.
    unsafe { fgetwc(stdin_file()) }
}

/// C11 `fputwc`: writes a wide character; returns it, or WEOF.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fputwc(c: wchar_t, f: *mut FILE) -> wint_t {
    // SAFETY: C passes a live stream.
    if unsafe { with_locked(f, |s| put(s, c)) } {
        c
    } else {
        WEOF
    }
}

/// C11 `putwc`: `fputwc`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn putwc(c: wchar_t, f: *mut FILE) -> wint_t {
    // SAFETY: forwarded contract.
    unsafe { fputwc(c, f) }
}

/// Compat (C11) `putwchar`: `fputwc(c, stdout)`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn putwchar(c: wchar_t) -> wint_t {
    // SAFETY: stdout is a live stream.
    unsafe { fputwc(c, stdout_file()) }
}

/// C11 `ungetwc`: pushes a wide character back (as its UTF-8 bytes).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ungetwc(c: wint_t, f: *mut FILE) -> wint_t {
    if c == WEOF || utf8_len(c).is_none() {
        return WEOF;
    }
    let mut b = [0u8; 4];
    let n = encode_utf8(c, &mut b);
    // SAFETY: C passes a live stream.
    let ok = unsafe { with_locked(f, |s| b[..n].iter().rev().all(|&x| s.ungetc(x))) };
    if ok {
        c
    } else {
        WEOF
    }
}

/// C11 `fgetws`: reads a line of at most `n - 1` wide characters.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fgetws(ws: *mut wchar_t, n: c_int, f: *mut FILE) -> *mut wchar_t {
    if n <= 0 {
        set_errno(errno::INVAL);
        return core::ptr::null_mut();
    }
    // SAFETY: C11 requires `ws` to hold `n` wide characters.
    let dst = unsafe { core::slice::from_raw_parts_mut(ws, n as usize) };
    // SAFETY: C passes a live stream.
    let ok = unsafe {
        with_locked(f, |s| {
            let had_error = s.flags & ERROR != 0;
            let mut got = 0;
            while got + 1 < dst.len() {
                let Some(c) = get(s) else { break };
                dst[got] = c;
                got += 1;
                if c == u32::from(b'\n') {
                    break;
                }
            }
            dst[got] = 0;
            (got > 0 || dst.len() == 1) && (had_error || s.flags & ERROR == 0)
        })
    };
    if ok {
        ws
    } else {
        core::ptr::null_mut()
    }
}

/// C11 `fputws`: writes a wide string; 0 on success, -1 on error.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fputws(ws: *const wchar_t, f: *mut FILE) -> c_int {
    // SAFETY: C passes a NUL-terminated wide string and a live stream.
    unsafe {
        with_locked(f, |s| {
            let mut p = ws;
            while *p != 0 {
                if !put(s, *p) {
                    return -1;
                }
                p = p.add(1);
            }
            0
        })
    }
}

/// C11 `fwide`: sets the orientation if `mode` asks for one and none is
/// set; returns it (positive wide, negative bytes, 0 none yet).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fwide(f: *mut FILE, mode: c_int) -> c_int {
    // SAFETY: C passes a live stream.
    unsafe {
        with_locked(f, |s| {
            if s.orientation == 0 {
                s.orientation = mode.signum() as i8;
            }
            c_int::from(s.orientation)
        })
    }
}

/// cloudlibc `getwdelim`: `getdelim` for wide characters.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getwdelim(line: *mut *mut wchar_t, cap: *mut size_t, delim: wint_t, f: *mut FILE) -> ssize_t {
    if line.is_null() || cap.is_null() {
        set_errno(errno::INVAL);
        return -1;
    }
    // SAFETY: `*line` is null or a malloc'd buffer of `*cap` wide
    // characters (the caller's contract); both are updated as it grows.
    unsafe {
        with_locked(f, |s| {
            if (*line).is_null() {
                *cap = 0;
            }
            let mut len = 0usize;
            while let Some(c) = get(s) {
                if len + 2 > *cap {
                    let new_cap = (len + 2).max(*cap * 2).max(64);
                    let p = realloc((*line).cast(), new_cap * 4).cast::<wchar_t>();
                    if p.is_null() {
                        s.flags |= ERROR;
                        set_errno(errno::NOMEM);
                        return -1;
                    }
                    *line = p;
                    *cap = new_cap;
                }
                *(*line).add(len) = c;
                len += 1;
                if c == delim {
                    break;
                }
            }
            if len == 0 {
                return -1;
            }
            *(*line).add(len) = 0;
            len as ssize_t
        })
    }
}

/// cloudlibc `getwline`: `getwdelim` with a newline.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getwline(line: *mut *mut wchar_t, cap: *mut size_t, f: *mut FILE) -> ssize_t {
    // SAFETY: forwarded contract.
    unsafe { getwdelim(line, cap, u32::from(b'\n'), f) }
}
