//! Floating-point conversions: %e %f %g (exact decimal digits, rounded
//! half to even on exact ties, as glibc does in the default rounding mode)
//! and %a (hexadecimal, in glibc's form: `0x1.8p+1` for doubles,
//! `0xcp-2` for x87 long doubles, whose leading hex digit holds the top
//! four bits of the 64-bit significand).

use super::bigint::{expand, Stop};
use super::format::{field, sign, Writer};
use super::parse::HASH;
use super::format::F80;

#[derive(Clone, Copy)]
pub enum FloatValue {
    Double(f64),
    Extended(F80),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Zero,
    Inf,
    Nan,
    /// `m × 2^e`, m > 0.
    Finite { m: u64, e: i32 },
}

fn decode(v: FloatValue) -> (bool, Kind) {
    match v {
        FloatValue::Double(x) => {
            let bits = x.to_bits();
            let neg = bits >> 63 != 0;
            let exp = ((bits >> 52) & 0x7ff) as i32;
            let frac = bits & ((1 << 52) - 1);
            let kind = match (exp, frac) {
                (0, 0) => Kind::Zero,
                (0, f) => Kind::Finite { m: f, e: -1074 },
                (0x7ff, 0) => Kind::Inf,
                (0x7ff, _) => Kind::Nan,
                (x, f) => Kind::Finite { m: f | 1 << 52, e: x - 1075 },
            };
            (neg, kind)
        }
        FloatValue::Extended(x) => {
            let neg = x.sign_exp >> 15 != 0;
            let exp = i32::from(x.sign_exp & 0x7fff);
            let kind = if exp == 0x7fff {
                // Like glibc's isnan: only the fraction bits below the
                // explicit integer bit decide.
                if x.mantissa << 1 == 0 {
                    Kind::Inf
                } else {
                    Kind::Nan
                }
            } else if x.mantissa == 0 {
                Kind::Zero
            } else {
                Kind::Finite { m: x.mantissa, e: exp.max(1) - 16383 - 63 }
            };
            (neg, kind)
        }
    }
}

/// Formats a floating-point conversion (`conv` is one of eEfFgGaA).
pub fn format(w: &mut Writer, conv: u8, flags: u8, width: usize, prec: Option<usize>, v: FloatValue) {
    let (neg, kind) = decode(v);
    let sign = sign(neg, flags);
    let upper = conv.is_ascii_uppercase();
    match kind {
        Kind::Inf | Kind::Nan => {
            let text: &[u8] = match (kind == Kind::Inf, upper) {
                (true, false) => b"inf",
                (true, true) => b"INF",
                (false, false) => b"nan",
                (false, true) => b"NAN",
            };
            field(w, width, flags, false, sign, 3, |w| w.put(text));
        }
        _ if conv.eq_ignore_ascii_case(&b'a') => hex(w, upper, flags, width, prec, sign, v),
        Kind::Zero => decimal(w, conv.to_ascii_lowercase(), upper, flags, width, prec, sign, &mut [], None, false),
        Kind::Finite { m, e } => match v {
            FloatValue::Double(_) => {
                let mut digits = [0u8; 1200];
                decimal_finite::<40>(w, conv, flags, width, prec, sign, &mut digits, m, e);
            }
            FloatValue::Extended(_) => {
                let mut digits = [0u8; 16600];
                decimal_finite::<520>(w, conv, flags, width, prec, sign, &mut digits, m, e);
            }
        },
    }
}

/// Expands and rounds a finite non-zero value; `N` limbs and `digits`
/// are sized for its type (see `bigint::expand`).
#[allow(clippy::too_many_arguments)]
fn decimal_finite<const N: usize>(
    w: &mut Writer,
    conv: u8,
    flags: u8,
    width: usize,
    prec: Option<usize>,
    sign: &[u8],
    digits: &mut [u8],
    m: u64,
    e: i32,
) {
    let lower = conv.to_ascii_lowercase();
    let p = prec.unwrap_or(6);
    // Ask for one digit past the last one shown, to round on.
    let (stop, keep_from_exp): (Stop, Option<usize>) = match lower {
        b'f' => (Stop::Places(p.saturating_add(1)), Some(p)),
        b'e' => (Stop::Significant(p.saturating_add(2)), None),
        _ => (Stop::Significant(p.max(1).saturating_add(1)), None),
    };
    let x = expand::<N>(m, e, stop, digits);
    let keep = match (lower, keep_from_exp) {
        (b'f', Some(p)) => i64::from(x.exp10).saturating_add(p.min(i64::MAX as usize / 2) as i64),
        (b'e', _) => p.saturating_add(1) as i64,
        _ => p.max(1) as i64,
    };
    let (len, exp10) = round(digits, x.len, x.exp10, x.sticky, keep);
    // glibc's %#g picks fixed notation before rounding; when rounding then
    // carries into a new digit (999999.5 at six digits) it switches to
    // exponent notation but keeps the fixed notation's zero places: "1.e+06".
    let g_carry = lower == b'g' && exp10 > x.exp10 && i64::from(x.exp10) == p.max(1) as i64;
    decimal(w, lower, conv.is_ascii_uppercase(), flags, width, prec, sign, &mut digits[..len], Some(exp10), g_carry);
}

