//! `<uv.h>`: cloudlibc's libuv-compatible event loop, following the libuv
//! 1.18 API (`uv_version()`), and the compat functions for the parts of
//! libuv cloudlibc removed.
//!
//! The loop waits with CloudABI's `poll` system call on every descriptor a
//! handle watches, plus a wake-up socket pair that other threads, finished
//! work and signal handlers write to (see `io`). Handle and request structs
//! start with the public fields libuv documents (`data`, `loop`, `type`,
//! `write_queue_size`, `result`, ...), in libuv's order; their private
//! state follows, reserved in include/uv.h as arrays of pointers whose
//! lengths match the structs here (checked at compile time here and by
//! `uv_handle_size` / `uv_req_size` in the C tests). Enumerations use
//! libuv's numbering; error codes are negated CloudABI errnos (`errors`).

pub mod alloc;
pub mod r#async;
pub mod dl;
pub mod dns;
pub mod errors;
pub mod fs;
pub mod fs_path;
pub mod handle;
pub mod idle;
pub mod inet;
pub mod io;
pub mod r#loop;
pub mod misc;
pub mod os;
pub mod pipe;
pub mod poll;
pub mod process;
pub mod queue;
pub mod req;
pub mod signal;
pub mod stream;
pub mod tcp;
pub mod thread;
pub mod timer;
pub mod tty;
pub mod udp;
pub mod work;

use crate::abi::{c_char, c_int, size_t};

pub const UV_UNKNOWN_HANDLE: c_int = 0;
pub const UV_ASYNC: c_int = 1;
pub const UV_CHECK: c_int = 2;
pub const UV_FS_EVENT: c_int = 3;
pub const UV_FS_POLL: c_int = 4;
pub const UV_HANDLE: c_int = 5;
pub const UV_IDLE: c_int = 6;
pub const UV_NAMED_PIPE: c_int = 7;
pub const UV_POLL: c_int = 8;
pub const UV_PREPARE: c_int = 9;
pub const UV_PROCESS: c_int = 10;
pub const UV_STREAM: c_int = 11;
pub const UV_TCP: c_int = 12;
pub const UV_TIMER: c_int = 13;
pub const UV_TTY: c_int = 14;
pub const UV_UDP: c_int = 15;
pub const UV_SIGNAL: c_int = 16;
pub const UV_FILE: c_int = 17;

pub const UV_UNKNOWN_REQ: c_int = 0;
pub const UV_REQ: c_int = 1;
pub const UV_CONNECT: c_int = 2;
pub const UV_WRITE: c_int = 3;
pub const UV_SHUTDOWN: c_int = 4;
pub const UV_UDP_SEND: c_int = 5;
pub const UV_FS: c_int = 6;
pub const UV_WORK: c_int = 7;
pub const UV_GETADDRINFO: c_int = 8;
pub const UV_GETNAMEINFO: c_int = 9;

/// libuv `uv_buf_t`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct uv_buf_t {
    pub base: *mut c_char,
    pub len: size_t,
}

impl uv_buf_t {
    pub const EMPTY: uv_buf_t = uv_buf_t { base: core::ptr::null_mut(), len: 0 };
}
