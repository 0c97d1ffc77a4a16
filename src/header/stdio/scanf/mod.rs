//! The scanf family, narrow and wide: one engine (`scan.rs`) over string
//! and stream inputs.

mod input;
mod number;
mod scan;

use self::input::{FileInput, Input, StrInput};
use self::scan::{scan, VaPointers};
use super::file::{with_locked, Stream, FILE};
use super::wide::take_char;
use crate::abi::va::VaList;
use crate::abi::{c_char, c_int, c_void};

type wchar_t = u32;

fn stdin_file() -> *mut FILE {
    // SAFETY: `stdin` is only reassigned by the program itself.
    unsafe { super::file::stdin }
}

/// C11 `vfscanf`: reads formatted input from a stream.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vfscanf(f: *mut FILE, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: C passes a live stream, a format and matching pointers.
    unsafe {
        with_locked(f, |s| {
            let mut input = FileInput::new(s);
            scan(fmt.cast::<u8>(), &mut input, &mut VaPointers::new(ap), false)
        })
    }
}

/// Compat (C11) `vscanf`: `vfscanf` from stdin.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vscanf(fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vfscanf(stdin_file(), fmt, ap) }
}

/// C11 `vsscanf`: reads formatted input from a string.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vsscanf(s: *const c_char, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: C passes NUL-terminated strings and matching pointers.
    unsafe { scan(fmt.cast::<u8>(), &mut StrInput::new(s.cast::<u8>()), &mut VaPointers::new(ap), false) }
}

/// cloudlibc `vfscanf_l`: `vfscanf` (the C locale's rules).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vfscanf_l(f: *mut FILE, _l: *mut c_void, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vfscanf(f, fmt, ap) }
}

/// cloudlibc `vsscanf_l`: `vsscanf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vsscanf_l(s: *const c_char, _l: *mut c_void, fmt: *const c_char, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vsscanf(s, fmt, ap) }
}

// C11 scanf, fscanf, sscanf and cloudlibc's _l forms.
crate::variadic!("scanf" => vscanf, gp = 1, fp = 0, reg = "rsi");
crate::variadic!("fscanf" => vfscanf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("sscanf" => vsscanf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("fscanf_l" => vfscanf_l, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("sscanf_l" => vsscanf_l, gp = 3, fp = 0, reg = "rcx");

/// A stream read as wide characters (UTF-8). The bytes of a character
/// looked at but not taken go back to the stream at the end.
struct WideFileInput<'a> {
    s: &'a mut Stream,
    pending: Option<(u32, [u8; 4], usize)>,
    taken: usize,
}

impl Input for WideFileInput<'_> {
    fn peek(&mut self) -> Option<u32> {
        if self.pending.is_none() {
            self.pending = take_char(self.s).ok();
        }
        self.pending.map(|(c, _, _)| c)
    }

    fn advance(&mut self) {
        self.pending = None;
        self.taken += 1;
    }

    fn taken(&self) -> usize {
        self.taken
    }
}

impl Drop for WideFileInput<'_> {
    fn drop(&mut self) {
        if let Some((_, bytes, n)) = self.pending.take() {
            for &b in bytes[..n].iter().rev() {
                self.s.ungetc(b);
            }
        }
    }
}

/// C11 `vfwscanf`: reads formatted input from a stream of UTF-8 text.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vfwscanf(f: *mut FILE, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: C passes a live stream, a wide format and matching pointers.
    unsafe {
        with_locked(f, |s| {
            let mut input = WideFileInput { s, pending: None, taken: 0 };
            scan(fmt, &mut input, &mut VaPointers::new(ap), true)
        })
    }
}

/// Compat (C11) `vwscanf`: `vfwscanf` from stdin.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vwscanf(fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vfwscanf(stdin_file(), fmt, ap) }
}

/// C11 `vswscanf`: reads formatted input from a wide string.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vswscanf(s: *const wchar_t, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: C passes NUL-terminated wide strings and matching pointers.
    unsafe { scan(fmt, &mut StrInput::new(s), &mut VaPointers::new(ap), true) }
}

/// cloudlibc `vfwscanf_l`: `vfwscanf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vfwscanf_l(f: *mut FILE, _l: *mut c_void, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vfwscanf(f, fmt, ap) }
}

/// cloudlibc `vswscanf_l`: `vswscanf`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vswscanf_l(s: *const wchar_t, _l: *mut c_void, fmt: *const wchar_t, ap: *mut VaList) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { vswscanf(s, fmt, ap) }
}

// C11 wscanf, fwscanf, swscanf and cloudlibc's _l forms.
crate::variadic!("wscanf" => vwscanf, gp = 1, fp = 0, reg = "rsi");
crate::variadic!("fwscanf" => vfwscanf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("swscanf" => vswscanf, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("fwscanf_l" => vfwscanf_l, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("swscanf_l" => vswscanf_l, gp = 3, fp = 0, reg = "rcx");
