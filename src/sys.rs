//! The door to the kernel: thin safe wrappers over the CloudABI system calls.
//! Header modules call these, never `cloudabi::` directly and never Linux.
//! Each returns `Result<_, Errno>` so callers finish with `or_errno`.

use crate::errno::Errno;
pub use cloudabi::{
    advice, clockid, dircookie, dirent, event, eventtype, fd, fdflags, fdsflags, fdstat, filestat, filetype, fsflags,
    lookup, lookupflags, mflags, mprot, msflags, oflags, rights, scope, sdflags, signal, subscription, tid,
    timestamp, ulflags, whence,
};
use cloudabi::errno;
use core::mem::MaybeUninit;
use core::sync::atomic::AtomicU32;

// The crate's wrappers for these take `&mut [u8]`, which would assert that
// the range is live memory; a mapping being removed is not, so they are
// called directly.
extern "C" {
    fn cloudabi_sys_mem_advise(addr: *mut (), len: usize, advice: advice) -> errno;
    fn cloudabi_sys_mem_protect(addr: *mut (), len: usize, prot: mprot) -> errno;
    fn cloudabi_sys_mem_sync(addr: *mut (), len: usize, flags: msflags) -> errno;
    fn cloudabi_sys_mem_unmap(addr: *mut (), len: usize) -> errno;
}

#[inline]
fn check(e: errno) -> Result<(), Errno> {
    if e == errno::SUCCESS {
        Ok(())
    } else {
        Err(e)
    }
}

/// A descriptor number as C passes it; negative numbers are never valid.
#[inline]
pub fn to_fd(n: i32) -> Result<fd, Errno> {
    u32::try_from(n).map(cloudabi::fd).map_err(|_| errno::BADF)
}

/// Closes `f`; its number starts close-on-exec again when reused.
pub fn fd_close(f: fd) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi::fd_close(f) })?;
    crate::compat::inherit::set(f.0, false);
    Ok(())
}

pub fn fd_dup(f: fd) -> Result<fd, Errno> {
    let mut out = MaybeUninit::uninit();
    // SAFETY: `out` is written on success.
    check(unsafe { cloudabi::fd_dup(f, out.as_mut_ptr()) })?;
    // SAFETY: the call succeeded, so `out` was written.
    Ok(unsafe { out.assume_init() })
}

/// Makes `to` a copy of `from`; `to` starts close-on-exec.
pub fn fd_replace(from: fd, to: fd) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi::fd_replace(from, to) })?;
    if from != to {
        crate::compat::inherit::set(to.0, false);
    }
    Ok(())
}

pub fn fd_create1(t: filetype) -> Result<fd, Errno> {
    let mut out = MaybeUninit::uninit();
    // SAFETY: `out` is written on success.
    check(unsafe { cloudabi::fd_create1(t, out.as_mut_ptr()) })?;
    // SAFETY: the call succeeded, so `out` was written.
    Ok(unsafe { out.assume_init() })
}

pub fn fd_create2(t: filetype) -> Result<(fd, fd), Errno> {
    let (mut a, mut b) = (MaybeUninit::uninit(), MaybeUninit::uninit());
    // SAFETY: both outputs are written on success.
    check(unsafe { cloudabi::fd_create2(t, a.as_mut_ptr(), b.as_mut_ptr()) })?;
    // SAFETY: the call succeeded, so both were written.
    Ok(unsafe { (a.assume_init(), b.assume_init()) })
}

pub fn fd_datasync(f: fd) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi::fd_datasync(f) })
}

pub fn fd_sync(f: fd) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi::fd_sync(f) })
}

/// Reads into `buf` from `fd` (CloudABI `fd_read`).
pub fn fd_read(f: fd, buf: &mut [u8]) -> Result<usize, Errno> {
    let iov = cloudabi::iovec { buf: (buf.as_mut_ptr().cast(), buf.len()) };
    fd_readv(f, core::slice::from_ref(&iov))
}

/// Scatter read; the iovecs must describe writable memory.
pub fn fd_readv(f: fd, iovs: &[cloudabi::iovec]) -> Result<usize, Errno> {
    let mut n = 0;
    // SAFETY: the slice of iovecs outlives the call; each describes memory
    // the caller may write.
    check(unsafe { cloudabi::fd_read(f, iovs, &mut n) })?;
    Ok(n)
}

pub fn fd_pread(f: fd, buf: &mut [u8], offset: u64) -> Result<usize, Errno> {
    let iov = cloudabi::iovec { buf: (buf.as_mut_ptr().cast(), buf.len()) };
    fd_preadv(f, core::slice::from_ref(&iov), offset)
}

pub fn fd_preadv(f: fd, iovs: &[cloudabi::iovec], offset: u64) -> Result<usize, Errno> {
    let mut n = 0;
    // SAFETY: as in fd_readv.
    check(unsafe { cloudabi::fd_pread(f, iovs, offset, &mut n) })?;
    Ok(n)
}

