//! The printf family, narrow and wide. Every variant runs the one engine
//! in `format.rs` with its own output sink; the variadic entry points are
//! trampolines (see `va.rs`) into the `v*` functions.

mod bigint;
mod float;
pub mod format;
pub mod parse;
pub mod sink;

use self::format::{format, Args, Text};
use self::sink::{BufSink, FdSink, FileSink, GrowSink, WideBufSink, WideGrowSink};
use super::file::{with_locked, FILE};
use crate::abi::va::VaList;
use crate::abi::{c_char, c_int, c_void, size_t};
use crate::errno::{set_errno, Errno};
use crate::sys;
use cloudabi::errno;

type wchar_t = u32;

/// The C return value: the count, or -1 with errno set.
fn count(r: Result<usize, Errno>) -> c_int {
    match r.and_then(|n| c_int::try_from(n).map_err(|_| errno::OVERFLOW)) {
        Ok(n) => n,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// # Safety
/// `f` is a live stream; `fmt` a NUL-terminated format matching `args`.
unsafe fn to_file<U: Text>(f: *mut FILE, fmt: *const U, args: &mut dyn Args) -> c_int {
    // SAFETY: forwarded contract.
    unsafe {
        with_locked(f, |s| {
            if U::WIDE && s.orientation == 0 {
                s.orientation = 1;
            }
            if !s.begin_write() {
                return -1;
            }
            let mut sink = FileSink::new(s);
            let r = format(fmt, args, &mut sink);
            if !sink.finish() {
                return -1;
            }
            count(r)
        })
    }
}

/// # Safety
/// `fmt` is a NUL-terminated format matching `args`.
unsafe fn to_fd<U: Text>(fd: c_int, fmt: *const U, args: &mut dyn Args) -> c_int {
    let f = match sys::to_fd(fd) {
        Ok(f) => f,
        Err(e) => {
            set_errno(e);
            return -1;
        }
    };
    let mut sink = FdSink::new(f);
    let r = format(fmt, args, &mut sink);
    if !sink.finish() {
        return -1;
    }
    count(r)
}

/// # Safety
/// `buf` holds `n` bytes; `fmt` is a NUL-terminated format matching `args`.
unsafe fn to_buffer(buf: *mut c_char, n: usize, fmt: *const c_char, args: &mut dyn Args) -> c_int {
    // SAFETY: forwarded contract.
    let mut sink = unsafe { BufSink::new(buf.cast(), n) };
    let r = format(fmt.cast::<u8>(), args, &mut sink);
    sink.finish();
    count(r)
}

/// # Safety
/// `out` is writable; `fmt` is a NUL-terminated format matching `args`.
unsafe fn to_heap(out: *mut *mut c_char, fmt: *const c_char, args: &mut dyn Args) -> c_int {
    let mut sink = GrowSink::new();
    let r = format(fmt.cast::<u8>(), args, &mut sink);
    let p = sink.finish();
    let r = if p.is_null() { Err(errno::NOMEM) } else { r };
    let n = count(r);
    // SAFETY: C passes a writable pointer; on failure it gets null.
    unsafe {
        if n < 0 {
            crate::header::stdlib::malloc::free(p.cast());
            *out = core::ptr::null_mut();
        } else {
            *out = p.cast();
        }
    }
    n
}

fn stdout_file() -> *mut FILE {
    // SAFETY: `stdout` is only reassigned by the program itself.
    unsafe { super::file::stdout }
}

/// C11 `vfprintf`: formats to a stream.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vfprintf(f: *mut FILE, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: C passes a live stream, a format and its arguments.
    unsafe { to_file(f, fmt.cast::<u8>(), &mut *ap) }
}

/// Compat (C11) `vprintf`: formats to stdout.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vprintf(fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vfprintf(stdout_file(), fmt, ap) }
}

/// POSIX `vdprintf`: formats to a descriptor.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vdprintf(fd: c_int, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: C passes a format and its arguments.
    unsafe { to_fd(fd, fmt.cast::<u8>(), &mut *ap) }
}

/// C11 `vsnprintf`: formats into `n` bytes, NUL-terminated; returns the
/// full length.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vsnprintf(buf: *mut c_char, n: size_t, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: C passes a buffer of `n` bytes, a format and its arguments.
    unsafe { to_buffer(buf, n, fmt, &mut *ap) }
}

/// C11 `vsprintf`: formats into a buffer the caller made big enough.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vsprintf(buf: *mut c_char, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: the caller promises the buffer is large enough.
    unsafe { to_buffer(buf, isize::MAX as usize, fmt, &mut *ap) }
}

/// `vasprintf` (BSD, glibc): formats into a new malloc'd string.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vasprintf(out: *mut *mut c_char, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: C passes a writable pointer, a format and its arguments.
    unsafe { to_heap(out, fmt, &mut *ap) }
}

