//! Reading numbers for scanf: the longest prefix of a C integer or
//! floating constant, character by character (no backtracking beyond the
//! character that ends it), then converting it as glibc does: integers
//! with strtol/strtoul overflow rules, floating constants with the
//! library's correctly rounded strtof/strtod/strtold.

use super::input::Input;
use crate::abi::c_char;
use crate::header::stdio::printf::format::F80;
use crate::header::stdlib::strtod;

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

/// Writes `e` in decimal into `buf`; returns the digits (and sign).
fn decimal_i64(e: i64, buf: &mut [u8; 24]) -> &[u8] {
    let mut k = buf.len();
    let mut m = e.unsigned_abs();
    loop {
        k -= 1;
        buf[k] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if e < 0 {
        k -= 1;
        buf[k] = b'-';
    }
    &buf[k..]
}

const TEXT: usize = MAX_DIGITS + 64;

/// The constant as normalized C text (`-DIGITSe-5`, `0xHEXp-3`, `inf`,
/// `nan`), NUL-terminated, for the library's strtod family, which rounds
/// it correctly for each type. A digit `1` past the kept ones stands for
/// the non-zero digits that were dropped.
fn text(v: &Float, out: &mut [c_char; TEXT]) {
    let mut n = 0;
    let mut push = |b: &[u8]| {
        for &c in b {
            out[n] = c as c_char;
            n += 1;
        }
    };
    let mut number = [0u8; 24];
    match v {
        Float::Inf(negative) | Float::Nan(negative) => {
            push(if *negative { b"-" } else { b"" });
            push(if matches!(v, Float::Inf(_)) { b"inf" } else { b"nan" });
        }
        Float::Decimal { negative, digits, len, exp10, sticky } => {
            push(if *negative { b"-" } else { b"" });
            if *len == 0 {
                push(b"0");
            } else {
                push(&digits[..*len]);
                push(if *sticky { b"1e" } else { b"e" });
                push(decimal_i64(exp10 - i64::from(*sticky), &mut number));
            }
        }
        Float::Hex { negative, mantissa, exp2, sticky } => {
            push(if *negative { b"-0x" } else { b"0x" });
            let mut hex = [0u8; 32];
            let mut k = hex.len();
            let mut m = *mantissa;
            loop {
                k -= 1;
                hex[k] = b"0123456789abcdef"[(m & 15) as usize];
                m >>= 4;
                if m == 0 {
                    break;
                }
            }
            push(&hex[k..]);
            push(if *sticky { b"1p" } else { b"p" });
            push(decimal_i64(exp2 - 4 * i64::from(*sticky), &mut number));
        }
    }
    out[n] = 0;
}

/// The constant's value as a `float`.
pub fn to_f32(v: &Float) -> f32 {
    let mut t = [0; TEXT];
    text(v, &mut t);
    // SAFETY: `t` is NUL-terminated.
    unsafe { strtod::to_f32(t.as_ptr(), core::ptr::null_mut()) }
}

/// The constant's value as a `double`.
pub fn to_f64(v: &Float) -> f64 {
    let mut t = [0; TEXT];
    text(v, &mut t);
    // SAFETY: `t` is NUL-terminated.
    unsafe { strtod::to_f64(t.as_ptr(), core::ptr::null_mut()) }
}

/// The constant's value as an x87 `long double`.
pub fn to_f80(v: &Float) -> F80 {
    let mut t = [0; TEXT];
    text(v, &mut t);
    // SAFETY: `t` is NUL-terminated.
    let (mantissa, sign_exp) = unsafe { strtod::to_f80(t.as_ptr(), core::ptr::null_mut()) };
    F80 { mantissa, sign_exp }
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
        let v = Float::Hex { negative: true, mantissa: u128::MAX >> 8, exp2: 0, sticky: true };
        assert_eq!(to_f80(&v), F80 { mantissa: 1 << 63, sign_exp: 0x8000 | (16383 + 120) });
        let mut digits = [0u8; MAX_DIGITS];
        digits[0] = b'1';
        let v = Float::Decimal { negative: false, digits, len: 1, exp10: -1, sticky: false };
        // 0.1L = 0xc.ccccccccccccccdp-7.
        assert_eq!(to_f80(&v), F80 { mantissa: 0xcccc_cccc_cccc_cccd, sign_exp: 16383 - 4 });
    }
}
