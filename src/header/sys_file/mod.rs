//! `<sys/file.h>` (compat): `flock`, through an emulator extension (a
//! lock binds only other holders of the same file).

use crate::abi::c_int;
use crate::errno::OrErrno;
use crate::sys;
use cloudabi::errno;

pub const LOCK_SH: c_int = 0x1;
pub const LOCK_EX: c_int = 0x2;
pub const LOCK_NB: c_int = 0x4;
pub const LOCK_UN: c_int = 0x8;

/// Compat `flock`: a shared or exclusive lock on the whole file, or its
/// release; LOCK_NB fails with EWOULDBLOCK instead of waiting (EBADF for
/// a closed descriptor, EINVAL for a bad operation).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn flock(fd: c_int, op: c_int) -> c_int {
    let kind = op & !LOCK_NB;
    if !matches!(kind, LOCK_SH | LOCK_EX | LOCK_UN) {
        return Err(errno::INVAL).or_errno(-1);
    }
    sys::to_fd(fd).and_then(|f| sys::file_flock(f, op as u32)).map(|()| 0).or_errno(-1)
}
