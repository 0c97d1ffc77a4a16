//! getsubopt.

use crate::abi::{c_char, c_int};
use crate::cptr;

/// POSIX `getsubopt`: splits the next "name[=value]" off the comma-separated
/// list at `*optionp` (ending it with a NUL and advancing `*optionp`), and
/// returns the index of `name` in the NULL-terminated `tokens`, with
/// `*valuep` at the value or NULL. An unknown name returns -1 with
/// `*valuep` at the whole suboption, as glibc does.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getsubopt(optionp: *mut *mut c_char, tokens: *const *const c_char, valuep: *mut *mut c_char) -> c_int {
    // SAFETY: the C contract: *optionp is a writable string.
    let start = unsafe { *optionp };
    // SAFETY: as above.
    let text = unsafe { cptr::cstr(start) };
    let total = text.len();
    let len = text.iter().position(|&c| c == b',').unwrap_or(total);
    let name_len = text[..len].iter().position(|&c| c == b'=').unwrap_or(len);
    let name = &text[..name_len];
    let mut found = -1;
    let mut i = 0;
    // SAFETY: the C contract: tokens is a NULL-terminated array of strings.
    while let Some(token) = unsafe { (*tokens.add(i)).as_ref() } {
        // SAFETY: as above.
        if unsafe { cptr::cstr(token) } == name {
            found = i as c_int;
            break;
        }
        i += 1;
    }
    // SAFETY: every offset is within the string; optionp and valuep are
    // writable per the C contract.
    unsafe {
        *valuep = match (found, name_len < len) {
            (-1, _) => start,
            (_, true) => start.add(name_len + 1),
            (_, false) => core::ptr::null_mut(),
        };
        *optionp = if len < total {
            *start.add(len) = 0;
            start.add(len + 1)
        } else {
            start.add(len)
        };
    }
    found
}
