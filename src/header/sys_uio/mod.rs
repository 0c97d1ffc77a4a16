//! `<sys/uio.h>`: readv, writev, preadv, pwritev.

use crate::abi::{c_int, off_t, ssize_t};
use crate::errno::{Errno, OrErrno};
use crate::header::sys_socket::iovec;
use crate::sys;
use cloudabi::errno;

/// The most buffers one call takes (`IOV_MAX` in include/limits.h).
pub const IOV_MAX: c_int = 1024;

/// The caller's `iovcnt` buffers as `T`, CloudABI's `iovec` or `ciovec`
/// (both a pointer and a length, like `struct iovec`); `EINVAL` for a
/// count below zero or above `IOV_MAX`.
///
/// # Safety
/// `iov` points to `iovcnt` readable iovecs alive for `'a`; `T` is
/// `cloudabi::iovec` or `cloudabi::ciovec`.
unsafe fn as_cloudabi<'a, T>(iov: *const iovec, iovcnt: c_int) -> Result<&'a [T], Errno> {
    if !(0..=IOV_MAX).contains(&iovcnt) {
        return Err(errno::INVAL);
    }
    if iovcnt == 0 {
        return Ok(&[]);
    }
    // SAFETY: the caller's contract; the layouts agree.
    Ok(unsafe { core::slice::from_raw_parts(iov.cast::<T>(), iovcnt as usize) })
}

/// Buffers to read into.
///
/// # Safety
/// `iov` points to `iovcnt` readable iovecs describing writable memory.
pub unsafe fn iovs<'a>(iov: *const iovec, iovcnt: c_int) -> Result<&'a [cloudabi::iovec], Errno> {
    // SAFETY: forwarded contract.
    unsafe { as_cloudabi(iov, iovcnt) }
}

/// Buffers to write from.
///
/// # Safety
/// `iov` points to `iovcnt` readable iovecs describing readable memory.
pub unsafe fn ciovs<'a>(iov: *const iovec, iovcnt: c_int) -> Result<&'a [cloudabi::ciovec], Errno> {
    // SAFETY: forwarded contract.
    unsafe { as_cloudabi(iov, iovcnt) }
}

fn offset(off: off_t) -> Result<u64, Errno> {
    u64::try_from(off).map_err(|_| errno::INVAL)
}

/// POSIX `readv`: scatter read.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn readv(fd: c_int, iov: *const iovec, iovcnt: c_int) -> ssize_t {
    // SAFETY: the C contract of readv is that of `iovs`.
    (|| sys::fd_readv(sys::to_fd(fd)?, unsafe { iovs(iov, iovcnt) }?))().map(|n| n as ssize_t).or_errno(-1)
}

/// POSIX `writev`: gather write.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn writev(fd: c_int, iov: *const iovec, iovcnt: c_int) -> ssize_t {
    // SAFETY: the C contract of writev is that of `ciovs`.
    (|| sys::fd_writev(sys::to_fd(fd)?, unsafe { ciovs(iov, iovcnt) }?))().map(|n| n as ssize_t).or_errno(-1)
}

/// POSIX `preadv`: scatter read at an offset, leaving the position alone.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn preadv(fd: c_int, iov: *const iovec, iovcnt: c_int, off: off_t) -> ssize_t {
    // SAFETY: as in readv.
    (|| sys::fd_preadv(sys::to_fd(fd)?, unsafe { iovs(iov, iovcnt) }?, offset(off)?))()
        .map(|n| n as ssize_t)
        .or_errno(-1)
}

/// POSIX `pwritev`: gather write at an offset, leaving the position alone.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pwritev(fd: c_int, iov: *const iovec, iovcnt: c_int, off: off_t) -> ssize_t {
    // SAFETY: as in writev.
    (|| sys::fd_pwritev(sys::to_fd(fd)?, unsafe { ciovs(iov, iovcnt) }?, offset(off)?))()
        .map(|n| n as ssize_t)
        .or_errno(-1)
}