/// cloudlibc `vfprintf_l`: `vfprintf` (the C locale's formatting).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vfprintf_l(f: *mut FILE, _l: *mut c_void, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vfprintf(f, fmt, ap) }
}

/// cloudlibc `vdprintf_l`: `vdprintf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vdprintf_l(fd: c_int, _l: *mut c_void, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vdprintf(fd, fmt, ap) }
}

/// cloudlibc `vsnprintf_l`: `vsnprintf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vsnprintf_l(buf: *mut c_char, n: size_t, _l: *mut c_void, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vsnprintf(buf, n, fmt, ap) }
}

/// cloudlibc `vasprintf_l`: `vasprintf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vasprintf_l(out: *mut *mut c_char, _l: *mut c_void, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vasprintf(out, fmt, ap) }
}

// C11 printf, fprintf, sprintf, snprintf; POSIX dprintf; asprintf; and
// cloudlibc's _l forms.
crate::variadic!("printf" => vprintf, gp = 1, fp = 0, reg = "rsi");
crate::variadic!("fprintf" => vfprintf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("dprintf" => vdprintf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("sprintf" => vsprintf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("snprintf" => vsnprintf, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("asprintf" => vasprintf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("fprintf_l" => vfprintf_l, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("dprintf_l" => vdprintf_l, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("snprintf_l" => vsnprintf_l, gp = 4, fp = 0, reg = "r8");
crate::variadic!("asprintf_l" => vasprintf_l, gp = 3, fp = 0, reg = "rcx");

// ---- wide output (declared by <wchar.h>) ----

/// C11 `vfwprintf`: formats a wide format to a stream, as UTF-8.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vfwprintf(f: *mut FILE, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: C passes a live stream, a wide format and its arguments.
    unsafe { to_file(f, fmt, &mut *ap) }
}

/// Compat (C11) `vwprintf`: `vfwprintf` to stdout.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vwprintf(fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vfwprintf(stdout_file(), fmt, ap) }
}

/// cloudlibc `vdwprintf`: a wide format to a descriptor, as UTF-8.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vdwprintf(fd: c_int, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: C passes a wide format and its arguments.
    unsafe { to_fd(fd, fmt, &mut *ap) }
}

/// C11 `vswprintf`: formats into `n` wide characters; -1 if they do not
/// suffice.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vswprintf(buf: *mut wchar_t, n: size_t, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: C passes room for `n` wide characters, a format and its
    // arguments.
    let mut sink = unsafe { WideBufSink::new(buf, n) };
    // SAFETY: as above.
    let r = format(fmt, unsafe { &mut *ap }, &mut sink);
    if sink.finish() {
        count(r)
    } else {
        count(Err(errno::OVERFLOW))
    }
}

/// cloudlibc `vaswprintf`: formats into a new malloc'd wide string.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vaswprintf(out: *mut *mut wchar_t, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    let mut sink = WideGrowSink::new();
    // SAFETY: C passes a wide format and its arguments.
    let r = format(fmt, unsafe { &mut *ap }, &mut sink);
    let p = sink.finish();
    let n = count(if p.is_null() { Err(errno::NOMEM) } else { r });
    // SAFETY: C passes a writable pointer; on failure it gets null.
    unsafe {
        if n < 0 {
            crate::header::stdlib::malloc::free(p.cast());
            *out = core::ptr::null_mut();
        } else {
            *out = p;
        }
    }
    n
}

/// cloudlibc `vfwprintf_l`: `vfwprintf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vfwprintf_l(f: *mut FILE, _l: *mut c_void, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vfwprintf(f, fmt, ap) }
}

/// cloudlibc `vdwprintf_l`: `vdwprintf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vdwprintf_l(fd: c_int, _l: *mut c_void, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vdwprintf(fd, fmt, ap) }
}

/// cloudlibc `vswprintf_l`: `vswprintf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vswprintf_l(buf: *mut wchar_t, n: size_t, _l: *mut c_void, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vswprintf(buf, n, fmt, ap) }
}

/// cloudlibc `vaswprintf_l`: `vaswprintf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vaswprintf_l(out: *mut *mut wchar_t, _l: *mut c_void, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vaswprintf(out, fmt, ap) }
}

// C11 wprintf, fwprintf, swprintf; cloudlibc dwprintf, aswprintf and _l forms.
crate::variadic!("wprintf" => vwprintf, gp = 1, fp = 0, reg = "rsi");
crate::variadic!("fwprintf" => vfwprintf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("dwprintf" => vdwprintf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("swprintf" => vswprintf, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("aswprintf" => vaswprintf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("fwprintf_l" => vfwprintf_l, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("dwprintf_l" => vdwprintf_l, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("swprintf_l" => vswprintf_l, gp = 4, fp = 0, reg = "r8");
crate::variadic!("aswprintf_l" => vaswprintf_l, gp = 3, fp = 0, reg = "rcx");
