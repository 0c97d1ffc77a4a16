//! Wide-string numbers: `wcstol`, `wcstoll`, `wcstoul`, `wcstoull`,
//! `wcstod`, `wcstof`, `wcstold` and the `_l` forms, on the `<stdlib.h>`
//! scanners (generic over the code unit). Only ASCII digits, signs and
//! white space take part, as in the C locale.

use super::wchar_t;
use crate::abi::{c_int, c_long, c_longlong, c_ulong, c_ulonglong};
use crate::header::locale::locale_t;
use crate::header::stdlib::strtod::{to_f32, to_f64, to_f80};
use crate::header::stdlib::strtol::{to_signed, to_unsigned};

/// C11 `wcstol`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstol(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> c_long {
    // SAFETY: `s` is NUL-terminated, `end` null or writable (C contract).
    unsafe { to_signed(s, end, base) }
}

/// C11 `wcstoll`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstoll(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> c_longlong {
    // SAFETY: as in wcstol.
    unsafe { to_signed(s, end, base) }
}

/// C11 `wcstoul`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstoul(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> c_ulong {
    // SAFETY: as in wcstol.
    unsafe { to_unsigned(s, end, base) }
}

/// C11 `wcstoull`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstoull(s: *const wchar_t, end: *mut *mut wchar_t, base: c_int) -> c_ulonglong {
    // SAFETY: as in wcstol.
    unsafe { to_unsigned(s, end, base) }
}

/// C11 `wcstod`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstod(s: *const wchar_t, end: *mut *mut wchar_t) -> f64 {
    // SAFETY: as in wcstol.
    unsafe { to_f64(s, end) }
}

/// cloudlibc `wcstod_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstod_l(s: *const wchar_t, end: *mut *mut wchar_t, _l: locale_t) -> f64 {
    // SAFETY: as in wcstol.
    unsafe { to_f64(s, end) }
}

/// C11 `wcstof`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstof(s: *const wchar_t, end: *mut *mut wchar_t) -> f32 {
    // SAFETY: as in wcstol.
    unsafe { to_f32(s, end) }
}

/// cloudlibc `wcstof_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wcstof_l(s: *const wchar_t, end: *mut *mut wchar_t, _l: locale_t) -> f32 {
    // SAFETY: as in wcstol.
    unsafe { to_f32(s, end) }
}

/// The body of `wcstold`: the 80-bit result (significand, then sign and
/// exponent) for the assembly entry below to load.
#[cfg(not(test))]
unsafe extern "C" fn wcstold_parts(s: *const wchar_t, end: *mut *mut wchar_t, out: *mut [u64; 2]) {
    // SAFETY: as in wcstol; `out` is the stub's stack slot.
    unsafe {
        let (mant, se) = to_f80(s, end);
        *out = [mant, u64::from(se)];
    }
}

// C11 `wcstold` and cloudlibc `wcstold_l` (which ignores its locale in
// rdx, the register the stub reuses): long double comes back in st(0),
// which Rust cannot express, so a stub loads it from a stack slot. The
// stack is 16-byte aligned at the call (entry rsp is 8 mod 16, minus 24).
#[cfg(not(test))]
core::arch::global_asm!(
    ".globl wcstold",
    ".type wcstold, @function",
    ".p2align 4",
    "wcstold:",
    "sub rsp, 24",
    "mov rdx, rsp",
    "call {parts}",
    "fld tbyte ptr [rsp]",
    "add rsp, 24",
    "ret",
    ".size wcstold, . - wcstold",
    ".globl wcstold_l",
    ".type wcstold_l, @function",
    "wcstold_l:",
    "jmp wcstold",
    ".size wcstold_l, . - wcstold_l",
    parts = sym wcstold_parts,
);
