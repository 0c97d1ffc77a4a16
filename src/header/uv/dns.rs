//! uv_getaddrinfo, uv_freeaddrinfo, uv_getnameinfo: the libc's resolver
//! (numeric hosts and services, and "localhost"; there is no name
//! service) run on the thread pool, or at once without a callback.
//! Resolver errors become `UV_EAI_*` codes; `EAI_SYSTEM` becomes the
//! errno's code.

use super::alloc;
use super::errors::{UV_EAI_CANCELED, UV_ECANCELED, UV_EINVAL, UV_ENOMEM, UV_UNKNOWN};
use super::queue::container_of;
use super::r#loop::uv_loop_t;
use super::req::{self, uv_req_t};
use super::work::{self, WorkCore};
use super::{UV_GETADDRINFO, UV_GETNAMEINFO};
use crate::abi::{c_char, c_int};
use crate::errno::get_errno;
use crate::header::netdb::{addrinfo, freeaddrinfo, getaddrinfo, getnameinfo, EAI_OVERFLOW, EAI_SOCKTYPE, EAI_SYSTEM};
use crate::header::netinet::{sockaddr_in, sockaddr_in6};
use crate::header::sys_socket::{sockaddr, AF_INET, AF_INET6};
use core::mem::size_of;
use core::ptr::{addr_of_mut, null, null_mut};

pub type uv_getaddrinfo_cb = Option<unsafe extern "C" fn(*mut uv_getaddrinfo_t, c_int, *mut addrinfo)>;
pub type uv_getnameinfo_cb = Option<unsafe extern "C" fn(*mut uv_getnameinfo_t, c_int, *const c_char, *const c_char)>;

/// `NI_MAXHOST` and `NI_MAXSERV` of `<netdb.h>`.
const MAXHOST: usize = 57;
const MAXSERV: usize = 64;

#[repr(C)]
struct AddrCore {
    work: WorkCore,
    cb: uv_getaddrinfo_cb,
    /// Copies of the arguments, for the pool thread.
    hints: *mut addrinfo,
    node: *mut c_char,
    service: *mut c_char,
    retcode: c_int,
    _pad: u32,
}

/// libuv `uv_getaddrinfo_t`.
#[repr(C)]
pub struct uv_getaddrinfo_t {
    pub req: uv_req_t,
    pub r#loop: *mut uv_loop_t,
    pub addrinfo: *mut addrinfo,
    g: AddrCore,
}

const _: () = assert!(size_of::<AddrCore>() == 11 * 8);

/// An address, aligned as socket addresses are.
#[repr(C, align(16))]
#[derive(Copy, Clone)]
struct AddrBytes([u8; 32]);

#[repr(C)]
struct NameCore {
    work: WorkCore,
    cb: uv_getnameinfo_cb,
    addr: [u8; 32],
    len: u32,
    flags: c_int,
    retcode: c_int,
    _pad: u32,
}

/// libuv `uv_getnameinfo_t`.
#[repr(C)]
pub struct uv_getnameinfo_t {
    pub req: uv_req_t,
    pub r#loop: *mut uv_loop_t,
    pub host: [c_char; MAXHOST],
    pub service: [c_char; MAXSERV],
    n: NameCore,
}

const _: () = assert!(size_of::<NameCore>() == 13 * 8);

/// A resolver result as a uv code (`sys` is the errno after the call).
fn translate(rc: c_int, sys: c_int) -> c_int {
    match rc {
        0 => 0,
        EAI_SYSTEM => -sys,
        1..=EAI_SOCKTYPE | EAI_OVERFLOW => -1000 - rc,
        _ => UV_UNKNOWN,
    }
}

/// The queue part of a resolver request, for uv_cancel.
///
/// # Safety
/// `r` is a uv_getaddrinfo_t or uv_getnameinfo_t.
pub unsafe fn work_of(r: *mut uv_req_t) -> *mut WorkCore {
    // SAFETY: the caller's contract.
    unsafe {
        if (*r).r#type == UV_GETADDRINFO {
            addr_of_mut!((*r.cast::<uv_getaddrinfo_t>()).g.work)
        } else {
            addr_of_mut!((*r.cast::<uv_getnameinfo_t>()).n.work)
        }
    }
}

