//! Proleptic Gregorian calendar arithmetic on day numbers (days since
//! 1970-01-01), exact for every year an `int tm_year` can hold.

/// Whether `y` is a leap year.
pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in month `m` (1-12) of year `y`.
pub fn month_days(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day number of year `y`, month `m` (1-12), day `d` (1-31).
///
/// Years are counted from March so the leap day ends a year; a 400-year
/// era holds exactly 146097 days.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m as i64 + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The (year, month 1-12, day 1-31) of a day number.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

/// Day of the week of a day number, Sunday = 0 (1970-01-01 was a Thursday).
pub fn weekday(z: i64) -> u32 {
    (z + 4).rem_euclid(7) as u32
}

/// Day of the year (0-365) of a date.
pub fn yearday(y: i64, m: u32, d: u32) -> u32 {
    (days_from_civil(y, m, d) - days_from_civil(y, 1, 1)) as u32
}

/// A broken-down time: calendar fields of a second count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub mon: u32,
    pub mday: u32,
    pub hour: u32,
    pub min: u32,
    pub sec: u32,
    pub wday: u32,
    pub yday: u32,
}

/// The calendar fields of `secs` seconds after 1970-01-01 00:00:00.
pub fn civil(secs: i64) -> Civil {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400) as u32;
    let (year, mon, mday) = civil_from_days(days);
    Civil {
        year,
        mon,
        mday,
        hour: rem / 3600,
        min: rem / 60 % 60,
        sec: rem % 60,
        wday: weekday(days),
        yday: yearday(year, mon, mday),
    }
}

/// Seconds since the epoch of possibly out-of-range fields (`mon` counted
/// from 0 and may be any value, as may the others), as `mktime` normalises
/// them; None on overflow.
pub fn seconds(year: i64, mon: i64, mday: i64, hour: i64, min: i64, sec: i64) -> Option<i64> {
    let year = year.checked_add(mon.div_euclid(12))?;
    // Past this the day count itself overflows; far beyond any tm_year.
    if year.unsigned_abs() > 1 << 40 {
        return None;
    }
    let days = days_from_civil(year, mon.rem_euclid(12) as u32 + 1, 1).checked_add(mday - 1)?;
    days.checked_mul(86400)?
        .checked_add(hour.checked_mul(3600)?)?
        .checked_add(min.checked_mul(60)?)?
        .checked_add(sec)
}

/// Days in year `y`.
pub fn year_days(y: i64) -> i64 {
    if is_leap(y) {
        366
    } else {
        365
    }
}

