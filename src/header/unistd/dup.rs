//! dup, dup2; compat dup3.

use crate::abi::c_int;
use crate::errno::OrErrno;
use crate::sys;
use cloudabi::errno;

/// POSIX `dup`: a new descriptor for the same open file, with its rights.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dup(fd: c_int) -> c_int {
    sys::to_fd(fd).and_then(sys::fd_dup).map(|f| f.0 as c_int).or_errno(-1)
}

/// POSIX `dup2`: makes `new` refer to the same open file as `old`. CloudABI
/// can only replace a descriptor that exists, so `new` must be open.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dup2(old: c_int, new: c_int) -> c_int {
    (|| {
        let (o, n) = (sys::to_fd(old)?, sys::to_fd(new)?);
        if old == new {
            sys::fd_stat_get(o)?;
        } else {
            sys::fd_replace(o, n)?;
        }
        Ok(new)
    })()
    .or_errno(-1)
}

/// Compat `dup3`: `dup2` that refuses equal descriptors; flags have no
/// meaning here (close-on-exec is implied), so only 0 and O_CLOEXEC (0) pass.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dup3(old: c_int, new: c_int, flags: c_int) -> c_int {
    if old == new || flags != 0 {
        return Err(errno::INVAL).or_errno(-1);
    }
    dup2(old, new)
}
