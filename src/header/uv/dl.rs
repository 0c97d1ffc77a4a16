//! Dynamic libraries (compat): uv_dlopen, uv_dlclose, uv_dlsym,
//! uv_dlerror. Programs here are static and no code can be loaded, so
//! opening and looking up fail the libuv way: -1, with the reason from
//! uv_dlerror.

use super::alloc;
use crate::abi::{c_char, c_int, c_void};

/// libuv `uv_lib_t`.
#[repr(C)]
pub struct uv_lib_t {
    pub handle: *mut c_void,
    pub errmsg: *mut c_char,
}

const UNSUPPORTED: &[u8] = b"dynamic loading is not supported";

/// Records why `lib` cannot be used.
///
/// # Safety
/// `lib` is writable; its `errmsg` is null or from the uv allocator.
unsafe fn fail(lib: *mut uv_lib_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        alloc::release((*lib).errmsg);
        (*lib).errmsg = alloc::copy_str(UNSUPPORTED);
    }
    -1
}

/// libuv `uv_dlopen` (compat): -1 always.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_dlopen(_filename: *const c_char, lib: *mut uv_lib_t) -> c_int {
    // SAFETY: `lib` is writable (libuv contract); it starts out unset.
    unsafe {
        (*lib).handle = core::ptr::null_mut();
        (*lib).errmsg = core::ptr::null_mut();
        fail(lib)
    }
}

/// libuv `uv_dlclose` (compat): frees the error message.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_dlclose(lib: *mut uv_lib_t) {
    // SAFETY: `lib` was set up by uv_dlopen (libuv contract).
    unsafe {
        alloc::release((*lib).errmsg);
        (*lib).errmsg = core::ptr::null_mut();
        (*lib).handle = core::ptr::null_mut();
    }
}

/// libuv `uv_dlsym` (compat): -1 always, with `*ptr` null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_dlsym(lib: *mut uv_lib_t, _name: *const c_char, ptr: *mut *mut c_void) -> c_int {
    // SAFETY: both are writable (libuv contract).
    unsafe {
        *ptr = core::ptr::null_mut();
        fail(lib)
    }
}

/// libuv `uv_dlerror` (compat): the last failure's message.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_dlerror(lib: *const uv_lib_t) -> *const c_char {
    // SAFETY: `lib` was set up by uv_dlopen (libuv contract).
    let m = unsafe { (*lib).errmsg };
    if m.is_null() {
        b"no error\0".as_ptr().cast()
    } else {
        m
    }
}
