//! Compat POSIX per-process timers (`timer_create` and friends) on the
//! realtime and monotonic clocks.
//!
//! One service thread, started by the first timer that notifies, sleeps on
//! a condition variable until the nearest expiry. SIGEV_SIGNAL raises the
//! signal from that thread, so the handler runs there: a signal sent to
//! the process lands on "some thread", and this is the one. SIGEV_THREAD
//! runs the function in a new detached thread per expiry. SIGEV_NONE
//! timers only keep their state, which `timer_gettime` reads. Expiries
//! that pass while the service thread is busy (a slow handler, a late
//! wake-up) are folded into one notification and counted as its overrun.

use super::clock::to_timespec;
use super::{clockid_t, timespec, CLOCK_MONOTONIC, CLOCK_REALTIME, TIMER_ABSTIME};
use crate::abi::{c_int, c_void};
use crate::errno::{Errno, OrErrno};
use crate::header::pthread::attr::pthread_attr_t;
use crate::header::pthread::thread::{self, Start};
use crate::header::pthread::{clock_of, mutex, pthread_cond_t, pthread_mutex_t, PTHREAD_CREATE_DETACHED};
use crate::header::signal::{raise_signal, valid, SIGALRM};
use crate::header::stdlib::malloc::{free, malloc};
use crate::sys::{self, Timeout};
use cloudabi::{clockid, errno, timestamp};
use core::cell::UnsafeCell;

pub const SIGEV_SIGNAL: c_int = 0;
pub const SIGEV_NONE: c_int = 1;
pub const SIGEV_THREAD: c_int = 2;

/// How many timers can exist at once (`TIMER_MAX`); more is EAGAIN.
const TIMER_MAX: usize = 64;

/// `union sigval`.
#[repr(C)]
#[derive(Copy, Clone)]
pub union sigval {
    pub sival_int: c_int,
    pub sival_ptr: *mut c_void,
}

type Notify = unsafe extern "C" fn(sigval);

/// `struct sigevent`.
#[repr(C)]
pub struct sigevent {
    pub sigev_notify: c_int,
    pub sigev_signo: c_int,
    pub sigev_value: sigval,
    pub sigev_notify_function: Option<Notify>,
    pub sigev_notify_attributes: *const pthread_attr_t,
}

/// `struct itimerspec`.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct itimerspec {
    pub it_interval: timespec,
    pub it_value: timespec,
}

/// `timer_t`: one more than the timer's slot, so that no timer is NULL.
pub type timer_t = *mut c_void;

#[derive(Copy, Clone)]
struct Timer {
    used: bool,
    clock: clockid,
    notify: c_int,
    signo: c_int,
    value: sigval,
    function: Option<Notify>,
    attr: pthread_attr_t,
    /// The next expiry on `clock`, while armed.
    next: Option<timestamp>,
    interval: u64,
    overrun: c_int,
}

const FREE: Timer = Timer {
    used: false,
    clock: clockid::MONOTONIC,
    notify: SIGEV_NONE,
    signo: 0,
    value: sigval { sival_int: 0 },
    function: None,
    attr: pthread_attr_t::DEFAULT,
    next: None,
    interval: 0,
    overrun: 0,
};

struct State {
    timers: [Timer; TIMER_MAX],
    service_running: bool,
}

/// The timers, guarded by `lock`; `wake` tells the service thread that
/// an expiry may have moved closer.
struct Table {
    lock: pthread_mutex_t,
    wake: pthread_cond_t,
    state: UnsafeCell<State>,
}

// SAFETY: `state` is only reached with `lock` held (`Table::with`).
unsafe impl Sync for Table {}

static TABLE: Table = Table {
    lock: pthread_mutex_t::new(),
    wake: pthread_cond_t::new(),
    state: UnsafeCell::new(State { timers: [FREE; TIMER_MAX], service_running: false }),
};

impl Table {
    /// Runs `f` with the lock held.
    fn with<T>(&self, f: impl FnOnce(&mut State) -> Result<T, Errno>) -> Result<T, Errno> {
        mutex::lock(&self.lock, None)?;
        // SAFETY: the lock is held, so this is the only reference.
        let r = f(unsafe { &mut *self.state.get() });
        mutex::unlock(&self.lock)?;
        r
    }
}

/// The slot a `timer_t` names, if it is a live timer.
fn slot<'a>(st: &'a mut State, id: timer_t) -> Result<&'a mut Timer, Errno> {
    let t = (id as usize).checked_sub(1).and_then(|i| st.timers.get_mut(i)).ok_or(errno::INVAL)?;
    if t.used {
        Ok(t)
    } else {
        Err(errno::INVAL)
    }
}

