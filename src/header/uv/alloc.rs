//! uv_replace_allocator (compat), and the allocation helpers every uv
//! module uses, so that a replaced allocator sees all of uv's memory.

use super::errors::UV_EINVAL;
use crate::abi::{c_char, c_int, c_void, size_t};
use crate::header::stdlib::malloc::{calloc, free, malloc, realloc};
use crate::sync::SpinLock;

pub type uv_malloc_func = Option<unsafe extern "C" fn(size_t) -> *mut c_void>;
pub type uv_realloc_func = Option<unsafe extern "C" fn(*mut c_void, size_t) -> *mut c_void>;
pub type uv_calloc_func = Option<unsafe extern "C" fn(size_t, size_t) -> *mut c_void>;
pub type uv_free_func = Option<unsafe extern "C" fn(*mut c_void)>;

#[derive(Copy, Clone)]
struct Allocator {
    malloc: unsafe extern "C" fn(size_t) -> *mut c_void,
    realloc: unsafe extern "C" fn(*mut c_void, size_t) -> *mut c_void,
    calloc: unsafe extern "C" fn(size_t, size_t) -> *mut c_void,
    free: unsafe extern "C" fn(*mut c_void),
}

static ALLOCATOR: SpinLock<Allocator> = SpinLock::new(Allocator { malloc, realloc, calloc, free });

fn current() -> Allocator {
    *ALLOCATOR.lock()
}

/// libuv `uv_replace_allocator`: uv allocates through these from now on.
/// Memory must not be handed between the old and the new allocator, so
/// call it before using uv.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_replace_allocator(
    m: uv_malloc_func,
    r: uv_realloc_func,
    c: uv_calloc_func,
    f: uv_free_func,
) -> c_int {
    match (m, r, c, f) {
        (Some(malloc), Some(realloc), Some(calloc), Some(free)) => {
            *ALLOCATOR.lock() = Allocator { malloc, realloc, calloc, free };
            0
        }
        _ => UV_EINVAL,
    }
}

/// Allocates `n` bytes (null on failure).
pub fn alloc(n: usize) -> *mut u8 {
    // SAFETY: calling the installed allocator as documented.
    unsafe { (current().malloc)(n).cast() }
}

/// Allocates `n` zeroed elements of `size` bytes.
pub fn alloc_zeroed(n: usize, size: usize) -> *mut u8 {
    // SAFETY: calling the installed allocator as documented.
    unsafe { (current().calloc)(n, size).cast() }
}

/// Resizes an allocation made here (null on failure, old block kept).
///
/// # Safety
/// `p` is null or came from these helpers and is not used after success.
pub unsafe fn resize(p: *mut u8, n: usize) -> *mut u8 {
    // SAFETY: the caller's contract.
    unsafe { (current().realloc)(p.cast(), n).cast() }
}

/// Frees memory from these helpers; null is allowed.
///
/// # Safety
/// `p` is null or came from these helpers and is not used afterwards.
pub unsafe fn release<T>(p: *mut T) {
    if !p.is_null() {
        // SAFETY: the caller's contract.
        unsafe { (current().free)(p.cast()) }
    }
}

/// A NUL-terminated copy of `s` (null when out of memory).
pub fn copy_str(s: &[u8]) -> *mut c_char {
    let p = alloc(s.len() + 1);
    if !p.is_null() {
        // SAFETY: `p` has room for the bytes and the NUL.
        unsafe {
            core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
            *p.add(s.len()) = 0;
        }
    }
    p.cast()
}

/// A copy of a C string (null stays null); `UV_ENOMEM` when out of memory.
///
/// # Safety
/// `s` is null or a C string.
pub unsafe fn copy_cstr(s: *const c_char) -> Result<*mut c_char, c_int> {
    if s.is_null() {
        return Ok(core::ptr::null_mut());
    }
    // SAFETY: the caller's contract.
    let p = copy_str(unsafe { crate::cptr::cstr(s) });
    if p.is_null() {
        Err(super::errors::UV_ENOMEM)
    } else {
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_four_functions_are_required() {
        assert_eq!(uv_replace_allocator(None, None, None, None), UV_EINVAL);
    }

    #[test]
    fn copies_are_terminated() {
        let p = copy_str(b"abc");
        // SAFETY: `p` holds 4 bytes from `copy_str`.
        unsafe {
            assert_eq!(core::slice::from_raw_parts(p.cast::<u8>(), 4), b"abc\0");
            release(p);
        }
    }
}
