//! uv_udp_t: uv_udp_init, uv_udp_init_ex, uv_udp_open,
//! uv_udp_recv_start, uv_udp_recv_stop; compat uv_udp_bind, uv_udp_send,
//! uv_udp_try_send, uv_udp_getsockname and the uv_udp_set_* options.
//!
//! A UDP handle wraps a datagram socket the program was given. Sockets
//! cannot be created here, so uv_udp_init_ex with an address family fails
//! with `UV_EACCES`, as socket() does. Every granted datagram socket is
//! connected to the peer the grant named: datagrams go to that peer (a
//! send to it, or to a null address, works; any other destination is
//! `UV_ENOTCAPABLE`, and so is binding), and arrive from it (the receive
//! callback gets the peer's address). Broadcast, multicast and TTL
//! settings are not available (`UV_ENOTSUP`).

use super::errors::{err, UV_EAGAIN, UV_EALREADY, UV_EBADF, UV_ECANCELED, UV_EINVAL, UV_ENOBUFS, UV_ENOTSUP};
use super::handle::{self, uv_handle_t};
use super::io::{self, IoWatcher, READ, WRITE};
use super::queue::{container_of, Link};
use super::r#loop::uv_loop_t;
use super::req::{self, uv_req_t};
use super::stream::{access_of, BufList};
use super::{uv_buf_t, UV_UDP, UV_UDP_SEND};
use crate::abi::{c_char, c_int, c_uint, size_t, ssize_t};
use crate::errno::Errno;
use crate::header::sys_socket::{encode, sockaddr, AF_INET, AF_INET6};
use crate::sys::{self, fd};
use cloudabi::{ciovec, errno, iovec, recv_in, riflags, roflags, send_in, siflags};
use core::ptr::{addr_of_mut, null, null_mut};

pub type uv_udp_recv_cb = Option<unsafe extern "C" fn(*mut uv_udp_t, ssize_t, *const uv_buf_t, *const sockaddr, c_uint)>;
pub type uv_udp_send_cb = Option<unsafe extern "C" fn(*mut uv_udp_send_t, c_int)>;

pub const UV_UDP_IPV6ONLY: c_uint = 1;
pub const UV_UDP_PARTIAL: c_uint = 2;
pub const UV_UDP_REUSEADDR: c_uint = 4;

pub const UV_LEAVE_GROUP: c_int = 0;
pub const UV_JOIN_GROUP: c_int = 1;

const RECEIVING: u32 = 0x1;

/// Buffers one datagram may gather.
const IOVS: usize = 16;

/// How much a receive asks the allocation callback for, as libuv does.
const RECV_SIZE: usize = 64 * 1024;

#[repr(C)]
struct UdpCore {
    io: IoWatcher,
    flags: u32,
    _pad: u32,
    alloc_cb: super::stream::uv_alloc_cb,
    recv_cb: uv_udp_recv_cb,
    send_queue: Link,
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

#[repr(C)]
struct SendCore {
    bufs: BufList,
    status: c_int,
    _pad: u32,
}

/// libuv `uv_udp_send_t`.
#[repr(C)]
pub struct uv_udp_send_t {
    pub req: uv_req_t,
    pub handle: *mut uv_udp_t,
    pub cb: uv_udp_send_cb,
    u: SendCore,
}

const _: () = assert!(core::mem::size_of::<SendCore>() == 12 * 8);

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
            send_queue: Link::UNLINKED,
        });
        Link::init(&mut (*u).u.send_queue);
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
        refresh(u);
    }
    0
}

/// Recomputes what the socket waits for and whether the handle is active.
///
/// # Safety
/// `u` is an initialised UDP handle.
unsafe fn refresh(u: *mut uv_udp_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let c = &mut (*u).u;
        let mut events = 0;
        if !handle::closing(u.cast()) {
            if c.flags & RECEIVING != 0 {
                events |= READ;
            }
            if !Link::is_empty(&c.send_queue) {
                events |= WRITE;
            }
        }
        io::watch((*u).handle.r#loop, &mut c.io, events);
        if events != 0 {
            handle::start(u.cast());
        } else {
            handle::stop(u.cast());
        }
    }
}

