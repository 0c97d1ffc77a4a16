//! strspn, strcspn, strpbrk: scans against a byte set, held as a 256-bit
//! map built once per call.

use super::strchr::find_char_or_nul;
use super::strlen::length;
use crate::abi::{c_char, size_t};

/// A set of bytes.
struct Set([u64; 4]);

impl Set {
    /// The bytes of the string `s`, plus NUL when `nul` is set.
    ///
    /// # Safety
    /// `s` is a string.
    unsafe fn of(s: *const c_char, nul: bool) -> Set {
        let mut set = Set([0; 4]);
        if nul {
            set.add(0);
        }
        // SAFETY: the C contract makes `s` a string.
        for &b in unsafe { crate::cptr::cstr(s) } {
            set.add(b);
        }
        set
    }

    fn add(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }

    /// The length of the prefix of `s` whose bytes are all in the set (the
    /// set must leave out NUL, or include it, so the scan stops in `s`).
    ///
    /// # Safety
    /// `s` is a string.
    unsafe fn span(&self, s: *const c_char, inside: bool) -> usize {
        let mut i = 0;
        // SAFETY: the scan stops at the terminator at the latest: NUL is
        // in the set when scanning outside it, and out of it otherwise.
        while self.has(unsafe { *s.add(i) } as u8) == inside {
            i += 1;
        }
        i
    }
}

/// strspn, for the other string functions (which must not call the C
/// names, see `strlen::length`).
///
/// # Safety
/// Both are strings.
pub(super) unsafe fn span(s: *const c_char, accept: *const c_char) -> usize {
    // SAFETY: forwarded contract; NUL is not in the set.
    unsafe { Set::of(accept, false).span(s, true) }
}

/// strcspn, for the other string functions.
///
/// # Safety
/// Both are strings.
pub(super) unsafe fn complement_span(s: *const c_char, reject: *const c_char) -> usize {
    // SAFETY: forwarded contract; NUL is in the set. Sets of zero or one
    // byte are plain searches for the terminator or that byte.
    unsafe {
        let first = *reject;
        if first == 0 {
            length(s.cast())
        } else if *reject.add(1) == 0 {
            find_char_or_nul(s.cast(), first as u8) as usize - s as usize
        } else {
            Set::of(reject, true).span(s, false)
        }
    }
}

/// C11 `strspn`: the length of the prefix of `s` made of bytes of `accept`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strspn(s: *const c_char, accept: *const c_char) -> size_t {
    // SAFETY: the C contract makes both strings.
    unsafe { span(s, accept) }
}

/// C11 `strcspn`: the length of the prefix of `s` free of bytes of `reject`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcspn(s: *const c_char, reject: *const c_char) -> size_t {
    // SAFETY: the C contract makes both strings.
    unsafe { complement_span(s, reject) }
}

/// C11 `strpbrk`: the first byte of `s` that is in `accept`, or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strpbrk(s: *const c_char, accept: *const c_char) -> *mut c_char {
    // SAFETY: the C contract makes both strings; the offset lies within `s`.
    unsafe {
        let p = s.add(complement_span(s, accept));
        if *p == 0 {
            core::ptr::null_mut()
        } else {
            p.cast_mut()
        }
    }
}
