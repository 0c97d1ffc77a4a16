//! `strftime` and its engine, shared with `wcsftime` and `asctime`.
//!
//! Every conversion of C11 and POSIX, the E and O modifiers (which the C
//! locale ignores), and glibc's extensions: %k %l %P %s, the flags `_`
//! (pad with spaces), `-` (no padding), `0` (pad with zeros), `^`
//! (upper case), `#` (swap case) and `+`, and a field width. Values out of
//! range print as "?" for names, as numbers otherwise, like glibc. An
//! unknown conversion is copied as it is.

use super::calendar::{iso_week, seconds};
use super::localtime::process_zone;
use super::tm;
use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::header::langinfo::{self, text, ABDAYS, ABMONS, AM_PM, DAYS, MONTHS};
use crate::header::locale::locale_t;

/// A character of a narrow or wide format string.
pub trait Unit: Copy {
    fn code(self) -> u32;
}

impl Unit for u8 {
    fn code(self) -> u32 {
        self as u32
    }
}

impl Unit for i32 {
    fn code(self) -> u32 {
        self as u32
    }
}

/// Where formatted characters go: `put` returns false once full.
pub trait Sink {
    fn put(&mut self, c: u32) -> bool;
}

/// A bounded buffer of `T`, leaving room for the terminating NUL.
pub struct Buf<'a, T> {
    pub buf: &'a mut [T],
    pub len: usize,
}

impl<T: Copy + From<u8> + TryFrom<u32>> Sink for Buf<'_, T> {
    fn put(&mut self, c: u32) -> bool {
        if self.len + 1 >= self.buf.len() {
            return false;
        }
        // Narrow output only ever receives bytes: literal format bytes and
        // ASCII conversions.
        self.buf[self.len] = T::try_from(c).unwrap_or(T::from(b'?'));
        self.len += 1;
        true
    }
}

#[derive(Clone, Copy, Default)]
struct Spec {
    /// `_`, `-`, `0` or `+`, if given.
    pad: Option<u8>,
    upper: bool,
    swap: bool,
    width: Option<usize>,
}

struct Out<'a, S> {
    sink: &'a mut S,
    ok: bool,
}

impl<S: Sink> Out<'_, S> {
    fn put(&mut self, c: u32) {
        if self.ok {
            self.ok = self.sink.put(c);
        }
    }

    fn pad(&mut self, n: usize, c: u8) {
        for _ in 0..n {
            self.put(c as u32);
        }
    }

    /// A string conversion: left-padded to the width with spaces (zeros
    /// with the `0` flag), case changed by `^` or `#` (`swap_lower` says
    /// that `#` lowers rather than raises).
    fn string(&mut self, s: &[u8], spec: Spec, swap_lower: bool) {
        let width = spec.width.unwrap_or(0);
        let fill = if spec.pad == Some(b'0') || spec.pad == Some(b'+') { b'0' } else { b' ' };
        if spec.pad != Some(b'-') {
            self.pad(width.saturating_sub(s.len()), fill);
        }
        for &c in s {
            let c = if spec.upper || (spec.swap && !swap_lower) {
                c.to_ascii_uppercase()
            } else if spec.swap {
                c.to_ascii_lowercase()
            } else {
                c
            };
            self.put(c as u32);
        }
    }

    /// A number with at least `digits` digits, padded with `fill` unless
    /// the flags say otherwise.
    fn number(&mut self, v: i64, digits: usize, fill: u8, spec: Spec) {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut u = v.unsigned_abs();
        loop {
            i -= 1;
            buf[i] = b'0' + (u % 10) as u8;
            u /= 10;
            if u == 0 {
                break;
            }
        }
        let body = &buf[i..];
        let neg = v < 0;
        let fill = match spec.pad {
            Some(b'_') => b' ',
            Some(b'-') => 0,
            Some(b'0') | Some(b'+') => b'0',
            _ => fill,
        };
        let width = spec.width.unwrap_or(digits);
        let used = body.len() + neg as usize;
        let padding = if fill == 0 { 0 } else { width.saturating_sub(used) };
        if fill == b' ' {
            self.pad(padding, b' ');
        }
        if neg {
            self.put(b'-' as u32);
        }
        if fill == b'0' {
            self.pad(padding, b'0');
        }
        for &c in body {
            self.put(c as u32);
        }
    }
}

