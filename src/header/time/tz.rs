//! Time zones from POSIX TZ strings (POSIX 8.3), e.g. `EST5EDT`,
//! `CET-1CEST,M3.5.0,M10.5.0/3`, `<+0330>-3:30`, `IST-2IDT,J80/2,J264/2`.
//!
//! There are no zoneinfo files in a capability sandbox, so:
//! - TZ unset or empty, or starting with ':' (an implementation-defined
//!   file name): UTC, named "UTC";
//! - a name without an offset ("UTC", "GMT", "JST"): offset 0 under that name;
//! - anything that is not a valid TZ string (e.g. "Europe/Berlin"): UTC,
//!   named "UTC";
//! - a daylight-saving name without rules gets the US rules
//!   `M3.2.0,M11.1.0` (POSIX leaves the default to the implementation;
//!   glibc uses the same).
//!
//! Transition times may be negative or beyond 24 hours (up to 167, as
//! POSIX.1-2017 allows).

use super::calendar::{days_from_civil, is_leap, month_days, weekday};
use crate::sync::SpinLock;

/// A time zone abbreviation, kept NUL-terminated for `tm_zone`/`tzname`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name(&'static [u8]);

impl Name {
    /// The abbreviation without its NUL.
    pub fn text(&self) -> &'static [u8] {
        &self.0[..self.0.len() - 1]
    }

    /// The NUL-terminated abbreviation, which lives forever.
    pub fn c_str(&self) -> *const u8 {
        self.0.as_ptr()
    }
}

const NAME_LEN: usize = 16;
const POOL: usize = 64;

/// Every abbreviation ever parsed, so `tm_zone` and `tzname` pointers stay
/// valid after the zone they came from is gone. Abbreviations beyond the
/// pool's room make parsing fail (the zone falls back to UTC).
struct Pool {
    names: [[u8; NAME_LEN]; POOL],
    used: usize,
}

static NAMES: SpinLock<Pool> = SpinLock::new(Pool { names: [[0; NAME_LEN]; POOL], used: 0 });

fn intern(text: &[u8]) -> Option<Name> {
    if text.len() >= NAME_LEN {
        return None;
    }
    let mut pool = NAMES.lock();
    let found = pool.names[..pool.used].iter().position(|n| n[..text.len()] == *text && n[text.len()] == 0);
    let i = match found {
        Some(i) => i,
        None if pool.used < POOL => {
            let i = pool.used;
            pool.names[i][..text.len()].copy_from_slice(text);
            pool.used += 1;
            i
        }
        None => return None,
    };
    let p = pool.names[i].as_ptr();
    // SAFETY: pool entries are never changed once written, and the pool is
    // a static, so the bytes (text and NUL) stay valid forever.
    Some(Name(unsafe { core::slice::from_raw_parts(p, text.len() + 1) }))
}

