//! open, creat: `openat` relative to the current directory.

use crate::abi::va::VaListPtr;
use crate::abi::{c_char, c_int, mode_t};
use crate::compat::path::AT_FDCWD;
use crate::cptr;
use crate::errno::OrErrno;
use crate::header::fcntl::{open_at_mode, O_CREAT, O_TRUNC, O_WRONLY};

crate::variadic!("open" => open_impl, gp = 2, fp = 0, reg = "rdx");

/// Compat `open`: resolves `path` through the grants; with O_CREAT, a new
/// file gets the mode argument's permission bits narrowed by the umask.
pub unsafe extern "C" fn open_impl(path: *const c_char, flags: c_int, ap: VaListPtr) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    // SAFETY: with O_CREAT the caller passes a mode (C contract).
    let mode = (flags & O_CREAT != 0).then(|| unsafe { (*ap).int() } as mode_t);
    open_at_mode(AT_FDCWD, p, flags, mode).map(|f| f.0 as c_int).or_errno(-1)
}

/// Compat `creat`: `open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn creat(path: *const c_char, mode: mode_t) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    open_at_mode(AT_FDCWD, p, O_WRONLY | O_CREAT | O_TRUNC, Some(mode)).map(|f| f.0 as c_int).or_errno(-1)
}
