//! lfind, lsearch: linear search of an array.

use super::Compare;
use crate::abi::{c_void, size_t};
use crate::header::string::memcpy;

/// POSIX `lfind`: the first of `*nelp` elements equal to `key`, or NULL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn lfind(key: *const c_void, base: *const c_void, nelp: *mut size_t, width: size_t, cmp: Compare) -> *mut c_void {
    // SAFETY: the C contract: nelp is readable and base holds *nelp
    // elements of width bytes, which cmp accepts.
    unsafe {
        for i in 0..*nelp {
            let elem = base.cast::<u8>().add(i * width).cast::<c_void>();
            if cmp(key, elem) == 0 {
                return elem.cast_mut();
            }
        }
    }
    core::ptr::null_mut()
}

/// POSIX `lsearch`: like lfind, but appends `key` (and counts it in
/// `*nelp`) when it is not found.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn lsearch(key: *const c_void, base: *mut c_void, nelp: *mut size_t, width: size_t, cmp: Compare) -> *mut c_void {
    // SAFETY: forwarded contract.
    let found = unsafe { lfind(key, base, nelp, width, cmp) };
    if !found.is_null() {
        return found;
    }
    // SAFETY: the C contract: the array has room for one more element.
    unsafe {
        let slot = base.cast::<u8>().add(*nelp * width).cast::<c_void>();
        memcpy(slot, key, width);
        *nelp += 1;
        slot
    }
}
