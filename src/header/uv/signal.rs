//! uv_signal_t (compat): uv_signal_init, uv_signal_start,
//! uv_signal_start_oneshot, uv_signal_stop.
//!
//! Signals here are only ever raised by the program itself (`raise`,
//! `kill(getpid(), ...)`, `abort`), and their handlers run synchronously in
//! the raising thread (see `<signal.h>`). While a uv signal handle watches
//! a signal, the libc handler for it is uv's: it counts the signal for
//! every handle watching it and wakes their loops through the wake-up pair
//! (as uv_async_send does); each loop then calls its handles' callbacks
//! once per signal. When the last handle stops, the previous disposition
//! comes back. Nothing in the handler can deadlock: it takes only the
//! registry lock, which no callback runs under.

use super::errors::UV_EINVAL;
use super::handle::{self, uv_handle_t};
use super::io;
use super::queue::{self, container_of, Link};
use super::r#loop::uv_loop_t;
use super::UV_SIGNAL;
use crate::abi::c_int;
use crate::header::signal::{sigaction, valid, NSIG, SIG_DFL};
use crate::sync::SpinLock;
use core::ptr::{addr_of_mut, null_mut};
use core::sync::atomic::{AtomicU32, Ordering};

pub type uv_signal_cb = Option<unsafe extern "C" fn(*mut uv_signal_t, c_int)>;

#[repr(C)]
struct SignalCore {
    /// In the loop's list of started signal handles.
    in_loop: Link,
    /// In the process-wide registry.
    in_registry: Link,
    /// Signals counted by the handler, and those already reported.
    caught: AtomicU32,
    reported: u32,
    oneshot: u32,
    _pad: u32,
}

/// libuv `uv_signal_t`.
#[repr(C)]
pub struct uv_signal_t {
    pub handle: uv_handle_t,
    pub signal_cb: uv_signal_cb,
    pub signum: c_int,
    _pad: u32,
    s: SignalCore,
}

const _: () = assert!(core::mem::size_of::<SignalCore>() == 6 * 8);

/// Every started signal handle, and the dispositions uv replaced.
struct Registry {
    handles: Link,
    saved: [Option<sigaction>; NSIG as usize],
}

// SAFETY: the registry is only reached through its lock.
unsafe impl Send for Registry {}

static REGISTRY: SpinLock<Registry> = SpinLock::new(Registry { handles: Link::UNLINKED, saved: [None; NSIG as usize] });

/// The registry's list, set up on first use.
fn handles(r: &mut Registry) -> *mut Link {
    let head: *mut Link = &mut r.handles;
    // SAFETY: the head lives in a static and so never moves.
    unsafe {
        if !Link::is_linked(head) {
            Link::init(head);
        }
    }
    head
}

/// Does a started handle watch `sig`?
fn watched(r: &mut Registry, sig: c_int) -> bool {
    let head = handles(r);
    // SAFETY: the registry holds started handles, valid until stopped.
    unsafe {
        let mut it = Link::first(head);
        while let Some(link) = it {
            if (*container_of!(link, uv_signal_t, s.in_registry)).signum == sig {
                return true;
            }
            it = Link::next(head, link);
        }
    }
    false
}

/// The libc handler while uv watches a signal.
extern "C" fn caught(sig: c_int) {
    let mut r = REGISTRY.lock();
    let head = handles(&mut r);
    // SAFETY: as in `watched`; waking only writes to the loop's pair.
    unsafe {
        let mut it = Link::first(head);
        while let Some(link) = it {
            let h = container_of!(link, uv_signal_t, s.in_registry);
            if (*h).signum == sig {
                (*h).s.caught.fetch_add(1, Ordering::AcqRel);
                io::wake((*h).handle.r#loop);
            }
            it = Link::next(head, link);
        }
    }
}

/// libuv `uv_signal_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_signal_init(l: *mut uv_loop_t, h: *mut uv_signal_t) -> c_int {
    // SAFETY: `l` is a loop and `h` memory for a signal handle (libuv
    // contract); the fields are written in place.
    unsafe {
        handle::init(l, h.cast(), UV_SIGNAL);
        (*h).signal_cb = None;
        (*h).signum = 0;
        addr_of_mut!((*h).s).write(SignalCore {
            in_loop: Link::UNLINKED,
            in_registry: Link::UNLINKED,
            caught: AtomicU32::new(0),
            reported: 0,
            oneshot: 0,
            _pad: 0,
        });
    }
    0
}

