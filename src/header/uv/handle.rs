//! uv_handle_t, the base of every handle: uv_close, uv_ref, uv_unref,
//! uv_has_ref, uv_is_active, uv_is_closing, uv_fileno, uv_handle_size.
//!
//! A handle is "active" while it is doing something (a started timer, a
//! reading stream); an active handle that is referenced keeps uv_run
//! going. The loop counts active referenced handles so that liveness is one
//! comparison.

use super::errors::{UV_EBADF, UV_EINVAL};
use super::queue::Link;
use super::r#loop::uv_loop_t;
use super::*;
use crate::abi::{c_int, c_void, size_t};

pub type uv_close_cb = Option<unsafe extern "C" fn(*mut uv_handle_t)>;

/// The handle is active (started, reading, ...).
pub const ACTIVE: u32 = 0x1;
/// The handle is referenced (the default; see uv_unref).
pub const REF: u32 = 0x2;
/// uv_close was called.
pub const CLOSING: u32 = 0x4;
/// The close callback has run.
pub const CLOSED: u32 = 0x8;

/// What every handle keeps privately (`__handle_private[5]` in C).
#[repr(C)]
pub struct HandleCore {
    close_cb: uv_close_cb,
    pub flags: u32,
    _pad: u32,
    /// Membership in the loop's list of all handles (for uv_walk).
    pub all: Link,
    /// The loop's list of handles waiting for their close callback.
    pub next_closing: *mut uv_handle_t,
}

/// libuv `uv_handle_t`: the public fields every handle starts with.
#[repr(C)]
pub struct uv_handle_t {
    pub data: *mut c_void,
    pub r#loop: *mut uv_loop_t,
    pub r#type: c_int,
    pub h: HandleCore,
}

const _: () = assert!(core::mem::size_of::<HandleCore>() == 5 * 8);

/// Makes `h` a handle of `ty` on `l`: referenced, inactive, listed for
/// uv_walk. `data` is left alone, as in libuv.
///
/// # Safety
/// `l` is an initialised loop; `h` points to a handle of type `ty` that
/// stays in place until its close callback has run.
pub unsafe fn init(l: *mut uv_loop_t, h: *mut uv_handle_t, ty: c_int) {
    // SAFETY: the caller's contract.
    unsafe {
        (*h).r#loop = l;
        (*h).r#type = ty;
        (*h).h = HandleCore { close_cb: None, flags: REF, _pad: 0, all: Link::UNLINKED, next_closing: core::ptr::null_mut() };
        Link::push_back(r#loop::handles(l), &mut (*h).h.all);
    }
}

/// Marks `h` active, counting it if referenced.
///
/// # Safety
/// `h` is an initialised handle.
pub unsafe fn start(h: *mut uv_handle_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let f = (*h).h.flags;
        if f & ACTIVE != 0 {
            return;
        }
        (*h).h.flags = f | ACTIVE;
        if f & REF != 0 {
            r#loop::count_handle((*h).r#loop, 1);
        }
    }
}

/// Marks `h` inactive.
///
/// # Safety
/// `h` is an initialised handle.
pub unsafe fn stop(h: *mut uv_handle_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let f = (*h).h.flags;
        if f & ACTIVE == 0 {
            return;
        }
        (*h).h.flags = f & !ACTIVE;
        if f & REF != 0 {
            r#loop::count_handle((*h).r#loop, -1);
        }
    }
}

/// Is `h` active?
///
/// # Safety
/// `h` is an initialised handle.
pub unsafe fn active(h: *const uv_handle_t) -> bool {
    // SAFETY: the caller's contract.
    unsafe { (*h).h.flags & ACTIVE != 0 }
}

/// Has uv_close been called on `h`?
///
/// # Safety
/// `h` is an initialised handle.
pub unsafe fn closing(h: *const uv_handle_t) -> bool {
    // SAFETY: the caller's contract.
    unsafe { (*h).h.flags & (CLOSING | CLOSED) != 0 }
}

/// libuv `uv_close`: stops the handle now and calls `cb` from the loop
/// later, after which the memory may be reused. Closing twice is a bug.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_close(h: *mut uv_handle_t, cb: uv_close_cb) {
    // SAFETY: `h` is an initialised handle (libuv contract).
    unsafe {
        if closing(h) {
            return;
        }
        (*h).h.flags |= CLOSING;
        (*h).h.close_cb = cb;
        match (*h).r#type {
            UV_TIMER => timer::close(h.cast()),
            UV_IDLE | UV_PREPARE | UV_CHECK => idle::close(h.cast()),
            UV_ASYNC => r#async::close(h.cast()),
            UV_POLL => poll::close(h.cast()),
            UV_TCP | UV_NAMED_PIPE | UV_TTY => stream::close(h.cast()),
            UV_UDP => udp::close(h.cast()),
            UV_SIGNAL => signal::close(h.cast()),
            _ => stop(h),
        }
        r#loop::push_closing((*h).r#loop, h);
    }
}

/// Runs a closing handle's last steps and its close callback.
///
/// # Safety
/// `h` was closed with uv_close and is not on the closing list any more.
pub unsafe fn finish_close(h: *mut uv_handle_t) {
    // SAFETY: the caller's contract.
    unsafe {
        (*h).h.flags |= CLOSED;
        match (*h).r#type {
            UV_TCP | UV_NAMED_PIPE | UV_TTY => stream::destroy(h.cast()),
            UV_UDP => udp::destroy(h.cast()),
            _ => {}
        }
        Link::remove(&mut (*h).h.all);
        if let Some(cb) = (*h).h.close_cb {
            cb(h);
        }
    }
}

