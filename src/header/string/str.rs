//! strlen.

use crate::abi::{c_char, size_t};

/// C11 `strlen`: the length of a NUL-terminated string.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strlen(s: *const c_char) -> size_t {
    let mut n = 0;
    // SAFETY: `s` is NUL-terminated; volatile-free reads up to the NUL.
    // The loop counts in a way LLVM does not turn back into `strlen`.
    unsafe {
        while core::ptr::read_volatile(s.add(n)) != 0 {
            n += 1;
        }
    }
    n
}
