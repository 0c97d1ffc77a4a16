//! uv_idle_t, uv_prepare_t and uv_check_t: callbacks once per loop
//! iteration, before the wait for events (prepare), after it (check), or
//! before it while also making it not block (idle). The three handle types
//! share one layout and one implementation; as in libuv, a handle started
//! later runs earlier within its kind.

use super::errors::UV_EINVAL;
use super::handle::{self, uv_handle_t};
use super::queue::{self, container_of, Link};
use super::r#loop::uv_loop_t;
use super::{UV_CHECK, UV_IDLE, UV_PREPARE};
use crate::abi::c_int;
use core::ptr::addr_of_mut;

pub type uv_idle_cb = Option<unsafe extern "C" fn(*mut uv_idle_t)>;

/// libuv `uv_idle_t`, `uv_prepare_t` and `uv_check_t`.
#[repr(C)]
pub struct uv_idle_t {
    pub handle: uv_handle_t,
    cb: uv_idle_cb,
    link: Link,
}

const _: () = assert!(core::mem::size_of::<uv_idle_t>() - core::mem::size_of::<uv_handle_t>() == 3 * 8);

/// The loop's list for handles of `ty`.
///
/// # Safety
/// `l` is an initialised loop.
unsafe fn list(l: *mut uv_loop_t, ty: c_int) -> *mut Link {
    // SAFETY: the caller's contract.
    unsafe {
        match ty {
            UV_IDLE => addr_of_mut!((*l).l.idles),
            UV_PREPARE => addr_of_mut!((*l).l.prepares),
            _ => addr_of_mut!((*l).l.checks),
        }
    }
}

/// # Safety
/// `l` is a loop and `w` memory for a handle (libuv contract).
unsafe fn init(l: *mut uv_loop_t, w: *mut uv_idle_t, ty: c_int) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        handle::init(l, w.cast(), ty);
        (*w).cb = None;
        (*w).link = Link::UNLINKED;
    }
    0
}

/// # Safety
/// `w` is an initialised idle, prepare or check handle.
unsafe fn start(w: *mut uv_idle_t, cb: uv_idle_cb) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        if handle::active(w.cast()) {
            return 0;
        }
        if cb.is_none() || handle::closing(w.cast()) {
            return UV_EINVAL;
        }
        (*w).cb = cb;
        Link::push_front(list((*w).handle.r#loop, (*w).handle.r#type), &mut (*w).link);
        handle::start(w.cast());
    }
    0
}

/// # Safety
/// `w` is an initialised idle, prepare or check handle.
unsafe fn stop(w: *mut uv_idle_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        Link::remove(&mut (*w).link);
        handle::stop(w.cast());
    }
    0
}

/// Stops a handle being closed.
///
/// # Safety
/// `w` is an initialised idle, prepare or check handle.
pub unsafe fn close(w: *mut uv_idle_t) {
    // SAFETY: the caller's contract.
    unsafe { stop(w) };
}

/// Calls every handle on `head` once. Handles started by a callback wait
/// for the next iteration; handles stopped by one are skipped.
///
/// # Safety
/// `head` is one of an initialised loop's three lists.
pub unsafe fn run(head: *mut Link) {
    // SAFETY: the caller's contract; `visit` lets a callback stop any
    // handle.
    unsafe {
        queue::visit(head, |link| {
            let w = container_of!(link, uv_idle_t, link);
            if let Some(cb) = (*w).cb {
                cb(w);
            }
        });
    }
}

macro_rules! kind {
    ($init:ident, $start:ident, $stop:ident, $ty:expr, $what:literal) => {
        #[doc = concat!("libuv `", stringify!($init), "`: a ", $what, " handle.")]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $init(l: *mut uv_loop_t, w: *mut uv_idle_t) -> c_int {
            // SAFETY: forwarded libuv contract.
            unsafe { init(l, w, $ty) }
        }

        #[doc = concat!("libuv `", stringify!($start), "`.")]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $start(w: *mut uv_idle_t, cb: uv_idle_cb) -> c_int {
            // SAFETY: forwarded libuv contract.
            unsafe { start(w, cb) }
        }

        #[doc = concat!("libuv `", stringify!($stop), "`.")]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $stop(w: *mut uv_idle_t) -> c_int {
            // SAFETY: forwarded libuv contract.
            unsafe { stop(w) }
        }
    };
}

kind!(uv_idle_init, uv_idle_start, uv_idle_stop, UV_IDLE, "idle");
kind!(uv_prepare_init, uv_prepare_start, uv_prepare_stop, UV_PREPARE, "prepare");
kind!(uv_check_init, uv_check_start, uv_check_stop, UV_CHECK, "check");
