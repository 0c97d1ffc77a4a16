//! uv_fs_t: file system requests. On descriptors (cloudlibc):
//! uv_fs_close, uv_fs_read, uv_fs_write, uv_fs_fstat, uv_fs_fsync,
//! uv_fs_fdatasync, uv_fs_ftruncate, uv_fs_futime, uv_fs_sendfile,
//! uv_fs_req_cleanup, uv_get_osfhandle. The compat requests that take
//! paths are in `fs_path`.
//!
//! Without a callback a request runs at once and returns its result (also
//! left in `req->result`); with one it runs on the work queue and the
//! callback gets the request back on the loop thread. Results are byte
//! counts, descriptors or 0, and negative uv error codes.

use super::alloc;
use super::errors::{err, UV_ECANCELED, UV_EINVAL};
use super::queue::container_of;
use super::r#loop::uv_loop_t;
use super::req::{self, uv_req_t};
use super::stream::BufList;
use super::work::{self, WorkCore};
use super::*;
use crate::abi::{c_char, c_int, c_long, c_void, size_t, ssize_t};
use crate::errno::Errno;
use crate::header::sys_stat::{stat, stat_fd};
use crate::sys::{self, fd, filestat, fsflags};
use cloudabi::{ciovec, errno, iovec};
use core::ptr::{addr_of_mut, null, null_mut};

pub type uv_fs_cb = Option<unsafe extern "C" fn(*mut uv_fs_t)>;

pub const UV_FS_OPEN: c_int = 1;
pub const UV_FS_CLOSE: c_int = 2;
pub const UV_FS_READ: c_int = 3;
pub const UV_FS_WRITE: c_int = 4;
pub const UV_FS_SENDFILE: c_int = 5;
pub const UV_FS_STAT: c_int = 6;
pub const UV_FS_LSTAT: c_int = 7;
pub const UV_FS_FSTAT: c_int = 8;
pub const UV_FS_FTRUNCATE: c_int = 9;
pub const UV_FS_UTIME: c_int = 10;
pub const UV_FS_FUTIME: c_int = 11;
pub const UV_FS_ACCESS: c_int = 12;
pub const UV_FS_CHMOD: c_int = 13;
pub const UV_FS_FCHMOD: c_int = 14;
pub const UV_FS_FSYNC: c_int = 15;
pub const UV_FS_FDATASYNC: c_int = 16;
pub const UV_FS_UNLINK: c_int = 17;
pub const UV_FS_RMDIR: c_int = 18;
pub const UV_FS_MKDIR: c_int = 19;
pub const UV_FS_MKDTEMP: c_int = 20;
pub const UV_FS_RENAME: c_int = 21;
pub const UV_FS_SCANDIR: c_int = 22;
pub const UV_FS_LINK: c_int = 23;
pub const UV_FS_SYMLINK: c_int = 24;
pub const UV_FS_READLINK: c_int = 25;
pub const UV_FS_FCHOWN: c_int = 27;
pub const UV_FS_REALPATH: c_int = 28;
pub const UV_FS_COPYFILE: c_int = 29;

/// libuv `uv_timespec_t`.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct uv_timespec_t {
    pub tv_sec: c_long,
    pub tv_nsec: c_long,
}

/// libuv `uv_stat_t`.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct uv_stat_t {
    pub st_dev: u64,
    pub st_mode: u64,
    pub st_nlink: u64,
    pub st_uid: u64,
    pub st_gid: u64,
    pub st_rdev: u64,
    pub st_ino: u64,
    pub st_size: u64,
    pub st_blksize: u64,
    pub st_blocks: u64,
    pub st_flags: u64,
    pub st_gen: u64,
    pub st_atim: uv_timespec_t,
    pub st_mtim: uv_timespec_t,
    pub st_ctim: uv_timespec_t,
    pub st_birthtim: uv_timespec_t,
}

/// The request's arguments and bookkeeping (`__fs_private` in C).
#[repr(C)]
pub struct FsCore {
    pub work: WorkCore,
    pub file: c_int,
    /// The second descriptor (uv_fs_sendfile's input) or the flags.
    pub file2: c_int,
    pub flags: c_int,
    pub mode: c_int,
    pub off: i64,
    pub len: u64,
    pub atime: f64,
    pub mtime: f64,
    pub new_path: *mut c_char,
    /// Does the request own `path` and `new_path` (copies for async use)?
    pub owned: u32,
    /// uv_fs_scandir_next's position.
    pub next: u32,
    pub bufs: BufList,
}

