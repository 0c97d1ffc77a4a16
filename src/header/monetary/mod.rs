//! `<monetary.h>`: `strfmon` and friends, and cloudlibc's wide `wcsfmon`
//! family (declared in `<wchar.h>`), in the C locale, whose currency
//! symbols are empty and which has no digit grouping.
//!
//! Conversions %n and %i take a double; flags `=f` (fill character for
//! the left precision), `^` (no grouping: always so here), `+` and `(`
//! (sign style), `!` (no currency symbol), `-` (left-justify); then a field
//! width, `#` left precision and `.` right precision (default 2). As in
//! glibc, `#` reserves a leading space where a minus sign or opening
//! parenthesis would go.

use crate::abi::va::{VaList, VaListPtr};
use crate::abi::{c_char, ssize_t};
use crate::cptr;
use crate::errno::set_errno;
use crate::header::locale::locale_t;
use crate::header::time::strftime::{Buf, Sink, Unit};
use crate::header::wchar::{wcs::wide, wchar_t};
use cloudabi::errno;
use core::fmt::Write;

/// A fixed buffer for formatting one number.
struct Digits {
    buf: [u8; 400],
    len: usize,
}

impl Write for Digits {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(core::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[derive(Default)]
struct Spec {
    fill: Option<u32>,
    parens: bool,
    left: bool,
    width: usize,
    left_prec: Option<usize>,
    right_prec: Option<usize>,
}

fn number<F: Unit>(fmt: &[F], k: &mut usize) -> usize {
    let mut v: usize = 0;
    while let Some(d @ 0x30..=0x39) = fmt.get(*k).map(|u| u.code()) {
        v = v.saturating_mul(10).saturating_add((d - 0x30) as usize);
        *k += 1;
    }
    v
}

/// Formats `value` per `spec` into `out`; false if `out` is full.
fn money<S: Sink>(value: f64, spec: &Spec, out: &mut S) -> bool {
    let neg = value.is_sign_negative() && value != 0.0;
    let mut d = Digits { buf: [0; 400], len: 0 };
    if write!(d, "{:.*}", spec.right_prec.unwrap_or(2).min(60), value.abs()).is_err() {
        return false;
    }
    let text = &d.buf[..d.len];
    let int_len = text.iter().position(|&c| c == b'.').unwrap_or(text.len());
    let fill = spec.fill.unwrap_or(b' ' as u32);
    let pad = spec.left_prec.map_or(0, |p| p.saturating_sub(int_len));
    let (open, close): (&[u8], &[u8]) = match (neg, spec.parens, spec.left_prec.is_some()) {
        (true, true, _) => (b"(", b")"),
        (true, false, _) => (b"-", b""),
        (false, _, true) => (b" ", b""),
        (false, _, false) => (b"", b""),
    };
    let len = open.len() + pad + text.len() + close.len();
    let spaces = spec.width.saturating_sub(len);
    let mut ok = true;
    let mut put = |c: u32| ok = ok && out.put(c);
    if !spec.left {
        (0..spaces).for_each(|_| put(b' ' as u32));
    }
    open.iter().for_each(|&c| put(c as u32));
    (0..pad).for_each(|_| put(fill));
    text.iter().chain(close).for_each(|&c| put(c as u32));
    if spec.left {
        (0..spaces).for_each(|_| put(b' ' as u32));
    }
    ok
}

/// Formats `fmt` into `out`, taking each value from `next`; false if `out`
/// is full or the format is invalid (`bad` then says which).
fn format<F: Unit, S: Sink>(fmt: &[F], next: &mut dyn FnMut() -> f64, out: &mut S, bad: &mut bool) -> bool {
    let mut k = 0;
    while k < fmt.len() {
        let c = fmt[k].code();
        k += 1;
        if c != b'%' as u32 {
            if !out.put(c) {
                return false;
            }
            continue;
        }
        let mut spec = Spec::default();
        loop {
            match fmt.get(k).map(|u| u.code()) {
                Some(0x3d) => {
                    spec.fill = fmt.get(k + 1).map(|u| u.code());
                    k += 1;
                }
                Some(0x28) => spec.parens = true,
                Some(0x2d) => spec.left = true,
                Some(0x5e | 0x2b | 0x21) => {}
                _ => break,
            }
            k += 1;
        }
        spec.width = number(fmt, &mut k);
        if fmt.get(k).map(|u| u.code()) == Some(b'#' as u32) {
            k += 1;
            spec.left_prec = Some(number(fmt, &mut k));
        }
        if fmt.get(k).map(|u| u.code()) == Some(b'.' as u32) {
            k += 1;
            spec.right_prec = Some(number(fmt, &mut k));
        }
        let ok = match fmt.get(k).map(|u| u.code()) {
            Some(0x25) if spec.width == 0 => out.put(b'%' as u32),
            Some(0x69 | 0x6e) => money(next(), &spec, out),
            _ => {
                *bad = true;
                return false;
            }
        };
        k += 1;
        if !ok {
            return false;
        }
    }
    true
}

/// Runs the engine into a NUL-terminated buffer of `T`: the length, or -1
/// with E2BIG (it does not fit) or EINVAL (bad format).
fn into<T: Copy + From<u8> + TryFrom<u32>, F: Unit>(buf: &mut [T], fmt: &[F], ap: &mut VaList) -> ssize_t {
    let mut out = Buf { buf, len: 0 };
    let mut bad = false;
    // SAFETY: each %n or %i has a double argument (C contract).
    let mut next = || unsafe { ap.fp() };
    if !format(fmt, &mut next, &mut out, &mut bad) || out.buf.is_empty() {
        set_errno(if bad { errno::INVAL } else { errno::TOOBIG });
        return -1;
    }
    out.buf[out.len] = T::from(0);
    out.len as ssize_t
}

/// POSIX `vstrfmon` (cloudlibc).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vstrfmon(s: *mut c_char, max: usize, fmt: *const c_char, ap: VaListPtr) -> ssize_t {
    // SAFETY: `s` has room for `max` bytes, `fmt` is a C string and `ap` a
    // live va_list (C contract).
    unsafe { into(cptr::slice_mut(s.cast::<u8>(), max), cptr::cstr(fmt), &mut *ap) }
}

/// cloudlibc `vstrfmon_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vstrfmon_l(s: *mut c_char, max: usize, _l: locale_t, fmt: *const c_char, ap: VaListPtr) -> ssize_t {
    // SAFETY: forwarded contract.
    unsafe { vstrfmon(s, max, fmt, ap) }
}