/// Rounds `d[..len]` (digit values, `0.d1d2... × 10^exp10`) to `keep`
/// digits, half to even; returns the new length and exponent.
fn round(d: &mut [u8], len: usize, exp10: i32, sticky: bool, keep: i64) -> (usize, i32) {
    if keep < 0 {
        // The first digit lies two or more places below the last one kept.
        return (0, exp10);
    }
    let k = keep as usize;
    if k >= len {
        return (len, exp10);
    }
    let guard = d[k];
    let rest = sticky || d[k + 1..len].iter().any(|&v| v != 0);
    let odd = k > 0 && d[k - 1] % 2 == 1;
    if guard > 5 || (guard == 5 && (rest || odd)) {
        let mut i = k;
        loop {
            if i == 0 {
                // Carried out of the first digit: 99.9 -> 100.
                d[0] = 1;
                return (1, exp10 + 1);
            }
            i -= 1;
            if d[i] == 9 {
                d[i] = 0;
            } else {
                d[i] += 1;
                break;
            }
        }
    }
    (k, exp10)
}

/// Lays out rounded digits (digit values, `0.d1d2... × 10^exp10`; empty
/// with `exp10 == None` for zero) as %e, %f or %g; `g_carry` marks the
/// %g case `decimal_finite` describes.
#[allow(clippy::too_many_arguments)]
fn decimal(
    w: &mut Writer,
    lower: u8,
    upper: bool,
    flags: u8,
    width: usize,
    prec: Option<usize>,
    sign: &[u8],
    d: &mut [u8],
    exp10: Option<i32>,
    g_carry: bool,
) {
    let p = prec.unwrap_or(6);
    for v in d.iter_mut() {
        *v += b'0';
    }
    let exp10 = exp10.unwrap_or(1);
    // The decimal exponent of the first digit, as %e prints it.
    let x = if d.is_empty() { 0 } else { exp10 - 1 };
    let alt = flags & HASH != 0;
    match lower {
        b'f' => fixed(w, flags, width, sign, d, exp10, p),
        b'e' => scientific(w, flags, width, sign, d, x, p, upper),
        _ => {
            // %g: P significant digits, in the style the exponent calls
            // for; without `#`, trailing zeros (and a bare point) go.
            let p = p.max(1) as i64;
            let mut len = d.len();
            if !alt {
                while len > 0 && d[len - 1] == b'0' {
                    len -= 1;
                }
            }
            let d = &d[..len];
            let x = i64::from(x);
            if p > x && x >= -4 {
                let places = if alt { p - 1 - x } else { (len as i64 - i64::from(exp10)).max(0) };
                fixed(w, flags, width, sign, d, exp10, places as usize);
            } else {
                let places = if g_carry && alt {
                    0
                } else if alt {
                    p - 1
                } else {
                    len.max(1) as i64 - 1
                };
                scientific(w, flags, width, sign, d, x as i32, places as usize, upper);
            }
        }
    }
}

/// `ddd.ddd`: `places` digits after the point.
fn fixed(w: &mut Writer, flags: u8, width: usize, sign: &[u8], d: &[u8], exp10: i32, places: usize) {
    let point = places > 0 || flags & HASH != 0;
    let int_digits = if exp10 > 0 && !d.is_empty() { exp10 as usize } else { 0 };
    let len = int_digits.max(1) + usize::from(point) + places;
    field(w, width, flags, true, sign, len, |w| {
        if int_digits > 0 {
            let shown = d.len().min(int_digits);
            w.put(&d[..shown]);
            w.fill(b'0', int_digits - shown);
        } else {
            w.put(b"0");
        }
        if point {
            w.put(b".");
        }
        let lead = if exp10 < 0 && !d.is_empty() { (exp10.unsigned_abs() as usize).min(places) } else { 0 };
        w.fill(b'0', lead);
        let from = int_digits.min(d.len());
        let shown = (d.len() - from).min(places - lead);
        w.put(&d[from..from + shown]);
        w.fill(b'0', places - lead - shown);
    });
}

