//! `<poll.h>`: poll, on CloudABI's `poll` (one `FD_READ` or `FD_WRITE`
//! subscription per event asked for, and a clock for the timeout).
//!
//! `POLLIN` and `POLLOUT` come back when the operation would not block;
//! `POLLHUP` is added when the peer has hung up. A descriptor that cannot
//! be polled reports `POLLNVAL` if it does not exist and `POLLERR` if it
//! lacks the right to be polled. A descriptor polled for no events is
//! only checked to exist. Negative descriptors are skipped.

use crate::abi::{c_int, c_short, c_void};
use crate::errno::{Errno, OrErrno};
use crate::header::stdlib::malloc::{free, malloc};
use crate::sys::{self, clockid, event, eventtype, subscription};
use crate::header::time::sleep::clock_subscription;
use cloudabi::{
    errno, event_fd_readwrite, event_union, eventrwflags, subrwflags, subscription_fd_readwrite, subscription_union,
};

pub type nfds_t = usize;

pub const POLLRDNORM: c_short = 0x1;
pub const POLLWRNORM: c_short = 0x2;
pub const POLLIN: c_short = POLLRDNORM;
pub const POLLOUT: c_short = POLLWRNORM;
pub const POLLERR: c_short = 0x1000;
pub const POLLHUP: c_short = 0x2000;
pub const POLLNVAL: c_short = 0x4000;

/// `struct pollfd`.
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct pollfd {
    pub fd: c_int,
    pub events: c_short,
    pub revents: c_short,
}

/// The userdata of the timeout's clock subscription; descriptor
/// subscriptions carry their index.
const TIMEOUT: u64 = u64::MAX;

/// `len` values, on the stack when there are few, else from `malloc`.
pub struct Array<T: Copy, const N: usize> {
    stack: [T; N],
    heap: *mut T,
    len: usize,
}

impl<T: Copy, const N: usize> Array<T, N> {
    pub fn new(len: usize, fill: T) -> Result<Self, Errno> {
        let mut a = Array { stack: [fill; N], heap: core::ptr::null_mut(), len };
        if len > N {
            let bytes = len.checked_mul(size_of::<T>()).ok_or(errno::NOMEM)?;
            a.heap = malloc(bytes).cast();
            if a.heap.is_null() {
                return Err(errno::NOMEM);
            }
            // SAFETY: the block holds `len` values of T.
            unsafe { core::slice::from_raw_parts_mut(a.heap, len) }.fill(fill);
        }
        Ok(a)
    }

    pub fn slice(&mut self) -> &mut [T] {
        if self.heap.is_null() {
            &mut self.stack[..self.len]
        } else {
            // SAFETY: `heap` holds `len` initialised values, owned by self.
            unsafe { core::slice::from_raw_parts_mut(self.heap, self.len) }
        }
    }
}

impl<T: Copy, const N: usize> Drop for Array<T, N> {
    fn drop(&mut self) {
        // SAFETY: `heap` is null or the block `new` allocated.
        unsafe { free(self.heap.cast::<c_void>()) };
    }
}

/// A subscription to `fd` becoming readable or writable (`t`), tagged
/// with `index`.
pub fn fd_subscription(index: usize, fd: c_int, t: eventtype) -> subscription {
    let fd_readwrite = subscription_fd_readwrite { fd: cloudabi::fd(fd as u32), flags: subrwflags::POLL };
    subscription { userdata: index as u64, unused: 0, r#type: t, union: subscription_union { fd_readwrite } }
}

/// What an event says about its descriptor, in `revents` bits.
fn revents(ev: &event) -> c_short {
    match ev.error {
        errno::SUCCESS => {}
        errno::BADF => return POLLNVAL,
        _ => return POLLERR,
    }
    let mut r = if ev.r#type == eventtype::FD_READ { POLLRDNORM } else { POLLWRNORM };
    // SAFETY: descriptor events carry `fd_readwrite`.
    if unsafe { ev.union.fd_readwrite }.flags.contains(eventrwflags::HANGUP) {
        r |= POLLHUP;
    }
    r
}

/// An event slot for `sys::poll` to fill.
pub fn no_event() -> event {
    let fd_readwrite = event_fd_readwrite { nbytes: 0, unused: [0; 4], flags: eventrwflags::empty() };
    event { userdata: 0, error: errno::SUCCESS, r#type: eventtype::CLOCK, union: event_union { fd_readwrite } }
}

/// `poll` with the timeout in nanoseconds (`None`: no limit); returns how
/// many entries of `fds` have events.
pub fn wait(fds: &mut [pollfd], timeout: Option<u64>) -> Result<usize, Errno> {
    let mut nfd = 0;
    let mut ready = false;
    for p in fds.iter_mut() {
        p.revents = 0;
        if p.fd < 0 {
            continue;
        }
        let asked = [POLLRDNORM, POLLWRNORM].iter().filter(|&&e| p.events & e != 0).count();
        if asked == 0 && sys::fd_stat_get(sys::to_fd(p.fd)?).err() == Some(errno::BADF) {
            p.revents = POLLNVAL;
            ready = true;
        }
        nfd += asked;
    }
    // With something to report already, the others are only looked at.
    let timeout = if ready { Some(0) } else { timeout };
    // Without a limit the clock is left out, unless it is all there is to
    // wait on: then it waits as long as the clock can count.
    let clock = timeout.is_some() || nfd == 0;
    let mut timer = clock_subscription(clockid::MONOTONIC, timeout.unwrap_or(u64::MAX), false);
    timer.userdata = TIMEOUT;
    let mut subs = Array::<subscription, 16>::new(nfd + usize::from(clock), timer)?;
    let subs = subs.slice();
    let mut n = 0;
    for (i, p) in fds.iter().enumerate().filter(|(_, p)| p.fd >= 0) {
        for (flag, t) in [(POLLRDNORM, eventtype::FD_READ), (POLLWRNORM, eventtype::FD_WRITE)] {
            if p.events & flag != 0 {
                subs[n] = fd_subscription(i, p.fd, t);
                n += 1;
            }
        }
    }
    let mut events = Array::<event, 16>::new(subs.len(), no_event())?;
    let events = events.slice();
    let got = sys::poll(subs, events)?;
    for ev in &events[..got] {
        if ev.userdata != TIMEOUT {
            fds[ev.userdata as usize].revents |= revents(ev);
        }
    }
    Ok(fds.iter().filter(|p| p.revents != 0).count())
}

/// POSIX `poll`: waits up to `timeout` milliseconds (forever if negative)
/// until one of `fds` has an event.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn poll(fds: *mut pollfd, nfds: nfds_t, timeout: c_int) -> c_int {
    let fds = if nfds == 0 {
        &mut []
    } else {
        // SAFETY: `fds` holds `nfds` pollfds (C contract).
        unsafe { core::slice::from_raw_parts_mut(fds, nfds) }
    };
    let limit = u64::try_from(timeout).ok().map(|ms| ms * 1_000_000);
    wait(fds, limit).map(|n| n as c_int).or_errno(-1)
}
