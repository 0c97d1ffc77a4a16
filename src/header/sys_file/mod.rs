//! `<sys/file.h>` (compat): `flock`. CloudABI has no file locks; see
//! `unistd::no_locks`.

use crate::abi::c_int;
use crate::errno::OrErrno;
use crate::header::unistd::no_locks;
use cloudabi::errno;

pub const LOCK_SH: c_int = 0x1;
pub const LOCK_EX: c_int = 0x2;
pub const LOCK_NB: c_int = 0x4;
pub const LOCK_UN: c_int = 0x8;

/// Compat `flock`: LOCK_UN succeeds, LOCK_SH and LOCK_EX fail with ENOLCK
/// (EBADF for a closed descriptor, EINVAL for a bad operation).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn flock(fd: c_int, op: c_int) -> c_int {
    let kind = op & !LOCK_NB;
    if !matches!(kind, LOCK_SH | LOCK_EX | LOCK_UN) {
        return Err(errno::INVAL).or_errno(-1);
    }
    no_locks(fd, kind == LOCK_UN).or_errno(-1)
}
