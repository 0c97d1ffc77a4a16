//! ffs, ffsl, ffsll: the position of the lowest set bit.

use crate::abi::{c_int, c_long, c_longlong};

/// 1 + the index of the lowest set bit of `x`, or 0 when `x` is 0.
#[inline(always)]
fn first_set(x: u64) -> c_int {
    if x == 0 {
        0
    } else {
        x.trailing_zeros() as c_int + 1
    }
}

/// POSIX `ffs`: the 1-based position of the lowest set bit, or 0.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ffs(i: c_int) -> c_int {
    first_set(u64::from(i as u32))
}

/// `ffsl` (cloudlibc, POSIX 2024): ffs for long.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ffsl(i: c_long) -> c_int {
    first_set(i as u64)
}

/// `ffsll` (cloudlibc, POSIX 2024): ffs for long long.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ffsll(i: c_longlong) -> c_int {
    first_set(i as u64)
}
