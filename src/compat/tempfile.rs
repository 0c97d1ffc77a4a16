//! Compat mkstemp, mkostemp, mkstemps, mkostemps, mkdtemp: unique names
//! beneath the grants, made by replacing the template's trailing "XXXXXX"
//! with random characters and creating exclusively (O_EXCL / mkdir), retried
//! on collision.

use crate::abi::{c_char, c_int};
use crate::compat::path::AT_FDCWD;
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::fcntl::{open_at_mode, O_APPEND, O_CREAT, O_DSYNC, O_EXCL, O_RDWR, O_SYNC};
use crate::sys;
use cloudabi::errno;

const ATTEMPTS: usize = 100;
const CHARS: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Finds the six X's before a suffix of `suffix_len` bytes.
fn x_range(t: &[u8], suffix_len: usize) -> Result<core::ops::Range<usize>, Errno> {
    let end = t.len().checked_sub(suffix_len).ok_or(errno::INVAL)?;
    let start = end.checked_sub(6).ok_or(errno::INVAL)?;
    if t[start..end].iter().all(|&c| c == b'X') {
        Ok(start..end)
    } else {
        Err(errno::INVAL)
    }
}

/// Tries random names until `create` succeeds or fails with other than EEXIST.
pub fn make_unique<T>(t: &mut [u8], suffix_len: usize, create: impl Fn(&[u8]) -> Result<T, Errno>) -> Result<T, Errno> {
    let r = x_range(t, suffix_len)?;
    for _ in 0..ATTEMPTS {
        let mut rnd = [0u8; 6];
        sys::random_get(&mut rnd)?;
        for (slot, b) in t[r.clone()].iter_mut().zip(rnd) {
            *slot = CHARS[b as usize % CHARS.len()];
        }
        match create(t) {
            Err(errno::EXIST) => continue,
            other => return other,
        }
    }
    Err(errno::EXIST)
}

fn mkostemps_impl(t: *mut c_char, suffix_len: c_int, flags: c_int) -> Result<c_int, Errno> {
    if flags & !(O_APPEND | O_DSYNC | O_SYNC) != 0 || suffix_len < 0 {
        return Err(errno::INVAL);
    }
    // SAFETY: the template is a writable C string (C contract).
    let len = unsafe { cptr::cstr(t) }.len();
    // SAFETY: as above; the slice covers the string without its NUL.
    let buf = unsafe { core::slice::from_raw_parts_mut(t.cast::<u8>(), len) };
    make_unique(buf, suffix_len as usize, |name| open_at_mode(AT_FDCWD, name, O_RDWR | O_CREAT | O_EXCL | flags, Some(0o600)))
        .map(|f| f.0 as c_int)
}

/// Compat `mkstemp`: creates and opens a new file from a template.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mkstemp(t: *mut c_char) -> c_int {
    mkostemps_impl(t, 0, 0).or_errno(-1)
}

/// Compat `mkostemp`: `mkstemp` with extra open flags.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mkostemp(t: *mut c_char, flags: c_int) -> c_int {
    mkostemps_impl(t, 0, flags).or_errno(-1)
}

/// Compat `mkstemps`: `mkstemp` with a suffix after the X's.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mkstemps(t: *mut c_char, suffix_len: c_int) -> c_int {
    mkostemps_impl(t, suffix_len, 0).or_errno(-1)
}

/// Compat `mkostemps`: both of the above.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mkostemps(t: *mut c_char, suffix_len: c_int, flags: c_int) -> c_int {
    mkostemps_impl(t, suffix_len, flags).or_errno(-1)
}

/// Compat `mkdtemp`: creates a new directory from a template.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mkdtemp(t: *mut c_char) -> *mut c_char {
    // SAFETY: the template is a writable C string (C contract).
    let len = unsafe { cptr::cstr(t) }.len();
    // SAFETY: as above.
    let buf = unsafe { core::slice::from_raw_parts_mut(t.cast::<u8>(), len) };
    make_unique(buf, 0, |name| crate::header::sys_stat::mkdir_at(AT_FDCWD, name))
    .map(|()| t)
    .or_errno(core::ptr::null_mut())
}
