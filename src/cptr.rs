//! The one place C pointers become Rust slices. C allows a null pointer with
//! a zero length; Rust slices do not, so every conversion goes through here.

use crate::abi::c_char;

/// `n` bytes at `p` (null allowed when `n` is 0).
///
/// # Safety
/// `p` must be readable for `n` bytes for the lifetime `'a`.
#[inline]
pub unsafe fn slice<'a>(p: *const u8, n: usize) -> &'a [u8] {
    if n == 0 {
        &[]
    } else {
        // SAFETY: forwarded contract.
        unsafe { core::slice::from_raw_parts(p, n) }
    }
}

/// `n` writable bytes at `p` (null allowed when `n` is 0).
///
/// # Safety
/// `p` must be writable for `n` bytes for `'a`, with no other live reference.
#[inline]
pub unsafe fn slice_mut<'a>(p: *mut u8, n: usize) -> &'a mut [u8] {
    if n == 0 {
        &mut []
    } else {
        // SAFETY: forwarded contract.
        unsafe { core::slice::from_raw_parts_mut(p, n) }
    }
}

/// The bytes of a NUL-terminated string, without the NUL.
///
/// # Safety
/// `s` must point at a NUL-terminated string alive for `'a`.
#[inline]
pub unsafe fn cstr<'a>(s: *const c_char) -> &'a [u8] {
    // SAFETY: forwarded contract; strlen reads up to the NUL only.
    unsafe { core::slice::from_raw_parts(s.cast::<u8>(), crate::header::string::strlen(s)) }
}
