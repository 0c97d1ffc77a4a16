//! `<sys/select.h>`: select and pselect on top of `poll`, and the FD_*
//! functions for cloudlibc's `fd_set` (a list of descriptor numbers).
//!
//! A descriptor in the read or write set is ready when `poll` reports any
//! event for it; the exception set only has its descriptors checked (there
//! is no out-of-band data) and comes back empty. A descriptor that does not
//! exist fails the call with `EBADF`.

use crate::abi::va::VaListPtr;
use crate::abi::{c_int, time_t, timespec};
use crate::errno::{Errno, OrErrno};
use crate::header::poll::{self, pollfd, Array, POLLIN, POLLNVAL, POLLOUT};
use crate::header::signal::{change_mask, sigset_t, SIG_SETMASK};
use crate::header::sys_time::timeval;
use cloudabi::errno;

pub const FD_SETSIZE: usize = 1024;

/// cloudlibc's `fd_set`: `__nfds` descriptor numbers in `__fds`.
#[repr(C)]
pub struct fd_set {
    pub __nfds: usize,
    pub __fds: [c_int; FD_SETSIZE],
}

impl fd_set {
    fn used(&self) -> &[c_int] {
        &self.__fds[..self.__nfds.min(FD_SETSIZE)]
    }
}

/// POSIX `FD_CLR`: removes `fd` from the set.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_CLR(fd: c_int, set: *mut fd_set) {
    // SAFETY: `set` is a writable fd_set (C contract).
    let s = unsafe { &mut *set };
    if let Some(i) = s.used().iter().position(|&f| f == fd) {
        let last = s.used().len() - 1;
        s.__fds[i] = s.__fds[last];
        s.__nfds = last;
    }
}

/// cloudlibc `FD_COPY`: copies the used part of a set.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_COPY(from: *const fd_set, to: *mut fd_set) {
    // SAFETY: readable and writable fd_sets that do not overlap (C contract).
    let (f, t) = unsafe { (&*from, &mut *to) };
    let n = f.used().len();
    t.__fds[..n].copy_from_slice(f.used());
    t.__nfds = n;
}

/// POSIX `FD_ISSET`: is `fd` in the set?
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_ISSET(fd: c_int, set: *const fd_set) -> c_int {
    // SAFETY: `set` is a readable fd_set (C contract).
    c_int::from(unsafe { &*set }.used().contains(&fd))
}

/// POSIX `FD_SET`: adds `fd` to the set (once; a full set stays as it is).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_SET(fd: c_int, set: *mut fd_set) {
    // SAFETY: `set` is a writable fd_set (C contract).
    let s = unsafe { &mut *set };
    let n = s.used().len();
    if n < FD_SETSIZE && !s.used().contains(&fd) {
        s.__fds[n] = fd;
        s.__nfds = n + 1;
    }
}

/// POSIX `FD_ZERO`: empties the set.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn FD_ZERO(set: *mut fd_set) {
    // SAFETY: `set` is a writable fd_set (C contract).
    unsafe { (*set).__nfds = 0 };
}

/// The three sets, each possibly absent.
struct Sets<'a>([Option<&'a mut fd_set>; 3]);

/// What each set asks `poll` for.
const EVENTS: [i16; 3] = [POLLIN, POLLOUT, 0];

/// Waits as described in the module documentation; `timeout` in
/// nanoseconds, `None` for no limit.
fn select_on(nfds: c_int, mut sets: Sets, timeout: Option<u64>) -> Result<c_int, Errno> {
    if nfds < 0 {
        return Err(errno::INVAL);
    }
    let watched = |s: &fd_set| s.used().iter().filter(|&&f| (0..nfds).contains(&f)).count();
    let total = sets.0.iter().flatten().map(|s| watched(s)).sum();
    let mut array = Array::<pollfd, 32>::new(total, pollfd::default())?;
    let fds = array.slice();
    let mut n = 0;
    for (set, events) in sets.0.iter().zip(EVENTS) {
        for &fd in set.iter().flat_map(|s| s.used()).filter(|&&f| (0..nfds).contains(&f)) {
            fds[n] = pollfd { fd, events, revents: 0 };
            n += 1;
        }
    }
    poll::wait(fds, timeout)?;
    if fds.iter().any(|p| p.revents & POLLNVAL != 0) {
        return Err(errno::BADF);
    }
    let mut ready = fds.iter();
    let mut count = 0;
    for (set, events) in sets.0.iter_mut().zip(EVENTS) {
        let Some(set) = set else { continue };
        let mut keep = 0;
        for i in 0..set.used().len() {
            let fd = set.__fds[i];
            if !(0..nfds).contains(&fd) {
                continue;
            }
            let p = ready.next().copied().unwrap_or_default();
            if events != 0 && p.revents != 0 {
                set.__fds[keep] = fd;
                keep += 1;
            }
        }
        set.__nfds = keep;
        count += keep as c_int;
    }
    Ok(count)
}