/// The (week-based year, ISO 8601 week 1-53) of a date, given its year,
/// day of the year (0-365) and weekday (Sunday = 0). Weeks start on Monday
/// and belong to the year that holds their Thursday.
pub fn iso_week(year: i64, yday: u32, wday: u32) -> (i64, u32) {
    let thursday = yday as i64 - (wday as i64 + 6) % 7 + 3;
    let (y, t) = if thursday < 0 {
        (year - 1, thursday + year_days(year - 1))
    } else if thursday >= year_days(year) {
        (year + 1, thursday - year_days(year))
    } else {
        (year, thursday)
    };
    (y, (t / 7 + 1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_far_from_1970() {
        for z in (-800_000_000..800_000_000).step_by(9_973) {
            let (y, m, d) = civil_from_days(z);
            assert!((1..=12).contains(&m) && d >= 1 && d <= month_days(y, m));
            assert_eq!(days_from_civil(y, m, d), z);
        }
        // Every day in a window around the leap rules of 1900, 2000, 2100.
        for z in days_from_civil(1899, 1, 1)..days_from_civil(2101, 1, 1) {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }

    #[test]
    fn known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        assert_eq!(days_from_civil(2038, 1, 19), 24855);
        assert_eq!(days_from_civil(9999, 12, 31), 2932896);
        assert_eq!(days_from_civil(0, 1, 1), -719528);
        assert_eq!(days_from_civil(-1, 12, 31), -719529);
        assert_eq!(civil_from_days(-719528 - 365), (-1, 1, 1));
        assert_eq!(weekday(0), 4);
        assert_eq!(weekday(days_from_civil(2000, 1, 1)), 6);
        assert_eq!(weekday(days_from_civil(1582, 10, 15)), 5);
        assert_eq!(weekday(days_from_civil(1900, 1, 1)), 1);
        // The year 2038 rollover second and the last second of 9999.
        assert_eq!(civil(2147483648), Civil { year: 2038, mon: 1, mday: 19, hour: 3, min: 14, sec: 8, wday: 2, yday: 18 });
        assert_eq!(civil(253402300799), Civil { year: 9999, mon: 12, mday: 31, hour: 23, min: 59, sec: 59, wday: 5, yday: 364 });
        assert_eq!(civil(-1), Civil { year: 1969, mon: 12, mday: 31, hour: 23, min: 59, sec: 59, wday: 3, yday: 364 });
    }

    #[test]
    fn leap_rules() {
        assert!(is_leap(2000) && is_leap(2004) && is_leap(0) && is_leap(-4) && is_leap(-400) && is_leap(2400));
        assert!(!is_leap(1900) && !is_leap(2100) && !is_leap(-100) && !is_leap(2001) && !is_leap(-1));
        assert_eq!(month_days(2000, 2), 29);
        assert_eq!(month_days(1900, 2), 28);
        assert_eq!(yearday(2000, 12, 31), 365);
        assert_eq!(yearday(1999, 12, 31), 364);
    }

    #[test]
    fn normalisation() {
        // 2000-14-01 is 2001-03-01; day 0 is the last day of the month before.
        assert_eq!(seconds(2000, 14, 1, 0, 0, 0), seconds(2001, 2, 1, 0, 0, 0));
        assert_eq!(seconds(2000, 2, 0, 0, 0, 0), seconds(2000, 1, 29, 0, 0, 0));
        assert_eq!(seconds(2000, -1, 1, 0, 0, 0), seconds(1999, 11, 1, 0, 0, 0));
        assert_eq!(seconds(1970, 0, 1, 0, 0, -1), Some(-1));
        assert_eq!(seconds(1970, 0, 1, 25, 61, 61), Some(25 * 3600 + 61 * 60 + 61));
        assert_eq!(seconds(i64::MAX, 12, 1, 0, 0, 0), None);
    }

    #[test]
    fn iso_weeks() {
        let w = |y, m, d| {
            let z = days_from_civil(y, m, d);
            iso_week(y, yearday(y, m, d), weekday(z))
        };
        assert_eq!(w(2005, 1, 1), (2004, 53));
        assert_eq!(w(2005, 1, 2), (2004, 53));
        assert_eq!(w(2005, 1, 3), (2005, 1));
        assert_eq!(w(2007, 12, 31), (2008, 1));
        assert_eq!(w(2008, 12, 29), (2009, 1));
        assert_eq!(w(2009, 12, 31), (2009, 53));
        assert_eq!(w(2010, 1, 3), (2009, 53));
        assert_eq!(w(2021, 1, 1), (2020, 53));
        assert_eq!(w(2027, 1, 1), (2026, 53));
        // Exhaustive check against a direct definition over 1900-2100:
        // the ISO year and week of a date come from its week's Thursday.
        for z in days_from_civil(1900, 1, 1)..days_from_civil(2101, 1, 1) {
            let (y, m, d) = civil_from_days(z);
            let thursday = z - (weekday(z) as i64 + 6) % 7 + 3;
            let (ty, _, _) = civil_from_days(thursday);
            let week = (thursday - days_from_civil(ty, 1, 1)) / 7 + 1;
            assert_eq!(iso_week(y, yearday(y, m, d), weekday(z)), (ty, week as u32), "{y}-{m}-{d}");
        }
    }
}
