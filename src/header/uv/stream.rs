//! uv_stream_t, the base of TCP, pipe and TTY handles: uv_read_start,
//! uv_read_stop, uv_write, uv_write2, uv_try_write, uv_shutdown,
//! uv_accept, uv_is_readable, uv_is_writable, uv_stream_set_blocking.
//!
//! A stream owns a descriptor, normally non-blocking. Writes are queued
//! and written as the descriptor accepts them; their callbacks run in the
//! next pending phase. An IPC pipe passes descriptors with its data
//! (CloudABI `sock_send`/`sock_recv`, which carry them like SCM_RIGHTS):
//! uv_write2 sends a handle's descriptor, and received ones wait for
//! uv_accept. A descriptor that cannot be made non-blocking (its rights do
//! not allow it, or a TTY, which libuv also leaves blocking) is read once
//! per readiness and written synchronously.

use super::errors::{check, err, UV_EAGAIN, UV_EBADF, UV_EBUSY, UV_ECANCELED, UV_EINVAL, UV_ENOBUFS, UV_ENOMEM, UV_ENOTCONN, UV_EOF, UV_EPIPE};
use super::handle::{self, uv_handle_t};
use super::io::{self, IoWatcher, READ, WRITE};
use super::queue::{container_of, Link};
use super::r#loop::uv_loop_t;
use super::req::{self, uv_req_t};
use super::*;
use crate::abi::{c_int, size_t, ssize_t};
use crate::errno::Errno;
use crate::sys::{self, fd, rights, sdflags};
use cloudabi::{ciovec, errno, iovec, recv_in, riflags, send_in, siflags};
use core::ptr::{addr_of_mut, null, null_mut};

pub type uv_alloc_cb = Option<unsafe extern "C" fn(*mut uv_handle_t, size_t, *mut uv_buf_t)>;
pub type uv_read_cb = Option<unsafe extern "C" fn(*mut uv_stream_t, ssize_t, *const uv_buf_t)>;
pub type uv_write_cb = Option<unsafe extern "C" fn(*mut uv_write_t, c_int)>;
pub type uv_shutdown_cb = Option<unsafe extern "C" fn(*mut uv_shutdown_t, c_int)>;
pub type uv_connect_cb = Option<unsafe extern "C" fn(*mut uv_connect_t, c_int)>;
pub type uv_connection_cb = Option<unsafe extern "C" fn(*mut uv_stream_t, c_int)>;

pub const READABLE: u32 = 0x1;
pub const WRITABLE: u32 = 0x2;
const READING: u32 = 0x4;
const LISTENING: u32 = 0x8;
const SHUTTING: u32 = 0x10;
const SHUT: u32 = 0x20;
const EOF: u32 = 0x40;
/// Descriptors travel with the data (an IPC pipe).
pub const IPC: u32 = 0x80;
/// The descriptor stays blocking (see the module documentation).
pub const BLOCKING: u32 = 0x100;

/// How much a read asks the allocation callback for, as libuv does.
const READ_SIZE: usize = 64 * 1024;
/// Reads per readiness, so one busy stream cannot starve the loop.
const READS_PER_EVENT: usize = 32;
/// Descriptors one receive can take.
const FDS_PER_RECV: usize = 8;
/// Buffers one write system call takes.
const IOVS: usize = 16;

/// What every stream keeps privately (`__stream_private[15]` in C).
#[repr(C)]
pub struct StreamCore {
    pub io: IoWatcher,
    pub flags: u32,
    /// A connection accepted by a listening stream, waiting for uv_accept.
    accepted_fd: c_int,
    alloc_cb: uv_alloc_cb,
    read_cb: uv_read_cb,
    connection_cb: uv_connection_cb,
    write_queue: Link,
    shutdown_req: *mut uv_shutdown_t,
    connect_req: *mut uv_connect_t,
    /// Descriptors received on an IPC pipe, oldest first.
    fds: *mut c_int,
    fds_len: u32,
    fds_cap: u32,
}

/// libuv `uv_stream_t`.
#[repr(C)]
pub struct uv_stream_t {
    pub handle: uv_handle_t,
    pub write_queue_size: size_t,
    pub s: StreamCore,
}

