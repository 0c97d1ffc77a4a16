//! Linux futexes: the sleeping and waking under CloudABI's locks and
//! condition variables.
//!
//! Every operation is a *shared* (not `FUTEX_PRIVATE_FLAG`) futex: the
//! kernel wakes the lock that `thread_exit` hands to `set_tid_address`
//! with a shared wake, and a private waiter would never see it. Waiters
//! name what they wait for in a bitset, so that an unlock can wake one
//! writer, or else every reader.

use super::clock::{from_timestamp, linux_clock, to_timestamp};
use super::linux::{nr, result, syscall, Timespec};
use cloudabi::{clockid, errno, timestamp};
use core::sync::atomic::AtomicU32;

const FUTEX_WAIT_BITSET: usize = 9;
const FUTEX_WAKE_BITSET: usize = 10;
const FUTEX_CLOCK_REALTIME: usize = 256;

/// Waiters for a read lock.
pub const READERS: u32 = 1;
/// Waiters for a write lock.
pub const WRITERS: u32 = 2;
/// Anything waiting on a word that only one kind of waiter uses.
pub const ANY: u32 = u32::MAX;

/// When a wait gives up: an absolute time on Linux's monotonic or
/// realtime clock (the two clocks futexes can measure).
#[derive(Copy, Clone)]
pub struct Deadline {
    realtime: bool,
    at: Timespec,
}

impl Deadline {
    /// The deadline of a clock subscription on MONOTONIC or REALTIME.
    /// Relative timeouts are measured on the monotonic clock whatever
    /// clock they name, so that setting the time of day cannot stretch them.
    pub fn new(clock: clockid, timeout: timestamp, absolute: bool) -> Result<Deadline, errno> {
        if absolute {
            return Ok(Deadline { realtime: clock == clockid::REALTIME, at: from_timestamp(timeout) });
        }
        let mut now = Timespec::default();
        // SAFETY: `now` is a writable timespec.
        result(unsafe { syscall!(nr::CLOCK_GETTIME, linux_clock(clockid::MONOTONIC)?, &mut now as *mut Timespec) })?;
        Ok(Deadline { realtime: false, at: from_timestamp(to_timestamp(&now).saturating_add(timeout)) })
    }
}

/// Sleeps while `*word == expected`, until a wake whose bitset meets
/// `bits`. Returns `Ok` on a wake, on a changed value and on a signal (the
/// caller re-examines the word in every case), TIMEDOUT once `deadline`
/// has passed.
pub fn wait(word: &AtomicU32, expected: u32, bits: u32, deadline: Option<&Deadline>) -> Result<(), errno> {
    match wait_interruptible(word, expected, bits, deadline) {
        Err(errno::INTR) => Ok(()),
        r => r,
    }
}

/// As `wait`, but a signal handler that ran meanwhile ends the sleep with
/// INTR, for the waits a signal may end (a condition variable's).
pub fn wait_interruptible(word: &AtomicU32, expected: u32, bits: u32, deadline: Option<&Deadline>) -> Result<(), errno> {
    let (op, ts) = match deadline {
        Some(d) => {
            let clock = if d.realtime { FUTEX_CLOCK_REALTIME } else { 0 };
            (FUTEX_WAIT_BITSET | clock, &d.at as *const Timespec)
        }
        None => (FUTEX_WAIT_BITSET, core::ptr::null()),
    };
    // SAFETY: `word` is a live, aligned 32-bit word; `ts` is null or a
    // timespec that outlives the call.
    match result(unsafe { syscall!(nr::FUTEX, word.as_ptr(), op, expected, ts, 0, bits) }) {
        Ok(_) | Err(errno::AGAIN) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Wakes up to `n` waiters on `word` whose bitsets meet `bits`; returns how
/// many woke. `word` may already be freed memory by the time this runs
/// (a waiter that saw its wake-up condition can return early): a futex
/// wake only compares addresses, so that costs at most a spurious wake-up
/// elsewhere, which every waiter tolerates.
pub fn wake(word: *const AtomicU32, n: u32, bits: u32) -> usize {
    let n = n.min(i32::MAX as u32);
    // SAFETY: a wake never writes the word; an unmapped address is EFAULT.
    result(unsafe { syscall!(nr::FUTEX, word, FUTEX_WAKE_BITSET, n, 0, 0, bits) }).unwrap_or(0)
}
