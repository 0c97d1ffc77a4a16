//! Broken-down time: `gmtime_r`, `localtime_r`, cloudlibc's `localtime_l`,
//! the compat `gmtime` and `localtime` (one static result each), and the
//! process time zone: `tzset`, `tzname`, `timezone`, `daylight`.

use super::calendar::civil;
use super::tz::{self, Local, Zone};
use super::{time_t, timespec, tm};
use crate::abi::{c_char, c_int, c_long};
use crate::errno::{Errno, OrErrno};
use crate::header::locale::{self, locale_t};
use crate::sync::SpinLock;
use cloudabi::errno;

/// POSIX `tzname`: the standard and daylight-saving abbreviations.
#[cfg_attr(not(test), no_mangle)]
pub static mut tzname: [*const c_char; 2] = [b"UTC\0".as_ptr().cast(), b"UTC\0".as_ptr().cast()];

/// POSIX `timezone`: seconds west of UTC of standard time.
#[cfg_attr(not(test), no_mangle)]
pub static mut timezone: c_long = 0;

/// POSIX `daylight`: non-zero if the zone has daylight-saving rules.
#[cfg_attr(not(test), no_mangle)]
pub static mut daylight: c_int = 0;

/// The TZ value the process zone was last made from (to skip reparsing).
const TZ_CACHE: usize = 128;

struct Process {
    zone: Zone,
    tz: [u8; TZ_CACHE],
    /// Length of the cached TZ value; None: not cached (first use, unset,
    /// or too long to keep).
    len: Option<usize>,
    set: bool,
}

static PROCESS: SpinLock<Process> = SpinLock::new(Process { zone: Zone::UTC, tz: [0; TZ_CACHE], len: None, set: false });

/// The process time zone, refreshed from TZ when TZ changed (every
/// `localtime*` call does what `tzset` does, as POSIX requires of
/// `localtime` and glibc does for `localtime_r`).
pub fn process_zone() -> Zone {
    // SAFETY: the name is NUL-terminated; getenv returns a C string or null.
    let v = unsafe { crate::header::stdlib::env::getenv(b"TZ\0".as_ptr().cast()) };
    // SAFETY: a non-null result is a C string in the environment.
    let value = (!v.is_null()).then(|| unsafe { crate::cptr::cstr(v) });
    let mut p = PROCESS.lock();
    let same = match (value, p.len) {
        (Some(v), Some(n)) => p.set && v == &p.tz[..n],
        (None, None) => p.set,
        _ => false,
    };
    if !same {
        p.zone = tz::from_tz(value);
        p.len = value.and_then(|v| {
            (v.len() <= TZ_CACHE).then(|| {
                p.tz[..v.len()].copy_from_slice(v);
                v.len()
            })
        });
        // An overlong TZ is reparsed every time rather than cached.
        p.set = value.map_or(true, |v| v.len() <= TZ_CACHE);
        let (std, dst) = p.zone.names();
        // SAFETY: the globals are written under the lock; C reads them
        // without one, as POSIX allows (tzset is not thread-safe).
        unsafe {
            tzname = [std.c_str().cast(), dst.c_str().cast()];
            timezone = -(p.zone.std_offset() as c_long);
            daylight = p.zone.has_dst() as c_int;
        }
    }
    p.zone
}

/// POSIX `tzset`: sets `tzname`, `timezone` and `daylight` from TZ.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tzset() {
    process_zone();
}

/// The broken-down time of UTC second `t` in local time `l`; EOVERFLOW
/// if the year does not fit `tm_year`.
pub fn broken_down(t: time_t, l: Local) -> Result<tm, Errno> {
    let c = civil(t.checked_add(l.offset as i64).ok_or(errno::OVERFLOW)?);
    let year = c_int::try_from(c.year - 1900).map_err(|_| errno::OVERFLOW)?;
    Ok(tm {
        tm_sec: c.sec as c_int,
        tm_min: c.min as c_int,
        tm_hour: c.hour as c_int,
        tm_mday: c.mday as c_int,
        tm_mon: c.mon as c_int - 1,
        tm_year: year,
        tm_wday: c.wday as c_int,
        tm_yday: c.yday as c_int,
        tm_isdst: l.isdst as c_int,
        tm_gmtoff: l.offset,
        tm_zone: l.name.c_str().cast(),
        tm_nsec: 0,
    })
}

