//! The file system requests cloudlibc removed (compat): uv_fs_open,
//! uv_fs_stat, uv_fs_lstat, uv_fs_access, uv_fs_chmod, uv_fs_fchmod,
//! uv_fs_fchown, uv_fs_link, uv_fs_symlink, uv_fs_readlink,
//! uv_fs_realpath, uv_fs_mkdir, uv_fs_mkdtemp, uv_fs_rmdir, uv_fs_unlink,
//! uv_fs_rename, uv_fs_scandir, uv_fs_scandir_next, uv_fs_utime,
//! uv_fs_copyfile.
//!
//! Paths go through the libc's compat path layer, exactly as open() or
//! stat() do: relative to the current directory or absolute, resolved
//! through the program's named directory grants. A path under no grant
//! fails with `UV_ENOTCAPABLE`. Permission bits are the host's, changed
//! as chmod(), fchmod() and mkdir() change them (the mode given to
//! uv_fs_open is ignored). CloudABI has no owners: uv_fs_fchown succeeds
//! only when it changes nothing (every file belongs to 65534).

use super::errors::{check, err, UV_EINVAL, UV_ENOMEM, UV_EOF};
use super::fs::{self, store_stat, uv_fs_cb, uv_fs_t, FsCore, *};
use super::r#loop::uv_loop_t;
use super::alloc;
use crate::abi::{c_char, c_int};
use crate::compat::grants::PATH_MAX;
use crate::compat::path::AT_FDCWD;
use crate::cptr;
use crate::errno::Errno;
use crate::header::dirent::{dirent, DT_BLK, DT_CHR, DT_DIR, DT_FIFO, DT_LNK, DT_REG, DT_SOCK};
use crate::header::fcntl::{open_at, open_at_mode, O_CREAT, O_EXCL, O_RDONLY, O_TRUNC, O_WRONLY};
use crate::header::stdlib::malloc::free;
use crate::header::sys_stat::{stat_at, AT_SYMLINK_NOFOLLOW};
use crate::sys;
use core::ptr::{null, null_mut};

pub const UV_FS_COPYFILE_EXCL: c_int = 1;
pub const UV_FS_SYMLINK_DIR: c_int = 1;
pub const UV_FS_SYMLINK_JUNCTION: c_int = 2;

pub const UV_DIRENT_UNKNOWN: c_int = 0;
pub const UV_DIRENT_FILE: c_int = 1;
pub const UV_DIRENT_DIR: c_int = 2;
pub const UV_DIRENT_LINK: c_int = 3;
pub const UV_DIRENT_FIFO: c_int = 4;
pub const UV_DIRENT_SOCKET: c_int = 5;
pub const UV_DIRENT_CHAR: c_int = 6;
pub const UV_DIRENT_BLOCK: c_int = 7;

/// libuv `uv_dirent_t`.
#[repr(C)]
pub struct uv_dirent_t {
    pub name: *const c_char,
    pub r#type: c_int,
}

/// The request's path as bytes.
///
/// # Safety
/// `p` is a C string.
unsafe fn bytes<'a>(p: *const c_char) -> &'a [u8] {
    // SAFETY: the caller's contract.
    unsafe { cptr::cstr(p) }
}

/// Copies `src` to a new file `dst` (uv_fs_copyfile); on failure the
/// partial copy is removed.
fn copy_file(src: &[u8], dst: *const c_char, excl: bool) -> Result<(), Errno> {
    let from = open_at(AT_FDCWD, src, O_RDONLY)?;
    // SAFETY: `dst` is the request's C string.
    let to = match open_at(AT_FDCWD, unsafe { bytes(dst) }, O_WRONLY | O_CREAT | O_TRUNC | if excl { O_EXCL } else { 0 }) {
        Ok(t) => t,
        Err(e) => {
            let _ = sys::fd_close(from);
            return Err(e);
        }
    };
    let copied = (|| {
        let mut buf = [0u8; 8192];
        loop {
            let n = sys::fd_read(from, &mut buf)?;
            if n == 0 {
                return Ok(());
            }
            let mut done = 0;
            while done < n {
                done += sys::fd_write(to, &buf[done..n])?;
            }
        }
    })();
    let _ = sys::fd_close(from);
    let closed = sys::fd_close(to);
    if copied.is_err() {
        // SAFETY: `dst` is a C string.
        unsafe { crate::header::unistd::unlink(dst) };
    }
    copied.and(closed)
}

