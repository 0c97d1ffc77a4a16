//! Wide-string functions: lengths, copies, comparisons, searches,
//! tokens. Collation is code point order in every locale (`wcscoll` is
//! `wcscmp`, `wcsxfrm` a copy); case-insensitive comparisons use the
//! simple Unicode case mappings.

use super::wchar_t;
use crate::abi::c_int;
use crate::header::locale::locale_t;
use crate::header::stdlib::malloc::malloc;
use crate::header::string::memcpy;
use crate::header::wctype::to_lower;

/// The characters of a NUL-terminated wide string, without the NUL.
///
/// # Safety
/// `s` points at a NUL-terminated wide string alive for `'a`.
pub unsafe fn wide<'a>(s: *const wchar_t) -> &'a [wchar_t] {
    // SAFETY: forwarded contract; wcslen reads up to the NUL only.
    unsafe { core::slice::from_raw_parts(s, wcslen(s)) }
}

/// C11 `wcslen`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcslen(s: *const wchar_t) -> usize {
    let mut n = 0;
    // SAFETY: `s` is NUL-terminated (C contract).
    while unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// POSIX `wcsnlen`: reads at most `max` characters.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsnlen(s: *const wchar_t, max: usize) -> usize {
    let mut n = 0;
    // SAFETY: `s` is readable up to its NUL or `max` characters.
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// Copies `n` wide characters.
///
/// # Safety
/// Both ranges are valid and do not overlap.
unsafe fn copy(dst: *mut wchar_t, src: *const wchar_t, n: usize) {
    // SAFETY: forwarded contract.
    unsafe { memcpy(dst.cast(), src.cast(), n * core::mem::size_of::<wchar_t>()) };
}

/// C11 `wcscpy`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcscpy(dst: *mut wchar_t, src: *const wchar_t) -> *mut wchar_t {
    // SAFETY: `dst` has room for `src` and its NUL (C contract).
    unsafe { copy(dst, src, wcslen(src) + 1) };
    dst
}

/// POSIX `wcpcpy`: like `wcscpy`, returning the end of `dst`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcpcpy(dst: *mut wchar_t, src: *const wchar_t) -> *mut wchar_t {
    // SAFETY: as in wcscpy.
    unsafe {
        let n = wcslen(src);
        copy(dst, src, n + 1);
        dst.add(n)
    }
}

/// C11 `wcsncpy`: copies at most `n` characters, padding with NULs.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsncpy(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: `dst` has room for `n` characters (C contract).
    unsafe { wcpncpy(dst, src, n) };
    dst
}

/// POSIX `wcpncpy`: like `wcsncpy`, returning the end of the copy.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcpncpy(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: `dst` has room for `n` characters; `src` is readable up to
    // its NUL or `n` characters (C contract).
    unsafe {
        let k = wcsnlen(src, n);
        copy(dst, src, k);
        for i in k..n {
            *dst.add(i) = 0;
        }
        dst.add(k)
    }
}

/// C11 `wcscat`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcscat(dst: *mut wchar_t, src: *const wchar_t) -> *mut wchar_t {
    // SAFETY: `dst` has room for both strings (C contract).
    unsafe { wcscpy(dst.add(wcslen(dst)), src) };
    dst
}

/// C11 `wcsncat`: appends at most `n` characters and a NUL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsncat(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: `dst` has room (C contract).
    unsafe {
        let end = dst.add(wcslen(dst));
        let k = wcsnlen(src, n);
        copy(end, src, k);
        *end.add(k) = 0;
    }
    dst
}

/// cloudlibc `wcslcpy`: copies what fits in `size` (NUL included); returns
/// the length of `src`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcslcpy(dst: *mut wchar_t, src: *const wchar_t, size: usize) -> usize {
    // SAFETY: `dst` has room for `size` characters (C contract).
    unsafe {
        let n = wcslen(src);
        if size > 0 {
            let k = n.min(size - 1);
            copy(dst, src, k);
            *dst.add(k) = 0;
        }
        n
    }
}

/// cloudlibc `wcslcat`: appends what fits in `size` (NUL included); returns
/// the length the result would have had.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcslcat(dst: *mut wchar_t, src: *const wchar_t, size: usize) -> usize {
    // SAFETY: `dst` has room for `size` characters (C contract).
    unsafe {
        let d = wcsnlen(dst, size);
        if d == size {
            return size + wcslen(src);
        }
        d + wcslcpy(dst.add(d), src, size - d)
    }
}

fn compare(a: wchar_t, b: wchar_t) -> c_int {
    (a > b) as c_int - (a < b) as c_int
}

/// C11 `wcscmp`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcscmp(a: *const wchar_t, b: *const wchar_t) -> c_int {
    // SAFETY: both are NUL-terminated (C contract).
    unsafe { wcsncmp(a, b, usize::MAX) }
}