/// libuv `uv_fs_t`.
#[repr(C)]
pub struct uv_fs_t {
    pub req: uv_req_t,
    pub fs_type: c_int,
    pub r#loop: *mut uv_loop_t,
    pub cb: uv_fs_cb,
    pub result: ssize_t,
    pub ptr: *mut c_void,
    pub path: *const c_char,
    pub statbuf: uv_stat_t,
    pub f: FsCore,
}

const _: () = assert!(core::mem::size_of::<FsCore>() == 25 * 8);

/// Starts filling in `r` for an operation of `ty`. With a callback the
/// paths are copied, since the caller may reuse its strings at once.
///
/// # Safety
/// `l` is a loop; `r` is memory for a request; the paths are C strings
/// or null.
pub unsafe fn init(
    l: *mut uv_loop_t,
    r: *mut uv_fs_t,
    ty: c_int,
    path: *const c_char,
    new_path: *const c_char,
    cb: uv_fs_cb,
) -> Result<(), c_int> {
    // SAFETY: the caller's contract.
    unsafe {
        req::init(r.cast(), UV_FS);
        (*r).fs_type = ty;
        (*r).r#loop = l;
        (*r).cb = cb;
        (*r).result = 0;
        (*r).ptr = null_mut();
        (*r).path = path;
        addr_of_mut!((*r).f).write(FsCore {
            work: WorkCore::IDLE,
            file: -1,
            file2: -1,
            flags: 0,
            mode: 0,
            off: 0,
            len: 0,
            atime: 0.0,
            mtime: 0.0,
            new_path: new_path.cast_mut(),
            owned: 0,
            next: 0,
            bufs: BufList::EMPTY,
        });
        if cb.is_some() || ty == UV_FS_MKDTEMP {
            (*r).f.owned = 1;
            (*r).path = alloc::copy_cstr(path)?;
            (*r).f.new_path = match alloc::copy_cstr(new_path) {
                Ok(p) => p,
                Err(e) => {
                    alloc::release((*r).path.cast_mut());
                    (*r).path = null();
                    return Err(e);
                }
            };
        }
    }
    Ok(())
}

unsafe fn run_work(w: *mut WorkCore) {
    // SAFETY: `w` is the queue part of a uv_fs_t (see `dispatch`).
    unsafe { run(container_of!(w, uv_fs_t, f.work)) }
}

unsafe fn after_work(w: *mut WorkCore, status: c_int) {
    // SAFETY: as in `run_work`.
    unsafe {
        let r = container_of!(w, uv_fs_t, f.work);
        if status == UV_ECANCELED {
            (*r).result = UV_ECANCELED as ssize_t;
        }
        if let Some(cb) = (*r).cb {
            cb(r);
        }
    }
}

/// Runs a filled-in request now (no callback: returns its result) or on
/// the work queue (returns 0).
///
/// # Safety
/// `r` was set up by `init` and stays valid until its callback.
pub unsafe fn dispatch(r: *mut uv_fs_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        if (*r).cb.is_some() {
            work::submit((*r).r#loop, addr_of_mut!((*r).f.work), run_work, after_work);
            0
        } else {
            run(r);
            (*r).result as c_int
        }
    }
}

/// Sets up and dispatches a request, or returns the setup's error (the
/// request is set up even then, so uv_fs_req_cleanup may be called).
///
/// # Safety
/// As for `init`, and `fill` only writes `r`'s arguments.
pub unsafe fn start(
    l: *mut uv_loop_t,
    r: *mut uv_fs_t,
    ty: c_int,
    (path, new_path): (*const c_char, *const c_char),
    cb: uv_fs_cb,
    fill: impl FnOnce(&mut FsCore) -> Result<(), c_int>,
) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        if let Err(e) = init(l, r, ty, path, new_path, cb).and_then(|()| fill(&mut (*r).f)) {
            uv_fs_req_cleanup(r);
            return e;
        }
        dispatch(r)
    }
}

