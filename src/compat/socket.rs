//! The socket calls cloudlibc removed: socket, bind, connect, listen,
//! accept, accept4, getsockname, getpeername, recvfrom, sendto,
//! setsockopt, sockatmark.
//!
//! No call here reaches the host's network on its own: a program only has
//! the sockets it was given (and socket pairs). So `socket()` fails with
//! `EACCES` (the process may not create sockets), and `bind()` and
//! `connect()` on a given socket with `ENOTCAPABLE` (its address was fixed
//! by whoever granted it). What works: taking connections from a granted
//! listening socket (`accept`), reading a socket's addresses, and a few
//! options that only change how one socket behaves.

use crate::abi::{c_int, c_void, size_t, ssize_t};
use crate::errno::{Errno, OrErrno};
use crate::header::fcntl::{get_fl, set_fl, O_NONBLOCK};
use crate::header::sys_socket::{
    name, passed_option, recv, send, socket_type, sockaddr, socklen_t, SOCK_CLOEXEC, SOCK_NONBLOCK,
};
use crate::sys::{self, filetype, sockopt};
use cloudabi::errno;

/// Compat `socket`: `EACCES` always; no socket can be made from nothing.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn socket(_domain: c_int, _kind: c_int, _protocol: c_int) -> c_int {
    Err(errno::ACCES).or_errno(-1)
}

/// Compat `bind`: a socket's address is the launcher's choice;
/// `ENOTCAPABLE` on a socket (`EBADF`, `ENOTSOCK` otherwise).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn bind(s: c_int, _addr: *const sockaddr, _len: socklen_t) -> c_int {
    socket_type(s).and(Err(errno::NOTCAPABLE)).or_errno(-1)
}

/// Compat `connect`: as `bind`, `ENOTCAPABLE` on a socket.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn connect(s: c_int, _addr: *const sockaddr, _len: socklen_t) -> c_int {
    socket_type(s).and(Err(errno::NOTCAPABLE)).or_errno(-1)
}

/// Compat `listen`: succeeds on a socket that is listening already (the
/// backlog stays the launcher's); `ENOTSUP` on a datagram socket and
/// `EINVAL` on a connected one, as POSIX says.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn listen(s: c_int, _backlog: c_int) -> c_int {
    (|| {
        if socket_type(s)? == filetype::SOCKET_DGRAM {
            return Err(errno::NOTSUP);
        }
        match sys::sock_opt_get(sys::to_fd(s)?, sockopt::ACCEPTCONN)? {
            0 => Err(errno::INVAL),
            _ => Ok(0),
        }
    })()
    .or_errno(-1)
}

/// Takes a connection, stores its peer's address, applies `flags`.
///
/// # Safety
/// As for `header::sys_socket::store`.
unsafe fn take(s: c_int, addr: *mut sockaddr, len: *mut socklen_t, flags: c_int) -> Result<c_int, Errno> {
    if flags & !(SOCK_CLOEXEC | SOCK_NONBLOCK) != 0 {
        return Err(errno::INVAL);
    }
    let conn = sys::sock_accept(sys::to_fd(s)?)?;
    let c = conn.0 as c_int;
    let finish = || {
        if !addr.is_null() {
            // SAFETY: the caller's contract.
            unsafe { name(c, true, addr, len) }?;
        }
        if flags & SOCK_NONBLOCK != 0 {
            set_fl(c, get_fl(c)? | O_NONBLOCK)?;
        }
        Ok(c)
    };
    finish().inspect_err(|_| {
        let _ = sys::fd_close(conn);
    })
}

/// Compat `accept`: the next connection on a granted listening socket (an
/// emulator extension); it gets the listening socket's inheriting rights.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn accept(s: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    // SAFETY: `addr` is null or has `*len` writable bytes (C contract).
    unsafe { take(s, addr, len, 0) }.or_errno(-1)
}

/// Compat `accept4`: `accept` with `SOCK_NONBLOCK` (and `SOCK_CLOEXEC`,
/// which has no effect).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn accept4(s: c_int, addr: *mut sockaddr, len: *mut socklen_t, flags: c_int) -> c_int {
    // SAFETY: as in accept.
    unsafe { take(s, addr, len, flags) }.or_errno(-1)
}

/// Compat `getsockname`: the socket's own address (UNIX-domain addresses
/// have no path).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getsockname(s: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    // SAFETY: `addr` has `*len` writable bytes (C contract).
    unsafe { name(s, false, addr, len) }.map(|()| 0).or_errno(-1)
}

/// Compat `getpeername`: the connected peer's address.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getpeername(s: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    // SAFETY: as in getsockname.
    unsafe { name(s, true, addr, len) }.map(|()| 0).or_errno(-1)
}

/// Compat `recvfrom`: `recv`; every socket is connected, so no source
/// address is reported (`*len` becomes 0).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn recvfrom(
    s: c_int,
    buf: *mut c_void,
    n: size_t,
    flags: c_int,
    addr: *mut sockaddr,
    len: *mut socklen_t,
) -> ssize_t {
    // SAFETY: forwarded C contract.
    let r = unsafe { recv(s, buf, n, flags) };
    if r >= 0 && !addr.is_null() && !len.is_null() {
        // SAFETY: `len` is writable (C contract).
        unsafe { *len = 0 };
    }
    r
}

/// Compat `sendto`: `send`; a destination address is `ENOTCAPABLE` (the
/// peer was fixed when the socket was granted).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sendto(
    s: c_int,
    buf: *const c_void,
    n: size_t,
    flags: c_int,
    addr: *const sockaddr,
    len: socklen_t,
) -> ssize_t {
    if !addr.is_null() && len != 0 {
        return Err(errno::NOTCAPABLE).or_errno(-1);
    }
    // SAFETY: forwarded C contract.
    unsafe { send(s, buf, n, flags) }
}

/// Compat `setsockopt`: the `int` options `getsockopt` passes through
/// (`SO_REUSEADDR`, `SO_KEEPALIVE`, `SO_RCVBUF`, `SO_SNDBUF`,
/// `SO_RCVLOWAT`, `TCP_NODELAY`, `IPV6_V6ONLY`); anything else is
/// `ENOPROTOOPT`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setsockopt(s: c_int, level: c_int, name: c_int, value: *const c_void, len: socklen_t) -> c_int {
    (|| {
        socket_type(s)?;
        let opt = passed_option(level, name)?;
        if opt == sockopt::ACCEPTCONN || opt == sockopt::ERROR {
            return Err(errno::NOPROTOOPT);
        }
        if value.is_null() || len < core::mem::size_of::<c_int>() {
            return Err(errno::INVAL);
        }
        // SAFETY: `value` has `len` readable bytes (C contract).
        let v = unsafe { value.cast::<c_int>().read_unaligned() };
        sys::sock_opt_set(sys::to_fd(s)?, opt, v)
    })()
    .map(|()| 0)
    .or_errno(-1)
}

/// Compat `sockatmark`: there is no out-of-band data, so never at the
/// mark; 0 on a socket.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sockatmark(s: c_int) -> c_int {
    socket_type(s).map(|_| 0).or_errno(-1)
}