/// `d.ddde±XX`: `places` digits after the point, exponent `x`.
#[allow(clippy::too_many_arguments)]
fn scientific(w: &mut Writer, flags: u8, width: usize, sign: &[u8], d: &[u8], x: i32, places: usize, upper: bool) {
    let point = places > 0 || flags & HASH != 0;
    let mut exp = [0u8; 8];
    let elen = exponent(&mut exp, if upper { b'E' } else { b'e' }, x, 2);
    let len = 1 + usize::from(point) + places + elen;
    field(w, width, flags, true, sign, len, |w| {
        w.put(if d.is_empty() { b"0" } else { &d[..1] });
        if point {
            w.put(b".");
        }
        let shown = d.len().saturating_sub(1).min(places);
        w.put(&d[1.min(d.len())..1.min(d.len()) + shown]);
        w.fill(b'0', places - shown);
        w.put(&exp[..elen]);
    });
}

/// Writes `e±XX` (at least `min` exponent digits) into `out`.
fn exponent(out: &mut [u8; 8], letter: u8, x: i32, min: usize) -> usize {
    out[0] = letter;
    out[1] = if x < 0 { b'-' } else { b'+' };
    let mut v = x.unsigned_abs();
    let mut tmp = [0u8; 6];
    let mut n = 0;
    while v > 0 || n < min {
        tmp[n] = b'0' + (v % 10) as u8;
        v /= 10;
        n += 1;
    }
    for i in 0..n {
        out[2 + i] = tmp[n - 1 - i];
    }
    2 + n
}

/// %a: `[-]0xh.hhhp±d`.
fn hex(w: &mut Writer, upper: bool, flags: u8, width: usize, prec: Option<usize>, sign: &[u8], v: FloatValue) {
    // Leading digit, fraction bits, fraction digits, binary exponent.
    let (mut lead, mut frac, mut ndig, mut exp): (u64, u64, usize, i32) = match v {
        FloatValue::Double(x) => {
            let bits = x.to_bits();
            let e = ((bits >> 52) & 0x7ff) as i32;
            let f = bits & ((1 << 52) - 1);
            match (e, f) {
                (0, 0) => (0, 0, 13, 0),
                (0, f) => (0, f, 13, -1022),
                (e, f) => (1, f, 13, e - 1023),
            }
        }
        FloatValue::Extended(x) => {
            let e = i32::from(x.sign_exp & 0x7fff);
            if x.mantissa == 0 {
                (0, 0, 15, 0)
            } else {
                (x.mantissa >> 60, x.mantissa & ((1 << 60) - 1), 15, e.max(1) - 16383 - 3)
            }
        }
    };
    if let Some(p) = prec.filter(|&p| p < ndig) {
        let drop = 4 * (ndig - p) as u32;
        let rem = frac & ((1 << drop) - 1);
        let half = 1u64 << (drop - 1);
        frac >>= drop;
        let last_odd = if p == 0 { lead & 1 == 1 } else { frac & 1 == 1 };
        if rem > half || (rem == half && last_odd) {
            if p == 0 {
                lead += 1;
            } else {
                frac += 1;
                if frac >> (4 * p) != 0 {
                    frac = 0;
                    lead += 1;
                }
            }
        }
        ndig = p;
        if lead == 16 {
            // A long double's 0xf.f... rounded up: glibc renormalizes to
            // 0x1.0...p(e+4); a double's 0x1.f... becomes 0x2.0... as is.
            lead = 1;
            exp += 4;
        }
    }
    let table: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut digits = [0u8; 16];
    for i in 0..ndig {
        digits[i] = table[((frac >> (4 * (ndig - 1 - i))) & 15) as usize];
    }
    if prec.is_none() {
        while ndig > 0 && digits[ndig - 1] == b'0' {
            ndig -= 1;
        }
    }
    let places = prec.unwrap_or(ndig);
    let point = places > 0 || flags & HASH != 0;
    let mut prefix = [0u8; 3];
    prefix[..sign.len()].copy_from_slice(sign);
    prefix[sign.len()] = b'0';
    prefix[sign.len() + 1] = if upper { b'X' } else { b'x' };
    let mut e = [0u8; 8];
    let elen = exponent(&mut e, if upper { b'P' } else { b'p' }, exp, 1);
    let len = 1 + usize::from(point) + places + elen;
    field(w, width, flags, true, &prefix[..sign.len() + 2], len, |w| {
        w.put(&table[lead as usize..lead as usize + 1]);
        if point {
            w.put(b".");
        }
        w.put(&digits[..ndig]);
        w.fill(b'0', places - ndig);
        w.put(&e[..elen]);
    });
}
