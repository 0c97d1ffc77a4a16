//! memcpy, memmove, memset, memcmp.
//!
//! These bodies must not be compiled into calls to themselves (rustc lowers
//! copy loops to `memcpy`), so the copies and fills are `rep movsb` /
//! `rep stosb`, which modern x86_64 cores run at full bandwidth.

use crate::abi::{c_int, c_void, size_t};

/// C11 `memcpy`: copies `n` bytes between non-overlapping objects.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void {
    // SAFETY: the C contract makes both ranges valid for `n` bytes.
    unsafe {
        core::arch::asm!(
            "rep movsb",
            inout("rcx") n => _, inout("rdi") dst => _, inout("rsi") src => _,
            options(nostack, preserves_flags),
        );
    }
    dst
}

/// C11 `memmove`: copies `n` bytes between possibly overlapping objects.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut c_void, src: *const c_void, n: size_t) -> *mut c_void {
    if (dst as usize).wrapping_sub(src as usize) >= n {
        // The destination does not start inside the source: forward is safe.
        // SAFETY: forwarded contract.
        return unsafe { memcpy(dst, src, n) };
    }
    // SAFETY: copying backwards from the last byte with the direction flag
    // set, restored before returning.
    unsafe {
        core::arch::asm!(
            "std",
            "rep movsb",
            "cld",
            inout("rcx") n => _,
            inout("rdi") (dst as *mut u8).add(n).wrapping_sub(1) => _,
            inout("rsi") (src as *const u8).add(n).wrapping_sub(1) => _,
            options(nostack),
        );
    }
    dst
}

/// C11 `memset`: fills `n` bytes with `c`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut c_void, c: c_int, n: size_t) -> *mut c_void {
    // SAFETY: the C contract makes the range writable for `n` bytes.
    unsafe {
        core::arch::asm!(
            "rep stosb",
            inout("rcx") n => _, inout("rdi") dst => _, in("al") c as u8,
            options(nostack, preserves_flags),
        );
    }
    dst
}

/// C11 `memcmp`: compares `n` bytes as unsigned char.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const c_void, b: *const c_void, n: size_t) -> c_int {
    let (a, b) = (a as *const u8, b as *const u8);
    let mut i = 0;
    while i < n {
        // SAFETY: both ranges are readable for `n` bytes.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return c_int::from(x) - c_int::from(y);
        }
        i += 1;
    }
    0
}

/// Alias some compilers emit for `memcmp` when only equality matters.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const c_void, b: *const c_void, n: size_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { memcmp(a, b, n) }
}
