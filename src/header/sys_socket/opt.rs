//! getsockopt, and the option table compat `setsockopt` shares.
//!
//! `SO_TYPE` comes from the descriptor's CloudABI file type. A few `int`
//! options pass through to the socket (an emulator extension): they only
//! change how this one socket behaves. Any other option is `ENOPROTOOPT`.

use super::*;
use crate::errno::OrErrno;
use crate::sys::sockopt;

// Compat option names (include/sys/socket.h); SO_TYPE is cloudlibc's.
pub const SO_ACCEPTCONN: c_int = 1;
pub const SO_ERROR: c_int = 2;
pub const SO_TYPE: c_int = 3;
pub const SO_REUSEADDR: c_int = 4;
pub const SO_KEEPALIVE: c_int = 5;
pub const SO_RCVBUF: c_int = 6;
pub const SO_SNDBUF: c_int = 7;
pub const SO_RCVLOWAT: c_int = 8;

const IPPROTO_TCP: c_int = 6;
const TCP_NODELAY: c_int = 1;
const IPPROTO_IPV6: c_int = 41;
const IPV6_V6ONLY: c_int = 26;

/// The pass-through option for a C (level, name).
pub fn passed_option(level: c_int, name: c_int) -> Result<u32, Errno> {
    Ok(match (level, name) {
        (SOL_SOCKET, SO_ACCEPTCONN) => sockopt::ACCEPTCONN,
        (SOL_SOCKET, SO_ERROR) => sockopt::ERROR,
        (SOL_SOCKET, SO_REUSEADDR) => sockopt::REUSEADDR,
        (SOL_SOCKET, SO_KEEPALIVE) => sockopt::KEEPALIVE,
        (SOL_SOCKET, SO_RCVBUF) => sockopt::RCVBUF,
        (SOL_SOCKET, SO_SNDBUF) => sockopt::SNDBUF,
        (SOL_SOCKET, SO_RCVLOWAT) => sockopt::RCVLOWAT,
        (IPPROTO_TCP, TCP_NODELAY) => sockopt::TCP_NODELAY,
        (IPPROTO_IPV6, IPV6_V6ONLY) => sockopt::IPV6_V6ONLY,
        _ => return Err(errno::NOPROTOOPT),
    })
}

fn get(s: c_int, level: c_int, name: c_int) -> Result<c_int, Errno> {
    let t = socket_type(s)?;
    if (level, name) == (SOL_SOCKET, SO_TYPE) {
        return Ok(if t == filetype::SOCKET_STREAM { SOCK_STREAM } else { SOCK_DGRAM });
    }
    sys::sock_opt_get(sys::to_fd(s)?, passed_option(level, name)?)
}

/// POSIX `getsockopt`: `int` options, truncated to `*len` bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getsockopt(s: c_int, level: c_int, name: c_int, value: *mut c_void, len: *mut socklen_t) -> c_int {
    get(s, level, name)
        .map(|v| {
            // SAFETY: `len` is readable and writable, `value` has `*len`
            // writable bytes (C contract).
            unsafe {
                let n = (*len).min(core::mem::size_of::<c_int>());
                core::ptr::copy_nonoverlapping(v.to_ne_bytes().as_ptr(), value.cast::<u8>(), n);
                *len = n;
            }
            0
        })
        .or_errno(-1)
}
