//! `wcwidth` and `wcswidth`: terminal columns, from the Unicode 14.0.0
//! East Asian Width and general categories (see tools/unicode).

use super::wchar_t;
use crate::abi::c_int;
use crate::header::wctype::width;

/// POSIX `wcwidth`: 0, 1 or 2 columns, or -1 if `c` is not printable.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn wcwidth(c: wchar_t) -> c_int {
    width(c as u32)
}

/// POSIX `wcswidth`: the columns of at most `n` characters of `s`, or -1
/// if one of them is not printable.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcswidth(s: *const wchar_t, n: usize) -> c_int {
    let mut total: c_int = 0;
    for i in 0..n {
        // SAFETY: `s` is readable up to its NUL or `n` (C contract).
        let c = unsafe { *s.add(i) };
        if c == 0 {
            break;
        }
        match width(c as u32) {
            -1 => return -1,
            w => total = total.saturating_add(w),
        }
    }
    total
}
