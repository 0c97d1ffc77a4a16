//! Emulator extensions for the sockets a program was given: accepting a
//! connection, reading a socket's own and its peer's address, and reading
//! or setting a few harmless options.
//!
//! CloudABI 0.1.0 has no such calls (older CloudABI had `sock_accept` and
//! `sock_stat_get`; cloudlibc dropped `accept()` with them), but the
//! launcher hands programs listening sockets, and a server must be able to
//! take connections from them. Like `set_thread_pointer`, these are entry
//! points beyond the 49 calls, with the same shape and the same rights
//! checks as the others. None of them can reach an address the launcher
//! did not bind or connect: the address of a socket is only ever read.
//!
//! - `cloudabi_sys_sock_accept(sock, *conn)`: needs `FD_READ` on a
//!   listening socket; the connection gets the listening socket's
//!   inheriting rights (clipped to its type), as `file_open` does beneath
//!   a directory.
//! - `cloudabi_sys_sock_addr_get(sock, peer, *addr)`: needs
//!   `FILE_STAT_FGET`; `peer` 0 is the socket's own address, 1 its peer's.
//!   UNIX-domain addresses come back without their path.
//! - `cloudabi_sys_sock_opt_get(sock, opt, *value)`: needs `FILE_STAT_FGET`;
//!   `cloudabi_sys_sock_opt_set(sock, opt, value)` needs
//!   `FD_STAT_PUT_FLAGS`. `opt` is one of [`sockopt`], all `int` options.

use super::linux::{self, nr, result, syscall};
use super::{emulate, fdtable};
use cloudabi::{errno, fd, rights};

/// Address families, numbered as cloudlibc's `AF_*`.
pub mod family {
    pub const UNSPEC: u8 = 0;
    pub const INET: u8 = 1;
    pub const INET6: u8 = 2;
    pub const UNIX: u8 = 3;
}

/// A socket address as `sock_addr_get` reports it.
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct sock_addr {
    /// One of [`family`].
    pub family: u8,
    /// The port, in host byte order.
    pub port: u16,
    /// IPv6 flow information and scope, in host byte order.
    pub flowinfo: u32,
    pub scope_id: u32,
    /// The address in network byte order: IPv4 in the first four bytes,
    /// all zero for UNIX-domain sockets.
    pub addr: [u8; 16],
}

/// The options `sock_opt_get` and `sock_opt_set` pass through.
pub mod sockopt {
    /// Read only: is the socket listening?
    pub const ACCEPTCONN: u32 = 1;
    /// Read only: the pending error (reading clears it), as an errno.
    pub const ERROR: u32 = 2;
    pub const REUSEADDR: u32 = 3;
    pub const KEEPALIVE: u32 = 4;
    pub const RCVBUF: u32 = 5;
    pub const SNDBUF: u32 = 6;
    pub const RCVLOWAT: u32 = 7;
    pub const TCP_NODELAY: u32 = 8;
    pub const IPV6_V6ONLY: u32 = 9;
}

