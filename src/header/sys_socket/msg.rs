//! recv, send, recvmsg, sendmsg, with descriptors passed as `SCM_RIGHTS`
//! control messages; the compat `recvmsg`/`sendmsg` for POSIX's msghdr.

use super::*;
use crate::abi::{c_int, c_void, size_t, ssize_t};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::sys_uio::{ciovs, iovs};
use cloudabi::{ciovec, fd, iovec as ciov, recv_in, riflags, roflags, send_in, siflags};

/// The most descriptors one message carries here.
pub const MAX_FDS: usize = 256;

const INT: usize = core::mem::size_of::<c_int>();

fn recv_flags(flags: c_int) -> Result<riflags, Errno> {
    if flags & !(MSG_PEEK | MSG_WAITALL) != 0 {
        // MSG_OOB and anything unknown: there is no out-of-band data.
        return Err(errno::NOTSUP);
    }
    let mut f = riflags::empty();
    if flags & MSG_PEEK != 0 {
        f |= riflags::PEEK;
    }
    if flags & MSG_WAITALL != 0 {
        f |= riflags::WAITALL;
    }
    Ok(f)
}

fn send_flags(flags: c_int) -> Result<(), Errno> {
    // MSG_NOSIGNAL is 0: no call raises SIGPIPE. MSG_EOR, MSG_OOB: no
    // records, no out-of-band data.
    if flags != 0 {
        return Err(errno::NOTSUP);
    }
    Ok(())
}

/// Receives into `data`, with room for `fds.len()` descriptors; returns
/// the bytes and descriptors received and cloudlibc's `MSG_*` output flags.
///
/// # Safety
/// `data` describes writable memory.
unsafe fn receive(s: c_int, data: &[ciov], fds: &mut [fd], flags: c_int) -> Result<(usize, usize, c_int), Errno> {
    let ri = recv_in { ri_data: (data.as_ptr(), data.len()), ri_fds: (fds.as_mut_ptr(), fds.len()), ri_flags: recv_flags(flags)? };
    // SAFETY: the caller's contract for `data`; `fds` is writable.
    let ro = unsafe { sys::sock_recv(sys::to_fd(s)?, &ri) }?;
    let mut out = 0;
    if ro.ro_flags.contains(roflags::DATA_TRUNCATED) {
        out |= MSG_TRUNC;
    }
    if ro.ro_flags.contains(roflags::FDS_TRUNCATED) {
        out |= MSG_CTRUNC;
    }
    Ok((ro.ro_datalen, ro.ro_fdslen, out))
}

/// Sends `data` with `fds` attached.
///
/// # Safety
/// `data` describes readable memory.
unsafe fn transmit(s: c_int, data: &[ciovec], fds: &[fd], flags: c_int) -> Result<usize, Errno> {
    send_flags(flags)?;
    let si = send_in { si_data: (data.as_ptr(), data.len()), si_fds: (fds.as_ptr(), fds.len()), si_flags: siflags::DEFAULT };
    // SAFETY: the caller's contract for `data`.
    unsafe { sys::sock_send(sys::to_fd(s)?, &si) }
}

/// POSIX `recv`: receives up to `len` bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn recv(s: c_int, buf: *mut c_void, len: size_t, flags: c_int) -> ssize_t {
    let iov = ciov { buf: (buf.cast(), len) };
    // SAFETY: `buf` is writable for `len` bytes (C contract).
    unsafe { receive(s, core::slice::from_ref(&iov), &mut [], flags) }.map(|r| r.0 as ssize_t).or_errno(-1)
}

/// POSIX `send`: sends up to `len` bytes; a closed peer is `EPIPE`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn send(s: c_int, buf: *const c_void, len: size_t, flags: c_int) -> ssize_t {
    let iov = ciovec { buf: (buf.cast(), len) };
    // SAFETY: `buf` is readable for `len` bytes (C contract).
    unsafe { transmit(s, core::slice::from_ref(&iov), &[], flags) }.map(|n| n as ssize_t).or_errno(-1)
}

