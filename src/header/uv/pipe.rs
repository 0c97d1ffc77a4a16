//! uv_pipe_t: uv_pipe_init, uv_pipe_open, uv_pipe_pending_count,
//! uv_pipe_pending_type; compat uv_pipe_bind, uv_pipe_connect,
//! uv_pipe_getsockname, uv_pipe_getpeername, uv_pipe_pending_instances,
//! uv_pipe_chmod.
//!
//! A pipe is a stream over a descriptor the program was given or made
//! (pipe(), socketpair()). Socket names are a global namespace, which
//! CloudABI has none of: binding and connecting by name fail with
//! `UV_ENOTCAPABLE`, and the sockets a program holds have no names.

use super::errors::{err, UV_EBADF, UV_EINVAL, UV_ENOTSUP};
use super::poll::{UV_READABLE, UV_WRITABLE};
use super::r#loop::uv_loop_t;
use super::stream::{self, uv_connect_cb, uv_connect_t, uv_stream_t, IPC};
use super::*;
use crate::abi::{c_char, c_int, size_t};
use cloudabi::errno;

/// libuv `uv_pipe_t`.
#[repr(C)]
pub struct uv_pipe_t {
    pub stream: uv_stream_t,
    /// Nonzero for a pipe that passes handles (uv_write2, uv_accept).
    pub ipc: c_int,
    _pad: u32,
}

/// libuv `uv_pipe_init`: `ipc` nonzero makes a pipe that can pass handles.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_pipe_init(l: *mut uv_loop_t, p: *mut uv_pipe_t, ipc: c_int) -> c_int {
    // SAFETY: `l` is a loop and `p` memory for a pipe (libuv contract).
    unsafe {
        stream::init(l, p.cast(), UV_NAMED_PIPE);
        (*p).ipc = c_int::from(ipc != 0);
        if ipc != 0 {
            (*p).stream.s.flags |= IPC;
        }
    }
    0
}

/// libuv `uv_pipe_open`: wraps an open descriptor; readable and writable
/// as its rights allow.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_pipe_open(p: *mut uv_pipe_t, fd: c_int) -> c_int {
    let flags = match stream::access_of(fd) {
        Ok(f) => f,
        Err(e) => return e,
    };
    // SAFETY: `p` is an initialised pipe (libuv contract).
    unsafe { stream::open(p.cast(), fd, flags) }
}

/// libuv `uv_pipe_pending_count`: descriptors received and not yet accepted.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_pipe_pending_count(p: *mut uv_pipe_t) -> c_int {
    // SAFETY: `p` is an initialised pipe (libuv contract).
    unsafe { stream::pending_fds(p.cast()).0 as c_int }
}

/// libuv `uv_pipe_pending_type`: the handle type uv_accept needs for the
/// next received descriptor (`UV_UNKNOWN_HANDLE` if there is none).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_pipe_pending_type(p: *mut uv_pipe_t) -> c_int {
    // SAFETY: `p` is an initialised pipe (libuv contract).
    match unsafe { stream::pending_fds(p.cast()) }.1 {
        Some(f) => misc::uv_guess_handle(f),
        None => UV_UNKNOWN_HANDLE,
    }
}

/// libuv `uv_pipe_bind` (compat): no socket can be given a name.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_pipe_bind(_p: *mut uv_pipe_t, name: *const c_char) -> c_int {
    if name.is_null() {
        return UV_EINVAL;
    }
    err(errno::NOTCAPABLE)
}

/// libuv `uv_pipe_connect` (compat): there is no named socket to reach;
/// `cb` gets `UV_ENOTCAPABLE` from the loop.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_pipe_connect(r: *mut uv_connect_t, p: *mut uv_pipe_t, _name: *const c_char, cb: uv_connect_cb) {
    // SAFETY: forwarded libuv contract.
    unsafe { stream::fail_connect(r, p.cast(), cb, err(errno::NOTCAPABLE)) }
}

/// The (empty) name of a pipe's socket, in libuv's buffer convention.
///
/// # Safety
/// `p` is an initialised pipe; `buf` has `*size` bytes.
unsafe fn no_name(p: *const uv_pipe_t, buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        if stream::descriptor(p.cast()) < 0 {
            return UV_EBADF;
        }
        misc::copy_out(b"", buf, size)
    }
}

/// libuv `uv_pipe_getsockname` (compat): sockets here have no names, so
/// the name is empty.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_pipe_getsockname(p: *const uv_pipe_t, buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { no_name(p, buf, size) }
}

/// libuv `uv_pipe_getpeername` (compat): as uv_pipe_getsockname.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_pipe_getpeername(p: *const uv_pipe_t, buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { no_name(p, buf, size) }
}

/// libuv `uv_pipe_pending_instances` (compat): a Windows setting; nothing
/// to do, as on every other libuv platform.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_pipe_pending_instances(_p: *mut uv_pipe_t, _count: c_int) {}

/// libuv `uv_pipe_chmod` (compat): there is no socket file and no
/// permission bits to change: `UV_ENOTSUP` for a valid request.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_pipe_chmod(p: *mut uv_pipe_t, flags: c_int) -> c_int {
    // SAFETY: `p` is null or an initialised pipe (libuv contract).
    if p.is_null() || unsafe { stream::descriptor(p.cast()) } < 0 {
        return UV_EBADF;
    }
    if flags == 0 || flags & !(UV_READABLE | UV_WRITABLE) != 0 {
        return UV_EINVAL;
    }
    UV_ENOTSUP
}

