//! strverscmp: comparison that orders digit runs as numbers ("a9" < "a10").
//!
//! The GNU semantics: at the first differing byte, look at the run of
//! digits the common prefix ends with. With no such run (the digits start
//! here), two digit runs that start with a non-zero digit compare by
//! length, then bytewise. Inside a run that began with a non-zero digit
//! (an integer), a longer run wins and a run that ends first loses. Inside
//! a run of leading zeros only, the run that ends first wins (fewer zeros:
//! "00" after "000"), other cases bytewise. After leading zeros and a
//! non-zero digit (a fraction), bytewise. Everything else is bytewise.
//! This gives 000 < 00 < 01 < 010 < 09 < 0 < 1 < 9 < 10.

use crate::abi::{c_char, c_int};
use core::cmp::Ordering;

/// What the common prefix ends in.
#[derive(Clone, Copy, PartialEq)]
enum Run {
    /// Not a digit (or nothing).
    None,
    /// Digits starting with a non-zero one.
    Integer,
    /// Zeros only.
    Zeros,
    /// Zeros, then a non-zero digit.
    Fraction,
}

impl Run {
    /// The run after one more byte `b`.
    fn then(self, b: u8) -> Run {
        match (self, b) {
            (_, b) if !b.is_ascii_digit() => Run::None,
            (Run::None, b'0') => Run::Zeros,
            (Run::None, _) => Run::Integer,
            (Run::Zeros, b'0') => Run::Zeros,
            (Run::Zeros, _) => Run::Fraction,
            (run, _) => run,
        }
    }
}

/// The length of the digit run at `p`.
///
/// # Safety
/// `p` points into a string.
unsafe fn digits(p: *const u8) -> usize {
    let mut n = 0;
    // SAFETY: the run ends at the terminator at the latest.
    while unsafe { *p.add(n) }.is_ascii_digit() {
        n += 1;
    }
    n
}

/// `strverscmp` (cloudlibc, GNU): compares version strings.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strverscmp(a: *const c_char, b: *const c_char) -> c_int {
    let (a, b) = (a.cast::<u8>(), b.cast::<u8>());
    let mut run = Run::None;
    let mut i = 0;
    // SAFETY: the C contract makes both strings; `i` stays within the
    // common prefix plus the first differing byte.
    let (x, y) = unsafe {
        while *a.add(i) == *b.add(i) {
            if *a.add(i) == 0 {
                return 0;
            }
            run = run.then(*a.add(i));
            i += 1;
        }
        (*a.add(i), *b.add(i))
    };
    let bytewise = c_int::from(x) - c_int::from(y);
    let (dx, dy) = (x.is_ascii_digit(), y.is_ascii_digit());
    // A longer digit run after the differing bytes wins, then bytewise.
    // SAFETY: both bytes are digits, not terminators.
    let by_length = || match unsafe { digits(a.add(i + 1)).cmp(&digits(b.add(i + 1))) } {
        Ordering::Equal => bytewise,
        o => o as c_int,
    };
    match run {
        Run::None if dx && dy && x != b'0' && y != b'0' => by_length(),
        Run::Integer if dx && dy => by_length(),
        Run::Integer if dx != dy => {
            if dx {
                1
            } else {
                -1
            }
        }
        Run::Zeros if dx != dy => {
            if dx {
                -1
            } else {
                1
            }
        }
        _ => bytewise,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &str, b: &str) -> c_int {
        let (a, b) = (std::ffi::CString::new(a).unwrap(), std::ffi::CString::new(b).unwrap());
        // SAFETY: both are strings.
        unsafe { strverscmp(a.as_ptr(), b.as_ptr()) }.signum()
    }

    #[test]
    fn orders_the_documented_sequence() {
        let order = ["000", "00", "01", "010", "09", "0", "1", "9", "10"];
        for (i, a) in order.iter().enumerate() {
            for (j, b) in order.iter().enumerate() {
                assert_eq!(cmp(a, b), (i as c_int - j as c_int).signum(), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn orders_versions() {
        assert_eq!(cmp("a9", "a10"), -1);
        assert_eq!(cmp("foo-1.2.10", "foo-1.2.9"), 1);
        assert_eq!(cmp("abc", "abd"), -1);
        assert_eq!(cmp("x", "x"), 0);
        assert_eq!(cmp("1.01", "1.1"), -1);
    }
}
