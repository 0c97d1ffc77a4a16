//! Compat getitimer and setitimer: the real-time timer (SIGALRM) and the
//! user-CPU-time timer (SIGVTALRM), through an emulator extension; their
//! signals arrive asynchronously (see `<signal.h>`). There is no SIGPROF
//! in cloudlibc, so ITIMER_PROF is EINVAL.

use super::timeval;
use crate::abi::c_int;
use crate::errno::{Errno, OrErrno};
use crate::header::signal::enable_async;
use crate::sys::{self, signal, timestamp, TimerSetting};
use cloudabi::errno;

pub const ITIMER_REAL: c_int = 0;
pub const ITIMER_VIRTUAL: c_int = 1;
pub const ITIMER_PROF: c_int = 2;

/// `struct itimerval`: the period, then the time left.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct itimerval {
    pub it_interval: timeval,
    pub it_value: timeval,
}

fn timer_signal(which: c_int) -> Result<signal, Errno> {
    match which {
        ITIMER_REAL => Ok(signal::ALRM),
        ITIMER_VIRTUAL => Ok(signal::VTALRM),
        _ => Err(errno::INVAL),
    }
}

fn to_ns(tv: &timeval) -> Result<timestamp, Errno> {
    if tv.tv_sec < 0 || !(0..1_000_000).contains(&tv.tv_usec) {
        return Err(errno::INVAL);
    }
    (tv.tv_sec as u64).checked_mul(1_000_000_000).and_then(|s| s.checked_add(tv.tv_usec as u64 * 1000)).ok_or(errno::INVAL)
}

fn to_timeval(ns: timestamp) -> timeval {
    timeval { tv_sec: (ns / 1_000_000_000) as i64, tv_usec: (ns % 1_000_000_000 / 1000) as i64 }
}

fn to_itimerval(t: TimerSetting) -> itimerval {
    itimerval { it_interval: to_timeval(t.interval), it_value: to_timeval(t.value) }
}

/// Compat (POSIX) `getitimer`: the time left and the period of a timer.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getitimer(which: c_int, out: *mut itimerval) -> c_int {
    (|| {
        let t = sys::timer_get(timer_signal(which)?)?;
        // SAFETY: `out` is writable (C contract).
        unsafe { out.write(to_itimerval(t)) };
        Ok(())
    })()
    .map(|()| 0)
    .or_errno(-1)
}

/// Compat (POSIX) `setitimer`: arms (a zero `it_value` disarms) a timer;
/// `old`, if not null, receives the previous setting.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setitimer(which: c_int, new: *const itimerval, old: *mut itimerval) -> c_int {
    (|| {
        let sig = timer_signal(which)?;
        // SAFETY: `new` is readable (C contract).
        let new = unsafe { &*new };
        let setting = TimerSetting { value: to_ns(&new.it_value)?, interval: to_ns(&new.it_interval)? };
        if setting.value != 0 {
            enable_async()?;
        }
        let prev = sys::timer_set(sig, setting)?;
        if !old.is_null() {
            // SAFETY: `old` is writable (C contract).
            unsafe { old.write(to_itimerval(prev)) };
        }
        Ok(())
    })()
    .map(|()| 0)
    .or_errno(-1)
}
