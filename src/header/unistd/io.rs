//! read, write, pread, pwrite, lseek, close, fsync, fdatasync, ftruncate,
//! truncate (compat).

use crate::abi::{c_char, c_int, c_void, off_t, size_t, ssize_t};
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, filestat, filetype, fsflags, whence};
use cloudabi::errno;

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

fn offset(off: off_t) -> Result<u64, Errno> {
    u64::try_from(off).map_err(|_| errno::INVAL)
}

/// POSIX `pread`: reads at an offset without moving the file position.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pread(fd: c_int, buf: *mut c_void, n: size_t, off: off_t) -> ssize_t {
    // SAFETY: POSIX requires `buf` to be writable for `n` bytes.
    let b = unsafe { cptr::slice_mut(buf.cast(), n) };
    (|| sys::fd_pread(sys::to_fd(fd)?, b, offset(off)?))().map(|n| n as ssize_t).or_errno(-1)
}

/// POSIX `pwrite`: writes at an offset without moving the file position.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pwrite(fd: c_int, buf: *const c_void, n: size_t, off: off_t) -> ssize_t {
    // SAFETY: POSIX requires `buf` to be readable for `n` bytes.
    let b = unsafe { cptr::slice(buf.cast(), n) };
    (|| sys::fd_pwrite(sys::to_fd(fd)?, b, offset(off)?))().map(|n| n as ssize_t).or_errno(-1)
}

pub const SEEK_CUR: c_int = 1;
pub const SEEK_END: c_int = 2;
/// cloudlibc's (and CloudABI's) value, what `_CLOUDLIBC_STRICT` code uses.
pub const SEEK_SET: c_int = 3;
/// The value the compat headers give SEEK_SET: POSIX code, and CPython's
/// `io` module (whose own `SEEK_SET` is a literal 0, compared with the C
/// macro), assume the traditional 0.
pub const SEEK_SET_COMPAT: c_int = 0;

/// The CloudABI `whence` of a C `SEEK_*` value; both spellings of
/// SEEK_SET are accepted, so strict and compat code can share a library.
pub fn to_whence(w: c_int) -> Result<whence, Errno> {
    match w {
        SEEK_CUR => Ok(whence::CUR),
        SEEK_END => Ok(whence::END),
        SEEK_SET | SEEK_SET_COMPAT => Ok(whence::SET),
        _ => Err(errno::INVAL),
    }
}

/// CloudABI's `fd_seek`, except that a pipe or socket, which no rights
/// could make seekable, reports ESPIPE as POSIX says rather than lacking
/// the right (code such as CPython's append mode tolerates only ESPIPE).
pub fn seek(f: sys::fd, off: i64, w: whence) -> Result<u64, Errno> {
    sys::fd_seek(f, off, w).map_err(|e| match sys::fd_stat_get(f) {
        Ok(st) if e == errno::NOTCAPABLE && matches!(st.fs_filetype, filetype::SOCKET_STREAM | filetype::SOCKET_DGRAM) => {
            errno::SPIPE
        }
        _ => e,
    })
}

/// POSIX `lseek`: moves (or, with offset 0 from SEEK_CUR, reports) the position.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lseek(fd: c_int, off: off_t, w: c_int) -> off_t {
    (|| {
        let pos = seek(sys::to_fd(fd)?, off, to_whence(w)?)?;
        i64::try_from(pos).map_err(|_| errno::OVERFLOW)
    })()
    .or_errno(-1)
}

/// POSIX `close`: releases the descriptor. The directory grants the compat
/// path layer resolves names through are not the program's to close
/// (EBADF), as a POSIX kernel's root and current directory are not.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn close(fd: c_int) -> c_int {
    sys::to_fd(fd)
        .and_then(|f| if crate::compat::grants::name_of(f).is_some() { Err(cloudabi::errno::BADF) } else { sys::fd_close(f) })
        .map(|()| 0)
        .or_errno(-1)
}

/// POSIX `fsync`: writes data and metadata to storage.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fsync(fd: c_int) -> c_int {
    sys::to_fd(fd).and_then(sys::fd_sync).map(|()| 0).or_errno(-1)
}

/// POSIX `fdatasync`: writes data to storage.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fdatasync(fd: c_int) -> c_int {
    sys::to_fd(fd).and_then(sys::fd_datasync).map(|()| 0).or_errno(-1)
}

fn size_stat(len: off_t) -> Result<filestat, Errno> {
    // SAFETY: filestat is plain data; zero is a valid value of every field.
    let mut st: filestat = unsafe { core::mem::zeroed() };
    st.st_size = offset(len)?;
    Ok(st)
}

/// POSIX `ftruncate`: sets the size of an open file.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ftruncate(fd: c_int, len: off_t) -> c_int {
    (|| sys::file_stat_fput(sys::to_fd(fd)?, &size_stat(len)?, fsflags::SIZE))().map(|()| 0).or_errno(-1)
}

/// Compat `truncate`: opens the named file for writing and sets its size.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn truncate(p: *const c_char, len: off_t) -> c_int {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    (|| {
        let st = size_stat(len)?;
        let f = path::with(AT_FDCWD, p, true, |r| {
            crate::header::fcntl::open_beneath(r.fd, r.path(), crate::header::fcntl::O_WRONLY)
        })?;
        let res = sys::file_stat_fput(f, &st, fsflags::SIZE);
        let _ = sys::fd_close(f);
        res
    })()
    .map(|()| 0)
    .or_errno(-1)
}
