//! `<sys/time.h>`: `gettimeofday`, the compat path calls `utimes` and
//! `<utime.h>`'s `utime`, and the compat interval timers. The `select` it
//! declares is `sys_select`'s.

mod itimer;
mod utimes;

pub use self::itimer::*;
pub use self::utimes::*;

use crate::abi::{c_int, c_void};
use crate::header::time::{clock::now, time_t, CLOCK_REALTIME};
use crate::errno::OrErrno;

/// `struct timeval`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct timeval {
    pub tv_sec: time_t,
    pub tv_usec: i64,
}

/// POSIX `gettimeofday`: the time zone argument is optional and ignored.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn gettimeofday(tv: *mut timeval, _tz: *mut c_void) -> c_int {
    now(CLOCK_REALTIME)
        .map(|ns| {
            if !tv.is_null() {
                let t = timeval { tv_sec: (ns / 1_000_000_000) as time_t, tv_usec: (ns % 1_000_000_000 / 1000) as i64 };
                // SAFETY: a non-null `tv` is writable (C contract).
                unsafe { tv.write(t) };
            }
            0
        })
        .or_errno(-1)
}
