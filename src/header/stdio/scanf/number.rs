//! Reading numbers for scanf: the longest prefix of a C integer or
//! floating constant, character by character (no backtracking beyond the
//! character that ends it), then converting it as glibc does: integers
//! with strtol/strtoul overflow rules, hexadecimal floats exactly, decimal
//! floats with core's correctly rounded parser.

use super::input::Input;
use crate::header::stdio::va::F80;

fn lower(c: u32) -> u32 {
    if (0x41..=0x5a).contains(&c) {
        c + 0x20
    } else {
        c
    }
}

fn digit(c: u32, base: u32) -> Option<u32> {
    let v = match lower(c) {
        c @ 0x30..=0x39 => c - 0x30,
        c @ 0x61..=0x7a => c - 0x61 + 10,
        _ => return None,
    };
    (v < base).then_some(v)
}

/// Reads characters while a field has width left.
struct Field<'a> {
    input: &'a mut dyn Input,
    left: usize,
}

impl Field<'_> {
    fn peek(&mut self) -> Option<u32> {
        if self.left == 0 {
            None
        } else {
            self.input.peek()
        }
    }

    fn take(&mut self) {
        self.input.advance();
        self.left -= 1;
    }

    /// Takes the next character if `f` accepts it.
    fn take_if(&mut self, f: impl Fn(u32) -> bool) -> Option<u32> {
        let c = self.peek().filter(|&c| f(c))?;
        self.take();
        Some(c)
    }

    fn sign(&mut self) -> bool {
        self.take_if(|c| c == u32::from(b'+') || c == u32::from(b'-')) == Some(u32::from(b'-'))
    }

    /// Takes `word` (case-insensitively); false if the input differs.
    fn word(&mut self, word: &[u8]) -> bool {
        word.iter().all(|&w| self.take_if(|c| lower(c) == u32::from(w)).is_some())
    }
}

/// An integer as read: sign, magnitude, and whether it overflowed 64 bits.
#[derive(Debug, PartialEq, Eq)]
pub struct Int {
    pub negative: bool,
    pub magnitude: u64,
    pub overflow: bool,
}

impl Int {
    /// strtol's value: clamped to the 64-bit range.
    pub fn signed(&self) -> i64 {
        match (self.negative, self.overflow) {
            (true, true) => i64::MIN,
            (false, true) => i64::MAX,
            (true, false) => 0i64.checked_sub_unsigned(self.magnitude).unwrap_or(i64::MIN),
            (false, false) => i64::try_from(self.magnitude).unwrap_or(i64::MAX),
        }
    }

    /// strtoul's value: negation wraps; overflow gives the maximum.
    pub fn unsigned(&self) -> u64 {
        if self.overflow {
            u64::MAX
        } else if self.negative {
            self.magnitude.wrapping_neg()
        } else {
            self.magnitude
        }
    }
}

/// Reads an integer of at most `width` characters in `base` (0: octal
/// after a leading 0, hexadecimal after 0x, else decimal).
pub fn read_int(input: &mut dyn Input, base: u32, width: usize) -> Option<Int> {
    let mut f = Field { input, left: width };
    let negative = f.sign();
    let mut base = base;
    let mut digits = 0;
    if (base == 0 || base == 16) && f.take_if(|c| c == u32::from(b'0')).is_some() {
        digits = 1;
        if f.take_if(|c| lower(c) == u32::from(b'x')).is_some() {
            base = 16;
        } else if base == 0 {
            base = 8;
        }
    }
    if base == 0 {
        base = 10;
    }
    let (mut magnitude, mut overflow) = (0u64, false);
    while let Some(c) = f.peek() {
        let Some(d) = digit(c, base) else { break };
        f.take();
        digits += 1;
        match magnitude.checked_mul(u64::from(base)).and_then(|m| m.checked_add(u64::from(d))) {
            Some(m) => magnitude = m,
            None => overflow = true,
        }
    }
    (digits > 0).then_some(Int { negative, magnitude, overflow })
}

/// Significant decimal digits kept; more cannot change a correctly
/// rounded double (767 suffice), so the rest only set a sticky digit.
const MAX_DIGITS: usize = 780;

/// A floating constant as read.
pub enum Float {
    Inf(bool),
    Nan(bool),
    /// Decimal: the kept digits (ASCII) times 10^exp10, `sticky` if
    /// non-zero digits were dropped.
    Decimal { negative: bool, digits: [u8; MAX_DIGITS], len: usize, exp10: i64, sticky: bool },
    /// Hexadecimal: `mantissa × 2^exp2`, `sticky` if non-zero bits were dropped.
    Hex { negative: bool, mantissa: u128, exp2: i64, sticky: bool },
}

