//! Utilities: uv_version, uv_version_string, uv_buf_init, uv_hrtime,
//! uv_guess_handle, uv_getrusage, uv_os_getenv, uv_print_all_handles,
//! uv_print_active_handles.

use super::errors::{UV_EINVAL, UV_ENOBUFS, UV_ENOENT};
use super::handle::{uv_handle_t, ACTIVE, REF};
use super::queue::{container_of, Link};
use super::r#loop::{handles, uv_loop_t};
use super::*;
use crate::abi::{c_char, c_int, c_long, size_t};
use crate::header::stdio::file::{stderr, FILE};
use crate::sys::{self, clockid, filetype, sock_family};

/// The libuv API this library follows: 1.18.0.
pub const UV_VERSION_MAJOR: u32 = 1;
pub const UV_VERSION_MINOR: u32 = 18;
pub const UV_VERSION_PATCH: u32 = 0;

/// libuv `uv_version`: `UV_VERSION_HEX`, the libuv API version followed.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_version() -> u32 {
    (UV_VERSION_MAJOR << 16) | (UV_VERSION_MINOR << 8) | UV_VERSION_PATCH
}

/// libuv `uv_version_string`: "1.18.0".
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_version_string() -> *const c_char {
    b"1.18.0\0".as_ptr().cast()
}

/// libuv `uv_buf_init`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_buf_init(base: *mut c_char, len: size_t) -> uv_buf_t {
    uv_buf_t { base, len }
}

/// libuv `uv_hrtime`: nanoseconds of the monotonic clock.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_hrtime() -> u64 {
    sys::clock_time_get(clockid::MONOTONIC, 1).unwrap_or(0)
}

/// libuv `uv_guess_handle`: which handle type suits a descriptor.
/// Terminals (character devices) are `UV_TTY`, other files `UV_FILE`;
/// sockets are told apart by their address family, as libuv does: stream
/// sockets of the Internet families `UV_TCP`, of the UNIX family
/// `UV_NAMED_PIPE`; Internet datagram sockets `UV_UDP`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_guess_handle(fd: c_int) -> c_int {
    let Ok(f) = sys::to_fd(fd) else { return UV_UNKNOWN_HANDLE };
    let family = || sys::sock_addr_get(f, false).map(|a| a.family);
    match sys::fd_stat_get(f).map(|st| st.fs_filetype) {
        Ok(filetype::CHARACTER_DEVICE) => UV_TTY,
        Ok(filetype::REGULAR_FILE | filetype::BLOCK_DEVICE | filetype::SHARED_MEMORY) => UV_FILE,
        Ok(filetype::SOCKET_STREAM) => match family() {
            Ok(sock_family::INET | sock_family::INET6) => UV_TCP,
            Ok(sock_family::UNIX) => UV_NAMED_PIPE,
            _ => UV_UNKNOWN_HANDLE,
        },
        Ok(filetype::SOCKET_DGRAM) => match family() {
            Ok(sock_family::INET | sock_family::INET6) => UV_UDP,
            _ => UV_UNKNOWN_HANDLE,
        },
        _ => UV_UNKNOWN_HANDLE,
    }
}

/// libuv `uv_timeval_t`.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct uv_timeval_t {
    pub tv_sec: c_long,
    pub tv_usec: c_long,
}

/// libuv `uv_rusage_t`.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct uv_rusage_t {
    pub ru_utime: uv_timeval_t,
    pub ru_stime: uv_timeval_t,
    pub ru_maxrss: u64,
    pub ru_ixrss: u64,
    pub ru_idrss: u64,
    pub ru_isrss: u64,
    pub ru_minflt: u64,
    pub ru_majflt: u64,
    pub ru_nswap: u64,
    pub ru_inblock: u64,
    pub ru_oublock: u64,
    pub ru_msgsnd: u64,
    pub ru_msgrcv: u64,
    pub ru_nsignals: u64,
    pub ru_nvcsw: u64,
    pub ru_nivcsw: u64,
}

/// libuv `uv_getrusage`: CloudABI measures only the process's CPU time
/// (user and system together), reported as user time; every other field
/// is 0.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_getrusage(out: *mut uv_rusage_t) -> c_int {
    let cpu = match sys::clock_time_get(clockid::PROCESS_CPUTIME_ID, 1) {
        Ok(t) => t,
        Err(e) => return errors::err(e),
    };
    let ru_utime = uv_timeval_t { tv_sec: (cpu / 1_000_000_000) as c_long, tv_usec: (cpu % 1_000_000_000 / 1000) as c_long };
    // SAFETY: `out` is writable (libuv contract).
    unsafe { out.write(uv_rusage_t { ru_utime, ..Default::default() }) };
    0
}

