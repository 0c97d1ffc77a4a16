//! uv_tcp_t: uv_tcp_init, uv_tcp_init_ex, uv_tcp_open; compat
//! uv_tcp_bind and uv_tcp_connect.
//!
//! A program cannot make sockets here: it has the ones it was granted
//! (uv_tcp_open) and the connections it accepts on granted listening
//! sockets. A socket's address is fixed by whoever granted it, so binding
//! and connecting fail with `UV_ENOTCAPABLE`, and uv_tcp_init_ex with an
//! address family (which would create a socket) fails with `UV_EACCES`,
//! as socket() does.

use super::errors::{err, UV_EINVAL};
use super::r#loop::uv_loop_t;
use super::stream::{self, uv_connect_cb, uv_connect_t, uv_stream_t};
use super::UV_TCP;
use crate::abi::{c_int, c_uint, c_void};
use cloudabi::errno;

/// libuv `uv_tcp_t`.
#[repr(C)]
pub struct uv_tcp_t {
    pub stream: uv_stream_t,
}

/// `UV_TCP_IPV6ONLY`: a uv_tcp_bind flag.
pub const UV_TCP_IPV6ONLY: c_uint = 1;

/// libuv `uv_tcp_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tcp_init(l: *mut uv_loop_t, t: *mut uv_tcp_t) -> c_int {
    // SAFETY: `l` is a loop and `t` memory for a TCP handle (libuv contract).
    unsafe { stream::init(l, t.cast(), UV_TCP) };
    0
}

/// libuv `uv_tcp_init_ex`: the low 8 bits of `flags` are an address
/// family; `AF_UNSPEC` (0) is uv_tcp_init, `AF_INET` and `AF_INET6` would
/// create a socket, which the process may not: `UV_EACCES`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tcp_init_ex(l: *mut uv_loop_t, t: *mut uv_tcp_t, flags: c_uint) -> c_int {
    const AF_INET: c_uint = 1;
    const AF_INET6: c_uint = 2;
    let domain = flags & 0xff;
    if flags & !0xff != 0 || !matches!(domain, 0 | AF_INET | AF_INET6) {
        return UV_EINVAL;
    }
    if domain != 0 {
        return err(errno::ACCES);
    }
    // SAFETY: forwarded libuv contract.
    unsafe { uv_tcp_init(l, t) }
}

/// libuv `uv_tcp_open`: wraps a granted (or accepted) socket.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tcp_open(t: *mut uv_tcp_t, sock: c_int) -> c_int {
    let flags = match stream::access_of(sock) {
        Ok(f) => f,
        Err(e) => return e,
    };
    // SAFETY: `t` is an initialised TCP handle (libuv contract).
    unsafe { stream::open(t.cast(), sock, flags) }
}

/// libuv `uv_tcp_bind` (compat): `UV_ENOTCAPABLE` (see the module
/// documentation); `UV_EINVAL` for a missing address or unknown flags.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tcp_bind(_t: *mut uv_tcp_t, addr: *const c_void, flags: c_uint) -> c_int {
    if addr.is_null() || flags & !UV_TCP_IPV6ONLY != 0 {
        return UV_EINVAL;
    }
    err(errno::NOTCAPABLE)
}

/// libuv `uv_tcp_connect` (compat): `UV_ENOTCAPABLE` at once, and `cb` is
/// never called, as for any error libuv returns directly.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tcp_connect(
    _r: *mut uv_connect_t,
    _t: *mut uv_tcp_t,
    addr: *const c_void,
    _cb: uv_connect_cb,
) -> c_int {
    if addr.is_null() {
        return UV_EINVAL;
    }
    err(errno::NOTCAPABLE)
}