/// C11 `wcsncmp`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsncmp(a: *const wchar_t, b: *const wchar_t, n: usize) -> c_int {
    for i in 0..n {
        // SAFETY: both are readable up to their NUL or `n` (C contract).
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y || x == 0 {
            return compare(x, y);
        }
    }
    0
}

/// POSIX `wcsncasecmp`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsncasecmp(a: *const wchar_t, b: *const wchar_t, n: usize) -> c_int {
    for i in 0..n {
        // SAFETY: as in wcsncmp.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        let (x, y) = (to_lower(x as u32) as wchar_t, to_lower(y as u32) as wchar_t);
        if x != y || x == 0 {
            return compare(x, y);
        }
    }
    0
}

/// POSIX `wcscasecmp`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcscasecmp(a: *const wchar_t, b: *const wchar_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { wcsncasecmp(a, b, usize::MAX) }
}

/// POSIX `wcscasecmp_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcscasecmp_l(a: *const wchar_t, b: *const wchar_t, _l: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { wcsncasecmp(a, b, usize::MAX) }
}

/// POSIX `wcsncasecmp_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsncasecmp_l(a: *const wchar_t, b: *const wchar_t, n: usize, _l: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { wcsncasecmp(a, b, n) }
}

/// C11 `wcscoll`: code point order.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcscoll(a: *const wchar_t, b: *const wchar_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { wcscmp(a, b) }
}

/// POSIX `wcscoll_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcscoll_l(a: *const wchar_t, b: *const wchar_t, _l: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { wcscmp(a, b) }
}

/// C11 `wcsxfrm`: the string itself (code point order); copies it if it
/// fits in `n` characters with its NUL, and returns its length.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsxfrm(dst: *mut wchar_t, src: *const wchar_t, n: usize) -> usize {
    // SAFETY: `src` is NUL-terminated; `dst` has room for `n` (C contract).
    unsafe {
        let len = wcslen(src);
        if len < n {
            copy(dst, src, len + 1);
        }
        len
    }
}

/// POSIX `wcsxfrm_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsxfrm_l(dst: *mut wchar_t, src: *const wchar_t, n: usize, _l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { wcsxfrm(dst, src, n) }
}

/// C11 `wcschr` (the NUL itself can be found).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcschr(s: *const wchar_t, c: wchar_t) -> *mut wchar_t {
    let mut p = s;
    // SAFETY: `s` is NUL-terminated (C contract); the loop stops at the NUL.
    unsafe {
        loop {
            if *p == c {
                return p as *mut wchar_t;
            }
            if *p == 0 {
                return core::ptr::null_mut();
            }
            p = p.add(1);
        }
    }
}

/// C11 `wcsrchr`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsrchr(s: *const wchar_t, c: wchar_t) -> *mut wchar_t {
    // SAFETY: `s` is NUL-terminated (C contract).
    let n = unsafe { wcslen(s) };
    // SAFETY: the range holds the string and its NUL.
    let all = unsafe { core::slice::from_raw_parts(s, n + 1) };
    // SAFETY: the index is within the string.
    all.iter().rposition(|&x| x == c).map_or(core::ptr::null_mut(), |i| unsafe { s.add(i) as *mut wchar_t })
}

/// C11 `wcsspn`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsspn(s: *const wchar_t, set: *const wchar_t) -> usize {
    // SAFETY: both are NUL-terminated (C contract).
    unsafe {
        let set = wide(set);
        wide(s).iter().take_while(|c| set.contains(c)).count()
    }
}

/// C11 `wcscspn`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcscspn(s: *const wchar_t, set: *const wchar_t) -> usize {
    // SAFETY: both are NUL-terminated (C contract).
    unsafe {
        let set = wide(set);
        wide(s).iter().take_while(|c| !set.contains(c)).count()
    }
}

/// C11 `wcspbrk`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcspbrk(s: *const wchar_t, set: *const wchar_t) -> *mut wchar_t {
    // SAFETY: both are NUL-terminated (C contract).
    unsafe {
        let i = wcscspn(s, set);
        if *s.add(i) == 0 {
            core::ptr::null_mut()
        } else {
            s.add(i) as *mut wchar_t
        }
    }
}

/// C11 `wcsstr`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsstr(hay: *const wchar_t, needle: *const wchar_t) -> *mut wchar_t {
    // SAFETY: both are NUL-terminated (C contract).
    unsafe {
        let (h, n) = (wide(hay), wide(needle));
        super::wmem::find(h, n).map_or(core::ptr::null_mut(), |i| hay.add(i) as *mut wchar_t)
    }
}

