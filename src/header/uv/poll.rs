//! uv_poll_t: uv_poll_init, uv_poll_init_socket, uv_poll_start,
//! uv_poll_stop. Watches a descriptor the program reads and writes itself.
//! `UV_DISCONNECT` is reported with readability (CloudABI's poll reports a
//! hang-up only on read subscriptions), so asking for it alone still wakes
//! the loop whenever data is readable. There is no out-of-band data, so
//! `UV_PRIORITIZED` is accepted and never reported.

use super::errors::{err, UV_EINVAL};
use super::handle::{self, uv_handle_t};
use super::io::{self, IoWatcher, HANGUP, READ, WRITE};
use super::r#loop::uv_loop_t;
use super::UV_POLL;
use crate::abi::c_int;
use cloudabi::errno;
use core::ptr::addr_of_mut;

pub const UV_READABLE: c_int = 1;
pub const UV_WRITABLE: c_int = 2;
pub const UV_DISCONNECT: c_int = 4;
pub const UV_PRIORITIZED: c_int = 8;

pub type uv_poll_cb = Option<unsafe extern "C" fn(*mut uv_poll_t, c_int, c_int)>;

/// libuv `uv_poll_t`.
#[repr(C)]
pub struct uv_poll_t {
    pub handle: uv_handle_t,
    cb: uv_poll_cb,
    /// The uv events asked for.
    wanted: c_int,
    _pad: u32,
    io: IoWatcher,
}

const _: () = assert!(core::mem::size_of::<uv_poll_t>() - core::mem::size_of::<uv_handle_t>() == 7 * 8);

/// libuv `uv_poll_init`: `fd` must be open; it is made non-blocking where
/// its rights allow.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_poll_init(l: *mut uv_loop_t, p: *mut uv_poll_t, fd: c_int) -> c_int {
    match io::set_nonblocking(fd, true) {
        Ok(()) | Err(errno::NOTCAPABLE) => {}
        Err(e) => return err(e),
    }
    // SAFETY: `l` is a loop and `p` memory for a poll handle (libuv contract).
    unsafe {
        handle::init(l, p.cast(), UV_POLL);
        addr_of_mut!((*p).cb).write(None);
        (*p).wanted = 0;
        addr_of_mut!((*p).io).write(IoWatcher::new(p.cast()));
        (*p).io.fd = fd;
    }
    0
}

/// libuv `uv_poll_init_socket`: sockets are descriptors here.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_poll_init_socket(l: *mut uv_loop_t, p: *mut uv_poll_t, sock: c_int) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { uv_poll_init(l, p, sock) }
}

/// libuv `uv_poll_start`: calls `cb` whenever one of `events` holds;
/// replaces the events and callback of a started handle.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_poll_start(p: *mut uv_poll_t, events: c_int, cb: uv_poll_cb) -> c_int {
    let all = UV_READABLE | UV_WRITABLE | UV_DISCONNECT | UV_PRIORITIZED;
    if events & !all != 0 {
        return UV_EINVAL;
    }
    // SAFETY: `p` is an initialised poll handle (libuv contract).
    unsafe {
        if handle::closing(p.cast()) {
            return UV_EINVAL;
        }
        uv_poll_stop(p);
        if events == 0 {
            return 0;
        }
        let mut want = 0;
        if events & (UV_READABLE | UV_DISCONNECT) != 0 {
            want |= READ;
        }
        if events & UV_WRITABLE != 0 {
            want |= WRITE;
        }
        (*p).cb = cb;
        (*p).wanted = events;
        io::watch((*p).handle.r#loop, &mut (*p).io, want);
        handle::start(p.cast());
    }
    0
}

/// libuv `uv_poll_stop`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_poll_stop(p: *mut uv_poll_t) -> c_int {
    // SAFETY: `p` is an initialised poll handle (libuv contract).
    unsafe {
        io::watch((*p).handle.r#loop, &mut (*p).io, 0);
        handle::stop(p.cast());
    }
    0
}

/// Stops a handle being closed (the descriptor stays open: it is the
/// program's).
///
/// # Safety
/// `p` is an initialised poll handle.
pub unsafe fn close(p: *mut uv_poll_t) {
    // SAFETY: the caller's contract.
    unsafe { uv_poll_stop(p) };
}

/// The watched descriptor.
///
/// # Safety
/// `p` is an initialised poll handle.
pub unsafe fn descriptor(p: *const uv_poll_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { (*p).io.fd }
}

/// Reports readiness to the callback. A descriptor the wait could not
/// watch stops the handle and reports the error, as libuv does.
///
/// # Safety
/// `p` is a started poll handle.
pub unsafe fn ready(p: *mut uv_poll_t, ready: u32, error: u32) {
    // SAFETY: the caller's contract.
    unsafe {
        let Some(cb) = (*p).cb else { return };
        if error != 0 {
            uv_poll_stop(p);
            cb(p, -(error as c_int), 0);
            return;
        }
        let wanted = (*p).wanted;
        let mut events = 0;
        if ready & READ != 0 {
            events |= wanted & UV_READABLE;
        }
        if ready & WRITE != 0 {
            events |= wanted & UV_WRITABLE;
        }
        if ready & HANGUP != 0 {
            events |= wanted & UV_DISCONNECT;
        }
        if events != 0 {
            cb(p, 0, events);
        }
    }
}