/// Adds exponent digits, saturating far beyond any finite result.
fn read_exponent(f: &mut Field) -> i64 {
    let negative = f.sign();
    let mut e: i64 = 0;
    while let Some(c) = f.take_if(|c| digit(c, 10).is_some()) {
        e = (e * 10 + i64::from(c - 0x30)).min(1 << 40);
    }
    if negative {
        -e
    } else {
        e
    }
}

/// Reads a floating constant of at most `width` characters, as glibc's
/// scanf does: `inf` and `infinity` (all of it once past `inf`), `nan`
/// (without a parenthesized tail), hexadecimal with a `p` exponent, or
/// decimal with an `e` exponent. An exponent marker without digits is
/// taken and ignored.
pub fn read_float(input: &mut dyn Input, width: usize) -> Option<Float> {
    let mut f = Field { input, left: width };
    let negative = f.sign();
    match lower(f.peek()?) {
        0x69 => {
            if !f.word(b"inf") {
                return None;
            }
            if f.peek().map(lower) == Some(u32::from(b'i')) && !f.word(b"inity") {
                return None;
            }
            return Some(Float::Inf(negative));
        }
        0x6e => return f.word(b"nan").then_some(Float::Nan(negative)),
        _ => {}
    }
    let mut leading_zero = false;
    if f.take_if(|c| c == u32::from(b'0')).is_some() {
        leading_zero = true;
        if f.take_if(|c| lower(c) == u32::from(b'x')).is_some() {
            return read_hex(&mut f, negative);
        }
    }
    let mut digits = [0u8; MAX_DIGITS];
    let (mut len, mut exp10, mut sticky, mut any) = (0usize, 0i64, false, leading_zero);
    let mut point = false;
    loop {
        match f.peek() {
            Some(c @ 0x30..=0x39) => {
                f.take();
                any = true;
                if len == 0 && c == 0x30 {
                    if point {
                        exp10 -= 1;
                    }
                } else if len < MAX_DIGITS {
                    digits[len] = c as u8;
                    len += 1;
                    if point {
                        exp10 -= 1;
                    }
                } else {
                    sticky |= c != 0x30;
                    if !point {
                        exp10 += 1;
                    }
                }
            }
            Some(0x2e) if !point => {
                f.take();
                point = true;
            }
            _ => break,
        }
    }
    if !any {
        return None;
    }
    if f.take_if(|c| lower(c) == u32::from(b'e')).is_some() {
        exp10 = exp10.saturating_add(read_exponent(&mut f));
    }
    Some(Float::Decimal { negative, digits, len, exp10, sticky })
}

fn read_hex(f: &mut Field, negative: bool) -> Option<Float> {
    let (mut mantissa, mut exp2, mut sticky, mut any) = (0u128, 0i64, false, false);
    let mut point = false;
    loop {
        match f.peek() {
            Some(0x2e) if !point => {
                f.take();
                point = true;
            }
            Some(c) => {
                let Some(d) = digit(c, 16) else { break };
                f.take();
                any = true;
                // Keep 116+ bits: enough to round to 64 with guard bits.
                if mantissa >> 116 == 0 {
                    mantissa = mantissa << 4 | u128::from(d);
                    if point {
                        exp2 -= 4;
                    }
                } else {
                    sticky |= d != 0;
                    if !point {
                        exp2 += 4;
                    }
                }
            }
            None => break,
        }
    }
    // glibc takes "0x." as zero, but not a bare "0x".
    if !any && !point {
        return None;
    }
    if f.take_if(|c| lower(c) == u32::from(b'p')).is_some() {
        exp2 = exp2.saturating_add(read_exponent(f));
    }
    Some(Float::Hex { negative, mantissa, exp2, sticky })
}

/// A binary floating-point format: significand bits (with the leading
/// one), and the exponent range of the leading bit of normal numbers.
#[derive(Clone, Copy)]
pub struct Format {
    pub bits: u32,
    pub emin: i64,
    pub emax: i64,
}

pub const F32: Format = Format { bits: 24, emin: -126, emax: 127 };
pub const F64: Format = Format { bits: 53, emin: -1022, emax: 1023 };
pub const F80_FORMAT: Format = Format { bits: 64, emin: -16382, emax: 16383 };

/// A rounded value: `significand × 2^exp`, or infinity.
#[derive(Debug, PartialEq, Eq)]
pub enum Rounded {
    Finite { significand: u64, exp: i64 },
    Inf,
}

