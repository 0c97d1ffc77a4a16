//! strtol, strtoll, strtoul, strtoull, atoi, atol, atoll, and the integer
//! scanner they share with `<inttypes.h>` (strtoimax, strtoumax and the
//! wide-character wcstoimax, wcstoumax).
//!
//! long, long long and intmax_t are all 64 bits wide here, so the signed
//! functions share one body and the unsigned ones another.

use crate::abi::{c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong};
use crate::errno::{set_errno, Errno};
use cloudabi::errno;

/// A C code unit: `char` for the byte functions, `wchar_t` for the wide ones.
pub trait CodeUnit: Copy {
    /// The unit's value; characters outside ASCII map to values that are
    /// neither digits, signs nor spaces.
    fn value(self) -> u32;

    /// Units [start, end) of `s` as bytes, when the units are bytes; lets
    /// parsers hand ASCII text to `core`.
    ///
    /// # Safety
    /// `s` must be valid for `end` units.
    unsafe fn bytes<'a>(_s: *const Self, _start: usize, _end: usize) -> Option<&'a [u8]> {
        None
    }
}

impl CodeUnit for c_char {
    #[inline]
    fn value(self) -> u32 {
        self as u8 as u32
    }

    unsafe fn bytes<'a>(s: *const Self, start: usize, end: usize) -> Option<&'a [u8]> {
        // SAFETY: forwarded contract.
        Some(unsafe { crate::cptr::slice(s.add(start).cast(), end - start) })
    }
}

impl CodeUnit for i32 {
    #[inline]
    fn value(self) -> u32 {
        self as u32
    }
}

/// The unit at `s[i]`.
///
/// # Safety
/// `s` must be a NUL-terminated string and no unit before index `i` the NUL.
#[inline(always)]
pub unsafe fn unit<U: CodeUnit>(s: *const U, i: usize) -> u32 {
    // SAFETY: forwarded contract: index i is at or before the terminator.
    unsafe { (*s.add(i)).value() }
}

/// The C locale's `isspace` set: space, \t, \n, \v, \f, \r.
#[inline]
pub fn is_space(c: u32) -> bool {
    c == u32::from(b' ') || (0x09..=0x0d).contains(&c)
}

/// The value of `c` as a digit in bases up to 36, or 36 when it is none.
#[inline]
pub fn digit_value(c: u32) -> u32 {
    match c {
        0x30..=0x39 => c - 0x30,
        0x41..=0x5a => c - 0x41 + 10,
        0x61..=0x7a => c - 0x61 + 10,
        _ => 36,
    }
}

/// Skips leading white space and an optional sign, as every numeric
/// conversion does; returns the index after them and whether the sign was
/// a minus.
pub fn space_and_sign(at: impl Fn(usize) -> u32) -> (usize, bool) {
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let negative = at(i) == u32::from(b'-');
    if negative || at(i) == u32::from(b'+') {
        i += 1;
    }
    (i, negative)
}

/// The outcome of scanning an integer: its magnitude (saturated), sign and
/// the number of units consumed (0 when no conversion could be performed).
pub struct Scanned {
    pub magnitude: u64,
    pub negative: bool,
    pub overflow: bool,
    pub len: usize,
}

/// Scans `[space][sign][prefix]digits` in `base` as C11 7.22.1.4 describes.
/// A "0x" not followed by a hexadecimal digit is not a prefix: the "0" is
/// the number and the scan ends before the "x".
///
/// # Safety
/// `s` must be a NUL-terminated string.
pub unsafe fn scan<U: CodeUnit>(s: *const U, base: c_int) -> Result<Scanned, Errno> {
    if base < 0 || base == 1 || base > 36 {
        return Err(errno::INVAL);
    }
    // SAFETY (for every `unit` call below): each index read follows a unit
    // that was just seen to be something other than NUL.
    let at = |i| unsafe { unit(s, i) };
    let (mut i, negative) = space_and_sign(at);
    let mut base = base as u32;
    if (base == 0 || base == 16) && at(i) == u32::from(b'0') && (at(i + 1) | 0x20) == u32::from(b'x') && digit_value(at(i + 2)) < 16 {
        i += 2;
        base = 16;
    } else if base == 0 {
        base = if at(i) == u32::from(b'0') { 8 } else { 10 };
    }
    let start = i;
    let mut magnitude = 0u64;
    let mut overflow = false;
    loop {
        let d = digit_value(at(i));
        if d >= base {
            break;
        }
        match magnitude.checked_mul(u64::from(base)).and_then(|m| m.checked_add(u64::from(d))) {
            Some(m) => magnitude = m,
            None => overflow = true,
        }
        i += 1;
    }
    if i == start {
        return Ok(Scanned { magnitude: 0, negative: false, overflow: false, len: 0 });
    }
    Ok(Scanned { magnitude, negative, overflow, len: i })
}

/// Scans `s` and stores the end of the number in `*end` (when not null):
/// past the last digit, or `s` itself when nothing was converted. An
/// invalid base sets EINVAL and gives None.
///
/// # Safety
/// `s` must be a NUL-terminated string; `end` null or writable.
unsafe fn scan_to_end<U: CodeUnit>(s: *const U, end: *mut *mut U, base: c_int) -> Option<Scanned> {
    // SAFETY: forwarded contract.
    let r = unsafe { scan(s, base) };
    if !end.is_null() {
        let len = r.as_ref().map_or(0, |p| p.len);
        // SAFETY: end is writable per the C contract; s + len stays
        // inside the string that was scanned.
        unsafe { *end = s.add(len).cast_mut() };
    }
    r.map_err(set_errno).ok()
}

