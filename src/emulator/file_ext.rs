//! Emulator extensions for file metadata CloudABI 0.1.0 has no calls for:
//! permission bits (read with a file's status, and changed) and file
//! system statistics. Like the socket extensions, they are entry points
//! beyond the 49 calls with the same shape and rights checks; paths are
//! resolved beneath the directory as every other lookup is (`lookup.rs`).
//!
//! - `cloudabi_sys_file_stat_fget_mode(fd, *filestat, *mode)` and
//!   `cloudabi_sys_file_stat_get_mode(lookup, path, len, *filestat, *mode)`:
//!   `file_stat_fget` and `file_stat_get` that also report the permission
//!   bits (`mode & 07777`), with the same rights (`FILE_STAT_FGET`,
//!   `FILE_STAT_GET`).
//! - `cloudabi_sys_file_mode_fput(fd, mode)` and
//!   `cloudabi_sys_file_mode_put(lookup, path, len, mode)`: change them.
//!   CloudABI has no right for permission bits; they are metadata beside
//!   the times, so the rights that change times guard them:
//!   `FILE_STAT_FPUT_TIMES` on the descriptor, `FILE_STAT_PUT_TIMES` on
//!   the directory. Bits outside 07777 are `EINVAL`. Set-user-ID and
//!   set-group-ID bits are `EPERM`: they would let whoever runs the file
//!   act as the program's user or group, an authority no descriptor
//!   conveys (the launcher's seccomp filter refuses them too).
//! - `cloudabi_sys_file_fsstat_fget(fd, *fsstat)` and
//!   `cloudabi_sys_file_fsstat_get(lookup, path, len, *fsstat)`: the
//!   statistics of the file system holding a file (`FILE_STAT_FGET`,
//!   `FILE_STAT_GET`), as `statvfs` reports them.
//!
//! - `cloudabi_ext_umask(mask, *old)`: sets the file mode creation mask
//!   (`mask & 0o777`) that narrows the permission bits of the files and
//!   directories the process creates, and reports the previous one. It is
//!   the process's Linux umask, so it is inherited across `proc_fork` and
//!   `proc_exec`, and it narrows `file_open`'s and `file_create`'s default
//!   modes for programs that never set it, as the launcher's umask did.
//!
//! Linux changes a mode through a path (`fchmodat`, `fchmodat2`), which no
//! kernel layer confines to the grants (Landlock does not cover metadata,
//! seccomp cannot read paths, and a path-only descriptor, which
//! `fchmodat2` also takes, can be opened anywhere), or through an open
//! descriptor (`fchmod`), whose opening Landlock does check. So the
//! launcher allows only `fchmod`, and the path form here opens the file
//! beneath the directory first, for reading or else for writing
//! (non-blocking, never as a controlling terminal): a socket cannot have
//! its mode changed (`ENOTSUP`), nor can a file its owner may neither read
//! nor write (`EACCES`), unless the emulator set that mode itself and kept
//! a descriptor of the file to undo it (`held.rs`; where it cannot keep
//! one, such a mode is `EPERM`). `fchmod` refuses path-only descriptors
//! (`EBADF`), which the fd form passes on. A symbolic link's own mode is
//! never changed (`ENOTSUP`), as on Linux.

use super::file::{follows, stat_into};
use super::linux::{self, nr, result, syscall, Statfs};
use super::lookup::{self as beneath, Fd, Path};
use super::{emulate, fdtable, held};
use cloudabi::{errno, fd, filestat, lookup, rights};

/// File system statistics, as `file_fsstat_*` report them.
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct fsstat {
    /// The preferred I/O block size.
    pub bsize: u64,
    /// The unit of `blocks`, `bfree` and `bavail`.
    pub frsize: u64,
    pub blocks: u64,
    pub bfree: u64,
    /// Free blocks an unprivileged user may use.
    pub bavail: u64,
    pub files: u64,
    pub ffree: u64,
    pub favail: u64,
    pub fsid: u64,
    /// Bits of [`fsstat_flags`].
    pub flags: u64,
    /// The longest file name.
    pub namemax: u64,
}

