//! bcmp, bcopy, bzero, index, rindex (compat): the 4.2BSD names that
//! POSIX withdrew in 2008, as aliases of their standard forms. Compilers
//! also emit calls to bcmp for memory equality tests.

use crate::abi::{c_char, c_int, c_void, size_t};
use crate::header::string::{memcmp, memmove, memset, strchr, strrchr};

/// `bcmp` (compat): zero if `n` bytes are equal.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const c_void, b: *const c_void, n: size_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { memcmp(a, b, n) }
}

/// `bcopy` (compat): memmove with the source first.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn bcopy(src: *const c_void, dst: *mut c_void, n: size_t) {
    // SAFETY: forwarded contract.
    unsafe { memmove(dst, src, n) };
}

/// `bzero` (compat): zeroes `n` bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn bzero(dst: *mut c_void, n: size_t) {
    // SAFETY: forwarded contract.
    unsafe { memset(dst, 0, n) };
}

/// `index` (compat): strchr.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn index(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe { strchr(s, c) }
}

/// `rindex` (compat): strrchr.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn rindex(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe { strrchr(s, c) }
}
