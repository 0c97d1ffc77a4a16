//! Asynchronous signals from interval timers: the emulator extensions
//! behind compat `alarm`, `setitimer`, `pause` and `sigsuspend`.
//!
//! CloudABI has no asynchronous signals, but a program that asks for a
//! timer on itself asks for nothing outside its own process, and POSIX
//! code (CPython's `signal.alarm` among it) needs a blocked call to be
//! interrupted when the timer fires. Only the two timers' signals arrive
//! this way, SIGALRM (real time) and SIGVTALRM (the process's user CPU
//! time); nothing else can signal the process.
//!
//! - `cloudabi_ext_signal_handler(f)`: installs the Linux handler of both
//!   signals, which calls `f(sig)` (CloudABI signal numbers) on the thread
//!   the kernel picked, between two instructions of whatever it ran. A
//!   blocking call it interrupts (`fd_read`, `fd_write`, `poll`, ...) fails
//!   with EINTR, or returns what it transferred so far.
//! - `cloudabi_ext_timer_set(sig, value, interval, old)`: arms the timer of
//!   `sig` (ALRM or VTALRM) to fire in `value` ns and then every `interval`
//!   ns (0: once; `value` 0 disarms); `old`, if not null, receives what was
//!   left of the previous setting. `cloudabi_ext_timer_get(sig, out)` reads
//!   it. Microsecond resolution (Linux `setitimer`), rounded up.
//! - `cloudabi_ext_signal_mask(set)`: the calling thread blocks the two
//!   signals whose bits (`1 << sig`) are in `set` and takes the others;
//!   `cloudabi_ext_signal_pending()` gives those that arrived meanwhile.
//! - `cloudabi_ext_signal_ignore(set)`: the signals whose bits are in `set`
//!   are discarded when they arrive, as POSIX wants of ignored signals: they
//!   interrupt no call.
//! - `cloudabi_ext_signal_count()` and `cloudabi_ext_signal_wait(seen)`: the
//!   number of signals handled so far, and a sleep until it differs from
//!   `seen` (or the sleeper itself is interrupted), which is how `sigsuspend`
//!   waits without missing a signal that comes just before it sleeps.
//!
//! Threads start with both signals blocked until the libc has set up their
//! thread-local storage, which a handler may read.

use super::emulate;
use super::futex;
use super::linux::{nr, result, syscall};
use cloudabi::{errno, signal, timestamp};
use core::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};

const SIGALRM: usize = 14;
const SIGVTALRM: usize = 26;
/// The Linux mask bits of the two signals.
const TIMER_SIGNALS: u64 = 1 << (SIGALRM - 1) | 1 << (SIGVTALRM - 1);
/// Each timer signal: its CloudABI and Linux numbers and its Linux timer.
const TIMERS: [(signal, usize, usize); 2] = [(signal::ALRM, SIGALRM, ITIMER_REAL), (signal::VTALRM, SIGVTALRM, ITIMER_VIRTUAL)];

/// The Linux mask bit of Linux signal `l`.
fn linux_bit(l: usize) -> u64 {
    1 << (l - 1)
}

const SA_SIGINFO: u64 = 4;
const SA_RESTORER: u64 = 0x0400_0000;
const SIG_BLOCK: usize = 0;
const SIG_UNBLOCK: usize = 1;
const SIG_SETMASK: usize = 2;
const SIG_DFL: usize = 0;
const SIG_IGN: usize = 1;
const ITIMER_REAL: usize = 0;
const ITIMER_VIRTUAL: usize = 1;

/// The program's function for arriving signals (0: none yet).
static UPCALL: AtomicUsize = AtomicUsize::new(0);
/// Whether the Linux handlers are installed.
static INSTALLED: AtomicBool = AtomicBool::new(false);
/// The timer signals the program ignores (bits `1 << sig`).
static IGNORED: AtomicU32 = AtomicU32::new(0);
/// Signals handled so far; a futex word `signal_wait` sleeps on.
static COUNT: AtomicU32 = AtomicU32::new(0);

// Linux returns from a handler through `rt_sigreturn`, which the handler's
// restorer must call with the frame the kernel pushed still on the stack.
core::arch::global_asm!(
    ".pushsection .text.__cloudabi_emu_sigreturn,\"ax\",@progbits",
    ".type __cloudabi_emu_sigreturn, @function",
    "__cloudabi_emu_sigreturn:",
    "mov eax, {sigreturn}",
    "syscall",
    "ud2",
    ".popsection",
    sigreturn = const 15,
);

