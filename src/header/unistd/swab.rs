//! swab.

use crate::abi::{c_void, ssize_t};

/// POSIX `swab`: copies `n` bytes swapping adjacent pairs (an odd last
/// byte is dropped, a negative count copies nothing).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn swab(src: *const c_void, dst: *mut c_void, n: ssize_t) {
    let (s, d) = (src as *const u8, dst as *mut u8);
    let mut i = 0;
    while i + 1 < n.max(0) as usize {
        // SAFETY: both buffers hold `n` bytes (C contract).
        unsafe {
            let (a, b) = (*s.add(i), *s.add(i + 1));
            *d.add(i) = b;
            *d.add(i + 1) = a;
        }
        i += 2;
    }
}
