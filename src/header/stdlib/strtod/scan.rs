//! The syntax of C11 7.22.1.3: what strtod and friends accept, and how
//! much of the input they consume. Values are computed elsewhere.

use crate::header::stdlib::strtol::{self, digit_value, unit, CodeUnit};

/// The digits of a significand: units [start, end), with at most one
/// radix point, at `dot`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Digits {
    pub start: usize,
    pub end: usize,
    pub dot: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// No conversion could be performed.
    Empty,
    Infinity,
    /// A NaN, with the payload of "nan(n-char-sequence)" when the
    /// sequence is a number strtoull accepts whole, and whether reading
    /// that number overflowed (glibc then reports ERANGE).
    Nan { payload: u64, overflow: bool },
    /// digits * 10^exp (the digits read as an integer after dropping the
    /// radix point, corrected by the count of fraction digits later).
    Decimal { digits: Digits, exp: i64 },
    /// Hexadecimal digits * 2^exp.
    Hex { digits: Digits, exp: i64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub negative: bool,
    pub kind: Kind,
    /// Units consumed (0 when nothing was converted).
    pub len: usize,
}

/// Exponents are clamped here; anything larger already overflows or
/// underflows every format, and the clamp keeps later sums from wrapping.
const EXP_LIMIT: i64 = 1 << 40;

fn lower(c: u32) -> u32 {
    if (0x41..=0x5a).contains(&c) {
        c | 0x20
    } else {
        c
    }
}

/// Scans a number at the start of the NUL-terminated string `s`.
///
/// # Safety
/// `s` must be a NUL-terminated string.
pub unsafe fn scan<U: CodeUnit>(s: *const U) -> Parsed {
    // SAFETY (for every `unit` call below): indices only advance past
    // units that were seen to be something other than NUL.
    let at = |i| unsafe { unit(s, i) };
    let matches = |i: usize, word: &[u8]| word.iter().enumerate().all(|(k, &w)| lower(at(i + k)) == u32::from(w));
    let (mut i, negative) = strtol::space_and_sign(at);
    let done = |kind, len| Parsed { negative, kind, len };

    if matches(i, b"inf") {
        let len = if matches(i + 3, b"inity") { i + 8 } else { i + 3 };
        return done(Kind::Infinity, len);
    }
    if matches(i, b"nan") {
        i += 3;
        let mut kind = Kind::Nan { payload: 0, overflow: false };
        if at(i) == u32::from(b'(') {
            let mut j = i + 1;
            while digit_value(at(j)) < 36 || at(j) == u32::from(b'_') {
                j += 1;
            }
            if at(j) == u32::from(b')') {
                // SAFETY: i + 1 is within the string (at(i) is '('); the
                // scan stops at ')' at the latest.
                let n = unsafe { strtol::scan(s.add(i + 1), 0) };
                if let Ok(n) = n {
                    let payload = match (n.len == j - (i + 1), n.overflow) {
                        (false, _) => 0,
                        (true, true) => u64::MAX,
                        (true, false) => n.magnitude,
                    };
                    kind = Kind::Nan { payload, overflow: n.overflow };
                }
                i = j + 1;
            }
        }
        return done(kind, i);
    }

    let digits = |start: usize, radix: u32| {
        let mut k = start;
        let mut dot = None;
        let mut count = 0;
        loop {
            let c = at(k);
            if digit_value(c) < radix {
                count += 1;
            } else if c == u32::from(b'.') && dot.is_none() {
                dot = Some(k);
            } else {
                break;
            }
            k += 1;
        }
        (count > 0).then_some(Digits { start, end: k, dot })
    };
    // An exponent marker counts only when at least one digit follows it.
    let exponent = |k: usize, marker: u8| -> (i64, usize) {
        if lower(at(k)) != u32::from(marker) {
            return (0, k);
        }
        let mut j = k + 1;
        let neg = at(j) == u32::from(b'-');
        if neg || at(j) == u32::from(b'+') {
            j += 1;
        }
        if digit_value(at(j)) >= 10 {
            return (0, k);
        }
        let mut e = 0i64;
        while digit_value(at(j)) < 10 {
            e = (e * 10 + i64::from(digit_value(at(j)))).min(EXP_LIMIT);
            j += 1;
        }
        (if neg { -e } else { e }, j)
    };

    if at(i) == u32::from(b'0') && lower(at(i + 1)) == u32::from(b'x') {
        if let Some(d) = digits(i + 2, 16) {
            let (exp, end) = exponent(d.end, b'p');
            return done(Kind::Hex { digits: d, exp }, end);
        }
    }
    match digits(i, 10) {
        Some(d) => {
            let (exp, end) = exponent(d.end, b'e');
            done(Kind::Decimal { digits: d, exp }, end)
        }
        None => Parsed { negative: false, kind: Kind::Empty, len: 0 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Parsed {
        let c = std::ffi::CString::new(s).unwrap();
        // SAFETY: c is NUL-terminated.
        unsafe { scan(c.as_ptr()) }
    }

    #[test]
    fn consumes_exactly_the_number() {
        assert_eq!(parse("inFx").len, 3);
        assert_eq!(parse(" -infinity").len, 10);
        assert_eq!(parse("infinit").len, 3);
        assert_eq!(parse("nan(").len, 3);
        assert_eq!(parse("nan(1)x").len, 6);
        assert_eq!(parse("1e").len, 1);
        assert_eq!(parse("1e+").len, 1);
        assert_eq!(parse("0x").len, 1);
        assert_eq!(parse("0x.p1").len, 1);
        assert_eq!(parse(".e1").len, 0);
        assert_eq!(parse("0x1p").len, 3);
        assert_eq!(parse("0x1.p-").len, 4);
        assert_eq!(parse("  .5e-3x").len, 7);
    }

    #[test]
    fn nan_payloads() {
        assert_eq!(parse("nan(123)").kind, Kind::Nan { payload: 123, overflow: false });
        assert_eq!(parse("nan(0x7)").kind, Kind::Nan { payload: 7, overflow: false });
        assert_eq!(parse("nan(abc)").kind, Kind::Nan { payload: 0, overflow: false });
        assert_eq!(parse("nan(99999999999999999999999)").kind, Kind::Nan { payload: u64::MAX, overflow: true });
    }
}