const _: () = assert!(core::mem::size_of::<StreamCore>() == 15 * 8);

/// A copy of the buffers of a write or send, and how far it got.
#[repr(C)]
pub struct BufList {
    bufs: *mut uv_buf_t,
    n: u32,
    index: u32,
    offset: usize,
    /// Room for a few buffers, so short lists need no allocation.
    inline: [uv_buf_t; 4],
}

impl BufList {
    pub const EMPTY: BufList = BufList { bufs: null_mut(), n: 0, index: 0, offset: 0, inline: [uv_buf_t::EMPTY; 4] };

    /// Copies `n` buffers from `bufs`, in place.
    ///
    /// # Safety
    /// `this` is writable and stays put while the list is used; `bufs`
    /// holds `n` buffers.
    pub unsafe fn init(this: *mut BufList, bufs: *const uv_buf_t, n: u32) -> Result<(), c_int> {
        // SAFETY: the caller's contract.
        unsafe {
            (*this).n = n;
            (*this).index = 0;
            (*this).offset = 0;
            (*this).bufs = if n as usize <= (*this).inline.len() {
                addr_of_mut!((*this).inline).cast()
            } else {
                let p = alloc::alloc(n as usize * core::mem::size_of::<uv_buf_t>()).cast::<uv_buf_t>();
                if p.is_null() {
                    return Err(UV_ENOMEM);
                }
                p
            };
            core::ptr::copy_nonoverlapping(bufs, (*this).bufs, n as usize);
        }
        Ok(())
    }

    /// Every buffer.
    pub fn all(&self) -> &[uv_buf_t] {
        if self.n == 0 {
            return &[];
        }
        // SAFETY: `bufs` holds `n` buffers.
        unsafe { core::slice::from_raw_parts(self.bufs, self.n as usize) }
    }

    /// The buffers not yet (fully) written.
    fn rest(&self) -> &[uv_buf_t] {
        &self.all()[self.index as usize..]
    }

    /// Bytes not yet written.
    pub fn remaining(&self) -> usize {
        self.rest().iter().map(|b| b.len).sum::<usize>() - self.offset
    }

    /// Fills `out` with what is left to write; returns how many are used.
    pub fn iovecs(&self, out: &mut [ciovec; IOVS]) -> usize {
        let mut k = 0;
        for (i, b) in self.rest().iter().enumerate().take(IOVS) {
            let skip = if i == 0 { self.offset } else { 0 };
            // SAFETY: the program's buffer is readable for its length.
            out[k] = ciovec { buf: (unsafe { b.base.add(skip) }.cast(), b.len - skip) };
            k += 1;
        }
        k
    }

    /// Marks `n` more bytes as written.
    pub fn advance(&mut self, mut n: usize) {
        while self.index < self.n {
            // SAFETY: `index < n`.
            let len = unsafe { (*self.bufs.add(self.index as usize)).len };
            let left = len - self.offset;
            if n < left {
                self.offset += n;
                return;
            }
            n -= left;
            self.offset = 0;
            self.index += 1;
        }
    }

    /// Frees an allocated copy.
    pub fn free(&mut self) {
        if self.bufs != self.inline.as_mut_ptr() {
            // SAFETY: a copy that is not inline came from the uv allocator.
            unsafe { alloc::release(self.bufs) };
        }
        self.bufs = self.inline.as_mut_ptr();
        self.n = 0;
        self.index = 0;
    }
}

#[repr(C)]
struct WriteCore {
    bufs: BufList,
    status: c_int,
    /// Has `send_handle`'s descriptor gone out?
    sent_fd: u32,
}

/// libuv `uv_write_t`.
#[repr(C)]
pub struct uv_write_t {
    pub req: uv_req_t,
    pub cb: uv_write_cb,
    pub send_handle: *mut uv_stream_t,
    pub handle: *mut uv_stream_t,
    w: WriteCore,
}

const _: () = assert!(core::mem::size_of::<WriteCore>() == 12 * 8);

/// libuv `uv_shutdown_t`.
#[repr(C)]
pub struct uv_shutdown_t {
    pub req: uv_req_t,
    pub handle: *mut uv_stream_t,
    pub cb: uv_shutdown_cb,
    status: c_int,
    _pad: u32,
}

