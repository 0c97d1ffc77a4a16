//! Exact conversion of decimal and hexadecimal significands to a binary
//! format, correctly rounded whatever the number of digits.
//!
//! Decimal: the value is D * 10^E with D the significant digits as an
//! integer. Only the first `max_digits` digits are kept; if any later digit
//! is non-zero, a final digit 1 stands for them: every boundary between
//! two rounding results has fewer significant digits than that, so the
//! stand-in lies strictly between the same two boundaries as the input.
//! For E >= 0 the integer D * 5^E is formed and its top 128 bits (plus
//! "anything below") are rounded with exponent E. For E < 0 the quotient
//! D * 2^s / 5^-E is computed to 127 or 128 bits with its remainder telling
//! whether anything was lost.

use super::big::Big;
use super::round::{round, Format, Rounded};
use super::scan::Digits;
use crate::header::stdlib::strtol::{digit_value, unit, CodeUnit};

const DOT: u32 = b'.' as u32;
const ZERO: u32 = b'0' as u32;

/// Rounds `digits` * 10^exp into `f`; `N` limbs must hold the format's
/// largest intermediate (see `Format::max_digits`).
///
/// # Safety
/// `digits` must describe decimal digits of the string `s`.
pub unsafe fn decimal<U: CodeUnit, const N: usize>(f: &Format, s: *const U, digits: Digits, exp: i64) -> Rounded {
    // SAFETY: every index read lies inside the scanned digits.
    let at = |k| unsafe { unit(s, k) };
    let significant = |&k: &usize| at(k) != ZERO && at(k) != DOT;
    let Some(first) = (digits.start..digits.end).find(significant) else {
        return Rounded::ZERO;
    };
    let last = (first..digits.end).rev().find(significant).unwrap_or(first);
    let point = digits.dot.unwrap_or(digits.end);
    let count = last - first + 1 - usize::from(first < point && point < last);
    // The power of ten of the last significant digit.
    let e = exp + if last < point { (point - 1 - last) as i64 } else { -((last - point) as i64) };
    if count as i64 + e - 1 >= f.dec_overflow {
        return Rounded::infinity(f);
    }
    if count as i64 + e <= f.dec_underflow {
        return Rounded::underflow();
    }

    let take = count.min(f.max_digits);
    let mut d = Big::<N>::zero();
    let (mut chunk, mut chunk_len, mut taken, mut k) = (0u64, 0u32, 0usize, first);
    while taken < take {
        let c = at(k);
        k += 1;
        if c == DOT {
            continue;
        }
        chunk = chunk * 10 + u64::from(c - ZERO);
        chunk_len += 1;
        taken += 1;
        if chunk_len == 19 {
            d.mul_add_small(10u64.pow(19), chunk);
            (chunk, chunk_len) = (0, 0);
        }
    }
    if chunk_len > 0 {
        d.mul_add_small(10u64.pow(chunk_len), chunk);
    }
    let mut e = e + (count - take) as i64;
    if take < count {
        d.mul_add_small(10, 1);
        e -= 1;
    }

    if e >= 0 {
        d.mul_pow5(e as u32);
        let (m, shift, sticky) = d.top128();
        return round(f, m, e + shift as i64, sticky);
    }
    let k = (-e) as u32;
    let mut den = Big::<N>::zero();
    den.mul_add_small(1, 1);
    den.mul_pow5(k);
    // Scale so the quotient has 127 or 128 bits.
    let s = den.bit_len() as i64 + 127 - d.bit_len() as i64;
    if s >= 0 {
        d.shl(s as usize);
    } else {
        den.shl((-s) as usize);
    }
    let (q, inexact) = d.div_rem(&mut den);
    round(f, q, -s - i64::from(k), inexact)
}

/// Rounds hexadecimal `digits` * 2^exp into `f`.
///
/// # Safety
/// `digits` must describe hexadecimal digits of the string `s`.
pub unsafe fn hex<U: CodeUnit>(f: &Format, s: *const U, digits: Digits, exp: i64) -> Rounded {
    let (mut m, mut e, mut sticky) = (0u128, exp, false);
    for k in digits.start..digits.end {
        if Some(k) == digits.dot {
            continue;
        }
        // SAFETY: k lies inside the scanned digits.
        let v = digit_value(unsafe { unit(s, k) });
        let fraction = digits.dot.is_some_and(|p| k > p);
        if m >> 124 == 0 {
            m = m << 4 | u128::from(v);
            if fraction {
                e -= 4;
            }
        } else {
            sticky |= v != 0;
            if !fraction {
                e += 4;
            }
        }
    }
    if m == 0 {
        return Rounded::ZERO;
    }
    round(f, m, e, sticky)
}
