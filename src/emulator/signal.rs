//! Asynchronous signals, from the process's interval timers and from its
//! own threads: the emulator extensions behind compat `alarm`,
//! `setitimer`, `pause`, `sigsuspend`, `pthread_sigmask` and `pthread_kill`.
//!
//! CloudABI has no asynchronous signals, but a program that asks for a
//! timer on itself, or signals one of its own threads, asks for nothing
//! outside its own process, and POSIX code (CPython's `signal.alarm` and
//! `signal.pthread_kill` among it) needs a blocked call to be interrupted
//! when the signal comes. The timers send SIGALRM (real time) and
//! SIGVTALRM (the process's user CPU time); a thread signalling another
//! sends a Linux real-time signal that carries the CloudABI one (see
//! `linux_of`), so that nothing from outside the program can pose as it.
//! Nothing outside the process can signal it.
//!
//! - `cloudabi_ext_signal_handler(f)`: installs the Linux handler of every
//!   carried signal, which calls `f(sig)` (CloudABI signal numbers) on the
//!   thread the kernel picked, between two instructions of whatever it
//!   ran. A blocking call it interrupts (`fd_read`, `fd_write`, `poll`,
//!   ...) fails with EINTR, or returns what it transferred so far.
//! - `cloudabi_ext_timer_set(sig, value, interval, old)`: arms the timer of
//!   `sig` (ALRM or VTALRM) to fire in `value` ns and then every `interval`
//!   ns (0: once; `value` 0 disarms); `old`, if not null, receives what was
//!   left of the previous setting. `cloudabi_ext_timer_get(sig, out)` reads
//!   it. Microsecond resolution (Linux `setitimer`), rounded up.
//! - `cloudabi_ext_thread_signal(tid, sig)`: sends `sig` to a thread of the
//!   process (once the handlers are installed).
//! - `cloudabi_ext_signal_mask(set)`: the calling thread blocks the
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
//! Threads start with the carried signals blocked until the libc has set
//! up their thread-local storage, which a handler may read.

use super::emulate;
use super::entry::{set_action, SIG_DFL, SIG_IGN};
use super::futex;
use super::proc::SIGNALS;
use super::linux::{nr, result, syscall};
use cloudabi::{errno, signal, tid, timestamp};
use core::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};

const SIGALRM: usize = 14;
const SIGVTALRM: usize = 26;
/// Each timer signal: its CloudABI and Linux numbers and its Linux timer.
const TIMERS: [(signal, usize, usize); 2] = [(signal::ALRM, SIGALRM, ITIMER_REAL), (signal::VTALRM, SIGVTALRM, ITIMER_VIRTUAL)];

/// The Linux mask bit of Linux signal `l`.
fn linux_bit(l: usize) -> u64 {
    1 << (l - 1)
}

/// Where the Linux real-time signals that carry CloudABI signals between
/// threads start: CloudABI signal `s` travels as `CARRIER_BASE + s` (at
/// most 60, below Linux's 64).
const CARRIER_BASE: usize = 34;

/// The Linux signal that carries CloudABI signal `s` to a thread: a timer
/// signal as itself, any other as its real-time carrier, so that a carried
/// signal is never mistaken for one the kernel or another process sent.
fn linux_of(s: signal) -> usize {
    match TIMERS.iter().find(|t| t.0 == s) {
        Some(t) => t.1,
        None => CARRIER_BASE + s as usize,
    }
}

/// The CloudABI signal Linux signal `l` carries, if any.
fn cloudabi_of(l: usize) -> Option<signal> {
    SIGNALS.iter().map(|p| p.0).find(|&s| linux_of(s) == l)
}

/// Every Linux signal that carries a CloudABI signal.
fn all_carried() -> u64 {
    SIGNALS.iter().fold(0, |m, p| m | linux_bit(linux_of(p.0)))
}

const SA_SIGINFO: u64 = 4;
const SA_RESTORER: u64 = 0x0400_0000;
const SIG_BLOCK: usize = 0;
const SIG_UNBLOCK: usize = 1;
const SIG_SETMASK: usize = 2;
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

