//! bsearch.

use crate::abi::{c_int, c_void, size_t};

/// C11 `bsearch`: finds an element equal to `key` in a sorted array, or
/// returns NULL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn bsearch(
    key: *const c_void,
    base: *const c_void,
    n: size_t,
    size: size_t,
    cmp: unsafe extern "C" fn(*const c_void, *const c_void) -> c_int,
) -> *mut c_void {
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // SAFETY: mid < n, and base holds n elements of size bytes.
        let elem = unsafe { base.cast::<u8>().add(mid * size) };
        // SAFETY: the C contract: cmp accepts the key and any element.
        let c = unsafe { cmp(key, elem.cast()) };
        if c < 0 {
            hi = mid;
        } else if c > 0 {
            lo = mid + 1;
        } else {
            return elem.cast_mut().cast();
        }
    }
    core::ptr::null_mut()
}