/// The day a transition happens on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Day {
    /// `Jn`: day 1-365, February 29th never counted.
    Julian1(u32),
    /// `n`: day 0-365, February 29th counted in leap years.
    Julian0(u32),
    /// `Mm.w.d`: weekday `d` of week `w` (5 = last) of month `m`.
    MonthWeek(u32, u32, u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rule {
    day: Day,
    /// Seconds after local midnight (the time in effect before the change).
    time: i64,
}

impl Rule {
    /// Seconds from the start of year `y` (local time) to the transition.
    fn offset_in_year(&self, y: i64) -> i64 {
        let day = match self.day {
            Day::Julian1(n) => n as i64 - 1 + if is_leap(y) && n >= 60 { 1 } else { 0 },
            Day::Julian0(n) => n as i64,
            Day::MonthWeek(m, w, d) => {
                let first = days_from_civil(y, m, 1);
                let mut mday = 1 + (d as i64 - weekday(first) as i64).rem_euclid(7) + 7 * (w as i64 - 1);
                while mday > month_days(y, m) as i64 {
                    mday -= 7;
                }
                first + mday - 1 - days_from_civil(y, 1, 1)
            }
        };
        day * 86400 + self.time
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Dst {
    name: Name,
    /// Seconds east of UTC.
    offset: i32,
    start: Rule,
    end: Rule,
}

/// A time zone: standard time, and optionally daylight-saving rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    std: Name,
    /// Seconds east of UTC (the negation of the TZ string's offset).
    offset: i32,
    dst: Option<Dst>,
}

/// The local-time facts of one instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Local {
    /// Seconds east of UTC.
    pub offset: i32,
    pub isdst: bool,
    pub name: Name,
}

impl Zone {
    pub const UTC: Zone = Zone { std: Name(b"UTC\0"), offset: 0, dst: None };
    /// What `gmtime` and `timegm` report: UTC named "GMT", as in glibc.
    pub const GMT: Zone = Zone { std: Name(b"GMT\0"), offset: 0, dst: None };

    /// Seconds east of UTC of standard time.
    pub fn std_offset(&self) -> i32 {
        self.offset
    }

    /// The (standard, daylight-saving) abbreviations; both standard when
    /// the zone has no daylight-saving time.
    pub fn names(&self) -> (Name, Name) {
        (self.std, self.dst.map_or(self.std, |d| d.name))
    }

    pub fn has_dst(&self) -> bool {
        self.dst.is_some()
    }

    /// Parses a TZ string (without a leading ':'); None if it is invalid.
    pub fn parse(s: &[u8]) -> Option<Zone> {
        let mut p = Parser { s, i: 0 };
        let std = p.name()?;
        if p.done() {
            return Some(Zone { std: intern(std)?, offset: 0, dst: None });
        }
        let offset = -p.offset(24)? as i32;
        if p.done() {
            return Some(Zone { std: intern(std)?, offset, dst: None });
        }
        let dst_name = p.name()?;
        let dst_offset = if p.peek().is_some_and(|c| c != b',') { -p.offset(24)? as i32 } else { offset + 3600 };
        let (start, end) = if p.done() {
            let us = |m, w| Rule { day: Day::MonthWeek(m, w, 0), time: 7200 };
            (us(3, 2), us(11, 1))
        } else {
            p.expect(b',')?;
            let start = p.rule()?;
            p.expect(b',')?;
            let end = p.rule()?;
            (start, end)
        };
        if !p.done() {
            return None;
        }
        let dst = Dst { name: intern(dst_name)?, offset: dst_offset, start, end };
        Some(Zone { std: intern(std)?, offset, dst: Some(dst) })
    }

    /// Whether daylight-saving time is in effect at UTC second `t`.
    fn in_dst(&self, d: &Dst, t: i64) -> bool {
        // The transitions of the year that `t` falls in, in standard time.
        let year = super::calendar::civil(t.saturating_add(self.offset as i64)).year;
        let base = days_from_civil(year, 1, 1) * 86400;
        let start = base + d.start.offset_in_year(year) - self.offset as i64;
        let end = base + d.end.offset_in_year(year) - d.offset as i64;
        if start < end {
            start <= t && t < end
        } else {
            !(end <= t && t < start)
        }
    }

    /// Local time facts at UTC second `t`.
    pub fn at(&self, t: i64) -> Local {
        match &self.dst {
            Some(d) if self.in_dst(d, t) => Local { offset: d.offset, isdst: true, name: d.name },
            _ => Local { offset: self.offset, isdst: false, name: self.std },
        }
    }

    /// The UTC second of local second `local` (seconds since the epoch
    /// read as local time), as `mktime` needs it: `isdst` > 0 or == 0 say
    /// which offset the fields are in; < 0 lets the zone decide (standard
    /// time's offset where that reading is valid, which includes the
    /// repeated hour and the gap, else the DST one; glibc chooses so too).
    /// As in glibc, `isdst` > 0 in a zone without daylight-saving time
    /// means an hour ahead of standard time.
    pub fn to_utc(&self, local: i64, isdst: i32) -> i64 {
        let d = match &self.dst {
            Some(d) => d,
            None if isdst > 0 => return local - self.offset as i64 - 3600,
            None => return local - self.offset as i64,
        };
        let as_std = local - self.offset as i64;
        let as_dst = local - d.offset as i64;
        match isdst {
            1.. => as_dst,
            0 => as_std,
            _ => {
                if self.in_dst(d, as_std) && self.in_dst(d, as_dst) {
                    as_dst
                } else {
                    as_std
                }
            }
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn done(&self) -> bool {
        self.i == self.s.len()
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        (self.peek() == Some(c)).then(|| self.i += 1)
    }

    /// An abbreviation: three or more letters, or `<...>` of letters,
    /// digits and signs.
    fn name(&mut self) -> Option<&'a [u8]> {
        let (quoted, ok): (bool, fn(u8) -> bool) = if self.expect(b'<').is_some() {
            (true, |c| c.is_ascii_alphanumeric() || c == b'+' || c == b'-')
        } else {
            (false, |c| c.is_ascii_alphabetic())
        };
        let start = self.i;
        while self.peek().is_some_and(ok) {
            self.i += 1;
        }
        let name = &self.s[start..self.i];
        if quoted {
            self.expect(b'>')?;
        }
        (name.len() >= 3).then_some(name)
    }

    fn number(&mut self, max: i64) -> Option<i64> {
        let start = self.i;
        let mut v: i64 = 0;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            v = v.saturating_mul(10).saturating_add((c - b'0') as i64);
            self.i += 1;
        }
        (self.i > start && v <= max).then_some(v)
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, hours at most `max_hours`.
    fn offset(&mut self, max_hours: i64) -> Option<i64> {
        let sign = match self.peek() {
            Some(b'-') => {
                self.i += 1;
                -1
            }
            Some(b'+') => {
                self.i += 1;
                1
            }
            _ => 1,
        };
        let mut v = self.number(max_hours)? * 3600;
        if self.expect(b':').is_some() {
            v += self.number(59)? * 60;
            if self.expect(b':').is_some() {
                v += self.number(59)?;
            }
        }
        Some(sign * v)
    }

    /// `date[/time]`.
    fn rule(&mut self) -> Option<Rule> {
        let day = match self.peek()? {
            b'J' => {
                self.i += 1;
                let n = self.number(365)?;
                (n >= 1).then_some(Day::Julian1(n as u32))?
            }
            b'M' => {
                self.i += 1;
                let m = self.number(12)?;
                self.expect(b'.')?;
                let w = self.number(5)?;
                self.expect(b'.')?;
                let d = self.number(6)?;
                (m >= 1 && w >= 1).then_some(Day::MonthWeek(m as u32, w as u32, d as u32))?
            }
            _ => Day::Julian0(self.number(365)? as u32),
        };
        let time = if self.expect(b'/').is_some() { self.offset(167)? } else { 7200 };
        Some(Rule { day, time })
    }
}

/// The zone TZ names ("" or unset: UTC), per the rules in the module docs.
pub fn from_tz(tz: Option<&[u8]>) -> Zone {
    match tz {
        None | Some(b"") => Zone::UTC,
        Some(s) if s[0] == b':' => Zone::UTC,
        Some(s) => Zone::parse(s).unwrap_or(Zone::UTC),
    }
}

/// The zone of the TZ environment variable.
pub fn from_env() -> Zone {
    // SAFETY: the name is NUL-terminated; getenv returns a C string or null.
    let v = unsafe { crate::header::stdlib::env::getenv(b"TZ\0".as_ptr().cast()) };
    // SAFETY: a non-null result is a C string in the environment.
    from_tz((!v.is_null()).then(|| unsafe { crate::cptr::cstr(v) }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i64, m: u32, d: u32, h: i64, mi: i64) -> i64 {
        days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60
    }

    #[test]
    fn parses_forms() {
        let z = Zone::parse(b"EST5EDT").unwrap();
        assert_eq!(z.offset, -5 * 3600);
        assert_eq!(z.names().0.text(), b"EST");
        assert_eq!(z.names().1.text(), b"EDT");
        // Default US rules: 2021-03-14 02:00 EST, 2021-11-07 02:00 EDT.
        assert!(!z.at(utc(2021, 3, 14, 6, 59)).isdst);
        assert!(z.at(utc(2021, 3, 14, 7, 0)).isdst);
        assert!(z.at(utc(2021, 11, 7, 5, 59)).isdst);
        assert!(!z.at(utc(2021, 11, 7, 6, 0)).isdst);
        assert_eq!(z.at(utc(2021, 7, 1, 0, 0)).offset, -4 * 3600);

        let z = Zone::parse(b"<+0330>-3:30").unwrap();
        assert_eq!((z.offset, z.names().0.text()), (12600, &b"+0330"[..]));
        assert!(!z.has_dst());

        let z = Zone::parse(b"CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        // 2024-03-31 01:00 UTC and 2024-10-27 01:00 UTC.
        assert!(!z.at(utc(2024, 3, 31, 0, 59)).isdst);
        assert!(z.at(utc(2024, 3, 31, 1, 0)).isdst);
        assert!(z.at(utc(2024, 10, 27, 0, 59)).isdst);
        assert!(!z.at(utc(2024, 10, 27, 1, 0)).isdst);
        assert_eq!(z.at(utc(2024, 6, 1, 0, 0)).offset, 7200);

        // Julian forms: J60 is March 1st in every year; 59 is Feb 29 in leap years.
        let z = Zone::parse(b"AAA0BBB,J60/0,300/0").unwrap();
        assert!(!z.at(utc(2024, 2, 29, 23, 59)).isdst);
        assert!(z.at(utc(2024, 3, 1, 0, 0)).isdst);
        let z = Zone::parse(b"AAA0BBB,59/0,J300").unwrap();
        assert!(z.at(utc(2024, 2, 29, 0, 0)).isdst);
        assert!(!z.at(utc(2023, 2, 28, 23, 59)).isdst);
        assert!(z.at(utc(2023, 3, 1, 0, 0)).isdst);

        // Southern hemisphere: DST spans the new year.
        let z = Zone::parse(b"AEST-10AEDT,M10.1.0,M4.1.0/3").unwrap();
        assert!(z.at(utc(2024, 1, 15, 0, 0)).isdst);
        assert!(!z.at(utc(2024, 6, 15, 0, 0)).isdst);
        assert_eq!(z.at(utc(2024, 1, 15, 0, 0)).offset, 11 * 3600);

        // Explicit DST offset and times beyond a day.
        let z = Zone::parse(b"XXX3YYY1,M3.2.0/-1,M11.1.0/26:30").unwrap();
        assert_eq!(z.dst.unwrap().offset, -3600);
        assert_eq!(z.dst.unwrap().start.time, -3600);
        assert_eq!(z.dst.unwrap().end.time, 26 * 3600 + 1800);

        assert_eq!(Zone::parse(b"JST").unwrap().offset, 0);
    }

    #[test]
    fn rejects_and_falls_back() {
        for bad in [&b"Europe/Berlin"[..], b"AB5", b"EST5EDT,M3", b"EST5EDT,M13.1.0,M11.1.0", b"EST25", b"<AB>5", b"EST5x"] {
            assert_eq!(Zone::parse(bad), None, "{}", String::from_utf8_lossy(bad));
        }
        assert_eq!(from_tz(Some(b"Europe/Berlin")), Zone::UTC);
        assert_eq!(from_tz(Some(b":Europe/Berlin")), Zone::UTC);
        assert_eq!(from_tz(None), Zone::UTC);
    }

    #[test]
    fn local_to_utc() {
        let z = Zone::parse(b"CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        // 2024-03-31 02:30 does not exist: read as standard time.
        let l = utc(2024, 3, 31, 2, 30);
        assert_eq!(z.to_utc(l, -1), l - 3600);
        // 2024-10-27 02:30 happens twice: -1 picks standard time.
        let l = utc(2024, 10, 27, 2, 30);
        assert_eq!(z.to_utc(l, -1), l - 3600);
        assert_eq!(z.to_utc(l, 1), l - 7200);
        assert_eq!(z.to_utc(l, 0), l - 3600);
        let l = utc(2024, 7, 1, 12, 0);
        assert_eq!(z.to_utc(l, -1), l - 7200);
        assert_eq!(z.to_utc(l, 0), l - 3600);
    }
}