/// Rounds `mantissa × 2^exp2` (plus a bit more if `sticky`) to `fmt`,
/// half to even.
pub fn round_binary(mantissa: u128, exp2: i64, sticky: bool, fmt: Format) -> Rounded {
    if mantissa == 0 {
        return Rounded::Finite { significand: 0, exp: 0 };
    }
    let top = exp2 + 127 - i64::from(mantissa.leading_zeros());
    let unit = top.max(fmt.emin) - i64::from(fmt.bits - 1);
    let shift = unit - exp2;
    let m = mantissa;
    let mut s = if shift <= 0 {
        m << -shift
    } else if shift >= 128 {
        0
    } else {
        let s = m >> shift;
        let rem = m & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        let up = rem > half || (rem == half && (sticky || s & 1 == 1));
        s + u128::from(up)
    };
    let mut exp = unit;
    if s >> fmt.bits != 0 {
        s >>= 1;
        exp += 1;
    }
    if exp + i64::from(fmt.bits) - 1 > fmt.emax {
        return Rounded::Inf;
    }
    Rounded::Finite { significand: s as u64, exp }
}

/// IEEE bits of a rounded value in a format with an implicit leading bit
/// (`frac_bits` stored fraction bits, exponent `bias`).
fn ieee_bits(r: Rounded, negative: bool, frac_bits: u32, exp_bits: u32, bias: i64) -> u64 {
    let sign = u64::from(negative) << (frac_bits + exp_bits);
    let max_exp = (1u64 << exp_bits) - 1;
    match r {
        Rounded::Inf => sign | max_exp << frac_bits,
        Rounded::Finite { significand, exp } => {
            if significand >> frac_bits == 0 {
                return sign | significand;
            }
            let biased = (exp + i64::from(frac_bits) + bias) as u64;
            sign | biased << frac_bits | (significand & ((1 << frac_bits) - 1))
        }
    }
}

/// The value of a constant as a `float`, `double` and x87 `long double`.
pub fn to_f32(v: &Float) -> f32 {
    match v {
        Float::Inf(n) => f32::from_bits(u32::from(*n) << 31 | 0x7f80_0000),
        Float::Nan(n) => f32::from_bits(u32::from(*n) << 31 | 0x7fc0_0000),
        Float::Hex { negative, mantissa, exp2, sticky } => {
            f32::from_bits(ieee_bits(round_binary(*mantissa, *exp2, *sticky, F32), *negative, 23, 8, 127) as u32)
        }
        Float::Decimal { .. } => decimal(v, |s| s.parse::<f32>().ok()).unwrap_or(0.0),
    }
}

pub fn to_f64(v: &Float) -> f64 {
    match v {
        Float::Inf(n) => f64::from_bits(u64::from(*n) << 63 | 0x7ff0_0000_0000_0000),
        Float::Nan(n) => f64::from_bits(u64::from(*n) << 63 | 0x7ff8_0000_0000_0000),
        Float::Hex { negative, mantissa, exp2, sticky } => {
            f64::from_bits(ieee_bits(round_binary(*mantissa, *exp2, *sticky, F64), *negative, 52, 11, 1023))
        }
        Float::Decimal { .. } => decimal(v, |s| s.parse::<f64>().ok()).unwrap_or(0.0),
    }
}

/// A `long double`. Decimal input goes through `double` until the
/// library has a correctly rounded decimal-to-x87 conversion (strtold).
pub fn to_f80(v: &Float) -> F80 {
    let sign = |n: bool| u16::from(n) << 15;
    match v {
        Float::Inf(n) => F80 { mantissa: 1 << 63, sign_exp: sign(*n) | 0x7fff },
        Float::Nan(n) => F80 { mantissa: 3 << 62, sign_exp: sign(*n) | 0x7fff },
        Float::Hex { negative, mantissa, exp2, sticky } => match round_binary(*mantissa, *exp2, *sticky, F80_FORMAT) {
            Rounded::Inf => F80 { mantissa: 1 << 63, sign_exp: sign(*negative) | 0x7fff },
            Rounded::Finite { significand, exp } => {
                let biased = if significand >> 63 == 0 { 0 } else { (exp + 63 + 16383) as u16 };
                F80 { mantissa: significand, sign_exp: sign(*negative) | biased }
            }
        },
        Float::Decimal { .. } => f64_to_f80(to_f64(v)),
    }
}

/// Widens a double exactly.
pub fn f64_to_f80(x: f64) -> F80 {
    let bits = x.to_bits();
    let sign = ((bits >> 63) as u16) << 15;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    match (exp, frac) {
        (0, 0) => F80 { mantissa: 0, sign_exp: sign },
        (0x7ff, 0) => F80 { mantissa: 1 << 63, sign_exp: sign | 0x7fff },
        (0x7ff, f) => F80 { mantissa: 1 << 63 | f << 11, sign_exp: sign | 0x7fff },
        (0, f) => {
            // Subnormal double: normal as a long double.
            let lz = i64::from(f.leading_zeros());
            F80 { mantissa: f << lz, sign_exp: sign | (-1074 + 63 - lz + 16383) as u16 }
        }
        (e, f) => F80 { mantissa: 1 << 63 | f << 11, sign_exp: sign | (e - 1023 + 16383) as u16 },
    }
}