/// The receive side of `recvmsg`: data into `msg_iov`, descriptors as one
/// `SCM_RIGHTS` message in `msg_control`.
///
/// # Safety
/// `msg` describes writable buffers (C contract of recvmsg).
unsafe fn recv_msg(s: c_int, msg: &mut msghdr, flags: c_int) -> Result<usize, Errno> {
    // SAFETY: the caller's contract.
    let data = unsafe { iovs(msg.msg_iov, msg.msg_iovlen) }.map_err(|_| errno::MSGSIZE)?;
    let control = if msg.msg_control.is_null() {
        &mut []
    } else {
        // SAFETY: msg_control has msg_controllen writable bytes (C contract).
        unsafe { cptr::slice_mut(msg.msg_control.cast(), msg.msg_controllen) }
    };
    let room = (control.len().saturating_sub(CMSG_HDR) / INT).min(MAX_FDS);
    let mut fds = [fd(0); MAX_FDS];
    // SAFETY: the caller's contract for `data`.
    let (n, nfds, out) = unsafe { receive(s, data, &mut fds[..room], flags) }?;
    msg.msg_flags = out;
    msg.msg_controllen = if nfds == 0 { 0 } else { put_rights(control, &fds[..nfds]) };
    Ok(n)
}

/// Writes one `SCM_RIGHTS` control message holding `fds` (which fit) at
/// the start of `control`; returns the control bytes used.
fn put_rights(control: &mut [u8], fds: &[fd]) -> usize {
    let len = CMSG_HDR + fds.len() * INT;
    control[..8].copy_from_slice(&len.to_ne_bytes());
    control[8..12].copy_from_slice(&SOL_SOCKET.to_ne_bytes());
    control[12..16].copy_from_slice(&SCM_RIGHTS.to_ne_bytes());
    for (slot, f) in control[CMSG_HDR..len].chunks_exact_mut(INT).zip(fds) {
        slot.copy_from_slice(&(f.0 as c_int).to_ne_bytes());
    }
    cmsg_space(fds.len() * INT).min(control.len())
}

/// Collects the descriptors of the `SCM_RIGHTS` messages in `control` into
/// `out`; returns how many. Any other control message is `EINVAL`.
fn take_rights(control: &[u8], out: &mut [fd; MAX_FDS]) -> Result<usize, Errno> {
    let mut n = 0;
    let mut rest = control;
    while rest.len() >= CMSG_HDR {
        let len = usize::from_ne_bytes(rest[..8].try_into().unwrap());
        let level = c_int::from_ne_bytes(rest[8..12].try_into().unwrap());
        let kind = c_int::from_ne_bytes(rest[12..16].try_into().unwrap());
        if len < CMSG_HDR || len > rest.len() || level != SOL_SOCKET || kind != SCM_RIGHTS {
            return Err(errno::INVAL);
        }
        let data = &rest[CMSG_HDR..len];
        if data.len() % INT != 0 || n + data.len() / INT > MAX_FDS {
            return Err(errno::INVAL);
        }
        for raw in data.chunks_exact(INT) {
            out[n] = sys::to_fd(c_int::from_ne_bytes(raw.try_into().unwrap()))?;
            n += 1;
        }
        rest = &rest[cmsg_space(len - CMSG_HDR).min(rest.len())..];
    }
    Ok(n)
}

/// The send side of `sendmsg`.
///
/// # Safety
/// `msg` describes readable buffers (C contract of sendmsg).
unsafe fn send_msg(s: c_int, msg: &msghdr, flags: c_int) -> Result<usize, Errno> {
    // SAFETY: the caller's contract.
    let data = unsafe { ciovs(msg.msg_iov, msg.msg_iovlen) }.map_err(|_| errno::MSGSIZE)?;
    let control = if msg.msg_control.is_null() {
        &[]
    } else {
        // SAFETY: msg_control has msg_controllen readable bytes (C contract).
        unsafe { cptr::slice(msg.msg_control.cast(), msg.msg_controllen) }
    };
    let mut fds = [fd(0); MAX_FDS];
    let nfds = take_rights(control, &mut fds)?;
    // SAFETY: the caller's contract for `data`.
    unsafe { transmit(s, data, &fds[..nfds], flags) }
}