crate::variadic!("strfmon" => vstrfmon, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("strfmon_l" => vstrfmon_l, gp = 4, fp = 0, reg = "r8");

/// cloudlibc `vwcsfmon`: `vstrfmon` over wide strings.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vwcsfmon(s: *mut wchar_t, max: usize, fmt: *const wchar_t, ap: VaListPtr) -> ssize_t {
    // SAFETY: as in vstrfmon, with wide characters.
    unsafe {
        let buf: &mut [wchar_t] = if max == 0 { &mut [] } else { core::slice::from_raw_parts_mut(s, max) };
        into(buf, wide(fmt), &mut *ap)
    }
}

/// cloudlibc `vwcsfmon_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vwcsfmon_l(s: *mut wchar_t, max: usize, _l: locale_t, fmt: *const wchar_t, ap: VaListPtr) -> ssize_t {
    // SAFETY: forwarded contract.
    unsafe { vwcsfmon(s, max, fmt, ap) }
}

crate::variadic!("wcsfmon" => vwcsfmon, gp = 3, fp = 0, reg = "rcx");
crate::variadic!("wcsfmon_l" => vwcsfmon_l, gp = 4, fp = 0, reg = "r8");

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, v: f64) -> String {
        let mut out = [0u8; 100];
        let mut b = Buf { buf: &mut out, len: 0 };
        let mut bad = false;
        assert!(format(fmt.as_bytes(), &mut || v, &mut b, &mut bad));
        let n = b.len;
        String::from_utf8(out[..n].to_vec()).unwrap()
    }

    #[test]
    fn matches_glibc_c_locale() {
        assert_eq!(f("%n", 1234.567), "1234.57");
        assert_eq!(f("%i", -1234.567), "-1234.57");
        assert_eq!(f("%(n", -1234.567), "(1234.57)");
        assert_eq!(f("%10n", -1234.567), "  -1234.57");
        assert_eq!(f("%-10n|", 1234.567), "1234.57   |");
        assert_eq!(f("%#5n", -1234.567), "- 1234.57");
        assert_eq!(f("%=*#5n", 0.0), " ****0.00");
        assert_eq!(f("%.0n", -1234.567), "-1235");
        assert_eq!(f("%(#5n", -1234.567), "( 1234.57)");
        assert_eq!(f("%#5.1n", 1e10), " 10000000000.0");
        assert_eq!(f("%%", 0.0), "%");
    }
}
