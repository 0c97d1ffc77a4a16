//! psignal, psignal_l.

use crate::abi::{c_char, c_int, locale_t};
use crate::cptr;
use crate::header::string::strsignal;
use crate::sys;

/// POSIX `psignal`: writes "`s`: description" (or the description alone
/// when `s` is NULL or empty) and a newline to standard error, in one write.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn psignal(sig: c_int, s: *const c_char) {
    // SAFETY: strsignal returns a NUL-terminated string; `s` is NULL or a
    // C string (C contract).
    let (desc, prefix) = unsafe { (cptr::cstr(strsignal(sig)), if s.is_null() { &[][..] } else { cptr::cstr(s) }) };
    let mut line = [0u8; 512];
    let mut n = 0;
    let mut put = |b: &[u8]| {
        let k = b.len().min(line.len() - n);
        line[n..n + k].copy_from_slice(&b[..k]);
        n += k;
    };
    if !prefix.is_empty() {
        put(prefix);
        put(b": ");
    }
    put(desc);
    put(b"\n");
    let _ = sys::fd_write(cloudabi::fd(2), &line[..n]);
}

/// POSIX `psignal_l`: `psignal` (messages do not depend on the locale).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn psignal_l(sig: c_int, s: *const c_char, _l: locale_t) {
    // SAFETY: forwarded contract.
    unsafe { psignal(sig, s) }
}
