//! Waiting for descriptors: the loop's poll phase, the descriptor
//! watchers that poll, stream and UDP handles embed, and the loop's wake-up
//! socket pair.
//!
//! Each iteration subscribes, in one CloudABI `poll` call, to: the read end
//! of the wake-up pair, every watcher's descriptor for reading and/or
//! writing, and (unless the wait is unbounded) the monotonic clock for the
//! timeout. Another thread (uv_async_send, finished work) or a signal
//! handler ends the wait by writing a byte to the pair.

use super::errors::err;
use super::handle::uv_handle_t;
use super::queue::{container_of, Link};
use super::r#loop::uv_loop_t;
use super::*;
use crate::abi::c_int;
use crate::errno::Errno;
use crate::sys::{self, clockid, event, eventtype, fd, fdflags, fdsflags, filetype};
use cloudabi::{errno, eventrwflags, subclockflags, subrwflags, subscription, subscription_clock, subscription_fd_readwrite, subscription_union};
use core::mem::size_of;
use core::ptr::{addr_of_mut, null_mut};

/// Interest and readiness bits.
pub const READ: u32 = 0x1;
pub const WRITE: u32 = 0x2;
/// The peer hung up (with READ).
pub const HANGUP: u32 = 0x4;

/// A descriptor and what its handle waits for on it.
#[repr(C)]
pub struct IoWatcher {
    /// In the loop's `watchers` list while `events` is not empty.
    link: Link,
    pub fd: c_int,
    events: u32,
    /// Collected readiness, between the wait and the callback.
    revents: u32,
    /// The error the wait reported for this descriptor (a CloudABI errno).
    error: u32,
    handle: *mut uv_handle_t,
}

impl IoWatcher {
    pub const fn new(handle: *mut uv_handle_t) -> IoWatcher {
        IoWatcher { link: Link::UNLINKED, fd: -1, events: 0, revents: 0, error: 0, handle }
    }
}

/// Sets what `w` waits for (nothing: it leaves the loop's list).
///
/// # Safety
/// `w` is a watcher inside a handle of `l`, which is initialised.
pub unsafe fn watch(l: *mut uv_loop_t, w: *mut IoWatcher, events: u32) {
    // SAFETY: the caller's contract.
    unsafe {
        (*w).events = events;
        let linked = Link::is_linked(&(*w).link);
        if events == 0 && linked {
            Link::remove(&mut (*w).link);
        } else if events != 0 && !linked {
            Link::push_back(addr_of_mut!((*l).l.watchers), &mut (*w).link);
        }
    }
}

/// Puts `f` into non-blocking mode, or says why it cannot be.
pub fn set_nonblocking(f: c_int, on: bool) -> Result<(), Errno> {
    let f = sys::to_fd(f)?;
    let mut st = sys::fd_stat_get(f)?;
    let before = st.fs_flags;
    st.fs_flags.set(fdflags::NONBLOCK, on);
    if st.fs_flags == before {
        return Ok(());
    }
    sys::fd_stat_put(f, &st, fdsflags::FLAGS)
}

/// A new wake-up pair: (read end, write end), both non-blocking.
pub fn wake_pair() -> Result<(c_int, c_int), c_int> {
    let (r, w) = sys::fd_create2(filetype::SOCKET_STREAM).map_err(err)?;
    let (r, w) = (r.0 as c_int, w.0 as c_int);
    if let Err(e) = set_nonblocking(r, true).and_then(|()| set_nonblocking(w, true)) {
        let _ = sys::fd_close(fd(r as u32));
        let _ = sys::fd_close(fd(w as u32));
        return Err(err(e));
    }
    Ok((r, w))
}

/// Ends the loop's current or next wait. Safe from any thread and from a
/// signal handler: it only writes a byte (a full pair is awake already).
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn wake(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract; the descriptor never changes while
    // the loop exists.
    let w = unsafe { (*l).l.wake_write };
    let _ = sys::fd_write(fd(w as u32), &[1]);
}

/// Closes the wake-up pair (the loop is being closed).
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn close_wake(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract.
    unsafe {
        let _ = sys::fd_close(fd((*l).l.wake_read as u32));
        let _ = sys::fd_close(fd((*l).l.wake_write as u32));
    }
}

/// Empties the wake-up pair.
///
/// # Safety
/// `l` is an initialised loop.
unsafe fn drain(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract.
    let r = fd(unsafe { (*l).l.wake_read } as u32);
    let mut buf = [0u8; 64];
    while let Ok(n) = sys::fd_read(r, &mut buf) {
        if n < buf.len() {
            break;
        }
    }
}

/// The subscription and event arrays, kept between iterations.
#[repr(C)]
pub struct Buffers {
    subs: *mut subscription,
    events: *mut event,
    cap: usize,
}

impl Buffers {
    pub const EMPTY: Buffers = Buffers { subs: null_mut(), events: null_mut(), cap: 0 };