/// The Linux (level, name) of an option.
fn linux_option(opt: u32) -> Result<(usize, usize), errno> {
    const SOL_SOCKET: usize = 1;
    const IPPROTO_TCP: usize = 6;
    const IPPROTO_IPV6: usize = 41;
    Ok(match opt {
        sockopt::ACCEPTCONN => (SOL_SOCKET, 30),
        sockopt::ERROR => (SOL_SOCKET, 4),
        sockopt::REUSEADDR => (SOL_SOCKET, 2),
        sockopt::KEEPALIVE => (SOL_SOCKET, 9),
        sockopt::RCVBUF => (SOL_SOCKET, 8),
        sockopt::SNDBUF => (SOL_SOCKET, 7),
        sockopt::RCVLOWAT => (SOL_SOCKET, 18),
        sockopt::TCP_NODELAY => (IPPROTO_TCP, 1),
        sockopt::IPV6_V6ONLY => (IPPROTO_IPV6, 26),
        _ => return Err(errno::NOPROTOOPT),
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_sock_accept(s: fd, conn: *mut fd) -> errno {
    emulate(|| {
        let (l, sock) = fdtable::check_entry(s, rights::FD_READ)?;
        let null = core::ptr::null_mut::<u8>();
        // SAFETY: no address is asked for, so no memory is written.
        let c = result(unsafe { syscall!(nr::ACCEPT4, l, null, null, linux::SOCK_CLOEXEC) })? as i32;
        let new = super::fd::install_new(c, sock.inheriting, sock.inheriting)?;
        // SAFETY: the caller passes a writable fd slot.
        unsafe { conn.write(new) };
        Ok(())
    })
}

/// Room for any Linux socket address (`struct sockaddr_storage`).
const STORAGE: usize = 128;

/// Decodes a Linux socket address of `len` bytes.
fn decode(b: &[u8; STORAGE], len: usize) -> Result<sock_addr, errno> {
    let b = &b[..len.min(STORAGE)];
    let u16_at = |i: usize| u16::from_ne_bytes([b[i], b[i + 1]]);
    let u32_at = |i: usize| u32::from_ne_bytes(b[i..i + 4].try_into().unwrap());
    let mut a = sock_addr::default();
    match b.get(..2).map(|_| u16_at(0) as usize) {
        Some(linux::AF_INET) if b.len() >= 8 => {
            a.family = family::INET;
            a.port = u16::from_be(u16_at(2));
            a.addr[..4].copy_from_slice(&b[4..8]);
        }
        Some(linux::AF_INET6) if b.len() >= 28 => {
            a.family = family::INET6;
            a.port = u16::from_be(u16_at(2));
            a.flowinfo = u32::from_be(u32_at(4));
            a.addr.copy_from_slice(&b[8..24]);
            a.scope_id = u32_at(24);
        }
        Some(linux::AF_UNIX) => a.family = family::UNIX,
        _ => return Err(errno::AFNOSUPPORT),
    }
    Ok(a)
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_sock_addr_get(s: fd, peer: u8, out: *mut sock_addr) -> errno {
    emulate(|| {
        let call = match peer {
            0 => nr::GETSOCKNAME,
            1 => nr::GETPEERNAME,
            _ => return Err(errno::INVAL),
        };
        let l = fdtable::check(s, rights::FILE_STAT_FGET)?;
        let mut buf = [0u8; STORAGE];
        let mut len = STORAGE as u32;
        // SAFETY: `buf` has `len` writable bytes; `len` is a writable u32.
        result(unsafe { syscall!(call, l, buf.as_mut_ptr(), &mut len as *mut u32) })?;
        let a = decode(&buf, len as usize)?;
        // SAFETY: the caller passes a writable sock_addr.
        unsafe { out.write(a) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_sock_opt_get(s: fd, opt: u32, value: *mut i32) -> errno {
    emulate(|| {
        let l = fdtable::check(s, rights::FILE_STAT_FGET)?;
        let (level, name) = linux_option(opt)?;
        let mut v: i32 = 0;
        let mut len: u32 = 4;
        // SAFETY: `v` and `len` are writable and of the sizes given.
        result(unsafe { syscall!(nr::GETSOCKOPT, l, level, name, &mut v as *mut i32, &mut len as *mut u32) })?;
        if opt == sockopt::ERROR && v != 0 {
            v = linux::from_linux_errno(v as u32) as i32;
        }
        // SAFETY: the caller passes a writable int.
        unsafe { value.write(v) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_sock_opt_set(s: fd, opt: u32, value: i32) -> errno {
    emulate(|| {
        let l = fdtable::check(s, rights::FD_STAT_PUT_FLAGS)?;
        let (level, name) = linux_option(opt)?;
        // SAFETY: `value` is a readable int of the size given.
        result(unsafe { syscall!(nr::SETSOCKOPT, l, level, name, &value as *const i32, 4) }).map(drop)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::create::testutil::{read, reg, reg_full, stat, unknown_fd, write, Reg};
    use crate::emulator::rights as max;
    use cloudabi::filetype;
    use std::io::{Read, Write};
    use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
    use std::os::unix::net::UnixStream;

    fn accept(s: fd) -> Result<Reg, errno> {
        let mut c = fd(u32::MAX);
        // SAFETY: `c` is a writable slot.
        match unsafe { cloudabi_sys_sock_accept(s, &mut c) } {
            errno::SUCCESS => Ok(Reg(c)),
            e => Err(e),
        }
    }

    fn addr(s: fd, peer: u8) -> Result<sock_addr, errno> {
        let mut a = sock_addr { family: 99, ..Default::default() };
        // SAFETY: `a` is a writable sock_addr.
        match unsafe { cloudabi_sys_sock_addr_get(s, peer, &mut a) } {
            errno::SUCCESS => Ok(a),
            e => Err(e),
        }
    }

    fn get(s: fd, opt: u32) -> Result<i32, errno> {
        let mut v = -1;
        // SAFETY: `v` is a writable int.
        match unsafe { cloudabi_sys_sock_opt_get(s, opt, &mut v) } {
            errno::SUCCESS => Ok(v),
            e => Err(e),
        }
    }

    fn set(s: fd, opt: u32, v: i32) -> errno {
        // SAFETY: plain values.
        unsafe { cloudabi_sys_sock_opt_set(s, opt, v) }
    }

    /// A listening loopback socket in the table, with the given rights,
    /// and its port.
    fn listener(base: u64, inheriting: u64) -> (Reg, u16) {
        let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let port = l.local_addr().unwrap().port();
        (reg(l, filetype::SOCKET_STREAM, base, inheriting), port)
    }

    fn v4(ip: [u8; 4], port: u16) -> sock_addr {
        let mut addr = [0; 16];
        addr[..4].copy_from_slice(&ip);
        sock_addr { family: family::INET, port, addr, ..Default::default() }
    }

    #[test]
    fn accept_gives_a_connected_stream_with_inherited_rights() {
        let (l, port) = listener(max::SOCKET, max::SOCKET);
        let mut client = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        let c = accept(l.0).unwrap();
        let st = stat(c.0);
        assert_eq!(st.fs_filetype, filetype::SOCKET_STREAM);
        assert_eq!(st.fs_rights_base.bits(), max::SOCKET);
        assert_eq!(st.fs_rights_inheriting.bits(), max::SOCKET);
        client.write_all(b"ping").unwrap();
        let mut buf = [0u8; 4];
        assert_eq!(read(c.0, &mut buf), Ok(4));
        assert_eq!(&buf, b"ping");
        write(c.0, b"pong").unwrap();
        client.read_exact(&mut buf).unwrap();
        assert_eq!(&buf, b"pong");
    }

    #[test]
    fn accepted_rights_are_bounded_by_the_listeners_inheriting_rights() {
        let (l, port) = listener(max::SOCKET, rights::FD_READ.bits());
        let _client = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        let c = accept(l.0).unwrap();
        assert_eq!(stat(c.0).fs_rights_base.bits(), rights::FD_READ.bits());
        assert_eq!(write(c.0, b"x"), Err(errno::NOTCAPABLE));
    }

    #[test]
    fn accept_needs_read_right_and_a_listening_socket() {
        let (l, _) = listener(max::SOCKET & !rights::FD_READ.bits(), max::SOCKET);
        assert_eq!(accept(l.0).err(), Some(errno::NOTCAPABLE));
        assert_eq!(accept(unknown_fd()).err(), Some(errno::BADF));
        let (a, _b) = UnixStream::pair().unwrap();
        let a = reg_full(a, filetype::SOCKET_STREAM);
        assert_eq!(accept(a.0).err(), Some(errno::INVAL));
    }

    #[test]
    fn accept_on_a_nonblocking_listener_without_clients_is_again() {
        let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        l.set_nonblocking(true).unwrap();
        let l = reg_full(l, filetype::SOCKET_STREAM);
        assert_eq!(accept(l.0).err(), Some(errno::AGAIN));
    }

    #[test]
    fn addresses_of_tcp_sockets() {
        let (l, port) = listener(max::SOCKET, max::SOCKET);
        assert_eq!(addr(l.0, 0), Ok(v4([127, 0, 0, 1], port)));
        assert_eq!(addr(l.0, 1), Err(errno::NOTCONN));
        let client = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        let c = accept(l.0).unwrap();
        assert_eq!(addr(c.0, 0), Ok(v4([127, 0, 0, 1], port)));
        let SocketAddr::V4(mine) = client.local_addr().unwrap() else { panic!() };
        assert_eq!(addr(c.0, 1), Ok(v4(mine.ip().octets(), mine.port())));
    }

    #[test]
    fn addresses_of_ipv6_sockets() {
        let Ok(l) = TcpListener::bind("[::1]:0") else { return };
        let port = l.local_addr().unwrap().port();
        let l = reg_full(l, filetype::SOCKET_STREAM);
        let a = addr(l.0, 0).unwrap();
        let mut one = [0u8; 16];
        one[15] = 1;
        assert_eq!(a, sock_addr { family: family::INET6, port, addr: one, ..Default::default() });
    }

    #[test]
    fn unix_addresses_carry_no_path() {
        let (a, _b) = UnixStream::pair().unwrap();
        let a = reg_full(a, filetype::SOCKET_STREAM);
        let want = sock_addr { family: family::UNIX, ..Default::default() };
        assert_eq!(addr(a.0, 0), Ok(want));
        assert_eq!(addr(a.0, 1), Ok(want));
    }

    #[test]
    fn addresses_need_the_stat_right_and_a_socket() {
        let (a, _b) = UnixStream::pair().unwrap();
        let a = reg(a, filetype::SOCKET_STREAM, max::SOCKET & !rights::FILE_STAT_FGET.bits(), 0);
        assert_eq!(addr(a.0, 0), Err(errno::NOTCAPABLE));
        let (r, _w) = std::io::pipe().unwrap();
        let r = reg_full(std::os::fd::OwnedFd::from(r), filetype::SOCKET_STREAM);
        assert_eq!(addr(r.0, 0), Err(errno::NOTSOCK));
        assert_eq!(addr(r.0, 2), Err(errno::INVAL));
        assert_eq!(addr(unknown_fd(), 0), Err(errno::BADF));
    }

    #[test]
    fn options_pass_through() {
        let (l, port) = listener(max::SOCKET, max::SOCKET);
        assert_eq!(get(l.0, sockopt::ACCEPTCONN), Ok(1));
        let _client = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        let c = accept(l.0).unwrap();
        assert_eq!(get(c.0, sockopt::ACCEPTCONN), Ok(0));
        assert_eq!(get(c.0, sockopt::ERROR), Ok(0));
        assert_eq!(set(c.0, sockopt::TCP_NODELAY, 1), errno::SUCCESS);
        assert_eq!(get(c.0, sockopt::TCP_NODELAY), Ok(1));
        assert_eq!(set(c.0, sockopt::KEEPALIVE, 1), errno::SUCCESS);
        assert_eq!(get(c.0, sockopt::KEEPALIVE), Ok(1));
        assert!(get(c.0, sockopt::RCVBUF).unwrap() > 0);
    }

    #[test]
    fn option_errors() {
        let (a, _b) = UnixStream::pair().unwrap();
        let full = reg_full(a, filetype::SOCKET_STREAM);
        assert_eq!(get(full.0, 999), Err(errno::NOPROTOOPT));
        assert_eq!(set(full.0, sockopt::TCP_NODELAY, 1), errno::NOTSUP);
        let (a, _b) = UnixStream::pair().unwrap();
        let ro = reg(a, filetype::SOCKET_STREAM, max::SOCKET & !rights::FD_STAT_PUT_FLAGS.bits(), 0);
        assert_eq!(set(ro.0, sockopt::KEEPALIVE, 1), errno::NOTCAPABLE);
        assert_eq!(get(ro.0, sockopt::KEEPALIVE), Ok(0));
        assert_eq!(get(unknown_fd(), sockopt::KEEPALIVE), Err(errno::BADF));
    }
}
