//! Socket addresses between the emulator's `sock_addr` and the C layouts
//! (`sockaddr_in`, `sockaddr_in6`, `sockaddr_un`).

use super::{sockaddr, socklen_t};
use crate::errno::Errno;
use crate::header::netinet::{sockaddr_in, sockaddr_in6};
use crate::sys::{self, sock_addr, sock_family};
use cloudabi::errno;
use core::mem::size_of;

/// Room for the C form of any address this library reports, aligned like
/// `struct sockaddr`.
#[repr(C, align(16))]
pub struct AddrBuf(pub [u8; 32]);

/// Lays out `a` in C form; returns the buffer and the address's length.
pub fn encode(a: &sock_addr) -> (AddrBuf, usize) {
    let mut b = AddrBuf([0; 32]);
    let o = &mut b.0;
    o[0] = a.family;
    let len = match a.family {
        sock_family::INET => {
            o[2..4].copy_from_slice(&a.port.to_be_bytes());
            o[4..8].copy_from_slice(&a.addr[..4]);
            size_of::<sockaddr_in>()
        }
        sock_family::INET6 => {
            o[2..4].copy_from_slice(&a.port.to_be_bytes());
            o[4..8].copy_from_slice(&a.flowinfo.to_be_bytes());
            o[8..24].copy_from_slice(&a.addr);
            o[24..28].copy_from_slice(&a.scope_id.to_ne_bytes());
            size_of::<sockaddr_in6>()
        }
        // A UNIX-domain address without a path: the family alone (byte 1,
        // already zero, ends the empty `sun_path` for whoever reads it).
        _ => 1,
    };
    (b, len)
}

/// Stores `a` for the C caller: at most `*len` bytes at `out` (truncated as
/// POSIX allows), then the address's full length in `*len`. A null `out`
/// asks for nothing.
///
/// # Safety
/// Unless `out` is null, `len` is readable and writable and `out` has
/// `*len` writable bytes.
pub unsafe fn store(a: &sock_addr, out: *mut sockaddr, len: *mut socklen_t) -> Result<(), Errno> {
    if out.is_null() {
        return Ok(());
    }
    if len.is_null() {
        return Err(errno::FAULT);
    }
    let (buf, full) = encode(a);
    // SAFETY: the caller's contract; `len` holds the buffer's size. The
    // trailing NUL of an empty UNIX path is written when there is room.
    unsafe {
        let n = (*len).min(if a.family == sock_family::UNIX { 2 } else { full });
        core::ptr::copy_nonoverlapping(buf.0.as_ptr(), out.cast::<u8>(), n);
        *len = full;
    }
    Ok(())
}

/// `getsockname` (`peer` false) or `getpeername` (`peer` true) on a
/// descriptor number.
///
/// # Safety
/// As for [`store`].
pub unsafe fn name(fd: i32, peer: bool, out: *mut sockaddr, len: *mut socklen_t) -> Result<(), Errno> {
    let a = sys::sock_addr_get(sys::to_fd(fd)?, peer)?;
    // SAFETY: forwarded contract.
    unsafe { store(&a, out, len) }
}
