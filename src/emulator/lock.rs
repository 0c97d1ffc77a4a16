//! CloudABI userspace locks and condition variables: the part a CloudABI
//! kernel does, on Linux futexes. `lock_unlock`, `condvar_signal`, and the
//! `LOCK_RDLOCK`, `LOCK_WRLOCK` and `CONDVAR` subscriptions of `poll`.
//!
//! The lock word is CloudABI's: `LOCK_UNLOCKED` (0); `LOCK_WRLOCKED | tid`
//! while write-locked; the number of readers while read-locked; plus
//! `LOCK_KERNEL_MANAGED` once a thread sleeps on it, which tells userspace
//! that the last owner must unlock through `lock_unlock` so that sleepers
//! wake. Sleepers wait on the lock word itself (see `futex`). A writer
//! that slept re-acquires with `LOCK_KERNEL_MANAGED` set, since other
//! sleepers may remain; at worst that costs one needless `lock_unlock`.
//! Readers defer to sleeping writers: a read-locked word with the flag set
//! admits no new reader here (userspace lets a thread that already holds
//! read locks through, which is what keeps read recursion deadlock-free).
//!
//! A condition variable word is `CONDVAR_HAS_NO_WAITERS` (0) or non-zero
//! while threads wait. The waiters themselves are kept here, in queues
//! hashed by the condition variable's address, each waiter a node on its
//! own stack with a word of its own to sleep on, woken in FIFO order. That
//! keeps signals exact (a signal wakes threads that were waiting when it
//! was sent, never a later one) without any state in the 32-bit word.
//! Queues are per process: `scope` SHARED objects work among the threads
//! of this process, not across `proc_fork` (a forked child starts with
//! empty queues and does not wake its parent's waiters).

use super::futex::{self, Deadline};
use super::linux::{nr, syscall};
use crate::sync::SpinLock;
use cloudabi::{
    clockid, condvar, errno, event, event_fd_readwrite, event_union, eventrwflags, eventtype, lock, nthreads, scope,
    subclockflags, subscription, userdata,
};
use core::ptr::addr_of;
use core::sync::atomic::{AtomicU32, Ordering};

const UNLOCKED: u32 = cloudabi::LOCK_UNLOCKED.0;
const WRLOCKED: u32 = cloudabi::LOCK_WRLOCKED.0;
const KERNEL_MANAGED: u32 = cloudabi::LOCK_KERNEL_MANAGED.0;
/// The owner's thread id when write-locked, the reader count otherwise.
const OWNER: u32 = !(WRLOCKED | KERNEL_MANAGED);

/// The calling thread's id, as written into lock words.
fn current_tid() -> u32 {
    // SAFETY: gettid has no arguments and cannot fail.
    (unsafe { syscall!(nr::GETTID) }) as u32 & OWNER
}

/// Acquires `l` for writing as thread `me`, sleeping until it can.
pub fn acquire_write(l: &AtomicU32, me: u32, deadline: Option<&Deadline>) -> Result<(), errno> {
    let mut managed = 0;
    loop {
        let w = l.load(Ordering::Relaxed);
        if w == UNLOCKED {
            if l.compare_exchange(UNLOCKED, WRLOCKED | me | managed, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                return Ok(());
            }
            continue;
        }
        if w & WRLOCKED != 0 && w & OWNER == me {
            return Err(errno::DEADLK);
        }
        sleep_on(l, w, futex::WRITERS, deadline)?;
        managed = KERNEL_MANAGED;
    }
}

/// Acquires `l` for reading as thread `me`, sleeping while it is
/// write-locked or while writers sleep on it.
pub fn acquire_read(l: &AtomicU32, me: u32, deadline: Option<&Deadline>) -> Result<(), errno> {
    loop {
        let w = l.load(Ordering::Relaxed);
        if w & (WRLOCKED | KERNEL_MANAGED) == 0 {
            if w == OWNER {
                return Err(errno::AGAIN);
            }
            if l.compare_exchange(w, w + 1, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                return Ok(());
            }
            continue;
        }
        if w & WRLOCKED != 0 && w & OWNER == me {
            return Err(errno::DEADLK);
        }
        sleep_on(l, w, futex::READERS, deadline)?;
    }
}

