//! The texts strerror and strsignal build for numbers they do not know
//! ("Unknown error: -5"), in per-thread buffers: POSIX lets a later call
//! overwrite the text, but a call in another thread must not.
//!
//! The buffers are thread-local C objects in `.tbss`, like `errno`, one
//! per function so that `printf("%s %s", strerror(a), strsignal(b))`
//! works; the start-up code gives every thread its own copy.

use crate::abi::{c_char, c_int};

/// Room for the longest text: a prefix and "-2147483648" and a NUL.
pub(crate) const SIZE: usize = 32;

/// The functions with a buffer of their own.
#[derive(Clone, Copy)]
pub(super) enum Owner {
    Strerror = 0,
    Strsignal = 1,
}

#[cfg(not(test))]
core::arch::global_asm!(
    ".pushsection .tbss,\"awT\",@nobits",
    ".globl __cloudlibc_message_buffers",
    ".hidden __cloudlibc_message_buffers",
    ".type __cloudlibc_message_buffers, @object",
    ".size __cloudlibc_message_buffers, 64",
    ".p2align 3",
    "__cloudlibc_message_buffers:",
    ".zero 64",
    ".popsection",
);

/// The calling thread's buffer for `owner`.
#[cfg(not(test))]
fn buffer(owner: Owner) -> *mut u8 {
    crate::tls_address!("__cloudlibc_message_buffers").wrapping_add(owner as usize * SIZE)
}

#[cfg(test)]
fn buffer(owner: Owner) -> *mut u8 {
    std::thread_local!(static BUFFERS: core::cell::UnsafeCell<[u8; 2 * SIZE]> = const { core::cell::UnsafeCell::new([0; 2 * SIZE]) });
    BUFFERS.with(|b| b.get().cast::<u8>().wrapping_add(owner as usize * SIZE))
}

/// Writes `prefix` and the decimal form of `n` into `out` (no NUL) and
/// returns the length.
pub(crate) fn format(prefix: &[u8], n: c_int, out: &mut [u8; SIZE]) -> usize {
    let mut digits = [0u8; 11];
    let mut i = digits.len();
    let mut v = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let mut len = 0;
    let sign: &[u8] = if n < 0 { b"-" } else { b"" };
    for part in [prefix, sign, &digits[i..]] {
        out[len..len + part.len()].copy_from_slice(part);
        len += part.len();
    }
    len
}

/// `prefix` and `n`, NUL-terminated, in the calling thread's buffer for
/// `owner`.
pub(super) fn unknown(owner: Owner, prefix: &[u8], n: c_int) -> *mut c_char {
    let mut text = [0u8; SIZE];
    let len = format(prefix, n, &mut text);
    let p = buffer(owner);
    // SAFETY: `p` is this thread's buffer of SIZE bytes, and `len < SIZE`
    // (the prefixes are short); no reference to it is live.
    unsafe {
        core::ptr::copy_nonoverlapping(text.as_ptr(), p, len);
        *p.add(len) = 0;
    }
    p.cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_extremes() {
        let mut out = [0; SIZE];
        for (n, want) in [(0, "x: 0"), (76, "x: 76"), (-5, "x: -5"), (c_int::MIN, "x: -2147483648"), (c_int::MAX, "x: 2147483647")] {
            let len = format(b"x: ", n, &mut out);
            assert_eq!(&out[..len], want.as_bytes());
        }
    }
}