unsafe fn resolve(w: *mut WorkCore) {
    // SAFETY: `w` is the queue part of a uv_getaddrinfo_t whose copies
    // are C strings (or null) and a valid hints struct (or null).
    unsafe {
        let r = container_of!(w, uv_getaddrinfo_t, g.work);
        let g = &mut (*r).g;
        let rc = getaddrinfo(g.node, g.service, g.hints, &mut (*r).addrinfo);
        g.retcode = translate(rc, get_errno());
    }
}

/// Frees the argument copies.
///
/// # Safety
/// `r` is a uv_getaddrinfo_t set up by uv_getaddrinfo.
unsafe fn free_args(r: *mut uv_getaddrinfo_t) {
    // SAFETY: the copies came from the uv allocator.
    unsafe {
        alloc::release((*r).g.hints);
        alloc::release((*r).g.node);
        alloc::release((*r).g.service);
        (*r).g.hints = null_mut();
        (*r).g.node = null_mut();
        (*r).g.service = null_mut();
    }
}

unsafe fn resolved(w: *mut WorkCore, status: c_int) {
    // SAFETY: as in `resolve`.
    unsafe {
        let r = container_of!(w, uv_getaddrinfo_t, g.work);
        free_args(r);
        if status == UV_ECANCELED {
            (*r).g.retcode = UV_EAI_CANCELED;
        }
        if let Some(cb) = (*r).g.cb {
            cb(r, (*r).g.retcode, (*r).addrinfo);
        }
    }
}

/// libuv `uv_getaddrinfo`: resolves `node` and `service` as getaddrinfo()
/// does; the result list goes to `cb` (or stays in `req->addrinfo` without
/// a callback) and is freed with uv_freeaddrinfo.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_getaddrinfo(
    l: *mut uv_loop_t,
    r: *mut uv_getaddrinfo_t,
    cb: uv_getaddrinfo_cb,
    node: *const c_char,
    service: *const c_char,
    hints: *const addrinfo,
) -> c_int {
    if node.is_null() && service.is_null() {
        return UV_EINVAL;
    }
    // SAFETY: `r` is memory for a request valid until `cb`; the strings
    // are C strings and `hints` readable when not null (libuv contract).
    unsafe {
        req::init(r.cast(), UV_GETADDRINFO);
        (*r).r#loop = l;
        (*r).addrinfo = null_mut();
        addr_of_mut!((*r).g).write(AddrCore {
            work: WorkCore::IDLE,
            cb,
            hints: null_mut(),
            node: null_mut(),
            service: null_mut(),
            retcode: 0,
            _pad: 0,
        });
        let copied = (|| {
            (*r).g.node = alloc::copy_cstr(node)?;
            (*r).g.service = alloc::copy_cstr(service)?;
            if !hints.is_null() {
                let h = alloc::alloc_zeroed(1, size_of::<addrinfo>()).cast::<addrinfo>();
                if h.is_null() {
                    return Err(UV_ENOMEM);
                }
                (*h).ai_flags = (*hints).ai_flags;
                (*h).ai_family = (*hints).ai_family;
                (*h).ai_socktype = (*hints).ai_socktype;
                (*h).ai_protocol = (*hints).ai_protocol;
                (*r).g.hints = h;
            }
            Ok(())
        })();
        if let Err(e) = copied {
            free_args(r);
            return e;
        }
        if cb.is_some() {
            work::submit(l, addr_of_mut!((*r).g.work), resolve, resolved);
            return 0;
        }
        resolve(addr_of_mut!((*r).g.work));
        free_args(r);
        (*r).g.retcode
    }
}

