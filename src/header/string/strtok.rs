//! strtok, strtok_r, strsep: splitting a string in place at delimiters.

use super::strspn::{complement_span, span};
use crate::abi::c_char;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicPtr, Ordering};

/// POSIX `strtok_r`: the next token of `s` (or, when `s` is null, of the
/// string `*save` continues), skipping leading delimiters; the delimiter
/// after it becomes a NUL and `*save` points past it.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtok_r(s: *mut c_char, delim: *const c_char, save: *mut *mut c_char) -> *mut c_char {
    // SAFETY: the C contract makes `delim` a string, `save` valid, and `s`
    // (or `*save`) a writable string; the offsets stay within it.
    unsafe {
        let s = if s.is_null() { *save } else { s };
        let start = s.add(span(s, delim));
        if *start == 0 {
            *save = start;
            return null_mut();
        }
        let end = start.add(complement_span(start, delim));
        if *end == 0 {
            *save = end;
        } else {
            *end = 0;
            *save = end.add(1);
        }
        start
    }
}

/// Where the string strtok is splitting continues. Shared by all threads:
/// strtok is not thread-safe (POSIX allows that; strtok_r is).
static STRTOK_NEXT: AtomicPtr<c_char> = AtomicPtr::new(null_mut());

/// C11 `strtok` (compat; cloudlibc has only strtok_r): strtok_r with a
/// hidden, process-wide `save` pointer.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtok(s: *mut c_char, delim: *const c_char) -> *mut c_char {
    let mut save = STRTOK_NEXT.load(Ordering::Relaxed);
    // SAFETY: forwarded contract; `save` is a local.
    let token = unsafe { strtok_r(s, delim, &mut save) };
    STRTOK_NEXT.store(save, Ordering::Relaxed);
    token
}

/// `strsep` (cloudlibc, BSD): the token at `*sp` up to the first delimiter
/// (empty tokens included), which becomes a NUL; `*sp` moves past it, or
/// becomes null after the last token. Returns null once `*sp` is null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strsep(sp: *mut *mut c_char, delim: *const c_char) -> *mut c_char {
    // SAFETY: the C contract makes `sp` valid, `*sp` null or a writable
    // string, and `delim` a string.
    unsafe {
        let s = *sp;
        if s.is_null() {
            return null_mut();
        }
        let end = s.add(complement_span(s, delim));
        if *end == 0 {
            *sp = null_mut();
        } else {
            *end = 0;
            *sp = end.add(1);
        }
        s
    }
}
