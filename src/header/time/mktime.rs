//! From broken-down time to seconds: `mktime`, `timegm`, cloudlibc's
//! `mktime_l`. Out-of-range fields are normalised (January 32nd is
//! February 1st, second -1 is the previous minute's 59th).

use super::calendar::seconds;
use super::localtime::{broken_down, locale_zone, process_zone};
use super::tz::Zone;
use super::{time_t, timespec, tm, NSEC_PER_SEC};
use crate::abi::c_int;
use crate::errno::{Errno, OrErrno};
use crate::header::locale::locale_t;
use cloudabi::errno;

/// The fields of `v` as seconds since the epoch, read as UTC.
fn fields(v: &tm) -> Result<i64, Errno> {
    seconds(
        v.tm_year as i64 + 1900,
        v.tm_mon as i64,
        v.tm_mday as i64,
        v.tm_hour as i64,
        v.tm_min as i64,
        v.tm_sec as i64,
    )
    .ok_or(errno::OVERFLOW)
}

/// Converts `*v` in `zone` and normalises it in place (`tm_isdst` is
/// ignored for UTC).
fn convert(v: *mut tm, zone: Zone) -> time_t {
    (|| {
        // SAFETY: `v` is a readable and writable tm (C contract).
        let cur = unsafe { &mut *v };
        let isdst = if zone == Zone::GMT { 0 } else { cur.tm_isdst };
        let t = zone.to_utc(fields(cur)?, isdst);
        *cur = broken_down(t, zone.at(t))?;
        Ok(t)
    })()
    .or_errno(-1)
}

/// C11 `mktime`: local time (the process zone) to seconds; `tm_isdst`
/// says whether the fields are in daylight-saving time (< 0: work it out).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mktime(v: *mut tm) -> time_t {
    convert(v, process_zone())
}

/// `timegm`: UTC broken-down time to seconds (`tm_isdst` is ignored).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn timegm(v: *mut tm) -> time_t {
    convert(v, Zone::GMT)
}

/// cloudlibc `mktime_l`: like `mktime` in the time zone of `l`, with
/// `tm_nsec`, leaving `*v` unchanged; returns 0 or an error number.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mktime_l(v: *const tm, out: *mut timespec, l: locale_t) -> c_int {
    // SAFETY: `v` is readable and `l` live (C contract).
    let (v, zone) = unsafe { (&*v, locale_zone(l)) };
    let r = (|| -> Result<timespec, Errno> {
        let local = fields(v)?.checked_add(v.tm_nsec.div_euclid(NSEC_PER_SEC)).ok_or(errno::OVERFLOW)?;
        let t = zone.to_utc(local, v.tm_isdst);
        Ok(timespec { tv_sec: t, tv_nsec: v.tm_nsec.rem_euclid(NSEC_PER_SEC) })
    })();
    match r {
        Ok(ts) => {
            // SAFETY: `out` is writable (C contract).
            unsafe { out.write(ts) };
            0
        }
        Err(e) => e as c_int,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tm_of(year: c_int, mon: c_int, mday: c_int, hour: c_int, min: c_int, sec: c_int, isdst: c_int) -> tm {
        tm { tm_year: year - 1900, tm_mon: mon, tm_mday: mday, tm_hour: hour, tm_min: min, tm_sec: sec, tm_isdst: isdst, ..tm::zeroed() }
    }

    #[test]
    fn normalises_and_round_trips() {
        let mut v = tm_of(2000, 0, 32, 24, 0, -1, 0);
        // SAFETY: `v` is a live tm.
        let t = unsafe { timegm(&mut v) };
        assert_eq!(t, 949449599); // 2000-02-01T23:59:59Z
        assert_eq!((v.tm_mon, v.tm_mday, v.tm_hour, v.tm_min, v.tm_sec, v.tm_yday), (1, 1, 23, 59, 59, 31));
        for t in [i32::MIN as i64 * 1000, -1, 0, 2147483648, 253402300799, 67767976233316799] {
            let mut v = broken_down(t, Zone::UTC.at(0)).unwrap();
            // SAFETY: `v` is a live tm.
            assert_eq!(unsafe { timegm(&mut v) }, t);
        }
        let mut v = tm { tm_year: c_int::MAX, ..tm_of(0, 11, 31, 23, 59, 60, 0) };
        // SAFETY: `v` is a live tm.
        assert_eq!(unsafe { timegm(&mut v) }, -1);
        assert_eq!(crate::errno::get_errno(), errno::OVERFLOW as c_int);
    }

    #[test]
    fn zone_and_isdst() {
        let z = Zone::parse(b"CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        let mut v = tm_of(2024, 6, 1, 12, 0, 0, -1);
        assert_eq!(convert(&mut v, z), 1719828000);
        assert_eq!(v.tm_isdst, 1);
        // isdst = 0 in summer: the fields are standard time, one hour later.
        let mut v = tm_of(2024, 6, 1, 12, 0, 0, 0);
        assert_eq!(convert(&mut v, z), 1719831600);
        assert_eq!((v.tm_hour, v.tm_isdst), (13, 1));
        // A time in the spring gap moves forward.
        let mut v = tm_of(2024, 2, 31, 2, 30, 0, -1);
        convert(&mut v, z);
        assert_eq!((v.tm_hour, v.tm_min, v.tm_isdst), (3, 30, 1));
    }
}