/// libuv `uv_udp_recv_stop`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_udp_recv_stop(u: *mut uv_udp_t) -> c_int {
    // SAFETY: `u` is an initialised UDP handle (libuv contract).
    unsafe {
        (*u).u.flags &= !RECEIVING;
        refresh(u);
    }
    0
}

/// The peer's address, laid out and aligned as a socket address.
#[repr(C, align(16))]
struct PeerAddr([u8; 32]);

/// Receives datagrams and hands them to the callback.
///
/// # Safety
/// `u` is a receiving UDP handle.
unsafe fn receive(u: *mut uv_udp_t) {
    // SAFETY: the caller's contract; the state is checked again after
    // every callback, which may stop or close the handle.
    unsafe {
        let mut peer = PeerAddr([0; 32]);
        let from = match sys::sock_addr_get(fd((*u).u.io.fd as u32), true) {
            Ok(a) => {
                let (b, _) = encode(&a);
                peer.0 = b.0;
                (&peer as *const PeerAddr).cast::<sockaddr>()
            }
            Err(_) => null(),
        };
        for _ in 0..32 {
            if (*u).u.flags & RECEIVING == 0 || handle::closing(u.cast()) {
                return;
            }
            let (Some(alloc_cb), Some(recv_cb)) = ((*u).u.alloc_cb, (*u).u.recv_cb) else { return };
            let mut buf = uv_buf_t::EMPTY;
            alloc_cb(u.cast(), RECV_SIZE, &mut buf);
            if buf.base.is_null() || buf.len == 0 {
                recv_cb(u, UV_ENOBUFS as ssize_t, &buf, null(), 0);
                return;
            }
            let iov = iovec { buf: (buf.base.cast(), buf.len) };
            let ri = recv_in { ri_data: (&iov, 1), ri_fds: (null_mut(), 0), ri_flags: riflags::empty() };
            match sys::sock_recv(fd((*u).u.io.fd as u32), &ri) {
                Ok(ro) => {
                    let flags = if ro.ro_flags.contains(roflags::DATA_TRUNCATED) { UV_UDP_PARTIAL } else { 0 };
                    recv_cb(u, ro.ro_datalen as ssize_t, &buf, from, flags);
                }
                Err(errno::AGAIN) => {
                    recv_cb(u, 0, &buf, null(), 0);
                    return;
                }
                Err(e) => {
                    recv_cb(u, err(e) as ssize_t, &buf, null(), 0);
                    return;
                }
            }
        }
    }
}

/// The socket is ready (or the wait reported an error for it, which the
/// next receive or send reports in turn).
///
/// # Safety
/// `u` is an open UDP handle of a running loop.
pub unsafe fn ready(u: *mut uv_udp_t, ready: u32, error: u32) {
    // SAFETY: the caller's contract.
    unsafe {
        if ready & READ != 0 || error != 0 {
            receive(u);
        }
        if (ready & WRITE != 0 || error != 0) && !handle::closing(u.cast()) {
            flush(u);
        }
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
        (*u).u.flags &= !RECEIVING;
        refresh(u);
        let f = (*u).u.io.fd;
        if f > 2 {
            let _ = sys::fd_close(fd(f as u32));
        }
        (*u).u.io.fd = -1;
    }
}


/// Before the close callback: queued sends fail with `UV_ECANCELED`, and
/// every callback the handle still owes runs now.
///
/// # Safety
/// `u` is a closed UDP handle.
pub unsafe fn destroy(u: *mut uv_udp_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let head = addr_of_mut!((*u).u.send_queue);
        while let Some(link) = Link::first(head) {
            finish_send(u, container_of!(link, uv_udp_send_t, req.r.link), UV_ECANCELED);
        }
        req::run_pending_of(u.cast());
    }
}

/// May a datagram go to `addr`? Only to the socket's peer (or with no
/// address at all, which means the peer).
///
/// # Safety
/// `addr` is null or a readable socket address.
unsafe fn to_peer(s: c_int, addr: *const sockaddr) -> Result<(), Errno> {
    if addr.is_null() {
        return Ok(());
    }
    let peer = sys::sock_addr_get(sys::to_fd(s)?, true)?;
    let (want, len) = encode(&peer);
    // SAFETY: the caller's contract; the family byte says how much to read.
    let family = c_int::from(unsafe { (*addr).sa_family });
    // Family, port and address; an IPv6 address also has flow information
    // and a scope, which do not choose the destination.
    let same = |ranges: &[core::ops::Range<usize>]| {
        // SAFETY: each range lies within the family's address size.
        ranges.iter().all(|r| unsafe { core::slice::from_raw_parts(addr.cast::<u8>().add(r.start), r.len()) } == &want.0[r.clone()])
    };
    let ok = match family {
        AF_INET if len >= 8 => same(&[0..1, 2..8]),
        AF_INET6 if len >= 24 => same(&[0..1, 2..4, 8..24]),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(errno::NOTCAPABLE)
    }
}