/// `fsstat::flags`, numbered as `<sys/statvfs.h>`'s `ST_*`.
pub mod fsstat_flags {
    pub const RDONLY: u64 = 1;
    pub const NOSUID: u64 = 2;
}

/// Checks `dir` for `need` and opens the caller's path beneath it, path
/// only.
///
/// # Safety
/// `path` must be readable for `len` bytes.
unsafe fn path_fd(dir: lookup, need: rights, path: *const u8, len: usize) -> Result<Fd, errno> {
    let d = fdtable::check(dir.fd, need)?;
    // SAFETY: forwarded contract.
    beneath::open_path(d, &unsafe { Path::copy_in(path, len) }?, follows(&dir))
}

/// Stats `linux_fd` into the caller's outputs.
///
/// # Safety
/// Both outputs must be writable.
unsafe fn stat_mode_into(linux_fd: i32, buf: *mut filestat, mode: *mut u32) -> Result<(), errno> {
    // SAFETY: forwarded contract.
    let m = unsafe { stat_into(linux_fd, buf) }?;
    // SAFETY: forwarded contract.
    unsafe { mode.write(m & linux::S_IPERM) };
    Ok(())
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_stat_fget_mode(f: fd, buf: *mut filestat, mode: *mut u32) -> errno {
    emulate(|| {
        let l = fdtable::check(f, rights::FILE_STAT_FGET)?;
        // SAFETY: the caller passes writable outputs.
        unsafe { stat_mode_into(l, buf, mode) }
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_stat_get_mode(
    dir: lookup,
    path: *const u8,
    len: usize,
    buf: *mut filestat,
    mode: *mut u32,
) -> errno {
    emulate(|| {
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let file = unsafe { path_fd(dir, rights::FILE_STAT_GET, path, len) }?;
        // SAFETY: the caller passes writable outputs.
        unsafe { stat_mode_into(file.raw(), buf, mode) }
    })
}

/// Refuses modes with bits beyond the permission bits (`EINVAL`) and the
/// set-ID bits (`EPERM`).
fn check_mode(mode: u32) -> Result<(), errno> {
    if mode & !linux::S_IPERM != 0 {
        return Err(errno::INVAL);
    }
    if mode & (linux::S_ISUID | linux::S_ISGID) != 0 {
        return Err(errno::PERM);
    }
    Ok(())
}

/// Gives open descriptor `linux_fd` the permission bits `mode`.
fn fchmod(linux_fd: i32, mode: u32) -> Result<(), errno> {
    held::change_mode(&linux::fstatx(linux_fd)?, Some(linux_fd), mode)
}

/// Whether the last component of `path` is a symbolic link.
fn is_symlink(dir: i32, path: &Path) -> bool {
    beneath::open_path(dir, path, false)
        .and_then(|f| linux::fstatx(f.raw()))
        .is_ok_and(|st| u32::from(st.stx_mode) & linux::S_IFMT == linux::S_IFLNK)
}

/// An open (not path-only) descriptor for the file at `path`, which
/// `fchmod` accepts: for reading, or failing that for writing.
fn open_for_mode(dir: i32, path: &Path, follow: bool) -> Result<Fd, errno> {
    let nofollow = if follow { 0 } else { linux::O_NOFOLLOW };
    let flags = linux::O_NONBLOCK | linux::O_NOCTTY | nofollow;
    match beneath::open(dir, path, linux::O_RDONLY | flags, 0) {
        Err(errno::ACCES) => beneath::open(dir, path, linux::O_WRONLY | flags, 0).map_err(|_| errno::ACCES),
        Err(errno::LOOP) if !follow && is_symlink(dir, path) => Err(errno::NOTSUP),
        // Sockets cannot be opened.
        Err(errno::NXIO) => Err(errno::NOTSUP),
        r => r,
    }
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_mode_fput(f: fd, mode: u32) -> errno {
    emulate(|| {
        check_mode(mode)?;
        fchmod(fdtable::check(f, rights::FILE_STAT_FPUT_TIMES)?, mode)
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_mode_put(dir: lookup, path: *const u8, len: usize, mode: u32) -> errno {
    emulate(|| {
        check_mode(mode)?;
        let d = fdtable::check(dir.fd, rights::FILE_STAT_PUT_TIMES)?;
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let p = unsafe { Path::copy_in(path, len) }?;
        match open_for_mode(d, &p, follows(&dir)) {
            Ok(f) => fchmod(f.raw(), mode),
            // Perhaps a mode set here locked the owner out.
            Err(errno::ACCES) => {
                let f = beneath::open_path(d, &p, follows(&dir))?;
                held::change_mode(&linux::fstatx(f.raw())?, None, mode)
            }
            Err(e) => Err(e),
        }
    })
}

/// CloudABI's view of a Linux `statfs`.
fn to_fsstat(s: &Statfs) -> fsstat {
    let mut flags = 0;
    if s.f_flags & linux::ST_RDONLY != 0 {
        flags |= fsstat_flags::RDONLY;
    }
    if s.f_flags & linux::ST_NOSUID != 0 {
        flags |= fsstat_flags::NOSUID;
    }
    let frsize = if s.f_frsize > 0 { s.f_frsize } else { s.f_bsize };
    fsstat {
        bsize: s.f_bsize as u64,
        frsize: frsize as u64,
        blocks: s.f_blocks,
        bfree: s.f_bfree,
        bavail: s.f_bavail,
        files: s.f_files,
        ffree: s.f_ffree,
        // Linux keeps no inodes back for privileged users.
        favail: s.f_ffree,
        fsid: u64::from(s.f_fsid[0]) | (u64::from(s.f_fsid[1]) << 32),
        flags,
        namemax: s.f_namelen as u64,
    }
}

/// The statistics of the file system holding `linux_fd`, into the
/// caller's fsstat.
///
/// # Safety
/// `out` must be writable.
unsafe fn fsstat_into(linux_fd: i32, out: *mut fsstat) -> Result<(), errno> {
    let mut s = Statfs::default();
    // SAFETY: `s` is a writable statfs.
    result(unsafe { syscall!(nr::FSTATFS, linux_fd, &mut s as *mut Statfs) })?;
    // SAFETY: forwarded contract.
    unsafe { out.write(to_fsstat(&s)) };
    Ok(())
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_fsstat_fget(f: fd, out: *mut fsstat) -> errno {
    emulate(|| {
        let l = fdtable::check(f, rights::FILE_STAT_FGET)?;
        // SAFETY: the caller passes a writable fsstat.
        unsafe { fsstat_into(l, out) }
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_fsstat_get(
    dir: lookup,
    path: *const u8,
    len: usize,
    out: *mut fsstat,
) -> errno {
    emulate(|| {
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let file = unsafe { path_fd(dir, rights::FILE_STAT_GET, path, len) }?;
        // SAFETY: the caller passes a writable fsstat.
        unsafe { fsstat_into(file.raw(), out) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::file::tests::{
        assert_confined, assert_dir_guarded, assert_file_guarded, assert_final_links_confined, lk, register, res,
        unregistered, Tree,
    };
    use crate::emulator::rights as max;
    use core::mem::MaybeUninit;
    use std::fs;
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};

    fn mode_put(dir: fd, path: &str, follow: bool, mode: u32) -> errno {
        // SAFETY: the path outlives the call.
        unsafe { cloudabi_sys_file_mode_put(lk(dir, follow), path.as_ptr(), path.len(), mode) }
    }

    fn mode_fput(f: fd, mode: u32) -> errno {
        // SAFETY: plain values.
        unsafe { cloudabi_sys_file_mode_fput(f, mode) }
    }

    fn stat_mode(dir: fd, path: &str, follow: bool) -> Result<(filestat, u32), errno> {
        let (mut st, mut m) = (MaybeUninit::uninit(), u32::MAX);
        let (p, len) = (path.as_ptr(), path.len());
        // SAFETY: the path and the outputs outlive the call.
        res(unsafe { cloudabi_sys_file_stat_get_mode(lk(dir, follow), p, len, st.as_mut_ptr(), &mut m) })?;
        // SAFETY: the call succeeded.
        Ok((unsafe { st.assume_init() }, m))
    }

    fn fstat_mode(f: fd) -> Result<(filestat, u32), errno> {
        let (mut st, mut m) = (MaybeUninit::uninit(), u32::MAX);
        // SAFETY: the outputs outlive the call.
        res(unsafe { cloudabi_sys_file_stat_fget_mode(f, st.as_mut_ptr(), &mut m) })?;
        // SAFETY: the call succeeded.
        Ok((unsafe { st.assume_init() }, m))
    }

    fn fsstat_get(dir: fd, path: &str) -> Result<fsstat, errno> {
        let mut out = fsstat::default();
        // SAFETY: the path and the output outlive the call.
        res(unsafe { cloudabi_sys_file_fsstat_get(lk(dir, true), path.as_ptr(), path.len(), &mut out) })?;
        Ok(out)
    }

    fn fsstat_fget(f: fd) -> Result<fsstat, errno> {
        let mut out = fsstat::default();
        // SAFETY: the output outlives the call.
        res(unsafe { cloudabi_sys_file_fsstat_fget(f, &mut out) })?;
        Ok(out)
    }

    /// The permission bits Linux reports for a path of the tree (not
    /// following a last symbolic link).
    fn linux_mode(t: &Tree, p: &str) -> u32 {
        fs::symlink_metadata(t.path(p)).unwrap().mode() & 0o7777
    }

    #[test]
    fn mode_put_changes_permission_bits() {
        let t = Tree::new();
        assert_eq!(mode_put(t.fd(), "f", true, 0o600), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "f"), 0o600);
        assert_eq!(mode_put(t.fd(), "sub", false, 0o1750), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "sub"), 0o1750);
        assert_eq!(mode_put(t.fd(), "sub/../f", true, 0o444), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "f"), 0o444);
        assert_eq!(mode_put(t.fd(), ".", true, 0o700), errno::SUCCESS);
        assert_eq!(fs::metadata(t.path("")).unwrap().mode() & 0o7777, 0o700);
        assert_eq!(mode_put(t.fd(), "missing", true, 0o600), errno::NOENT);
        assert_eq!(mode_put(t.fd(), "f/", true, 0o600), errno::NOTDIR);
    }

    #[test]
    fn mode_put_follows_only_when_asked() {
        let t = Tree::new();
        let before = linux_mode(&t, "sub/g");
        assert_eq!(mode_put(t.fd(), "rel", false, 0o600), errno::NOTSUP);
        assert_eq!(linux_mode(&t, "sub/g"), before);
        assert_eq!(linux_mode(&t, "rel"), 0o777);
        assert_eq!(mode_put(t.fd(), "rel", true, 0o640), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "sub/g"), 0o640);
        assert_eq!(mode_put(t.fd(), "loop1", false, 0o600), errno::NOTSUP);
    }

    #[test]
    fn mode_put_is_confined() {
        let t = Tree::new();
        // Each attempt asks for the mode its target already has, so that a
        // confinement bug would fail the test without harming the host.
        let same = |p: &str| fs::metadata(t.path(p)).map_or(0o600, |m| m.mode() & 0o1777);
        assert_final_links_confined(&t, |d, p| mode_put(d, p, true, same(p)));
        assert_confined(&t, |d, p| mode_put(d, p, false, same(p)));
    }

    #[test]
    fn mode_put_needs_the_times_right() {
        let t = Tree::new();
        assert_dir_guarded(&t, rights::FILE_STAT_PUT_TIMES, |d| mode_put(d, "f", true, 0o600));
        let d = t.with(rights::FILE_STAT_PUT_TIMES.bits(), 0);
        assert_eq!(mode_put(d.fd, "f", true, 0o600), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "f"), 0o600);
    }

    #[test]
    fn modes_beyond_the_permission_bits_are_refused() {
        let t = Tree::new();
        let before = linux_mode(&t, "f");
        assert_eq!(mode_put(t.fd(), "f", true, 0o10644), errno::INVAL);
        assert_eq!(mode_put(t.fd(), "f", true, 0o100644), errno::INVAL);
        assert_eq!(mode_put(t.fd(), "f", true, 0o4755), errno::PERM);
        assert_eq!(mode_put(t.fd(), "sub", true, 0o2755), errno::PERM);
        let f = t.file("f", max::REGULAR_FILE);
        assert_eq!(mode_fput(f.fd, u32::MAX), errno::INVAL);
        assert_eq!(mode_fput(f.fd, 0o6755), errno::PERM);
        assert_eq!(linux_mode(&t, "f"), before);
    }

    #[test]
    fn modes_that_lock_the_owner_out_are_undone_through_a_kept_descriptor() {
        let t = Tree::new();
        assert_eq!(mode_put(t.fd(), "f", true, 0o200), errno::SUCCESS);
        assert_eq!(mode_put(t.fd(), "f", true, 0), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "f"), 0);
        assert_eq!(mode_put(t.fd(), "f", true, 0o177), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "f"), 0o177);
        assert_eq!(mode_put(t.fd(), "f", true, 0o400), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "f"), 0o400);
        assert_eq!(mode_put(t.fd(), "sub", true, 0), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "sub"), 0);
        assert_eq!(stat_mode(t.fd(), "sub", true).map(|s| s.1), Ok(0));
        assert_eq!(mode_put(t.fd(), "sub", true, 0o700), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "sub"), 0o700);
        let f = t.file("sub/g", max::REGULAR_FILE);
        assert_eq!(mode_fput(f.fd, 0o070), errno::SUCCESS);
        assert_eq!(mode_put(t.fd(), "sub/g", true, 0o644), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "sub/g"), 0o644);
    }

    #[test]
    fn kept_descriptors_are_let_go_once_the_file_is_removed() {
        let t = Tree::new();
        for i in 0..40 {
            let name = format!("sub/locked{i}");
            fs::create_dir(t.path(&name)).unwrap();
            assert_eq!(mode_put(t.fd(), &name, true, 0), errno::SUCCESS, "{name}");
            fs::remove_dir(t.path(&name)).unwrap();
        }
    }

    #[test]
    fn mode_put_reaches_sockets_not() {
        let t = Tree::new();
        let _l = std::os::unix::net::UnixListener::bind(t.path("sock")).unwrap();
        assert_eq!(mode_put(t.fd(), "sock", true, 0o600), errno::NOTSUP);
    }

    #[test]
    fn mode_fput_changes_an_open_file() {
        let t = Tree::new();
        let f = t.file("f", max::REGULAR_FILE);
        assert_eq!(mode_fput(f.fd, 0o604), errno::SUCCESS);
        assert_eq!(linux_mode(&t, "f"), 0o604);
        let d = t.with(max::DIRECTORY, max::ALL_FILE);
        assert_eq!(mode_fput(d.fd, 0o751), errno::SUCCESS);
        assert_eq!(fs::metadata(t.path("")).unwrap().mode() & 0o7777, 0o751);
    }

    #[test]
    fn mode_fput_needs_the_times_right_and_an_open_file() {
        let t = Tree::new();
        assert_file_guarded(&t, rights::FILE_STAT_FPUT_TIMES, |f| mode_fput(f, 0o600));
        let path_only =
            fs::OpenOptions::new().read(true).custom_flags(linux::O_PATH as i32).open(t.path("f")).unwrap();
        let p = register(path_only, max::REGULAR_FILE, 0);
        assert_eq!(mode_fput(p.fd, 0o600), errno::BADF);
    }

    #[test]
    fn stat_mode_reports_permission_bits() {
        let t = Tree::new();
        fs::set_permissions(t.path("sub/g"), fs::Permissions::from_mode(0o1640)).unwrap();
        let (st, m) = stat_mode(t.fd(), "sub/g", true).unwrap();
        assert_eq!(m, 0o1640);
        assert_eq!(st.st_size, 6);
        assert_eq!(stat_mode(t.fd(), "rel", true).unwrap().1, 0o1640);
        assert_eq!(stat_mode(t.fd(), "rel", false).unwrap().1, 0o777);
        assert_eq!(stat_mode(t.fd(), "missing", true).err(), Some(errno::NOENT));
        let f = t.file("sub/g", max::REGULAR_FILE);
        let (st, m) = fstat_mode(f.fd).unwrap();
        assert_eq!((st.st_size, m), (6, 0o1640));
    }

    #[test]
    fn stat_mode_is_confined_and_guarded() {
        let t = Tree::new();
        assert_final_links_confined(&t, |d, p| stat_mode(d, p, true).err().unwrap_or(errno::SUCCESS));
        assert_dir_guarded(&t, rights::FILE_STAT_GET, |d| stat_mode(d, "f", true).err().unwrap_or(errno::SUCCESS));
        assert_file_guarded(&t, rights::FILE_STAT_FGET, |f| fstat_mode(f).err().unwrap_or(errno::SUCCESS));
    }

    #[test]
    fn fsstat_describes_the_file_system() {
        let t = Tree::new();
        let by_path = fsstat_get(t.fd(), "sub/g").unwrap();
        assert!(by_path.bsize > 0 && by_path.frsize > 0 && by_path.blocks > 0);
        assert!(by_path.bavail <= by_path.bfree && by_path.bfree <= by_path.blocks);
        assert!(by_path.ffree <= by_path.files && by_path.favail == by_path.ffree);
        assert_eq!(by_path.namemax, 255);
        let f = t.file("f", max::REGULAR_FILE);
        let by_fd = fsstat_fget(f.fd).unwrap();
        let fixed = |s: &fsstat| (s.bsize, s.frsize, s.blocks, s.files, s.fsid, s.flags, s.namemax);
        assert_eq!(fixed(&by_fd), fixed(&by_path));
        assert_eq!(fsstat_get(t.fd(), "missing"), Err(errno::NOENT));
    }

    #[test]
    fn fsstat_is_confined_and_guarded() {
        let t = Tree::new();
        assert_final_links_confined(&t, |d, p| fsstat_get(d, p).err().unwrap_or(errno::SUCCESS));
        assert_dir_guarded(&t, rights::FILE_STAT_GET, |d| fsstat_get(d, "f").err().unwrap_or(errno::SUCCESS));
        assert_file_guarded(&t, rights::FILE_STAT_FGET, |f| fsstat_fget(f).err().unwrap_or(errno::SUCCESS));
        let (_keep, bad) = unregistered();
        assert_eq!(fsstat_fget(bad), Err(errno::BADF));
    }

    #[test]
    fn fsstat_flags_and_units_from_linux() {
        let s = Statfs {
            f_bsize: 4096,
            f_frsize: 0,
            f_fsid: [1, 2],
            f_namelen: 143,
            f_flags: linux::ST_RDONLY | linux::ST_NOSUID | 0x20,
            ..Statfs::default()
        };
        let v = to_fsstat(&s);
        assert_eq!(v.flags, fsstat_flags::RDONLY | fsstat_flags::NOSUID);
        assert_eq!((v.bsize, v.frsize, v.namemax), (4096, 4096, 143));
        assert_eq!(v.fsid, 0x2_0000_0001);
        assert_eq!(to_fsstat(&Statfs { f_flags: 0x20, f_frsize: 512, ..s }).flags, 0);
    }
}

/// Sets the file mode creation mask (an emulator extension, see the module
/// documentation).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_umask(mask: u32, old: *mut u32) -> errno {
    emulate(|| {
        if mask & !0o777 != 0 {
            return Err(errno::INVAL);
        }
        // SAFETY: no memory effects; umask cannot fail.
        let prev = unsafe { syscall!(nr::UMASK, mask) };
        // SAFETY: the caller passes a writable u32.
        unsafe { old.write(prev as u32) };
        Ok(())
    })
}