/// The uv type of a directory entry.
fn dirent_type(t: u8) -> c_int {
    match t {
        DT_REG => UV_DIRENT_FILE,
        DT_DIR => UV_DIRENT_DIR,
        DT_LNK => UV_DIRENT_LINK,
        DT_FIFO => UV_DIRENT_FIFO,
        DT_SOCK => UV_DIRENT_SOCKET,
        DT_CHR => UV_DIRENT_CHAR,
        DT_BLK => UV_DIRENT_BLOCK,
        _ => UV_DIRENT_UNKNOWN,
    }
}

/// uv_fs_scandir leaves out "." and "..", as libuv does.
unsafe extern "C" fn not_dots(e: *const dirent) -> c_int {
    // SAFETY: `e` is an entry scandir is filtering.
    let name = unsafe { &(*e).d_name };
    c_int::from(!(name.starts_with(b".\0") || name.starts_with(b"..\0")))
}

/// uv_fs_scandir sorts by name, byte by byte.
unsafe extern "C" fn by_name(a: *mut *const dirent, b: *mut *const dirent) -> c_int {
    // SAFETY: scandir passes two entries of its list.
    unsafe { crate::header::string::strcmp((**a).d_name.as_ptr().cast(), (**b).d_name.as_ptr().cast()) }
}

/// Performs a path request (or fchmod, fchown) and returns its result.
///
/// # Safety
/// `r` was set up by one of this module's functions.
pub unsafe fn run(r: *mut uv_fs_t) -> isize {
    use crate::header::{sys_stat as st, unistd as u};
    // SAFETY: the caller's contract; the paths are the request's C strings.
    unsafe {
        let path = (*r).path;
        let new_path = (*r).f.new_path;
        let f = &(*r).f;
        match (*r).fs_type {
            UV_FS_OPEN => match open_at_mode(AT_FDCWD, bytes(path), f.flags, (f.flags & O_CREAT != 0).then_some(f.mode as u32)) {
                Ok(fd) => fd.0 as isize,
                Err(e) => err(e) as isize,
            },
            UV_FS_STAT => store_stat(r, stat_at(AT_FDCWD, bytes(path), 0)),
            UV_FS_LSTAT => store_stat(r, stat_at(AT_FDCWD, bytes(path), AT_SYMLINK_NOFOLLOW)),
            UV_FS_ACCESS => check(u::faccessat(AT_FDCWD, path, f.mode, 0) as isize),
            UV_FS_CHMOD => check(st::chmod(path, f.mode as u32) as isize),
            UV_FS_FCHMOD => check(st::fchmod(f.file, f.mode as u32) as isize),
            UV_FS_FCHOWN => check(u::fchown(f.file, f.flags as u32, f.mode as u32) as isize),
            UV_FS_LINK => check(u::link(path, new_path) as isize),
            UV_FS_SYMLINK => check(u::symlink(path, new_path) as isize),
            UV_FS_MKDIR => check(st::mkdir(path, f.mode as u32) as isize),
            UV_FS_MKDTEMP => {
                if crate::compat::tempfile::mkdtemp(path.cast_mut()).is_null() {
                    super::errors::last_error() as isize
                } else {
                    0
                }
            }
            UV_FS_RMDIR => check(u::rmdir(path) as isize),
            UV_FS_UNLINK => check(u::unlink(path) as isize),
            UV_FS_RENAME => check(crate::compat::rename::rename(path, new_path) as isize),
            UV_FS_UTIME => {
                let ts = [fs::to_timespec(f.atime), fs::to_timespec(f.mtime)];
                check(st::utimensat(AT_FDCWD, path, ts.as_ptr(), 0) as isize)
            }
            UV_FS_READLINK => {
                let buf = alloc::alloc(PATH_MAX + 1);
                if buf.is_null() {
                    return UV_ENOMEM as isize;
                }
                let n = u::readlink(path, buf.cast(), PATH_MAX);
                if n < 0 {
                    alloc::release(buf);
                    return check(-1);
                }
                *buf.add(n as usize) = 0;
                (*r).ptr = buf.cast();
                0
            }
            UV_FS_REALPATH => {
                let p = crate::compat::realpath::realpath(path, null_mut());
                if p.is_null() {
                    return check(-1);
                }
                (*r).ptr = p.cast();
                0
            }
            UV_FS_SCANDIR => {
                let mut list: *mut *mut dirent = null_mut();
                let n = crate::header::dirent::scandir(path, &mut list, Some(not_dots), Some(by_name));
                if n >= 0 {
                    (*r).ptr = list.cast();
                    (*r).f.next = 0;
                }
                check(n as isize)
            }
            UV_FS_COPYFILE => match copy_file(bytes(path), new_path, f.flags & UV_FS_COPYFILE_EXCL != 0) {
                Ok(()) => 0,
                Err(e) => err(e) as isize,
            },
            _ => UV_EINVAL as isize,
        }
    }
}

