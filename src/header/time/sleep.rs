//! Sleeping: `nanosleep`, `clock_nanosleep`, and `<unistd.h>`'s `sleep`
//! and `usleep`, each one CloudABI `poll` on a clock subscription. Nothing
//! interrupts a CloudABI poll (signals run synchronously), so the
//! remaining-time argument is never written and EINTR never happens.

use super::clock::{to_clock, to_timestamp};
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

fn sleep_for(ts: *const timespec) -> Result<(), Errno> {
    // SAFETY: `ts` points at a timespec (C contract).
    let ts = unsafe { &*ts };
    if ts.tv_sec < 0 {
        return Err(errno::INVAL);
    }
    wait(clockid::MONOTONIC, to_timestamp(ts)?, false)
}

/// POSIX `nanosleep`: sleeps for `*ts` on the monotonic clock. cloudlibc
/// makes the remaining-time argument optional; it is never written.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn nanosleep(ts: *const timespec, _rem: *mut timespec) -> c_int {
    sleep_for(ts).map(|()| 0).or_errno(-1)
}

/// POSIX `clock_nanosleep`: returns the error number (0 on success).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn clock_nanosleep(id: clockid_t, flags: c_int, ts: *const timespec, _rem: *mut timespec) -> c_int {
    (|| {
        let clock = match id {
            CLOCK_THREAD_CPUTIME_ID => return Err(errno::INVAL),
            CLOCK_PROCESS_CPUTIME_ID => return Err(errno::NOTSUP),
            _ => to_clock(id)?,
        };
        if flags & TIMER_ABSTIME == 0 {
            return sleep_for(ts);
        }
        // SAFETY: `ts` points at a timespec (C contract).
        wait(clock, to_timestamp(unsafe { &*ts })?, true)
    })()
    .errno_value()
}

/// POSIX `sleep`: always sleeps the whole time, so returns 0.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sleep(seconds: c_uint) -> c_uint {
    let ts = timespec { tv_sec: seconds as i64, tv_nsec: 0 };
    let _ = sleep_for(&ts);
    0
}

/// POSIX `usleep`: sleeps for `us` microseconds.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn usleep(us: u32) -> c_int {
    let ts = timespec { tv_sec: (us / 1_000_000) as i64, tv_nsec: (us % 1_000_000) as i64 * 1000 };
    sleep_for(&ts).map(|()| 0).or_errno(-1)
}
