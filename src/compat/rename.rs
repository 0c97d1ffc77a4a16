//! Compat rename and remove, through the grants.

use crate::abi::{c_char, c_int};
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::OrErrno;
use crate::sys::{self, ulflags};
use cloudabi::errno;


/// Compat (C11) `rename`: renames a file named through the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn rename(from: *const c_char, to: *const c_char) -> c_int {
    // SAFETY: both are C strings (C contract).
    let (a, b) = unsafe { (cptr::cstr(from), cptr::cstr(to)) };
    crate::header::stdio::rename::rename_at(AT_FDCWD, a, AT_FDCWD, b).map(|()| 0).or_errno(-1)
}

/// Compat (C11) `remove`: unlinks a file, or removes an empty directory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn remove(p: *const c_char) -> c_int {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    (|| {
        path::with(AT_FDCWD, p, false, |r| match sys::file_unlink(r.fd, r.path(), ulflags::empty()) {
            Err(errno::ISDIR) | Err(errno::PERM) => sys::file_unlink(r.fd, r.path(), ulflags::REMOVEDIR),
            other => other,
        })
    })()
    .map(|()| 0)
    .or_errno(-1)
}
