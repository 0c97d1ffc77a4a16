//! Compat chown, fchown, lchown, fchownat. Every file belongs to user and
//! group 65534 and nobody can change that: the calls succeed when asked
//! for the owner a file already has (65534, or -1 for "unchanged"), after
//! checking that the file exists, and otherwise fail with EPERM.

use crate::abi::{c_char, c_int};
use crate::compat::path::AT_FDCWD;
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::sys_stat::{stat_at, AT_SYMLINK_NOFOLLOW, NOBODY};
use crate::sys;
use cloudabi::errno;

fn unchanged(id: u32) -> bool {
    id == NOBODY || id == u32::MAX
}

fn change_owner(exists: Result<(), Errno>, owner: u32, group: u32) -> c_int {
    let r = exists.and_then(|()| if unchanged(owner) && unchanged(group) { Ok(0) } else { Err(errno::PERM) });
    r.or_errno(-1)
}

/// Compat `fchownat`: see the module documentation.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fchownat(dirfd: c_int, path: *const c_char, owner: u32, group: u32, flags: c_int) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    change_owner(stat_at(dirfd, p, flags).map(drop), owner, group)
}

/// Compat `chown`: see the module documentation.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn chown(path: *const c_char, owner: u32, group: u32) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { fchownat(AT_FDCWD, path, owner, group, 0) }
}

/// Compat `lchown`: as `chown`, on a symbolic link itself.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn lchown(path: *const c_char, owner: u32, group: u32) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { fchownat(AT_FDCWD, path, owner, group, AT_SYMLINK_NOFOLLOW) }
}

/// Compat `fchown`: see the module documentation (EBADF for a bad descriptor).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fchown(fd: c_int, owner: u32, group: u32) -> c_int {
    change_owner(sys::to_fd(fd).and_then(sys::fd_stat_get).map(drop), owner, group)
}
