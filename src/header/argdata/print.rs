//! argdata_print_yaml: a value as a YAML document, in cloudlibc's layout
//! (every node tagged, flow style, one entry per line):
//!
//! ```yaml
//! %TAG ! tag:nuxi.nl,2015:cloudabi/
//! ---
//! !!map {
//!   ? !!str "args"
//!   : !!seq [
//!     !!int "1",
//!   ],
//! }
//! ```
//!
//! The formatting is written against [`FileSink`], so it does not depend on
//! `<stdio.h>`. `FILE` is opaque here (`struct _FILE` in C): until stdio
//! exists and implements `FileSink` for its stream type (replacing
//! [`_FILE`] below), `argdata_print_yaml` sets `errno` to `ENOSYS` and
//! prints nothing.

use super::{argdata_t, FdMap, Kind, View};
use crate::errno::{Errno, OrErrno};
use argdata::Value;
use cloudabi::errno;
use core::fmt::{self, Write};

/// Where YAML goes: implemented by stdio's stream type.
pub trait FileSink {
    /// Writes all of `bytes`, or fails with the reason.
    fn write_all(&mut self, bytes: &[u8]) -> Result<(), Errno>;
}

/// C's `FILE` (`struct _FILE`), whose layout `<stdio.h>` defines.
#[repr(C)]
pub struct _FILE {
    _opaque: [u8; 0],
}

impl FileSink for _FILE {
    fn write_all(&mut self, _: &[u8]) -> Result<(), Errno> {
        Err(errno::NOSYS)
    }
}

/// cloudlibc `argdata_print_yaml`: writes `ad` to `fp` as a YAML document.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_print_yaml(ad: *const argdata_t, fp: *mut _FILE) {
    // SAFETY: C contract: `ad` is a live value, `fp` an open stream.
    unsafe { print_yaml(&*ad, &mut *fp) }.or_errno(())
}

/// Writes `ad` to `out` as a YAML document; stops at the first write error.
///
/// # Safety
/// The value and everything it refers to must be alive.
pub unsafe fn print_yaml(ad: &argdata_t, out: &mut (impl FileSink + ?Sized)) -> Result<(), Errno> {
    let mut p = Printer { out, error: None };
    let r = (|| {
        p.write_str("%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n")?;
        // SAFETY: forwarded contract.
        unsafe { node(ad, &mut p, 0) }?;
        p.write_char('\n')
    })();
    match (r, p.error) {
        (Ok(()), _) => Ok(()),
        (Err(_), e) => Err(e.unwrap_or(errno::IO)),
    }
}

/// `core::fmt` over a sink, keeping the sink's error (fmt's has none).
struct Printer<'a, S: FileSink + ?Sized> {
    out: &'a mut S,
    error: Option<Errno>,
}

impl<S: FileSink + ?Sized> Write for Printer<'_, S> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

fn indent(p: &mut impl Write, depth: usize) -> fmt::Result {
    write!(p, "\n{:depth$}", "")
}

/// Writes one node at nesting `depth`.
///
/// # Safety
/// As for [`print_yaml`].
unsafe fn node(ad: &argdata_t, p: &mut impl Write, depth: usize) -> fmt::Result {
    // SAFETY: forwarded contract (the value and its elements are alive).
    match unsafe { ad.view() } {
        View::Encoded(v, fds) => encoded(v, fds, p, depth),
        View::Binary(b) => binary(b, p),
        View::Str(s) => string(s, p),
        // SAFETY: forwarded contract.
        View::Seq(items) => seq(items.iter().map(|&e| unsafe { *e }), p, depth),
        // SAFETY: forwarded contract.
        View::Map(keys, values) => map(keys.iter().zip(values).map(|(&k, &v)| unsafe { (*k, *v) }), p, depth),
    }
}

/// An encoded node; its elements are printed through views of their bytes,
/// and printing stops at a malformed one.
fn encoded(v: Value, fds: FdMap, p: &mut impl Write, depth: usize) -> fmt::Result {
    let view = |e: Value| argdata_t { kind: Kind::Buffer { ptr: e.bytes().as_ptr(), len: e.bytes().len(), fds } };
    if let Ok(b) = v.binary() {
        binary(b, p)
    } else if let Ok(b) = v.bool() {
        write!(p, "!!bool \"{b}\"")
    } else if let Ok(raw) = v.fd() {
        match fds.local(raw) {
            Ok(fd) => write!(p, "!fd \"{fd}\""),
            Err(_) => p.write_str("!fd \"invalid\""),
        }
    } else if let Ok(f) = v.float() {
        float(f, p)
    } else if let Ok(n) = v.int() {
        write!(p, "!!int \"{n}\"")
    } else if let Ok(pairs) = v.map() {
        map(pairs.map_while(Result::ok).map(|(k, v)| (view(k), view(v))), p, depth)
    } else if let Ok(items) = v.seq() {
        seq(items.map_while(Result::ok).map(view), p, depth)
    } else if let Ok(s) = v.str() {
        string(s.as_bytes(), p)
    } else if let Ok((secs, ns)) = v.timestamp() {
        timestamp(secs, ns, p)
    } else {
        p.write_str("!!null \"null\"")
    }
}