/// The time left until the next expiry and the interval, as
/// `timer_gettime` reports them at `now`.
fn remaining(t: &Timer, now: timestamp) -> itimerspec {
    let left = match t.next {
        Some(next) if next > now => next - now,
        Some(next) if t.interval > 0 => t.interval - (now - next) % t.interval,
        _ => 0,
    };
    itimerspec { it_interval: to_timespec(t.interval), it_value: to_timespec(left) }
}

/// Arguments of a SIGEV_THREAD notification, handed to its thread.
struct Call {
    function: Notify,
    value: sigval,
}

unsafe extern "C" fn run_call(arg: *mut c_void) -> *mut c_void {
    let call = arg.cast::<Call>();
    // SAFETY: `notify` filled a fresh `Call` and gave it to this thread alone.
    let Call { function, value } = unsafe { call.read() };
    // SAFETY: `arg` came from malloc and is read out.
    unsafe { free(arg) };
    // SAFETY: the function timer_create was given, as the C contract allows.
    unsafe { function(value) };
    core::ptr::null_mut()
}

/// Delivers one expiry of `t`. A SIGEV_THREAD notification whose thread
/// cannot be created is lost, as a signal to a full queue would be.
fn notify(t: &Timer) {
    match (t.notify, t.function) {
        (SIGEV_SIGNAL, _) => {
            // The signal number was checked by timer_create, and that is
            // the only way raising fails.
            let _ = raise_signal(t.signo);
        }
        (SIGEV_THREAD, Some(function)) => {
            let call = malloc(core::mem::size_of::<Call>()).cast::<Call>();
            if call.is_null() {
                return;
            }
            // SAFETY: `call` is fresh memory sized and aligned for a Call.
            unsafe { call.write(Call { function, value: t.value }) };
            if thread::create(&t.attr, Start::Posix(run_call), call.cast()).is_err() {
                // SAFETY: no thread took `call`, which came from malloc.
                unsafe { free(call.cast()) };
            }
        }
        _ => {}
    }
}

/// Waits until some timers expire; returns them (as they were when they
/// fired) and how many. Marks each as fired: its overrun is counted and
/// it is re-armed by its interval or disarmed.
fn wait_for_expiries(batch: &mut [Timer; TIMER_MAX]) -> Result<usize, Errno> {
    TABLE.with(|st| loop {
        let mut n = 0;
        let mut sleep: Option<u64> = None;
        for t in st.timers.iter_mut().filter(|t| t.used && t.notify != SIGEV_NONE) {
            let Some(next) = t.next else { continue };
            let now = sys::clock_time_get(t.clock, 0)?;
            if now < next {
                sleep = Some(sleep.map_or(next - now, |s| s.min(next - now)));
                continue;
            }
            let missed = if t.interval > 0 { (now - next) / t.interval } else { 0 };
            t.overrun = c_int::try_from(missed).unwrap_or(c_int::MAX);
            t.next = (t.interval > 0).then(|| next.saturating_add(t.interval.saturating_mul(missed + 1)));
            batch[n] = *t;
            n += 1;
        }
        if n > 0 {
            return Ok(n);
        }
        let timeout = sleep.map(|time| Timeout { clock: clockid::MONOTONIC, time, absolute: false });
        match TABLE.wake.wait(&TABLE.lock, timeout) {
            Ok(()) | Err(errno::TIMEDOUT) => {}
            Err(e) => return Err(e),
        }
    })
}

/// The service thread: notifies expiries until waiting fails.
unsafe extern "C" fn service(_: *mut c_void) -> *mut c_void {
    let mut batch = [FREE; TIMER_MAX];
    while let Ok(n) = wait_for_expiries(&mut batch) {
        batch[..n].iter().for_each(notify);
    }
    // The next timer that notifies starts a new service thread.
    let _ = TABLE.with(|st| {
        st.service_running = false;
        Ok(())
    });
    core::ptr::null_mut()
}

/// A thread attribute set that creates detached threads.
fn detached(attr: *const pthread_attr_t) -> pthread_attr_t {
    // SAFETY: a non-null attribute pointer is readable (C contract).
    let mut a = if attr.is_null() { pthread_attr_t::DEFAULT } else { unsafe { *attr } };
    a.detachstate = PTHREAD_CREATE_DETACHED;
    a
}