/// The signed conversions (strtol, strtoll, strtoimax, wcstoimax): out of
/// range values become LONG_MIN or LONG_MAX with ERANGE.
///
/// # Safety
/// `s` must be a NUL-terminated string; `end` null or writable.
pub unsafe fn to_signed<U: CodeUnit>(s: *const U, end: *mut *mut U, base: c_int) -> i64 {
    // SAFETY: forwarded contract.
    let Some(p) = (unsafe { scan_to_end(s, end, base) }) else { return 0 };
    let limit = if p.negative { i64::MIN.unsigned_abs() } else { i64::MAX as u64 };
    if p.overflow || p.magnitude > limit {
        set_errno(errno::RANGE);
        return if p.negative { i64::MIN } else { i64::MAX };
    }
    if p.negative {
        (p.magnitude as i64).wrapping_neg()
    } else {
        p.magnitude as i64
    }
}

/// The unsigned conversions (strtoul, strtoull, strtoumax, wcstoumax): a
/// minus sign negates in unsigned arithmetic, as C11 says; a magnitude
/// beyond ULONG_MAX gives ULONG_MAX with ERANGE whatever the sign.
///
/// # Safety
/// `s` must be a NUL-terminated string; `end` null or writable.
pub unsafe fn to_unsigned<U: CodeUnit>(s: *const U, end: *mut *mut U, base: c_int) -> u64 {
    // SAFETY: forwarded contract.
    let Some(p) = (unsafe { scan_to_end(s, end, base) }) else { return 0 };
    if p.overflow {
        set_errno(errno::RANGE);
        return u64::MAX;
    }
    if p.negative {
        p.magnitude.wrapping_neg()
    } else {
        p.magnitude
    }
}

/// C11 `strtol`: converts the initial part of a string to long.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long {
    // SAFETY: the C contract: s is a string, end null or writable.
    unsafe { to_signed(s, end, base) }
}

/// C11 `strtoll`: converts the initial part of a string to long long.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoll(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_longlong {
    // SAFETY: the C contract: s is a string, end null or writable.
    unsafe { to_signed(s, end, base) }
}

/// C11 `strtoul`: converts the initial part of a string to unsigned long.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoul(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulong {
    // SAFETY: the C contract: s is a string, end null or writable.
    unsafe { to_unsigned(s, end, base) }
}

/// C11 `strtoull`: converts the initial part of a string to unsigned long long.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtoull(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulonglong {
    // SAFETY: the C contract: s is a string, end null or writable.
    unsafe { to_unsigned(s, end, base) }
}

/// C11 `atoi`: `(int)strtol(s, NULL, 10)`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn atoi(s: *const c_char) -> c_int {
    // SAFETY: the C contract: s is a string.
    unsafe { to_signed(s, core::ptr::null_mut(), 10) as c_int }
}

/// C11 `atol`: `strtol(s, NULL, 10)`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn atol(s: *const c_char) -> c_long {
    // SAFETY: the C contract: s is a string.
    unsafe { to_signed(s, core::ptr::null_mut(), 10) }
}

/// C11 `atoll`: `strtoll(s, NULL, 10)`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn atoll(s: *const c_char) -> c_longlong {
    // SAFETY: the C contract: s is a string.
    unsafe { to_signed(s, core::ptr::null_mut(), 10) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errno::get_errno;

    fn signed(s: &str, base: c_int) -> (i64, usize, c_int) {
        let c = std::ffi::CString::new(s).unwrap();
        let mut end = core::ptr::null_mut();
        crate::errno::set_errno_raw(0);
        // SAFETY: c is a NUL-terminated string; end is a local.
        let v = unsafe { strtol(c.as_ptr(), &mut end, base) };
        (v, end as usize - c.as_ptr() as usize, get_errno())
    }

    fn unsigned(s: &str, base: c_int) -> (u64, usize, c_int) {
        let c = std::ffi::CString::new(s).unwrap();
        let mut end = core::ptr::null_mut();
        crate::errno::set_errno_raw(0);
        // SAFETY: c is a NUL-terminated string; end is a local.
        let v = unsafe { strtoul(c.as_ptr(), &mut end, base) };
        (v, end as usize - c.as_ptr() as usize, get_errno())
    }

    #[test]
    fn prefixes_and_bases() {
        assert_eq!(signed("  +0x1f", 0), (31, 7, 0));
        assert_eq!(signed("0x", 16), (0, 1, 0));
        assert_eq!(signed("0xg", 0), (0, 1, 0));
        assert_eq!(signed("017", 0), (15, 3, 0));
        assert_eq!(signed("z", 36), (35, 1, 0));
        assert_eq!(signed("-0", 10), (0, 2, 0));
        assert_eq!(signed("  -", 10), (0, 0, 0));
        assert_eq!(signed("12", 1), (0, 0, errno::INVAL as c_int));
    }

    #[test]
    fn range_limits() {
        assert_eq!(signed("9223372036854775807", 10), (i64::MAX, 19, 0));
        assert_eq!(signed("9223372036854775808", 10), (i64::MAX, 19, errno::RANGE as c_int));
        assert_eq!(signed("-9223372036854775808", 10), (i64::MIN, 20, 0));
        assert_eq!(signed("-9223372036854775809", 10), (i64::MIN, 20, errno::RANGE as c_int));
        assert_eq!(unsigned("-1", 10), (u64::MAX, 2, 0));
        assert_eq!(unsigned("18446744073709551616", 10), (u64::MAX, 20, errno::RANGE as c_int));
        assert_eq!(unsigned("-18446744073709551616", 10), (u64::MAX, 21, errno::RANGE as c_int));
    }
}