/// Writes `buf` to `fd` (CloudABI `fd_write`).
pub fn fd_write(f: fd, buf: &[u8]) -> Result<usize, Errno> {
    let iov = cloudabi::ciovec { buf: (buf.as_ptr().cast(), buf.len()) };
    fd_writev(f, core::slice::from_ref(&iov))
}

pub fn fd_writev(f: fd, iovs: &[cloudabi::ciovec]) -> Result<usize, Errno> {
    let mut n = 0;
    // SAFETY: the iovecs describe readable memory that outlives the call.
    check(unsafe { cloudabi::fd_write(f, iovs, &mut n) })?;
    Ok(n)
}

pub fn fd_pwrite(f: fd, buf: &[u8], offset: u64) -> Result<usize, Errno> {
    let iov = cloudabi::ciovec { buf: (buf.as_ptr().cast(), buf.len()) };
    fd_pwritev(f, core::slice::from_ref(&iov), offset)
}

pub fn fd_pwritev(f: fd, iovs: &[cloudabi::ciovec], offset: u64) -> Result<usize, Errno> {
    let mut n = 0;
    // SAFETY: as in fd_writev.
    check(unsafe { cloudabi::fd_pwrite(f, iovs, offset, &mut n) })?;
    Ok(n)
}

pub fn fd_seek(f: fd, offset: i64, w: whence) -> Result<u64, Errno> {
    let mut pos = 0;
    // SAFETY: `pos` is a valid output.
    check(unsafe { cloudabi::fd_seek(f, offset, w, &mut pos) })?;
    Ok(pos)
}

pub fn fd_stat_get(f: fd) -> Result<fdstat, Errno> {
    let mut st = MaybeUninit::uninit();
    // SAFETY: `st` is written on success.
    check(unsafe { cloudabi::fd_stat_get(f, st.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { st.assume_init() })
}

pub fn fd_stat_put(f: fd, st: &fdstat, flags: fdsflags) -> Result<(), Errno> {
    // SAFETY: `st` is a valid fdstat.
    check(unsafe { cloudabi::fd_stat_put(f, st, flags) })
}

pub fn file_advise(f: fd, offset: u64, len: u64, a: advice) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi::file_advise(f, offset, len, a) })
}

pub fn file_allocate(f: fd, offset: u64, len: u64) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi::file_allocate(f, offset, len) })
}

pub fn file_create(dir: fd, path: &[u8], t: filetype) -> Result<(), Errno> {
    // SAFETY: the path slice outlives the call.
    check(unsafe { cloudabi::file_create(dir, path, t) })
}

pub fn file_link(from: lookup, from_path: &[u8], to_dir: fd, to_path: &[u8]) -> Result<(), Errno> {
    // SAFETY: both path slices outlive the call.
    check(unsafe { cloudabi::file_link(from, from_path, to_dir, to_path) })
}

