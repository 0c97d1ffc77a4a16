//! strtod, strtof, strtold, atof: correctly rounded (to nearest, ties to
//! even) for decimal and hexadecimal input of any length, with ERANGE on
//! overflow and on tiny inexact results, as glibc reports them.
//!
//! `scan` decides how much of the input is a number. Decimal input for
//! float and double goes to `core`'s parser, which is correctly rounded,
//! unless the result is at or below the smallest normal number: there the
//! ERANGE decision needs to know whether the result is exact, which the
//! exact big-integer path (`exact`) tells. long double (x87 80-bit) and
//! hexadecimal input always take the exact path.
//!
//! NaN payloads follow glibc: "nan(n)" with n a number strtoull accepts
//! whole puts n's low bits below the quiet bit. Rounding is always to
//! nearest: the dynamic rounding mode is not consulted.

mod big;
mod exact;
mod round;
mod scan;

use self::round::{Format, Rounded, F32, F64, F80};
use self::scan::{Kind, Parsed};
use crate::abi::c_char;
use crate::errno::set_errno;
use crate::header::stdlib::strtol::CodeUnit;
use cloudabi::errno;

/// Limbs the exact path needs per format (see `Format::max_digits`).
const LIMBS_F32: usize = 12;
const LIMBS_F64: usize = 48;
const LIMBS_F80: usize = 608;

/// A converted number before its sign is applied.
enum Value {
    Number(Rounded),
    /// A quiet NaN with the payload "nan(...)" gave (0: none).
    Nan(u64),
}

/// Scans `s`, stores the end pointer and returns the parse.
///
/// # Safety
/// `s` must be a NUL-terminated string; `end` null or writable.
unsafe fn begin<U: CodeUnit>(s: *const U, end: *mut *mut U) -> Parsed {
    // SAFETY: forwarded contract.
    let p = unsafe { scan::scan(s) };
    if !end.is_null() {
        // SAFETY: end is writable; p.len units lie within the string.
        unsafe { *end = s.add(p.len).cast_mut() };
    }
    p
}

/// The exact conversion of a scanned number, setting ERANGE as needed.
///
/// # Safety
/// `p` must be the scan of the string `s`.
unsafe fn exact<U: CodeUnit, const N: usize>(f: &Format, s: *const U, p: &Parsed) -> Value {
    let v = match p.kind {
        Kind::Empty => return Value::Number(Rounded::ZERO),
        Kind::Infinity => return Value::Number(Rounded::infinity(f)),
        Kind::Nan { payload, overflow } => {
            if overflow {
                set_errno(errno::RANGE);
            }
            return Value::Nan(payload);
        }
        // SAFETY: the digits come from scanning s.
        Kind::Decimal { digits, exp } => unsafe { exact::decimal::<U, N>(f, s, digits, exp) },
        // SAFETY: as above.
        Kind::Hex { digits, exp } => unsafe { exact::hex(f, s, digits, exp) },
    };
    if v.range_error(f) {
        set_errno(errno::RANGE);
    }
    Value::Number(v)
}

/// Tries `core`'s parser on decimal byte input: returns the value when it
/// is infinite (an overflow) or above the smallest normal number.
///
/// # Safety
/// `p` must be the scan of the string `s`.
unsafe fn fast<U: CodeUnit, T: core::str::FromStr + Into<f64> + Copy>(s: *const U, p: &Parsed, min_normal: f64) -> Option<T> {
    let Kind::Decimal { digits, .. } = p.kind else { return None };
    // SAFETY: the scan covered units [digits.start, p.len).
    let text = unsafe { U::bytes(s, digits.start, p.len) }?;
    // SAFETY: the scanner only accepts ASCII digits, '.', 'e'/'E' and signs.
    let v: T = unsafe { core::str::from_utf8_unchecked(text) }.parse().ok()?;
    let x: f64 = v.into();
    if x.is_infinite() {
        set_errno(errno::RANGE);
        return Some(v);
    }
    (x > min_normal).then_some(v)
}

