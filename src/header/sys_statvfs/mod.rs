//! `<sys/statvfs.h>` (compat): `statvfs`, `fstatvfs`, through the
//! emulator's `file_fsstat_get`/`file_fsstat_fget` extensions (see
//! emulator/file_ext.rs), which need the rights that read a file's status.
//! The numbers describe the whole file system holding the file, not only
//! the granted part of it.

use crate::abi::{c_char, c_int, c_ulong};
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, fsstat, fsstat_flags, lookupflags};

pub const ST_RDONLY: c_ulong = 0x1;
pub const ST_NOSUID: c_ulong = 0x2;

/// `struct statvfs`, as include/sys/statvfs.h lays it out.
#[repr(C)]
#[derive(Copy, Clone, Default, Debug, PartialEq, Eq)]
pub struct statvfs {
    pub f_bsize: c_ulong,
    pub f_frsize: c_ulong,
    pub f_blocks: u64,
    pub f_bfree: u64,
    pub f_bavail: u64,
    pub f_files: u64,
    pub f_ffree: u64,
    pub f_favail: u64,
    pub f_fsid: c_ulong,
    pub f_flag: c_ulong,
    pub f_namemax: c_ulong,
}

fn from_fsstat(s: &fsstat) -> statvfs {
    let mut flag = 0;
    if s.flags & fsstat_flags::RDONLY != 0 {
        flag |= ST_RDONLY;
    }
    if s.flags & fsstat_flags::NOSUID != 0 {
        flag |= ST_NOSUID;
    }
    statvfs {
        f_bsize: s.bsize,
        f_frsize: s.frsize,
        f_blocks: s.blocks,
        f_bfree: s.bfree,
        f_bavail: s.bavail,
        f_files: s.files,
        f_ffree: s.ffree,
        f_favail: s.favail,
        f_fsid: s.fsid,
        f_flag: flag,
        f_namemax: s.namemax,
    }
}

fn store(out: *mut statvfs, r: Result<fsstat, Errno>) -> c_int {
    // SAFETY: the caller passes a writable struct statvfs (C contract).
    r.map(|s| unsafe { out.write(from_fsstat(&s)) }).map(|()| 0).or_errno(-1)
}

/// Compat `statvfs`: statistics of the file system holding a file named
/// through the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn statvfs(path: *const c_char, out: *mut statvfs) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    let r = path::with(AT_FDCWD, p, true, |r| {
        sys::file_fsstat_get(sys::lookup { fd: r.fd, flags: lookupflags::SYMLINK_FOLLOW }, r.path())
    });
    store(out, r)
}

/// Compat `fstatvfs`: statistics of the file system holding an open file.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fstatvfs(fd: c_int, out: *mut statvfs) -> c_int {
    store(out, sys::to_fd(fd).and_then(sys::file_fsstat_fget))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_fields_carry_over() {
        let s = fsstat {
            bsize: 4096,
            frsize: 1024,
            blocks: 10,
            bfree: 5,
            bavail: 4,
            files: 9,
            ffree: 8,
            favail: 7,
            fsid: 6,
            flags: fsstat_flags::RDONLY | fsstat_flags::NOSUID,
            namemax: 255,
        };
        let v = from_fsstat(&s);
        assert_eq!((v.f_bsize, v.f_frsize, v.f_blocks, v.f_bfree, v.f_bavail), (4096, 1024, 10, 5, 4));
        assert_eq!((v.f_files, v.f_ffree, v.f_favail, v.f_fsid, v.f_namemax), (9, 8, 7, 6, 255));
        assert_eq!(v.f_flag, ST_RDONLY | ST_NOSUID);
        assert_eq!(from_fsstat(&fsstat { flags: fsstat_flags::NOSUID, ..s }).f_flag, ST_NOSUID);
    }
}