extern "C" {
    fn __cloudabi_emu_sigreturn();
}

/// The Linux handler of both timer signals.
extern "C" fn on_signal(sig: i32, _info: *mut u8, _context: *mut u8) {
    let Some(&(s, _, _)) = TIMERS.iter().find(|t| t.1 == sig as usize) else {
        return;
    };
    let f = UPCALL.load(Ordering::Acquire);
    if f != 0 {
        // SAFETY: `f` was registered as this function type.
        let f: extern "C" fn(signal) = unsafe { core::mem::transmute(f) };
        f(s);
    }
    COUNT.fetch_add(1, Ordering::Release);
    futex::wake(&COUNT, u32::MAX, u32::MAX);
}

fn set_mask(how: usize, set: u64, old: Option<&mut u64>) -> Result<(), errno> {
    let old = old.map_or(core::ptr::null_mut(), |o| o as *mut u64);
    // SAFETY: `set` and `old` are 8-byte masks, the size passed.
    result(unsafe { syscall!(nr::RT_SIGPROCMASK, how, &set as *const u64, old, 8) }).map(drop)
}

/// Runs `f` with both timer signals blocked in the calling thread if a
/// handler could run, so that a thread `f` starts begins with them blocked.
pub fn blocked<T>(f: impl FnOnce() -> T) -> T {
    if !INSTALLED.load(Ordering::Acquire) {
        return f();
    }
    let mut old = 0;
    let saved = set_mask(SIG_BLOCK, TIMER_SIGNALS, Some(&mut old)).is_ok();
    let r = f();
    if saved {
        let _ = set_mask(SIG_SETMASK, old, None);
    }
    r
}

/// Before `proc_raise` sends a timer signal to take its default action:
/// gives it back its default action and unblocks it, as it may be sent
/// from inside its own handler.
pub fn prepare_default(linux_sig: usize) {
    if TIMERS.iter().any(|t| t.1 == linux_sig) {
        super::entry::set_action(linux_sig, SIG_DFL);
        let _ = set_mask(SIG_UNBLOCK, linux_bit(linux_sig), None);
    }
}

/// Unblocks both timer signals and gives them their default action: a
/// program starts taking them, whatever the mask and actions of the
/// program that executed it were (its libc starts with all actions at
/// their default).
pub fn unblock_at_start() {
    let _ = apply_actions();
    let _ = set_mask(SIG_UNBLOCK, TIMER_SIGNALS, None);
}

/// Makes the Linux action of each timer signal what the program asked:
/// ignored (discarded by the kernel, so it interrupts nothing), the
/// handler that calls the upcall once one is registered, or else the
/// default action.
fn apply_actions() -> Result<(), errno> {
    let ignored = IGNORED.load(Ordering::Acquire);
    for (s, sig, _) in TIMERS {
        if ignored & (1 << s as u32) != 0 {
            super::entry::set_action(sig, SIG_IGN);
        } else if INSTALLED.load(Ordering::Acquire) {
            // Linux `struct k_sigaction`: handler, flags, restorer, mask.
            // The other timer signal waits while one is handled; without
            // SA_RESTART, interrupted calls fail with EINTR.
            let act: [u64; 4] = [
                on_signal as *const () as u64,
                SA_SIGINFO | SA_RESTORER,
                __cloudabi_emu_sigreturn as *const () as u64,
                TIMER_SIGNALS,
            ];
            // SAFETY: `act` is a valid kernel sigaction with a restorer
            // that returns through rt_sigreturn; no old action is asked.
            result(unsafe { syscall!(nr::RT_SIGACTION, sig, act.as_ptr(), 0, 8) })?;
        } else {
            super::entry::set_action(sig, SIG_DFL);
        }
    }
    Ok(())
}

/// Registers `f` and installs the Linux handlers (an emulator extension,
/// see the module documentation).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_signal_handler(f: extern "C" fn(signal)) -> errno {
    emulate(|| {
        UPCALL.store(f as *const () as usize, Ordering::Release);
        if INSTALLED.swap(true, Ordering::AcqRel) {
            return Ok(());
        }
        apply_actions()
    })
}