/// libuv `uv_connect_t`.
#[repr(C)]
pub struct uv_connect_t {
    pub req: uv_req_t,
    pub cb: uv_connect_cb,
    pub handle: *mut uv_stream_t,
    status: c_int,
    _pad: u32,
}

/// Makes `s` a stream handle of type `ty` with no descriptor.
///
/// # Safety
/// `l` is a loop and `s` memory for a stream of type `ty` (libuv contract).
pub unsafe fn init(l: *mut uv_loop_t, s: *mut uv_stream_t, ty: c_int) {
    // SAFETY: the caller's contract; the list head is set up in place.
    unsafe {
        handle::init(l, s.cast(), ty);
        (*s).write_queue_size = 0;
        addr_of_mut!((*s).s).write(StreamCore {
            io: IoWatcher::new(s.cast()),
            flags: 0,
            accepted_fd: -1,
            alloc_cb: None,
            read_cb: None,
            connection_cb: None,
            write_queue: Link::UNLINKED,
            shutdown_req: null_mut(),
            connect_req: null_mut(),
            fds: null_mut(),
            fds_len: 0,
            fds_cap: 0,
        });
        Link::init(&mut (*s).s.write_queue);
    }
}

/// The stream flags a descriptor's rights allow.
pub fn access_of(f: c_int) -> Result<u32, c_int> {
    let st = sys::to_fd(f).and_then(sys::fd_stat_get).map_err(err)?;
    let mut flags = 0;
    if st.fs_rights_base.contains(rights::FD_READ) {
        flags |= READABLE;
    }
    if st.fs_rights_base.contains(rights::FD_WRITE) {
        flags |= WRITABLE;
    }
    Ok(flags)
}

/// Gives `s` the descriptor `f` with `flags` (READABLE, WRITABLE,
/// BLOCKING); unless BLOCKING, makes it non-blocking where it may.
///
/// # Safety
/// `s` is an initialised stream.
pub unsafe fn open(s: *mut uv_stream_t, f: c_int, mut flags: u32) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        if (*s).s.io.fd != -1 && (*s).s.io.fd != f {
            return UV_EBUSY;
        }
        if flags & BLOCKING == 0 {
            match io::set_nonblocking(f, true) {
                Ok(()) => {}
                Err(errno::NOTCAPABLE) => flags |= BLOCKING,
                Err(e) => return err(e),
            }
        }
        (*s).s.io.fd = f;
        (*s).s.flags |= flags;
    }
    0
}

/// Recomputes what the descriptor waits for and whether the handle is
/// active, after any change of state.
///
/// # Safety
/// `s` is an initialised stream.
unsafe fn refresh(s: *mut uv_stream_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let c = &mut (*s).s;
        let mut events = 0;
        if !handle::closing(s.cast()) {
            if c.flags & READING != 0 || (c.flags & LISTENING != 0 && c.accepted_fd < 0) {
                events |= READ;
            }
            if !Link::is_empty(&c.write_queue) {
                events |= WRITE;
            }
        }
        io::watch((*s).handle.r#loop, &mut c.io, events);
        let busy = c.flags & (READING | LISTENING) != 0
            || !Link::is_empty(&c.write_queue)
            || !c.shutdown_req.is_null()
            || !c.connect_req.is_null();
        if busy && !handle::closing(s.cast()) {
            handle::start(s.cast());
        } else {
            handle::stop(s.cast());
        }
    }
}

/// The stream's descriptor (-1 if none).
///
/// # Safety
/// `s` is an initialised stream.
pub unsafe fn descriptor(s: *const uv_stream_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe { (*s).s.io.fd }
}

/// libuv `uv_read_start`: `read_cb` gets the data, 0 for "nothing now",
/// `UV_EOF` at the end or another error.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_read_start(s: *mut uv_stream_t, alloc_cb: uv_alloc_cb, read_cb: uv_read_cb) -> c_int {
    // SAFETY: `s` is an initialised stream (libuv contract).
    unsafe {
        if alloc_cb.is_none() || read_cb.is_none() || handle::closing(s.cast()) {
            return UV_EINVAL;
        }
        if (*s).s.flags & READABLE == 0 {
            return UV_ENOTCONN;
        }
        (*s).s.alloc_cb = alloc_cb;
        (*s).s.read_cb = read_cb;
        (*s).s.flags |= READING;
        refresh(s);
    }
    0
}

