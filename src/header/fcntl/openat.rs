//! `openat`: opens a file beneath a directory descriptor.
//!
//! As in cloudlibc, the call asks for the *minimum* rights its flags imply
//! (reading: `FD_READ`, or `FILE_READDIR` with `O_DIRECTORY`; writing:
//! `FD_WRITE`, plus `FD_SEEK` unless appending; `O_EXEC`: `PROC_EXEC`;
//! truncating: `FILE_STAT_FPUT_SIZE`) and fails with `ENOTCAPABLE` when the
//! directory's inheriting rights do not include them. Otherwise the new
//! descriptor gets every inheriting right of the directory that fits the
//! access mode: a read-only open never carries write rights, and vice versa.

use super::*;
use crate::abi::{c_char, mode_t};
use crate::abi::va::VaListPtr;
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, fd, fdflags, fdstat, filetype, lookup, lookupflags, oflags, rights};
use cloudabi::errno;

/// Rights only a descriptor opened for reading may hold.
const READ_ONLY_RIGHTS: u64 = rights::FD_READ.bits() | rights::FILE_READDIR.bits();
/// Rights only a descriptor opened for writing may hold.
const WRITE_ONLY_RIGHTS: u64 =
    rights::FD_WRITE.bits() | rights::FILE_ALLOCATE.bits() | rights::FILE_STAT_FPUT_SIZE.bits();

/// The fdstat to open with, after checking the directory can grant it.
fn open_rights(dir_inheriting: u64, flags: c_int) -> Result<fdstat, Errno> {
    let access = flags & O_ACCMODE;
    // Access mode 0 is O_RDONLY on most systems; unmodified code passes it.
    let read = access == 0 || access & O_RDONLY != 0;
    let write = access & O_WRONLY != 0;
    let mut need = 0u64;
    if read {
        need |= if flags & O_DIRECTORY != 0 { rights::FILE_READDIR.bits() } else { rights::FD_READ.bits() };
    }
    if write {
        need |= rights::FD_WRITE.bits();
        if flags & O_APPEND == 0 {
            need |= rights::FD_SEEK.bits();
        }
    }
    if access & O_EXEC != 0 {
        need |= rights::PROC_EXEC.bits();
    }
    if flags & O_TRUNC != 0 {
        need |= rights::FILE_STAT_FPUT_SIZE.bits();
    }
    if flags & (O_SYNC | O_RSYNC) != 0 {
        need |= rights::FD_SYNC.bits();
    }
    if flags & O_DSYNC != 0 {
        need |= rights::FD_DATASYNC.bits();
    }
    if need & !dir_inheriting != 0 {
        return Err(errno::NOTCAPABLE);
    }
    let mut base = dir_inheriting;
    if !read {
        base &= !READ_ONLY_RIGHTS;
    }
    if !write {
        base &= !WRITE_ONLY_RIGHTS;
    }
    let fl = flags & (O_APPEND | O_DSYNC | O_NONBLOCK | O_RSYNC | O_SYNC);
    Ok(fdstat {
        fs_filetype: filetype::UNKNOWN,
        fs_flags: fdflags::from_bits_truncate(fl as u16),
        fs_rights_base: rights::from_bits_truncate(base | need),
        fs_rights_inheriting: rights::from_bits_truncate(dir_inheriting),
    })
}

/// Opens `path` beneath `dir` with open(2)-style `flags` (cloudlibc values).
pub fn open_beneath(dir: fd, path: &[u8], flags: c_int) -> Result<fd, Errno> {
    open_beneath_mode(dir, path, flags, None)
}

/// `open_beneath`; a file it creates gets permission bits `mode` narrowed
/// by the umask (CloudABI's 0o666 narrowed by it without a mode).
pub fn open_beneath_mode(dir: fd, path: &[u8], flags: c_int, mode: Option<mode_t>) -> Result<fd, Errno> {
    let dir_stat = sys::fd_stat_get(dir)?;
    let st = open_rights(dir_stat.fs_rights_inheriting.bits(), flags)?;
    let o = oflags::from_bits_truncate(((flags >> 12) & 0xf) as u16);
    let follow = if flags & O_NOFOLLOW == 0 { lookupflags::SYMLINK_FOLLOW } else { lookupflags::empty() };
    let at = lookup { fd: dir, flags: follow };
    match mode {
        Some(m) if flags & O_CREAT != 0 => {
            // The process's umask (the kernel's, see `umask`) narrows it.
            sys::file_open_mode(at, path, o, &st, m)
        }
        _ => sys::file_open(at, path, o, &st),
    }
}