/// Converts a `struct stat` to libuv's layout.
pub fn to_uv_stat(st: &stat) -> uv_stat_t {
    let ts = |t: &crate::abi::timespec| uv_timespec_t { tv_sec: t.tv_sec, tv_nsec: t.tv_nsec };
    uv_stat_t {
        st_dev: st.st_dev,
        st_mode: u64::from(st.st_mode),
        st_nlink: u64::from(st.st_nlink),
        st_uid: u64::from(st.st_uid),
        st_gid: u64::from(st.st_gid),
        st_rdev: st.st_rdev,
        st_ino: st.st_ino,
        st_size: st.st_size as u64,
        st_blksize: st.st_blksize as u64,
        st_blocks: st.st_blocks as u64,
        st_flags: 0,
        st_gen: 0,
        st_atim: ts(&st.st_atim),
        st_mtim: ts(&st.st_mtim),
        st_ctim: ts(&st.st_ctim),
        st_birthtim: ts(&st.st_ctim),
    }
}

/// Stores a stat result in the request.
///
/// # Safety
/// `r` is a valid request.
pub unsafe fn store_stat(r: *mut uv_fs_t, st: Result<stat, Errno>) -> isize {
    match st {
        // SAFETY: the caller's contract.
        Ok(st) => unsafe {
            (*r).statbuf = to_uv_stat(&st);
            (*r).ptr = addr_of_mut!((*r).statbuf).cast();
            0
        },
        Err(e) => err(e) as isize,
    }
}

/// A CloudABI result as a request result.
fn result<T: TryInto<isize>>(r: Result<T, Errno>) -> isize {
    match r {
        Ok(v) => v.try_into().unwrap_or(isize::MAX),
        Err(e) => err(e) as isize,
    }
}

/// Seconds since the epoch as a `timespec`, whole seconds converted
/// apart from the fraction so that no precision is lost.
pub fn to_timespec(t: f64) -> crate::abi::timespec {
    let mut sec = t as i64;
    if sec as f64 > t {
        sec -= 1;
    }
    crate::abi::timespec { tv_sec: sec, tv_nsec: ((t - sec as f64) * 1e9) as i64 }
}

/// Seconds as a double to CloudABI's nanoseconds (0 before the epoch).
fn to_ns(t: f64) -> u64 {
    let ts = to_timespec(t);
    (ts.tv_sec.max(0) as u64).saturating_mul(1_000_000_000).saturating_add(ts.tv_nsec as u64)
}

const IOVS: usize = 16;

/// Reads into or writes from the request's buffers, in groups of up to
/// `IOVS`, at its offset (or the descriptor's position when negative);
/// stops early at a short transfer. Returns the byte count.
///
/// # Safety
/// `r` holds buffers the program gave for this request.
unsafe fn transfer(r: *mut uv_fs_t, write: bool) -> Result<usize, Errno> {
    // SAFETY: the caller's contract.
    unsafe {
        let f = sys::to_fd((*r).f.file)?;
        let mut off = (*r).f.off;
        let mut total = 0usize;
        for chunk in (*r).f.bufs.all().chunks(IOVS) {
            let want: usize = chunk.iter().map(|b| b.len).sum();
            let mut iovs = [iovec { buf: (null_mut(), 0) }; IOVS];
            for (v, b) in iovs.iter_mut().zip(chunk) {
                *v = iovec { buf: (b.base.cast(), b.len) };
            }
            let iovs = &iovs[..chunk.len()];
            let n = match (write, off < 0) {
                (false, true) => sys::fd_readv(f, iovs),
                (false, false) => sys::fd_preadv(f, iovs, off as u64),
                // SAFETY: iovec and ciovec have one layout; writing only
                // reads the buffers.
                (true, true) => sys::fd_writev(f, &*(iovs as *const [iovec] as *const [ciovec])),
                (true, false) => sys::fd_pwritev(f, &*(iovs as *const [iovec] as *const [ciovec]), off as u64),
            };
            let n = match n {
                Ok(n) => n,
                Err(e) if total == 0 => return Err(e),
                Err(_) => break,
            };
            total += n;
            if off >= 0 {
                off += n as i64;
            }
            if n < want {
                break;
            }
        }
        Ok(total)
    }
}

