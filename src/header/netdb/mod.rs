//! `<netdb.h>`: address and service translation without a name service.
//!
//! - `getaddrinfo` takes numeric hosts (IPv4 in `inet_aton` form, IPv6 with
//!   an optional numeric `%scope`) and `localhost`, which is 127.0.0.1
//!   and ::1; any other name is `EAI_NONAME`. Services are numbers or
//!   names from the built-in table (`services`).
//! - `getnameinfo` gives numeric hosts; services by name where the table
//!   has the port.
//! - The protocol and service databases are built-in tables; the compat
//!   host and network databases are empty.

mod getaddrinfo;
mod getnameinfo;
mod hosts;
mod services;
mod strerror;

pub use self::getaddrinfo::*;
pub use self::getnameinfo::*;
pub use self::hosts::*;
pub use self::services::*;
pub use self::strerror::*;

use crate::abi::{c_char, c_int};
use crate::header::sys_socket::{sockaddr, socklen_t};

pub const AI_PASSIVE: c_int = 0x1;
pub const AI_NUMERICSERV: c_int = 0x2;
pub const AI_ADDRCONFIG: c_int = 0x4;
pub const AI_V4MAPPED: c_int = 0x8;
pub const AI_ALL: c_int = 0x10;

pub const NI_NUMERICSERV: c_int = 0x1;
pub const NI_DGRAM: c_int = 0x2;
pub const NI_NAMEREQD: c_int = 0x4;
pub const NI_NOFQDN: c_int = 0x8;

pub const EAI_AGAIN: c_int = 1;
pub const EAI_BADFLAGS: c_int = 2;
pub const EAI_FAIL: c_int = 3;
pub const EAI_FAMILY: c_int = 4;
pub const EAI_MEMORY: c_int = 5;
pub const EAI_NONAME: c_int = 6;
pub const EAI_SERVICE: c_int = 7;
pub const EAI_SOCKTYPE: c_int = 8;
pub const EAI_SYSTEM: c_int = 9;
pub const EAI_OVERFLOW: c_int = 10;

/// `struct addrinfo`.
#[repr(C)]
pub struct addrinfo {
    pub ai_flags: c_int,
    pub ai_family: c_int,
    pub ai_socktype: c_int,
    pub ai_protocol: c_int,
    pub ai_addrlen: socklen_t,
    pub ai_addr: *mut sockaddr,
    pub ai_canonname: *mut c_char,
    pub ai_next: *mut addrinfo,
}

/// `struct hostent`.
#[repr(C)]
pub struct hostent {
    pub h_name: *mut c_char,
    pub h_aliases: *mut *mut c_char,
    pub h_addrtype: c_int,
    pub h_length: c_int,
    pub h_addr_list: *mut *mut c_char,
}

/// `struct protoent`.
#[repr(C)]
pub struct protoent {
    pub p_name: *mut c_char,
    pub p_aliases: *mut *mut c_char,
    pub p_proto: c_int,
}

/// `struct servent`; `s_port` is in network byte order.
#[repr(C)]
pub struct servent {
    pub s_name: *mut c_char,
    pub s_aliases: *mut *mut c_char,
    pub s_port: c_int,
    pub s_proto: *mut c_char,
}

/// `struct netent` (compat).
#[repr(C)]
pub struct netent {
    pub n_name: *mut c_char,
    pub n_aliases: *mut *mut c_char,
    pub n_addrtype: c_int,
    pub n_net: u32,
}
