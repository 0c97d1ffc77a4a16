//! renameat.

use crate::abi::{c_char, c_int};
use crate::errno::OrErrno;
use crate::sys;

/// POSIX `renameat`: renames `from` under `from_dir` to `to` under `to_dir`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn renameat(from_dir: c_int, from: *const c_char, to_dir: c_int, to: *const c_char) -> c_int {
    // SAFETY: C passes NUL-terminated paths.
    let (from, to) = unsafe { (crate::cptr::cstr(from), crate::cptr::cstr(to)) };
    sys::to_fd(from_dir)
        .and_then(|fd| Ok((fd, sys::to_fd(to_dir)?)))
        .and_then(|(a, b)| sys::file_rename(a, from, b, to))
        .map(|()| 0)
        .or_errno(-1)
}
