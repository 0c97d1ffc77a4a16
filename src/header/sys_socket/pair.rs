//! socketpair, shutdown.

use super::*;
use crate::errno::OrErrno;
use crate::header::fcntl::{get_fl, set_fl, O_NONBLOCK};
use crate::sys::sdflags;

fn pair(domain: c_int, kind: c_int, protocol: c_int) -> Result<[c_int; 2], Errno> {
    if domain != AF_UNIX {
        return Err(errno::AFNOSUPPORT);
    }
    let t = match kind & !(SOCK_CLOEXEC | SOCK_NONBLOCK) {
        SOCK_STREAM => filetype::SOCKET_STREAM,
        SOCK_DGRAM => filetype::SOCKET_DGRAM,
        _ => return Err(errno::PROTOTYPE),
    };
    if protocol != 0 {
        return Err(errno::PROTONOSUPPORT);
    }
    let (a, b) = sys::fd_create2(t)?;
    let fds = [a.0 as c_int, b.0 as c_int];
    if kind & SOCK_NONBLOCK != 0 {
        if let Err(e) = fds.iter().try_for_each(|&f| set_fl(f, get_fl(f)? | O_NONBLOCK).map(drop)) {
            let _ = sys::fd_close(a);
            let _ = sys::fd_close(b);
            return Err(e);
        }
    }
    Ok(fds)
}

/// POSIX `socketpair`: a connected pair of UNIX-domain sockets, stream or
/// datagram (compat: `SOCK_NONBLOCK` may be or'ed in; `SOCK_CLOEXEC` is
/// accepted and has no effect).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn socketpair(domain: c_int, kind: c_int, protocol: c_int, sv: *mut c_int) -> c_int {
    pair(domain, kind, protocol)
        .map(|fds| {
            // SAFETY: `sv` has room for two descriptors (C contract).
            unsafe { sv.cast::<[c_int; 2]>().write_unaligned(fds) };
            0
        })
        .or_errno(-1)
}

/// POSIX `shutdown`: closes one or both directions of a connection.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn shutdown(s: c_int, how: c_int) -> c_int {
    (|| {
        let how = match how {
            SHUT_RD | SHUT_WR | SHUT_RDWR => sdflags::from_bits_truncate(how as u8),
            _ => return Err(errno::INVAL),
        };
        sys::sock_shutdown(sys::to_fd(s)?, how)
    })()
    .map(|()| 0)
    .or_errno(-1)
}