pub fn file_open(dir: lookup, path: &[u8], o: oflags, st: &fdstat) -> Result<fd, Errno> {
    let mut out = MaybeUninit::uninit();
    // SAFETY: the path and fdstat outlive the call; `out` is written on success.
    check(unsafe { cloudabi::file_open(dir, path, o, st, out.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { out.assume_init() })
}

extern "C" {
    fn cloudabi_sys_file_open_mode(
        dir: lookup,
        path: *const u8,
        len: usize,
        o: oflags,
        st: *const fdstat,
        mode: u32,
        out: *mut fd,
    ) -> errno;
}

/// `file_open` whose new file gets permission bits `mode & 0o777` (emulator
/// extension; 0o666 otherwise).
pub fn file_open_mode(dir: lookup, path: &[u8], o: oflags, st: &fdstat, mode: u32) -> Result<fd, Errno> {
    let mut out = MaybeUninit::uninit();
    // SAFETY: the path and fdstat outlive the call; `out` is written on success.
    check(unsafe { cloudabi_sys_file_open_mode(dir, path.as_ptr(), path.len(), o, st, mode, out.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { out.assume_init() })
}

/// Fills `buf` with directory entries starting at `cookie`; returns bytes used.
pub fn file_readdir(dir: fd, buf: &mut [u8], cookie: dircookie) -> Result<usize, Errno> {
    let mut n = 0;
    // SAFETY: `buf` is writable for its length.
    check(unsafe { cloudabi::file_readdir(dir, buf, cookie, &mut n) })?;
    Ok(n)
}

pub fn file_readlink(dir: fd, path: &[u8], buf: &mut [u8]) -> Result<usize, Errno> {
    let mut n = 0;
    // SAFETY: the path and the buffer outlive the call.
    check(unsafe { cloudabi::file_readlink(dir, path, buf, &mut n) })?;
    Ok(n)
}

pub fn file_rename(from_dir: fd, from: &[u8], to_dir: fd, to: &[u8]) -> Result<(), Errno> {
    // SAFETY: both path slices outlive the call.
    check(unsafe { cloudabi::file_rename(from_dir, from, to_dir, to) })
}

pub fn file_stat_fget(f: fd) -> Result<filestat, Errno> {
    let mut st = MaybeUninit::uninit();
    // SAFETY: `st` is written on success.
    check(unsafe { cloudabi::file_stat_fget(f, st.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { st.assume_init() })
}

pub fn file_stat_fput(f: fd, st: &filestat, flags: fsflags) -> Result<(), Errno> {
    // SAFETY: `st` is a valid filestat.
    check(unsafe { cloudabi::file_stat_fput(f, st, flags) })
}

pub fn file_stat_get(dir: lookup, path: &[u8]) -> Result<filestat, Errno> {
    let mut st = MaybeUninit::uninit();
    // SAFETY: the path outlives the call; `st` is written on success.
    check(unsafe { cloudabi::file_stat_get(dir, path, st.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { st.assume_init() })
}

pub fn file_stat_put(dir: lookup, path: &[u8], st: &filestat, flags: fsflags) -> Result<(), Errno> {
    // SAFETY: the path and filestat outlive the call.
    check(unsafe { cloudabi::file_stat_put(dir, path, st, flags) })
}

pub fn file_symlink(target: &[u8], dir: fd, path: &[u8]) -> Result<(), Errno> {
    // SAFETY: both slices outlive the call.
    check(unsafe { cloudabi::file_symlink(target, dir, path) })
}

pub fn file_unlink(dir: fd, path: &[u8], flags: ulflags) -> Result<(), Errno> {
    // SAFETY: the path outlives the call.
    check(unsafe { cloudabi::file_unlink(dir, path, flags) })
}

/// Maps memory; `addr` is a hint unless `mflags::FIXED` is given.
pub fn mem_map(addr: *mut u8, len: usize, prot: mprot, flags: mflags, f: fd, off: u64) -> Result<*mut u8, Errno> {
    let mut out = core::ptr::null_mut();
    // SAFETY: the kernel validates the range; `out` is a valid output.
    check(unsafe { cloudabi::mem_map(addr.cast(), len, prot, flags, f, off, &mut out) })?;
    Ok(out.cast())
}

/// Maps `len` bytes of fresh, zeroed, private read-write memory.
pub fn mem_map_anon(len: usize) -> Result<*mut u8, Errno> {
    let (prot, flags) = (mprot::READ | mprot::WRITE, mflags::ANON | mflags::PRIVATE);
    mem_map(core::ptr::null_mut(), len, prot, flags, cloudabi::MAP_ANON_FD, 0)
}

/// Unmaps memory. Unsafe because live Rust references may point into it.
pub unsafe fn mem_unmap(addr: *mut u8, len: usize) -> Result<(), Errno> {
    // SAFETY: the caller promises nothing still uses the range.
    check(unsafe { cloudabi_sys_mem_unmap(addr.cast(), len) })
}

/// Changes protection. Unsafe because it can make live memory inaccessible.
pub unsafe fn mem_protect(addr: *mut u8, len: usize, prot: mprot) -> Result<(), Errno> {
    // SAFETY: the caller vouches for the range.
    check(unsafe { cloudabi_sys_mem_protect(addr.cast(), len, prot) })
}

pub fn mem_advise(addr: *mut u8, len: usize, a: advice) -> Result<(), Errno> {
    // SAFETY: advice never changes memory contents the program relies on.
    check(unsafe { cloudabi_sys_mem_advise(addr.cast(), len, a) })
}

pub fn mem_sync(addr: *mut u8, len: usize, flags: msflags) -> Result<(), Errno> {
    // SAFETY: syncing does not change memory.
    check(unsafe { cloudabi_sys_mem_sync(addr.cast(), len, flags) })
}

pub fn clock_res_get(c: clockid) -> Result<timestamp, Errno> {
    let mut t = 0;
    // SAFETY: `t` is a valid output.
    check(unsafe { cloudabi::clock_res_get(c, &mut t) })?;
    Ok(t)
}

pub fn clock_time_get(c: clockid, precision: timestamp) -> Result<timestamp, Errno> {
    let mut t = 0;
    // SAFETY: `t` is a valid output.
    check(unsafe { cloudabi::clock_time_get(c, precision, &mut t) })?;
    Ok(t)
}

pub fn random_get(buf: &mut [u8]) -> Result<(), Errno> {
    // SAFETY: `buf` is writable for its length.
    check(unsafe { cloudabi::random_get(buf) })
}

/// Waits for events; returns how many of `out` were filled.
pub fn poll(subs: &[subscription], out: &mut [event]) -> Result<usize, Errno> {
    if out.len() < subs.len() {
        return Err(errno::INVAL);
    }
    let mut n = 0;
    // SAFETY: `out` has room for one event per subscription.
    check(unsafe { cloudabi::poll(subs.as_ptr(), out.as_mut_ptr(), subs.len(), &mut n) })?;
    Ok(n)
}

pub fn proc_exit(code: u32) -> ! {
    // SAFETY: terminates the process.
    unsafe { cloudabi::proc_exit(code) }
}

pub fn proc_raise(s: signal) -> Result<(), Errno> {
    // SAFETY: plain value argument.
    check(unsafe { cloudabi::proc_raise(s) })
}

/// In a `proc_exec` list: leave this number closed (emulator extension).
pub use crate::emulator::exec::GAP as EXEC_GAP;

/// Replaces the program with executable `f` (needs `PROC_EXEC`), started
/// with argdata `data`; its descriptor `i` is `fds[i]` of this process,
/// with the same rights, and it has no others (CloudABI `proc_exec`).
/// Returns only on failure, with the process unchanged.
pub fn proc_exec(f: fd, data: &[u8], fds: &[fd]) -> Result<(), Errno> {
    // SAFETY: both slices outlive the call (which does not return on success).
    check(unsafe { cloudabi::proc_exec(f, data, fds) })
}

/// Which side of `proc_fork` the caller is on.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Forked {
    /// In the parent: the child's process descriptor (rights
    /// `POLL_PROC_TERMINATE` and `FILE_STAT_FGET`). Closing it kills the
    /// child if it still runs, and reaps it.
    Parent(fd),
    /// In the child: the id of its only thread.
    Child(tid),
}

/// Creates a child process running a copy of the calling thread only, with
/// copies of every descriptor (CloudABI `proc_fork`).
pub fn proc_fork() -> Result<Forked, Errno> {
    let (mut f, mut t) = (MaybeUninit::uninit(), MaybeUninit::uninit());
    // SAFETY: both outputs are written on success (the tid in the child only).
    check(unsafe { cloudabi::proc_fork(f.as_mut_ptr(), t.as_mut_ptr()) })?;
    // SAFETY: the call succeeded, so `f` was written.
    let f = unsafe { f.assume_init() };
    if f == cloudabi::PROCESS_CHILD {
        // SAFETY: in the child the call wrote the thread id.
        Ok(Forked::Child(unsafe { t.assume_init() }))
    } else {
        Ok(Forked::Parent(f))
    }
}

/// How a process ended, as its `PROC_TERMINATE` event says.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Ended {
    /// It exited with this code (Linux keeps its low 8 bits).
    Exited(u32),
    /// A signal killed it: the CloudABI signal number (cloudlibc's `SIG*`).
    Killed(u8),
}

/// Reads the outcome of a `PROC_TERMINATE` event (without an error). Its
/// `signal` field is 0 for an exit, which is no `signal` value, so the
/// byte must be read raw, as here.
pub fn proc_ended(ev: &event) -> Ended {
    // SAFETY: a PROC_TERMINATE event carries `proc_terminate`; the signal
    // is read as the byte it is, the exit code as the integer it is.
    let (sig, code) = unsafe {
        let p = core::ptr::addr_of!(ev.union.proc_terminate);
        (core::ptr::addr_of!((*p).signal).cast::<u8>().read(), core::ptr::addr_of!((*p).exitcode).read())
    };
    if sig == 0 {
        Ended::Exited(code)
    } else {
        Ended::Killed(sig)
    }
}

pub fn sock_shutdown(f: fd, how: sdflags) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi::sock_shutdown(f, how) })
}

/// Receives; `ri` must describe writable buffers and descriptor space.
pub unsafe fn sock_recv(f: fd, ri: &cloudabi::recv_in) -> Result<cloudabi::recv_out, Errno> {
    let mut ro = MaybeUninit::uninit();
    // SAFETY: the caller vouches for the buffers `ri` names.
    check(unsafe { cloudabi::sock_recv(f, ri, ro.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { ro.assume_init() })
}

/// Sends; `si` must describe readable buffers and a descriptor list.
pub unsafe fn sock_send(f: fd, si: &cloudabi::send_in) -> Result<usize, Errno> {
    let mut so = MaybeUninit::<cloudabi::send_out>::uninit();
    // SAFETY: the caller vouches for the buffers `si` names.
    check(unsafe { cloudabi::sock_send(f, si, so.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { so.assume_init() }.so_datalen)
}

// Emulator extensions for granted sockets (see emulator/sock_ext.rs): not
// among the 49 calls, so the crate does not declare them.
pub use crate::emulator::sock_ext::{family as sock_family, sock_addr, sockopt};
extern "C" {
    fn cloudabi_sys_sock_accept(sock: fd, conn: *mut fd) -> errno;
    fn cloudabi_sys_sock_addr_get(sock: fd, peer: u8, addr: *mut sock_addr) -> errno;
    fn cloudabi_sys_sock_opt_get(sock: fd, opt: u32, value: *mut i32) -> errno;
    fn cloudabi_sys_sock_opt_set(sock: fd, opt: u32, value: i32) -> errno;
}

/// Takes the next connection from a listening socket (emulator extension).
pub fn sock_accept(f: fd) -> Result<fd, Errno> {
    let mut out = MaybeUninit::uninit();
    // SAFETY: `out` is written on success.
    check(unsafe { cloudabi_sys_sock_accept(f, out.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { out.assume_init() })
}

/// The socket's own address, or its peer's (emulator extension).
pub fn sock_addr_get(f: fd, peer: bool) -> Result<sock_addr, Errno> {
    let mut a = sock_addr::default();
    // SAFETY: `a` is a writable sock_addr.
    check(unsafe { cloudabi_sys_sock_addr_get(f, u8::from(peer), &mut a) })?;
    Ok(a)
}

/// Reads one of the `sockopt` options (emulator extension).
pub fn sock_opt_get(f: fd, opt: u32) -> Result<i32, Errno> {
    let mut v = 0;
    // SAFETY: `v` is a writable int.
    check(unsafe { cloudabi_sys_sock_opt_get(f, opt, &mut v) })?;
    Ok(v)
}

/// Sets one of the `sockopt` options (emulator extension).
pub fn sock_opt_set(f: fd, opt: u32, value: i32) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi_sys_sock_opt_set(f, opt, value) })
}

// Emulator extensions for file metadata (see emulator/file_ext.rs) and
// other threads' CPU time (emulator/clock.rs): not among the 49 calls.
pub use crate::emulator::file_ext::{fsstat, fsstat_flags};
extern "C" {
    fn cloudabi_sys_file_stat_fget_mode(f: fd, buf: *mut filestat, mode: *mut u32) -> errno;
    fn cloudabi_sys_file_stat_get_mode(d: lookup, p: *const u8, len: usize, buf: *mut filestat, mode: *mut u32)
        -> errno;
    fn cloudabi_sys_file_mode_fput(f: fd, mode: u32) -> errno;
    fn cloudabi_sys_file_mode_put(d: lookup, p: *const u8, len: usize, mode: u32) -> errno;
    fn cloudabi_sys_file_fsstat_fget(f: fd, out: *mut fsstat) -> errno;
    fn cloudabi_sys_file_fsstat_get(d: lookup, p: *const u8, len: usize, out: *mut fsstat) -> errno;
    fn cloudabi_sys_clock_thread_time_get(t: cloudabi::tid, out: *mut timestamp) -> errno;
}

/// `file_stat_fget`, and the permission bits (emulator extension).
pub fn file_stat_fget_mode(f: fd) -> Result<(filestat, u32), Errno> {
    let (mut st, mut mode) = (MaybeUninit::uninit(), 0);
    // SAFETY: both outputs are written on success.
    check(unsafe { cloudabi_sys_file_stat_fget_mode(f, st.as_mut_ptr(), &mut mode) })?;
    // SAFETY: the call succeeded.
    Ok((unsafe { st.assume_init() }, mode))
}

/// `file_stat_get`, and the permission bits (emulator extension).
pub fn file_stat_get_mode(dir: lookup, path: &[u8]) -> Result<(filestat, u32), Errno> {
    let (mut st, mut mode) = (MaybeUninit::uninit(), 0);
    // SAFETY: the path outlives the call; both outputs are written on success.
    check(unsafe { cloudabi_sys_file_stat_get_mode(dir, path.as_ptr(), path.len(), st.as_mut_ptr(), &mut mode) })?;
    // SAFETY: the call succeeded.
    Ok((unsafe { st.assume_init() }, mode))
}

/// Sets an open file's permission bits (emulator extension).
pub fn file_mode_fput(f: fd, mode: u32) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi_sys_file_mode_fput(f, mode) })
}

/// Sets the permission bits of a file beneath a directory (emulator extension).
pub fn file_mode_put(dir: lookup, path: &[u8], mode: u32) -> Result<(), Errno> {
    // SAFETY: the path outlives the call.
    check(unsafe { cloudabi_sys_file_mode_put(dir, path.as_ptr(), path.len(), mode) })
}

/// Statistics of the file system holding an open file (emulator extension).
pub fn file_fsstat_fget(f: fd) -> Result<fsstat, Errno> {
    let mut out = fsstat::default();
    // SAFETY: `out` is a writable fsstat.
    check(unsafe { cloudabi_sys_file_fsstat_fget(f, &mut out) })?;
    Ok(out)
}

/// Statistics of the file system holding a file beneath a directory
/// (emulator extension).
pub fn file_fsstat_get(dir: lookup, path: &[u8]) -> Result<fsstat, Errno> {
    let mut out = fsstat::default();
    // SAFETY: the path outlives the call; `out` is a writable fsstat.
    check(unsafe { cloudabi_sys_file_fsstat_get(dir, path.as_ptr(), path.len(), &mut out) })?;
    Ok(out)
}

/// The CPU time of a thread of this process (emulator extension).
pub fn clock_thread_time_get(t: u32) -> Result<timestamp, Errno> {
    let mut out = 0;
    // SAFETY: `out` is a writable timestamp.
    check(unsafe { cloudabi_sys_clock_thread_time_get(cloudabi::tid(t), &mut out) })?;
    Ok(out)
}

// Emulator extensions for process descriptors and the process's own
// scheduling (see emulator/proc.rs).
extern "C" {
    fn cloudabi_ext_proc_signal(process: fd, sig: u8) -> errno;
    fn cloudabi_ext_proc_priority_get(nice: *mut i32) -> errno;
    fn cloudabi_ext_proc_priority_set(nice: i32) -> errno;
}

/// The calling thread's niceness, -20 to 19 (emulator extension).
pub fn proc_priority_get() -> Result<i32, Errno> {
    let mut n = 0;
    // SAFETY: `n` is a writable int.
    check(unsafe { cloudabi_ext_proc_priority_get(&mut n) })?;
    Ok(n)
}

/// Raises the calling thread's niceness, 19 at most; EACCES for less than
/// it has (emulator extension).
pub fn proc_priority_set(nice: i32) -> Result<(), Errno> {
    // SAFETY: a plain value argument.
    check(unsafe { cloudabi_ext_proc_priority_set(nice) })
}

/// Sends `sig` to the process of process descriptor `f`; `None` sends
/// nothing and only checks (emulator extension; a child that has ended
/// takes signals without effect until its descriptor is closed; EINVAL for
/// a descriptor of another type).
pub fn proc_signal(f: fd, sig: Option<signal>) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi_ext_proc_signal(f, sig.map_or(0, |s| s as u8)) })
}