/// libuv `uv_read_stop`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_read_stop(s: *mut uv_stream_t) -> c_int {
    // SAFETY: `s` is an initialised stream (libuv contract).
    unsafe {
        if (*s).s.flags & READING != 0 {
            (*s).s.flags &= !READING;
            refresh(s);
        }
    }
    0
}

/// libuv `uv_is_readable`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_is_readable(s: *const uv_stream_t) -> c_int {
    // SAFETY: `s` is an initialised stream (libuv contract).
    c_int::from(unsafe { (*s).s.flags } & READABLE != 0)
}

/// libuv `uv_is_writable`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_is_writable(s: *const uv_stream_t) -> c_int {
    // SAFETY: `s` is an initialised stream (libuv contract).
    c_int::from(unsafe { (*s).s.flags } & WRITABLE != 0)
}

/// libuv `uv_stream_set_blocking`: with blocking on, writes complete
/// within uv_write.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_stream_set_blocking(s: *mut uv_stream_t, blocking: c_int) -> c_int {
    // SAFETY: `s` is an initialised stream (libuv contract).
    unsafe {
        if let Err(e) = io::set_nonblocking((*s).s.io.fd, blocking == 0) {
            return err(e);
        }
        if blocking != 0 {
            (*s).s.flags |= BLOCKING;
        } else {
            (*s).s.flags &= !BLOCKING;
        }
    }
    0
}

/// Writes as much of `w` as the descriptor takes now.
///
/// # Safety
/// `s` is an open stream and `w` its first queued write.
unsafe fn write_some(s: *mut uv_stream_t, w: *mut uv_write_t) -> Result<usize, Errno> {
    // SAFETY: the caller's contract; the iovecs describe the program's
    // buffers, which stay valid until the write's callback.
    unsafe {
        let f = fd((*s).s.io.fd as u32);
        let mut iovs = [ciovec { buf: (null(), 0) }; IOVS];
        let n = (*w).w.bufs.iovecs(&mut iovs);
        let send = (*w).send_handle;
        if !send.is_null() && (*w).w.sent_fd == 0 {
            let passed = [fd((*send).s.io.fd as u32)];
            let si = send_in { si_data: (iovs.as_ptr(), n), si_fds: (passed.as_ptr(), 1), si_flags: siflags::empty() };
            let sent = sys::sock_send(f, &si)?;
            (*w).w.sent_fd = 1;
            return Ok(sent);
        }
        sys::fd_writev(f, &iovs[..n])
    }
}

/// Moves a finished write to the pending phase.
///
/// # Safety
/// `w` is queued on `s`.
unsafe fn finish_write(s: *mut uv_stream_t, w: *mut uv_write_t, status: c_int) {
    // SAFETY: the caller's contract.
    unsafe {
        Link::remove(&mut (*w).req.r.link);
        (*s).write_queue_size -= (*w).w.bufs.remaining();
        (*w).w.bufs.free();
        (*w).w.status = status;
        req::defer((*s).handle.r#loop, w.cast());
    }
}

/// Writes queued data until the descriptor is full or the queue empty;
/// then starts a pending shutdown.
///
/// # Safety
/// `s` is an initialised stream.
unsafe fn flush(s: *mut uv_stream_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let head = addr_of_mut!((*s).s.write_queue);
        while let Some(link) = Link::first(head) {
            let w = container_of!(link, uv_write_t, req.r.link);
            if (*w).w.bufs.remaining() == 0 && ((*w).send_handle.is_null() || (*w).w.sent_fd != 0) {
                finish_write(s, w, 0);
                continue;
            }
            match write_some(s, w) {
                Ok(n) => {
                    (*w).w.bufs.advance(n);
                    (*s).write_queue_size -= n;
                }
                Err(errno::AGAIN) => break,
                Err(e) => finish_write(s, w, err(e)),
            }
        }
        if Link::is_empty(head) && !(*s).s.shutdown_req.is_null() {
            do_shutdown(s);
        }
        refresh(s);
    }
}