/// Waits until `f` can be written (for sendfile to a non-blocking one).
fn wait_writable(f: fd) -> Result<(), Errno> {
    use cloudabi::{eventtype, subrwflags, subscription, subscription_fd_readwrite, subscription_union};
    let fd_readwrite = subscription_fd_readwrite { fd: f, flags: subrwflags::POLL };
    let sub = subscription { userdata: 0, unused: 0, r#type: eventtype::FD_WRITE, union: subscription_union { fd_readwrite } };
    // SAFETY: an all-zero event is valid plain data.
    let mut ev = [unsafe { core::mem::zeroed::<sys::event>() }];
    sys::poll(core::slice::from_ref(&sub), &mut ev).map(drop)
}

/// uv_fs_sendfile: copies `len` bytes from `file2` at `off` to `file`.
///
/// # Safety
/// `r` is a valid sendfile request.
unsafe fn sendfile(r: *mut uv_fs_t) -> Result<usize, Errno> {
    // SAFETY: the caller's contract.
    let (out, input, mut off, len) = unsafe { ((*r).f.file, (*r).f.file2, (*r).f.off, (*r).f.len as usize) };
    let (out, input) = (sys::to_fd(out)?, sys::to_fd(input)?);
    let mut buf = [0u8; 8192];
    let mut total = 0;
    while total < len {
        let want = (len - total).min(buf.len());
        let n = match if off < 0 { sys::fd_read(input, &mut buf[..want]) } else { sys::fd_pread(input, &mut buf[..want], off as u64) } {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if total == 0 => return Err(e),
            Err(_) => break,
        };
        let mut done = 0;
        while done < n {
            match sys::fd_write(out, &buf[done..n]) {
                Ok(k) => done += k,
                Err(errno::AGAIN) => wait_writable(out)?,
                Err(e) if total + done == 0 => return Err(e),
                Err(_) => return Ok(total + done),
            }
        }
        total += n;
        if off >= 0 {
            off += n as i64;
        }
    }
    Ok(total)
}

/// Performs the request and stores its result.
///
/// # Safety
/// `r` was set up by `init` (and its arguments filled in).
unsafe fn run(r: *mut uv_fs_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let file = || sys::to_fd((*r).f.file);
        let v: isize = match (*r).fs_type {
            UV_FS_CLOSE => result(file().and_then(sys::fd_close).map(|()| 0)),
            UV_FS_READ => result(transfer(r, false)),
            UV_FS_WRITE => result(transfer(r, true)),
            UV_FS_SENDFILE => result(sendfile(r)),
            UV_FS_FSTAT => store_stat(r, file().and_then(stat_fd)),
            UV_FS_FSYNC => result(file().and_then(sys::fd_sync).map(|()| 0)),
            UV_FS_FDATASYNC => result(file().and_then(sys::fd_datasync).map(|()| 0)),
            UV_FS_FTRUNCATE => result(file().and_then(|f| {
                if (*r).f.off < 0 {
                    return Err(errno::INVAL);
                }
                let st = filestat { st_size: (*r).f.off as u64, ..core::mem::zeroed() };
                sys::file_stat_fput(f, &st, fsflags::SIZE).map(|()| 0)
            })),
            UV_FS_FUTIME => result(file().and_then(|f| {
                let st = filestat { st_atim: to_ns((*r).f.atime), st_mtim: to_ns((*r).f.mtime), ..core::mem::zeroed() };
                sys::file_stat_fput(f, &st, fsflags::ATIM | fsflags::MTIM).map(|()| 0)
            })),
            _ => fs_path::run(r),
        };
        (*r).result = v;
    }
}

/// libuv `uv_fs_req_cleanup`: frees what the request allocated (path
/// copies, results such as uv_fs_scandir's entries or uv_fs_readlink's
/// text). The request itself is the caller's.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_req_cleanup(r: *mut uv_fs_t) {
    if r.is_null() {
        return;
    }
    // SAFETY: `r` is a request some uv_fs_* call filled in (libuv contract).
    unsafe {
        if (*r).f.owned != 0 {
            alloc::release((*r).path.cast_mut());
            alloc::release((*r).f.new_path);
            (*r).f.owned = 0;
        }
        (*r).path = null();
        (*r).f.new_path = null_mut();
        (*r).f.bufs.free();
        if (*r).ptr != addr_of_mut!((*r).statbuf).cast() {
            fs_path::free_result(r);
        }
        (*r).ptr = null_mut();
    }
}

/// libuv `uv_fs_close`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_close(l: *mut uv_loop_t, r: *mut uv_fs_t, file: c_int, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { on_fd(l, r, UV_FS_CLOSE, file, cb) }
}