// Emulator extensions for file locks (see emulator/file_lock.rs).
extern "C" {
    fn cloudabi_ext_file_lock(f: fd, cmd: u32, lock: *mut FileLock) -> errno;
    fn cloudabi_ext_file_flock(f: fd, op: u32) -> errno;
}

/// A POSIX record lock: kind `LOCK_UNLOCK`, `LOCK_READ` or `LOCK_WRITE`,
/// its range from `whence` (`len` 0: to the end of the file).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileLock {
    pub kind: u32,
    pub whence: u32,
    pub start: i64,
    pub len: i64,
}

pub const LOCK_UNLOCK: u32 = 0;
pub const LOCK_READ: u32 = 1;
pub const LOCK_WRITE: u32 = 2;

/// How `file_lock` treats a lock.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LockCmd {
    /// Reports the first lock that would conflict (kind `LOCK_UNLOCK`: none).
    Test = 0,
    /// Sets or releases it, failing at once on a conflict.
    Set = 1,
    /// Sets it, waiting while another holds a conflicting one.
    Wait = 2,
}

/// Tests, sets or waits for a record lock (emulator extension; read locks
/// need FD_READ, write locks FD_WRITE).
pub fn file_lock(f: fd, cmd: LockCmd, lock: &mut FileLock) -> Result<(), Errno> {
    // SAFETY: `lock` is a valid, writable lock description.
    check(unsafe { cloudabi_ext_file_lock(f, cmd as u32, lock) })
}