/// Nanoseconds from seconds and a sub-second part below `unit_max`
/// counted in units of `unit_ns`; `EINVAL` when out of range.
fn nanoseconds(sec: time_t, frac: i64, unit_max: i64, unit_ns: u64) -> Result<u64, Errno> {
    if sec < 0 || !(0..unit_max).contains(&frac) {
        return Err(errno::INVAL);
    }
    Ok((sec as u64).saturating_mul(1_000_000_000).saturating_add(frac as u64 * unit_ns))
}

/// The caller's three set pointers.
///
/// # Safety
/// Each is null or a writable fd_set, none overlapping.
unsafe fn sets<'a>(r: *mut fd_set, w: *mut fd_set, e: *mut fd_set) -> Sets<'a> {
    // SAFETY: the caller's contract.
    unsafe { Sets([r.as_mut(), w.as_mut(), e.as_mut()]) }
}

/// POSIX `select`: waits up to `timeout` (forever if null) until a
/// descriptor below `nfds` in the sets is ready; the sets come back
/// holding the ready ones.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn select(nfds: c_int, r: *mut fd_set, w: *mut fd_set, e: *mut fd_set, timeout: *mut timeval) -> c_int {
    (|| {
        // SAFETY: `timeout` is null or readable (C contract).
        let limit = match unsafe { timeout.as_ref() } {
            Some(t) => Some(nanoseconds(t.tv_sec, t.tv_usec, 1_000_000, 1_000)?),
            None => None,
        };
        // SAFETY: the sets are null or writable (C contract).
        select_on(nfds, unsafe { sets(r, w, e) }, limit)
    })()
    .or_errno(-1)
}

/// `pselect` without its signal mask.
///
/// # Safety
/// As for select, with `timeout` a timespec.
unsafe fn pselect_on(nfds: c_int, r: *mut fd_set, w: *mut fd_set, e: *mut fd_set, timeout: *const timespec) -> Result<c_int, Errno> {
    // SAFETY: `timeout` is null or readable (C contract).
    let limit = match unsafe { timeout.as_ref() } {
        Some(t) => Some(nanoseconds(t.tv_sec, t.tv_nsec, 1_000_000_000, 1)?),
        None => None,
    };
    // SAFETY: the sets are null or writable (C contract).
    select_on(nfds, unsafe { sets(r, w, e) }, limit)
}

crate::variadic!("pselect" => pselect_impl, gp = 5, fp = 0, reg = "r9");

/// cloudlibc `pselect`: `select` with a timespec; there are no signals, so
/// no mask is read.
pub unsafe extern "C" fn pselect_impl(
    nfds: c_int,
    r: *mut fd_set,
    w: *mut fd_set,
    e: *mut fd_set,
    timeout: *const timespec,
    _ap: VaListPtr,
) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { pselect_on(nfds, r, w, e, timeout) }.or_errno(-1)
}

/// Compat POSIX `pselect`: waits with `sigmask` (if not null) as the signal
/// mask, restoring the old one after. A signal the new mask unblocks and
/// that is pending runs its handler before the wait.
#[no_mangle]
pub unsafe extern "C" fn __compat_pselect(
    nfds: c_int,
    r: *mut fd_set,
    w: *mut fd_set,
    e: *mut fd_set,
    timeout: *const timespec,
    sigmask: *const sigset_t,
) -> c_int {
    if sigmask.is_null() {
        // SAFETY: forwarded C contract.
        return unsafe { pselect_on(nfds, r, w, e, timeout) }.or_errno(-1);
    }
    let mut old: sigset_t = 0;
    (|| {
        change_mask(SIG_SETMASK, sigmask, &mut old)?;
        // SAFETY: forwarded C contract.
        let result = unsafe { pselect_on(nfds, r, w, e, timeout) };
        change_mask(SIG_SETMASK, &old, core::ptr::null_mut())?;
        result
    })()
    .or_errno(-1)
}
