//! read, write, close on descriptors.

use crate::abi::{c_int, c_void, size_t, ssize_t};
use crate::cptr;
use crate::errno::OrErrno;
use crate::sys;

/// POSIX `read`: reads up to `n` bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn read(fd: c_int, buf: *mut c_void, n: size_t) -> ssize_t {
    // SAFETY: POSIX requires `buf` to be writable for `n` bytes.
    let b = unsafe { cptr::slice_mut(buf.cast(), n) };
    sys::to_fd(fd).and_then(|f| sys::fd_read(f, b)).map(|n| n as ssize_t).or_errno(-1)
}

/// POSIX `write`: writes up to `n` bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn write(fd: c_int, buf: *const c_void, n: size_t) -> ssize_t {
    // SAFETY: POSIX requires `buf` to be readable for `n` bytes.
    let b = unsafe { cptr::slice(buf.cast(), n) };
    sys::to_fd(fd).and_then(|f| sys::fd_write(f, b)).map(|n| n as ssize_t).or_errno(-1)
}

/// POSIX `close`: releases the descriptor.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn close(fd: c_int) -> c_int {
    sys::to_fd(fd).and_then(sys::fd_close).map(|()| 0).or_errno(-1)
}
