//! faccessat; compat access.
//!
//! There are no permission bits: a file is accessible in a mode when it
//! exists and the directory it is looked up in may hand out the rights that
//! mode needs (read: FD_READ or FILE_READDIR; write: FD_WRITE; execute:
//! PROC_EXEC or, for directories, FILE_OPEN). That is exactly what a later
//! `openat` will be allowed to do.

use crate::abi::{c_char, c_int};
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::sys_stat::{follow, follows, AT_SYMLINK_NOFOLLOW};
use crate::sys::{self, filetype, lookup, rights};
use cloudabi::errno;

pub const F_OK: c_int = 0;
pub const R_OK: c_int = 4;
pub const W_OK: c_int = 2;
pub const X_OK: c_int = 1;

fn access_at(dirfd: c_int, p: &[u8], mode: c_int, flags: c_int) -> Result<(), Errno> {
    if mode & !(R_OK | W_OK | X_OK) != 0 || flags & !AT_SYMLINK_NOFOLLOW != 0 {
        return Err(errno::INVAL);
    }
    path::with(dirfd, p, follows(flags), |r| access_resolved(r, mode, flags))
}

/// `access_at` once the path is resolved.
fn access_resolved(r: &path::Resolved, mode: c_int, flags: c_int) -> Result<(), Errno> {
    let st = sys::file_stat_get(lookup { fd: r.fd, flags: follow(flags) }, r.path())?;
    if mode == F_OK {
        return Ok(());
    }
    let dir = sys::fd_stat_get(r.fd)?;
    // The path "." names the grant itself: judge it by its own base rights.
    let have = if r.path() == b"." { dir.fs_rights_base } else { dir.fs_rights_inheriting };
    let is_dir = st.st_filetype == filetype::DIRECTORY;
    let mut need = rights::empty();
    if mode & R_OK != 0 {
        need |= if is_dir { rights::FILE_READDIR } else { rights::FD_READ };
    }
    if mode & W_OK != 0 {
        need |= if is_dir { rights::FILE_CREATE_FILE } else { rights::FD_WRITE };
    }
    if mode & X_OK != 0 {
        need |= if is_dir { rights::FILE_OPEN } else { rights::PROC_EXEC };
    }
    if have.contains(need) {
        Ok(())
    } else {
        Err(errno::ACCES)
    }
}

/// POSIX `faccessat`: whether a file may be used in `mode` (see above).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn faccessat(dirfd: c_int, p: *const c_char, mode: c_int, flags: c_int) -> c_int {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    access_at(dirfd, p, mode, flags).map(|()| 0).or_errno(-1)
}

/// Compat `access`: `faccessat` relative to the current directory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn access(p: *const c_char, mode: c_int) -> c_int {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    access_at(AT_FDCWD, p, mode, 0).map(|()| 0).or_errno(-1)
}
