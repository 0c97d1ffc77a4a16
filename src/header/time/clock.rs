//! Clocks: `clock_gettime`, `clock_getres`, `time`, `clock`,
//! `timespec_get`, `difftime`. `clockid_t` values are CloudABI's clock ids,
//! and the per-thread CPU-time clocks `pthread_getcpuclockid` hands out:
//! [`THREAD_CPUCLOCK`] with a thread id in the low bits. The calling
//! thread's is read as CloudABI's THREAD_CPUTIME_ID, another thread's
//! through an emulator extension (only threads of this process).

use super::{
    clock_t, clockid_t, time_t, timespec, CLOCK_PROCESS_CPUTIME_ID, CLOCK_REALTIME, CLOCK_THREAD_CPUTIME_ID,
    NSEC_PER_SEC, TIME_UTC,
};
use crate::abi::c_int;
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, clockid, timestamp};
use cloudabi::errno;

/// The CloudABI clock behind a C clock id.
pub fn to_clock(id: clockid_t) -> Result<clockid, Errno> {
    Ok(match id {
        1 => clockid::MONOTONIC,
        2 => clockid::PROCESS_CPUTIME_ID,
        3 => clockid::REALTIME,
        4 => clockid::THREAD_CPUTIME_ID,
        _ => return Err(errno::INVAL),
    })
}

pub fn to_timespec(t: timestamp) -> timespec {
    timespec { tv_sec: (t / NSEC_PER_SEC as u64) as time_t, tv_nsec: (t % NSEC_PER_SEC as u64) as _ }
}

/// A timespec as a CloudABI timestamp: EINVAL for a bad nanosecond field;
/// times before 1970 clamp to 0 and far futures to the maximum.
pub fn to_timestamp(ts: &timespec) -> Result<timestamp, Errno> {
    if !(0..NSEC_PER_SEC).contains(&ts.tv_nsec) {
        return Err(errno::INVAL);
    }
    if ts.tv_sec < 0 {
        return Ok(0);
    }
    Ok((ts.tv_sec as u64).saturating_mul(NSEC_PER_SEC as u64).saturating_add(ts.tv_nsec as u64))
}

/// The current time of a clock in nanoseconds.
pub fn now(id: clockid_t) -> Result<timestamp, Errno> {
    sys::clock_time_get(to_clock(id)?, 1)
}

/// The bit that marks a thread's CPU-time clock id. Bit 30 rather than
/// 31 keeps the ids positive as an `int`, which is how CPython passes
/// clock ids around; thread ids stay far below it.
pub const THREAD_CPUCLOCK: clockid_t = 0x4000_0000;

/// The thread whose CPU-time clock `id` is, if it is one.
fn thread_of(id: clockid_t) -> Option<u32> {
    (id & THREAD_CPUCLOCK != 0).then_some(id & !THREAD_CPUCLOCK)
}

/// The current time of any clock `clock_gettime` accepts.
fn time_of(id: clockid_t) -> Result<timestamp, Errno> {
    match thread_of(id) {
        Some(t) if t == crate::header::pthread::thread::tid() => now(CLOCK_THREAD_CPUTIME_ID),
        Some(t) => sys::clock_thread_time_get(t),
        None => now(id),
    }
}

/// POSIX `clock_gettime`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn clock_gettime(id: clockid_t, ts: *mut timespec) -> c_int {
    time_of(id)
        .map(|t| {
            // SAFETY: `ts` is writable (C contract).
            unsafe { ts.write(to_timespec(t)) };
            0
        })
        .or_errno(-1)
}

/// POSIX `clock_getres`; `ts` may be null. Every thread's CPU-time clock
/// ticks as the calling thread's does.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn clock_getres(id: clockid_t, ts: *mut timespec) -> c_int {
    let clock = match thread_of(id) {
        Some(_) => time_of(id).map(|_| CLOCK_THREAD_CPUTIME_ID),
        None => Ok(id),
    };
    clock
        .and_then(to_clock)
        .and_then(sys::clock_res_get)
        .map(|t| {
            if !ts.is_null() {
                // SAFETY: a non-null `ts` is writable (C contract).
                unsafe { ts.write(to_timespec(t)) };
            }
            0
        })
        .or_errno(-1)
}

/// C11 `timespec_get`: TIME_UTC only; returns the base, or 0 on failure.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn timespec_get(ts: *mut timespec, base: c_int) -> c_int {
    if base != TIME_UTC {
        return 0;
    }
    // SAFETY: forwarded contract.
    match unsafe { clock_gettime(CLOCK_REALTIME, ts) } {
        0 => base,
        _ => 0,
    }
}

/// C11 `time`: seconds since the epoch, also stored through `t` if non-null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn time(t: *mut time_t) -> time_t {
    let v = match now(CLOCK_REALTIME) {
        Ok(ns) => (ns / NSEC_PER_SEC as u64) as time_t,
        Err(e) => {
            crate::errno::set_errno(e);
            -1
        }
    };
    if !t.is_null() {
        // SAFETY: a non-null `t` is writable (C contract).
        unsafe { t.write(v) };
    }
    v
}

/// C11 `clock`: processor time used, in CLOCKS_PER_SEC (nanosecond) units.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn clock() -> clock_t {
    now(CLOCK_PROCESS_CPUTIME_ID).map(|t| t as clock_t).or_errno(-1)
}

/// POSIX (compat) `clock_settime`: `EPERM`, a sandboxed process may not
/// set a clock (after checking the clock id and the value).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn clock_settime(id: clockid_t, ts: *const timespec) -> c_int {
    (|| {
        to_clock(id)?;
        // SAFETY: `ts` is readable (C contract).
        to_timestamp(unsafe { &*ts })?;
        Err(errno::PERM)
    })()
    .or_errno(-1)
}

/// POSIX (compat) `clock_getcpuclockid`: the process's own CPU-time clock
/// for pid 0 or 1 (what `getpid` returns here); others `ESRCH`. Returns
/// the error number.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn clock_getcpuclockid(pid: c_int, out: *mut clockid_t) -> c_int {
    if pid != 0 && pid != 1 {
        return errno::SRCH as c_int;
    }
    // SAFETY: `out` is writable (C contract).
    unsafe { out.write(CLOCK_PROCESS_CPUTIME_ID) };
    0
}

/// C11 `difftime`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn difftime(t1: time_t, t0: time_t) -> f64 {
    // Subtracting in i128 keeps the difference exact before rounding once.
    (t1 as i128 - t0 as i128) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert_eq!(to_timespec(1_500_000_000), timespec { tv_sec: 1, tv_nsec: 500_000_000 });
        assert_eq!(to_timestamp(&timespec { tv_sec: 2, tv_nsec: 5 }), Ok(2_000_000_005));
        assert_eq!(to_timestamp(&timespec { tv_sec: -2, tv_nsec: 5 }), Ok(0));
        assert_eq!(to_timestamp(&timespec { tv_sec: i64::MAX, tv_nsec: 5 }), Ok(u64::MAX));
        assert_eq!(to_timestamp(&timespec { tv_sec: 0, tv_nsec: NSEC_PER_SEC }), Err(errno::INVAL));
        assert_eq!(to_timestamp(&timespec { tv_sec: 0, tv_nsec: -1 }), Err(errno::INVAL));
        assert_eq!(to_clock(0), Err(errno::INVAL));
        assert_eq!(to_clock(4), Ok(clockid::THREAD_CPUTIME_ID));
        assert_eq!(difftime(i64::MAX, i64::MIN), 2f64.powi(64));
        assert_eq!(difftime(5, 7), -2.0);
    }
}
