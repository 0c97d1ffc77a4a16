//! Compat getentropy and getrandom: the kernel's random numbers, through
//! CloudABI's `random_get` (there is no /dev/urandom to open).

use crate::abi::{c_int, c_uint, c_void, size_t, ssize_t};
use crate::cptr;
use crate::errno::OrErrno;
use crate::sys;
use cloudabi::errno;

/// Compat (POSIX 2024) `getentropy`: fills up to 256 bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getentropy(buf: *mut c_void, n: size_t) -> c_int {
    if n > 256 {
        return Err(errno::IO).or_errno(-1);
    }
    // SAFETY: `buf` is writable for `n` bytes (C contract).
    let b = unsafe { cptr::slice_mut(buf.cast(), n) };
    sys::random_get(b).map(|()| 0).or_errno(-1)
}

pub const GRND_NONBLOCK: c_uint = 1;
pub const GRND_RANDOM: c_uint = 2;

/// Compat (Linux) `getrandom`: fills the buffer; both flags are accepted
/// (the source never blocks once the system has booted).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getrandom(buf: *mut c_void, n: size_t, flags: c_uint) -> ssize_t {
    if flags & !(GRND_NONBLOCK | GRND_RANDOM) != 0 {
        return Err(errno::INVAL).or_errno(-1);
    }
    // SAFETY: `buf` is writable for `n` bytes (C contract).
    let b = unsafe { cptr::slice_mut(buf.cast(), n) };
    sys::random_get(b).map(|()| n as ssize_t).or_errno(-1)
}
