//! regerror: the message for a REG_* code.

use super::{regex_t, REG_NOMATCH};
use crate::abi::{c_char, c_int, size_t};
use crate::cptr;
use crate::header::locale::locale_t;

fn message(code: c_int) -> &'static [u8] {
    match code {
        0 => b"Success",
        1 => b"Invalid contents of {}",
        2 => b"Invalid regular expression",
        3 => b"Repetition operator without operand",
        4 => b"Unmatched { or \\{",
        5 => b"Unmatched [ or [^",
        6 => b"Invalid collating element",
        7 => b"Unknown character class name",
        8 => b"Trailing backslash",
        9 => b"Unmatched ( or \\(",
        10 => b"Invalid range end",
        11 => b"Out of memory",
        12 => b"Back reference to a missing group",
        REG_NOMATCH => b"No match",
        _ => b"Unknown error",
    }
}

/// POSIX `regerror`: writes the message for `errcode` into `errbuf`
/// (truncated to `errbuf_size` with its NUL) and returns the size the
/// whole message needs.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regerror(errcode: c_int, _preg: *const regex_t, errbuf: *mut c_char, errbuf_size: size_t) -> size_t {
    let msg = message(errcode);
    if errbuf_size > 0 {
        // SAFETY: the C contract: errbuf has errbuf_size writable bytes.
        let out = unsafe { cptr::slice_mut(errbuf.cast(), errbuf_size) };
        let n = msg.len().min(errbuf_size - 1);
        out[..n].copy_from_slice(&msg[..n]);
        out[n] = 0;
    }
    msg.len() + 1
}

/// cloudlibc `regerror_l`: regerror (messages are the C locale's).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regerror_l(errcode: c_int, preg: *const regex_t, errbuf: *mut c_char, errbuf_size: size_t, _locale: locale_t) -> size_t {
    // SAFETY: forwarded contract.
    unsafe { regerror(errcode, preg, errbuf, errbuf_size) }
}