extern "C" {
    fn cloudabi_ext_umask(mask: u32, old: *mut u32) -> errno;
}

/// Sets the file mode creation mask (bits of 0o777 only, else EINVAL);
/// returns the previous one (emulator extension).
pub fn umask(mask: u32) -> Result<u32, Errno> {
    let mut old = 0;
    // SAFETY: `old` is a writable u32.
    check(unsafe { cloudabi_ext_umask(mask, &mut old) })?;
    Ok(old)
}

/// Linux-style `flock` of the whole file (emulator extension).
pub fn file_flock(f: fd, op: u32) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi_ext_file_flock(f, op) })
}

// Emulator extensions for the timer signals (see emulator/signal.rs).
extern "C" {
    fn cloudabi_ext_signal_handler(f: extern "C" fn(signal)) -> errno;
    fn cloudabi_ext_timer_set(sig: signal, value: timestamp, interval: timestamp, old: *mut timestamp) -> errno;
    fn cloudabi_ext_timer_get(sig: signal, out: *mut timestamp) -> errno;
    fn cloudabi_ext_signal_mask(set: u32) -> errno;
    fn cloudabi_ext_signal_ignore(set: u32) -> errno;
    fn cloudabi_ext_thread_signal(t: tid, sig: signal) -> errno;
    fn cloudabi_ext_signal_pending() -> u32;
    fn cloudabi_ext_signal_count() -> u32;
    fn cloudabi_ext_signal_wait(seen: u32) -> errno;
}

