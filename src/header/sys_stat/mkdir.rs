//! mkdirat; compat mkdir, mkfifo, mkfifoat, mknod.

use crate::abi::va::VaListPtr;
use crate::abi::{c_char, c_int, mode_t};
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, filetype};
use cloudabi::errno;

fn mkdir_at(dirfd: c_int, path: &[u8]) -> Result<(), Errno> {
    if path::is_grant_ancestor(dirfd, path) {
        return Err(errno::EXIST);
    }
    let r = path::at(dirfd, path)?;
    sys::file_create(r.fd, r.path(), filetype::DIRECTORY)
}

crate::variadic!("mkdirat" => mkdirat_impl, gp = 2, fp = 0, reg = "rdx");

/// POSIX `mkdirat`: creates a directory; the optional mode is ignored.
pub unsafe extern "C" fn mkdirat_impl(dirfd: c_int, path: *const c_char, _ap: VaListPtr) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    mkdir_at(dirfd, p).map(|()| 0).or_errno(-1)
}

/// Compat `mkdir`: creates a directory named through the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mkdir(path: *const c_char, _mode: mode_t) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    mkdir_at(AT_FDCWD, p).map(|()| 0).or_errno(-1)
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
