//! uv_udp_t: uv_udp_init, uv_udp_init_ex, uv_udp_open,
//! uv_udp_recv_start, uv_udp_recv_stop.
//!
//! A UDP handle wraps a datagram socket the program was given. Sockets
//! cannot be created here, so uv_udp_init_ex with an address family fails
//! with `UV_EACCES`, as socket() does. CloudABI's receive call reports no
//! sender address: the receive callback gets a null address.

use super::errors::{err, UV_EALREADY, UV_EBADF, UV_EINVAL, UV_ENOBUFS};
use super::handle::{self, uv_handle_t};
use super::io::{self, IoWatcher, READ};
use super::r#loop::uv_loop_t;
use super::stream::access_of;
use super::{uv_buf_t, UV_UDP};
use crate::abi::{c_int, c_uint, c_void, size_t, ssize_t};
use crate::sys::{self, fd};
use cloudabi::{errno, iovec, recv_in, riflags, roflags};
use core::ptr::{addr_of_mut, null_mut};

pub type uv_udp_recv_cb = Option<unsafe extern "C" fn(*mut uv_udp_t, ssize_t, *const uv_buf_t, *const c_void, c_uint)>;

pub const UV_UDP_PARTIAL: c_uint = 2;

const RECEIVING: u32 = 0x1;

/// How much a receive asks the allocation callback for, as libuv does.
const RECV_SIZE: usize = 64 * 1024;

#[repr(C)]
struct UdpCore {
    io: IoWatcher,
    flags: u32,
    _pad: u32,
    alloc_cb: super::stream::uv_alloc_cb,
    recv_cb: uv_udp_recv_cb,
    _reserved: [usize; 2],
}

/// libuv `uv_udp_t`.
#[repr(C)]
pub struct uv_udp_t {
    pub handle: uv_handle_t,
    pub send_queue_size: size_t,
    pub send_queue_count: size_t,
    u: UdpCore,
}

const _: () = assert!(core::mem::size_of::<UdpCore>() == 10 * 8);

/// libuv `uv_udp_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_udp_init(l: *mut uv_loop_t, u: *mut uv_udp_t) -> c_int {
    // SAFETY: `l` is a loop and `u` memory for a UDP handle (libuv contract).
    unsafe {
        handle::init(l, u.cast(), UV_UDP);
        (*u).send_queue_size = 0;
        (*u).send_queue_count = 0;
        addr_of_mut!((*u).u).write(UdpCore {
            io: IoWatcher::new(u.cast()),
            flags: 0,
            _pad: 0,
            alloc_cb: None,
            recv_cb: None,
            _reserved: [0; 2],
        });
    }
    0
}

/// libuv `uv_udp_init_ex`: an address family in the low 8 bits would
/// create a socket, which the process may not: `UV_EACCES`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_udp_init_ex(l: *mut uv_loop_t, u: *mut uv_udp_t, flags: c_uint) -> c_int {
    let domain = flags & 0xff;
    if flags & !0xff != 0 || domain > 2 {
        return UV_EINVAL;
    }
    if domain != 0 {
        return err(errno::ACCES);
    }
    // SAFETY: forwarded libuv contract.
    unsafe { uv_udp_init(l, u) }
}

/// libuv `uv_udp_open`: wraps a granted datagram socket.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_udp_open(u: *mut uv_udp_t, sock: c_int) -> c_int {
    if let Err(e) = access_of(sock) {
        return e;
    }
    // SAFETY: `u` is an initialised UDP handle (libuv contract).
    unsafe {
        if (*u).u.io.fd != -1 {
            return super::errors::UV_EBUSY;
        }
        match io::set_nonblocking(sock, true) {
            Ok(()) | Err(errno::NOTCAPABLE) => {}
            Err(e) => return err(e),
        }
        (*u).u.io.fd = sock;
    }
    0
}