/// From now on the timer signals (ALRM, VTALRM) arrive asynchronously:
/// `f` runs on an interrupted thread, and the call it interrupted fails
/// with EINTR (emulator extension).
pub fn signal_handler(f: extern "C" fn(signal)) -> Result<(), Errno> {
    // SAFETY: `f` stays valid for the life of the program.
    check(unsafe { cloudabi_ext_signal_handler(f) })
}

/// A timer setting: time left until it fires and its period (0: none).
#[derive(Copy, Clone, Default)]
pub struct TimerSetting {
    pub value: timestamp,
    pub interval: timestamp,
}

/// Arms (or, with a zero value, disarms) the timer of `sig` (ALRM: real
/// time, VTALRM: user CPU time); returns the previous setting (emulator
/// extension).
pub fn timer_set(sig: signal, new: TimerSetting) -> Result<TimerSetting, Errno> {
    let mut old = [0; 2];
    // SAFETY: `old` has room for the two timestamps written.
    check(unsafe { cloudabi_ext_timer_set(sig, new.value, new.interval, old.as_mut_ptr()) })?;
    Ok(TimerSetting { value: old[0], interval: old[1] })
}

/// The current setting of the timer of `sig` (emulator extension).
pub fn timer_get(sig: signal) -> Result<TimerSetting, Errno> {
    let mut cur = [0; 2];
    // SAFETY: `cur` has room for the two timestamps written.
    check(unsafe { cloudabi_ext_timer_get(sig, cur.as_mut_ptr()) })?;
    Ok(TimerSetting { value: cur[0], interval: cur[1] })
}

