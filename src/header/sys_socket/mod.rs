//! `<sys/socket.h>`: messages on the sockets a program holds, socket pairs,
//! shutdown and options; the removed calls (`socket`, `accept`, ...) are in
//! `compat::socket`. Layouts and values are cloudlibc's (include/sys/socket.h).

mod addr;
mod cmsg;
mod msg;
mod opt;
mod pair;

pub use self::addr::*;
pub use self::cmsg::*;
pub use self::msg::*;
pub use self::opt::*;
pub use self::pair::*;

use crate::abi::{c_char, c_int, c_void, size_t};
use crate::errno::Errno;
use crate::sys::{self, filetype};
use cloudabi::errno;

pub type socklen_t = size_t;
pub type sa_family_t = u8;

pub const SOCK_DGRAM: c_int = 0x80;
pub const SOCK_STREAM: c_int = 0x82;
/// Compat flags or'ed into a socket type.
pub const SOCK_CLOEXEC: c_int = 0x2000;
pub const SOCK_NONBLOCK: c_int = 0x4000;

pub const SOL_SOCKET: c_int = c_int::MAX;
pub const SCM_RIGHTS: c_int = 1;

pub const MSG_CTRUNC: c_int = 0x1;
pub const MSG_EOR: c_int = 0x2;
pub const MSG_PEEK: c_int = 0x4;
pub const MSG_TRUNC: c_int = 0x8;
pub const MSG_WAITALL: c_int = 0x10;
pub const MSG_OOB: c_int = 0x20;

// cloudlibc's AF_* numbering, which the emulator's address families share.
pub const AF_UNSPEC: c_int = sys::sock_family::UNSPEC as c_int;
pub const AF_INET: c_int = sys::sock_family::INET as c_int;
pub const AF_INET6: c_int = sys::sock_family::INET6 as c_int;
pub const AF_UNIX: c_int = sys::sock_family::UNIX as c_int;

pub const SHUT_RD: c_int = 0x1;
pub const SHUT_WR: c_int = 0x2;
pub const SHUT_RDWR: c_int = SHUT_RD | SHUT_WR;

/// `struct sockaddr`: a one-byte family, aligned like `max_align_t`.
#[repr(C, align(16))]
pub struct sockaddr {
    pub sa_family: sa_family_t,
    pub sa_data: [c_char; 14],
}

/// `struct iovec`, laid out like CloudABI's iovec.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct iovec {
    pub iov_base: *mut c_void,
    pub iov_len: size_t,
}

/// cloudlibc's `struct msghdr` (no address fields).
#[repr(C)]
pub struct msghdr {
    pub msg_iov: *mut iovec,
    pub msg_iovlen: c_int,
    pub msg_control: *mut c_void,
    pub msg_controllen: size_t,
    pub msg_flags: c_int,
}

/// The compat `struct msghdr`: POSIX's, with the address fields first.
#[repr(C)]
pub struct msghdr_named {
    pub msg_name: *mut c_void,
    pub msg_namelen: socklen_t,
    pub rest: msghdr,
}

/// `struct cmsghdr`; the data follows at `CMSG_LEN(0)`, 16-byte aligned.
#[repr(C, align(16))]
pub struct cmsghdr {
    pub cmsg_len: size_t,
    pub cmsg_level: c_int,
    pub cmsg_type: c_int,
}

/// `CMSG_LEN(0)`: where a control message's data starts.
pub const CMSG_HDR: usize = core::mem::size_of::<cmsghdr>();

/// `CMSG_SPACE(len)`.
pub const fn cmsg_space(len: usize) -> usize {
    (CMSG_HDR + len + 15) & !15
}

/// The CloudABI type of a descriptor that must be a socket.
pub fn socket_type(fd: c_int) -> Result<filetype, Errno> {
    match sys::fd_stat_get(sys::to_fd(fd)?)?.fs_filetype {
        t @ (filetype::SOCKET_STREAM | filetype::SOCKET_DGRAM) => Ok(t),
        _ => Err(errno::NOTSOCK),
    }
}