crate::variadic!("openat" => openat_impl, gp = 3, fp = 0, reg = "rcx");

/// POSIX `openat`: opens a file relative to a directory descriptor (or,
/// compat, `AT_FDCWD` and absolute paths through the grants); with
/// O_CREAT, a new file gets the mode argument's permission bits narrowed
/// by the umask.
pub unsafe extern "C" fn openat_impl(dirfd: c_int, path: *const c_char, flags: c_int, ap: VaListPtr) -> c_int {
    // SAFETY: `path` is a C string (C contract).
    let p = unsafe { cptr::cstr(path) };
    // SAFETY: with O_CREAT the caller passes a mode (C contract).
    let mode = (flags & O_CREAT != 0).then(|| unsafe { (*ap).int() } as mode_t);
    open_at_mode(dirfd, p, flags, mode).map(|f| f.0 as c_int).or_errno(-1)
}

/// `openat` after compat path resolution (absolute paths and `AT_FDCWD`
/// go through the named grants).
pub fn open_at(dirfd: c_int, path: &[u8], flags: c_int) -> Result<fd, Errno> {
    open_at_mode(dirfd, path, flags, None)
}

/// `open_at` that creates files with permission bits `mode` (see
/// `open_beneath_mode`).
pub fn open_at_mode(dirfd: c_int, path: &[u8], flags: c_int, mode: Option<mode_t>) -> Result<fd, Errno> {
    let follow = flags & O_NOFOLLOW == 0 && flags & (O_CREAT | O_EXCL) != O_CREAT | O_EXCL;
    crate::compat::path::with(dirfd, path, follow, |r| {
        if r.path() == b"." && crate::compat::grants::name_of(r.fd).is_some() {
            if let Some(f) = reopen_device_grant(r.fd, flags)? {
                return Ok(f);
            }
        }
        open_beneath_mode(r.fd, r.path(), flags, mode)
    })
}

/// A device granted under its own name (`/dev/null`), opened by that name:
/// a copy of the grant with the rights `flags` ask for. There is nothing
/// beneath a device to open, and a device has no offset to share.
fn reopen_device_grant(grant: fd, flags: c_int) -> Result<Option<fd>, Errno> {
    let st = sys::fd_stat_get(grant)?;
    if st.fs_filetype != filetype::CHARACTER_DEVICE {
        return Ok(None);
    }
    if flags & O_DIRECTORY != 0 {
        return Err(errno::NOTDIR);
    }
    if flags & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL {
        return Err(errno::EXIST);
    }
    let mut want = open_rights(st.fs_rights_base.bits(), flags & !O_TRUNC)?;
    want.fs_rights_inheriting = rights::empty();
    let f = sys::fd_dup(grant)?;
    if let Err(e) = sys::fd_stat_put(f, &want, sys::fdsflags::RIGHTS) {
        let _ = sys::fd_close(f);
        return Err(e);
    }
    Ok(Some(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIR_INH: u64 = crate::emulator::rights::ALL_FILE;

    #[test]
    fn read_only_open_gets_no_write_rights() {
        let st = open_rights(DIR_INH, O_RDONLY).unwrap();
        assert_ne!(st.fs_rights_base.bits() & rights::FD_READ.bits(), 0);
        assert_eq!(st.fs_rights_base.bits() & WRITE_ONLY_RIGHTS, 0);
    }

    #[test]
    fn write_open_needs_seek_unless_appending() {
        let inh = DIR_INH & !rights::FD_SEEK.bits();
        assert_eq!(open_rights(inh, O_WRONLY).err(), Some(errno::NOTCAPABLE));
        let st = open_rights(inh, O_WRONLY | O_APPEND).unwrap();
        assert_eq!(st.fs_rights_base.bits() & READ_ONLY_RIGHTS, 0);
        assert_eq!(st.fs_flags.bits(), O_APPEND as u16);
    }

    #[test]
    fn missing_rights_are_not_capable() {
        let ro = rights::FD_READ.bits() | rights::FILE_OPEN.bits();
        assert_eq!(open_rights(ro, O_RDWR).err(), Some(errno::NOTCAPABLE));
        assert_eq!(open_rights(ro, O_RDONLY | O_TRUNC).err(), Some(errno::NOTCAPABLE));
        assert_eq!(open_rights(ro, O_RDONLY | O_DIRECTORY).err(), Some(errno::NOTCAPABLE));
        assert!(open_rights(ro, O_RDONLY).is_ok());
    }
}