/// Sends one datagram made of `bufs`.
fn send_datagram(s: c_int, bufs: &[uv_buf_t]) -> Result<usize, Errno> {
    let mut iovs = [ciovec { buf: (null(), 0) }; IOVS];
    for (v, b) in iovs.iter_mut().zip(bufs) {
        *v = ciovec { buf: (b.base.cast(), b.len) };
    }
    let si = send_in { si_data: (iovs.as_ptr(), bufs.len()), si_fds: (null(), 0), si_flags: siflags::empty() };
    // SAFETY: the iovecs describe the program's buffers, which are
    // readable for the call.
    unsafe { sys::sock_send(sys::to_fd(s)?, &si) }
}

/// Checks a send's arguments.
///
/// # Safety
/// `u` is an initialised UDP handle; `addr` is null or readable.
unsafe fn check_send(u: *const uv_udp_t, nbufs: c_uint, addr: *const sockaddr) -> Result<c_int, c_int> {
    // SAFETY: the caller's contract.
    let s = unsafe { (*u).u.io.fd };
    if s < 0 {
        return Err(UV_EBADF);
    }
    if nbufs as usize > IOVS {
        return Err(UV_EINVAL);
    }
    // SAFETY: the caller's contract.
    unsafe { to_peer(s, addr) }.map_err(err)?;
    Ok(s)
}

/// Moves a finished send to the pending phase.
///
/// # Safety
/// `r` is queued on `u`.
unsafe fn finish_send(u: *mut uv_udp_t, r: *mut uv_udp_send_t, status: c_int) {
    // SAFETY: the caller's contract.
    unsafe {
        Link::remove(&mut (*r).req.r.link);
        (*u).send_queue_size -= (*r).u.bufs.remaining();
        (*u).send_queue_count -= 1;
        (*r).u.bufs.free();
        (*r).u.status = status;
        req::defer((*u).handle.r#loop, r.cast());
    }
}

/// Sends queued datagrams until the socket is full or the queue empty.
///
/// # Safety
/// `u` is an initialised UDP handle.
unsafe fn flush(u: *mut uv_udp_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let head = addr_of_mut!((*u).u.send_queue);
        while let Some(link) = Link::first(head) {
            let r = container_of!(link, uv_udp_send_t, req.r.link);
            match send_datagram((*u).u.io.fd, (*r).u.bufs.all()) {
                Ok(_) => finish_send(u, r, 0),
                Err(errno::AGAIN) => break,
                Err(e) => finish_send(u, r, err(e)),
            }
        }
        refresh(u);
    }
}

