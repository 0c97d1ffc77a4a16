//! Addresses: uv_ip4_addr, uv_ip6_addr, uv_ip4_name, uv_ip6_name,
//! uv_inet_ntop, uv_inet_pton, uv_if_indextoname, uv_if_indextoiid.
//!
//! The text forms go through the libc's inet_pton and inet_ntop. No
//! network interface is visible here, so interface names and indexes
//! resolve to nothing (`UV_ENXIO`), and an IPv6 zone (`%name`) gets
//! scope 0.

use super::errors::{last_error, UV_EAFNOSUPPORT, UV_EINVAL};
use super::misc::copy_out;
use crate::abi::{c_char, c_int, c_uint, c_void, size_t};
use crate::cptr;
use crate::header::arpa_inet::{htons, inet_ntop, inet_pton};
use crate::header::net_if::{if_indextoname, if_nametoindex};
use crate::header::netinet::{in6_addr, in_addr, sockaddr_in, sockaddr_in6};
use crate::header::sys_socket::{AF_INET, AF_INET6};
use core::ptr::addr_of_mut;

/// Room for an IPv6 address in text, with a zone.
const TEXT_MAX: usize = 64;

/// libuv `uv_inet_pton`: text to a binary address of family `af`; an
/// IPv6 zone suffix (`%name`) is ignored.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_inet_pton(af: c_int, src: *const c_char, dst: *mut c_void) -> c_int {
    if src.is_null() || dst.is_null() {
        return UV_EINVAL;
    }
    if af != AF_INET && af != AF_INET6 {
        return UV_EAFNOSUPPORT;
    }
    // SAFETY: `src` is a C string (libuv contract).
    let text = unsafe { cptr::cstr(src) };
    let text = if af == AF_INET6 { text.split(|&c| c == b'%').next().unwrap_or(text) } else { text };
    if text.len() >= TEXT_MAX {
        return UV_EINVAL;
    }
    let mut buf = [0u8; TEXT_MAX];
    buf[..text.len()].copy_from_slice(text);
    // SAFETY: `buf` is NUL-terminated; `dst` has room for the family's
    // address (libuv contract).
    match unsafe { inet_pton(af, buf.as_ptr().cast(), dst) } {
        1 => 0,
        _ => UV_EINVAL,
    }
}

/// libuv `uv_inet_ntop`: a binary address of family `af` as text in
/// `dst` (`size` bytes); `UV_ENOSPC` if it does not fit.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_inet_ntop(af: c_int, src: *const c_void, dst: *mut c_char, size: size_t) -> c_int {
    if af != AF_INET && af != AF_INET6 {
        return UV_EAFNOSUPPORT;
    }
    // SAFETY: `src` holds an address of family `af`; `dst` has `size`
    // bytes (libuv contract).
    if unsafe { inet_ntop(af, src, dst, size) }.is_null() {
        return last_error();
    }
    0
}

/// libuv `uv_ip4_addr`: an IPv4 socket address from text and a port.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_ip4_addr(ip: *const c_char, port: c_int, addr: *mut sockaddr_in) -> c_int {
    // SAFETY: `addr` is writable (libuv contract); zero bytes are a valid
    // sockaddr_in.
    unsafe {
        core::ptr::write_bytes(addr, 0, 1);
        (*addr).sin_family = AF_INET as u8;
        (*addr).sin_port = htons(port as u16);
        uv_inet_pton(AF_INET, ip, addr_of_mut!((*addr).sin_addr).cast())
    }
}

/// libuv `uv_ip6_addr`: an IPv6 socket address from text (with an optional
/// `%zone`) and a port.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_ip6_addr(ip: *const c_char, port: c_int, addr: *mut sockaddr_in6) -> c_int {
    // SAFETY: `addr` is writable and `ip` a C string (libuv contract); zero
    // bytes are a valid sockaddr_in6.
    unsafe {
        core::ptr::write_bytes(addr, 0, 1);
        (*addr).sin6_family = AF_INET6 as u8;
        (*addr).sin6_port = htons(port as u16);
        if let Some(zone) = cptr::cstr(ip).iter().position(|&c| c == b'%') {
            (*addr).sin6_scope_id = if_nametoindex(ip.add(zone + 1));
        }
        uv_inet_pton(AF_INET6, ip, addr_of_mut!((*addr).sin6_addr).cast())
    }
}

/// libuv `uv_ip4_name`: the address of an IPv4 socket address as text.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_ip4_name(src: *const sockaddr_in, dst: *mut c_char, size: size_t) -> c_int {
    // SAFETY: `src` is a readable address (libuv contract).
    let a: *const in_addr = unsafe { &(*src).sin_addr };
    // SAFETY: forwarded libuv contract.
    unsafe { uv_inet_ntop(AF_INET, a.cast(), dst, size) }
}

/// libuv `uv_ip6_name`: the address of an IPv6 socket address as text.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_ip6_name(src: *const sockaddr_in6, dst: *mut c_char, size: size_t) -> c_int {
    // SAFETY: `src` is a readable address (libuv contract).
    let a: *const in6_addr = unsafe { &(*src).sin6_addr };
    // SAFETY: forwarded libuv contract.
    unsafe { uv_inet_ntop(AF_INET6, a.cast(), dst, size) }
}

/// libuv `uv_if_indextoname`: an interface's name (libuv's buffer
/// convention); no interface is visible here, so `UV_ENXIO`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_if_indextoname(index: c_uint, buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: the size is readable when not null (libuv contract).
    if buf.is_null() || size.is_null() || unsafe { *size } == 0 {
        return UV_EINVAL;
    }
    let mut name = [0u8; 33];
    // SAFETY: `name` has IF_NAMESIZE + 1 bytes.
    if if_indextoname(index, name.as_mut_ptr().cast()).is_null() {
        return last_error();
    }
    let len = name.iter().position(|&c| c == 0).unwrap_or(name.len());
    // SAFETY: `buf` has `*size` bytes (libuv contract).
    unsafe { copy_out(&name[..len], buf, size) }
}

/// libuv `uv_if_indextoiid`: on Unix, the interface's name, as
/// uv_if_indextoname.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_if_indextoiid(index: c_uint, buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { uv_if_indextoname(index, buf, size) }
}
