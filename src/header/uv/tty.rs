//! uv_tty_t: uv_tty_init, uv_tty_reset_mode; compat uv_tty_set_mode and
//! uv_tty_get_winsize.
//!
//! A TTY handle is a stream over a terminal (or whatever the descriptor
//! is), readable or writable as `readable` says. As libuv does for a
//! terminal it shares with other processes, the descriptor stays blocking
//! (writes finish inside uv_write; reads happen once the descriptor is
//! readable). CloudABI has no terminal control: only the normal mode
//! exists and the window size is unknown.

use super::errors::{UV_EINVAL, UV_ENOTSUP};
use super::r#loop::uv_loop_t;
use super::stream::{self, uv_stream_t, BLOCKING, READABLE, WRITABLE};
use super::UV_TTY;
use crate::abi::c_int;

pub const UV_TTY_MODE_NORMAL: c_int = 0;
pub const UV_TTY_MODE_RAW: c_int = 1;
pub const UV_TTY_MODE_IO: c_int = 2;

/// libuv `uv_tty_t`.
#[repr(C)]
pub struct uv_tty_t {
    pub stream: uv_stream_t,
}

/// libuv `uv_tty_init`: a stream over `fd`, for reading if `readable` is
/// nonzero, else for writing.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tty_init(l: *mut uv_loop_t, t: *mut uv_tty_t, fd: c_int, readable: c_int) -> c_int {
    if let Err(e) = stream::access_of(fd) {
        return e;
    }
    let flags = BLOCKING | if readable != 0 { READABLE } else { WRITABLE };
    // SAFETY: `l` is a loop and `t` memory for a TTY handle (libuv contract).
    unsafe {
        stream::init(l, t.cast(), UV_TTY);
        stream::open(t.cast(), fd, flags)
    }
}

/// libuv `uv_tty_reset_mode`: nothing was changed, so nothing to restore.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_tty_reset_mode() -> c_int {
    0
}

/// libuv `uv_tty_set_mode` (compat): the normal mode is the only one;
/// raw and IO modes need terminal control: `UV_ENOTSUP`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_tty_set_mode(_t: *mut uv_tty_t, mode: c_int) -> c_int {
    match mode {
        UV_TTY_MODE_NORMAL => 0,
        UV_TTY_MODE_RAW | UV_TTY_MODE_IO => UV_ENOTSUP,
        _ => UV_EINVAL,
    }
}

/// libuv `uv_tty_get_winsize` (compat): no call reports a terminal's size
/// here: `UV_ENOTSUP`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_tty_get_winsize(_t: *mut uv_tty_t, _width: *mut c_int, _height: *mut c_int) -> c_int {
    UV_ENOTSUP
}

