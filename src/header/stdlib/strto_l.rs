//! The `_l` forms of the number parsers (cloudlibc): every locale here has
//! the C locale's numeric conventions, so they are the plain parsers.

use crate::abi::{c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong, c_void};
use crate::header::inttypes::{strtoimax, strtoumax};
use crate::header::stdlib::strtod::{strtod, strtof};
use crate::header::stdlib::strtol::{strtol, strtoll, strtoul, strtoull};

/// cloudlibc `strtod_l`: `strtod`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtod_l(s: *const c_char, end: *mut *mut c_char, _l: *mut c_void) -> f64 {
    // SAFETY: forwarded contract.
    unsafe { strtod(s, end) }
}

/// cloudlibc `strtof_l`: `strtof`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtof_l(s: *const c_char, end: *mut *mut c_char, _l: *mut c_void) -> f32 {
    // SAFETY: forwarded contract.
    unsafe { strtof(s, end) }
}

/// cloudlibc `strtol_l`: `strtol`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtol_l(s: *const c_char, end: *mut *mut c_char, base: c_int, _l: *mut c_void) -> c_long {
    // SAFETY: forwarded contract.
    unsafe { strtol(s, end, base) }
}

/// cloudlibc `strtoll_l`: `strtoll`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoll_l(s: *const c_char, end: *mut *mut c_char, base: c_int, _l: *mut c_void) -> c_longlong {
    // SAFETY: forwarded contract.
    unsafe { strtoll(s, end, base) }
}

/// cloudlibc `strtoul_l`: `strtoul`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoul_l(s: *const c_char, end: *mut *mut c_char, base: c_int, _l: *mut c_void) -> c_ulong {
    // SAFETY: forwarded contract.
    unsafe { strtoul(s, end, base) }
}

/// cloudlibc `strtoull_l`: `strtoull`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoull_l(s: *const c_char, end: *mut *mut c_char, base: c_int, _l: *mut c_void) -> c_ulonglong {
    // SAFETY: forwarded contract.
    unsafe { strtoull(s, end, base) }
}

/// cloudlibc `strtoimax_l`: `strtoimax`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoimax_l(s: *const c_char, end: *mut *mut c_char, base: c_int, _l: *mut c_void) -> i64 {
    // SAFETY: forwarded contract.
    unsafe { strtoimax(s, end, base) }
}

/// cloudlibc `strtoumax_l`: `strtoumax`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoumax_l(s: *const c_char, end: *mut *mut c_char, base: c_int, _l: *mut c_void) -> u64 {
    // SAFETY: forwarded contract.
    unsafe { strtoumax(s, end, base) }
}

// cloudlibc `strtold_l`: `strtold`. The locale is the third argument, which
// `strtold` ignores, and the result comes back in st(0), so a jump suffices.
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl strtold_l",
    ".type strtold_l, @function",
    "strtold_l:",
    "jmp strtold",
    ".size strtold_l, . - strtold_l",
);