/// # Safety
/// `h` is an initialised signal handle.
unsafe fn start(h: *mut uv_signal_t, cb: uv_signal_cb, sig: c_int, oneshot: bool) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        if !valid(sig) || handle::closing(h.cast()) {
            return UV_EINVAL;
        }
        if handle::active(h.cast()) && (*h).signum == sig {
            (*h).signal_cb = cb;
            (*h).s.oneshot = u32::from(oneshot);
            return 0;
        }
        uv_signal_stop(h);
        let mut r = REGISTRY.lock();
        if !watched(&mut r, sig) {
            let act = sigaction { sa_handler: caught as extern "C" fn(c_int) as usize, sa_mask: 0, sa_flags: 0 };
            let mut old = sigaction { sa_handler: SIG_DFL, sa_mask: 0, sa_flags: 0 };
            if sigaction(sig, &act, &mut old) != 0 {
                return UV_EINVAL;
            }
            r.saved[sig as usize] = Some(old);
        }
        (*h).signal_cb = cb;
        (*h).signum = sig;
        (*h).s.oneshot = u32::from(oneshot);
        (*h).s.reported = (*h).s.caught.load(Ordering::Acquire);
        Link::push_back(handles(&mut r), &mut (*h).s.in_registry);
        drop(r);
        Link::push_back(addr_of_mut!((*(*h).handle.r#loop).l.signals), &mut (*h).s.in_loop);
        handle::start(h.cast());
    }
    0
}

/// libuv `uv_signal_start` (compat): `cb` runs for every `signum` the
/// program raises (see the module documentation).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_signal_start(h: *mut uv_signal_t, cb: uv_signal_cb, signum: c_int) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { start(h, cb, signum, false) }
}

/// libuv `uv_signal_start_oneshot` (compat): as uv_signal_start, stopping
/// after the first signal.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_signal_start_oneshot(h: *mut uv_signal_t, cb: uv_signal_cb, signum: c_int) -> c_int {
    // SAFETY: forwarded libuv contract.
    unsafe { start(h, cb, signum, true) }
}

/// libuv `uv_signal_stop` (compat).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_signal_stop(h: *mut uv_signal_t) -> c_int {
    // SAFETY: `h` is an initialised signal handle (libuv contract).
    unsafe {
        if !handle::active(h.cast()) {
            return 0;
        }
        let sig = (*h).signum;
        let mut r = REGISTRY.lock();
        Link::remove(&mut (*h).s.in_registry);
        if !watched(&mut r, sig) {
            if let Some(old) = r.saved[sig as usize].take() {
                sigaction(sig, &old, null_mut());
            }
        }
        drop(r);
        Link::remove(&mut (*h).s.in_loop);
        handle::stop(h.cast());
    }
    0
}

/// Stops a handle being closed.
///
/// # Safety
/// `h` is an initialised signal handle.
pub unsafe fn close(h: *mut uv_signal_t) {
    // SAFETY: the caller's contract.
    unsafe { uv_signal_stop(h) };
}

/// Reports the signals the loop's handles caught.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn process(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract; `visit` lets a callback stop or close
    // any handle, and every step re-checks that this one is still started.
    unsafe {
        queue::visit(addr_of_mut!((*l).l.signals), |link| {
            let h = container_of!(link, uv_signal_t, s.in_loop);
            while handle::active(h.cast()) && (*h).s.reported != (*h).s.caught.load(Ordering::Acquire) {
                (*h).s.reported = (*h).s.reported.wrapping_add(1);
                let sig = (*h).signum;
                if (*h).s.oneshot != 0 {
                    uv_signal_stop(h);
                }
                if let Some(cb) = (*h).signal_cb {
                    cb(h, sig);
                }
            }
        });
    }
}

