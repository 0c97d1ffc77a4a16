//! Compat pseudo-terminals: posix_openpt, grantpt, unlockpt, ptsname.
//! Opening a terminal needs a device from the global namespace (`/dev/ptmx`)
//! that no grant provides, so `posix_openpt` fails with ENOSYS, and no
//! descriptor can be a pseudo-terminal master: the others fail with EBADF
//! for a closed descriptor and otherwise EINVAL (ENOTTY for `ptsname`).

use crate::abi::{c_char, c_int};
use crate::errno::{Errno, OrErrno};
use crate::header::fcntl::{O_ACCMODE, O_RDWR};
use crate::sys;
use cloudabi::errno;

/// Fails with EBADF for a descriptor that is not open, else with `e`.
fn not_a_master(fd: c_int, e: Errno) -> Result<(), Errno> {
    sys::fd_stat_get(sys::to_fd(fd)?)?;
    Err(e)
}

/// Compat `posix_openpt`: ENOSYS (EINVAL for flags other than O_RDWR and
/// O_NOCTTY, which is 0 here).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn posix_openpt(flags: c_int) -> c_int {
    let e = if flags & !O_ACCMODE != 0 || flags & O_ACCMODE != O_RDWR { errno::INVAL } else { errno::NOSYS };
    Err(e).or_errno(-1)
}

/// Compat `grantpt`: EBADF or EINVAL (see the module documentation).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn grantpt(fd: c_int) -> c_int {
    not_a_master(fd, errno::INVAL).map(|()| 0).or_errno(-1)
}

/// Compat `unlockpt`: EBADF or EINVAL (see the module documentation).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn unlockpt(fd: c_int) -> c_int {
    not_a_master(fd, errno::INVAL).map(|()| 0).or_errno(-1)
}

/// Compat `ptsname`: NULL with EBADF or ENOTTY.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ptsname(fd: c_int) -> *mut c_char {
    not_a_master(fd, errno::NOTTY).map(|()| core::ptr::null_mut()).or_errno(core::ptr::null_mut())
}