/// Marks the held word `w` as having sleepers and sleeps until it changes.
fn sleep_on(l: &AtomicU32, w: u32, bits: u32, deadline: Option<&Deadline>) -> Result<(), errno> {
    if w == KERNEL_MANAGED {
        // LOCK_BOGUS: managed but unlocked, which no owner can resolve.
        return Err(errno::INVAL);
    }
    let managed = w | KERNEL_MANAGED;
    if w != managed && l.compare_exchange(w, managed, Ordering::Relaxed, Ordering::Relaxed).is_err() {
        return Ok(());
    }
    futex::wait(l, managed, bits, deadline)
}

/// Unlocks `l`, write-locked by `me`, waking one sleeping writer or else
/// all sleeping readers.
pub fn release(l: &AtomicU32, me: u32) -> Result<(), errno> {
    let w = l.load(Ordering::Relaxed);
    if w & WRLOCKED == 0 || w & OWNER != me {
        return Err(errno::PERM);
    }
    l.store(UNLOCKED, Ordering::Release);
    if futex::wake(l, 1, futex::WRITERS) == 0 {
        futex::wake(l, u32::MAX, futex::READERS);
    }
    Ok(())
}

/// Unlocks `l`, write-locked by `me`, in the cheapest way that is correct.
fn unlock(l: &AtomicU32, me: u32) -> Result<(), errno> {
    match l.compare_exchange(WRLOCKED | me, UNLOCKED, Ordering::Release, Ordering::Relaxed) {
        Ok(_) => Ok(()),
        Err(_) => release(l, me),
    }
}

/// A thread waiting on a condition variable, linked into its queue.
struct Waiter {
    condvar: usize,
    /// Set to 1 by the signaller that takes the waiter off the queue.
    woken: AtomicU32,
    next: *mut Waiter,
}

struct Queue {
    head: *mut Waiter,
}

// SAFETY: the nodes a queue links are only touched under its lock.
unsafe impl Send for Queue {}

const QUEUE_COUNT: usize = 64;
static QUEUES: [SpinLock<Queue>; QUEUE_COUNT] =
    [const { SpinLock::new(Queue { head: core::ptr::null_mut() }) }; QUEUE_COUNT];

fn queue_of(cv: usize) -> &'static SpinLock<Queue> {
    // Fibonacci hashing: the top bits of the product mix all address bits.
    &QUEUES[cv.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (usize::BITS - QUEUE_COUNT.trailing_zeros())]
}

/// Runs `fork` (a Linux fork returning the child's pid, 0 in the child)
/// with every queue locked, so that none is half-changed in the child; in
/// the child the queues are emptied, as their waiters were other threads,
/// which the child does not have.
pub fn forking(fork: impl FnOnce() -> Result<usize, errno>) -> Result<usize, errno> {
    let mut held: [_; QUEUE_COUNT] = core::array::from_fn(|i| QUEUES[i].lock());
    let r = fork();
    if r == Ok(0) {
        for q in &mut held {
            q.head = core::ptr::null_mut();
        }
    }
    r
}

