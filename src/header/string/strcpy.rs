//! strcpy, stpcpy, strncpy, stpncpy, strcat, strncat, strlcpy, strlcat:
//! each measures like strlen/strnlen and moves bytes like memcpy/memset,
//! so they run at the speed of those. They call the internal forms, not
//! the C names: LLVM rewrites calls to the C names (an unused stpcpy
//! result makes a strcpy call, `strcpy(d + strlen(d), s)` a strcat call),
//! which inside strcpy and strcat would call themselves.

use super::memcpy::copy;
use super::memset::fill;
use super::strlen::{length, length_within};
use crate::abi::{c_char, size_t};

/// Copies `n` bytes from `s` to `d` and stores a NUL after them.
///
/// # Safety
/// `s[0..n]` readable, `d[0..=n]` writable, no overlap.
#[inline(always)]
unsafe fn put(d: *mut c_char, s: *const c_char, n: usize) {
    // SAFETY: forwarded contract.
    unsafe {
        copy(d.cast(), s.cast(), n);
        *d.add(n) = 0;
    }
}

/// Copies the string `s` to `d`; returns the end of `d`.
///
/// # Safety
/// `s` is a string, `d` has room for it, no overlap.
#[inline(always)]
unsafe fn copy_string(d: *mut c_char, s: *const c_char) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe {
        let n = length(s.cast());
        copy(d.cast(), s.cast(), n + 1);
        d.add(n)
    }
}

/// Copies at most `n` bytes of `s` and pads `d` with NULs to `n` bytes;
/// returns the first padding byte, or `d + n`.
///
/// # Safety
/// `s` readable up to a NUL or `n` bytes, `d` writable for `n` bytes.
#[inline(always)]
unsafe fn copy_padded(d: *mut c_char, s: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe {
        let k = length_within(s.cast(), n);
        copy(d.cast(), s.cast(), k);
        fill(d.add(k).cast(), 0, n - k);
        d.add(k)
    }
}

/// `stpcpy` (POSIX; cloudlibc declares it only with
/// `_CLOUDLIBC_UNSAFE_STRING_FUNCTIONS`): strcpy returning the end of `d`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn stpcpy(d: *mut c_char, s: *const c_char) -> *mut c_char {
    // SAFETY: the C contract makes `s` a string and `d` large enough.
    unsafe { copy_string(d, s) }
}

/// C11 `strcpy` (cloudlibc: opt-in, see `stpcpy`): copies a string.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcpy(d: *mut c_char, s: *const c_char) -> *mut c_char {
    // SAFETY: the C contract makes `s` a string and `d` large enough.
    unsafe { copy_string(d, s) };
    d
}

/// POSIX `stpncpy`: copies at most `n` bytes of `s` and pads `d` with NULs
/// to `n` bytes; returns the first padding byte, or `d + n`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn stpncpy(d: *mut c_char, s: *const c_char, n: size_t) -> *mut c_char {
    // SAFETY: the C contract makes `s` readable up to a NUL or `n` bytes
    // and `d` writable for `n` bytes.
    unsafe { copy_padded(d, s, n) }
}

/// C11 `strncpy`: stpncpy returning `d`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strncpy(d: *mut c_char, s: *const c_char, n: size_t) -> *mut c_char {
    // SAFETY: as for stpncpy.
    unsafe { copy_padded(d, s, n) };
    d
}

/// C11 `strcat` (cloudlibc: opt-in, see `stpcpy`): appends `s` to `d`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcat(d: *mut c_char, s: *const c_char) -> *mut c_char {
    // SAFETY: the C contract makes both strings and `d` large enough.
    unsafe { copy_string(d.add(length(d.cast())), s) };
    d
}

/// C11 `strncat` (cloudlibc: opt-in, see `stpcpy`): appends at most `n`
/// bytes of `s` to `d`, then a NUL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strncat(d: *mut c_char, s: *const c_char, n: size_t) -> *mut c_char {
    // SAFETY: the C contract makes `d` a string with room for the result
    // and `s` readable up to a NUL or `n` bytes.
    unsafe { put(d.add(length(d.cast())), s, length_within(s.cast(), n)) };
    d
}

/// `strlcpy` (cloudlibc, BSD): copies as much of `s` as fits in `size`
/// bytes with a NUL; returns `strlen(s)`, so `>= size` means truncation.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strlcpy(d: *mut c_char, s: *const c_char, size: size_t) -> size_t {
    // SAFETY: the C contract makes `s` a string and `d` writable for
    // `size` bytes; at most `size - 1` bytes and a NUL are written.
    unsafe {
        let len = length(s.cast());
        if size != 0 {
            put(d, s, len.min(size - 1));
        }
        len
    }
}

/// `strlcat` (cloudlibc, BSD): appends as much of `s` to the string in the
/// `size`-byte buffer `d` as fits with a NUL; returns the length the result
/// would have had (`strnlen(d, size) + strlen(s)`), so `>= size` means
/// truncation.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strlcat(d: *mut c_char, s: *const c_char, size: size_t) -> size_t {
    // SAFETY: the C contract makes `s` a string and `d` a buffer of `size`
    // bytes; the append writes only within it, and not at all when `d`
    // holds no NUL within `size`.
    unsafe {
        let have = length_within(d.cast(), size);
        let len = length(s.cast());
        if have < size {
            put(d.add(have), s, len.min(size - have - 1));
        }
        have + len
    }
}