/// strtod over any code unit type.
///
/// # Safety
/// `s` must be a NUL-terminated string; `end` null or writable.
pub unsafe fn to_f64<U: CodeUnit>(s: *const U, end: *mut *mut U) -> f64 {
    // SAFETY: forwarded contract.
    let p = unsafe { begin(s, end) };
    // SAFETY: p is the scan of s.
    if let Some(v) = unsafe { fast::<U, f64>(s, &p, f64::MIN_POSITIVE) } {
        return if p.negative { -v } else { v };
    }
    // SAFETY: p is the scan of s.
    let bits = match unsafe { exact::<U, LIMBS_F64>(&F64, s, &p) } {
        Value::Number(r) => r.biased << 52 | (r.mant & ((1 << 52) - 1)),
        Value::Nan(payload) => 0x7ff8 << 48 | (payload & ((1 << 51) - 1)),
    };
    f64::from_bits(bits | u64::from(p.negative) << 63)
}

/// strtof over any code unit type: rounds directly to float (never through
/// double, which could round twice).
///
/// # Safety
/// `s` must be a NUL-terminated string; `end` null or writable.
pub unsafe fn to_f32<U: CodeUnit>(s: *const U, end: *mut *mut U) -> f32 {
    // SAFETY: forwarded contract.
    let p = unsafe { begin(s, end) };
    // SAFETY: p is the scan of s.
    if let Some(v) = unsafe { fast::<U, f32>(s, &p, f64::from(f32::MIN_POSITIVE)) } {
        return if p.negative { -v } else { v };
    }
    // SAFETY: p is the scan of s.
    let bits = match unsafe { exact::<U, LIMBS_F32>(&F32, s, &p) } {
        Value::Number(r) => (r.biased << 23 | (r.mant & ((1 << 23) - 1))) as u32,
        Value::Nan(payload) => 0x7fc0_0000 | (payload & ((1 << 22) - 1)) as u32,
    };
    f32::from_bits(bits | u32::from(p.negative) << 31)
}

/// strtold over any code unit type, as the x87 80-bit format's two parts:
/// the 64-bit significand (with its explicit leading bit) and the sign and
/// exponent.
///
/// # Safety
/// `s` must be a NUL-terminated string; `end` null or writable.
pub unsafe fn to_f80<U: CodeUnit>(s: *const U, end: *mut *mut U) -> (u64, u16) {
    // SAFETY: forwarded contract.
    let p = unsafe { begin(s, end) };
    // SAFETY: p is the scan of s.
    let (mant, exp) = match unsafe { exact::<U, LIMBS_F80>(&F80, s, &p) } {
        Value::Number(r) if r.is_infinite(&F80) => (1 << 63, r.biased),
        Value::Number(r) => (r.mant, r.biased),
        Value::Nan(payload) => (3 << 62 | (payload & ((1 << 62) - 1)), 0x7fff),
    };
    (mant, exp as u16 | u16::from(p.negative) << 15)
}

/// C11 `strtod`: converts the initial part of a string to double.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtod(s: *const c_char, end: *mut *mut c_char) -> f64 {
    // SAFETY: the C contract: s is a string, end null or writable.
    unsafe { to_f64(s, end) }
}

/// C11 `strtof`: converts the initial part of a string to float.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strtof(s: *const c_char, end: *mut *mut c_char) -> f32 {
    // SAFETY: the C contract: s is a string, end null or writable.
    unsafe { to_f32(s, end) }
}

/// C11 `atof`: `strtod(s, NULL)`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn atof(s: *const c_char) -> f64 {
    // SAFETY: the C contract: s is a string.
    unsafe { to_f64(s, core::ptr::null_mut()) }
}

/// The body of `strtold`: writes the 80-bit result to `out` (significand,
/// then sign and exponent), for the assembly entry below to load.
#[cfg(not(test))]
unsafe extern "C" fn strtold_parts(s: *const c_char, end: *mut *mut c_char, out: *mut [u64; 2]) {
    // SAFETY: the C contract: s is a string, end null or writable.
    let (mant, se) = unsafe { to_f80(s, end) };
    // SAFETY: out points at the stub's 16-byte stack slot.
    unsafe { *out = [mant, u64::from(se)] };
}

// C11 `strtold`: long double is returned in the x87 register st(0), which
// Rust cannot express; the stub passes a stack slot to `strtold_parts` and
// loads the result from it with `fld`. The stack stays 16-byte aligned at
// the call (entry rsp is 8 mod 16, minus 24).
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl strtold",
    ".type strtold, @function",
    ".p2align 4",
    "strtold:",
    "sub rsp, 24",
    "mov rdx, rsp",
    "call {parts}",
    "fld tbyte ptr [rsp]",
    "add rsp, 24",
    "ret",
    ".size strtold, . - strtold",
    parts = sym strtold_parts,
);

#[cfg(test)]
mod tests;