/// Atomically releases `l` (write-locked by `me`) and waits on `cv`, then
/// re-acquires `l` for writing, also when the deadline passed first.
/// Returns whether a signal arrived (TIMEDOUT if not).
pub fn wait_condvar(cv: &AtomicU32, l: &AtomicU32, me: u32, deadline: Option<&Deadline>) -> Result<(), errno> {
    let w = l.load(Ordering::Relaxed);
    if w & WRLOCKED == 0 || w & OWNER != me {
        return Err(errno::PERM);
    }
    let key = cv as *const AtomicU32 as usize;
    let mut node = Waiter { condvar: key, woken: AtomicU32::new(0), next: core::ptr::null_mut() };
    let me_node: *mut Waiter = &mut node;
    {
        let mut q = queue_of(key).lock();
        let mut link: *mut *mut Waiter = &mut q.head;
        // SAFETY: the queue's nodes stay alive while linked, and we hold its lock.
        unsafe {
            while !(*link).is_null() {
                link = &mut (**link).next;
            }
            *link = me_node;
        }
        cv.store(1, Ordering::Relaxed);
    }
    if let Err(e) = unlock(l, me) {
        dequeue(key, cv, me_node);
        return Err(e);
    }
    let outcome = loop {
        // SAFETY: `node` is ours; signallers only store to `woken` under the queue lock.
        if unsafe { &*me_node }.woken.load(Ordering::Acquire) != 0 {
            break Ok(());
        }
        // SAFETY: as above.
        match futex::wait_interruptible(unsafe { &(*me_node).woken }, 0, futex::ANY, deadline) {
            Ok(()) => {}
            Err(errno::INTR) => {
                // A signal handler ran: wake up (spuriously, as a condition
                // variable may), so that a waiter POSIX lets a signal
                // interrupt (`sem_wait`) can tell.
                dequeue(key, cv, me_node);
                break Ok(());
            }
            Err(e) => {
                // Still queued: leave. Already dequeued: a signal was meant
                // for this thread, so report it rather than lose it.
                break if dequeue(key, cv, me_node) { Err(e) } else { Ok(()) };
            }
        }
    };
    acquire_write(l, me, None)?;
    outcome
}

/// Removes `node` from the queue of `cv` if still there; returns whether it was.
fn dequeue(key: usize, cv: &AtomicU32, node: *mut Waiter) -> bool {
    let mut q = queue_of(key).lock();
    let mut found = false;
    let mut others = false;
    let mut link: *mut *mut Waiter = &mut q.head;
    // SAFETY: as in `wait_condvar`.
    unsafe {
        while !(*link).is_null() {
            let w = *link;
            if w == node {
                *link = (*w).next;
                found = true;
                continue;
            }
            others |= (*w).condvar == key;
            link = &mut (*w).next;
        }
    }
    if found && !others {
        cv.store(cloudabi::CONDVAR_HAS_NO_WAITERS.0, Ordering::Relaxed);
    }
    found
}

/// Wakes up to `n` threads waiting on `cv`, oldest first; clears the word
/// when none are left waiting.
pub fn signal(cv: &AtomicU32, n: nthreads) {
    let key = cv as *const AtomicU32 as usize;
    let mut q = queue_of(key).lock();
    let mut left = n;
    let mut others = false;
    let mut link: *mut *mut Waiter = &mut q.head;
    // SAFETY: linked nodes are alive while we hold the queue lock. Once
    // `woken` is set, the waiter may return and its node vanish, so the
    // node is unlinked first and not read afterwards.
    unsafe {
        while !(*link).is_null() {
            let w = *link;
            if (*w).condvar != key {
                link = &mut (*w).next;
            } else if left == 0 {
                others = true;
                break;
            } else {
                *link = (*w).next;
                left -= 1;
                let word: *const AtomicU32 = &(*w).woken;
                (*word).store(1, Ordering::Release);
                futex::wake(word, 1, futex::ANY);
            }
        }
    }
    if !others {
        cv.store(cloudabi::CONDVAR_HAS_NO_WAITERS.0, Ordering::Relaxed);
    }
}

