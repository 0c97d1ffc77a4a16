//! memchr, memrchr: a vector-at-a-time search for a byte (see `scan`).

use super::scan::{find_within, rfind_within, Byte, Probe};
use super::vector::{dispatch, Bytes, Vector};
use crate::abi::{c_int, c_void, size_t};

/// The pointer `i` bytes into `s`, or null. (The search functions return
/// pointers rather than offsets so that the exported functions end in a
/// tail call.)
#[inline(always)]
fn at(s: *const u8, i: Option<usize>) -> *mut c_void {
    i.map_or(core::ptr::null_mut(), |i| s.wrapping_add(i).cast_mut().cast())
}

/// # Safety
/// `s[0..n]` readable up to the first `c`; the CPU supports `V`.
#[inline(always)]
unsafe fn first<V: Vector>(s: *const u8, c: u8, n: usize) -> *mut c_void
where
    Byte<V>: Probe<V>,
{
    // SAFETY: forwarded contract.
    at(s, unsafe { find_within(s, n, &Byte(V::splat(c))) })
}

/// # Safety
/// `s[0..n]` readable; the CPU supports `V`.
#[inline(always)]
unsafe fn last<V: Bytes>(s: *const u8, c: u8, n: usize) -> *mut c_void {
    // SAFETY: forwarded contract.
    at(s, unsafe { rfind_within(s, n, &Byte(V::splat(c))) })
}

dispatch! {
    wide
    /// memchr, for the other string functions (see `strlen::length`).
    pub(super) unsafe fn find_byte(s: *const u8, c: u8, n: usize) -> *mut c_void = first;
}

dispatch! {
    /// memrchr, for the other string functions.
    pub(super) unsafe fn rfind_byte(s: *const u8, c: u8, n: usize) -> *mut c_void = last;
}

/// C11 `memchr`: the first byte `(unsigned char)c` among `n` bytes, or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memchr(s: *const c_void, c: c_int, n: size_t) -> *mut c_void {
    // SAFETY: the C contract makes `s` readable for `n` bytes, or up to the
    // byte sought (C11 lets the object end there); the search reads no
    // further than the aligned vectors holding those bytes.
    unsafe { find_byte(s.cast(), c as u8, n) }
}

/// `memrchr` (cloudlibc, GNU): the last byte `(unsigned char)c` among `n`
/// bytes, or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memrchr(s: *const c_void, c: c_int, n: size_t) -> *mut c_void {
    // SAFETY: the C contract makes `s` readable for `n` bytes.
    unsafe { rfind_byte(s.cast(), c as u8, n) }
}