/// Converts a decimal constant with `parse` (core's correctly rounded
/// parser) from its text `0.digits e exp`.
fn decimal<T>(v: &Float, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
    let Float::Decimal { negative, digits, len, exp10, sticky } = v else { return None };
    let mut text = [0u8; MAX_DIGITS + 32];
    let mut n = 0;
    let mut push = |b: &[u8]| {
        text[n..n + b.len()].copy_from_slice(b);
        n += b.len();
    };
    if *negative {
        push(b"-");
    }
    if *len == 0 {
        push(b"0");
    } else {
        push(&digits[..*len]);
        if *sticky {
            // One more non-zero digit stands for all that were dropped.
            push(b"1");
        }
        let mut exp = [0u8; 24];
        let e = exp10 - i64::from(*sticky);
        let mut k = exp.len();
        let mut m = e.unsigned_abs();
        loop {
            k -= 1;
            exp[k] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        push(b"e");
        if e < 0 {
            push(b"-");
        }
        push(&exp[k..]);
    }
    core::str::from_utf8(&text[..n]).ok().and_then(parse)
}

#[cfg(test)]
mod tests {
    use super::super::input::StrInput;
    use super::*;

    fn int(s: &str, base: u32, width: usize) -> Option<(i64, u64, usize)> {
        let v: Vec<u8> = s.bytes().chain([0]).collect();
        // SAFETY: NUL-terminated.
        let mut input = unsafe { StrInput::new(v.as_ptr()) };
        read_int(&mut input, base, width).map(|i| (i.signed(), i.unsigned(), input.taken()))
    }

    fn float(s: &str, width: usize) -> Option<(f64, usize)> {
        let v: Vec<u8> = s.bytes().chain([0]).collect();
        // SAFETY: NUL-terminated.
        let mut input = unsafe { StrInput::new(v.as_ptr()) };
        read_float(&mut input, width).map(|f| (to_f64(&f), input.taken()))
    }

    #[test]
    fn integers() {
        assert_eq!(int("123x", 10, usize::MAX), Some((123, 123, 3)));
        assert_eq!(int("-0x1f", 0, usize::MAX), Some((-31, 31u64.wrapping_neg(), 5)));
        assert_eq!(int("0777", 0, usize::MAX), Some((511, 511, 4)));
        assert_eq!(int("089", 0, usize::MAX), Some((0, 0, 1)));
        assert_eq!(int("0xg", 16, usize::MAX), Some((0, 0, 2)));
        assert_eq!(int("1234", 10, 2), Some((12, 12, 2)));
        assert_eq!(int("+", 10, usize::MAX), None);
        assert_eq!(int("-12", 10, 1), None);
        assert_eq!(int("99999999999999999999", 10, usize::MAX).map(|v| (v.0, v.1)), Some((i64::MAX, u64::MAX)));
    }

    #[test]
    fn floats() {
        assert_eq!(float("1.5e3", usize::MAX), Some((1500.0, 5)));
        assert_eq!(float("1.5e3", 3), Some((1.5, 3)));
        assert_eq!(float("1e+x", usize::MAX), Some((1.0, 3)));
        assert_eq!(float("0x1p3z", usize::MAX), Some((8.0, 5)));
        assert_eq!(float("0x.8", usize::MAX), Some((0.5, 4)));
        assert_eq!(float("-inFinity", usize::MAX), Some((f64::NEG_INFINITY, 9)));
        assert!(float("infinit", usize::MAX).is_none());
        assert!(float("0x", usize::MAX).is_none());
        assert!(float(".", usize::MAX).is_none());
        assert!(float("nan", usize::MAX).unwrap().0.is_nan());
        assert_eq!(float("0.1", usize::MAX), Some((0.1, 3)));
        assert_eq!(float("4.9406564584124654e-324", usize::MAX).map(|v| v.0.to_bits()), Some(1));
        assert_eq!(float("1e400", usize::MAX).map(|v| v.0), Some(f64::INFINITY));
        assert_eq!(float("0x1.fffffffffffff8p0", usize::MAX).map(|v| v.0), Some(2.0));
    }

    #[test]
    fn long_doubles() {
        let v = Float::Hex { negative: false, mantissa: 3, exp2: -2, sticky: false };
        assert_eq!(to_f80(&v), F80 { mantissa: 0xc000_0000_0000_0000, sign_exp: 16382 });
        assert_eq!(f64_to_f80(1.0), F80 { mantissa: 1 << 63, sign_exp: 16383 });
        assert_eq!(f64_to_f80(f64::from_bits(1)), F80 { mantissa: 1 << 63, sign_exp: (16383 - 1074) as u16 });
    }
}