/// libuv `uv_udp_recv_start`: `recv_cb` gets each datagram (a truncated
/// one with `UV_UDP_PARTIAL`), 0 for "nothing now", or an error.
/// `UV_EBADF` on a handle without a socket.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_udp_recv_start(u: *mut uv_udp_t, alloc_cb: super::stream::uv_alloc_cb, recv_cb: uv_udp_recv_cb) -> c_int {
    // SAFETY: `u` is an initialised UDP handle (libuv contract).
    unsafe {
        if alloc_cb.is_none() || recv_cb.is_none() || handle::closing(u.cast()) {
            return UV_EINVAL;
        }
        if (*u).u.flags & RECEIVING != 0 {
            return UV_EALREADY;
        }
        if (*u).u.io.fd < 0 {
            return UV_EBADF;
        }
        (*u).u.alloc_cb = alloc_cb;
        (*u).u.recv_cb = recv_cb;
        (*u).u.flags |= RECEIVING;
        io::watch((*u).handle.r#loop, &mut (*u).u.io, READ);
        handle::start(u.cast());
    }
    0
}

/// libuv `uv_udp_recv_stop`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_udp_recv_stop(u: *mut uv_udp_t) -> c_int {
    // SAFETY: `u` is an initialised UDP handle (libuv contract).
    unsafe {
        (*u).u.flags &= !RECEIVING;
        io::watch((*u).handle.r#loop, &mut (*u).u.io, 0);
        handle::stop(u.cast());
    }
    0
}

/// Receives datagrams and hands them to the callback.
///
/// # Safety
/// `u` is a receiving UDP handle.
unsafe fn receive(u: *mut uv_udp_t) {
    // SAFETY: the caller's contract; the state is checked again after
    // every callback, which may stop or close the handle.
    unsafe {
        for _ in 0..32 {
            if (*u).u.flags & RECEIVING == 0 || handle::closing(u.cast()) {
                return;
            }
            let (Some(alloc_cb), Some(recv_cb)) = ((*u).u.alloc_cb, (*u).u.recv_cb) else { return };
            let mut buf = uv_buf_t::EMPTY;
            alloc_cb(u.cast(), RECV_SIZE, &mut buf);
            if buf.base.is_null() || buf.len == 0 {
                recv_cb(u, UV_ENOBUFS as ssize_t, &buf, core::ptr::null(), 0);
                return;
            }
            let iov = iovec { buf: (buf.base.cast(), buf.len) };
            let ri = recv_in { ri_data: (&iov, 1), ri_fds: (null_mut(), 0), ri_flags: riflags::empty() };
            match sys::sock_recv(fd((*u).u.io.fd as u32), &ri) {
                Ok(ro) => {
                    let flags = if ro.ro_flags.contains(roflags::DATA_TRUNCATED) { UV_UDP_PARTIAL } else { 0 };
                    recv_cb(u, ro.ro_datalen as ssize_t, &buf, core::ptr::null(), flags);
                }
                Err(errno::AGAIN) => {
                    recv_cb(u, 0, &buf, core::ptr::null(), 0);
                    return;
                }
                Err(e) => {
                    recv_cb(u, err(e) as ssize_t, &buf, core::ptr::null(), 0);
                    return;
                }
            }
        }
    }
}

/// The socket is readable (or the wait reported an error for it).
///
/// # Safety
/// `u` is an open UDP handle of a running loop.
pub unsafe fn ready(u: *mut uv_udp_t, ready: u32, error: u32) {
    if ready & READ != 0 || error != 0 {
        // SAFETY: the caller's contract.
        unsafe { receive(u) }
    }
}

/// The handle's socket (-1 if none).
///
/// # Safety
/// `u` is an initialised UDP handle.
pub unsafe fn descriptor(u: *const uv_udp_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { (*u).u.io.fd }
}

/// Stops a handle being closed and closes its socket (not a standard
/// descriptor, which libuv never closes either).
///
/// # Safety
/// `u` is an initialised UDP handle.
pub unsafe fn close(u: *mut uv_udp_t) {
    // SAFETY: the caller's contract.
    unsafe {
        uv_udp_recv_stop(u);
        let f = (*u).u.io.fd;
        if f > 2 {
            let _ = sys::fd_close(fd(f as u32));
        }
        (*u).u.io.fd = -1;
    }
}