/// POSIX `recvmsg` (cloudlibc's msghdr): scatter receive; descriptors sent
/// along arrive as one `SCM_RIGHTS` message, `MSG_CTRUNC` if some did not
/// fit (those are closed).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn recvmsg(s: c_int, msg: *mut msghdr, flags: c_int) -> ssize_t {
    // SAFETY: `msg` is a writable msghdr describing writable buffers.
    unsafe { recv_msg(s, &mut *msg, flags) }.map(|n| n as ssize_t).or_errno(-1)
}

/// POSIX `sendmsg` (cloudlibc's msghdr): gather send with `SCM_RIGHTS`
/// descriptors; other control messages are `EINVAL`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sendmsg(s: c_int, msg: *const msghdr, flags: c_int) -> ssize_t {
    // SAFETY: `msg` is a readable msghdr describing readable buffers.
    unsafe { send_msg(s, &*msg, flags) }.map(|n| n as ssize_t).or_errno(-1)
}

/// Compat `recvmsg` for POSIX's msghdr: every socket is connected, so no
/// source address is reported (`msg_namelen` becomes 0).
#[no_mangle]
pub unsafe extern "C" fn __compat_recvmsg(s: c_int, msg: *mut msghdr_named, flags: c_int) -> ssize_t {
    // SAFETY: `msg` is a writable msghdr (C contract).
    let m = unsafe { &mut *msg };
    // SAFETY: as in recvmsg.
    let r = unsafe { recv_msg(s, &mut m.rest, flags) };
    if r.is_ok() {
        m.msg_namelen = 0;
    }
    r.map(|n| n as ssize_t).or_errno(-1)
}

/// Compat `sendmsg` for POSIX's msghdr: a destination address is
/// `ENOTCAPABLE` (the peer was fixed when the socket was granted).
#[no_mangle]
pub unsafe extern "C" fn __compat_sendmsg(s: c_int, msg: *const msghdr_named, flags: c_int) -> ssize_t {
    // SAFETY: `msg` is a readable msghdr (C contract).
    let m = unsafe { &*msg };
    if !m.msg_name.is_null() && m.msg_namelen != 0 {
        return Err(errno::NOTCAPABLE).or_errno(-1);
    }
    // SAFETY: as in sendmsg.
    unsafe { send_msg(s, &m.rest, flags) }.map(|n| n as ssize_t).or_errno(-1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rights_round_trip_through_control_bytes() {
        let mut control = [0u8; 64];
        let used = put_rights(&mut control, &[fd(5), fd(7)]);
        assert_eq!(used, 32);
        let mut out = [fd(0); MAX_FDS];
        assert_eq!(take_rights(&control[..used], &mut out), Ok(2));
        assert_eq!(&out[..2], &[fd(5), fd(7)]);
    }

    #[test]
    fn used_control_space_is_capped_by_the_buffer() {
        let mut control = [0u8; CMSG_HDR + INT];
        assert_eq!(put_rights(&mut control, &[fd(3)]), CMSG_HDR + INT);
    }

    #[test]
    fn foreign_or_malformed_control_messages_are_invalid() {
        let mut control = [0u8; 32];
        put_rights(&mut control, &[fd(1)]);
        let mut out = [fd(0); MAX_FDS];
        control[12] = 2;
        assert_eq!(take_rights(&control, &mut out), Err(errno::INVAL));
        control[12] = 1;
        control[0] = 3;
        assert_eq!(take_rights(&control, &mut out), Err(errno::INVAL));
        control[0] = (CMSG_HDR + 3) as u8;
        assert_eq!(take_rights(&control, &mut out), Err(errno::INVAL));
    }

    #[test]
    fn negative_descriptors_are_ebadf() {
        let mut control = [0u8; 32];
        put_rights(&mut control, &[fd(u32::MAX)]);
        let mut out = [fd(0); MAX_FDS];
        assert_eq!(take_rights(&control, &mut out), Err(errno::BADF));
    }

    #[test]
    fn unsupported_flags() {
        assert_eq!(recv_flags(MSG_OOB), Err(errno::NOTSUP));
        assert_eq!(recv_flags(MSG_PEEK | MSG_WAITALL), Ok(riflags::PEEK | riflags::WAITALL));
        assert_eq!(send_flags(MSG_EOR), Err(errno::NOTSUP));
        assert_eq!(send_flags(0), Ok(()));
    }
}
