//! argdata_from_buffer, argdata_create_*, argdata_free.
//!
//! Values are allocated with malloc. Binary, string, seq and map values
//! keep pointing at the caller's memory (cloudlibc's contract: it is not
//! copied); scalars are encoded into the value itself.

use super::{argdata_t, ConvertFd, FdMap, Kind, INLINE};
use crate::abi::{c_char, c_int, c_void, intmax_t, size_t, timespec, uintmax_t};
use crate::errno::{Errno, OrErrno};
use crate::header::stdlib::malloc::{free, malloc};
use argdata::{encoded_len, Writer};
use cloudabi::errno;

/// Moves `v` into a fresh malloc block.
fn boxed(v: argdata_t) -> Result<*mut argdata_t, Errno> {
    let p = malloc(core::mem::size_of::<argdata_t>()).cast::<argdata_t>();
    if p.is_null() {
        return Err(errno::NOMEM);
    }
    // SAFETY: `p` is a fresh block, large and aligned enough for the value.
    unsafe { p.write(v) };
    Ok(p)
}

/// A scalar encoded by the codec into the value itself.
fn scalar(f: impl Fn(&mut Writer)) -> *mut argdata_t {
    let mut bytes = [0u8; INLINE];
    let mut w = Writer::new(&mut bytes);
    f(&mut w);
    debug_assert!(!w.overflowed());
    let n = w.len();
    boxed(argdata_t::inline(&bytes[..n])).or_errno(core::ptr::null_mut())
}

/// cloudlibc `argdata_from_buffer`: a view of serialised bytes (not copied,
/// not decoded); `convert_fd` maps stored descriptor numbers to the
/// process's (none: descriptors cannot be read, `EBADF`).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_from_buffer(
    buf: *const c_void,
    len: size_t,
    convert_fd: Option<ConvertFd>,
    convert_fd_arg: *mut c_void,
) -> *mut argdata_t {
    let fds = FdMap::new(convert_fd, convert_fd_arg);
    boxed(argdata_t { kind: Kind::Buffer { ptr: buf.cast(), len, fds } }).or_errno(core::ptr::null_mut())
}

/// cloudlibc `argdata_create_binary`: a binary value over the caller's bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_create_binary(buf: *const c_void, len: size_t) -> *mut argdata_t {
    boxed(argdata_t { kind: Kind::Binary { ptr: buf.cast(), len } }).or_errno(core::ptr::null_mut())
}

/// cloudlibc `argdata_create_fd`: a descriptor value (`EBADF` if negative).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn argdata_create_fd(fd: c_int) -> *mut argdata_t {
    match u32::try_from(fd) {
        Ok(raw) => scalar(|w| w.fd(raw)),
        Err(_) => Err(errno::BADF).or_errno(core::ptr::null_mut()),
    }
}

/// cloudlibc `argdata_create_float`: a floating-point value.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn argdata_create_float(v: f64) -> *mut argdata_t {
    scalar(|w| w.float(v))
}

/// cloudlibc `argdata_create_int_s`: a signed integer value.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn argdata_create_int_s(v: intmax_t) -> *mut argdata_t {
    scalar(|w| w.int(i128::from(v)))
}

/// cloudlibc `argdata_create_int_u`: an unsigned integer value.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn argdata_create_int_u(v: uintmax_t) -> *mut argdata_t {
    scalar(|w| w.int(i128::from(v)))
}

/// Serialised length of a seq or map holding `elements`.
///
/// # Safety
/// Every pointer must name a live value.
unsafe fn container_len(mut elements: impl Iterator<Item = *const argdata_t>) -> Result<usize, Errno> {
    elements.try_fold(1usize, |total, e| {
        // SAFETY: forwarded contract.
        let n = unsafe { &*e }.encoded_len();
        total.checked_add(encoded_len(n)).ok_or(errno::OVERFLOW)
    })
}

/// cloudlibc `argdata_create_map`: a map over the caller's arrays of keys
/// and values (not copied).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_create_map(
    keys: *const *const argdata_t,
    values: *const *const argdata_t,
    count: size_t,
) -> *mut argdata_t {
    // SAFETY: C contract: both arrays hold `count` live values.
    let (k, v) = unsafe { (super::pointers(keys, count), super::pointers(values, count)) };
    // SAFETY: as above.
    unsafe { container_len(k.iter().chain(v.iter()).copied()) }
        .and_then(|encoded| boxed(argdata_t { kind: Kind::Map { keys, values, count, encoded } }))
        .or_errno(core::ptr::null_mut())
}

/// cloudlibc `argdata_create_seq`: a sequence over the caller's array
/// (not copied).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_create_seq(items: *const *const argdata_t, count: size_t) -> *mut argdata_t {
    // SAFETY: C contract: the array holds `count` live values.
    let elements = unsafe { super::pointers(items, count) };
    // SAFETY: as above.
    unsafe { container_len(elements.iter().copied()) }
        .and_then(|encoded| boxed(argdata_t { kind: Kind::Seq { items, count, encoded } }))
        .or_errno(core::ptr::null_mut())
}

/// cloudlibc `argdata_create_str`: a string over the caller's `len` bytes
/// (not copied); `EILSEQ` unless they are UTF-8.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_create_str(s: *const c_char, len: size_t) -> *mut argdata_t {
    // SAFETY: C contract: `s` holds `len` readable bytes.
    let bytes = unsafe { crate::cptr::slice(s.cast(), len) };
    match core::str::from_utf8(bytes) {
        Ok(_) => boxed(argdata_t { kind: Kind::Str { ptr: s.cast(), len } }),
        Err(_) => Err(errno::ILSEQ),
    }
    .or_errno(core::ptr::null_mut())
}

/// cloudlibc `argdata_create_str_c`: a string over a NUL-terminated one.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_create_str_c(s: *const c_char) -> *mut argdata_t {
    // SAFETY: C contract: `s` is NUL-terminated.
    let len = unsafe { crate::cptr::cstr(s) }.len();
    // SAFETY: the `len` bytes before the NUL are readable.
    unsafe { argdata_create_str(s, len) }
}

/// cloudlibc `argdata_create_timestamp`: a point in time (copied);
/// `EINVAL` unless `tv_nsec` lies in [0, 1e9).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_create_timestamp(ts: *const timespec) -> *mut argdata_t {
    // SAFETY: C contract: `ts` points at a timespec.
    let ts = unsafe { *ts };
    if !(0..1_000_000_000).contains(&ts.tv_nsec) {
        return Err(errno::INVAL).or_errno(core::ptr::null_mut());
    }
    let ns = i128::from(ts.tv_sec) * 1_000_000_000 + i128::from(ts.tv_nsec);
    scalar(|w| w.timestamp(ns))
}

/// cloudlibc `argdata_free`: releases a value made by `argdata_create_*` or
/// `argdata_from_buffer` (not the memory or elements it refers to).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_free(ad: *mut argdata_t) {
    // SAFETY: C contract: `ad` is null or came from this module's malloc.
    unsafe { free(ad.cast()) }
}
