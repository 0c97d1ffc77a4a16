//! The signal mask, which is per thread, and the signals that arrive
//! asynchronously: sigprocmask, sigpending, sigsuspend, and the function
//! the emulator calls when a signal arrives asynchronously (SIGALRM or
//! SIGVTALRM from a timer, or any signal another thread sent).
//!
//! A signal raised while the thread blocks it, or while the thread is in
//! the middle of changing handlers, joins the process's pending set and is
//! delivered once a thread takes it again.

use super::action::{deliver, sigaction, to_cloudabi, SIG_BLOCK, SIG_IGN, SIG_SETMASK, SIG_UNBLOCK};
use super::sigset::{sigset_t, FULL};
use super::{SIGKILL, SIGSTOP};
use crate::abi::c_int;
use crate::errno::{Errno, OrErrno};
use crate::sys;
use cloudabi::errno;
use core::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};


/// Signals raised while blocked, for the whole process.
static PENDING: AtomicU64 = AtomicU64::new(0);
/// How many handlers have run; `sigsuspend` returns once it changes.
static HANDLED: AtomicU32 = AtomicU32::new(0);
/// Whether the emulator passes signals to `arrived` yet.
static ASYNC: AtomicBool = AtomicBool::new(false);
/// Whether a thread has signalled another, so that a signal can come
/// while no timer is armed.
static SENT: AtomicBool = AtomicBool::new(false);
/// The ignored signals the emulator was last told of.
static IGNORED: AtomicU64 = AtomicU64::new(0);

// Each thread's mask, and how deep it is in code that changes the
// handlers (a signal arriving then waits, as that code holds a lock the
// delivery needs).
#[cfg(not(test))]
core::arch::global_asm!(
    ".pushsection .tbss,\"awT\",@nobits",
    ".p2align 3",
    ".globl __cloudlibc_sigmask",
    ".hidden __cloudlibc_sigmask",
    "__cloudlibc_sigmask:",
    ".zero 8",
    ".globl __cloudlibc_sigbusy",
    ".hidden __cloudlibc_sigbusy",
    "__cloudlibc_sigbusy:",
    ".zero 4",
    ".popsection",
);

#[cfg(not(test))]
fn mask_cell() -> *mut sigset_t {
    crate::tls_address!("__cloudlibc_sigmask").cast()
}

#[cfg(not(test))]
fn busy_cell() -> *mut u32 {
    crate::tls_address!("__cloudlibc_sigbusy").cast()
}

#[cfg(test)]
fn mask_cell() -> *mut sigset_t {
    std::thread_local!(static MASK: core::cell::UnsafeCell<sigset_t> = const { core::cell::UnsafeCell::new(0) });
    MASK.with(|m| m.get())
}

#[cfg(test)]
fn busy_cell() -> *mut u32 {
    std::thread_local!(static BUSY: core::cell::UnsafeCell<u32> = const { core::cell::UnsafeCell::new(0) });
    BUSY.with(|m| m.get())
}

/// The calling thread's blocked signals.
pub fn thread_mask() -> sigset_t {
    // SAFETY: the cell is this thread's own.
    unsafe { *mask_cell() }
}

/// Sets the calling thread's mask without telling the emulator (a handler
/// the emulator called runs with the timer signals blocked anyway).
pub fn store_mask(m: sigset_t) {
    // SAFETY: the cell is this thread's own.
    unsafe { *mask_cell() = m };
}

/// Marks the calling thread as changing signal state for its lifetime.
pub struct Busy(());

impl Busy {
    pub fn enter() -> Busy {
        // SAFETY: the cell is this thread's own.
        unsafe { *busy_cell() += 1 };
        Busy(())
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        // SAFETY: the cell is this thread's own.
        unsafe { *busy_cell() -= 1 };
    }
}

/// Records that a handler ran.
pub fn note_handled() {
    HANDLED.fetch_add(1, Ordering::Release);
}

/// How many handlers have run: a call that waits and sees this change
/// was interrupted by a signal (EINTR where POSIX wants it).
pub fn handled_count() -> u32 {
    HANDLED.load(Ordering::Acquire)
}

/// Marks `sig` pending for the process.
pub fn make_pending(sig: c_int) {
    PENDING.fetch_or(1 << sig, Ordering::AcqRel);
}

/// Where the emulator passes a timer signal, on a thread it interrupted.
extern "C" fn arrived(sig: sys::signal) {
    let s = sig as c_int;
    let saved = crate::errno::get_errno();
    // SAFETY: the cell is this thread's own.
    let busy = unsafe { *busy_cell() } != 0;
    if busy || thread_mask() & (1 << s) != 0 {
        make_pending(s);
    } else {
        let _ = deliver(s);
    }
    crate::errno::set_errno_raw(saved);
}

/// Makes signals arrive asynchronously from now on (the first `alarm`,
/// `setitimer` or `pthread_kill` of another thread does this).
pub fn enable_async() -> Result<(), Errno> {
    if ASYNC.load(Ordering::Acquire) {
        return Ok(());
    }
    sys::signal_handler(arrived)?;
    ASYNC.store(true, Ordering::Release);
    mirror(thread_mask())
}