    /// Makes room for `n` subscriptions and events.
    fn reserve(&mut self, n: usize) -> bool {
        if n <= self.cap {
            return true;
        }
        let cap = n.next_power_of_two().max(16);
        let subs = alloc::alloc(cap * size_of::<subscription>());
        let events = alloc::alloc(cap * size_of::<event>());
        if subs.is_null() || events.is_null() {
            // SAFETY: both came from the uv allocator (or are null).
            unsafe {
                alloc::release(subs);
                alloc::release(events);
            }
            return false;
        }
        self.free();
        self.subs = subs.cast();
        self.events = events.cast();
        self.cap = cap;
        true
    }

    /// Frees both arrays (the loop is being closed).
    pub fn free(&mut self) {
        // SAFETY: both came from the uv allocator; nothing uses them after.
        unsafe {
            alloc::release(self.subs);
            alloc::release(self.events);
        }
        *self = Buffers::EMPTY;
    }
}

/// `userdata` of the wake-up subscription.
const WAKE: u64 = 0;
/// `userdata` of the timeout.
const TIMEOUT: u64 = 1;

fn fd_sub(userdata: u64, f: c_int, t: eventtype) -> subscription {
    let fd_readwrite = subscription_fd_readwrite { fd: fd(f as u32), flags: subrwflags::POLL };
    subscription { userdata, unused: 0, r#type: t, union: subscription_union { fd_readwrite } }
}

fn clock_sub(ms: c_int) -> subscription {
    let clock = subscription_clock {
        identifier: 0,
        clock_id: clockid::MONOTONIC,
        timeout: ms as u64 * 1_000_000,
        precision: 0,
        flags: subclockflags::empty(),
    };
    subscription { userdata: TIMEOUT, unused: 0, r#type: eventtype::CLOCK, union: subscription_union { clock } }
}

/// Waits at most `timeout` ms (-1: as long as it takes) for the watchers'
/// descriptors and the wake-up pair, then runs the callbacks of what is
/// ready.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn poll(l: *mut uv_loop_t, timeout: c_int) {
    // SAFETY: the caller's contract; watchers stay valid while their
    // handles are open (closed handles leave the list at uv_close).
    unsafe {
        let head = addr_of_mut!((*l).l.watchers);
        let mut n = 2;
        let mut it = Link::first(head);
        while let Some(link) = it {
            n += 2;
            it = Link::next(head, link);
        }
        let bufs = &mut (*l).l.io;
        if !bufs.reserve(n) {
            return;
        }
        let subs = core::slice::from_raw_parts_mut(bufs.subs, n);
        let mut k = 0;
        subs[k] = fd_sub(WAKE, (*l).l.wake_read, eventtype::FD_READ);
        k += 1;
        let mut it = Link::first(head);
        while let Some(link) = it {
            let w = container_of!(link, IoWatcher, link);
            (*w).revents = 0;
            (*w).error = 0;
            if (*w).events & READ != 0 {
                subs[k] = fd_sub(w as u64, (*w).fd, eventtype::FD_READ);
                k += 1;
            }
            if (*w).events & WRITE != 0 {
                subs[k] = fd_sub(w as u64, (*w).fd, eventtype::FD_WRITE);
                k += 1;
            }
            it = Link::next(head, link);
        }
        if timeout >= 0 {
            subs[k] = clock_sub(timeout);
            k += 1;
        }
        let events = core::slice::from_raw_parts_mut(bufs.events, k);
        let got = sys::poll(&subs[..k], events);
        r#loop::uv_update_time(l);
        let Ok(got) = got else { return };
        // Collect each watcher's readiness first, so a descriptor ready
        // for both reading and writing gets one callback.
        for ev in &events[..got] {
            match ev.userdata {
                TIMEOUT => {}
                WAKE => {
                    drain(l);
                    r#async::process(l);
                    work::process(l);
                    signal::process(l);
                }
                p => {
                    let w = p as *mut IoWatcher;
                    (*w).revents |= if ev.r#type == eventtype::FD_WRITE { WRITE } else { READ };
                    if ev.r#type == eventtype::FD_READ && ev.union.fd_readwrite.flags.contains(eventrwflags::HANGUP) {
                        (*w).revents |= HANGUP;
                    }
                    if ev.error != errno::SUCCESS {
                        (*w).error = ev.error as u32;
                    }
                }
            }
        }
        for ev in &events[..got] {
            if ev.userdata == WAKE || ev.userdata == TIMEOUT {
                continue;
            }
            let w = ev.userdata as *mut IoWatcher;
            // An earlier callback may have stopped this watcher.
            let ready = (*w).revents & ((*w).events | HANGUP);
            let error = (*w).error;
            (*w).revents = 0;
            (*w).error = 0;
            if ready & (READ | WRITE) == 0 && error == 0 {
                continue;
            }
            if (*w).events == 0 {
                continue;
            }
            let h = (*w).handle;
            match (*h).r#type {
                UV_POLL => poll::ready(h.cast(), ready, error),
                UV_TCP | UV_NAMED_PIPE | UV_TTY => stream::ready(h.cast(), ready, error),
                UV_UDP => udp::ready(h.cast(), ready, error),
                _ => {}
            }
        }
    }
}
