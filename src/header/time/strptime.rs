//! `strptime` and its engine, shared with `wcsptime`: every POSIX
//! conversion in the C locale, the E and O modifiers, and glibc's %k %l %P
//! %s %F %z %Z %G %g %V %u. Names match case-insensitively, in full or
//! abbreviated; white space in the format matches any amount of white
//! space. When the date is known, `tm_wday` and `tm_yday` are computed.

use super::calendar::{days_from_civil, month_days, weekday, yearday};
use super::localtime::{broken_down, process_zone};
use super::strftime::Unit;
use super::tm;
use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::header::langinfo::{self, text, ABDAYS, ABMONS, DAYS, MONTHS};
use crate::header::locale::locale_t;

fn is_space(c: u32) -> bool {
    c == 0x20 || (0x09..=0x0d).contains(&c)
}

#[derive(Default)]
struct State {
    century: Option<i64>,
    year2: Option<i64>,
    pm: Option<bool>,
    hour12: bool,
    have_date: bool,
    have_wday: bool,
    have_yday: bool,
    have_year: bool,
}

struct Input<'a, T> {
    s: &'a [T],
    i: usize,
}

impl<T: Unit> Input<'_, T> {
    fn peek(&self) -> Option<u32> {
        self.s.get(self.i).map(|u| u.code())
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.i += 1;
        }
    }

    /// Up to `digits` decimal digits after optional white space, within
    /// `lo..=hi`.
    fn number(&mut self, digits: usize, lo: i64, hi: i64) -> Option<i64> {
        self.skip_space();
        let start = self.i;
        let mut v: i64 = 0;
        while self.i - start < digits {
            match self.peek() {
                Some(c @ 0x30..=0x39) => v = v * 10 + (c - 0x30) as i64,
                _ => break,
            }
            self.i += 1;
        }
        (self.i > start && (lo..=hi).contains(&v)).then_some(v)
    }

    /// Matches `word` case-insensitively.
    fn word(&mut self, word: &[u8]) -> bool {
        let n = word.len();
        let ok = self.s.len() - self.i >= n
            && self.s[self.i..self.i + n].iter().zip(word).all(|(u, w)| {
                u8::try_from(u.code()).is_ok_and(|c| c.to_ascii_lowercase() == w.to_ascii_lowercase())
            });
        if ok {
            self.i += n;
        }
        ok
    }

    /// The index of the name (full, else abbreviated) the input starts with.
    fn name(&mut self, full: &[&'static [u8]], short: &[&'static [u8]]) -> Option<usize> {
        self.skip_space();
        (0..full.len()).find(|&k| self.word(text(full[k]))).or_else(|| (0..short.len()).find(|&k| self.word(text(short[k]))))
    }
}

/// Parses `input` against `fmt` into `t`; the index where parsing stopped.
pub fn parse<T: Unit, F: Unit>(input: &[T], fmt: &[F], t: &mut tm) -> Option<usize> {
    let mut st = State::default();
    let mut inp = Input { s: input, i: 0 };
    run(&mut inp, fmt, t, &mut st)?;
    finish(t, &st);
    Some(inp.i)
}

fn run<T: Unit, F: Unit>(inp: &mut Input<'_, T>, fmt: &[F], t: &mut tm, st: &mut State) -> Option<()> {
    let mut k = 0;
    while k < fmt.len() {
        let c = fmt[k].code();
        k += 1;
        if is_space(c) {
            inp.skip_space();
            continue;
        }
        if c != b'%' as u32 {
            if inp.peek() != Some(c) {
                return None;
            }
            inp.i += 1;
            continue;
        }
        if let Some(0x45 | 0x4f) = fmt.get(k).map(|u| u.code()) {
            k += 1;
        }
        let conv = u8::try_from(fmt.get(k)?.code()).ok()?;
        k += 1;
        convert(conv, inp, t, st)?;
    }
    Some(())
}

fn sub<T: Unit>(fmt: &'static [u8], inp: &mut Input<'_, T>, t: &mut tm, st: &mut State) -> Option<()> {
    run(inp, &fmt[..fmt.len() - 1], t, st)
}