fn store(r: Result<tm, Errno>, out: *mut tm) -> *mut tm {
    r.map(|v| {
        // SAFETY: `out` is writable (C contract).
        unsafe { out.write(v) };
        out
    })
    .or_errno(core::ptr::null_mut())
}

/// POSIX `gmtime_r`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn gmtime_r(t: *const time_t, out: *mut tm) -> *mut tm {
    // SAFETY: `t` is readable (C contract).
    store(broken_down(unsafe { *t }, Zone::GMT.at(0)), out)
}

/// POSIX `localtime_r`, in the process time zone.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn localtime_r(t: *const time_t, out: *mut tm) -> *mut tm {
    // SAFETY: `t` is readable (C contract).
    let t = unsafe { *t };
    store(broken_down(t, process_zone().at(t)), out)
}

/// The zone of a locale's LC_TIMEZONE category (the global locale: TZ).
///
/// # Safety
/// `l` is a live locale or LC_GLOBAL_LOCALE.
pub unsafe fn locale_zone(l: locale_t) -> Zone {
    // SAFETY: forwarded contract.
    unsafe { locale::resolve(l) }.zone.unwrap_or_else(process_zone)
}

/// cloudlibc `localtime_l`: `*ts` in the time zone of `l`, with
/// nanoseconds; returns 0, or an error number.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn localtime_l(ts: *const timespec, out: *mut tm, l: locale_t) -> c_int {
    // SAFETY: `ts` is readable and `l` live (C contract).
    let (ts, zone) = unsafe { (*ts, locale_zone(l)) };
    if !(0..super::NSEC_PER_SEC).contains(&ts.tv_nsec) {
        return errno::INVAL as c_int;
    }
    match broken_down(ts.tv_sec, zone.at(ts.tv_sec)) {
        Ok(mut v) => {
            v.tm_nsec = ts.tv_nsec;
            // SAFETY: `out` is writable (C contract).
            unsafe { out.write(v) };
            0
        }
        Err(e) => e as c_int,
    }
}

/// The static results of `gmtime` and `localtime` (shared, as in C).
static mut RESULT: tm = tm::zeroed();

/// POSIX (compat) `gmtime`: `gmtime_r` into a static structure.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn gmtime(t: *const time_t) -> *mut tm {
    // SAFETY: forwarded contract; the static result is not thread-safe,
    // as C11 says.
    unsafe { gmtime_r(t, core::ptr::addr_of_mut!(RESULT)) }
}

/// POSIX (compat) `localtime`: `localtime_r` into a static structure.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn localtime(t: *const time_t) -> *mut tm {
    // SAFETY: as in gmtime.
    unsafe { localtime_r(t, core::ptr::addr_of_mut!(RESULT)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_down_extremes() {
        let z = Zone::parse(b"CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        let t = 1719835200; // 2024-07-01 12:00:00 UTC
        let v = broken_down(t, z.at(t)).unwrap();
        assert_eq!((v.tm_year, v.tm_mon, v.tm_mday, v.tm_hour, v.tm_isdst, v.tm_gmtoff), (124, 6, 1, 14, 1, 7200));
        assert_eq!(v.tm_yday, 182);
        assert_eq!(v.tm_wday, 1);
        let max = (c_int::MAX as i64 + 1900 - 1970) * 366 * 86400;
        assert_eq!(broken_down(max, Zone::UTC.at(0)).unwrap_err(), errno::OVERFLOW);
        assert_eq!(broken_down(i64::MAX, z.at(0)).unwrap_err(), errno::OVERFLOW);
        let v = broken_down(-62167219200, Zone::UTC.at(0)).unwrap(); // 0000-01-01
        assert_eq!((v.tm_year, v.tm_mon, v.tm_mday, v.tm_wday), (-1900, 0, 1, 6));
    }
}
