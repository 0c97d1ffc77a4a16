//! Compat chmod, fchmod, fchmodat, umask. CloudABI files have no
//! permission bits, so changing them cannot happen: the calls fail with
//! ENOTSUP after checking that the file exists (so a missing file still
//! reports ENOENT). `umask` only records the value.

use crate::abi::{c_char, c_int, mode_t};
use crate::compat::path::AT_FDCWD;
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::sys;
use cloudabi::errno;
use core::sync::atomic::{AtomicU32, Ordering};

fn refuse_after_stat(dirfd: c_int, path: &[u8], flags: c_int) -> Result<c_int, Errno> {
    super::stat_at(dirfd, path, flags)?;
    Err(errno::NOTSUP)
}

/// Compat `chmod`: fails with ENOTSUP (no permission bits exist).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn chmod(path: *const c_char, _mode: mode_t) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    refuse_after_stat(AT_FDCWD, p, 0).or_errno(-1)
}

/// Compat `fchmodat`: fails with ENOTSUP (no permission bits exist).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fchmodat(dirfd: c_int, path: *const c_char, _mode: mode_t, flags: c_int) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    refuse_after_stat(dirfd, p, flags).or_errno(-1)
}

/// Compat `fchmod`: fails with ENOTSUP (EBADF for a bad descriptor).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fchmod(fd: c_int, _mode: mode_t) -> c_int {
    sys::to_fd(fd).and_then(sys::fd_stat_get).and_then(|_| Err(errno::NOTSUP)).or_errno(-1)
}

static UMASK: AtomicU32 = AtomicU32::new(0o022);

/// Compat `umask`: records a mask, which nothing uses, and returns the old one.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn umask(mask: mode_t) -> mode_t {
    UMASK.swap(mask & 0o777, Ordering::Relaxed)
}
