//! `<sys/times.h>`: `times`, in clock ticks of `sysconf(_SC_CLK_TCK)`
//! (100 a second). Only the process's own processor time is known, all of
//! it counted as user time; there are no child processes.

use crate::header::time::{clock::now, clock_t, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID};
use crate::errno::{Errno, OrErrno};

/// Nanoseconds per tick.
const TICK: u64 = 10_000_000;

/// `struct tms`.
#[repr(C)]
pub struct tms {
    pub tms_utime: clock_t,
    pub tms_stime: clock_t,
    pub tms_cutime: clock_t,
    pub tms_cstime: clock_t,
}

/// POSIX `times`: fills `*t` and returns the monotonic clock in ticks.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn times(t: *mut tms) -> clock_t {
    (|| -> Result<clock_t, Errno> {
        let cpu = now(CLOCK_PROCESS_CPUTIME_ID)?;
        let real = now(CLOCK_MONOTONIC)?;
        let v = tms { tms_utime: (cpu / TICK) as clock_t, tms_stime: 0, tms_cutime: 0, tms_cstime: 0 };
        // SAFETY: `t` is writable (C contract).
        unsafe { t.write(v) };
        Ok((real / TICK) as clock_t)
    })()
    .or_errno(-1)
}
