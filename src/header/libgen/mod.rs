//! `<libgen.h>`: basename and dirname, working in place on the caller's
//! string as POSIX allows. A path of slashes only is "/" for both (also
//! "//", which POSIX lets an implementation keep), as in cloudlibc.

use crate::abi::c_char;
use crate::cptr;

/// What both return for a null or empty path (callers must not write to it).
static mut DOT: [c_char; 2] = [b'.' as c_char, 0];

fn dot() -> *mut c_char {
    core::ptr::addr_of_mut!(DOT).cast()
}

/// The path's bytes, writable, or None for null or "".
///
/// # Safety
/// `path` is null or a writable string.
unsafe fn bytes<'a>(path: *mut c_char) -> Option<&'a mut [u8]> {
    if path.is_null() {
        return None;
    }
    // SAFETY: forwarded contract.
    let len = unsafe { cptr::cstr(path) }.len();
    // SAFETY: the string's bytes are the caller's, writable.
    (len > 0).then(|| unsafe { cptr::slice_mut(path.cast(), len) })
}

/// The length of `p` without trailing slashes, keeping at least one byte.
fn trim(p: &[u8], mut len: usize) -> usize {
    while len > 1 && p[len - 1] == b'/' {
        len -= 1;
    }
    len
}

/// POSIX `basename`: the last component of `path`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn basename(path: *mut c_char) -> *mut c_char {
    // SAFETY: the C contract: path is null or a writable string.
    let Some(p) = (unsafe { bytes(path) }) else { return dot() };
    let end = trim(p, p.len());
    let start = if end == 1 { 0 } else { p[..end].iter().rposition(|&c| c == b'/').map_or(0, |i| i + 1) };
    if end < p.len() {
        p[end] = 0;
    }
    // SAFETY: start is within the string.
    unsafe { path.add(start) }
}

/// POSIX `dirname`: `path` without its last component.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn dirname(path: *mut c_char) -> *mut c_char {
    // SAFETY: the C contract: path is null or a writable string.
    let Some(p) = (unsafe { bytes(path) }) else { return dot() };
    let end = trim(p, p.len());
    let Some(slash) = p[..end].iter().rposition(|&c| c == b'/') else { return dot() };
    // What precedes the last component, without its slashes; "/" if
    // nothing else does.
    let mut len = slash;
    while len > 0 && p[len - 1] == b'/' {
        len -= 1;
    }
    let len = len.max(1);
    if len < p.len() {
        p[len] = 0;
    }
    path
}
