//! renameat.

use crate::abi::{c_char, c_int};
use crate::errno::OrErrno;
use crate::sys;

/// POSIX `renameat`: renames `from` under `from_dir` to `to` under `to_dir`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn renameat(from_dir: c_int, from: *const c_char, to_dir: c_int, to: *const c_char) -> c_int {
    // SAFETY: C passes NUL-terminated paths.
    let (from, to) = unsafe { (crate::cptr::cstr(from), crate::cptr::cstr(to)) };
    rename_at(from_dir, from, to_dir, to).map(|()| 0).or_errno(-1)
}

/// `renameat` after compat path resolution (absolute paths and `AT_FDCWD`
/// go through the named grants).
pub fn rename_at(from_dir: c_int, from: &[u8], to_dir: c_int, to: &[u8]) -> Result<(), crate::errno::Errno> {
    use crate::compat::path::with;
    with(from_dir, from, false, |a| with(to_dir, to, false, |b| sys::file_rename(a.fd, a.path(), b.fd, b.path())))
}