/// Makes the timer signals whose bits (`1 << sig`) are in `set` ignored,
/// and the others arrive as before (an emulator extension).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_signal_ignore(set: u32) -> errno {
    emulate(|| {
        IGNORED.store(set, Ordering::Release);
        apply_actions()
    })
}

/// Linux `struct itimerval`: interval, then value, each seconds and µs.
type Itimerval = [i64; 4];

fn which(sig: signal) -> Result<usize, errno> {
    TIMERS.iter().find(|t| t.0 == sig).map(|t| t.2).ok_or(errno::INVAL)
}

/// Nanoseconds as a Linux `timeval`, rounded up so that a short non-zero
/// time does not become 0 (which would disarm the timer).
fn timeval(ns: timestamp) -> [i64; 2] {
    let us = ns.div_ceil(1000);
    [(us / 1_000_000) as i64, (us % 1_000_000) as i64]
}

fn nanoseconds(tv: &[i64]) -> timestamp {
    (tv[0] as u64).saturating_mul(1_000_000_000).saturating_add(tv[1] as u64 * 1000)
}

fn write_setting(v: &Itimerval, out: *mut timestamp) {
    if !out.is_null() {
        // SAFETY: the caller passes room for two timestamps.
        unsafe {
            out.write(nanoseconds(&v[2..]));
            out.add(1).write(nanoseconds(&v[..2]));
        }
    }
}

/// Arms or disarms a timer (an emulator extension, see the module
/// documentation); `old` receives the previous value and interval.
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_timer_set(
    sig: signal,
    value: timestamp,
    interval: timestamp,
    old: *mut timestamp,
) -> errno {
    emulate(|| {
        let w = which(sig)?;
        let (i, v) = (timeval(interval), timeval(value));
        let new: Itimerval = [i[0], i[1], v[0], v[1]];
        let mut prev: Itimerval = [0; 4];
        // SAFETY: both are valid itimervals.
        result(unsafe { syscall!(nr::SETITIMER, w, new.as_ptr(), prev.as_mut_ptr()) })?;
        write_setting(&prev, old);
        Ok(())
    })
}

/// Reads a timer: the time left and the interval (an emulator extension).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_timer_get(sig: signal, out: *mut timestamp) -> errno {
    emulate(|| {
        let w = which(sig)?;
        let mut cur: Itimerval = [0; 4];
        // SAFETY: `cur` is a writable itimerval.
        result(unsafe { syscall!(nr::GETITIMER, w, cur.as_mut_ptr()) })?;
        write_setting(&cur, out);
        Ok(())
    })
}

/// Sets which timer signals the calling thread blocks (an emulator
/// extension); bits of other signals are ignored.
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_signal_mask(set: u32) -> errno {
    emulate(|| {
        let mut block = 0;
        let mut take = 0;
        for (s, l, _) in TIMERS {
            if set & (1 << s as u32) != 0 {
                block |= linux_bit(l);
            } else {
                take |= linux_bit(l);
            }
        }
        if block != 0 {
            set_mask(SIG_BLOCK, block, None)?;
        }
        if take != 0 {
            set_mask(SIG_UNBLOCK, take, None)?;
        }
        Ok(())
    })
}

/// The timer signals that arrived while the calling thread blocked them
/// and wait for it (bits `1 << sig`; an emulator extension).
#[no_mangle]
pub extern "C" fn cloudabi_ext_signal_pending() -> u32 {
    let mut set = 0u64;
    // SAFETY: `set` is a writable 8-byte mask, the size passed.
    if result(unsafe { syscall!(nr::RT_SIGPENDING, &mut set as *mut u64, 8) }).is_err() {
        return 0;
    }
    TIMERS.into_iter().filter(|&(_, l, _)| set & linux_bit(l) != 0).fold(0, |acc, (s, _, _)| acc | 1 << s as u32)
}

/// The number of timer signals handled so far (an emulator extension).
#[no_mangle]
pub extern "C" fn cloudabi_ext_signal_count() -> u32 {
    COUNT.load(Ordering::Acquire)
}

/// Sleeps until the count of handled signals is no longer `seen`, or a
/// signal interrupts the sleep (an emulator extension).
#[no_mangle]
pub extern "C" fn cloudabi_ext_signal_wait(seen: u32) -> errno {
    emulate(|| futex::wait(&COUNT, seen, u32::MAX, None))
}