/// Tells the emulator which signals the calling thread blocks, once they
/// arrive asynchronously at all.
fn mirror(mask: sigset_t) -> Result<(), Errno> {
    if ASYNC.load(Ordering::Acquire) {
        sys::signal_mask((mask & FULL) as u32)?;
    }
    Ok(())
}

/// Sends `sig` to the thread with id `tid` (not the caller), which takes
/// it at once unless it blocks it.
pub fn send_to_thread(tid: u32, sig: c_int) -> Result<(), Errno> {
    enable_async()?;
    SENT.store(true, Ordering::Release);
    sys::thread_signal(sys::tid(tid), to_cloudabi(sig))
}

/// Tells the emulator which signals `actions` ignore, so that they are
/// discarded on arrival rather than interrupting a blocked call.
pub fn mirror_ignored(actions: &[sigaction]) -> Result<(), Errno> {
    let ignored = (1..actions.len()).filter(|&s| actions[s].sa_handler == SIG_IGN).fold(0, |set, s| set | 1 << s);
    if IGNORED.swap(ignored, Ordering::AcqRel) == ignored {
        return Ok(());
    }
    sys::signal_ignore(ignored as u32)
}

/// Can a signal still come, so that waiting for one can end: is either
/// timer armed, or has a thread signalled another?
fn signal_may_come() -> bool {
    ASYNC.load(Ordering::Acquire)
        && (SENT.load(Ordering::Acquire)
            || [sys::signal::ALRM, sys::signal::VTALRM]
                .into_iter()
                .any(|s| sys::timer_get(s).is_ok_and(|t| t.value != 0)))
}

/// Delivers pending signals the calling thread does not block, lowest
/// first.
pub fn deliver_unblocked() -> Result<(), Errno> {
    loop {
        let ready = PENDING.load(Ordering::Acquire) & !thread_mask();
        if ready == 0 {
            return Ok(());
        }
        let bit = 1 << ready.trailing_zeros();
        // Another thread may have taken it meanwhile.
        if PENDING.fetch_and(!bit, Ordering::AcqRel) & bit != 0 {
            deliver(ready.trailing_zeros() as c_int)?;
        }
    }
}

/// Changes the calling thread's blocked set; used by sigprocmask and
/// pthread_sigmask. Unblocking delivers what became pending meanwhile.
pub fn change_mask(how: c_int, set: *const sigset_t, old: *mut sigset_t) -> Result<(), Errno> {
    let cur = thread_mask();
    if !old.is_null() {
        // SAFETY: `old` is writable (C contract).
        unsafe { *old = cur };
    }
    if set.is_null() {
        return Ok(());
    }
    // SAFETY: `set` is readable (C contract).
    let s = unsafe { *set } & FULL & !(1 << SIGKILL) & !(1 << SIGSTOP);
    let new = match how {
        SIG_BLOCK => cur | s,
        SIG_UNBLOCK => cur & !s,
        SIG_SETMASK => s,
        _ => return Err(errno::INVAL),
    };
    store_mask(new);
    // Always told, not only on a change: a handler left by longjmp leaves
    // the emulator's mask as it was inside the handler.
    mirror(new)?;
    deliver_unblocked()
}

/// A new thread starts with its creator's mask (`creator`).
pub fn thread_started(creator: sigset_t) {
    store_mask(creator);
    let _ = mirror(creator);
}

/// In a forked child nothing is pending (and Linux gave it no timers).
pub fn after_fork() {
    PENDING.store(0, Ordering::Release);
}

/// Compat `sigprocmask`: blocks or unblocks signals for the calling
/// thread; unblocking delivers what became pending meanwhile before
/// returning.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigprocmask(how: c_int, set: *const sigset_t, old: *mut sigset_t) -> c_int {
    change_mask(how, set, old).map(|()| 0).or_errno(-1)
}

/// Compat `sigpending`: the blocked signals raised meanwhile, and the
/// timer signals waiting in the emulator for this thread to unblock them.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigpending(set: *mut sigset_t) -> c_int {
    let waiting = if ASYNC.load(Ordering::Acquire) { sigset_t::from(sys::signal_pending()) } else { 0 };
    // SAFETY: `set` is writable (C contract).
    unsafe { *set = PENDING.load(Ordering::Acquire) | waiting };
    0
}

/// Compat `sigsuspend`: takes the mask `set` until a handler has run, then
/// restores the old one and fails with EINTR. With no timer armed and
/// nothing pending, no signal could ever arrive: ENOSYS rather than
/// blocking forever.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigsuspend(set: *const sigset_t) -> c_int {
    let saved = thread_mask();
    let handled = HANDLED.load(Ordering::Acquire);
    let mut seen = sys::signal_count();
    if set.is_null() {
        return Err(errno::FAULT).or_errno(-1);
    }
    let _ = change_mask(SIG_SETMASK, set, core::ptr::null_mut());
    let e = loop {
        if HANDLED.load(Ordering::Acquire) != handled {
            break errno::INTR;
        }
        if !signal_may_come() {
            // A one-shot timer that fired just now is disarmed already.
            break if HANDLED.load(Ordering::Acquire) != handled { errno::INTR } else { errno::NOSYS };
        }
        let _ = sys::signal_wait(seen);
        seen = sys::signal_count();
        let _ = deliver_unblocked();
    };
    let _ = change_mask(SIG_SETMASK, &saved, core::ptr::null_mut());
    Err(e).or_errno(-1)
}