/// libuv `uv_write2`: queues `bufs` for writing; on an IPC pipe,
/// `send_handle`'s descriptor goes with the first byte.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_write2(
    w: *mut uv_write_t,
    s: *mut uv_stream_t,
    bufs: *const uv_buf_t,
    nbufs: u32,
    send_handle: *mut uv_stream_t,
    cb: uv_write_cb,
) -> c_int {
    // SAFETY: `s` is an initialised stream, `bufs` holds `nbufs` buffers
    // and `w` is memory for a request that stays valid until `cb` (libuv
    // contract).
    unsafe {
        if (*s).s.io.fd < 0 {
            return UV_EBADF;
        }
        if (*s).s.flags & WRITABLE == 0 {
            return UV_EPIPE;
        }
        if !send_handle.is_null() {
            let total: usize = core::slice::from_raw_parts(bufs, nbufs as usize).iter().map(|b| b.len).sum();
            if (*s).s.flags & IPC == 0 || total == 0 || (*send_handle).s.io.fd < 0 {
                return UV_EINVAL;
            }
        }
        req::init(w.cast(), UV_WRITE);
        (*w).cb = cb;
        (*w).send_handle = send_handle;
        (*w).handle = s;
        (*w).w.status = 0;
        (*w).w.sent_fd = 0;
        if let Err(e) = BufList::init(addr_of_mut!((*w).w.bufs), bufs, nbufs) {
            return e;
        }
        req::register((*s).handle.r#loop);
        (*s).write_queue_size += (*w).w.bufs.remaining();
        let head = addr_of_mut!((*s).s.write_queue);
        let was_empty = Link::is_empty(head);
        Link::push_back(head, &mut (*w).req.r.link);
        if was_empty {
            flush(s);
        } else {
            refresh(s);
        }
    }
    0
}

/// libuv `uv_write`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_write(w: *mut uv_write_t, s: *mut uv_stream_t, bufs: *const uv_buf_t, nbufs: u32, cb: uv_write_cb) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { uv_write2(w, s, bufs, nbufs, null_mut(), cb) }
}

/// Runs a finished write's callback (pending phase).
///
/// # Safety
/// `w` was deferred by `finish_write`.
pub unsafe fn write_done(w: *mut uv_write_t) {
    // SAFETY: the caller's contract.
    unsafe {
        req::unregister((*(*w).handle).handle.r#loop);
        if let Some(cb) = (*w).cb {
            cb(w, (*w).w.status);
        }
    }
}

/// libuv `uv_try_write`: writes what the descriptor takes now, without
/// queueing; `UV_EAGAIN` if nothing could be written or writes are queued.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_try_write(s: *mut uv_stream_t, bufs: *const uv_buf_t, nbufs: u32) -> c_int {
    // SAFETY: `s` is an initialised stream and `bufs` holds `nbufs`
    // buffers (libuv contract).
    unsafe {
        if !Link::is_empty(&(*s).s.write_queue) || !(*s).s.connect_req.is_null() {
            return UV_EAGAIN;
        }
        if (*s).s.io.fd < 0 {
            return UV_EBADF;
        }
        let f = fd((*s).s.io.fd as u32);
        let mut written = 0;
        for chunk in core::slice::from_raw_parts(bufs, nbufs as usize).chunks(IOVS) {
            let mut iovs = [ciovec { buf: (null(), 0) }; IOVS];
            for (iov, b) in iovs.iter_mut().zip(chunk) {
                *iov = ciovec { buf: (b.base.cast(), b.len) };
            }
            let want: usize = chunk.iter().map(|b| b.len).sum();
            match sys::fd_writev(f, &iovs[..chunk.len()]) {
                Ok(k) => {
                    written += k;
                    if k < want {
                        break;
                    }
                }
                Err(errno::AGAIN) => break,
                Err(e) if written == 0 => return err(e),
                Err(_) => break,
            }
        }
        if written == 0 {
            UV_EAGAIN
        } else {
            written.min(c_int::MAX as usize) as c_int
        }
    }
}

