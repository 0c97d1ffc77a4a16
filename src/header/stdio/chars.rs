//! Single bytes: fgetc, getc, getchar, fputc, putc, putchar, ungetc, and
//! the `_unlocked` forms.

use super::file::{with_locked, FILE};
use super::status::unlocked;
use super::EOF;
use crate::abi::c_int;

fn stdin_file() -> *mut FILE {
    // SAFETY: `stdin` is only reassigned by the program itself.
    unsafe { super::file::stdin }
}

fn stdout_file() -> *mut FILE {
    // SAFETY: as above.
    unsafe { super::file::stdout }
}

/// C11 `fgetc`: reads one byte as unsigned char, or EOF.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fgetc(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream.
    unsafe { with_locked(f, |s| s.getc()) }
}

/// C11 `getc`: `fgetc`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getc(f: *mut FILE) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { fgetc(f) }
}

/// POSIX `getc_unlocked`: `getc` for a stream the caller has locked.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getc_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream it has locked.
    unsafe { unlocked(f, |s| s.getc()) }
}

/// glibc `fgetc_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fgetc_unlocked(f: *mut FILE) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { getc_unlocked(f) }
}

/// Compat (C11) `getchar`: `getc(stdin)`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getchar() -> c_int {
    // SAFETY: stdin is a live stream.
    unsafe { fgetc(stdin_file()) }
}

/// Compat (POSIX) `getchar_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getchar_unlocked() -> c_int {
    // SAFETY: stdin is a live stream.
    unsafe { getc_unlocked(stdin_file()) }
}

/// C11 `fputc`: writes `c` as unsigned char; returns it, or EOF.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fputc(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream.
    unsafe { with_locked(f, |s| s.putc(c as u8)) }
}

/// C11 `putc`: `fputc`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn putc(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { fputc(c, f) }
}

/// POSIX `putc_unlocked`: `putc` for a stream the caller has locked.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn putc_unlocked(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream it has locked.
    unsafe { unlocked(f, |s| s.putc(c as u8)) }
}

/// glibc `fputc_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fputc_unlocked(c: c_int, f: *mut FILE) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { putc_unlocked(c, f) }
}

/// Compat (C11) `putchar`: `putc(c, stdout)`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn putchar(c: c_int) -> c_int {
    // SAFETY: stdout is a live stream.
    unsafe { fputc(c, stdout_file()) }
}

/// Compat (POSIX) `putchar_unlocked`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn putchar_unlocked(c: c_int) -> c_int {
    // SAFETY: stdout is a live stream.
    unsafe { putc_unlocked(c, stdout_file()) }
}

/// C11 `ungetc`: pushes `c` back onto the input (up to 16 bytes beyond
/// what the buffer can take back); clears end-of-file.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ungetc(c: c_int, f: *mut FILE) -> c_int {
    if c == EOF {
        return EOF;
    }
    // SAFETY: C passes a live stream.
    if unsafe { with_locked(f, |s| s.ungetc(c as u8)) } {
        c_int::from(c as u8)
    } else {
        EOF
    }
}