/// libuv `uv_ref`: an active handle keeps the loop alive again.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_ref(h: *mut uv_handle_t) {
    // SAFETY: `h` is an initialised handle (libuv contract).
    unsafe {
        let f = (*h).h.flags;
        if f & REF != 0 {
            return;
        }
        (*h).h.flags = f | REF;
        if f & CLOSING == 0 && f & ACTIVE != 0 {
            r#loop::count_handle((*h).r#loop, 1);
        }
    }
}

/// libuv `uv_unref`: the handle no longer keeps the loop alive.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_unref(h: *mut uv_handle_t) {
    // SAFETY: `h` is an initialised handle (libuv contract).
    unsafe {
        let f = (*h).h.flags;
        if f & REF == 0 {
            return;
        }
        (*h).h.flags = f & !REF;
        if f & CLOSING == 0 && f & ACTIVE != 0 {
            r#loop::count_handle((*h).r#loop, -1);
        }
    }
}

/// libuv `uv_has_ref`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_has_ref(h: *const uv_handle_t) -> c_int {
    // SAFETY: `h` is an initialised handle (libuv contract).
    unsafe { c_int::from((*h).h.flags & REF != 0) }
}

/// libuv `uv_is_active`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_is_active(h: *const uv_handle_t) -> c_int {
    // SAFETY: `h` is an initialised handle (libuv contract).
    c_int::from(unsafe { active(h) })
}

/// libuv `uv_is_closing`: uv_close was called (and maybe completed).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_is_closing(h: *const uv_handle_t) -> c_int {
    // SAFETY: `h` is an initialised handle (libuv contract).
    c_int::from(unsafe { closing(h) })
}

/// libuv `uv_fileno`: the descriptor of a stream, UDP or poll handle.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fileno(h: *const uv_handle_t, out: *mut c_int) -> c_int {
    // SAFETY: `h` is an initialised handle and `out` writable (libuv contract).
    unsafe {
        let fd = match (*h).r#type {
            UV_TCP | UV_NAMED_PIPE | UV_TTY => stream::descriptor(h.cast()),
            UV_UDP => udp::descriptor(h.cast()),
            UV_POLL => poll::descriptor(h.cast()),
            _ => return UV_EINVAL,
        };
        if closing(h) || fd < 0 {
            return UV_EBADF;
        }
        *out = fd;
        0
    }
}

/// libuv `uv_handle_size`: the size of a handle type's struct (0 for a
/// type this library does not have).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_handle_size(ty: c_int) -> size_t {
    use core::mem::size_of;
    match ty {
        UV_ASYNC => size_of::<r#async::uv_async_t>(),
        UV_CHECK | UV_IDLE | UV_PREPARE => size_of::<idle::uv_idle_t>(),
        UV_HANDLE => size_of::<uv_handle_t>(),
        UV_NAMED_PIPE => size_of::<pipe::uv_pipe_t>(),
        UV_POLL => size_of::<poll::uv_poll_t>(),
        UV_PROCESS => size_of::<process::uv_process_t>(),
        UV_STREAM => size_of::<stream::uv_stream_t>(),
        UV_TCP => size_of::<tcp::uv_tcp_t>(),
        UV_TIMER => size_of::<timer::uv_timer_t>(),
        UV_TTY => size_of::<tty::uv_tty_t>(),
        UV_UDP => size_of::<udp::uv_udp_t>(),
        UV_SIGNAL => size_of::<signal::uv_signal_t>(),
        _ => 0,
    }
}

/// The socket of a TCP, pipe or UDP handle, for the buffer sizes.
///
/// # Safety
/// `h` is an initialised handle.
unsafe fn socket_of(h: *const uv_handle_t) -> Result<c_int, c_int> {
    // SAFETY: the caller's contract.
    unsafe {
        match (*h).r#type {
            UV_TCP | UV_NAMED_PIPE => Ok(stream::descriptor(h.cast())),
            UV_UDP => Ok(udp::descriptor(h.cast())),
            _ => Err(errors::UV_ENOTSUP),
        }
    }
}

/// Reads (`*value` 0) or sets a buffer size option of a handle's socket.
///
/// # Safety
/// `h` is an initialised handle; `value` is readable and writable.
unsafe fn buffer_size(h: *mut uv_handle_t, value: *mut c_int, opt: u32) -> c_int {
    use crate::sys::{self, fd};
    // SAFETY: the caller's contract.
    unsafe {
        let s = match socket_of(h) {
            Ok(s) if s >= 0 => fd(s as u32),
            Ok(_) => return UV_EBADF,
            Err(e) => return e,
        };
        let r = if *value == 0 { sys::sock_opt_get(s, opt).map(|v| *value = v) } else { sys::sock_opt_set(s, opt, *value) };
        match r {
            Ok(()) => 0,
            Err(e) => errors::err(e),
        }
    }
}

/// libuv `uv_recv_buffer_size` (compat): `SO_RCVBUF` of a TCP, pipe or UDP
/// handle's socket; read if `*value` is 0, else set.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_recv_buffer_size(h: *mut uv_handle_t, value: *mut c_int) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { buffer_size(h, value, crate::sys::sockopt::RCVBUF) }
}

/// libuv `uv_send_buffer_size` (compat): as uv_recv_buffer_size, `SO_SNDBUF`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_send_buffer_size(h: *mut uv_handle_t, value: *mut c_int) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { buffer_size(h, value, crate::sys::sockopt::SNDBUF) }
}