/// C11 `wcstok`: the next token of `s` (or of `*state` when `s` is null).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstok(s: *mut wchar_t, delim: *const wchar_t, state: *mut *mut wchar_t) -> *mut wchar_t {
    // SAFETY: `s` (or `*state`) and `delim` are NUL-terminated, `state`
    // writable (C contract).
    unsafe {
        let mut p = if s.is_null() { *state } else { s };
        if p.is_null() {
            return p;
        }
        p = p.add(wcsspn(p, delim));
        if *p == 0 {
            *state = p;
            return core::ptr::null_mut();
        }
        let end = p.add(wcscspn(p, delim));
        if *end == 0 {
            *state = end;
        } else {
            *end = 0;
            *state = end.add(1);
        }
        p
    }
}

/// POSIX `wcsdup`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsdup(s: *const wchar_t) -> *mut wchar_t {
    // SAFETY: `s` is NUL-terminated (C contract).
    unsafe { wcsndup(s, usize::MAX) }
}

/// cloudlibc `wcsndup`: a copy of at most `n` characters, NUL-terminated.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsndup(s: *const wchar_t, n: usize) -> *mut wchar_t {
    // SAFETY: `s` is readable up to its NUL or `n` characters.
    unsafe {
        let k = wcsnlen(s, n);
        let p = malloc((k + 1) * core::mem::size_of::<wchar_t>()).cast::<wchar_t>();
        if !p.is_null() {
            copy(p, s, k);
            *p.add(k) = 0;
        }
        p
    }
}

/// cloudlibc `wcsverscmp`: like `wcscmp`, but digit runs compare as
/// numbers, and runs with leading zeros as fractional parts (glibc's
/// `strverscmp` order: "000" < "00" < "01" < "010" < "09" < "0" < "1").
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcsverscmp(a: *const wchar_t, b: *const wchar_t) -> c_int {
    // SAFETY: both are NUL-terminated (C contract).
    let (a, b) = unsafe { (wide(a), wide(b)) };
    versions(a, b)
}

fn versions(a: &[wchar_t], b: &[wchar_t]) -> c_int {
    // States after a common prefix: normal, in an integral run, in a
    // fractional run (leading zero), in the leading zeros. Each is three
    // entries apart; adding the class of the next character (other, 1-9,
    // 0) selects a row of the tables.
    const N: usize = 0;
    const I: usize = 3;
    const F: usize = 6;
    const Z: usize = 9;
    const NEXT: [usize; 12] = [N, I, Z, N, I, I, N, F, F, N, F, Z];
    // Outcome by state and the classes of the two differing characters:
    // CMP compares them, LEN lets the longer digit run win.
    const CMP: i8 = 2;
    const LEN: i8 = 3;
    #[rustfmt::skip]
    const RESULT: [i8; 36] = [
        CMP, CMP, CMP, CMP, LEN, CMP, CMP, CMP, CMP,
        CMP, -1, -1, 1, LEN, LEN, 1, LEN, LEN,
        CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP,
        CMP, 1, 1, -1, CMP, CMP, -1, CMP, CMP,
    ];
    let at = |s: &[wchar_t], i: usize| s.get(i).copied().unwrap_or(0);
    let digit = |c: wchar_t| (0x30..=0x39).contains(&c);
    let class = |c: wchar_t| (c == 0x30) as usize + digit(c) as usize;
    let mut i = 0;
    let (mut x, mut y) = (at(a, 0), at(b, 0));
    let mut state = N + class(x);
    while x == y {
        if x == 0 {
            return 0;
        }
        state = NEXT[state];
        i += 1;
        (x, y) = (at(a, i), at(b, i));
        state += class(x);
    }
    match RESULT[state * 3 + class(y)] {
        CMP => compare(x, y),
        LEN => {
            let mut j = i + 1;
            while digit(at(a, j)) {
                if !digit(at(b, j)) {
                    return 1;
                }
                j += 1;
            }
            if digit(at(b, j)) {
                -1
            } else {
                compare(x, y)
            }
        }
        r => r as c_int,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<wchar_t> {
        s.chars().map(|c| c as wchar_t).collect()
    }

    #[test]
    fn version_order() {
        let order = ["000", "00", "01", "010", "09", "0", "1", "9", "10"];
        for (i, a) in order.iter().enumerate() {
            for (j, b) in order.iter().enumerate() {
                let want = (i > j) as c_int - (i < j) as c_int;
                assert_eq!(versions(&w(a), &w(b)).signum(), want, "{a} vs {b}");
            }
        }
        assert!(versions(&w("a2"), &w("a10")) < 0);
        assert!(versions(&w("1.2.10"), &w("1.2.9")) > 0);
        assert!(versions(&w("abc"), &w("abd")) < 0);
        assert_eq!(versions(&w("x1"), &w("x1")), 0);
        assert!(versions(&w("item"), &w("item2")) < 0);
    }
}
