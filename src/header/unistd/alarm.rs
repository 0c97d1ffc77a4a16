//! Compat alarm and pause.
//!
//! `alarm` arms the process's real-time timer (an emulator extension), so
//! SIGALRM arrives asynchronously as on POSIX systems: a thread that does
//! not block it is interrupted, and a call it was blocked in fails with
//! EINTR once the handler has run.

use crate::abi::{c_int, c_uint};
use crate::header::signal::{enable_async, sigsuspend, thread_mask};
use crate::sys::{self, signal, TimerSetting};

const NS: u64 = 1_000_000_000;

/// Compat `alarm`: sets (or, with 0, cancels) the alarm; returns the whole
/// seconds, rounded up, that were left of the previous one.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn alarm(seconds: c_uint) -> c_uint {
    if seconds != 0 && enable_async().is_err() {
        return 0;
    }
    let new = TimerSetting { value: u64::from(seconds) * NS, interval: 0 };
    sys::timer_set(signal::ALRM, new).map_or(0, |old| old.value.div_ceil(NS) as c_uint)
}

/// Compat `pause`: waits until a signal handler has run, then fails with
/// EINTR (the default action of SIGALRM ends the process). With no timer
/// armed nothing could ever arrive: ENOSYS rather than blocking forever.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pause() -> c_int {
    let m = thread_mask();
    // SAFETY: `m` is a valid signal set.
    unsafe { sigsuspend(&m) }
}
