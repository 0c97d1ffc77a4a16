//! `file_*`: files by descriptor, and files by path beneath a directory
//! descriptor (resolution confined by `lookup`).

use super::fd::{fdflags_to_linux, install_new};
use super::fdtable;
use super::linux::{self, nr, result, syscall, Dirent64, Statx, StatxTimestamp, Timespec};
use super::lookup::{self as beneath, Parent, Path};
use super::{clock, emulate};
use crate::abi::dirent as entry;
use crate::cptr;
use cloudabi::{
    advice, device, dircookie, errno, fd, fdflags, fdstat, filesize, filestat, filetype, fsflags, inode,
    lookup, lookupflags, oflags, rights, timestamp, ulflags,
};
use core::mem::offset_of;
use core::ptr::addr_of;

/// Mode of new files and directories; the umask narrows it, as on POSIX.
const FILE_MODE: u64 = 0o666;
const DIRECTORY_MODE: usize = 0o777;

/// Bytes of directory entries fetched from Linux at a time.
const DIRENT_CHUNK: usize = 4096;

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_advise(f: fd, offset: filesize, len: filesize, a: advice) -> errno {
    emulate(|| {
        let l = fdtable::check(f, rights::FILE_ADVISE)?;
        let la = match a {
            advice::NORMAL => linux::POSIX_FADV_NORMAL,
            advice::RANDOM => linux::POSIX_FADV_RANDOM,
            advice::SEQUENTIAL => linux::POSIX_FADV_SEQUENTIAL,
            advice::WILLNEED => linux::POSIX_FADV_WILLNEED,
            advice::DONTNEED => linux::POSIX_FADV_DONTNEED,
            advice::NOREUSE => linux::POSIX_FADV_NOREUSE,
            _ => return Err(errno::INVAL),
        };
        // SAFETY: advice has no memory effects.
        result(unsafe { syscall!(nr::FADVISE64, l, offset, len, la) }).map(drop)
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_allocate(f: fd, offset: filesize, len: filesize) -> errno {
    emulate(|| {
        let l = fdtable::check(f, rights::FILE_ALLOCATE)?;
        // SAFETY: no memory effects; mode 0 only allocates.
        result(unsafe { syscall!(nr::FALLOCATE, l, 0, offset, len) }).map(drop)
    })
}

/// Checks that `dir` holds `need` and resolves the parent of the caller's
/// path beneath it.
///
/// # Safety
/// `path` must be readable for `len` bytes.
unsafe fn parent_of(dir: fd, need: rights, path: *const u8, len: usize) -> Result<Parent, errno> {
    let d = fdtable::check(dir, need)?;
    // SAFETY: forwarded contract.
    beneath::parent(d, unsafe { Path::copy_in(path, len) }?)
}

pub(super) fn follows(l: &lookup) -> bool {
    l.flags.contains(lookupflags::SYMLINK_FOLLOW)
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_create(dir: fd, path: *const u8, len: usize, t: filetype) -> errno {
    emulate(|| {
        if t != filetype::DIRECTORY {
            return Err(errno::INVAL);
        }
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let p = unsafe { parent_of(dir, rights::FILE_CREATE_DIRECTORY, path, len) }?;
        // SAFETY: the name is NUL-terminated.
        result(unsafe { syscall!(nr::MKDIRAT, p.fd(), p.name(), DIRECTORY_MODE) }).map(drop)
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_link(
    from: lookup,
    path1: *const u8,
    len1: usize,
    to: fd,
    path2: *const u8,
    len2: usize,
) -> errno {
    emulate(|| {
        let d1 = fdtable::check(from.fd, rights::FILE_LINK_SOURCE)?;
        // SAFETY: the caller passes `len1` readable bytes at `path1`.
        let src = beneath::link_source(d1, unsafe { Path::copy_in(path1, len1) }?, follows(&from))?;
        // SAFETY: the caller passes `len2` readable bytes at `path2`.
        let dst = unsafe { parent_of(to, rights::FILE_LINK_TARGET, path2, len2) }?;
        // SAFETY: both names are NUL-terminated; without AT_SYMLINK_FOLLOW
        // Linux links the source name itself.
        result(unsafe { syscall!(nr::LINKAT, src.fd(), src.name(), dst.fd(), dst.name(), 0) }).map(drop)
    })
}

/// Every right an open with these flags takes out of the directory's
/// inheriting rights: the ones asked for, and those the open itself uses.
fn rights_needed_to_open(o: oflags, fl: fdflags, base: u64, inheriting: u64) -> u64 {
    let mut need = base | inheriting;
    if o.contains(oflags::TRUNC) {
        need |= rights::FILE_STAT_FPUT_SIZE.bits();
    }
    if fl.contains(fdflags::DSYNC) {
        need |= rights::FD_DATASYNC.bits();
    }
    if fl.intersects(fdflags::SYNC | fdflags::RSYNC) {
        need |= rights::FD_SYNC.bits();
    }
    // Writing anywhere but at the end moves the offset.
    if base & rights::FD_WRITE.bits() != 0 && !fl.contains(fdflags::APPEND) {
        need |= rights::FD_SEEK.bits();
    }
    need
}

/// Whether rights asked for on open read data, and whether they write it.
fn access(base: u64) -> (bool, bool) {
    (base & (rights::FD_READ | rights::FILE_READDIR).bits() != 0, base & rights::FD_WRITE.bits() != 0)
}

/// Linux open flags for a CloudABI open; the access mode follows the
/// requested base rights.
fn linux_open_flags(o: oflags, fl: fdflags, base: u64, follow: bool) -> u64 {
    let mut flags = match access(base) {
        (true, true) => linux::O_RDWR,
        (false, true) => linux::O_WRONLY,
        _ => linux::O_RDONLY,
    };
    flags |= fdflags_to_linux(fl) | linux::O_NOCTTY;
    let map = [
        (oflags::CREAT, linux::O_CREAT),
        (oflags::DIRECTORY, linux::O_DIRECTORY),
        (oflags::EXCL, linux::O_EXCL),
        (oflags::TRUNC, linux::O_TRUNC),
    ];
    for (o_flag, l_flag) in map {
        if o.contains(o_flag) {
            flags |= l_flag;
        }
    }
    if !follow {
        flags |= linux::O_NOFOLLOW;
    }
    flags
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_open(
    dirfd: lookup,
    path: *const u8,
    len: usize,
    o: oflags,
    fds: *const fdstat,
    out: *mut fd,
) -> errno {
    // SAFETY: forwarded contract.
    unsafe { open_with_mode(dirfd, path, len, o, fds, FILE_MODE, out) }
}

/// `file_open` whose new file gets the permission bits `mode & 0o777`
/// (narrowed by the umask) rather than 0o666: an emulator extension for
/// the compat `open`'s mode argument. Set-id and sticky bits are ignored.
#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_open_mode(
    dirfd: lookup,
    path: *const u8,
    len: usize,
    o: oflags,
    fds: *const fdstat,
    mode: u32,
    out: *mut fd,
) -> errno {
    // SAFETY: forwarded contract.
    unsafe { open_with_mode(dirfd, path, len, o, fds, u64::from(mode & 0o777), out) }
}

/// `file_open`, creating files with permission bits `create_mode`.
///
/// # Safety
/// As for `file_open`.
unsafe fn open_with_mode(
    dirfd: lookup,
    path: *const u8,
    len: usize,
    o: oflags,
    fds: *const fdstat,
    create_mode: u64,
    out: *mut fd,
) -> errno {
    emulate(|| {
        // SAFETY: the caller passes a readable fdstat. Its file type is
        // ignored and not read, as it need not hold a valid type.
        let (fl, base, inheriting) = unsafe {
            (
                addr_of!((*fds).fs_flags).read(),
                addr_of!((*fds).fs_rights_base).read().bits(),
                addr_of!((*fds).fs_rights_inheriting).read().bits(),
            )
        };
        let creat = o.contains(oflags::CREAT);
        let need = if creat { rights::FILE_OPEN | rights::FILE_CREATE_FILE } else { rights::FILE_OPEN };
        let (d, dir) = fdtable::check_entry(dirfd.fd, need)?;
        if rights_needed_to_open(o, fl, base, inheriting) & !dir.inheriting != 0 {
            return Err(errno::NOTCAPABLE);
        }
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let p = unsafe { Path::copy_in(path, len) }?;
        let flags = linux_open_flags(o, fl, base, follows(&dirfd));
        let mode = if creat { create_mode } else { 0 };
        let file = match if creat && create_mode & 0o600 == 0 {
            create_locked_out(d, &p, flags, create_mode)
        } else {
            beneath::open(d, &p, flags, mode)
        } {
            // Neither reading nor writing was asked for, so a file that may
            // not be read can still be opened, as a bare reference.
            Err(errno::ACCES) if access(base) == (false, false) && !o.intersects(oflags::CREAT | oflags::TRUNC) => {
                let keep = flags & (linux::O_DIRECTORY | linux::O_NOFOLLOW);
                beneath::open(d, &p, linux::O_PATH | keep, 0).map_err(|_| errno::ACCES)?
            }
            r => r?,
        };
        let new = install_new(file.into_raw(), base, inheriting)?;
        // SAFETY: the caller passes a writable fd.
        unsafe { out.write(new) };
        Ok(())
    })
}

/// Opens `p` for `file_open_mode` where the mode would keep the owner from
/// opening the file again. A file this creates is created readable and
/// writable by its owner and then given its mode through `held`, which
/// keeps a descriptor so that a later change of mode can undo it (as the
/// kernel, checking no permission for the creator, would have allowed).
/// A file that exists is opened as it is.
fn create_locked_out(d: i32, p: &Path, flags: u64, mode: u64) -> Result<beneath::Fd, errno> {
    loop {
        match beneath::open(d, p, flags | linux::O_EXCL, mode | 0o600) {
            Ok(f) => {
                let st = linux::fstatx(f.raw())?;
                // The umask narrowed the bits at creation; drop the owner's.
                let wanted = u32::from(st.stx_mode) & 0o777 & !0o600;
                if super::held::change_mode(&st, Some(f.raw()), wanted).is_err() {
                    // No descriptor can be kept: the mode is set all the same.
                    super::held::fchmod(f.raw(), wanted)?;
                }
                return Ok(f);
            }
            Err(errno::EXIST) if flags & linux::O_EXCL == 0 => match beneath::open(d, p, flags & !linux::O_CREAT, 0) {
                // Removed in between: create it after all.
                Err(errno::NOENT) => continue,
                r => return r,
            },
            Err(e) => return Err(e),
        }
    }
}

/// CloudABI's type for a `getdents64` `d_type`. Pipes are stream sockets,
/// as everywhere in the emulator; a socket's kind would take opening it,
/// so sockets are reported as stream sockets too.
fn dirent_type(t: u8) -> filetype {
    match t {
        linux::DT_BLK => filetype::BLOCK_DEVICE,
        linux::DT_CHR => filetype::CHARACTER_DEVICE,
        linux::DT_DIR => filetype::DIRECTORY,
        linux::DT_FIFO | linux::DT_SOCK => filetype::SOCKET_STREAM,
        linux::DT_LNK => filetype::SYMBOLIC_LINK,
        linux::DT_REG => filetype::REGULAR_FILE,
        _ => filetype::UNKNOWN,
    }
}

/// Reads 8 native-endian bytes at `at`.
fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_ne_bytes(w)
}

/// Fills `out` with CloudABI directory entries read from the directory's
/// current offset, the last one cut short if it does not fit; returns the
/// bytes used (all of `out` when more entries may follow).
fn fill_dirents(dir: i32, out: &mut [u8]) -> Result<usize, errno> {
    let mut chunk = [0u8; DIRENT_CHUNK];
    let name_at = offset_of!(Dirent64, d_type) + 1;
    let mut used = 0;
    while used < out.len() {
        // SAFETY: `chunk` is writable for its length.
        let n = result(unsafe { syscall!(nr::GETDENTS64, dir, chunk.as_mut_ptr(), chunk.len()) })?;
        if n == 0 {
            break;
        }
        let mut at = 0;
        while at < n && used < out.len() {
            let rec = &chunk[at..n];
            let reclen = usize::from(u16::from_ne_bytes([
                rec[offset_of!(Dirent64, d_reclen)],
                rec[offset_of!(Dirent64, d_reclen) + 1],
            ]));
            let name = &rec[name_at..reclen];
            let name = &name[..name.iter().position(|&c| c == 0).unwrap_or(name.len())];
            let head = entry::header(
                u64_at(rec, offset_of!(Dirent64, d_off)),
                u64_at(rec, offset_of!(Dirent64, d_ino)),
                name.len() as u32,
                dirent_type(rec[offset_of!(Dirent64, d_type)]),
            );
            used += entry::put(&mut out[used..], &head);
            used += entry::put(&mut out[used..], name);
            at += reclen;
        }
    }
    Ok(used)
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_readdir(
    f: fd,
    buf: *mut (),
    len: usize,
    cookie: dircookie,
    bufused: *mut usize,
) -> errno {
    emulate(|| {
        let l = fdtable::check(f, rights::FILE_READDIR)?;
        // SAFETY: the caller passes `len` writable bytes at `buf`.
        let out = unsafe { cptr::slice_mut(buf.cast(), len) };
        // The cookie is the Linux offset of the next entry (0 the start).
        // SAFETY: no memory effects.
        result(unsafe { syscall!(nr::LSEEK, l, cookie.0, linux::SEEK_SET) })?;
        let n = fill_dirents(l, out)?;
        // SAFETY: the caller passes a writable count.
        unsafe { bufused.write(n) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_readlink(
    dir: fd,
    path: *const u8,
    len: usize,
    buf: *mut u8,
    buflen: usize,
    bufused: *mut usize,
) -> errno {
    emulate(|| {
        let d = fdtable::check(dir, rights::FILE_READLINK)?;
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let link = beneath::open_path(d, &unsafe { Path::copy_in(path, len) }?, false)?;
        // Linux refuses an empty buffer; CloudABI fills it with nothing.
        let mut scratch = 0u8;
        let (to, cap) = if buflen == 0 { (&mut scratch as *mut u8, 1) } else { (buf, buflen) };
        // SAFETY: `to` is writable for `cap` bytes; the empty path names
        // the descriptor itself.
        let r = result(unsafe { syscall!(nr::READLINKAT, link.raw(), c"".as_ptr(), to, cap) });
        let n = match r {
            Ok(n) => n.min(buflen),
            // What an empty path names is no symbolic link.
            Err(errno::NOENT) => return Err(errno::INVAL),
            Err(e) => return Err(e),
        };
        // SAFETY: the caller passes a writable count.
        unsafe { bufused.write(n) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_rename(
    fd1: fd,
    path1: *const u8,
    len1: usize,
    fd2: fd,
    path2: *const u8,
    len2: usize,
) -> errno {
    emulate(|| {
        // SAFETY: the caller passes `len1` readable bytes at `path1`.
        let from = unsafe { parent_of(fd1, rights::FILE_RENAME_SOURCE, path1, len1) }?;
        // SAFETY: the caller passes `len2` readable bytes at `path2`.
        let to = unsafe { parent_of(fd2, rights::FILE_RENAME_TARGET, path2, len2) }?;
        // SAFETY: both names are NUL-terminated.
        result(unsafe { syscall!(nr::RENAMEAT2, from.fd(), from.name(), to.fd(), to.name(), 0) }).map(drop)
    })
}

/// Linux's encoding of a device number, as `makedev` makes it.
fn makedev(major: u32, minor: u32) -> u64 {
    let (major, minor) = (u64::from(major), u64::from(minor));
    ((major & 0xffff_f000) << 32) | ((major & 0xfff) << 8) | ((minor & 0xffff_ff00) << 12) | (minor & 0xff)
}

fn to_timestamp(t: &StatxTimestamp) -> timestamp {
    clock::to_timestamp(&Timespec { tv_sec: t.tv_sec, tv_nsec: i64::from(t.tv_nsec) })
}

/// A CloudABI filestat from a Linux statx of the descriptor `linux_fd`.
fn to_filestat(st: &Statx, linux_fd: i32) -> filestat {
    filestat {
        st_dev: device(makedev(st.stx_dev_major, st.stx_dev_minor)),
        st_ino: inode(st.stx_ino),
        st_filetype: fdtable::type_from_mode(u32::from(st.stx_mode), linux_fd),
        st_nlink: st.stx_nlink,
        st_size: st.stx_size,
        st_atim: to_timestamp(&st.stx_atime),
        st_mtim: to_timestamp(&st.stx_mtime),
        st_ctim: to_timestamp(&st.stx_ctime),
    }
}

/// Stats `linux_fd` into the caller's filestat; returns the Linux mode,
/// whose permission bits a filestat has no room for.
///
/// # Safety
/// `out` must be writable.
pub(super) unsafe fn stat_into(linux_fd: i32, out: *mut filestat) -> Result<u32, errno> {
    let st = linux::fstatx(linux_fd)?;
    // SAFETY: forwarded contract.
    unsafe { out.write(to_filestat(&st, linux_fd)) };
    Ok(u32::from(st.stx_mode))
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_stat_fget(f: fd, buf: *mut filestat) -> errno {
    emulate(|| {
        let l = fdtable::check(f, rights::FILE_STAT_FGET)?;
        // SAFETY: the caller passes a writable filestat.
        unsafe { stat_into(l, buf) }.map(drop)
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_stat_get(
    dir: lookup,
    path: *const u8,
    len: usize,
    buf: *mut filestat,
) -> errno {
    emulate(|| {
        let d = fdtable::check(dir.fd, rights::FILE_STAT_GET)?;
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let file = beneath::open_path(d, &unsafe { Path::copy_in(path, len) }?, follows(&dir))?;
        // SAFETY: the caller passes a writable filestat.
        unsafe { stat_into(file.raw(), buf) }.map(drop)
    })
}

const TIMES: fsflags = fsflags::from_bits_truncate(
    fsflags::ATIM.bits() | fsflags::ATIM_NOW.bits() | fsflags::MTIM.bits() | fsflags::MTIM_NOW.bits(),
);

/// One `utimensat` time: now, the given one, or left alone.
fn utime(flags: fsflags, set: fsflags, now: fsflags, t: timestamp) -> Timespec {
    if flags.contains(now) {
        Timespec { tv_sec: 0, tv_nsec: linux::UTIME_NOW }
    } else if flags.contains(set) {
        clock::from_timestamp(t)
    } else {
        Timespec { tv_sec: 0, tv_nsec: linux::UTIME_OMIT }
    }
}

/// Sets the times `flags` select on `linux_fd` (an `O_PATH` one too) from
/// the caller's filestat.
///
/// # Safety
/// `st` must be readable.
unsafe fn set_times(linux_fd: i32, st: *const filestat, flags: fsflags) -> Result<(), errno> {
    // SAFETY: forwarded contract; only the two times are read, since the
    // file type field need not hold a valid type.
    let (atim, mtim) = unsafe { (addr_of!((*st).st_atim).read(), addr_of!((*st).st_mtim).read()) };
    let times =
        [utime(flags, fsflags::ATIM, fsflags::ATIM_NOW, atim), utime(flags, fsflags::MTIM, fsflags::MTIM_NOW, mtim)];
    // SAFETY: the empty path names the descriptor itself; `times` holds
    // the two timespecs utimensat reads.
    result(unsafe { syscall!(nr::UTIMENSAT, linux_fd, c"".as_ptr(), times.as_ptr(), linux::AT_EMPTY_PATH) }).map(drop)
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_stat_fput(f: fd, buf: *const filestat, flags: fsflags) -> errno {
    emulate(|| {
        // Either the size changes or the times do, never both at once.
        if flags == fsflags::SIZE {
            let l = fdtable::check(f, rights::FILE_STAT_FPUT_SIZE)?;
            // SAFETY: the caller passes a readable filestat; only the size
            // is read.
            let size = unsafe { addr_of!((*buf).st_size).read() };
            let size = i64::try_from(size).map_err(|_| errno::INVAL)?;
            // SAFETY: no memory effects.
            return result(unsafe { syscall!(nr::FTRUNCATE, l, size) }).map(drop);
        }
        if flags.is_empty() || !TIMES.contains(flags) {
            return Err(errno::INVAL);
        }
        let l = fdtable::check(f, rights::FILE_STAT_FPUT_TIMES)?;
        // SAFETY: the caller passes a readable filestat.
        unsafe { set_times(l, buf, flags) }
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_stat_put(
    dir: lookup,
    path: *const u8,
    len: usize,
    buf: *const filestat,
    flags: fsflags,
) -> errno {
    emulate(|| {
        // Sizes change only through a descriptor (file_stat_fput).
        if !TIMES.contains(flags) {
            return Err(errno::INVAL);
        }
        let d = fdtable::check(dir.fd, rights::FILE_STAT_PUT_TIMES)?;
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let file = beneath::open_path(d, &unsafe { Path::copy_in(path, len) }?, follows(&dir))?;
        // SAFETY: the caller passes a readable filestat.
        unsafe { set_times(file.raw(), buf, flags) }
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_symlink(
    target: *const u8,
    target_len: usize,
    dir: fd,
    path: *const u8,
    len: usize,
) -> errno {
    emulate(|| {
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let p = unsafe { parent_of(dir, rights::FILE_SYMLINK, path, len) }?;
        // Any contents are allowed: following the link is what is confined.
        // SAFETY: the caller passes `target_len` readable bytes at `target`.
        let contents = unsafe { Path::copy_in(target, target_len) }?;
        // SAFETY: all three strings are NUL-terminated.
        result(unsafe { syscall!(nr::SYMLINKAT, contents.as_ptr(), p.fd(), p.name()) }).map(drop)
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_file_unlink(dir: fd, path: *const u8, len: usize, flags: ulflags) -> errno {
    emulate(|| {
        // SAFETY: the caller passes `len` readable bytes at `path`.
        let p = unsafe { parent_of(dir, rights::FILE_UNLINK, path, len) }?;
        let at = if flags.contains(ulflags::REMOVEDIR) { linux::AT_REMOVEDIR } else { 0 };
        // SAFETY: the name is NUL-terminated; unlinkat never follows it.
        result(unsafe { syscall!(nr::UNLINKAT, p.fd(), p.name(), at) }).map(drop)
    })
}

#[cfg(test)]
#[path = "file_tests.rs"]
pub(super) mod tests;
