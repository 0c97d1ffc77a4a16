//! Compat ttyname, ttyname_r, tcgetpgrp, tcsetpgrp. A descriptor carries
//! no path here, so a terminal's name cannot be known (ENOTSUP), and the
//! launcher starts the program in a session of its own without a
//! controlling terminal, so there is no foreground process group (ENOTTY).
//! Descriptors that are not terminals give ENOTTY, closed ones EBADF.

use crate::abi::{c_char, c_int, size_t};
use crate::errno::{Errno, ErrnoValue, OrErrno};
use crate::sys::{self, filetype};
use cloudabi::errno;

/// Succeeds for a terminal (a character device, as `isatty` decides).
pub fn terminal(fd: c_int) -> Result<(), Errno> {
    match sys::fd_stat_get(sys::to_fd(fd)?)?.fs_filetype {
        filetype::CHARACTER_DEVICE => Ok(()),
        _ => Err(errno::NOTTY),
    }
}

fn name_of(fd: c_int) -> Result<(), Errno> {
    terminal(fd).and(Err(errno::NOTSUP))
}

/// Compat `ttyname`: NULL with ENOTSUP for a terminal (see above).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ttyname(fd: c_int) -> *mut c_char {
    name_of(fd).map(|()| core::ptr::null_mut()).or_errno(core::ptr::null_mut())
}

/// Compat `ttyname_r`: ENOTSUP for a terminal (see above).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ttyname_r(fd: c_int, _buf: *mut c_char, _len: size_t) -> c_int {
    name_of(fd).errno_value()
}

/// Compat `tcgetpgrp`: ENOTTY, there is no controlling terminal.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tcgetpgrp(fd: c_int) -> i32 {
    terminal(fd).and(Err(errno::NOTTY)).or_errno(-1)
}

/// Compat `tcsetpgrp`: ENOTTY, as `tcgetpgrp`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tcsetpgrp(fd: c_int, _pgrp: i32) -> c_int {
    terminal(fd).and(Err(errno::NOTTY)).or_errno(-1)
}
