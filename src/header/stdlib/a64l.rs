//! a64l, l64a_r (cloudlibc) and l64a (compat): 32-bit numbers as up to six
//! radix-64 characters, least significant first, with the alphabet
//! "./0-9A-Za-z".

use crate::abi::{c_char, c_int, c_long};
use crate::cptr;

const ALPHABET: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn digit(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// POSIX `a64l`: the value of up to six radix-64 characters, stopping at
/// the first other character; the 32-bit result is sign-extended.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn a64l(s: *const c_char) -> c_long {
    // SAFETY: the C contract: s is a string.
    let s = unsafe { cptr::cstr(s) };
    let mut v = 0u32;
    for (i, d) in s.iter().take(6).map_while(|&c| digit(c)).enumerate() {
        v |= d << (6 * i);
    }
    c_long::from(v as i32)
}

/// Writes the radix-64 form of `value`'s low 32 bits and a NUL into `out`;
/// returns false if it does not fit.
fn encode(value: c_long, out: &mut [u8]) -> bool {
    let mut v = value as u32;
    for slot in out.iter_mut() {
        if v == 0 {
            *slot = 0;
            return true;
        }
        *slot = ALPHABET[(v & 63) as usize];
        v >>= 6;
    }
    false
}

/// cloudlibc/NetBSD `l64a_r`: l64a into the caller's buffer of `len` bytes;
/// 0 on success, -1 if the buffer is too small.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn l64a_r(value: c_long, buf: *mut c_char, len: c_int) -> c_int {
    // SAFETY: the C contract: buf is writable for len bytes.
    let out = unsafe { cptr::slice_mut(buf.cast(), len.max(0) as usize) };
    if encode(value, out) {
        0
    } else {
        -1
    }
}

static mut L64A: [u8; 7] = [0; 7];

/// POSIX `l64a` (compat): the radix-64 form of `value`'s low 32 bits, in a
/// buffer that the next call overwrites (not thread-safe, as POSIX allows).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn l64a(value: c_long) -> *mut c_char {
    // SAFETY: POSIX lets l64a use one static buffer; six digits and a NUL
    // always fit in seven bytes.
    unsafe {
        let buf = &mut *core::ptr::addr_of_mut!(L64A);
        encode(value, buf);
        buf.as_mut_ptr().cast()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(v: i64, text: &str) {
        let mut buf = [0u8; 8];
        assert!(encode(v, &mut buf[..text.len() + 1]));
        assert_eq!(&buf[..text.len()], text.as_bytes());
        assert!(!encode(v, &mut buf[..text.len()]));
        let c = std::ffi::CString::new(format!("{text}|rest")).unwrap();
        // SAFETY: c is a string.
        assert_eq!(unsafe { a64l(c.as_ptr()) }, v);
    }

    #[test]
    fn encodes_both_ways() {
        round_trip(0, "");
        round_trip(1, "/");
        round_trip(63, "z");
        round_trip(64, "./");
        round_trip(-1, "zzzzz1");
    }
}
