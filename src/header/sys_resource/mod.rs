//! `<sys/resource.h>`: `getrusage` (cloudlibc), and the compat resource
//! limits and priorities. A CloudABI process has no way to ask the kernel
//! for limits, so they are fixed values describing this implementation
//! (4096 descriptors, an 8 MiB main stack, nothing else limited by the
//! library); changing one succeeds only when nothing would change, and
//! anything else fails with EPERM rather than being recorded and not
//! enforced. The priority is the niceness of the calling thread, which
//! the emulator lets the program raise but never lower.

use crate::abi::{c_int, c_long, time_t};
use crate::errno::{Errno, OrErrno};
use crate::header::sys_stat::NOBODY;
use crate::header::sys_time::timeval;
use crate::header::unistd::{sysconf, PID, _SC_OPEN_MAX};
use crate::sys::{self, clockid};
use cloudabi::errno;

pub const RUSAGE_SELF: c_int = 1;
pub const RUSAGE_CHILDREN: c_int = 2;

pub const RLIMIT_CORE: c_int = 0;
pub const RLIMIT_CPU: c_int = 1;
pub const RLIMIT_DATA: c_int = 2;
pub const RLIMIT_FSIZE: c_int = 3;
pub const RLIMIT_NOFILE: c_int = 4;
pub const RLIMIT_STACK: c_int = 5;
pub const RLIMIT_AS: c_int = 6;

pub const PRIO_PROCESS: c_int = 0;
pub const PRIO_PGRP: c_int = 1;
pub const PRIO_USER: c_int = 2;

pub type rlim_t = u64;
pub const RLIM_INFINITY: rlim_t = !0;

/// A duration in nanoseconds as a timeval, truncated to microseconds.
fn timeval_of(ns: u64) -> timeval {
    timeval { tv_sec: (ns / 1_000_000_000) as time_t, tv_usec: (ns % 1_000_000_000 / 1000) as i64 }
}

/// `struct rusage` as include/sys/resource.h lays it out.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct rusage {
    pub ru_utime: timeval,
    pub ru_stime: timeval,
    /// ru_maxrss through ru_nivcsw: nothing reports them here.
    pub counters: [c_long; 14],
}

#[repr(C)]
#[derive(Copy, Clone)]
pub struct rlimit {
    pub rlim_cur: rlim_t,
    pub rlim_max: rlim_t,
}

/// The CPU time of the process (or, for children, nothing: there are
/// none). The kernel reports user and system time together, so all of it
/// appears as user time.
pub fn usage(who: c_int) -> Result<rusage, Errno> {
    match who {
        RUSAGE_SELF => {
            let ns = sys::clock_time_get(clockid::PROCESS_CPUTIME_ID, 0)?;
            Ok(rusage { ru_utime: timeval_of(ns), ..rusage::default() })
        }
        RUSAGE_CHILDREN => Ok(rusage::default()),
        _ => Err(errno::INVAL),
    }
}

/// cloudlibc `getrusage`: process CPU time (see [`usage`]).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getrusage(who: c_int, out: *mut rusage) -> c_int {
    // SAFETY: `out` points at a writable struct rusage (C contract).
    usage(who).map(|u| unsafe { out.write(u) }).map(|()| 0).or_errno(-1)
}

/// The fixed limit of `resource` (soft and hard are equal).
pub fn limit(resource: c_int) -> Result<rlim_t, Errno> {
    match resource {
        RLIMIT_NOFILE => Ok(sysconf(_SC_OPEN_MAX) as rlim_t),
        RLIMIT_STACK => Ok(8 << 20),
        RLIMIT_CORE | RLIMIT_CPU | RLIMIT_DATA | RLIMIT_FSIZE | RLIMIT_AS => Ok(RLIM_INFINITY),
        _ => Err(errno::INVAL),
    }
}

/// Compat `getrlimit`: the fixed limits (see the module documentation).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getrlimit(resource: c_int, out: *mut rlimit) -> c_int {
    // SAFETY: `out` points at a writable struct rlimit (C contract).
    limit(resource).map(|l| unsafe { out.write(rlimit { rlim_cur: l, rlim_max: l }) }).map(|()| 0).or_errno(-1)
}

/// Compat `setrlimit`: succeeds when asked for the current limits; else
/// EPERM (a limit the library could not enforce is not pretended), and
/// EINVAL for a soft limit above the hard one or an unknown resource.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setrlimit(resource: c_int, new: *const rlimit) -> c_int {
    // SAFETY: `new` points at a struct rlimit (C contract).
    let new = unsafe { *new };
    let r = limit(resource).and_then(|l| {
        if new.rlim_cur > new.rlim_max {
            Err(errno::INVAL)
        } else if new.rlim_cur == l && new.rlim_max == l {
            Ok(0)
        } else {
            Err(errno::PERM)
        }
    });
    r.or_errno(-1)
}

/// Checks a priority target: the process itself, its group or its user
/// (0 means "the caller's").
fn priority_target(which: c_int, who: u32) -> Result<(), Errno> {
    let own = match which {
        PRIO_PROCESS | PRIO_PGRP => PID as u32,
        PRIO_USER => NOBODY,
        _ => return Err(errno::INVAL),
    };
    if who == 0 || who == own {
        Ok(())
    } else {
        Err(errno::SRCH)
    }
}

/// Compat `getpriority`: the niceness of the calling thread, which is what
/// every target naming the process itself has (ESRCH for other targets).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getpriority(which: c_int, who: u32) -> c_int {
    priority_target(which, who).and_then(|()| sys::proc_priority_get()).or_errno(-1)
}

/// Compat `setpriority`: raises the niceness of the calling thread (and of
/// threads it creates later), 19 at most; a lower one is EACCES, as for an
/// unprivileged Linux process (ESRCH for other targets).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setpriority(which: c_int, who: u32, prio: c_int) -> c_int {
    priority_target(which, who).and_then(|()| sys::proc_priority_set(prio)).map(|()| 0).or_errno(-1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rusage_has_the_c_layout() {
        assert_eq!(core::mem::size_of::<rusage>(), 2 * 16 + 14 * 8);
    }

    #[test]
    fn nanoseconds_become_seconds_and_microseconds() {
        let t = timeval_of(3_000_456_789);
        assert_eq!((t.tv_sec, t.tv_usec), (3, 456));
    }
}