/// Makes the calling thread block the signals whose bits (`1 << sig`) are
/// in `set` and take the others (emulator extension).
pub fn signal_mask(set: u32) -> Result<(), Errno> {
    // SAFETY: a plain value argument.
    check(unsafe { cloudabi_ext_signal_mask(set) })
}

/// Sends `sig` to thread `t` of the process, where it arrives as a timer
/// signal does; needs `signal_handler` first (emulator extension).
pub fn thread_signal(t: tid, sig: signal) -> Result<(), Errno> {
    // SAFETY: plain value arguments.
    check(unsafe { cloudabi_ext_thread_signal(t, sig) })
}

/// Makes the signals whose bits (`1 << sig`) are in `set` ignored:
/// discarded on arrival, interrupting nothing (emulator extension).
pub fn signal_ignore(set: u32) -> Result<(), Errno> {
    // SAFETY: a plain value argument.
    check(unsafe { cloudabi_ext_signal_ignore(set) })
}

/// The timer signals (bits `1 << sig`) that arrived while the calling
/// thread blocked them (emulator extension).
pub fn signal_pending() -> u32 {
    // SAFETY: no arguments.
    unsafe { cloudabi_ext_signal_pending() }
}

/// How many timer signals have been handled so far (emulator extension).
pub fn signal_count() -> u32 {
    // SAFETY: no arguments.
    unsafe { cloudabi_ext_signal_count() }
}

/// Sleeps until `signal_count` is no longer `seen`, or a signal interrupts
/// the sleep (emulator extension).
pub fn signal_wait(seen: u32) -> Result<(), Errno> {
    // SAFETY: a plain value argument.
    check(unsafe { cloudabi_ext_signal_wait(seen) })
}

pub fn thread_yield() -> Result<(), Errno> {
    // SAFETY: no arguments.
    check(unsafe { cloudabi::thread_yield() })
}

/// Installs the calling thread's thread pointer (x86_64 `%fs` base). Not one
/// of the 49 calls: a CloudABI kernel sets it up itself, the emulator needs
/// the libc to say where the TLS block is.
///
/// # Safety
/// `tp` must point at a TCB whose first word is its own address, alive as
/// long as the thread runs.
pub unsafe fn set_thread_pointer(tp: *mut u8) {
    // SAFETY: forwarded contract.
    unsafe { crate::emulator::entry::set_thread_pointer(tp) }
}

/// A bound on a blocking wait: a time of `clock`, absolute or relative to now.
#[derive(Copy, Clone)]
pub struct Timeout {
    pub clock: clockid,
    pub time: timestamp,
    pub absolute: bool,
}

/// A lock or condition variable word as the CloudABI calls take it.
fn word<T>(w: &AtomicU32) -> *mut T {
    w.as_ptr().cast()
}

/// The clock subscription that fires at `t`.
fn clock_subscription(t: Timeout) -> subscription {
    subscription {
        userdata: 0,
        unused: 0,
        r#type: cloudabi::eventtype::CLOCK,
        union: cloudabi::subscription_union {
            clock: cloudabi::subscription_clock {
                identifier: 0,
                clock_id: t.clock,
                timeout: t.time,
                precision: 0,
                flags: if t.absolute { cloudabi::subclockflags::ABSTIME } else { cloudabi::subclockflags::empty() },
            },
        },
    }
}

