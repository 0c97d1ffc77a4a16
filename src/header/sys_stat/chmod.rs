//! Compat chmod, fchmod, fchmodat, umask. CloudABI has no call for
//! permission bits; the emulator's `file_mode_put`/`file_mode_fput`
//! extensions change them (see emulator/file_ext.rs), guarded by the
//! rights that change times. As on Linux, bits beyond 07777 (a whole
//! `st_mode`, say) are ignored; the set-user-ID and set-group-ID bits are
//! refused with EPERM, since they would hand the program's identity to
//! whoever runs the file; a symbolic link's own mode cannot change
//! (ENOTSUP).

use super::{follow, follows, AT_SYMLINK_NOFOLLOW};
use crate::abi::{c_char, c_int, mode_t};
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, lookup};
use cloudabi::errno;
use core::sync::atomic::{AtomicU32, Ordering};

/// The permission bits of a mode.
const PERMISSIONS: mode_t = 0o7777;

/// Sets the permission bits of `(dirfd, path)`; `flags` may hold
/// `AT_SYMLINK_NOFOLLOW`.
pub fn chmod_at(dirfd: c_int, path: &[u8], mode: mode_t, flags: c_int) -> Result<(), Errno> {
    if flags & !AT_SYMLINK_NOFOLLOW != 0 {
        return Err(errno::INVAL);
    }
    path::with(dirfd, path, follows(flags), |r| {
        sys::file_mode_put(lookup { fd: r.fd, flags: follow(flags) }, r.path(), mode & PERMISSIONS)
    })
}

/// Compat `chmod`: sets the permission bits of a file named through the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn chmod(path: *const c_char, mode: mode_t) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    chmod_at(AT_FDCWD, p, mode, 0).map(|()| 0).or_errno(-1)
}

/// Compat `fchmodat`: sets the permission bits of a file beneath a directory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fchmodat(dirfd: c_int, path: *const c_char, mode: mode_t, flags: c_int) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    chmod_at(dirfd, p, mode, flags).map(|()| 0).or_errno(-1)
}

/// Compat `fchmod`: sets the permission bits of an open file.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fchmod(fd: c_int, mode: mode_t) -> c_int {
    sys::to_fd(fd).and_then(|f| sys::file_mode_fput(f, mode & PERMISSIONS)).map(|()| 0).or_errno(-1)
}

/// The umask as last set or read, or `UNKNOWN` before that: it lives in the
/// emulator (the process's, inherited from whoever started it), and this
/// copy spares asking it on every `mkdir`.
static UMASK: AtomicU32 = AtomicU32::new(UNKNOWN);
const UNKNOWN: u32 = u32::MAX;

/// The file mode creation mask.
pub fn current_umask() -> mode_t {
    let known = UMASK.load(Ordering::Relaxed);
    if known != UNKNOWN {
        return known;
    }
    // Reading it means setting it; set it back at once.
    match sys::umask(0) {
        Ok(m) => {
            let _ = sys::umask(m);
            UMASK.store(m, Ordering::Relaxed);
            m
        }
        Err(_) => 0o022,
    }
}

/// Compat `umask`: sets the file mode creation mask, which narrows the
/// mode of the files and directories the process creates; returns the old
/// one. Forked and executed children inherit it.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn umask(mask: mode_t) -> mode_t {
    let old = sys::umask(mask & 0o777).unwrap_or_else(|_| current_umask());
    UMASK.store(mask & 0o777, Ordering::Relaxed);
    old
}