/// A lock or condition variable word passed in by pointer.
///
/// # Safety
/// `p` must be null or point at a word that stays alive during the call.
unsafe fn word<'a, T>(p: *mut T) -> Result<&'a AtomicU32, errno> {
    if p.is_null() {
        return Err(errno::FAULT);
    }
    if !(p as usize).is_multiple_of(4) {
        return Err(errno::INVAL);
    }
    // SAFETY: non-null and aligned; `lock` and `condvar` are 32-bit words,
    // which AtomicU32 lays out identically.
    Ok(unsafe { &*(p as *const AtomicU32) })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_lock_unlock(l: *mut lock, _scope: scope) -> errno {
    // SAFETY: the caller passes its lock.
    super::emulate(|| release(unsafe { word(l) }?, current_tid()))
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_condvar_signal(cv: *mut condvar, _scope: scope, n: nthreads) -> errno {
    super::emulate(|| {
        // SAFETY: the caller passes its condition variable.
        signal(unsafe { word(cv) }?, n);
        Ok(())
    })
}

/// Whether a subscription type (its raw byte) is one `poll_sync` handles:
/// LOCK_RDLOCK, LOCK_WRLOCK or CONDVAR.
pub fn is_sync(raw_type: u8) -> bool {
    matches!(raw_type, 2 | 5 | 6)
}

/// The raw type byte of a subscription (which may hold no valid enum value).
///
/// # Safety
/// `s` must point at a readable subscription.
unsafe fn raw_type(s: *const subscription) -> u8 {
    // SAFETY: the caller's contract; a byte read, never an enum.
    unsafe { addr_of!((*s).r#type).cast::<u8>().read() }
}

fn event_of(userdata: userdata, t: eventtype, error: errno) -> event {
    event {
        userdata,
        error,
        r#type: t,
        union: event_union {
            fd_readwrite: event_fd_readwrite { nbytes: 0, unused: [0; 4], flags: eventrwflags::empty() },
        },
    }
}

/// `poll` whose first subscription is a lock or a condition variable
/// (see `is_sync`): CloudABI allows one more subscription at most, a clock
/// bounding the wait (MONOTONIC or REALTIME; others are EINVAL, as in
/// `poll`). Exactly one event comes out: the first subscription's (with
/// its error, if any) or, when the deadline passed first, the clock's.
///
/// # Safety
/// `subs` must point at `n` readable subscriptions whose pointers are
/// valid for the call, `out` at room for `n` events.
pub unsafe fn poll_sync(subs: *const subscription, out: *mut event, n: usize) -> Result<usize, errno> {
    // SAFETY: the caller's contract; fields are read raw where the program
    // may have stored bytes that are no valid Rust enum.
    unsafe {
        let kind = raw_type(subs);
        if !is_sync(kind) || n == 0 || n > 2 {
            return Err(errno::INVAL);
        }
        let clock = if n == 2 { Some(subs.add(1)) } else { None };
        let deadline = match clock {
            Some(c) if raw_type(c) == eventtype::CLOCK as u8 => {
                let clock_id = addr_of!((*c).union.clock.clock_id).cast::<u32>().read();
                let clock_id = match clock_id {
                    1 => clockid::MONOTONIC,
                    3 => clockid::REALTIME,
                    _ => return Err(errno::INVAL),
                };
                let timeout = addr_of!((*c).union.clock.timeout).read();
                let absolute = addr_of!((*c).union.clock.flags).read().contains(subclockflags::ABSTIME);
                Some(Deadline::new(clock_id, timeout, absolute)?)
            }
            Some(_) => return Err(errno::INVAL),
            None => None,
        };
        let first = &*subs;
        let me = current_tid();
        let outcome = match kind {
            5 => word(first.union.lock.lock).and_then(|l| acquire_read(l, me, deadline.as_ref())),
            6 => word(first.union.lock.lock).and_then(|l| acquire_write(l, me, deadline.as_ref())),
            _ => {
                let c = &first.union.condvar;
                word(c.condvar).and_then(|cv| wait_condvar(cv, word(c.lock)?, me, deadline.as_ref()))
            }
        };
        let ev = match (outcome, clock) {
            (Err(errno::TIMEDOUT), Some(c)) => event_of((*c).userdata, eventtype::CLOCK, errno::SUCCESS),
            (r, _) => event_of(first.userdata, first.r#type, r.err().unwrap_or(errno::SUCCESS)),
        };
        out.write(ev);
    }
    Ok(1)
}

#[cfg(test)]
#[path = "lock_tests.rs"]
mod tests;