/// libuv's convention for returning a string in the caller's buffer:
/// `*size` is the room on entry; on success the length without the NUL;
/// if the string does not fit, `UV_ENOBUFS` and the room it needs.
///
/// # Safety
/// `buf` has `*size` writable bytes.
pub unsafe fn copy_out(s: &[u8], buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        if s.len() >= *size {
            *size = s.len() + 1;
            return UV_ENOBUFS;
        }
        core::ptr::copy_nonoverlapping(s.as_ptr(), buf.cast(), s.len());
        *buf.add(s.len()) = 0;
        *size = s.len();
    }
    0
}

/// libuv `uv_os_getenv`: copies the value of `name` (see `copy_out`);
/// `UV_ENOENT` if it is not set.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_os_getenv(name: *const c_char, buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: the pointers are valid when not null (libuv contract).
    unsafe {
        if name.is_null() || buf.is_null() || size.is_null() || *size == 0 {
            return UV_EINVAL;
        }
        let v = crate::header::stdlib::env::getenv(name);
        if v.is_null() {
            return UV_ENOENT;
        }
        copy_out(crate::cptr::cstr(v), buf, size)
    }
}

/// libuv's name for a handle type in uv_print_*_handles.
fn type_name(ty: c_int) -> &'static [u8] {
    match ty {
        UV_ASYNC => b"async",
        UV_CHECK => b"check",
        UV_FS_EVENT => b"fs_event",
        UV_FS_POLL => b"fs_poll",
        UV_HANDLE => b"handle",
        UV_IDLE => b"idle",
        UV_NAMED_PIPE => b"pipe",
        UV_POLL => b"poll",
        UV_PREPARE => b"prepare",
        UV_PROCESS => b"process",
        UV_STREAM => b"stream",
        UV_TCP => b"tcp",
        UV_TIMER => b"timer",
        UV_TTY => b"tty",
        UV_UDP => b"udp",
        UV_SIGNAL => b"signal",
        _ => b"<unknown>",
    }
}

/// One line of uv_print_*_handles, as libuv prints it:
/// `[RAI] type     address` (R referenced, A active, I internal; `-` if not).
fn describe(h: *const uv_handle_t, line: &mut [u8; 64]) -> usize {
    // SAFETY: `h` is a handle of the loop being printed.
    let (flags, ty) = unsafe { ((*h).h.flags, (*h).r#type) };
    let mut n = 0;
    let mut put = |bytes: &[u8]| {
        line[n..n + bytes.len()].copy_from_slice(bytes);
        n += bytes.len();
    };
    put(b"[");
    put(if flags & REF != 0 { b"R" } else { b"-" });
    put(if flags & ACTIVE != 0 { b"A" } else { b"-" });
    put(b"-] ");
    let name = type_name(ty);
    put(name);
    for _ in name.len()..8 {
        put(b" ");
    }
    put(b" 0x");
    let addr = h as usize;
    let digits = (usize::BITS - addr.leading_zeros()).div_ceil(4).max(1);
    for i in (0..digits).rev() {
        put(&[b"0123456789abcdef"[(addr >> (i * 4)) & 0xf]]);
    }
    put(b"\n\0");
    n
}

/// Prints the loop's handles (only the active ones if `active_only`).
///
/// # Safety
/// `l` is an initialised loop; `stream` is null or an open stream.
unsafe fn print(l: *mut uv_loop_t, stream: *mut FILE, active_only: bool) {
    // SAFETY: the caller's contract; printing does not change the list.
    unsafe {
        let out = if stream.is_null() { stderr } else { stream };
        let head = handles(l);
        let mut it = Link::first(head);
        while let Some(link) = it {
            let h = container_of!(link, uv_handle_t, h.all);
            if !active_only || (*h).h.flags & ACTIVE != 0 {
                let mut line = [0u8; 64];
                describe(h, &mut line);
                crate::header::stdio::lines::fputs(line.as_ptr().cast(), out);
            }
            it = Link::next(head, link);
        }
    }
}

/// libuv `uv_print_all_handles`: one line per handle to `stream`
/// (standard error if null), for debugging.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_print_all_handles(l: *mut uv_loop_t, stream: *mut FILE) {
    // SAFETY: forwarded libuv contract.
    unsafe { print(l, stream, false) }
}

/// libuv `uv_print_active_handles`: as uv_print_all_handles, active
/// handles only.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_print_active_handles(l: *mut uv_loop_t, stream: *mut FILE) {
    // SAFETY: forwarded libuv contract.
    unsafe { print(l, stream, true) }
}
