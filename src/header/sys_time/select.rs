//! `select` on CloudABI `poll`, and cloudlibc's `fd_set` functions.
//! Exceptional conditions are never reported (CloudABI has no out-of-band
//! data); a descriptor that cannot be polled makes the call fail (EBADF).

use super::timeval;
use crate::abi::c_int;
use crate::errno::{Errno, OrErrno};
use crate::header::stdlib::malloc::{free, malloc};
use crate::header::time::sleep::clock_subscription;
use crate::sys::{self, clockid, event, eventtype, subscription};
use cloudabi::{errno, subrwflags, subscription_fd_readwrite, subscription_union};

pub const FD_SETSIZE: usize = 1024;

/// cloudlibc's `fd_set`: the first `__nfds` entries of `__fds`.
#[repr(C)]
pub struct fd_set {
    pub __nfds: usize,
    pub __fds: [c_int; FD_SETSIZE],
}

impl fd_set {
    fn fds(&self) -> &[c_int] {
        &self.__fds[..self.__nfds.min(FD_SETSIZE)]
    }
}

/// cloudlibc `FD_ZERO`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_ZERO(set: *mut fd_set) {
    // SAFETY: `set` is writable (C contract).
    unsafe { (*set).__nfds = 0 };
}

/// cloudlibc `FD_SET`: adds `fd` unless present or the set is full.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_SET(fd: c_int, set: *mut fd_set) {
    // SAFETY: `set` is a valid set (C contract).
    let s = unsafe { &mut *set };
    if s.__nfds < FD_SETSIZE && !s.fds().contains(&fd) {
        s.__fds[s.__nfds] = fd;
        s.__nfds += 1;
    }
}

/// cloudlibc `FD_CLR`: removes `fd`, keeping the list contiguous.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_CLR(fd: c_int, set: *mut fd_set) {
    // SAFETY: `set` is a valid set (C contract).
    let s = unsafe { &mut *set };
    if let Some(i) = s.fds().iter().position(|&x| x == fd) {
        s.__nfds -= 1;
        s.__fds[i] = s.__fds[s.__nfds];
    }
}

/// cloudlibc `FD_ISSET`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_ISSET(fd: c_int, set: *const fd_set) -> c_int {
    // SAFETY: `set` is a valid set (C contract).
    unsafe { (*set).fds().contains(&fd) as c_int }
}

/// cloudlibc `FD_COPY`: copies the used part of a set.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_COPY(from: *const fd_set, to: *mut fd_set) {
    // SAFETY: both are valid sets (C contract).
    let (f, t) = unsafe { (&*from, &mut *to) };
    let n = f.fds().len();
    t.__fds[..n].copy_from_slice(f.fds());
    t.__nfds = n;
}

fn fd_subscription(fd: c_int, kind: eventtype, index: usize) -> Result<subscription, Errno> {
    Ok(subscription {
        userdata: index as u64,
        unused: 0,
        r#type: kind,
        union: subscription_union {
            fd_readwrite: subscription_fd_readwrite { fd: sys::to_fd(fd)?, flags: subrwflags::POLL },
        },
    })
}

/// Heap arrays for the subscriptions and events of one call.
struct Arrays {
    subs: *mut subscription,
    events: *mut event,
    cap: usize,
}

impl Arrays {
    fn new(cap: usize) -> Result<Arrays, Errno> {
        let subs = malloc(cap * core::mem::size_of::<subscription>()).cast::<subscription>();
        let events = malloc(cap * core::mem::size_of::<event>()).cast::<event>();
        let a = Arrays { subs, events, cap };
        if subs.is_null() || events.is_null() {
            return Err(errno::NOMEM);
        }
        Ok(a)
    }
}

impl Drop for Arrays {
    fn drop(&mut self) {
        // SAFETY: both came from malloc (or are null).
        unsafe {
            free(self.subs.cast());
            free(self.events.cast());
        }
    }
}

fn run(nfds: c_int, sets: [*mut fd_set; 3], timeout: Option<u64>) -> Result<c_int, Errno> {
    if !(0..=FD_SETSIZE as c_int).contains(&nfds) {
        return Err(errno::INVAL);
    }
    let a = Arrays::new(2 * FD_SETSIZE + 1)?;
    let mut n = 0;
    for (which, kind) in [(0, eventtype::FD_READ), (1, eventtype::FD_WRITE)] {
        if sets[which].is_null() {
            continue;
        }
        // SAFETY: a non-null set is valid (C contract).
        for &fd in unsafe { (*sets[which]).fds() } {
            if fd < nfds {
                // SAFETY: n < cap: at most FD_SETSIZE entries per set.
                unsafe { a.subs.add(n).write(fd_subscription(fd, kind, which * FD_SETSIZE + fd as usize)?) };
                n += 1;
            }
        }
    }
    // With nothing to wait for and no timeout, wait for ever.
    if let Some(wait) = timeout.or((n == 0).then_some(u64::MAX)) {
        let mut clock = clock_subscription(clockid::MONOTONIC, wait, false);
        clock.userdata = u64::MAX;
        // SAFETY: n < cap.
        unsafe { a.subs.add(n).write(clock) };
        n += 1;
    }
    // SAFETY: the first `n` subscriptions are initialised; `events` has
    // room for `cap` >= n events, which poll writes before they are read.
    let (subs, events) = unsafe { (core::slice::from_raw_parts(a.subs, n), core::slice::from_raw_parts_mut(a.events, a.cap)) };
    let got = sys::poll(subs, &mut events[..n])?;
    for s in sets.into_iter().filter(|s| !s.is_null()) {
        // SAFETY: a non-null set is writable (C contract).
        unsafe { FD_ZERO(s) };
    }
    let mut ready = 0;
    for ev in &events[..got] {
        if ev.userdata == u64::MAX {
            continue;
        }
        if ev.error != errno::SUCCESS {
            return Err(ev.error);
        }
        let (which, fd) = (ev.userdata as usize / FD_SETSIZE, (ev.userdata as usize % FD_SETSIZE) as c_int);
        // SAFETY: the set was non-null, since it produced a subscription.
        unsafe { FD_SET(fd, sets[which]) };
        ready += 1;
    }
    Ok(ready)
}

/// POSIX `select`: waits until a descriptor in `r` is readable or one in
/// `w` writable (`e` is always returned empty), or `timeout` passes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn select(nfds: c_int, r: *mut fd_set, w: *mut fd_set, e: *mut fd_set, timeout: *mut timeval) -> c_int {
    (|| {
        let timeout = if timeout.is_null() {
            None
        } else {
            // SAFETY: a non-null timeout is readable (C contract).
            let t = unsafe { *timeout };
            if t.tv_sec < 0 || !(0..1_000_000).contains(&t.tv_usec) {
                return Err(errno::INVAL);
            }
            Some((t.tv_sec as u64).saturating_mul(1_000_000_000).saturating_add(t.tv_usec as u64 * 1000))
        };
        run(nfds, [r, w, e], timeout)
    })()
    .or_errno(-1)
}