/// Frees a request's result (uv_fs_req_cleanup).
///
/// # Safety
/// `r` is a request whose `ptr` is its own result (not its statbuf).
pub unsafe fn free_result(r: *mut uv_fs_t) {
    // SAFETY: the caller's contract: scandir's list and realpath's text
    // come from the libc's malloc, readlink's from the uv allocator.
    unsafe {
        let p = (*r).ptr;
        if p.is_null() {
            return;
        }
        match (*r).fs_type {
            UV_FS_SCANDIR => {
                let list = p.cast::<*mut dirent>();
                let n = (*r).result.max(0) as usize;
                let first = ((*r).f.next as usize).saturating_sub(1);
                for i in first..n {
                    free((*list.add(i)).cast());
                }
                free(list.cast());
            }
            UV_FS_REALPATH => free(p),
            _ => alloc::release(p),
        }
    }
}

/// libuv `uv_fs_scandir_next` (compat): the next entry of a finished
/// uv_fs_scandir, valid until the next call; `UV_EOF` after the last.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_scandir_next(r: *mut uv_fs_t, ent: *mut uv_dirent_t) -> c_int {
    // SAFETY: `r` is a finished scandir request and `ent` writable (libuv
    // contract); entries before `next` were handed out and are freed here.
    unsafe {
        if (*r).result < 0 {
            return (*r).result as c_int;
        }
        let list = (*r).ptr.cast::<*mut dirent>();
        if list.is_null() {
            return UV_EOF;
        }
        let i = (*r).f.next as usize;
        if i > 0 {
            free((*list.add(i - 1)).cast());
        }
        if i == (*r).result as usize {
            free(list.cast());
            (*r).ptr = null_mut();
            return UV_EOF;
        }
        let e = *list.add(i);
        (*r).f.next += 1;
        (*ent).name = (*e).d_name.as_ptr().cast();
        (*ent).r#type = dirent_type((*e).d_type);
    }
    0
}

/// Starts a request on `path` (and maybe `new_path`).
///
/// # Safety
/// As for `fs::start`; the paths are C strings (or null where unused).
unsafe fn on_path(
    l: *mut uv_loop_t,
    r: *mut uv_fs_t,
    ty: c_int,
    paths: (*const c_char, *const c_char),
    cb: uv_fs_cb,
    fill: impl FnOnce(&mut FsCore) -> Result<(), c_int>,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        fs::start(l, r, ty, paths, cb, |f| {
            if paths.0.is_null() {
                return Err(UV_EINVAL);
            }
            fill(f)
        })
    }
}

/// A second path that must be given.
fn needed(p: *const c_char) -> Result<(), c_int> {
    if p.is_null() {
        Err(UV_EINVAL)
    } else {
        Ok(())
    }
}

macro_rules! path_only {
    ($($name:ident => $ty:ident, $what:literal;)*) => {$(
        #[doc = concat!("libuv `", stringify!($name), "` (compat): ", $what)]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $name(l: *mut uv_loop_t, r: *mut uv_fs_t, path: *const c_char, cb: uv_fs_cb) -> c_int {
            // SAFETY: forwarded libuv contract.
            unsafe { on_path(l, r, $ty, (path, null()), cb, |_| Ok(())) }
        }
    )*};
}

path_only! {
    uv_fs_stat => UV_FS_STAT, "fills `req->statbuf`, following links.";
    uv_fs_lstat => UV_FS_LSTAT, "fills `req->statbuf` for a link itself.";
    uv_fs_rmdir => UV_FS_RMDIR, "removes an empty directory.";
    uv_fs_unlink => UV_FS_UNLINK, "removes a name.";
    uv_fs_readlink => UV_FS_READLINK, "a link's target, as a string in `req->ptr`.";
    uv_fs_realpath => UV_FS_REALPATH, "the canonical absolute path, in `req->ptr`.";
    uv_fs_mkdtemp => UV_FS_MKDTEMP, "creates a directory from a template ending in XXXXXX; `req->path` is the name made.";
}

macro_rules! two_paths {
    ($($name:ident => $ty:ident, $what:literal;)*) => {$(
        #[doc = concat!("libuv `", stringify!($name), "` (compat): ", $what)]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $name(l: *mut uv_loop_t, r: *mut uv_fs_t, path: *const c_char, new_path: *const c_char, cb: uv_fs_cb) -> c_int {
            // SAFETY: forwarded libuv contract.
            unsafe { on_path(l, r, $ty, (path, new_path), cb, |_| needed(new_path)) }
        }
    )*};
}

