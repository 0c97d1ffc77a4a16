//! dup, dup2; compat dup3.

use crate::abi::c_int;
use crate::compat::{grants, inherit};
use crate::errno::{Errno, OrErrno};
use crate::sys;
use cloudabi::errno;

/// POSIX `dup`: a new descriptor for the same open file, with its rights,
/// kept across `execve` (POSIX clears `FD_CLOEXEC` on it).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dup(fd: c_int) -> c_int {
    sys::to_fd(fd)
        .and_then(sys::fd_dup)
        .map(|f| {
            inherit::set(f.0, true);
            f.0 as c_int
        })
        .or_errno(-1)
}

/// Replaces `new` by a copy of `old`. The descriptors the compat path
/// layer resolves names through (the directory grants) cannot be
/// replaced: to the program they are not open descriptors.
fn replace(old: c_int, new: c_int) -> Result<cloudabi::fd, Errno> {
    let (o, n) = (sys::to_fd(old)?, sys::to_fd(new)?);
    if grants::name_of(n).is_some() {
        return Err(errno::BADF);
    }
    if old == new {
        sys::fd_stat_get(o)?;
    } else {
        sys::fd_replace(o, n)?;
    }
    Ok(n)
}

/// POSIX `dup2`: makes `new` refer to the same open file as `old`, kept
/// across `execve`. CloudABI can only replace a descriptor that exists, so
/// `new` must be open.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dup2(old: c_int, new: c_int) -> c_int {
    replace(old, new)
        .map(|n| {
            inherit::set(n.0, true);
            new
        })
        .or_errno(-1)
}

/// Compat `dup3`: `dup2` that refuses equal descriptors and leaves `new`
/// close-on-exec; flags have no meaning here (`O_CLOEXEC` is 0, and
/// close-on-exec is the default), so only 0 passes.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dup3(old: c_int, new: c_int, flags: c_int) -> c_int {
    if old == new || flags != 0 {
        return Err(errno::INVAL).or_errno(-1);
    }
    replace(old, new).map(|_| new).or_errno(-1)
}
