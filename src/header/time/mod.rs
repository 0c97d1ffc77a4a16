//! `<time.h>`: clocks, sleeping, calendar time, time zones, formatting.
//! Also the compat `sleep`/`usleep` of `<unistd.h>`.

mod asctime;
pub mod calendar;
pub mod clock;
mod localtime;
mod mktime;
pub mod sleep;
pub mod strftime;
pub mod strptime;
pub mod timer;
pub mod tz;

pub use self::asctime::*;
pub use self::clock::*;
pub use self::localtime::*;
pub use self::mktime::*;
pub use self::sleep::*;
pub use self::strftime::{strftime, strftime_l};
pub use self::strptime::{strptime, strptime_l};
pub use self::timer::*;

pub use crate::abi::{time_t, timespec};
use crate::abi::{c_char, c_int, c_long};

pub type clock_t = i64;
pub type clockid_t = u32;

/// `struct tm`, with cloudlibc's extensions `tm_gmtoff`, `tm_zone` and
/// `tm_nsec`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct tm {
    pub tm_sec: c_int,
    pub tm_min: c_int,
    pub tm_hour: c_int,
    pub tm_mday: c_int,
    pub tm_mon: c_int,
    pub tm_year: c_int,
    pub tm_wday: c_int,
    pub tm_yday: c_int,
    pub tm_isdst: c_int,
    pub tm_gmtoff: c_int,
    pub tm_zone: *const c_char,
    pub tm_nsec: c_long,
}

impl tm {
    pub const fn zeroed() -> tm {
        tm {
            tm_sec: 0,
            tm_min: 0,
            tm_hour: 0,
            tm_mday: 0,
            tm_mon: 0,
            tm_year: 0,
            tm_wday: 0,
            tm_yday: 0,
            tm_isdst: 0,
            tm_gmtoff: 0,
            tm_zone: core::ptr::null(),
            tm_nsec: 0,
        }
    }
}

pub const CLOCK_MONOTONIC: clockid_t = 1;
pub const CLOCK_PROCESS_CPUTIME_ID: clockid_t = 2;
pub const CLOCK_REALTIME: clockid_t = 3;
pub const CLOCK_THREAD_CPUTIME_ID: clockid_t = 4;
pub const TIMER_ABSTIME: c_int = 1;
pub const TIME_UTC: c_int = 3;
pub const CLOCKS_PER_SEC: clock_t = 1_000_000_000;

pub const NSEC_PER_SEC: i64 = 1_000_000_000;