// The elements below are views into memory the caller of `print_yaml`
// keeps alive, which is what makes the `node` calls sound.

fn seq(items: impl Iterator<Item = argdata_t>, p: &mut impl Write, depth: usize) -> fmt::Result {
    let mut any = false;
    for e in items {
        p.write_str(if any { "" } else { "!!seq [" })?;
        any = true;
        indent(p, depth + 2)?;
        // SAFETY: see above.
        unsafe { node(&e, p, depth + 2) }?;
        p.write_char(',')?;
    }
    if any {
        indent(p, depth)?;
        p.write_char(']')
    } else {
        p.write_str("!!seq []")
    }
}

fn map(pairs: impl Iterator<Item = (argdata_t, argdata_t)>, p: &mut impl Write, depth: usize) -> fmt::Result {
    let mut any = false;
    for (k, v) in pairs {
        p.write_str(if any { "" } else { "!!map {" })?;
        any = true;
        indent(p, depth + 2)?;
        p.write_str("? ")?;
        // SAFETY: see above.
        unsafe { node(&k, p, depth + 2) }?;
        indent(p, depth + 2)?;
        p.write_str(": ")?;
        // SAFETY: see above.
        unsafe { node(&v, p, depth + 2) }?;
        p.write_char(',')?;
    }
    if any {
        indent(p, depth)?;
        p.write_char('}')
    } else {
        p.write_str("!!map {}")
    }
}

fn binary(b: &[u8], p: &mut impl Write) -> fmt::Result {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    p.write_str("!!binary \"")?;
    for group in b.chunks(3) {
        let n = group.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            let c = if i <= group.len() { DIGITS[(n >> (18 - 6 * i) & 63) as usize] } else { b'=' };
            p.write_char(char::from(c))?;
        }
    }
    p.write_char('"')
}

/// cloudlibc prints 17 decimals in exponent form, then strips trailing
/// zeros, a zero exponent and the exponent's leading zeros.
fn float(f: f64, p: &mut impl Write) -> fmt::Result {
    if f.is_nan() {
        return p.write_str("!!float \".nan\"");
    }
    if f.is_infinite() {
        return p.write_str(if f < 0.0 { "!!float \"-.inf\"" } else { "!!float \".inf\"" });
    }
    if f == 0.0 {
        return p.write_str("!!float \"0\"");
    }
    let mut buf = Fixed { bytes: [0; 40], len: 0 };
    write!(buf, "{f:.17e}")?;
    let text = core::str::from_utf8(&buf.bytes[..buf.len]).map_err(|_| fmt::Error)?;
    let (mantissa, exp) = text.split_once('e').ok_or(fmt::Error)?;
    let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
    match exp {
        "0" => write!(p, "!!float \"{mantissa}\""),
        _ => match exp.strip_prefix('-') {
            Some(digits) => write!(p, "!!float \"{mantissa}e-{digits}\""),
            None => write!(p, "!!float \"{mantissa}e+{exp}\""),
        },
    }
}

/// A small formatting buffer for numbers.
struct Fixed {
    bytes: [u8; 40],
    len: usize,
}

impl Write for Fixed {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A double-quoted YAML scalar: YAML's short escapes where there is one,
/// `\x`, `\u` or `\U` for other control characters, the rest as is.
fn string(s: &[u8], p: &mut impl Write) -> fmt::Result {
    p.write_str("!!str \"")?;
    for c in core::str::from_utf8(s).map_err(|_| fmt::Error)?.chars() {
        let short = match c {
            '\0' => '0',
            '\x07' => 'a',
            '\x08' => 'b',
            '\t' => 't',
            '\n' => 'n',
            '\x0b' => 'v',
            '\x0c' => 'f',
            '\r' => 'r',
            '\x1b' => 'e',
            '"' => '"',
            '\\' => '\\',
            '\u{85}' => 'N',
            '\u{a0}' => '_',
            '\u{2028}' => 'L',
            '\u{2029}' => 'P',
            c if c.is_control() => {
                write!(p, "\\x{:02x}", u32::from(c))?;
                continue;
            }
            c => {
                p.write_char(c)?;
                continue;
            }
        };
        p.write_char('\\')?;
        p.write_char(short)?;
    }
    p.write_char('"')
}

/// `YYYY-MM-DDTHH:MM:SS.NNNNNNNNNZ`, in UTC.
fn timestamp(secs: i128, ns: u32, p: &mut impl Write) -> fmt::Result {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil(days);
    write!(p, "!!timestamp \"{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ns:09}Z\"", rem / 3600, rem / 60 % 60, rem % 60)
}

/// The proleptic Gregorian date `days` after 1970-01-01, computed in
/// 400-year eras (146097 days each) counted from 0000-03-01, so that the
/// leap day falls at the end of each computed year.
fn civil(days: i128) -> (i128, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = era * 400 + yoe + i128::from(m <= 2);
    (y, m, d)
}