/// The timer `ev` describes on `clock` (NULL: SIGALRM with the timer id).
///
/// # Safety
/// `ev` is NULL or readable.
unsafe fn describe(clock: clockid_t, ev: *const sigevent, id: timer_t) -> Result<Timer, Errno> {
    let clock = match clock {
        CLOCK_REALTIME | CLOCK_MONOTONIC => clock_of(clock)?,
        _ if clock_of(clock).is_ok() => return Err(errno::NOTSUP),
        _ => return Err(errno::INVAL),
    };
    let mut t = Timer { used: true, clock, notify: SIGEV_SIGNAL, signo: SIGALRM, value: sigval { sival_ptr: id }, ..FREE };
    if ev.is_null() {
        return Ok(t);
    }
    // SAFETY: the caller's contract.
    let ev = unsafe { &*ev };
    t.notify = ev.sigev_notify;
    t.signo = ev.sigev_signo;
    t.value = ev.sigev_value;
    t.function = ev.sigev_notify_function;
    t.attr = detached(ev.sigev_notify_attributes);
    match t.notify {
        SIGEV_NONE => Ok(t),
        SIGEV_SIGNAL if valid(t.signo) => Ok(t),
        SIGEV_THREAD if t.function.is_some() => Ok(t),
        _ => Err(errno::INVAL),
    }
}

/// Starts the service thread unless it runs.
fn start_service(st: &mut State) -> Result<(), Errno> {
    if !st.service_running {
        thread::create(&detached(core::ptr::null()), Start::Posix(service), core::ptr::null_mut())?;
        st.service_running = true;
    }
    Ok(())
}

/// Compat POSIX `timer_create`: a disarmed timer on CLOCK_REALTIME or
/// CLOCK_MONOTONIC (CPU-time clocks ENOTSUP); EAGAIN beyond 64 timers.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn timer_create(clock: clockid_t, ev: *const sigevent, out: *mut timer_t) -> c_int {
    TABLE
        .with(|st| {
            let i = st.timers.iter().position(|t| !t.used).ok_or(errno::AGAIN)?;
            let id = (i + 1) as timer_t;
            // SAFETY: C contract: `ev` is NULL or readable.
            let t = unsafe { describe(clock, ev, id) }?;
            if t.notify != SIGEV_NONE {
                start_service(st)?;
            }
            st.timers[i] = t;
            // SAFETY: C contract: `out` is writable.
            unsafe { *out = id };
            Ok(0)
        })
        .or_errno(-1)
}

/// Compat POSIX `timer_delete`: disarms and frees the timer (EINVAL if it
/// is none); notifications already under way still happen.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn timer_delete(id: timer_t) -> c_int {
    TABLE
        .with(|st| {
            *slot(st, id)? = FREE;
            Ok(0)
        })
        .or_errno(-1)
}

/// Compat POSIX `timer_gettime`: the time to the next expiry (0 when
/// disarmed) and the interval.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn timer_gettime(id: timer_t, out: *mut itimerspec) -> c_int {
    TABLE
        .with(|st| {
            let t = slot(st, id)?;
            let now = sys::clock_time_get(t.clock, 0)?;
            // SAFETY: C contract: `out` is writable.
            unsafe { *out = remaining(t, now) };
            Ok(0)
        })
        .or_errno(-1)
}

/// Compat POSIX `timer_settime`: arms the timer at `it_value` from now (or
/// at that time of its clock with TIMER_ABSTIME; a time passed expires at
/// once), repeating every `it_interval`; a zero `it_value` disarms it.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn timer_settime(id: timer_t, flags: c_int, new: *const itimerspec, old: *mut itimerspec) -> c_int {
    TABLE
        .with(|st| {
            if new.is_null() {
                return Err(errno::INVAL);
            }
            // SAFETY: C contract: `new` is readable.
            let new = unsafe { *new };
            let t = slot(st, id)?;
            let (value, interval) = (new.it_value.to_timestamp()?, new.it_interval.to_timestamp()?);
            let now = sys::clock_time_get(t.clock, 0)?;
            if !old.is_null() {
                // SAFETY: C contract: `old` is writable.
                unsafe { *old = remaining(t, now) };
            }
            t.interval = interval;
            t.overrun = 0;
            t.next = match (new.it_value.tv_sec, new.it_value.tv_nsec) {
                (0, 0) => None,
                _ if flags & TIMER_ABSTIME != 0 => Some(value),
                _ => Some(now.saturating_add(value)),
            };
            TABLE.wake.signal(1)?;
            Ok(0)
        })
        .or_errno(-1)
}

/// Compat POSIX `timer_getoverrun`: the expiries folded into the last
/// notification (0 for SIGEV_NONE timers, which notify nobody).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn timer_getoverrun(id: timer_t) -> c_int {
    TABLE.with(|st| Ok(slot(st, id)?.overrun)).or_errno(-1)
}