/// Shuts the write side down now and defers the callback.
///
/// # Safety
/// `s` has a shutdown request and an empty write queue.
unsafe fn do_shutdown(s: *mut uv_stream_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let r = (*s).s.shutdown_req;
        (*s).s.shutdown_req = null_mut();
        (*s).s.flags = ((*s).s.flags & !SHUTTING) | SHUT;
        (*r).status = match sys::sock_shutdown(fd((*s).s.io.fd as u32), sdflags::WR) {
            Ok(()) => 0,
            Err(e) => err(e),
        };
        req::defer((*s).handle.r#loop, r.cast());
    }
}

/// libuv `uv_shutdown`: ends the write side once queued writes are done.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_shutdown(r: *mut uv_shutdown_t, s: *mut uv_stream_t, cb: uv_shutdown_cb) -> c_int {
    // SAFETY: `s` is an initialised stream and `r` memory for a request
    // that stays valid until `cb` (libuv contract).
    unsafe {
        let c = &mut (*s).s;
        if c.io.fd < 0 || c.flags & WRITABLE == 0 || c.flags & (SHUTTING | SHUT) != 0 || handle::closing(s.cast()) {
            return UV_ENOTCONN;
        }
        req::init(r.cast(), UV_SHUTDOWN);
        (*r).handle = s;
        (*r).cb = cb;
        (*r).status = 0;
        req::register((*s).handle.r#loop);
        c.shutdown_req = r;
        c.flags = (c.flags & !WRITABLE) | SHUTTING;
        flush(s);
    }
    0
}

