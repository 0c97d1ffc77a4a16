//! Sleeping: `nanosleep`, `clock_nanosleep`, and `<unistd.h>`'s `sleep`
//! and `usleep`, each one CloudABI `poll` on a clock subscription. A timer
//! signal's handler interrupts the poll (EINTR); the time still to sleep
//! then goes to the remaining-time argument.

use super::clock::{to_clock, to_timespec, to_timestamp};
use super::{clockid_t, timespec, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID, TIMER_ABSTIME};
use crate::abi::{c_int, c_uint};
use crate::errno::{ErrnoValue, Errno, OrErrno};
use crate::sys::{self, clockid, event, eventtype, subscription, timestamp};
use cloudabi::{errno, subclockflags, subscription_clock, subscription_union};

/// A subscription that fires when `clock` reaches `timeout` (absolute) or
/// after `timeout` nanoseconds (relative).
pub fn clock_subscription(clock: clockid, timeout: timestamp, absolute: bool) -> subscription {
    subscription {
        userdata: 0,
        unused: 0,
        r#type: eventtype::CLOCK,
        union: subscription_union {
            clock: subscription_clock {
                identifier: 0,
                clock_id: clock,
                timeout,
                precision: 0,
                flags: if absolute { subclockflags::ABSTIME } else { subclockflags::empty() },
            },
        },
    }
}

/// Blocks until the clock subscription fires.
fn wait(clock: clockid, timeout: timestamp, absolute: bool) -> Result<(), Errno> {
    let sub = clock_subscription(clock, timeout, absolute);
    // SAFETY: an all-zero event is a valid value that poll overwrites.
    let mut ev: [event; 1] = unsafe { core::mem::zeroed() };
    sys::poll(core::slice::from_ref(&sub), &mut ev)?;
    match ev[0].error {
        errno::SUCCESS => Ok(()),
        e => Err(e),
    }
}

/// Sleeps for `*ts` on the monotonic clock; interrupted, returns the time
/// that was still to sleep.
fn sleep_for(ts: *const timespec) -> Result<(), (Errno, timestamp)> {
    // SAFETY: `ts` points at a timespec (C contract).
    let ts = unsafe { &*ts };
    if ts.tv_sec < 0 {
        return Err((errno::INVAL, 0));
    }
    let length = to_timestamp(ts).map_err(|e| (e, 0))?;
    let start = sys::clock_time_get(clockid::MONOTONIC, 0).map_err(|e| (e, 0))?;
    wait(clockid::MONOTONIC, start.saturating_add(length), true).map_err(|e| {
        let now = sys::clock_time_get(clockid::MONOTONIC, 0).unwrap_or(start);
        (e, start.saturating_add(length).saturating_sub(now))
    })
}

/// Writes the time left of an interrupted sleep to `rem`, if given.
fn report_left(r: Result<(), (Errno, timestamp)>, rem: *mut timespec) -> Result<(), Errno> {
    r.map_err(|(e, left)| {
        if e == errno::INTR && !rem.is_null() {
            // SAFETY: a non-null `rem` is writable (C contract).
            unsafe { rem.write(to_timespec(left)) };
        }
        e
    })
}

/// POSIX `nanosleep`: sleeps for `*ts` on the monotonic clock; interrupted
/// by a signal handler, fails with EINTR and writes the time left to `rem`
/// (which cloudlibc makes optional).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn nanosleep(ts: *const timespec, rem: *mut timespec) -> c_int {
    report_left(sleep_for(ts), rem).map(|()| 0).or_errno(-1)
}

/// POSIX `clock_nanosleep`: returns the error number (0 on success).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn clock_nanosleep(id: clockid_t, flags: c_int, ts: *const timespec, rem: *mut timespec) -> c_int {
    (|| {
        let clock = match id {
            CLOCK_THREAD_CPUTIME_ID => return Err(errno::INVAL),
            CLOCK_PROCESS_CPUTIME_ID => return Err(errno::NOTSUP),
            _ => to_clock(id)?,
        };
        if flags & TIMER_ABSTIME == 0 {
            return report_left(sleep_for(ts), rem);
        }
        // SAFETY: `ts` points at a timespec (C contract).
        wait(clock, to_timestamp(unsafe { &*ts })?, true)
    })()
    .errno_value()
}

/// POSIX `sleep`: returns 0, or the whole seconds (rounded up) still to
/// sleep when a signal handler interrupted it.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sleep(seconds: c_uint) -> c_uint {
    let ts = timespec { tv_sec: seconds as i64, tv_nsec: 0 };
    match sleep_for(&ts) {
        Err((errno::INTR, left)) => left.div_ceil(1_000_000_000) as c_uint,
        _ => 0,
    }
}

/// POSIX `usleep`: sleeps for `us` microseconds.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn usleep(us: u32) -> c_int {
    let ts = timespec { tv_sec: (us / 1_000_000) as i64, tv_nsec: (us % 1_000_000) as i64 * 1000 };
    sleep_for(&ts).map_err(|(e, _)| e).map(|()| 0).or_errno(-1)
}
