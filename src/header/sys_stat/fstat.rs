//! fstat, fstatat, S_TYPEIS*; compat stat, lstat.

use super::{follow, follows};
use crate::abi::{c_char, c_int};
use crate::compat::ancestors;
use crate::compat::grants::PATH_MAX;
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, filestat, filetype, lookup};

pub use crate::abi::timespec;

fn from_ns(ns: u64) -> timespec {
    timespec { tv_sec: (ns / 1_000_000_000) as i64, tv_nsec: (ns % 1_000_000_000) as i64 }
}

/// `struct stat`, as include/sys/stat.h lays it out.
#[repr(C)]
#[derive(Copy, Clone, Default, Debug)]
pub struct stat {
    pub st_dev: u64,
    pub st_ino: u64,
    pub st_mode: u32,
    pub st_nlink: u32,
    pub st_uid: u32,
    pub st_gid: u32,
    pub st_rdev: u64,
    pub st_size: i64,
    pub st_atim: timespec,
    pub st_mtim: timespec,
    pub st_ctim: timespec,
    pub st_blksize: i64,
    pub st_blocks: i64,
}

pub const S_IFMT: u32 = 0o170000;
pub const S_IFBLK: u32 = 0o060000;
pub const S_IFCHR: u32 = 0o020000;
pub const S_IFDIR: u32 = 0o040000;
pub const S_IFIFO: u32 = 0o010000;
pub const S_IFLNK: u32 = 0o120000;
pub const S_IFREG: u32 = 0o100000;
pub const S_IFSOCK: u32 = 0o140000;

/// The owner every file appears to have: there are no users here.
pub const NOBODY: u32 = 65534;

/// The `st_mode` of a file of CloudABI type `t` with permission bits
/// `perm` (an emulator extension reports them beside the filestat).
pub fn mode_of(t: filetype, perm: u32) -> u32 {
    let kind = match t {
        filetype::DIRECTORY => S_IFDIR,
        filetype::REGULAR_FILE | filetype::SHARED_MEMORY => S_IFREG,
        filetype::SYMBOLIC_LINK => S_IFLNK,
        filetype::BLOCK_DEVICE => S_IFBLK,
        filetype::CHARACTER_DEVICE => S_IFCHR,
        filetype::SOCKET_STREAM | filetype::SOCKET_DGRAM => S_IFSOCK,
        _ => 0,
    };
    kind | perm
}

/// Converts CloudABI's filestat and the permission bits to `struct stat`.
pub fn from_filestat(fs: &filestat, perm: u32) -> stat {
    stat {
        st_dev: fs.st_dev.0,
        st_ino: fs.st_ino.0,
        st_mode: mode_of(fs.st_filetype, perm),
        st_nlink: fs.st_nlink,
        st_uid: NOBODY,
        st_gid: NOBODY,
        st_rdev: 0,
        st_size: fs.st_size as i64,
        st_atim: from_ns(fs.st_atim),
        st_mtim: from_ns(fs.st_mtim),
        st_ctim: from_ns(fs.st_ctim),
        st_blksize: 4096,
        st_blocks: (fs.st_size as i64 + 511) / 512,
    }
}

/// Stats an open descriptor.
pub fn stat_fd(f: sys::fd) -> Result<stat, Errno> {
    let (fs, perm) = sys::file_stat_fget_mode(f)?;
    Ok(from_filestat(&fs, perm))
}

/// Stats `(dirfd, path)` after compat resolution.
pub fn stat_at(dirfd: c_int, path: &[u8], flags: c_int) -> Result<stat, Errno> {
    let mut name = [0u8; PATH_MAX];
    if let Some(n) = path::grant_ancestor(dirfd, path, &mut name) {
        return Ok(ancestor_stat(&name[..n]));
    }
    let (fs, perm) = path::with(dirfd, path, follows(flags), |r| {
        sys::file_stat_get_mode(lookup { fd: r.fd, flags: follow(flags) }, r.path())
    })?;
    Ok(from_filestat(&fs, perm))
}

/// What a directory that only leads to grants looks like: read-only, empty
/// apart from the way to the grants (see `compat::ancestors`).
fn ancestor_stat(name: &[u8]) -> stat {
    stat {
        st_ino: ancestors::ino(&[name]),
        st_mode: S_IFDIR | 0o555,
        st_nlink: 2,
        st_uid: NOBODY,
        st_gid: NOBODY,
        st_blksize: 4096,
        ..stat::default()
    }
}

fn store(out: *mut stat, r: Result<stat, Errno>) -> c_int {
    // SAFETY: the caller passes a writable struct stat (C contract).
    r.map(|st| unsafe { out.write(st) }).map(|()| 0).or_errno(-1)
}

/// POSIX `fstat`: status of an open descriptor.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fstat(fd: c_int, out: *mut stat) -> c_int {
    store(out, sys::to_fd(fd).and_then(stat_fd))
}

/// POSIX `fstatat`: status of a file beneath a directory descriptor.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fstatat(dirfd: c_int, path: *const c_char, out: *mut stat, flags: c_int) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    store(out, stat_at(dirfd, p, flags))
}

/// Compat `stat`: status of a file named through the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn stat(path: *const c_char, out: *mut stat) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    store(out, stat_at(AT_FDCWD, p, 0))
}

/// Compat `lstat`: like `stat`, without following a final symbolic link.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn lstat(path: *const c_char, out: *mut stat) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    store(out, stat_at(AT_FDCWD, p, super::AT_SYMLINK_NOFOLLOW))
}

/// POSIX `S_TYPEISMQ`: message queues are never files here.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn S_TYPEISMQ(_st: *const stat) -> bool {
    false
}

/// POSIX `S_TYPEISSEM`: semaphores are never files here.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn S_TYPEISSEM(_st: *const stat) -> bool {
    false
}

/// POSIX `S_TYPEISSHM`: shared memory objects appear as regular files.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn S_TYPEISSHM(_st: *const stat) -> bool {
    false
}
