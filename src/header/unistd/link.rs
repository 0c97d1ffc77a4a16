//! linkat, symlinkat, readlinkat, unlinkat; compat link, symlink, readlink,
//! unlink, rmdir.

use crate::abi::{c_char, c_int, size_t, ssize_t};
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::sys_stat::{AT_REMOVEDIR, AT_SYMLINK_FOLLOW};
use crate::sys::{self, lookup, lookupflags, ulflags};
use cloudabi::errno;

fn link_at(fd1: c_int, p1: &[u8], fd2: c_int, p2: &[u8], flags: c_int) -> Result<(), Errno> {
    if flags & !AT_SYMLINK_FOLLOW != 0 {
        return Err(errno::INVAL);
    }
    let follows = flags & AT_SYMLINK_FOLLOW != 0;
    let follow = if follows { lookupflags::SYMLINK_FOLLOW } else { lookupflags::empty() };
    path::with(fd1, p1, follows, |from| {
        path::with(fd2, p2, false, |to| sys::file_link(lookup { fd: from.fd, flags: follow }, from.path(), to.fd, to.path()))
    })
}

/// POSIX `linkat`: a new name for an existing file.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn linkat(fd1: c_int, p1: *const c_char, fd2: c_int, p2: *const c_char, flags: c_int) -> c_int {
    // SAFETY: both are C strings (C contract).
    let (p1, p2) = unsafe { (cptr::cstr(p1), cptr::cstr(p2)) };
    link_at(fd1, p1, fd2, p2, flags).map(|()| 0).or_errno(-1)
}

/// Compat `link`: `linkat` relative to the current directory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn link(p1: *const c_char, p2: *const c_char) -> c_int {
    // SAFETY: both are C strings (C contract).
    let (p1, p2) = unsafe { (cptr::cstr(p1), cptr::cstr(p2)) };
    link_at(AT_FDCWD, p1, AT_FDCWD, p2, 0).map(|()| 0).or_errno(-1)
}

fn symlink_at(target: &[u8], dirfd: c_int, p: &[u8]) -> Result<(), Errno> {
    path::with(dirfd, p, false, |r| sys::file_symlink(target, r.fd, r.path()))
}

/// POSIX `symlinkat`: creates a symbolic link holding `target` verbatim.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn symlinkat(target: *const c_char, dirfd: c_int, p: *const c_char) -> c_int {
    // SAFETY: both are C strings (C contract).
    let (t, p) = unsafe { (cptr::cstr(target), cptr::cstr(p)) };
    symlink_at(t, dirfd, p).map(|()| 0).or_errno(-1)
}

/// Compat `symlink`: `symlinkat` relative to the current directory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn symlink(target: *const c_char, p: *const c_char) -> c_int {
    // SAFETY: both are C strings (C contract).
    let (t, p) = unsafe { (cptr::cstr(target), cptr::cstr(p)) };
    symlink_at(t, AT_FDCWD, p).map(|()| 0).or_errno(-1)
}

fn readlink_at(dirfd: c_int, p: &[u8], buf: &mut [u8]) -> Result<usize, Errno> {
    path::with(dirfd, p, false, |r| sys::file_readlink(r.fd, r.path(), buf))
}

/// POSIX `readlinkat`: the contents of a symbolic link, not NUL-terminated,
/// truncated to the buffer.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn readlinkat(dirfd: c_int, p: *const c_char, buf: *mut c_char, n: size_t) -> ssize_t {
    // SAFETY: `p` is a C string; `buf` is writable for `n` bytes (C contract).
    let (p, b) = unsafe { (cptr::cstr(p), cptr::slice_mut(buf.cast(), n)) };
    readlink_at(dirfd, p, b).map(|n| n as ssize_t).or_errno(-1)
}

/// Compat `readlink`: `readlinkat` relative to the current directory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn readlink(p: *const c_char, buf: *mut c_char, n: size_t) -> ssize_t {
    // SAFETY: as in readlinkat.
    let (p, b) = unsafe { (cptr::cstr(p), cptr::slice_mut(buf.cast(), n)) };
    readlink_at(AT_FDCWD, p, b).map(|n| n as ssize_t).or_errno(-1)
}

fn unlink_at(dirfd: c_int, p: &[u8], flags: c_int) -> Result<(), Errno> {
    if flags & !AT_REMOVEDIR != 0 {
        return Err(errno::INVAL);
    }
    let fl = if flags & AT_REMOVEDIR != 0 { ulflags::REMOVEDIR } else { ulflags::empty() };
    path::with(dirfd, p, false, |r| sys::file_unlink(r.fd, r.path(), fl).map_err(|e| r.missing_or(e, lookupflags::empty())))
}

/// POSIX `unlinkat`: removes a name (a directory with AT_REMOVEDIR).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn unlinkat(dirfd: c_int, p: *const c_char, flags: c_int) -> c_int {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    unlink_at(dirfd, p, flags).map(|()| 0).or_errno(-1)
}

/// Compat `unlink`: removes a non-directory named through the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn unlink(p: *const c_char) -> c_int {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    unlink_at(AT_FDCWD, p, 0).map(|()| 0).or_errno(-1)
}

/// Compat `rmdir`: removes an empty directory named through the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn rmdir(p: *const c_char) -> c_int {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    unlink_at(AT_FDCWD, p, AT_REMOVEDIR).map(|()| 0).or_errno(-1)
}