/// Starts a request that takes only a descriptor.
///
/// # Safety
/// `l` is a loop; `r` memory for a request valid until its callback.
unsafe fn on_fd(l: *mut uv_loop_t, r: *mut uv_fs_t, ty: c_int, file: c_int, cb: uv_fs_cb) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        start(l, r, ty, (null(), null()), cb, |f| {
            f.file = file;
            Ok(())
        })
    }
}

/// Starts a read or write over the program's buffers.
///
/// # Safety
/// As for `on_fd`; `bufs` holds `n` buffers that stay valid until done.
unsafe fn io(l: *mut uv_loop_t, r: *mut uv_fs_t, ty: c_int, file: c_int, bufs: *const uv_buf_t, n: u32, off: i64, cb: uv_fs_cb) -> c_int {
    // SAFETY: the caller's contract; the list is copied into the request,
    // which does not move.
    unsafe {
        let list = addr_of_mut!((*r).f.bufs);
        start(l, r, ty, (null(), null()), cb, |f| {
            if bufs.is_null() || n == 0 {
                return Err(UV_EINVAL);
            }
            f.file = file;
            f.off = off;
            BufList::init(list, bufs, n)
        })
    }
}

/// libuv `uv_fs_read`: reads into `bufs` at `offset` (or the current
/// position if negative); the result is the byte count, 0 at the end.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_read(
    l: *mut uv_loop_t,
    r: *mut uv_fs_t,
    file: c_int,
    bufs: *const uv_buf_t,
    nbufs: u32,
    offset: i64,
    cb: uv_fs_cb,
) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { io(l, r, UV_FS_READ, file, bufs, nbufs, offset, cb) }
}

/// libuv `uv_fs_write`: writes `bufs` at `offset` (or the current position
/// if negative); the result is the byte count.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_write(
    l: *mut uv_loop_t,
    r: *mut uv_fs_t,
    file: c_int,
    bufs: *const uv_buf_t,
    nbufs: u32,
    offset: i64,
    cb: uv_fs_cb,
) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { io(l, r, UV_FS_WRITE, file, bufs, nbufs, offset, cb) }
}

/// libuv `uv_fs_fstat`: fills `req->statbuf` (and points `req->ptr` at it).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_fstat(l: *mut uv_loop_t, r: *mut uv_fs_t, file: c_int, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { on_fd(l, r, UV_FS_FSTAT, file, cb) }
}

/// libuv `uv_fs_fsync`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_fsync(l: *mut uv_loop_t, r: *mut uv_fs_t, file: c_int, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { on_fd(l, r, UV_FS_FSYNC, file, cb) }
}

/// libuv `uv_fs_fdatasync`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_fdatasync(l: *mut uv_loop_t, r: *mut uv_fs_t, file: c_int, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { on_fd(l, r, UV_FS_FDATASYNC, file, cb) }
}

/// libuv `uv_fs_ftruncate`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_ftruncate(l: *mut uv_loop_t, r: *mut uv_fs_t, file: c_int, offset: i64, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe {
        start(l, r, UV_FS_FTRUNCATE, (null(), null()), cb, |f| {
            f.file = file;
            f.off = offset;
            Ok(())
        })
    }
}

/// libuv `uv_fs_futime`: sets the access and modification times, in
/// seconds since the epoch.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_futime(l: *mut uv_loop_t, r: *mut uv_fs_t, file: c_int, atime: f64, mtime: f64, cb: uv_fs_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe {
        start(l, r, UV_FS_FUTIME, (null(), null()), cb, |f| {
            f.file = file;
            f.atime = atime;
            f.mtime = mtime;
            Ok(())
        })
    }
}

/// libuv `uv_fs_sendfile`: copies up to `length` bytes from `in_fd` at
/// `in_offset` (its position is left alone) to `out_fd`; the result is the
/// byte count.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_fs_sendfile(
    l: *mut uv_loop_t,
    r: *mut uv_fs_t,
    out_fd: c_int,
    in_fd: c_int,
    in_offset: i64,
    length: size_t,
    cb: uv_fs_cb,
) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe {
        start(l, r, UV_FS_SENDFILE, (null(), null()), cb, |f| {
            f.file = out_fd;
            f.file2 = in_fd;
            f.off = in_offset;
            f.len = length as u64;
            Ok(())
        })
    }
}

/// libuv `uv_get_osfhandle`: descriptors are the operating system's
/// handles here.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_get_osfhandle(file: c_int) -> c_int {
    file
}
