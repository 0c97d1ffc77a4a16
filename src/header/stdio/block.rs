//! fread, fwrite and their `_unlocked` forms.

use super::file::{with_locked, Stream, FILE};
use super::status::unlocked;
use crate::abi::{c_void, size_t};

/// # Safety
/// `p` holds `size * n` writable bytes.
unsafe fn read_in(s: &mut Stream, p: *mut c_void, size: usize, n: usize) -> usize {
    let Some(total) = size.checked_mul(n).filter(|&t| t > 0) else { return 0 };
    // SAFETY: forwarded contract.
    let dst = unsafe { core::slice::from_raw_parts_mut(p.cast::<u8>(), total) };
    s.read(dst) / size
}

/// # Safety
/// `p` holds `size * n` readable bytes.
unsafe fn write_in(s: &mut Stream, p: *const c_void, size: usize, n: usize) -> usize {
    let Some(total) = size.checked_mul(n).filter(|&t| t > 0) else { return 0 };
    if !s.begin_write() {
        return 0;
    }
    // SAFETY: forwarded contract.
    let src = unsafe { core::slice::from_raw_parts(p.cast::<u8>(), total) };
    s.write(src) / size
}

/// C11 `fread`: reads up to `n` items of `size` bytes; returns the number
/// of whole items read.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fread(p: *mut c_void, size: size_t, n: size_t, f: *mut FILE) -> size_t {
    // SAFETY: C passes a live stream and a buffer of size * n bytes.
    unsafe { with_locked(f, |s| read_in(s, p, size, n)) }
}

/// glibc `fread_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fread_unlocked(p: *mut c_void, size: size_t, n: size_t, f: *mut FILE) -> size_t {
    // SAFETY: C passes a live stream it has locked and a buffer of size * n bytes.
    unsafe { unlocked(f, |s| read_in(s, p, size, n)) }
}

/// C11 `fwrite`: writes `n` items of `size` bytes; returns the number of
/// whole items written.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fwrite(p: *const c_void, size: size_t, n: size_t, f: *mut FILE) -> size_t {
    // SAFETY: C passes a live stream and size * n readable bytes.
    unsafe { with_locked(f, |s| write_in(s, p, size, n)) }
}

/// glibc `fwrite_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fwrite_unlocked(p: *const c_void, size: size_t, n: size_t, f: *mut FILE) -> size_t {
    // SAFETY: C passes a live stream it has locked and size * n readable bytes.
    unsafe { unlocked(f, |s| write_in(s, p, size, n)) }
}
