//! feof, ferror, clearerr, fileno, fflush, and their `_unlocked` forms.

use super::file::{flush_all, with_locked, Backend, Stream, FILE, EOF_SEEN, ERROR};
use super::EOF;
use crate::abi::c_int;
use crate::errno::{set_errno, OrErrno};
use cloudabi::errno;

/// Runs `op` on a stream whose lock the caller already holds (or which no
/// other thread uses): the `_unlocked` functions.
///
/// # Safety
/// `f` must point at a live stream.
#[inline]
pub unsafe fn unlocked<R>(f: *mut FILE, op: impl FnOnce(&mut Stream) -> R) -> R {
    // SAFETY: forwarded contract; the caller vouches for exclusive use.
    op(unsafe { &mut (*f).s })
}

fn eof_of(s: &mut Stream) -> c_int {
    c_int::from(s.flags & EOF_SEEN != 0)
}

fn error_of(s: &mut Stream) -> c_int {
    c_int::from(s.flags & ERROR != 0)
}

fn clear(s: &mut Stream) {
    s.flags &= !(EOF_SEEN | ERROR);
}

fn fileno_of(s: &mut Stream) -> c_int {
    match s.backend {
        Backend::Fd(f) => f.0 as c_int,
        _ => {
            set_errno(errno::BADF);
            -1
        }
    }
}

fn flush_of(s: &mut Stream) -> c_int {
    s.flush().map(|()| 0).or_errno(EOF)
}

/// C11 `feof`: whether end of file was reached.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn feof(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream.
    unsafe { with_locked(f, eof_of) }
}

/// glibc `feof_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn feof_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream it has locked.
    unsafe { unlocked(f, eof_of) }
}

/// C11 `ferror`: whether an error occurred.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ferror(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream.
    unsafe { with_locked(f, error_of) }
}

/// glibc `ferror_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ferror_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream it has locked.
    unsafe { unlocked(f, error_of) }
}

/// C11 `clearerr`: clears the end-of-file and error indicators.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn clearerr(f: *mut FILE) {
    // SAFETY: C passes a live stream.
    unsafe { with_locked(f, clear) }
}

/// glibc `clearerr_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn clearerr_unlocked(f: *mut FILE) {
    // SAFETY: C passes a live stream it has locked.
    unsafe { unlocked(f, clear) }
}

/// POSIX `fileno`: the stream's descriptor (EBADF for memory streams).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fileno(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream.
    unsafe { with_locked(f, fileno_of) }
}

/// glibc `fileno_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fileno_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream it has locked.
    unsafe { unlocked(f, fileno_of) }
}

/// C11 `fflush`: sends buffered output; on an input stream gives unread
/// input back to the descriptor. `fflush(NULL)` flushes every stream.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fflush(f: *mut FILE) -> c_int {
    if f.is_null() {
        return if flush_all() { 0 } else { EOF };
    }
    // SAFETY: C passes a live stream.
    unsafe { with_locked(f, flush_of) }
}

/// glibc `fflush_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fflush_unlocked(f: *mut FILE) -> c_int {
    if f.is_null() {
        return if flush_all() { 0 } else { EOF };
    }
    // SAFETY: C passes a live stream it has locked.
    unsafe { unlocked(f, flush_of) }
}