two_paths! {
    uv_fs_link => UV_FS_LINK, "a new name `new_path` for `path`.";
    uv_fs_rename => UV_FS_RENAME, "moves `path` to `new_path`.";
}

/// libuv `uv_fs_open` (compat): opens `path` with open()'s `flags`
/// (`mode` is ignored); the result is the descriptor.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_open(l: *mut uv_loop_t, r: *mut uv_fs_t, path: *const c_char, flags: c_int, mode: c_int, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe {
        on_path(l, r, UV_FS_OPEN, (path, null()), cb, |f| {
            f.flags = flags;
            f.mode = mode;
            Ok(())
        })
    }
}

macro_rules! path_and_int {
    ($($name:ident => $ty:ident, $what:literal;)*) => {$(
        #[doc = concat!("libuv `", stringify!($name), "` (compat): ", $what)]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $name(l: *mut uv_loop_t, r: *mut uv_fs_t, path: *const c_char, mode: c_int, cb: uv_fs_cb) -> c_int {
            // SAFETY: forwarded libuv contract.
            unsafe {
                on_path(l, r, $ty, (path, null()), cb, |f| {
                    f.mode = mode;
                    Ok(())
                })
            }
        }
    )*};
}

path_and_int! {
    uv_fs_access => UV_FS_ACCESS, "checks `path` against access()'s mode.";
    uv_fs_chmod => UV_FS_CHMOD, "sets the permission bits of `path`, as chmod() does.";
    uv_fs_mkdir => UV_FS_MKDIR, "makes a directory with `mode` less the umask, as mkdir() does.";
    uv_fs_scandir => UV_FS_SCANDIR, "reads a directory, without \".\" and \"..\", sorted by name; the result is the count, and uv_fs_scandir_next hands out the entries (the flags are unused, as in libuv).";
}

/// libuv `uv_fs_symlink` (compat): makes `new_path` a link to `path`; the
/// Windows-only flags are accepted.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_symlink(
    l: *mut uv_loop_t,
    r: *mut uv_fs_t,
    path: *const c_char,
    new_path: *const c_char,
    flags: c_int,
    cb: uv_fs_cb,
) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe {
        on_path(l, r, UV_FS_SYMLINK, (path, new_path), cb, |f| {
            needed(new_path)?;
            if flags & !(UV_FS_SYMLINK_DIR | UV_FS_SYMLINK_JUNCTION) != 0 {
                return Err(UV_EINVAL);
            }
            f.flags = flags;
            Ok(())
        })
    }
}

/// libuv `uv_fs_copyfile` (compat): copies `path` to `new_path`
/// (`UV_FS_COPYFILE_EXCL`: which must not exist yet).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_copyfile(
    l: *mut uv_loop_t,
    r: *mut uv_fs_t,
    path: *const c_char,
    new_path: *const c_char,
    flags: c_int,
    cb: uv_fs_cb,
) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe {
        on_path(l, r, UV_FS_COPYFILE, (path, new_path), cb, |f| {
            needed(new_path)?;
            if flags & !UV_FS_COPYFILE_EXCL != 0 {
                return Err(UV_EINVAL);
            }
            f.flags = flags;
            Ok(())
        })
    }
}

/// libuv `uv_fs_utime` (compat): sets `path`'s access and modification
/// times, in seconds since the epoch.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_utime(l: *mut uv_loop_t, r: *mut uv_fs_t, path: *const c_char, atime: f64, mtime: f64, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe {
        on_path(l, r, UV_FS_UTIME, (path, null()), cb, |f| {
            f.atime = atime;
            f.mtime = mtime;
            Ok(())
        })
    }
}

/// libuv `uv_fs_fchmod` (compat): sets the permission bits of an open
/// file, as fchmod() does.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_fchmod(l: *mut uv_loop_t, r: *mut uv_fs_t, file: c_int, mode: c_int, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe {
        fs::start(l, r, UV_FS_FCHMOD, (null(), null()), cb, |f| {
            f.file = file;
            f.mode = mode;
            Ok(())
        })
    }
}

/// libuv `uv_fs_fchown` (compat): fchown(): every file belongs to 65534;
/// asking for that (or -1, "unchanged") succeeds on an open descriptor,
/// anything else is `UV_EPERM`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_fchown(l: *mut uv_loop_t, r: *mut uv_fs_t, file: c_int, uid: u32, gid: u32, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe {
        fs::start(l, r, UV_FS_FCHOWN, (null(), null()), cb, |f| {
            f.file = file;
            f.flags = uid as c_int;
            f.mode = gid as c_int;
            Ok(())
        })
    }
}

