//! uv_tcp_t: uv_tcp_init, uv_tcp_init_ex, uv_tcp_open; compat
//! uv_tcp_bind, uv_tcp_connect, uv_tcp_getsockname, uv_tcp_getpeername,
//! uv_tcp_nodelay, uv_tcp_keepalive, uv_tcp_simultaneous_accepts.
//!
//! A program cannot make sockets here: it has the ones it was granted
//! (uv_tcp_open) and the connections it accepts on granted listening
//! sockets (uv_listen). A socket's address is fixed by whoever granted
//! it, so binding and connecting fail with `UV_ENOTCAPABLE`, and
//! uv_tcp_init_ex with an address family (which would create a socket)
//! fails with `UV_EACCES`, as socket() does. Addresses can be read, and
//! the options that only change how the one socket behaves can be set.

use super::errors::{err, UV_EINVAL};
use super::r#loop::uv_loop_t;
use super::stream::{self, uv_connect_cb, uv_connect_t, uv_stream_t};
use super::UV_TCP;
use crate::abi::{c_int, c_uint};
use crate::header::sys_socket::{sockaddr, socklen_t, store};
use crate::sys::{self, fd, sockopt};
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
pub unsafe extern "C" fn uv_tcp_bind(_t: *mut uv_tcp_t, addr: *const sockaddr, flags: c_uint) -> c_int {
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
    addr: *const sockaddr,
    _cb: uv_connect_cb,
) -> c_int {
    if addr.is_null() {
        return UV_EINVAL;
    }
    err(errno::NOTCAPABLE)
}


/// A socket's own or peer address into libuv's `(name, *namelen)`, where
/// the length is an `int` (this libc's `socklen_t` is a `size_t`).
///
/// # Safety
/// `name` has `*namelen` writable bytes.
pub unsafe fn address(f: c_int, peer: bool, name: *mut sockaddr, namelen: *mut c_int) -> c_int {
    if f < 0 {
        return UV_EINVAL;
    }
    if name.is_null() || namelen.is_null() {
        return UV_EINVAL;
    }
    let a = match sys::to_fd(f).and_then(|f| sys::sock_addr_get(f, peer)) {
        Ok(a) => a,
        Err(e) => return err(e),
    };
    // SAFETY: the caller's contract.
    unsafe {
        let mut len = (*namelen).max(0) as socklen_t;
        if let Err(e) = store(&a, name, &mut len) {
            return err(e);
        }
        *namelen = len as c_int;
    }
    0
}

/// libuv `uv_tcp_getsockname` (compat): the socket's own address.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tcp_getsockname(t: *const uv_tcp_t, name: *mut sockaddr, namelen: *mut c_int) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { address(stream::descriptor(t.cast()), false, name, namelen) }
}

/// libuv `uv_tcp_getpeername` (compat): the connected peer's address.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tcp_getpeername(t: *const uv_tcp_t, name: *mut sockaddr, namelen: *mut c_int) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { address(stream::descriptor(t.cast()), true, name, namelen) }
}

/// Sets an option of the handle's socket, if it has one yet.
///
/// # Safety
/// `t` is an initialised TCP handle.
unsafe fn set_option(t: *mut uv_tcp_t, opt: u32, on: c_int) -> c_int {
    // SAFETY: the caller's contract.
    let f = unsafe { stream::descriptor(t.cast()) };
    if f < 0 {
        return 0;
    }
    match sys::sock_opt_set(fd(f as u32), opt, c_int::from(on != 0)) {
        Ok(()) => 0,
        Err(e) => err(e),
    }
}

/// libuv `uv_tcp_nodelay` (compat): `TCP_NODELAY` on the socket.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tcp_nodelay(t: *mut uv_tcp_t, enable: c_int) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { set_option(t, sockopt::TCP_NODELAY, enable) }
}

/// libuv `uv_tcp_keepalive` (compat): `SO_KEEPALIVE` on the socket; the
/// delay cannot be set (the idle time stays the system's).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_tcp_keepalive(t: *mut uv_tcp_t, enable: c_int, _delay: c_uint) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { set_option(t, sockopt::KEEPALIVE, enable) }
}

/// libuv `uv_tcp_simultaneous_accepts` (compat): a Windows setting;
/// nothing to do, as on every other libuv platform.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_tcp_simultaneous_accepts(_t: *mut uv_tcp_t, _enable: c_int) -> c_int {
    0
}