fn name(table: &[&'static [u8]], i: c_int) -> &'static [u8] {
    usize::try_from(i).ok().and_then(|i| table.get(i)).map_or(b"?", |s| text(s))
}

/// Formats `fmt` for `t` into `sink`; false if the sink ran out of room.
pub fn format<T: Unit, S: Sink>(fmt: &[T], t: &tm, sink: &mut S) -> bool {
    let mut out = Out { sink, ok: true };
    run(fmt, t, &mut out);
    out.ok
}

fn run<T: Unit, S: Sink>(fmt: &[T], t: &tm, out: &mut Out<'_, S>) {
    let mut i = 0;
    while i < fmt.len() && out.ok {
        let c = fmt[i].code();
        i += 1;
        if c != b'%' as u32 {
            out.put(c);
            continue;
        }
        let start = i - 1;
        let mut spec = Spec::default();
        while let Some(f) = fmt.get(i).map(|u| u.code()) {
            match f {
                0x5f | 0x2d | 0x30 | 0x2b => spec.pad = Some(f as u8),
                0x5e => spec.upper = true,
                0x23 => spec.swap = true,
                _ => break,
            }
            i += 1;
        }
        while let Some(d @ 0x30..=0x39) = fmt.get(i).map(|u| u.code()) {
            spec.width = Some(spec.width.unwrap_or(0).saturating_mul(10).saturating_add((d - 0x30) as usize));
            i += 1;
        }
        if let Some(0x45 | 0x4f) = fmt.get(i).map(|u| u.code()) {
            i += 1;
        }
        let conv = match fmt.get(i) {
            Some(u) => u.code(),
            None => {
                // A lone '%' at the end is copied.
                for u in &fmt[start..] {
                    out.put(u.code());
                }
                return;
            }
        };
        i += 1;
        if !convert(conv, t, spec, out) {
            for u in &fmt[start..i] {
                out.put(u.code());
            }
        }
    }
}

/// One conversion; false if `conv` is not one.
fn convert<S: Sink>(conv: u32, t: &tm, spec: Spec, out: &mut Out<'_, S>) -> bool {
    let year = t.tm_year as i64 + 1900;
    let hour12 = match t.tm_hour % 12 {
        0 => 12,
        h => h,
    };
    let Ok(conv) = u8::try_from(conv) else { return false };
    match conv {
        b'a' => out.string(name(&ABDAYS, t.tm_wday), spec, false),
        b'A' => out.string(name(&DAYS, t.tm_wday), spec, false),
        b'b' | b'h' => out.string(name(&ABMONS, t.tm_mon), spec, false),
        b'B' => out.string(name(&MONTHS, t.tm_mon), spec, false),
        b'c' => sub(langinfo::D_T_FMT_C, t, spec, out),
        b'C' => out.number(year.div_euclid(100), 2, b'0', spec),
        b'd' => out.number(t.tm_mday as i64, 2, b'0', spec),
        b'D' => sub(b"%m/%d/%y\0", t, spec, out),
        b'e' => out.number(t.tm_mday as i64, 2, b' ', spec),
        b'F' => sub(b"%Y-%m-%d\0", t, spec, out),
        b'g' => out.number(iso(t).0.rem_euclid(100), 2, b'0', spec),
        b'G' => out.number(iso(t).0, 1, b'0', spec),
        b'H' => out.number(t.tm_hour as i64, 2, b'0', spec),
        b'I' => out.number(hour12 as i64, 2, b'0', spec),
        b'j' => out.number(t.tm_yday as i64 + 1, 3, b'0', spec),
        b'k' => out.number(t.tm_hour as i64, 2, b' ', spec),
        b'l' => out.number(hour12 as i64, 2, b' ', spec),
        b'm' => out.number(t.tm_mon as i64 + 1, 2, b'0', spec),
        b'M' => out.number(t.tm_min as i64, 2, b'0', spec),
        b'n' => out.put(b'\n' as u32),
        b'p' => out.string(text(AM_PM[(t.tm_hour >= 12) as usize]), spec, true),
        b'P' => {
            let s = if t.tm_hour >= 12 { b"pm" } else { b"am" };
            out.string(s, spec, false)
        }
        b'r' => sub(langinfo::T_FMT_AMPM_C, t, spec, out),
        b'R' => sub(b"%H:%M\0", t, spec, out),
        b's' => out.number(epoch_seconds(t), 1, b'0', spec),
        b'S' => out.number(t.tm_sec as i64, 2, b'0', spec),
        b't' => out.put(b'\t' as u32),
        b'T' => sub(b"%H:%M:%S\0", t, spec, out),
        b'u' => out.number(((t.tm_wday + 6) % 7 + 1) as i64, 1, b'0', spec),
        b'U' => out.number(((t.tm_yday + 7 - t.tm_wday) / 7) as i64, 2, b'0', spec),
        b'V' => out.number(iso(t).1 as i64, 2, b'0', spec),
        b'w' => out.number(t.tm_wday as i64, 1, b'0', spec),
        b'W' => out.number(((t.tm_yday + 7 - (t.tm_wday + 6) % 7) / 7) as i64, 2, b'0', spec),
        b'x' => sub(langinfo::D_FMT_C, t, spec, out),
        b'X' => sub(langinfo::T_FMT_C, t, spec, out),
        b'y' => out.number(year.rem_euclid(100), 2, b'0', spec),
        b'Y' => out.number(year, 1, b'0', spec),
        b'z' => {
            if t.tm_isdst >= 0 {
                let off = t.tm_gmtoff as i64;
                out.put(if off < 0 { b'-' } else { b'+' } as u32);
                let a = off.abs();
                let spec = Spec { width: spec.width.map(|w| w.saturating_sub(1)), ..spec };
                out.number(a / 3600 * 100 + a / 60 % 60, 4, b'0', spec);
            }
        }
        b'Z' => {
            if t.tm_isdst >= 0 && !t.tm_zone.is_null() {
                // SAFETY: a non-null tm_zone is a C string (C contract).
                out.string(unsafe { cptr::cstr(t.tm_zone) }, spec, true);
            }
        }
        b'%' => out.put(b'%' as u32),
        _ => return false,
    }
    true
}

/// A composite conversion (%c, %D, ...): its expansion, with the flags
/// applied to the whole as a string.
fn sub<S: Sink>(fmt: &'static [u8], t: &tm, spec: Spec, out: &mut Out<'_, S>) {
    let fmt = &fmt[..fmt.len() - 1];
    if spec.width.is_none() && !spec.upper && !spec.swap {
        run(fmt, t, out);
        return;
    }
    let mut tmp = [0u8; 64];
    let mut buf = Buf { buf: &mut tmp, len: 0 };
    let mut inner = Out { sink: &mut buf, ok: true };
    run(fmt, t, &mut inner);
    let len = buf.len;
    out.string(&tmp[..len], spec, false);
}

/// The ISO 8601 week-based year and week of `t`.
fn iso(t: &tm) -> (i64, u32) {
    iso_week(t.tm_year as i64 + 1900, t.tm_yday.clamp(0, 365) as u32, t.tm_wday.rem_euclid(7) as u32)
}

/// %s: the fields read as local time in the process zone (as `mktime`).
fn epoch_seconds(t: &tm) -> i64 {
    let local = seconds(
        t.tm_year as i64 + 1900,
        t.tm_mon as i64,
        t.tm_mday as i64,
        t.tm_hour as i64,
        t.tm_min as i64,
        t.tm_sec as i64,
    );
    local.map_or(0, |l| process_zone().to_utc(l, t.tm_isdst))
}

/// Formats into `buf` with a terminating NUL: the length without the NUL,
/// or 0 if the result and its NUL do not fit (`strftime`, `wcsftime`).
pub fn format_into<T: Copy + From<u8> + TryFrom<u32>, F: Unit>(buf: &mut [T], fmt: &[F], t: &tm) -> usize {
    let mut out = Buf { buf, len: 0 };
    if !format(fmt, t, &mut out) || out.buf.is_empty() {
        return 0;
    }
    out.buf[out.len] = T::from(0);
    out.len
}

/// C11 `strftime`: the length written without the NUL, or 0 if the
/// result (with its NUL) does not fit in `max` bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strftime(s: *mut c_char, max: usize, fmt: *const c_char, t: *const tm) -> usize {
    // SAFETY: `s` has room for `max` bytes, `fmt` is a C string and `t`
    // readable (C contract).
    let (buf, fmt, t) = unsafe { (cptr::slice_mut(s.cast(), max), cptr::cstr(fmt), &*t) };
    format_into(buf, fmt, t)
}

/// POSIX `strftime_l` (every locale formats like C).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strftime_l(s: *mut c_char, max: usize, fmt: *const c_char, t: *const tm, _l: locale_t) -> usize {
    // SAFETY: forwarded contract.
    unsafe { strftime(s, max, fmt, t) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::time::localtime::broken_down;
    use crate::header::time::tz::Zone;

    fn f(fmt: &str, t: &tm) -> String {
        let mut b = [0u8; 256];
        let mut out = Buf { buf: &mut b, len: 0 };
        assert!(format(fmt.as_bytes(), t, &mut out));
        let n = out.len;
        String::from_utf8(b[..n].to_vec()).unwrap()
    }

    #[test]
    fn conversions() {
        let z = Zone::parse(b"CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        let t = broken_down(1704164645, z.at(1704164645)).unwrap(); // 2024-01-02 04:04:05 CET
        assert_eq!(f("%a %A %b %B %h", &t), "Tue Tuesday Jan January Jan");
        assert_eq!(f("%c|%x|%X|%D|%F|%T|%R|%r", &t), "Tue Jan  2 04:04:05 2024|01/02/24|04:04:05|01/02/24|2024-01-02|04:04:05|04:04|04:04:05 AM");
        assert_eq!(f("%C %d %e %g %G %H %I %j %k %l %m %M", &t), "20 02  2 24 2024 04 04 002  4  4 01 04");
        assert_eq!(f("%p %P %S %u %U %V %w %W %y %Y %z %Z %%", &t), "AM am 05 2 00 01 2 01 24 2024 +0100 CET %");
        assert_eq!(f("%Ec %EY %Od %OH", &t), "Tue Jan  2 04:04:05 2024 2024 02 04");
        assert_eq!(f("%-d %_m %010Y %^a %#b %#Z %^B %5z %#p", &t), "2  1 0000002024 TUE JAN cet JANUARY +0100 am");
        assert_eq!(f("%Q %", &t), "%Q %");
        assert_eq!(f("%n%t", &t), "\n\t");
        let mut odd = t;
        odd.tm_wday = 9;
        odd.tm_mon = -1;
        assert_eq!(f("%a %b", &odd), "? ?");
        odd.tm_isdst = -1;
        assert_eq!(f("[%z%Z]", &odd), "[]");
    }

    #[test]
    fn too_small() {
        let t = broken_down(0, Zone::UTC.at(0)).unwrap();
        let mut b = [0u8; 4];
        // SAFETY: `b` holds 4 bytes; the format is a C string.
        unsafe {
            assert_eq!(strftime(b.as_mut_ptr().cast(), 4, b"%Y\0".as_ptr().cast(), &t), 0);
            assert_eq!(strftime(b.as_mut_ptr().cast(), 0, b"\0".as_ptr().cast(), &t), 0);
        }
        let mut b = [0u8; 5];
        // SAFETY: as above.
        unsafe { assert_eq!(strftime(b.as_mut_ptr().cast(), 5, b"%Y\0".as_ptr().cast(), &t), 4) };
        assert_eq!(&b, b"1970\0");
    }
}
