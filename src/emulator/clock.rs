//! `clock_*`: CloudABI clocks on Linux clocks.

use super::emulate;
use super::linux::{nr, result, syscall, Timespec};
use cloudabi::{clockid, errno, timestamp};

/// The Linux clock behind a CloudABI clock.
pub fn linux_clock(c: clockid) -> Result<usize, errno> {
    Ok(match c {
        clockid::REALTIME => 0,
        clockid::MONOTONIC => 1,
        clockid::PROCESS_CPUTIME_ID => 2,
        clockid::THREAD_CPUTIME_ID => 3,
        _ => return Err(errno::INVAL),
    })
}

/// Nanoseconds from a Linux timespec; times before 1970 clamp to 0, since
/// CloudABI timestamps are unsigned.
pub fn to_timestamp(ts: &Timespec) -> timestamp {
    if ts.tv_sec < 0 {
        return 0;
    }
    (ts.tv_sec as u64).saturating_mul(1_000_000_000).saturating_add(ts.tv_nsec as u64)
}

pub fn from_timestamp(t: timestamp) -> Timespec {
    Timespec { tv_sec: (t / 1_000_000_000) as i64, tv_nsec: (t % 1_000_000_000) as i64 }
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_clock_res_get(c: clockid, out: *mut timestamp) -> errno {
    emulate(|| {
        let mut ts = Timespec::default();
        // SAFETY: `ts` is a writable timespec.
        result(unsafe { syscall!(nr::CLOCK_GETRES, linux_clock(c)?, &mut ts as *mut Timespec) })?;
        // SAFETY: the caller passes a writable timestamp.
        unsafe { out.write(to_timestamp(&ts).max(1)) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_clock_time_get(c: clockid, _precision: timestamp, out: *mut timestamp) -> errno {
    emulate(|| {
        let mut ts = Timespec::default();
        // SAFETY: `ts` is a writable timespec.
        result(unsafe { syscall!(nr::CLOCK_GETTIME, linux_clock(c)?, &mut ts as *mut Timespec) })?;
        // SAFETY: the caller passes a writable timestamp.
        unsafe { out.write(to_timestamp(&ts)) };
        Ok(())
    })
}
