//! strlen, strnlen: a vector-at-a-time search for the terminator (see
//! `scan`).

use super::scan::{find, find_within, Nul, Probe};
use super::vector::{dispatch, Vector};
use crate::abi::{c_char, size_t};

/// # Safety
/// `s` is a string; the CPU supports `V`.
#[inline(always)]
unsafe fn measure<V: Vector>(s: *const u8) -> usize
where
    Nul: Probe<V>,
{
    // SAFETY: forwarded contract.
    unsafe { find::<V, _>(s, &Nul) }
}

/// # Safety
/// `s[0..n]` readable up to the first NUL; the CPU supports `V`.
#[inline(always)]
unsafe fn measure_within<V: Vector>(s: *const u8, n: usize) -> usize
where
    Nul: Probe<V>,
{
    // SAFETY: forwarded contract.
    unsafe { find_within::<V, _>(s, n, &Nul) }.unwrap_or(n)
}

dispatch! {
    wide
    /// strlen, for the other string functions: they must not call the C
    /// names, which LLVM knows and may rewrite (calling strlen then
    /// memcpy in strcpy became a call to strcpy itself).
    pub(super) unsafe fn length(s: *const u8) -> usize = measure;
}

dispatch! {
    wide
    /// strnlen, for the other string functions (see `length`).
    pub(super) unsafe fn length_within(s: *const u8, n: usize) -> usize = measure_within;
}

/// C11 `strlen`: the length of a NUL-terminated string.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strlen(s: *const c_char) -> size_t {
    // SAFETY: the C contract makes `s` a string.
    unsafe { length(s.cast()) }
}

/// POSIX `strnlen`: the length of a string, looking at most at `n` bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strnlen(s: *const c_char, n: size_t) -> size_t {
    // SAFETY: the C contract makes `s` readable up to a NUL or `n` bytes;
    // the search does not leave the aligned vectors holding those bytes.
    unsafe { length_within(s.cast(), n) }
}
