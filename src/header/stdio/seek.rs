//! fseek, fseeko, ftell, ftello, rewind, fgetpos, fsetpos.

use super::file::{with_locked, FILE, EOF_SEEN, ERROR};
use crate::abi::{c_int, c_long, off_t};
use crate::errno::OrErrno;
use crate::header::unistd::to_whence;
use cloudabi::{errno, whence};

/// cloudlibc's `fpos_t`: the offset and the multibyte state there.
#[repr(C)]
pub struct fpos_t {
    offset: off_t,
    mbstate: [u32; 4],
}

/// POSIX `fseeko`: moves the position (SEEK_CUR 1, SEEK_END 2, SEEK_SET 0 or 3);
/// clears end-of-file and drops pushed-back bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fseeko(f: *mut FILE, off: off_t, w: c_int) -> c_int {
    let r = to_whence(w).and_then(|w| {
        // SAFETY: C passes a live stream.
        unsafe { with_locked(f, |s| s.seek(off, w)) }
    });
    r.map(|_| 0).or_errno(-1)
}

/// C11 `fseek`: `fseeko` (long and off_t are both 64-bit).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fseek(f: *mut FILE, off: c_long, w: c_int) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { fseeko(f, off, w) }
}

/// POSIX `ftello`: the current position.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ftello(f: *mut FILE) -> off_t {
    // SAFETY: C passes a live stream.
    let r = unsafe { with_locked(f, |s| s.tell()) };
    r.and_then(|p| off_t::try_from(p).map_err(|_| errno::OVERFLOW)).or_errno(-1)
}

/// C11 `ftell`: `ftello`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ftell(f: *mut FILE) -> c_long {
    // SAFETY: forwarded contract.
    unsafe { ftello(f) }
}

/// C11 `rewind`: seeks to the start and clears the error indicator.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn rewind(f: *mut FILE) {
    // SAFETY: C passes a live stream.
    unsafe {
        with_locked(f, |s| {
            let _ = s.seek(0, whence::SET);
            s.flags &= !(ERROR | EOF_SEEN);
        })
    }
}

/// C11 `fgetpos`: stores the position for `fsetpos`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fgetpos(f: *mut FILE, pos: *mut fpos_t) -> c_int {
    // SAFETY: forwarded contract.
    let off = unsafe { ftello(f) };
    if off < 0 {
        return -1;
    }
    // SAFETY: C passes a writable fpos_t.
    unsafe { pos.write(fpos_t { offset: off, mbstate: [0; 4] }) };
    0
}

/// C11 `fsetpos`: returns to a position `fgetpos` stored.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fsetpos(f: *mut FILE, pos: *const fpos_t) -> c_int {
    // SAFETY: C passes an fpos_t from fgetpos and a live stream.
    unsafe { fseeko(f, (*pos).offset, 3) }
}