/// libuv `uv_udp_send` (compat): queues one datagram for the socket's
/// peer (`addr` must be the peer or null; else `UV_ENOTCAPABLE`); `cb`
/// runs from the loop once it is sent.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_udp_send(
    r: *mut uv_udp_send_t,
    u: *mut uv_udp_t,
    bufs: *const uv_buf_t,
    nbufs: c_uint,
    addr: *const sockaddr,
    cb: uv_udp_send_cb,
) -> c_int {
    // SAFETY: `u` is an initialised UDP handle, `bufs` holds `nbufs`
    // buffers and `r` is memory for a request valid until `cb` (libuv
    // contract).
    unsafe {
        if let Err(e) = check_send(u, nbufs, addr) {
            return e;
        }
        req::init(r.cast(), UV_UDP_SEND);
        (*r).handle = u;
        (*r).cb = cb;
        (*r).u.status = 0;
        if let Err(e) = BufList::init(addr_of_mut!((*r).u.bufs), bufs, nbufs) {
            return e;
        }
        req::register((*u).handle.r#loop);
        (*u).send_queue_size += (*r).u.bufs.remaining();
        (*u).send_queue_count += 1;
        let head = addr_of_mut!((*u).u.send_queue);
        let was_empty = Link::is_empty(head);
        Link::push_back(head, &mut (*r).req.r.link);
        if was_empty {
            flush(u);
        } else {
            refresh(u);
        }
    }
    0
}

/// Runs a finished send's callback (pending phase).
///
/// # Safety
/// `r` was deferred by `finish_send`.
pub unsafe fn send_done(r: *mut uv_udp_send_t) {
    // SAFETY: the caller's contract.
    unsafe {
        req::unregister((*(*r).handle).handle.r#loop);
        if let Some(cb) = (*r).cb {
            cb(r, (*r).u.status);
        }
    }
}

/// libuv `uv_udp_try_send` (compat): sends one datagram to the peer now;
/// `UV_EAGAIN` if sends are queued or the socket is full.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_udp_try_send(u: *mut uv_udp_t, bufs: *const uv_buf_t, nbufs: c_uint, addr: *const sockaddr) -> c_int {
    // SAFETY: as in uv_udp_send.
    unsafe {
        if (*u).send_queue_count > 0 {
            return UV_EAGAIN;
        }
        let s = match check_send(u, nbufs, addr) {
            Ok(s) => s,
            Err(e) => return e,
        };
        let list = if nbufs == 0 { &[][..] } else { core::slice::from_raw_parts(bufs, nbufs as usize) };
        match send_datagram(s, list) {
            Ok(n) => n.min(c_int::MAX as usize) as c_int,
            Err(e) => err(e),
        }
    }
}

/// libuv `uv_udp_bind` (compat): a socket's address is fixed by whoever
/// granted it: `UV_ENOTCAPABLE` (`UV_EINVAL` for a null address or unknown
/// flags).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_udp_bind(_u: *mut uv_udp_t, addr: *const sockaddr, flags: c_uint) -> c_int {
    if addr.is_null() || flags & !(UV_UDP_IPV6ONLY | UV_UDP_REUSEADDR) != 0 {
        return UV_EINVAL;
    }
    err(errno::NOTCAPABLE)
}

/// libuv `uv_udp_getsockname` (compat): the socket's own address.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_udp_getsockname(u: *const uv_udp_t, name: *mut sockaddr, namelen: *mut c_int) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { super::tcp::address((*u).u.io.fd, false, name, namelen) }
}

/// libuv `uv_udp_set_broadcast` (compat): `UV_ENOTSUP` (see the module
/// documentation).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_udp_set_broadcast(_u: *mut uv_udp_t, _on: c_int) -> c_int {
    UV_ENOTSUP
}

/// A TTL argument: 1 to 255, else `UV_EINVAL`; then `UV_ENOTSUP`.
fn ttl(value: c_int) -> c_int {
    if (1..=255).contains(&value) {
        UV_ENOTSUP
    } else {
        UV_EINVAL
    }
}

/// libuv `uv_udp_set_ttl` (compat): `UV_ENOTSUP` for a valid TTL.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_udp_set_ttl(_u: *mut uv_udp_t, value: c_int) -> c_int {
    ttl(value)
}

/// libuv `uv_udp_set_multicast_ttl` (compat): `UV_ENOTSUP` for a valid TTL.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_udp_set_multicast_ttl(_u: *mut uv_udp_t, value: c_int) -> c_int {
    ttl(value)
}

/// libuv `uv_udp_set_multicast_loop` (compat): `UV_ENOTSUP`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_udp_set_multicast_loop(_u: *mut uv_udp_t, _on: c_int) -> c_int {
    UV_ENOTSUP
}

/// libuv `uv_udp_set_multicast_interface` (compat): `UV_ENOTSUP`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_udp_set_multicast_interface(_u: *mut uv_udp_t, _iface: *const c_char) -> c_int {
    UV_ENOTSUP
}

/// libuv `uv_udp_set_membership` (compat): no multicast group can be
/// joined: `UV_ENOTSUP` (`UV_EINVAL` for an unknown membership).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_udp_set_membership(_u: *mut uv_udp_t, group: *const c_char, _iface: *const c_char, membership: c_int) -> c_int {
    if group.is_null() || !matches!(membership, UV_LEAVE_GROUP | UV_JOIN_GROUP) {
        return UV_EINVAL;
    }
    UV_ENOTSUP
}
