//! The compat path calls that set file times: `utimes` (`<sys/time.h>`)
//! and `utime` (`<utime.h>`), on `utimensat` relative to the current
//! directory (which resolves the path through the named grants).

use super::timeval;
use crate::abi::{c_char, c_int};
use crate::compat::path::AT_FDCWD;
use crate::header::sys_stat::utimensat;
use crate::header::time::{time_t, timespec};

/// POSIX (compat) `utimes`: access and modification times in
/// microseconds; null means now.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn utimes(path: *const c_char, tv: *const timeval) -> c_int {
    if tv.is_null() {
        // SAFETY: forwarded contract.
        return unsafe { utimensat(AT_FDCWD, path, core::ptr::null(), 0) };
    }
    // SAFETY: a non-null `tv` holds two timevals (C contract).
    let [a, m] = unsafe { [*tv, *tv.add(1)] };
    // Out-of-range microseconds become out-of-range nanoseconds, which
    // utimensat rejects with EINVAL.
    let ts = [a, m].map(|t| timespec { tv_sec: t.tv_sec, tv_nsec: t.tv_usec.saturating_mul(1000) });
    // SAFETY: `ts` holds two timespecs; `path` is a C string (C contract).
    unsafe { utimensat(AT_FDCWD, path, ts.as_ptr(), 0) }
}

/// `struct utimbuf`.
#[repr(C)]
pub struct utimbuf {
    pub actime: time_t,
    pub modtime: time_t,
}

/// POSIX (compat) `utime`: times in seconds; null means now.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn utime(path: *const c_char, times: *const utimbuf) -> c_int {
    if times.is_null() {
        // SAFETY: forwarded contract.
        return unsafe { utimensat(AT_FDCWD, path, core::ptr::null(), 0) };
    }
    // SAFETY: a non-null `times` is readable (C contract).
    let t = unsafe { &*times };
    let ts = [t.actime, t.modtime].map(|s| timespec { tv_sec: s, tv_nsec: 0 });
    // SAFETY: `ts` holds two timespecs; `path` is a C string (C contract).
    unsafe { utimensat(AT_FDCWD, path, ts.as_ptr(), 0) }
}