/// The Linux handler of every carried signal.
extern "C" fn on_signal(sig: i32, _info: *mut u8, _context: *mut u8) {
    let Some(s) = cloudabi_of(sig as usize) else {
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

/// Runs `f` with the carried signals blocked in the calling thread if a
/// handler could run, so that a thread `f` starts begins with them blocked.
pub fn blocked<T>(f: impl FnOnce() -> T) -> T {
    if !INSTALLED.load(Ordering::Acquire) {
        return f();
    }
    let mut old = 0;
    let saved = set_mask(SIG_BLOCK, all_carried(), Some(&mut old)).is_ok();
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
        set_action(linux_sig, SIG_DFL);
        let _ = set_mask(SIG_UNBLOCK, linux_bit(linux_sig), None);
    }
}

/// Unblocks the carried signals and gives the timer signals their default
/// action: a program starts taking them, whatever the mask and actions of
/// the program that executed it were (its libc starts with all actions at
/// their default; nothing sends a carrier before its handler is in).
pub fn unblock_at_start() {
    let _ = apply_actions();
    let _ = set_mask(SIG_UNBLOCK, all_carried(), None);
}

/// Makes the Linux action of each carried signal what the program asked:
/// ignored (discarded by the kernel, so it interrupts nothing), the
/// handler that calls the upcall once one is registered, or else the
/// default action (the timer signals; carriers only once the handlers are
/// in, as nothing sends them before).
fn apply_actions() -> Result<(), errno> {
    let ignored = IGNORED.load(Ordering::Acquire);
    let installed = INSTALLED.load(Ordering::Acquire);
    for &(s, _) in SIGNALS.iter().filter(|p| installed || TIMERS.iter().any(|t| t.0 == p.0)) {
        let sig = linux_of(s);
        if ignored & (1 << s as u32) != 0 {
            set_action(sig, SIG_IGN);
        } else if installed {
            // Linux `struct k_sigaction`: handler, flags, restorer, mask.
            // The other carried signals wait while one is handled; without
            // SA_RESTART, interrupted calls fail with EINTR.
            let act: [u64; 4] = [
                on_signal as *const () as u64,
                SA_SIGINFO | SA_RESTORER,
                __cloudabi_emu_sigreturn as *const () as u64,
                all_carried(),
            ];
            // SAFETY: `act` is a valid kernel sigaction with a restorer
            // that returns through rt_sigreturn; no old action is asked.
            result(unsafe { syscall!(nr::RT_SIGACTION, sig, act.as_ptr(), 0, 8) })?;
        } else {
            set_action(sig, SIG_DFL);
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

/// Makes the signals whose bits (`1 << sig`) are in `set` ignored, and the
/// others arrive as before (an emulator extension).
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

/// Sets which signals the calling thread blocks (an emulator extension).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_signal_mask(set: u32) -> errno {
    emulate(|| {
        let mut block = 0;
        let mut take = 0;
        for &(s, _) in &SIGNALS {
            if set & (1 << s as u32) != 0 {
                block |= linux_bit(linux_of(s));
            } else {
                take |= linux_bit(linux_of(s));
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

/// The signals that arrived while the calling thread blocked them and wait
/// for it (bits `1 << sig`; an emulator extension).
#[no_mangle]
pub extern "C" fn cloudabi_ext_signal_pending() -> u32 {
    let mut set = 0u64;
    // SAFETY: `set` is a writable 8-byte mask, the size passed.
    if result(unsafe { syscall!(nr::RT_SIGPENDING, &mut set as *mut u64, 8) }).is_err() {
        return 0;
    }
    SIGNALS.iter().filter(|p| set & linux_bit(linux_of(p.0)) != 0).fold(0, |acc, p| acc | 1 << p.0 as u32)
}

/// Sends signal `sig` to thread `t` of the process, where it arrives as a
/// timer signal does (an emulator extension): `ESRCH` if the thread has
/// ended, `ENOSYS` before `cloudabi_ext_signal_handler` (a carrier would
/// otherwise take its default action and end the process).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_thread_signal(t: tid, sig: signal) -> errno {
    emulate(|| {
        if !INSTALLED.load(Ordering::Acquire) {
            return Err(errno::NOSYS);
        }
        // SAFETY: no memory effects.
        let pid = unsafe { syscall!(nr::GETPID) };
        // SAFETY: no memory effects; tgkill only reaches threads of `pid`.
        result(unsafe { syscall!(nr::TGKILL, pid, t.0 as usize, linux_of(sig)) }).map(drop)
    })
}

/// The number of signals handled so far (an emulator extension).
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
