//! futimens, utimensat.

use super::{follow, follows, timespec};
use crate::abi::{c_char, c_int};
use crate::compat::path;
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, filestat, fsflags, lookup};
use cloudabi::errno;

pub const UTIME_NOW: i64 = -1;
pub const UTIME_OMIT: i64 = -2;

/// Translates a `times[2]` argument into a filestat and the flags to set.
fn times(ts: *const timespec) -> Result<(filestat, fsflags), Errno> {
    // SAFETY: filestat is plain data; zero is a valid value of every field.
    let mut st: filestat = unsafe { core::mem::zeroed() };
    if ts.is_null() {
        return Ok((st, fsflags::ATIM_NOW | fsflags::MTIM_NOW));
    }
    // SAFETY: a non-null `times` points at two timespecs (C contract).
    let [a, m] = unsafe { [*ts, *ts.add(1)] };
    let mut flags = fsflags::empty();
    for (t, set, now, field) in
        [(a, fsflags::ATIM, fsflags::ATIM_NOW, &mut st.st_atim), (m, fsflags::MTIM, fsflags::MTIM_NOW, &mut st.st_mtim)]
    {
        match t.tv_nsec {
            UTIME_OMIT => {}
            UTIME_NOW => flags |= now,
            ns if (0..1_000_000_000).contains(&ns) && t.tv_sec >= 0 => {
                *field = t.tv_sec as u64 * 1_000_000_000 + ns as u64;
                flags |= set;
            }
            _ => return Err(errno::INVAL),
        }
    }
    Ok((st, flags))
}

/// POSIX `futimens`: sets the access and modification times of an open file.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn futimens(fd: c_int, ts: *const timespec) -> c_int {
    (|| {
        let (st, fl) = times(ts)?;
        if fl.is_empty() {
            return Ok(());
        }
        sys::file_stat_fput(sys::to_fd(fd)?, &st, fl)
    })()
    .map(|()| 0)
    .or_errno(-1)
}

/// POSIX `utimensat`: sets the times of a file beneath a directory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn utimensat(dirfd: c_int, p: *const c_char, ts: *const timespec, flags: c_int) -> c_int {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    (|| {
        let (st, fl) = times(ts)?;
        path::with(dirfd, p, follows(flags), |r| {
            sys::file_stat_put(lookup { fd: r.fd, flags: follow(flags) }, r.path(), &st, fl)
        })
    })()
    .map(|()| 0)
    .or_errno(-1)
}
