//! `<assert.h>`: `__assertion_failed`, which the `assert` macro calls.

use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::sys;

/// cloudlibc `__assertion_failed`: writes "file:line: assertion failed in
/// function(): expression" to standard error and aborts.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn __assertion_failed(func: *const c_char, file: *const c_char, line: c_int, expr: *const c_char) -> ! {
    let mut digits = [0u8; 11];
    let mut i = digits.len();
    let mut n = line.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // SAFETY: the macro passes string literals and __func__.
    let (func, file, expr) = unsafe { (cptr::cstr(func), cptr::cstr(file), cptr::cstr(expr)) };
    let parts: [&[u8]; 8] = [file, b":", &digits[i..], b": assertion failed in ", func, b"(): ", expr, b"\n"];
    let iovs = parts.map(|p| cloudabi::ciovec { buf: (p.as_ptr().cast(), p.len()) });
    // One write, so the line is not interleaved with other output; nothing
    // useful can be done if standard error is gone.
    let _ = sys::fd_writev(cloudabi::fd(2), &iovs);
    crate::start::fatal::abort()
}
