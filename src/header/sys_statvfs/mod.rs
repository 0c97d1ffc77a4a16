//! `<sys/statvfs.h>` (compat): `statvfs`, `fstatvfs`. CloudABI offers no
//! file system statistics, so both fail with ENOSYS after checking the
//! file (ENOENT, ENOTCAPABLE, EBADF as usual).

use crate::abi::{c_char, c_int, c_void};
use crate::compat::path::AT_FDCWD;
use crate::cptr;
use crate::errno::OrErrno;
use crate::header::sys_stat::stat_at;
use crate::sys;
use cloudabi::errno;

/// Compat `statvfs`: ENOSYS once the file is found.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn statvfs(path: *const c_char, _buf: *mut c_void) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    stat_at(AT_FDCWD, p, 0).and(Err(errno::NOSYS)).or_errno(-1)
}

/// Compat `fstatvfs`: ENOSYS for an open descriptor.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fstatvfs(fd: c_int, _buf: *mut c_void) -> c_int {
    sys::to_fd(fd).and_then(sys::fd_stat_get).and(Err(errno::NOSYS)).or_errno(-1)
}