fn convert<T: Unit>(conv: u8, inp: &mut Input<'_, T>, t: &mut tm, st: &mut State) -> Option<()> {
    let int = |v: i64| v as c_int;
    match conv {
        b'a' | b'A' => {
            t.tm_wday = inp.name(&DAYS, &ABDAYS)? as c_int;
            st.have_wday = true;
        }
        b'b' | b'B' | b'h' => {
            t.tm_mon = inp.name(&MONTHS, &ABMONS)? as c_int;
            st.have_date = true;
        }
        b'c' => sub(langinfo::D_T_FMT_C, inp, t, st)?,
        b'C' => {
            st.century = Some(inp.number(2, 0, 99)?);
            st.have_year = true;
        }
        b'd' | b'e' => {
            t.tm_mday = int(inp.number(2, 1, 31)?);
            st.have_date = true;
        }
        b'D' | b'x' => sub(langinfo::D_FMT_C, inp, t, st)?,
        b'F' => sub(b"%Y-%m-%d\0", inp, t, st)?,
        b'g' => {
            inp.number(2, 0, 99)?;
        }
        b'G' => {
            inp.number(4, 0, 9999)?;
        }
        b'H' | b'k' => {
            t.tm_hour = int(inp.number(2, 0, 23)?);
            st.hour12 = false;
        }
        b'I' | b'l' => {
            t.tm_hour = int(inp.number(2, 1, 12)? % 12);
            st.hour12 = true;
        }
        b'j' => {
            t.tm_yday = int(inp.number(3, 1, 366)? - 1);
            st.have_yday = true;
        }
        b'm' => {
            t.tm_mon = int(inp.number(2, 1, 12)? - 1);
            st.have_date = true;
        }
        b'M' => t.tm_min = int(inp.number(2, 0, 59)?),
        b'n' | b't' => inp.skip_space(),
        b'p' | b'P' => {
            inp.skip_space();
            st.pm = Some(if inp.word(b"AM") {
                false
            } else if inp.word(b"PM") {
                true
            } else {
                return None;
            });
        }
        b'r' => sub(langinfo::T_FMT_AMPM_C, inp, t, st)?,
        b'R' => sub(b"%H:%M\0", inp, t, st)?,
        b's' => {
            inp.skip_space();
            let neg = inp.peek() == Some(b'-' as u32);
            if neg {
                inp.i += 1;
            }
            let v = inp.number(19, 0, i64::MAX)?;
            let secs = if neg { -v } else { v };
            let zone = process_zone();
            *t = broken_down(secs, zone.at(secs)).ok()?;
            st.have_wday = true;
            st.have_yday = true;
        }
        b'S' => t.tm_sec = int(inp.number(2, 0, 60)?),
        b'T' | b'X' => sub(langinfo::T_FMT_C, inp, t, st)?,
        b'u' => {
            t.tm_wday = int(inp.number(1, 1, 7)? % 7);
            st.have_wday = true;
        }
        b'U' | b'V' | b'W' => {
            inp.number(2, 0, 53)?;
        }
        b'w' => {
            t.tm_wday = int(inp.number(1, 0, 6)?);
            st.have_wday = true;
        }
        b'y' => {
            st.year2 = Some(inp.number(2, 0, 99)?);
            st.have_year = true;
        }
        b'Y' => {
            t.tm_year = int(inp.number(4, 0, 9999)? - 1900);
            st.century = None;
            st.year2 = None;
            st.have_year = true;
        }
        b'z' => t.tm_gmtoff = offset(inp)?,
        b'Z' => {
            inp.skip_space();
            while inp.peek().is_some_and(|c| !is_space(c)) {
                inp.i += 1;
            }
        }
        b'%' => {
            inp.skip_space();
            if inp.peek() != Some(b'%' as u32) {
                return None;
            }
            inp.i += 1;
        }
        _ => return None,
    }
    Some(())
}

/// `Z`, or `+hh`, `+hhmm`, `+hh:mm` (either sign), in seconds east.
fn offset<T: Unit>(inp: &mut Input<'_, T>) -> Option<c_int> {
    inp.skip_space();
    if inp.word(b"Z") {
        return Some(0);
    }
    let neg = match inp.peek()? {
        0x2b => false,
        0x2d => true,
        _ => return None,
    };
    inp.i += 1;
    let digit = |inp: &mut Input<'_, T>| -> Option<i64> {
        let c = inp.peek().filter(|c| (0x30..=0x39).contains(c))?;
        inp.i += 1;
        Some((c - 0x30) as i64)
    };
    let hours = digit(inp)? * 10 + digit(inp)?;
    if inp.peek() == Some(b':' as u32) {
        inp.i += 1;
    }
    let minutes = match digit(inp) {
        Some(d) => d * 10 + digit(inp)?,
        None => 0,
    };
    if hours > 24 || minutes > 59 {
        return None;
    }
    let v = (hours * 3600 + minutes * 60) as c_int;
    Some(if neg { -v } else { v })
}

