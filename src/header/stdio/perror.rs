//! perror, and the error texts it shares with printf's %m: strerror's.

use super::file::with_locked;
use crate::abi::{c_char, c_int, c_void};
use crate::errno::{get_errno, set_errno_raw};

/// C11 `perror`: writes "s: message\n" (or just the message when `s` is
/// null or empty) for the current `errno` to stderr, which it leaves as is.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn perror(s: *const c_char) {
    let e = get_errno();
    let mut buf = [0u8; MESSAGE_MAX];
    let msg = error_text(e, &mut buf);
    // SAFETY: C passes null or a NUL-terminated string.
    let prefix = if s.is_null() { &[][..] } else { unsafe { crate::cptr::cstr(s) } };
    // SAFETY: stderr is a live stream.
    unsafe {
        with_locked(super::file::stderr, |st| {
            // One write where the stream is unbuffered: stage the line.
            let mut line = [0u8; 256];
            let parts: [&[u8]; 4] = if prefix.is_empty() { [msg, b"\n", b"", b""] } else { [prefix, b": ", msg, b"\n"] };
            let total: usize = parts.iter().map(|p| p.len()).sum();
            if total <= line.len() {
                let mut n = 0;
                for p in parts {
                    line[n..n + p.len()].copy_from_slice(p);
                    n += p.len();
                }
                st.write(&line[..n]);
            } else {
                for p in parts {
                    st.write(p);
                }
            }
        })
    };
    set_errno_raw(e);
}

/// Room for the longest strerror text and its NUL.
pub const MESSAGE_MAX: usize = 64;

/// `strerror(e)`'s text, copied into `buf`.
pub fn error_text(e: c_int, buf: &mut [u8; MESSAGE_MAX]) -> &[u8] {
    // SAFETY: `buf` is writable for its length; strerror_r NUL-terminates.
    unsafe {
        crate::header::string::strerror_r(e, buf.as_mut_ptr().cast(), buf.len());
        crate::cptr::cstr(buf.as_ptr().cast())
    }
}

/// cloudlibc `perror_l`: `perror` (messages are the same in every locale).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn perror_l(s: *const c_char, _l: *mut c_void) {
    // SAFETY: forwarded contract.
    unsafe { perror(s) }
}
