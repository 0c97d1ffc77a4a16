//! uv_process_t: uv_process_kill, uv_disable_stdio_inheritance; compat
//! uv_spawn and uv_kill.
//!
//! uv_spawn is not implemented (fork and execve exist, but uv's process
//! handles would need SIGCHLD delivery through the loop), so it fails
//! with `UV_ENOSYS` and no process handle ever has a process.
//! uv_kill reaches only the program itself, as kill() does.

use super::errors::{check, UV_ENOSYS};
use super::handle;
use super::r#loop::uv_loop_t;
use super::stream::uv_stream_t;
use super::UV_PROCESS;
use crate::abi::{c_char, c_int, c_uint};

pub type uv_exit_cb = Option<unsafe extern "C" fn(*mut uv_process_t, i64, c_int)>;

/// libuv `uv_process_t`.
#[repr(C)]
pub struct uv_process_t {
    pub handle: handle::uv_handle_t,
    pub exit_cb: uv_exit_cb,
    pub pid: c_int,
    _pad: u32,
}

/// libuv `uv_stdio_container_t`.
#[repr(C)]
pub struct uv_stdio_container_t {
    pub flags: c_int,
    /// `stream` or `fd`, as `flags` says.
    pub data: *mut uv_stream_t,
}

/// libuv `uv_process_options_t`.
#[repr(C)]
pub struct uv_process_options_t {
    pub exit_cb: uv_exit_cb,
    pub file: *const c_char,
    pub args: *mut *mut c_char,
    pub env: *mut *mut c_char,
    pub cwd: *const c_char,
    pub flags: c_uint,
    pub stdio_count: c_int,
    pub stdio: *mut uv_stdio_container_t,
    pub uid: u32,
    pub gid: u32,
}

/// libuv `uv_spawn` (compat): `UV_ENOSYS`. As in libuv, the handle is
/// initialised even so and must be closed with uv_close.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_spawn(l: *mut uv_loop_t, p: *mut uv_process_t, options: *const uv_process_options_t) -> c_int {
    // SAFETY: `l` is a loop, `p` memory for a process handle and `options`
    // readable (libuv contract).
    unsafe {
        handle::init(l, p.cast(), UV_PROCESS);
        (*p).exit_cb = (*options).exit_cb;
        (*p).pid = 0;
    }
    UV_ENOSYS
}

/// libuv `uv_process_kill`: no process handle has a process (see
/// uv_spawn): `UV_ENOSYS`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_process_kill(_p: *mut uv_process_t, _signum: c_int) -> c_int {
    UV_ENOSYS
}

/// libuv `uv_kill` (compat): kill(); only the program's own pid (or 0)
/// may be signalled, anything else is `UV_EPERM`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_kill(pid: c_int, signum: c_int) -> c_int {
    check(crate::header::signal::kill(pid, signum) as isize) as c_int
}

/// libuv `uv_disable_stdio_inheritance`: no descriptor is inherited by
/// anything here, so there is nothing to disable.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_disable_stdio_inheritance() {}