/// Combines partial fields: the year from %C and %y, the hour from %I and
/// %p, and the day of the week and year from a known date.
fn finish(t: &mut tm, st: &State) {
    match (st.century, st.year2) {
        (Some(c), Some(y)) => t.tm_year = (c * 100 + y - 1900) as c_int,
        (Some(c), None) => t.tm_year = (c * 100 - 1900) as c_int,
        (None, Some(y)) => t.tm_year = (if y < 69 { y + 100 } else { y }) as c_int,
        (None, None) => {}
    }
    if let Some(pm) = st.pm {
        t.tm_hour = t.tm_hour % 12 + if pm { 12 } else { 0 };
    }
    let year = t.tm_year as i64 + 1900;
    if st.have_yday && !st.have_date && st.have_year {
        let first = days_from_civil(year, 1, 1);
        let (_, m, d) = super::calendar::civil_from_days(first + t.tm_yday as i64);
        t.tm_mon = m as c_int - 1;
        t.tm_mday = d as c_int;
    }
    let valid_date = (0..12).contains(&t.tm_mon) && t.tm_mday >= 1 && t.tm_mday as u32 <= month_days(year, t.tm_mon as u32 + 1);
    if (st.have_date || st.have_year || st.have_yday) && valid_date {
        let (m, d) = (t.tm_mon as u32 + 1, t.tm_mday as u32);
        if !st.have_wday {
            t.tm_wday = weekday(days_from_civil(year, m, d)) as c_int;
        }
        if !st.have_yday || st.have_date {
            t.tm_yday = yearday(year, m, d) as c_int;
        }
    }
}

/// POSIX `strptime`: the first character not parsed, or NULL on mismatch.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strptime(s: *const c_char, fmt: *const c_char, t: *mut tm) -> *mut c_char {
    // SAFETY: `s` and `fmt` are C strings, `t` a writable tm (C contract).
    let (input, f, t) = unsafe { (cptr::cstr(s), cptr::cstr(fmt), &mut *t) };
    match parse(input, f, t) {
        // SAFETY: `n` is within the input string.
        Some(n) => unsafe { s.add(n) as *mut c_char },
        None => core::ptr::null_mut(),
    }
}

/// cloudlibc `strptime_l` (every locale parses like C).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strptime_l(s: *const c_char, fmt: *const c_char, t: *mut tm, _l: locale_t) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe { strptime(s, fmt, t) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(input: &str, fmt: &str) -> Option<(tm, usize)> {
        let mut t = tm::zeroed();
        parse(input.as_bytes(), fmt.as_bytes(), &mut t).map(|n| (t, n))
    }

    #[test]
    fn conversions() {
        let (t, n) = p("Tue Jan  2 04:04:05 2024 rest", "%c").unwrap();
        assert_eq!(n, 24);
        assert_eq!((t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday), (124, 0, 2, 4, 4, 5, 2, 1));
        let (t, _) = p("2024-03-01T12:30:59", "%Y-%m-%dT%H:%M:%S").unwrap();
        assert_eq!((t.tm_mon, t.tm_mday, t.tm_yday, t.tm_wday), (2, 1, 60, 5));
        let (t, _) = p("december 31 99", "%B %d %y").unwrap();
        assert_eq!((t.tm_year, t.tm_mon, t.tm_mday), (99, 11, 31));
        let (t, _) = p("05", "%y").unwrap();
        assert_eq!(t.tm_year, 105);
        let (t, _) = p("19 05", "%C %y").unwrap();
        assert_eq!(t.tm_year, 5);
        let (t, _) = p("12:00:00 am", "%r").unwrap();
        assert_eq!(t.tm_hour, 0);
        let (t, _) = p("1:15 PM", "%I:%M %p").unwrap();
        assert_eq!(t.tm_hour, 13);
        let (t, _) = p("2024 366", "%Y %j").unwrap();
        assert_eq!((t.tm_mon, t.tm_mday, t.tm_yday), (11, 31, 365));
        let (t, _) = p("+05:30", "%z").unwrap();
        assert_eq!(t.tm_gmtoff, 19800);
        let (t, _) = p("-0800", "%z").unwrap();
        assert_eq!(t.tm_gmtoff, -28800);
        let (t, _) = p("86400", "%s").unwrap();
        assert_eq!((t.tm_year, t.tm_yday), (70, 1));
        let (_, n) = p("x  %  y", "x%n%%%ty").unwrap();
        assert_eq!(n, 7);
        let (t, _) = p("Sat", "%a").unwrap();
        assert_eq!(t.tm_wday, 6);
        assert!(p("13", "%m").is_none());
        assert!(p("24", "%H").is_none());
        assert!(p("Foo", "%a").is_none());
        assert!(p("12", "%Q").is_none());
        assert!(p("1:2", "%H-%M").is_none());
    }
}
