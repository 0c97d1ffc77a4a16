//! Compat alarm and pause.
//!
//! Nothing can interrupt a CloudABI process from outside, so an alarm
//! cannot fire asynchronously. `alarm` records a deadline instead, and the
//! SIGALRM it promises is raised synchronously at the next call that
//! waits for it or changes it: `pause` sleeps until the deadline and then
//! raises SIGALRM; `alarm` itself raises it first if it has already
//! passed. A program that never calls either after its deadline is not
//! interrupted. `pause` with no alarm set fails with ENOSYS: no signal
//! could ever arrive, and blocking forever would only hang the program.

use crate::abi::{c_int, c_uint};
use crate::errno::{set_errno_raw, Errno, OrErrno};
use crate::header::signal::{change_mask, raise_signal, sigaction, sigset_t, SIGALRM, SIG_DFL, SIG_IGN};
use crate::header::time::{clock::to_timespec, clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME};
use crate::sys::{self, clockid};
use cloudabi::errno;
use core::sync::atomic::{AtomicU64, Ordering};

const NS: u64 = 1_000_000_000;

/// The pending alarm's deadline on the monotonic clock (0: none).
static DEADLINE: AtomicU64 = AtomicU64::new(0);

fn now() -> u64 {
    sys::clock_time_get(clockid::MONOTONIC, 0).unwrap_or(0)
}

/// Raises SIGALRM if the pending alarm's deadline has passed.
fn fire_if_due(now: u64) -> Result<(), Errno> {
    let d = DEADLINE.load(Ordering::Relaxed);
    if d != 0 && d <= now && DEADLINE.compare_exchange(d, 0, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
        raise_signal(SIGALRM)?;
    }
    Ok(())
}

/// Compat `alarm`: sets (or, with 0, cancels) the alarm; returns the whole
/// seconds, rounded up, that were left of the previous one.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn alarm(seconds: c_uint) -> c_uint {
    let t = now();
    let _ = fire_if_due(t);
    let new = if seconds == 0 { 0 } else { t + u64::from(seconds) * NS };
    let old = DEADLINE.swap(new, Ordering::Relaxed);
    if old > t {
        (old - t).div_ceil(NS) as c_uint
    } else {
        0
    }
}

/// Would raising SIGALRM now run a handler (rather than being ignored
/// or left pending)?
fn alarm_handled() -> bool {
    let mut act = core::mem::MaybeUninit::uninit();
    let mut mask: sigset_t = 0;
    let _ = change_mask(0, core::ptr::null(), &mut mask);
    // SAFETY: a null new action only reads the current one into `act`.
    unsafe { sigaction(SIGALRM, core::ptr::null(), act.as_mut_ptr()) };
    // SAFETY: sigaction filled `act` for a valid signal number.
    let h = unsafe { act.assume_init() }.sa_handler;
    mask & (1 << SIGALRM) == 0 && h != SIG_IGN && h != SIG_DFL
}

/// Compat `pause`: waits for the pending alarm, raises SIGALRM, and
/// returns -1 with EINTR once its handler has run (the default action ends
/// the process). With no alarm, or SIGALRM ignored or blocked: ENOSYS.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pause() -> c_int {
    let d = DEADLINE.load(Ordering::Relaxed);
    if d == 0 {
        return Err(errno::NOSYS).or_errno(-1);
    }
    let handled = alarm_handled();
    let until = to_timespec(d);
    // SAFETY: `until` is a valid timespec; no remainder is asked for.
    let slept = unsafe { clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, core::ptr::null_mut()) };
    if slept != 0 {
        set_errno_raw(slept);
        return -1;
    }
    if let Err(e) = fire_if_due(now()) {
        return Err(e).or_errno(-1);
    }
    Err(if handled { errno::INTR } else { errno::NOSYS }).or_errno(-1)
}
