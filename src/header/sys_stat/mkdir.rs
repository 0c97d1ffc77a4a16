//! mkdirat; compat mkdir, mkfifo, mkfifoat, mknod.

use crate::abi::va::VaListPtr;
use crate::abi::{c_char, c_int, mode_t};
use crate::compat::path::{self, AT_FDCWD};
use super::AT_SYMLINK_NOFOLLOW;
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, filetype};
use cloudabi::errno;

/// `mkdirat` after compat path resolution.
pub fn mkdir_at(dirfd: c_int, path: &[u8]) -> Result<(), Errno> {
    if path::is_grant_ancestor(dirfd, path) {
        return Err(errno::EXIST);
    }
    path::with(dirfd, path, false, |r| sys::file_create(r.fd, r.path(), filetype::DIRECTORY))
}

crate::variadic!("mkdirat" => mkdirat_impl, gp = 2, fp = 0, reg = "rdx");

/// POSIX `mkdirat`: creates a directory. cloudlibc's `mkdirat` takes no
/// mode, so a third argument may be absent (and its register garbage):
/// the mode is not read, and the directory gets the default one.
pub unsafe extern "C" fn mkdirat_impl(dirfd: c_int, path: *const c_char, _ap: VaListPtr) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    mkdir_at(dirfd, p).map(|()| 0).or_errno(-1)
}

/// Gives a directory just made `mode` less the umask. Without the right to
/// change metadata in its parent (ENOTCAPABLE) it keeps the emulator's
/// default mode rather than fail after the fact.
fn apply_mode(path: &[u8], mode: mode_t) -> Result<(), Errno> {
    match super::chmod_at(AT_FDCWD, path, mode & 0o777 & !super::current_umask(), AT_SYMLINK_NOFOLLOW) {
        Err(errno::NOTCAPABLE) => Ok(()),
        r => r,
    }
}

/// Compat `mkdir`: creates a directory named through the grants, with
/// `mode` less the umask (the set-ID and sticky bits are not applied).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mkdir(path: *const c_char, mode: mode_t) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    mkdir_at(AT_FDCWD, p).and_then(|()| apply_mode(p, mode)).map(|()| 0).or_errno(-1)
}

/// Compat `mkfifo`: FIFOs cannot be created through CloudABI (ENOTSUP).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mkfifo(_path: *const c_char, _mode: mode_t) -> c_int {
    Err(errno::NOTSUP).or_errno(-1)
}

/// Compat `mkfifoat`: as `mkfifo` (ENOTSUP).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mkfifoat(_dirfd: c_int, _path: *const c_char, _mode: mode_t) -> c_int {
    Err(errno::NOTSUP).or_errno(-1)
}

/// Compat `mknod`: device nodes cannot be created (EPERM, as for an
/// unprivileged process).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mknod(_path: *const c_char, _mode: mode_t, _dev: u64) -> c_int {
    Err(errno::PERM).or_errno(-1)
}
