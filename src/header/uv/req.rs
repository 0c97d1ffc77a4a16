//! uv_req_t, the base of every request: uv_cancel, uv_req_size, and the
//! loop's pending phase, where finished writes, shutdowns and sends report
//! back (never from inside the call that started them).

use super::errors::UV_EINVAL;
use super::handle::uv_handle_t;
use super::queue::{container_of, Link};
use super::r#loop::{self, uv_loop_t};
use super::*;
use crate::abi::{c_int, c_void, size_t};
use core::mem::size_of;
use core::ptr::addr_of_mut;

/// What every request keeps privately (`__req_private[2]` in C).
#[repr(C)]
pub struct ReqCore {
    /// In a handle's queue while waiting, then in the loop's pending list.
    pub link: Link,
}

/// libuv `uv_req_t`: the public fields every request starts with.
#[repr(C)]
pub struct uv_req_t {
    pub data: *mut c_void,
    pub r#type: c_int,
    pub r: ReqCore,
}

const _: () = assert!(size_of::<ReqCore>() == 2 * 8);

/// Sets a request's type and clears its links.
///
/// # Safety
/// `req` points to memory for a request of type `ty`.
pub unsafe fn init(req: *mut uv_req_t, ty: c_int) {
    // SAFETY: the caller's contract.
    unsafe {
        (*req).r#type = ty;
        addr_of_mut!((*req).r.link).write(Link::UNLINKED);
    }
}

/// Counts `req` as in flight on `l` (it keeps the loop alive).
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn register(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract.
    unsafe { r#loop::count_req(l, 1) }
}

/// The request is done; it no longer keeps the loop alive.
///
/// # Safety
/// `l` is an initialised loop with a registered request.
pub unsafe fn unregister(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract.
    unsafe { r#loop::count_req(l, -1) }
}

/// Queues `req`, which must be in no list, for the pending phase.
///
/// # Safety
/// `l` is an initialised loop; `req` is valid and unlinked.
pub unsafe fn defer(l: *mut uv_loop_t, req: *mut uv_req_t) {
    // SAFETY: the caller's contract.
    unsafe { Link::push_back(addr_of_mut!((*l).l.pending), &mut (*req).r.link) }
}

/// Runs the callback of a finished request taken off the pending list.
///
/// # Safety
/// `req` is a finished write, shutdown, connect or UDP send request.
unsafe fn complete(req: *mut uv_req_t) {
    // SAFETY: the caller's contract.
    unsafe {
        match (*req).r#type {
            UV_WRITE => stream::write_done(req.cast()),
            UV_SHUTDOWN => stream::shutdown_done(req.cast()),
            UV_CONNECT => stream::connect_done(req.cast()),
            UV_UDP_SEND => udp::send_done(req.cast()),
            _ => {}
        }
    }
}

/// The handle a deferred request belongs to.
///
/// # Safety
/// As for `complete`.
unsafe fn owner(req: *mut uv_req_t) -> *mut uv_handle_t {
    // SAFETY: the caller's contract.
    unsafe {
        match (*req).r#type {
            UV_WRITE => (*req.cast::<stream::uv_write_t>()).handle.cast(),
            UV_SHUTDOWN => (*req.cast::<stream::uv_shutdown_t>()).handle.cast(),
            UV_CONNECT => (*req.cast::<stream::uv_connect_t>()).handle.cast(),
            UV_UDP_SEND => (*req.cast::<udp::uv_udp_send_t>()).handle.cast(),
            _ => core::ptr::null_mut(),
        }
    }
}

/// The pending phase: runs the callbacks deferred so far (not those the
/// callbacks defer). Says whether there were any.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn run_pending(l: *mut uv_loop_t) -> bool {
    // SAFETY: the caller's contract; the list is moved out first, so
    // callbacks can defer more requests.
    unsafe {
        let head = addr_of_mut!((*l).l.pending);
        if Link::is_empty(head) {
            return false;
        }
        let mut todo = Link::UNLINKED;
        let todo_head: *mut Link = &mut todo;
        Link::move_all(head, todo_head);
        while let Some(link) = Link::pop_front(todo_head) {
            complete(container_of!(link, uv_req_t, r.link));
        }
        true
    }
}

/// Runs at once the deferred callbacks of `h`, which is being closed:
/// libuv reports every request of a handle before its close callback.
///
/// # Safety
/// `h` is a handle of an initialised loop.
pub unsafe fn run_pending_of(h: *mut uv_handle_t) {
    // SAFETY: the caller's contract; the next member is found before the
    // current one's callback can change the list.
    unsafe {
        let head = addr_of_mut!((*(*h).r#loop).l.pending);
        let mut it = Link::first(head);
        while let Some(link) = it {
            it = Link::next(head, link);
            let req = container_of!(link, uv_req_t, r.link);
            if owner(req) == h {
                Link::remove(link);
                complete(req);
                it = Link::first(head);
            }
        }
    }
}

/// libuv `uv_cancel`: cancels work, file system and resolver requests that
/// have not started; `UV_EBUSY` once they have, `UV_EINVAL` for other
/// request types.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_cancel(req: *mut uv_req_t) -> c_int {
    // SAFETY: `req` is an initialised request (libuv contract).
    unsafe {
        match (*req).r#type {
            UV_FS | UV_WORK | UV_GETADDRINFO | UV_GETNAMEINFO => work::cancel(req),
            _ => UV_EINVAL,
        }
    }
}

/// libuv `uv_req_size`: the size of a request type's struct (0 for an
/// unknown type).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_req_size(ty: c_int) -> size_t {
    match ty {
        UV_REQ => size_of::<uv_req_t>(),
        UV_CONNECT => size_of::<stream::uv_connect_t>(),
        UV_WRITE => size_of::<stream::uv_write_t>(),
        UV_SHUTDOWN => size_of::<stream::uv_shutdown_t>(),
        UV_UDP_SEND => size_of::<udp::uv_udp_send_t>(),
        UV_FS => size_of::<fs::uv_fs_t>(),
        UV_WORK => size_of::<work::uv_work_t>(),
        UV_GETADDRINFO => size_of::<dns::uv_getaddrinfo_t>(),
        UV_GETNAMEINFO => size_of::<dns::uv_getnameinfo_t>(),
        _ => 0,
    }
}