/// libuv `uv_freeaddrinfo`: frees a uv_getaddrinfo result (null allowed).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_freeaddrinfo(ai: *mut addrinfo) {
    if !ai.is_null() {
        // SAFETY: `ai` came from uv_getaddrinfo (libuv contract).
        unsafe { freeaddrinfo(ai) }
    }
}

unsafe fn name(w: *mut WorkCore) {
    // SAFETY: `w` is the queue part of a uv_getnameinfo_t holding a copied
    // address of `len` bytes.
    unsafe {
        let r = container_of!(w, uv_getnameinfo_t, n.work);
        let n = &mut (*r).n;
        let addr = AddrBytes(n.addr);
        let rc = getnameinfo(
            (&addr as *const AddrBytes).cast::<sockaddr>(),
            n.len as usize,
            (*r).host.as_mut_ptr(),
            MAXHOST,
            (*r).service.as_mut_ptr(),
            MAXSERV,
            n.flags,
        );
        n.retcode = translate(rc, get_errno());
    }
}

/// Calls a uv_getnameinfo callback: the names only on success.
///
/// # Safety
/// `r` is a finished uv_getnameinfo_t.
unsafe fn report(r: *mut uv_getnameinfo_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let Some(cb) = (*r).n.cb else { return };
        let rc = (*r).n.retcode;
        if rc == 0 {
            cb(r, 0, (*r).host.as_ptr(), (*r).service.as_ptr());
        } else {
            cb(r, rc, null(), null());
        }
    }
}

unsafe fn named(w: *mut WorkCore, status: c_int) {
    // SAFETY: as in `name`.
    unsafe {
        let r = container_of!(w, uv_getnameinfo_t, n.work);
        if status == UV_ECANCELED {
            (*r).n.retcode = UV_EAI_CANCELED;
        }
        report(r);
    }
}

/// libuv `uv_getnameinfo`: the numeric host and the service of an IPv4 or
/// IPv6 address (getnameinfo() with `flags`), into `req->host` and
/// `req->service`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_getnameinfo(
    l: *mut uv_loop_t,
    r: *mut uv_getnameinfo_t,
    cb: uv_getnameinfo_cb,
    addr: *const sockaddr,
    flags: c_int,
) -> c_int {
    if addr.is_null() {
        return UV_EINVAL;
    }
    // SAFETY: `addr` points to a socket address of its family, `r` to
    // memory for a request valid until `cb` (libuv contract).
    unsafe {
        let len = match c_int::from((*addr).sa_family) {
            AF_INET => size_of::<sockaddr_in>(),
            AF_INET6 => size_of::<sockaddr_in6>(),
            _ => return UV_EINVAL,
        };
        req::init(r.cast(), UV_GETNAMEINFO);
        (*r).r#loop = l;
        (*r).host[0] = 0;
        (*r).service[0] = 0;
        let mut copy = [0u8; 32];
        core::ptr::copy_nonoverlapping(addr.cast::<u8>(), copy.as_mut_ptr(), len);
        addr_of_mut!((*r).n).write(NameCore { work: WorkCore::IDLE, cb, addr: copy, len: len as u32, flags, retcode: 0, _pad: 0 });
        if cb.is_some() {
            work::submit(l, addr_of_mut!((*r).n.work), name, named);
            return 0;
        }
        name(addr_of_mut!((*r).n.work));
        (*r).n.retcode
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::netdb::{EAI_AGAIN, EAI_NONAME};

    #[test]
    fn resolver_errors_become_uv_codes() {
        assert_eq!(translate(0, 0), 0);
        assert_eq!(translate(EAI_AGAIN, 0), super::super::errors::UV_EAI_AGAIN);
        assert_eq!(translate(EAI_NONAME, 0), super::super::errors::UV_EAI_NONAME);
        assert_eq!(translate(EAI_OVERFLOW, 0), super::super::errors::UV_EAI_OVERFLOW);
        assert_eq!(translate(EAI_SYSTEM, cloudabi::errno::NOMEM as c_int), UV_ENOMEM);
        assert_eq!(translate(99, 0), UV_UNKNOWN);
    }
}
