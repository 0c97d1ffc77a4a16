//! strdup, strndup.

use super::memcpy::copy;
use super::strlen::{length, length_within};
use crate::abi::{c_char, size_t};
use crate::header::stdlib::malloc::malloc;

/// A new string holding the first `n` bytes at `s`.
///
/// # Safety
/// `s[0..n]` readable.
unsafe fn duplicate(s: *const c_char, n: usize) -> *mut c_char {
    let p = malloc(n + 1).cast::<c_char>();
    if !p.is_null() {
        // SAFETY: `p` has room for `n + 1` bytes; `s[0..n]` is readable.
        unsafe {
            copy(p.cast(), s.cast(), n);
            *p.add(n) = 0;
        }
    }
    p
}

/// POSIX `strdup`: a copy of `s` in memory from malloc, or null with
/// errno ENOMEM.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strdup(s: *const c_char) -> *mut c_char {
    // SAFETY: the C contract makes `s` a string.
    unsafe { duplicate(s, length(s.cast())) }
}

/// POSIX `strndup`: a copy of at most `n` bytes of `s`, NUL-terminated, or
/// null with errno ENOMEM.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strndup(s: *const c_char, n: size_t) -> *mut c_char {
    // SAFETY: the C contract makes `s` readable up to a NUL or `n` bytes.
    unsafe { duplicate(s, length_within(s.cast(), n)) }
}
