//! `<langinfo.h>`: `nl_langinfo`, with cloudlibc's item numbers. Every
//! item is the C locale's (POSIX 7.3) except CODESET, which names the
//! LC_CTYPE character set the way glibc does ("ANSI_X3.4-1968" for ASCII).
//!
//! The C locale's day and month names live here; `strftime` and
//! `strptime` use them too.

use crate::abi::{c_char, c_int};
use crate::header::locale::{self, locale_t};

pub type nl_item = c_int;

pub const CODESET: nl_item = 1;
pub const D_T_FMT: nl_item = 2;
pub const D_FMT: nl_item = 3;
pub const T_FMT: nl_item = 4;
pub const T_FMT_AMPM: nl_item = 5;
pub const AM_STR: nl_item = 6;
pub const PM_STR: nl_item = 7;
pub const DAY_1: nl_item = 8;
pub const ABDAY_1: nl_item = 15;
pub const MON_1: nl_item = 22;
pub const ABMON_1: nl_item = 34;
pub const ERA: nl_item = 46;
pub const ALT_DIGITS: nl_item = 50;
pub const RADIXCHAR: nl_item = 51;
pub const THOUSEP: nl_item = 52;
pub const YESEXPR: nl_item = 53;
pub const NOEXPR: nl_item = 54;
pub const CRNCYSTR: nl_item = 55;

/// Day names, Sunday first, NUL-terminated.
pub const DAYS: [&[u8]; 7] =
    [b"Sunday\0", b"Monday\0", b"Tuesday\0", b"Wednesday\0", b"Thursday\0", b"Friday\0", b"Saturday\0"];
pub const MONTHS: [&[u8]; 12] = [
    b"January\0",
    b"February\0",
    b"March\0",
    b"April\0",
    b"May\0",
    b"June\0",
    b"July\0",
    b"August\0",
    b"September\0",
    b"October\0",
    b"November\0",
    b"December\0",
];
pub const ABDAYS: [&[u8]; 7] = [b"Sun\0", b"Mon\0", b"Tue\0", b"Wed\0", b"Thu\0", b"Fri\0", b"Sat\0"];
pub const ABMONS: [&[u8]; 12] = [
    b"Jan\0", b"Feb\0", b"Mar\0", b"Apr\0", b"May\0", b"Jun\0", b"Jul\0", b"Aug\0", b"Sep\0", b"Oct\0", b"Nov\0",
    b"Dec\0",
];
/// The C locale's formats (%c, %x, %X, %r) and AM/PM strings.
pub const D_T_FMT_C: &[u8] = b"%a %b %e %H:%M:%S %Y\0";
pub const D_FMT_C: &[u8] = b"%m/%d/%y\0";
pub const T_FMT_C: &[u8] = b"%H:%M:%S\0";
pub const T_FMT_AMPM_C: &[u8] = b"%I:%M:%S %p\0";
pub const AM_PM: [&[u8]; 2] = [b"AM\0", b"PM\0"];

/// A name without its NUL.
pub fn text(s: &'static [u8]) -> &'static [u8] {
    &s[..s.len() - 1]
}

/// The value of `item` as a NUL-terminated string.
fn value(item: nl_item, utf8: bool) -> &'static [u8] {
    match item {
        CODESET if utf8 => b"UTF-8\0",
        CODESET => b"ANSI_X3.4-1968\0",
        D_T_FMT => D_T_FMT_C,
        D_FMT => D_FMT_C,
        T_FMT => T_FMT_C,
        T_FMT_AMPM => T_FMT_AMPM_C,
        AM_STR => AM_PM[0],
        PM_STR => AM_PM[1],
        DAY_1..=14 => DAYS[(item - DAY_1) as usize],
        ABDAY_1..=21 => ABDAYS[(item - ABDAY_1) as usize],
        MON_1..=33 => MONTHS[(item - MON_1) as usize],
        ABMON_1..=45 => ABMONS[(item - ABMON_1) as usize],
        RADIXCHAR => b".\0",
        YESEXPR => b"^[yY]\0",
        NOEXPR => b"^[nN]\0",
        CRNCYSTR => b"-\0",
        // ERA, ERA_D_FMT, ERA_D_T_FMT, ERA_T_FMT, ALT_DIGITS, THOUSEP and
        // unknown items: empty (POSIX).
        _ => b"\0",
    }
}

/// POSIX `nl_langinfo`, for the current locale.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn nl_langinfo(item: nl_item) -> *mut c_char {
    value(item, locale::current().is_utf8()).as_ptr() as *mut c_char
}

/// POSIX `nl_langinfo_l`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn nl_langinfo_l(item: nl_item, l: locale_t) -> *mut c_char {
    // SAFETY: `l` is a live locale (C contract).
    let utf8 = unsafe { locale::resolve(l) }.is_utf8();
    value(item, utf8).as_ptr() as *mut c_char
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items() {
        assert_eq!(value(CODESET, false), b"ANSI_X3.4-1968\0");
        assert_eq!(value(CODESET, true), b"UTF-8\0");
        assert_eq!(value(DAY_1 + 3, false), b"Wednesday\0");
        assert_eq!(value(ABDAY_1 + 6, false), b"Sat\0");
        assert_eq!(value(MON_1 + 11, false), b"December\0");
        assert_eq!(value(ABMON_1 + 8, false), b"Sep\0");
        assert_eq!(value(ERA, false), b"\0");
        assert_eq!(value(ALT_DIGITS, false), b"\0");
        assert_eq!(value(THOUSEP, false), b"\0");
        assert_eq!(value(9999, false), b"\0");
    }
}
