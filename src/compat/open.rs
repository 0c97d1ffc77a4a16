//! open, creat: `openat` relative to the current directory.

use crate::abi::va::VaListPtr;
use crate::abi::{c_char, c_int, mode_t};
use crate::compat::path::AT_FDCWD;
use crate::cptr;
use crate::errno::OrErrno;
use crate::header::fcntl::{open_at, O_CREAT, O_TRUNC, O_WRONLY};

crate::variadic!("open" => open_impl, gp = 2, fp = 0, reg = "rdx");

/// Compat `open`: resolves `path` through the grants; the mode is ignored.
pub unsafe extern "C" fn open_impl(path: *const c_char, flags: c_int, _ap: VaListPtr) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    open_at(AT_FDCWD, p, flags).map(|f| f.0 as c_int).or_errno(-1)
}

/// Compat `creat`: `open(path, O_WRONLY | O_CREAT | O_TRUNC)`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn creat(path: *const c_char, _mode: mode_t) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    open_at(AT_FDCWD, p, O_WRONLY | O_CREAT | O_TRUNC).map(|f| f.0 as c_int).or_errno(-1)
}