/// Runs a shutdown's callback (pending phase).
///
/// # Safety
/// `r` was deferred by `do_shutdown` or `destroy`.
pub unsafe fn shutdown_done(r: *mut uv_shutdown_t) {
    // SAFETY: the caller's contract.
    unsafe {
        req::unregister((*(*r).handle).handle.r#loop);
        if let Some(cb) = (*r).cb {
            cb(r, (*r).status);
        }
    }
}

/// Starts a connect request that fails with `status`, reported from the
/// next pending phase (how uv_pipe_connect reports every failure).
///
/// # Safety
/// `s` is an initialised stream; `r` stays valid until `cb`.
pub unsafe fn fail_connect(r: *mut uv_connect_t, s: *mut uv_stream_t, cb: uv_connect_cb, status: c_int) {
    // SAFETY: the caller's contract.
    unsafe {
        req::init(r.cast(), UV_CONNECT);
        (*r).cb = cb;
        (*r).handle = s;
        (*r).status = status;
        req::register((*s).handle.r#loop);
        req::defer((*s).handle.r#loop, r.cast());
    }
}

/// Runs a connect's callback (pending phase).
///
/// # Safety
/// `r` was deferred by `fail_connect`.
pub unsafe fn connect_done(r: *mut uv_connect_t) {
    // SAFETY: the caller's contract.
    unsafe {
        req::unregister((*(*r).handle).handle.r#loop);
        if let Some(cb) = (*r).cb {
            cb(r, (*r).status);
        }
    }
}

/// Keeps descriptors that arrived on an IPC pipe for uv_accept; closes
/// them if there is no memory to keep them.
///
/// # Safety
/// `s` is an initialised stream.
unsafe fn keep_fds(s: *mut uv_stream_t, fds: &[fd]) {
    // SAFETY: the caller's contract; `fds` has room for `fds_cap` entries.
    unsafe {
        let c = &mut (*s).s;
        for &f in fds {
            if c.fds_len == c.fds_cap {
                let cap = (c.fds_cap * 2).max(4);
                let p = alloc::resize(c.fds.cast(), cap as usize * core::mem::size_of::<c_int>());
                if p.is_null() {
                    let _ = sys::fd_close(f);
                    continue;
                }
                c.fds = p.cast();
                c.fds_cap = cap;
            }
            *c.fds.add(c.fds_len as usize) = f.0 as c_int;
            c.fds_len += 1;
        }
    }
}

/// Removes the oldest received descriptor.
///
/// # Safety
/// `s` is an initialised stream.
unsafe fn take_fd(s: *mut uv_stream_t) -> Option<c_int> {
    // SAFETY: the caller's contract; entries below `fds_len` are valid.
    unsafe {
        let c = &mut (*s).s;
        if c.fds_len == 0 {
            return None;
        }
        let f = *c.fds;
        core::ptr::copy(c.fds.add(1), c.fds, c.fds_len as usize - 1);
        c.fds_len -= 1;
        Some(f)
    }
}

/// Received descriptors waiting for uv_accept, and the first of them.
///
/// # Safety
/// `s` is an initialised stream.
pub unsafe fn pending_fds(s: *const uv_stream_t) -> (u32, Option<c_int>) {
    // SAFETY: the caller's contract.
    unsafe {
        let c = &(*s).s;
        (c.fds_len, (c.fds_len > 0).then(|| *c.fds))
    }
}

/// One read into `buf`: data, and on IPC pipes descriptors too.
///
/// # Safety
/// `s` is an open stream; `buf` is writable for its length.
unsafe fn read_once(s: *mut uv_stream_t, buf: &uv_buf_t) -> Result<usize, Errno> {
    // SAFETY: the caller's contract.
    unsafe {
        let f = fd((*s).s.io.fd as u32);
        let iov = iovec { buf: (buf.base.cast(), buf.len) };
        if (*s).s.flags & IPC == 0 {
            return sys::fd_readv(f, core::slice::from_ref(&iov));
        }
        let mut fds = [fd(0); FDS_PER_RECV];
        let ri = recv_in { ri_data: (&iov, 1), ri_fds: (fds.as_mut_ptr(), fds.len()), ri_flags: riflags::empty() };
        let ro = sys::sock_recv(f, &ri)?;
        keep_fds(s, &fds[..ro.ro_fdslen]);
        Ok(ro.ro_datalen)
    }
}

/// Reads what is there and hands it to the read callback.
///
/// # Safety
/// `s` is a reading stream.
unsafe fn read(s: *mut uv_stream_t) {
    // SAFETY: the caller's contract; after every callback the state is
    // checked again, since it may have stopped or closed the stream.
    unsafe {
        let rounds = if (*s).s.flags & BLOCKING != 0 { 1 } else { READS_PER_EVENT };
        for _ in 0..rounds {
            if (*s).s.flags & READING == 0 || handle::closing(s.cast()) {
                return;
            }
            let (Some(alloc_cb), Some(read_cb)) = ((*s).s.alloc_cb, (*s).s.read_cb) else { return };
            let mut buf = uv_buf_t::EMPTY;
            alloc_cb(s.cast(), READ_SIZE, &mut buf);
            if buf.base.is_null() || buf.len == 0 {
                read_cb(s, UV_ENOBUFS as ssize_t, &buf);
                return;
            }
            match read_once(s, &buf) {
                Ok(0) => {
                    (*s).s.flags = ((*s).s.flags & !READING) | EOF;
                    refresh(s);
                    read_cb(s, UV_EOF as ssize_t, &buf);
                    return;
                }
                Ok(n) => {
                    read_cb(s, n as ssize_t, &buf);
                    if n < buf.len {
                        return;
                    }
                }
                Err(errno::AGAIN) => {
                    read_cb(s, 0, &buf);
                    return;
                }
                Err(e) => {
                    (*s).s.flags &= !READING;
                    refresh(s);
                    read_cb(s, err(e) as ssize_t, &buf);
                    return;
                }
            }
        }
    }
}

/// The descriptor is ready (or the wait reported an error for it, which
/// the next read or write reports in turn).
///
/// # Safety
/// `s` is an open stream of a running loop.
pub unsafe fn ready(s: *mut uv_stream_t, ready: u32, error: u32) {
    // SAFETY: the caller's contract.
    unsafe {
        if ready & READ != 0 || error != 0 {
            if (*s).s.flags & LISTENING != 0 {
                accept_ready(s);
            } else {
                read(s);
            }
        }
        if (ready & WRITE != 0 || error != 0) && !handle::closing(s.cast()) && !Link::is_empty(&(*s).s.write_queue) {
            flush(s);
        }
    }
}

/// libuv `uv_listen` (compat): takes connections on a socket the program
/// was given already listening (the backlog stays the launcher's); `cb`
/// runs for each, which uv_accept then takes. Sockets that do not listen:
/// `UV_EINVAL` (datagram sockets `UV_ENOTSUP`), as listen() says.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_listen(s: *mut uv_stream_t, backlog: c_int, cb: uv_connection_cb) -> c_int {
    // SAFETY: `s` is an initialised stream (libuv contract).
    unsafe {
        let f = (*s).s.io.fd;
        if f < 0 || handle::closing(s.cast()) || !matches!((*s).handle.r#type, UV_TCP | UV_NAMED_PIPE) {
            return UV_EINVAL;
        }
        let r = check(crate::compat::socket::listen(f, backlog) as isize);
        if r != 0 {
            return r as c_int;
        }
        (*s).s.connection_cb = cb;
        (*s).s.flags |= LISTENING;
        refresh(s);
    }
    0
}

/// Takes connections from a listening stream's socket while the program
/// keeps accepting them.
///
/// # Safety
/// `s` is a listening stream.
unsafe fn accept_ready(s: *mut uv_stream_t) {
    // SAFETY: the caller's contract; after every callback the state is
    // checked again, since it may have closed the stream.
    unsafe {
        while (*s).s.flags & LISTENING != 0 && !handle::closing(s.cast()) && (*s).s.accepted_fd < 0 {
            let Some(cb) = (*s).s.connection_cb else { return };
            match sys::sock_accept(fd((*s).s.io.fd as u32)) {
                Ok(conn) => {
                    (*s).s.accepted_fd = conn.0 as c_int;
                    cb(s, 0);
                }
                Err(errno::AGAIN) => break,
                Err(e) => {
                    cb(s, err(e));
                    break;
                }
            }
        }
        refresh(s);
    }
}

/// libuv `uv_accept`: gives `client` the next descriptor received on an
/// IPC pipe, or the connection a listening stream took; `UV_EAGAIN` if
/// there is none.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_accept(server: *mut uv_stream_t, client: *mut uv_stream_t) -> c_int {
    // SAFETY: both are initialised handles (libuv contract).
    unsafe {
        let f = match take_fd(server) {
            Some(f) => f,
            None if (*server).s.accepted_fd >= 0 => {
                let f = (*server).s.accepted_fd;
                (*server).s.accepted_fd = -1;
                refresh(server);
                f
            }
            None => return UV_EAGAIN,
        };
        let r = match (*client).handle.r#type {
            UV_UDP => udp::uv_udp_open(client.cast(), f),
            UV_TCP | UV_NAMED_PIPE => match access_of(f) {
                Ok(flags) => open(client, f, flags),
                Err(e) => e,
            },
            _ => UV_EINVAL,
        };
        if r != 0 {
            let _ = sys::fd_close(fd(f as u32));
        }
        r
    }
}

/// Closes `f` unless it is a standard descriptor, which libuv never
/// closes either.
fn close_fd(f: c_int) {
    if f > 2 {
        let _ = sys::fd_close(fd(f as u32));
    }
}

/// Stops a stream being closed and closes its descriptors.
///
/// # Safety
/// `s` is an initialised stream, just marked closing.
pub unsafe fn close(s: *mut uv_stream_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let c = &mut (*s).s;
        c.flags &= !(READING | LISTENING);
        io::watch((*s).handle.r#loop, &mut c.io, 0);
        handle::stop(s.cast());
        close_fd(c.io.fd);
        c.io.fd = -1;
        if c.accepted_fd >= 0 {
            close_fd(c.accepted_fd);
            c.accepted_fd = -1;
        }
        while let Some(f) = take_fd(s) {
            close_fd(f);
        }
        alloc::release((*s).s.fds);
        (*s).s.fds = null_mut();
        (*s).s.fds_cap = 0;
    }
}

/// Before a stream's close callback: its queued writes and its shutdown
/// fail with `UV_ECANCELED`, and every callback it still owes runs now.
///
/// # Safety
/// `s` is a closed stream.
pub unsafe fn destroy(s: *mut uv_stream_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let head = addr_of_mut!((*s).s.write_queue);
        while let Some(link) = Link::first(head) {
            finish_write(s, container_of!(link, uv_write_t, req.r.link), UV_ECANCELED);
        }
        let r = (*s).s.shutdown_req;
        if !r.is_null() {
            (*s).s.shutdown_req = null_mut();
            (*r).status = UV_ECANCELED;
            req::defer((*s).handle.r#loop, r.cast());
        }
        (*s).write_queue_size = 0;
        req::run_pending_of(s.cast());
    }
}
