//! Wide memory functions: `wmemchr`, `wmemcmp`, `wmemcpy`, `wmemmove`,
//! `wmemset`, and cloudlibc's `wmemmem`.

use super::wchar_t;
use crate::abi::c_int;
use crate::header::string::{memcpy, memmove};

const W: usize = core::mem::size_of::<wchar_t>();

/// `n` wide characters at `p` (null allowed when `n` is 0).
///
/// # Safety
/// `p` is readable for `n` characters for `'a`.
unsafe fn chars<'a>(p: *const wchar_t, n: usize) -> &'a [wchar_t] {
    if n == 0 {
        &[]
    } else {
        // SAFETY: forwarded contract.
        unsafe { core::slice::from_raw_parts(p, n) }
    }
}

/// The first index where `needle` occurs in `hay`.
pub fn find(hay: &[wchar_t], needle: &[wchar_t]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// C11 `wmemchr`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wmemchr(s: *const wchar_t, c: wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: `s` is readable for `n` characters (C contract).
    let v = unsafe { chars(s, n) };
    // SAFETY: the index is within the range.
    v.iter().position(|&x| x == c).map_or(core::ptr::null_mut(), |i| unsafe { s.add(i) as *mut wchar_t })
}

/// C11 `wmemcmp`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wmemcmp(a: *const wchar_t, b: *const wchar_t, n: usize) -> c_int {
    // SAFETY: both are readable for `n` characters (C contract).
    let (a, b) = unsafe { (chars(a, n), chars(b, n)) };
    match a.iter().zip(b).find(|(x, y)| x != y) {
        Some((x, y)) if x < y => -1,
        Some(_) => 1,
        None => 0,
    }
}

/// C11 `wmemcpy`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wmemcpy(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: both ranges are valid and disjoint (C contract).
    unsafe { memcpy(dst.cast(), src.cast(), n * W) };
    dst
}

/// C11 `wmemmove`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wmemmove(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: both ranges are valid (C contract).
    unsafe { memmove(dst.cast(), src.cast(), n * W) };
    dst
}

/// C11 `wmemset`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wmemset(dst: *mut wchar_t, c: wchar_t, n: usize) -> *mut wchar_t {
    for i in 0..n {
        // SAFETY: `dst` is writable for `n` characters (C contract).
        unsafe { dst.add(i).write(c) };
    }
    dst
}

/// cloudlibc `wmemmem`: the first occurrence of one range in another.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wmemmem(hay: *const wchar_t, hn: usize, needle: *const wchar_t, nn: usize) -> *mut wchar_t {
    // SAFETY: both ranges are readable (C contract).
    let (h, n) = unsafe { (chars(hay, hn), chars(needle, nn)) };
    // SAFETY: the index is within the haystack.
    find(h, n).map_or(core::ptr::null_mut(), |i| unsafe { hay.add(i) as *mut wchar_t })
}