/// An event for `poll` to overwrite.
fn blank_event() -> event {
    event {
        userdata: 0,
        error: errno::SUCCESS,
        r#type: cloudabi::eventtype::CLOCK,
        union: cloudabi::event_union {
            fd_readwrite: cloudabi::event_fd_readwrite {
                nbytes: 0,
                unused: [0; 4],
                flags: cloudabi::eventrwflags::empty(),
            },
        },
    }
}

/// Polls for one lock or condition variable event, optionally bounded by
/// `timeout`; `Ok(false)` when the timeout fired first.
fn poll_sync(first: subscription, timeout: Option<Timeout>) -> Result<bool, Errno> {
    let subs = [first, timeout.map_or(first, clock_subscription)];
    let n = if timeout.is_some() { 2 } else { 1 };
    let mut out = [blank_event(), blank_event()];
    if poll(&subs[..n], &mut out[..n])? == 0 {
        return Err(errno::IO);
    }
    check(out[0].error)?;
    Ok(out[0].r#type != cloudabi::eventtype::CLOCK)
}

/// Acquires a userspace lock for reading or writing, sleeping in the
/// kernel (a `poll` on LOCK_RDLOCK or LOCK_WRLOCK); `Ok(false)` when the
/// timeout passed first.
pub fn lock_wait(l: &AtomicU32, write: bool, s: scope, timeout: Option<Timeout>) -> Result<bool, Errno> {
    poll_sync(
        subscription {
            userdata: 0,
            unused: 0,
            r#type: if write { cloudabi::eventtype::LOCK_WRLOCK } else { cloudabi::eventtype::LOCK_RDLOCK },
            union: cloudabi::subscription_union { lock: cloudabi::subscription_lock { lock: word(l), lock_scope: s } },
        },
        timeout,
    )
}

/// Releases `l` (write-locked by the caller), waits for `cv` to be
/// signalled and re-acquires `l` for writing, also when the timeout
/// passes first, which gives `Ok(false)` (a `poll` on CONDVAR).
pub fn condvar_wait(
    cv: &AtomicU32,
    cs: scope,
    l: &AtomicU32,
    ls: scope,
    timeout: Option<Timeout>,
) -> Result<bool, Errno> {
    poll_sync(
        subscription {
            userdata: 0,
            unused: 0,
            r#type: cloudabi::eventtype::CONDVAR,
            union: cloudabi::subscription_union {
                condvar: cloudabi::subscription_condvar {
                    condvar: word(cv),
                    lock: word(l),
                    condvar_scope: cs,
                    lock_scope: ls,
                },
            },
        },
        timeout,
    )
}

/// Unlocks a lock write-locked by the caller that has sleepers
/// (`LOCK_KERNEL_MANAGED` set), waking them.
pub fn lock_unlock(l: &AtomicU32, s: scope) -> Result<(), Errno> {
    // SAFETY: `l` is a live lock word.
    check(unsafe { cloudabi::lock_unlock(word(l), s) })
}

/// Wakes up to `n` threads waiting on a condition variable whose word is
/// non-zero.
pub fn condvar_signal(cv: &AtomicU32, s: scope, n: u32) -> Result<(), Errno> {
    // SAFETY: `cv` is a live condition variable word.
    check(unsafe { cloudabi::condvar_signal(word(cv), s, n) })
}

/// Starts a thread running `attr.entry_point(tid, attr.argument)` on the
/// stack `attr.stack`; returns its thread id.
///
/// # Safety
/// The stack must be memory reserved for the thread for as long as it
/// runs, and the entry point must never return (it ends with `thread_exit`).
pub unsafe fn thread_create(attr: &mut cloudabi::threadattr) -> Result<cloudabi::tid, Errno> {
    let mut t = cloudabi::tid(0);
    // SAFETY: forwarded contract.
    check(unsafe { cloudabi::thread_create(attr, &mut t) })?;
    Ok(t)
}

/// Ends the calling thread; once it is gone, `l` (write-locked by it) is
/// unlocked, so a thread waiting for the lock may free its stack.
///
/// # Safety
/// Nothing may run on this thread afterwards; `l` must outlive the thread.
pub unsafe fn thread_exit(l: &AtomicU32, s: scope) -> ! {
    // SAFETY: forwarded contract.
    unsafe { cloudabi::thread_exit(word(l), s) }
}

/// Sleeps until `t` (a `poll` on one clock subscription).
pub fn clock_sleep(t: Timeout) -> Result<(), Errno> {
    let mut out = [blank_event()];
    poll(&[clock_subscription(t)], &mut out)?;
    check(out[0].error)
}
