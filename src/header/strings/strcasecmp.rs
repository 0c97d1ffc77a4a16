//! strcasecmp, strncasecmp and their `_l` forms: comparison ignoring the
//! case of ASCII letters (the C locale), as unsigned char.

use crate::abi::{c_char, c_int, locale_t, size_t};
use crate::header::ctype::tolower;

/// Compares at most `n` bytes of `a` and `b`, case-folded.
///
/// # Safety
/// `a` and `b` readable up to their terminators or `n` bytes.
unsafe fn compare(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    for i in 0..n {
        // SAFETY: no terminator before `i`, and `i < n`.
        let (x, y) = unsafe { (*a.add(i) as u8, *b.add(i) as u8) };
        let (x, y) = (tolower(c_int::from(x)), tolower(c_int::from(y)));
        if x != y || x == 0 {
            return x - y;
        }
    }
    0
}

/// POSIX `strcasecmp`: strcmp ignoring ASCII case.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcasecmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: the C contract makes both strings.
    unsafe { compare(a, b, usize::MAX) }
}

/// POSIX `strcasecmp_l`: strcasecmp in locale `l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strcasecmp_l(a: *const c_char, b: *const c_char, _l: locale_t) -> c_int {
    // SAFETY: the C contract makes both strings.
    unsafe { compare(a, b, usize::MAX) }
}

/// POSIX `strncasecmp`: strncmp ignoring ASCII case.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strncasecmp(a: *const c_char, b: *const c_char, n: size_t) -> c_int {
    // SAFETY: the C contract makes both readable up to a NUL or `n` bytes.
    unsafe { compare(a, b, n) }
}

/// POSIX `strncasecmp_l`: strncasecmp in locale `l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strncasecmp_l(a: *const c_char, b: *const c_char, n: size_t, _l: locale_t) -> c_int {
    // SAFETY: the C contract makes both readable up to a NUL or `n` bytes.
    unsafe { compare(a, b, n) }
}
