//! strchr, strchrnul, strrchr.

use super::memchr::rfind_byte;
use super::scan::{find, ByteOrNul, Probe};
use super::strlen::length;
use super::vector::{dispatch, Vector};
use crate::abi::{c_char, c_int};

/// The first byte of `s` that is `c` or its terminator.
///
/// # Safety
/// `s` is a string; the CPU supports `V`.
#[inline(always)]
unsafe fn char_or_nul<V: Vector>(s: *const u8, c: u8) -> *mut c_char
where
    ByteOrNul<V>: Probe<V>,
{
    // SAFETY: forwarded contract; the hit lies within the string.
    unsafe { s.add(find(s, &ByteOrNul(V::splat(c)))).cast_mut().cast() }
}

/// The first byte of `s` that is `c` (the terminator counts), or null.
///
/// # Safety
/// As for [`char_or_nul`].
#[inline(always)]
unsafe fn char_only<V: Vector>(s: *const u8, c: u8) -> *mut c_char
where
    ByteOrNul<V>: Probe<V>,
{
    // SAFETY: forwarded contract; the hit is a byte of the string.
    unsafe {
        let p = char_or_nul::<V>(s, c);
        if *p as u8 == c {
            p
        } else {
            core::ptr::null_mut()
        }
    }
}

dispatch! {
    wide
    /// strchrnul, for the other string functions (see `strlen::length`).
    pub(super) unsafe fn find_char_or_nul(s: *const u8, c: u8) -> *mut c_char = char_or_nul;
}

dispatch! {
    wide
    /// strchr, for the other string functions.
    pub(super) unsafe fn find_char(s: *const u8, c: u8) -> *mut c_char = char_only;
}

/// C11 `strchr`: the first `(char)c` in `s` (the terminator counts), or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strchr(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: the C contract makes `s` a string.
    unsafe { find_char(s.cast(), c as u8) }
}

/// GNU `strchrnul` (compat): the first `(char)c` in `s`, or its terminator.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strchrnul(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: the C contract makes `s` a string.
    unsafe { find_char_or_nul(s.cast(), c as u8) }
}

/// C11 `strrchr`: the last `(char)c` in `s` (the terminator counts), or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strrchr(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: the C contract makes `s` a string, readable up to and
    // including its terminator.
    unsafe { rfind_byte(s.cast(), c as u8, length(s.cast()) + 1).cast() }
}
