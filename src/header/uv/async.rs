//! uv_async_t: uv_async_init, uv_async_send. Any thread (or a signal
//! handler) may send; the loop thread runs the callback. Sends that arrive
//! before the callback runs are coalesced into one call.

use super::handle::{self, uv_handle_t};
use super::io;
use super::queue::{self, container_of, Link};
use super::r#loop::uv_loop_t;
use super::UV_ASYNC;
use crate::abi::c_int;
use core::ptr::addr_of_mut;
use core::sync::atomic::{AtomicU32, Ordering};

pub type uv_async_cb = Option<unsafe extern "C" fn(*mut uv_async_t)>;

/// libuv `uv_async_t`.
#[repr(C)]
pub struct uv_async_t {
    pub handle: uv_handle_t,
    cb: uv_async_cb,
    /// 1 from a send until the loop runs the callback.
    pending: AtomicU32,
    _pad: u32,
    link: Link,
}

const _: () = assert!(core::mem::size_of::<uv_async_t>() - core::mem::size_of::<uv_handle_t>() == 4 * 8);

/// libuv `uv_async_init`: the handle is active (keeps the loop alive)
/// from the start.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_async_init(l: *mut uv_loop_t, a: *mut uv_async_t, cb: uv_async_cb) -> c_int {
    // SAFETY: `l` is a loop and `a` memory for an async handle (libuv
    // contract); the fields are written in place.
    unsafe {
        handle::init(l, a.cast(), UV_ASYNC);
        addr_of_mut!((*a).cb).write(cb);
        addr_of_mut!((*a).pending).write(AtomicU32::new(0));
        addr_of_mut!((*a).link).write(Link::UNLINKED);
        Link::push_back(addr_of_mut!((*l).l.asyncs), &mut (*a).link);
        handle::start(a.cast());
    }
    0
}

/// libuv `uv_async_send`: wakes the loop to run the callback. Safe to call
/// from any thread and from a signal handler.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_async_send(a: *mut uv_async_t) -> c_int {
    // SAFETY: `a` is an initialised async handle (libuv contract); only
    // the atomic flag and the loop's wake descriptor are touched.
    unsafe {
        if (*a).pending.compare_exchange(0, 1, Ordering::AcqRel, Ordering::Acquire).is_ok() {
            io::wake((*a).handle.r#loop);
        }
    }
    0
}

/// Takes a closing handle off the loop's list.
///
/// # Safety
/// `a` is an initialised async handle.
pub unsafe fn close(a: *mut uv_async_t) {
    // SAFETY: the caller's contract.
    unsafe {
        Link::remove(&mut (*a).link);
        handle::stop(a.cast());
    }
}

/// Runs the callbacks of the handles that were sent to.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn process(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract; `visit` lets a callback close any
    // handle.
    unsafe {
        queue::visit(addr_of_mut!((*l).l.asyncs), |link| {
            let a = container_of!(link, uv_async_t, link);
            if (*a).pending.swap(0, Ordering::AcqRel) == 1 {
                if let Some(cb) = (*a).cb {
                    cb(a);
                }
            }
        });
    }
}
