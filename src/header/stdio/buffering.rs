//! setvbuf, setbuf, setbuffer, setlinebuf.

use super::file::{with_locked, Mode, BUFSIZ, FILE};
use crate::abi::{c_char, c_int, size_t};
use crate::errno::OrErrno;
use cloudabi::errno;

/// C11 `setvbuf`: chooses full (`_IOFBF` 1), line (`_IOLBF` 2) or no
/// (`_IONBF` 3) buffering, with the caller's buffer of `size` bytes or,
/// when `buf` is null, one allocated here.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setvbuf(f: *mut FILE, buf: *mut c_char, mode: c_int, size: size_t) -> c_int {
    let mode = match mode {
        1 => Mode::Full,
        2 => Mode::Line,
        3 => Mode::Unbuffered,
        _ => return Err(errno::INVAL).or_errno(-1),
    };
    // SAFETY: C passes a live stream and a buffer of `size` bytes that
    // outlives the stream's use of it.
    unsafe {
        with_locked(f, |s| {
            s.flush()?;
            s.set_buffer(buf.cast(), mode, size)
        })
    }
    .map(|()| 0)
    .or_errno(-1)
}

/// C11 `setbuf`: full buffering in `buf` (BUFSIZ bytes), or none if null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setbuf(f: *mut FILE, buf: *mut c_char) {
    // SAFETY: forwarded contract.
    unsafe { setbuffer(f, buf, BUFSIZ) }
}

/// BSD `setbuffer`: full buffering in `buf` of `size` bytes, or none if null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setbuffer(f: *mut FILE, buf: *mut c_char, size: size_t) {
    let mode = if buf.is_null() { 3 } else { 1 };
    // SAFETY: forwarded contract.
    unsafe { setvbuf(f, buf, mode, size) };
}

/// BSD `setlinebuf`: line buffering.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setlinebuf(f: *mut FILE) {
    // SAFETY: forwarded contract.
    unsafe { setvbuf(f, core::ptr::null_mut(), 2, 0) };
}
