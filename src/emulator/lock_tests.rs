//! Tests of the lock and condition variable calls, with std threads as
//! the competing threads.

use super::*;
use crate::emulator::thread::{cloudabi_sys_thread_create, cloudabi_sys_thread_exit};
use cloudabi::{subclockflags, subscription_clock, subscription_condvar, subscription_lock, subscription_union};
use std::cell::UnsafeCell;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn lock_sub(l: &AtomicU32, t: eventtype) -> subscription {
    subscription {
        userdata: 7,
        unused: 0,
        r#type: t,
        union: subscription_union { lock: subscription_lock { lock: l.as_ptr().cast(), lock_scope: scope::PRIVATE } },
    }
}

fn condvar_sub(cv: &AtomicU32, l: &AtomicU32) -> subscription {
    subscription {
        userdata: 8,
        unused: 0,
        r#type: eventtype::CONDVAR,
        union: subscription_union {
            condvar: subscription_condvar {
                condvar: cv.as_ptr().cast(),
                lock: l.as_ptr().cast(),
                condvar_scope: scope::PRIVATE,
                lock_scope: scope::PRIVATE,
            },
        },
    }
}

fn clock_sub(relative: Duration) -> subscription {
    subscription {
        userdata: 9,
        unused: 0,
        r#type: eventtype::CLOCK,
        union: subscription_union {
            clock: subscription_clock {
                identifier: 0,
                clock_id: cloudabi::clockid::MONOTONIC,
                timeout: relative.as_nanos() as u64,
                precision: 0,
                flags: subclockflags::empty(),
            },
        },
    }
}

/// Runs `poll_sync` and returns the single event's (userdata, error).
fn poll(subs: &[subscription]) -> (u64, errno) {
    let mut out = [event_of(0, eventtype::CLOCK, errno::SUCCESS); 2];
    // SAFETY: the subscriptions point at live words; `out` has room.
    assert_eq!(unsafe { poll_sync(subs.as_ptr(), out.as_mut_ptr(), subs.len()) }, Ok(1));
    (out[0].userdata, out[0].error)
}

fn poll_err(subs: &[subscription]) -> Result<usize, errno> {
    let mut out = [event_of(0, eventtype::CLOCK, errno::SUCCESS); 3];
    // SAFETY: as above.
    unsafe { poll_sync(subs.as_ptr(), out.as_mut_ptr(), subs.len()) }
}

/// Write-locks as userspace does: one CAS, else the kernel.
fn wrlock(l: &AtomicU32) {
    if l.compare_exchange(0, WRLOCKED | current_tid(), Ordering::Acquire, Ordering::Relaxed).is_err() {
        assert_eq!(poll(&[lock_sub(l, eventtype::LOCK_WRLOCK)]), (7, errno::SUCCESS));
    }
}

/// Unlocks as userspace does: one CAS, else `lock_unlock`.
fn wrunlock(l: &AtomicU32) {
    let me = WRLOCKED | current_tid();
    if l.compare_exchange(me, 0, Ordering::Release, Ordering::Relaxed).is_err() {
        // SAFETY: `l` is a live lock word.
        assert_eq!(unsafe { cloudabi_sys_lock_unlock(l.as_ptr().cast(), scope::PRIVATE) }, errno::SUCCESS);
    }
}

struct Shared {
    lock: AtomicU32,
    cv: AtomicU32,
    value: UnsafeCell<u64>,
}

// SAFETY: `value` is only touched with `lock` held.
unsafe impl Sync for Shared {}

fn shared() -> Arc<Shared> {
    Arc::new(Shared { lock: AtomicU32::new(0), cv: AtomicU32::new(0), value: UnsafeCell::new(0) })
}

#[test]
fn write_lock_excludes_other_threads() {
    let s = shared();
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let s = s.clone();
            std::thread::spawn(move || {
                for _ in 0..20_000 {
                    wrlock(&s.lock);
                    // SAFETY: the lock is held.
                    unsafe { *s.value.get() += 1 };
                    wrunlock(&s.lock);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    // SAFETY: every writer has finished.
    assert_eq!(unsafe { *s.value.get() }, 80_000);
    assert_eq!(s.lock.load(Ordering::Relaxed), 0);
}

#[test]
fn lock_wait_times_out_with_the_clock_event() {
    let l = AtomicU32::new(WRLOCKED | 0x12345);
    let t0 = Instant::now();
    assert_eq!(
        poll(&[lock_sub(&l, eventtype::LOCK_WRLOCK), clock_sub(Duration::from_millis(50))]),
        (9, errno::SUCCESS)
    );
    let waited = t0.elapsed();
    assert!(waited >= Duration::from_millis(50) && waited < Duration::from_millis(1000), "{waited:?}");
    assert_eq!(l.load(Ordering::Relaxed), WRLOCKED | KERNEL_MANAGED | 0x12345);
}

#[test]
fn relocking_own_write_lock_is_a_deadlock() {
    let l = AtomicU32::new(WRLOCKED | current_tid());
    assert_eq!(poll(&[lock_sub(&l, eventtype::LOCK_WRLOCK)]), (7, errno::DEADLK));
    assert_eq!(poll(&[lock_sub(&l, eventtype::LOCK_RDLOCK)]), (7, errno::DEADLK));
}

#[test]
fn unlocking_a_lock_held_by_another_thread_fails() {
    let l = AtomicU32::new(WRLOCKED | 0x12345);
    // SAFETY: `l` is a live lock word.
    assert_eq!(unsafe { cloudabi_sys_lock_unlock(l.as_ptr().cast(), scope::PRIVATE) }, errno::PERM);
    let r = AtomicU32::new(2);
    // SAFETY: as above.
    assert_eq!(unsafe { cloudabi_sys_lock_unlock(r.as_ptr().cast(), scope::PRIVATE) }, errno::PERM);
}

#[test]
fn readers_share_but_defer_to_sleeping_writers() {
    let l = AtomicU32::new(2);
    assert_eq!(poll(&[lock_sub(&l, eventtype::LOCK_RDLOCK)]), (7, errno::SUCCESS));
    assert_eq!(l.load(Ordering::Relaxed), 3);
    l.store(3 | KERNEL_MANAGED, Ordering::Relaxed);
    let sub = [lock_sub(&l, eventtype::LOCK_RDLOCK), clock_sub(Duration::from_millis(20))];
    assert_eq!(poll(&sub), (9, errno::SUCCESS));
}

#[test]
fn unlock_wakes_a_sleeping_writer_then_readers() {
    let l = Arc::new(AtomicU32::new(0));
    wrlock(&l);
    let sleepers: Vec<_> = [eventtype::LOCK_WRLOCK, eventtype::LOCK_RDLOCK, eventtype::LOCK_RDLOCK]
        .into_iter()
        .map(|t| {
            let l = l.clone();
            std::thread::spawn(move || {
                assert_eq!(poll(&[lock_sub(&l, t)]), (7, errno::SUCCESS));
                let w = l.load(Ordering::Relaxed);
                if t == eventtype::LOCK_WRLOCK {
                    assert_eq!(w & !KERNEL_MANAGED, WRLOCKED | current_tid());
                    std::thread::sleep(Duration::from_millis(20));
                    wrunlock(&l);
                } else {
                    assert_eq!(w & WRLOCKED, 0);
                    l.fetch_sub(1, Ordering::Release);
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(l.load(Ordering::Relaxed), WRLOCKED | KERNEL_MANAGED | current_tid());
    wrunlock(&l);
    for s in sleepers {
        s.join().unwrap();
    }
}

#[test]
fn condvar_wait_releases_and_reacquires_the_lock() {
    let s = shared();
    let waiter = {
        let s = s.clone();
        std::thread::spawn(move || {
            wrlock(&s.lock);
            // SAFETY: the lock is held (the wait releases and retakes it).
            while unsafe { *s.value.get() } == 0 {
                assert_eq!(poll(&[condvar_sub(&s.cv, &s.lock)]), (8, errno::SUCCESS));
                assert_eq!(s.lock.load(Ordering::Relaxed) & !KERNEL_MANAGED, WRLOCKED | current_tid());
            }
            wrunlock(&s.lock);
        })
    };
    while s.cv.load(Ordering::Relaxed) == 0 {
        std::thread::sleep(Duration::from_millis(1));
    }
    wrlock(&s.lock);
    // SAFETY: the lock is held.
    unsafe { *s.value.get() = 1 };
    signal(&s.cv, 1);
    assert_eq!(s.cv.load(Ordering::Relaxed), 0);
    wrunlock(&s.lock);
    waiter.join().unwrap();
}

#[test]
fn broadcast_wakes_every_waiter_and_signal_one() {
    let s = shared();
    let waiters: Vec<_> = (0..3)
        .map(|_| {
            let s = s.clone();
            std::thread::spawn(move || {
                wrlock(&s.lock);
                assert_eq!(poll(&[condvar_sub(&s.cv, &s.lock)]), (8, errno::SUCCESS));
                // SAFETY: the lock is held again.
                unsafe { *s.value.get() += 1 };
                wrunlock(&s.lock);
            })
        })
        .collect();
    let queued = |n: usize| {
        let q = queue_of(s.cv.as_ptr() as usize).lock();
        let mut count = 0;
        let mut p = q.head;
        while !p.is_null() {
            // SAFETY: nodes stay linked and alive while the queue is locked.
            unsafe {
                count += usize::from((*p).condvar == s.cv.as_ptr() as usize);
                p = (*p).next;
            }
        }
        count == n
    };
    while !queued(3) {
        std::thread::sleep(Duration::from_millis(1));
    }
    signal(&s.cv, 1);
    assert!(queued(2));
    assert_ne!(s.cv.load(Ordering::Relaxed), 0);
    signal(&s.cv, u32::MAX);
    assert!(queued(0));
    assert_eq!(s.cv.load(Ordering::Relaxed), 0);
    for w in waiters {
        w.join().unwrap();
    }
    // SAFETY: all waiters have finished.
    assert_eq!(unsafe { *s.value.get() }, 3);
}

#[test]
fn condvar_timeout_fires_the_clock_and_still_reacquires() {
    let s = shared();
    wrlock(&s.lock);
    let t0 = Instant::now();
    assert_eq!(poll(&[condvar_sub(&s.cv, &s.lock), clock_sub(Duration::from_millis(30))]), (9, errno::SUCCESS));
    assert!(t0.elapsed() >= Duration::from_millis(30));
    assert_eq!(s.lock.load(Ordering::Relaxed) & !KERNEL_MANAGED, WRLOCKED | current_tid());
    assert_eq!(s.cv.load(Ordering::Relaxed), 0);
    wrunlock(&s.lock);
}

#[test]
fn condvar_wait_needs_the_lock_held() {
    let s = shared();
    assert_eq!(poll(&[condvar_sub(&s.cv, &s.lock)]), (8, errno::PERM));
    assert_eq!(s.cv.load(Ordering::Relaxed), 0);
}

#[test]
fn malformed_subscriptions_are_refused() {
    let l = AtomicU32::new(0);
    let two_locks = [lock_sub(&l, eventtype::LOCK_WRLOCK), lock_sub(&l, eventtype::LOCK_RDLOCK)];
    assert_eq!(poll_err(&two_locks), Err(errno::INVAL));
    let clock_first = [clock_sub(Duration::ZERO), lock_sub(&l, eventtype::LOCK_WRLOCK)];
    assert_eq!(poll_err(&clock_first), Err(errno::INVAL));
    let three = [lock_sub(&l, eventtype::LOCK_WRLOCK), clock_sub(Duration::ZERO), clock_sub(Duration::ZERO)];
    assert_eq!(poll_err(&three), Err(errno::INVAL));
    let mut cpu = clock_sub(Duration::ZERO);
    cpu.union.clock.clock_id = cloudabi::clockid::THREAD_CPUTIME_ID;
    assert_eq!(poll_err(&[lock_sub(&l, eventtype::LOCK_WRLOCK), cpu]), Err(errno::INVAL));
    let mut null = lock_sub(&l, eventtype::LOCK_WRLOCK);
    null.union.lock.lock = core::ptr::null_mut();
    assert_eq!(poll(&[null]), (7, errno::FAULT));
    assert_eq!(l.load(Ordering::Relaxed), 0);
}

static STARTED: AtomicU32 = AtomicU32::new(0);

/// Runs on a thread made by `thread_create`: touches only atomics (the
/// thread pointer is still the creator's), then exits through its lock.
unsafe extern "C" fn exiting_thread(t: cloudabi::tid, arg: *mut ()) {
    STARTED.store(t.0, Ordering::Release);
    // SAFETY: `arg` is the lock word the creator passed, alive until joined.
    unsafe { cloudabi_sys_thread_exit(arg.cast(), scope::PRIVATE) }
}

#[test]
fn thread_exit_unlocks_its_lock_after_the_thread_is_gone() {
    let mut stack = vec![0u8; 64 * 1024];
    let join = AtomicU32::new(WRLOCKED);
    let mut attr = cloudabi::threadattr {
        entry_point: exiting_thread,
        stack: (stack.as_mut_ptr().cast(), stack.len()),
        argument: join.as_ptr().cast(),
    };
    let mut t = cloudabi::tid(0);
    // SAFETY: the stack and the lock outlive the thread (joined below).
    assert_eq!(unsafe { cloudabi_sys_thread_create(&mut attr, &mut t) }, errno::SUCCESS);
    assert_eq!(poll(&[lock_sub(&join, eventtype::LOCK_WRLOCK)]), (7, errno::SUCCESS));
    assert_eq!(STARTED.load(Ordering::Acquire), t.0);
    assert_ne!(t.0, current_tid());
    // The thread is gone: its tid no longer names a thread of this process.
    // SAFETY: tgkill with signal 0 only checks existence.
    let alive = unsafe { syscall!(nr::TGKILL, syscall!(nr::GETPID), t.0, 0) };
    assert_eq!(alive, -3);
    drop(stack);
}

#[test]
fn thread_create_refuses_a_missing_stack() {
    let mut attr = cloudabi::threadattr {
        entry_point: exiting_thread,
        stack: (core::ptr::null_mut(), 0),
        argument: core::ptr::null_mut(),
    };
    let mut t = cloudabi::tid(0);
    // SAFETY: the attributes are readable.
    assert_eq!(unsafe { cloudabi_sys_thread_create(&mut attr, &mut t) }, errno::INVAL);
}

#[test]
fn poll_hands_lock_subscriptions_to_poll_sync() {
    let l = AtomicU32::new(WRLOCKED | 0x12345);
    let subs = [lock_sub(&l, eventtype::LOCK_RDLOCK), clock_sub(Duration::from_millis(10))];
    let mut out = [event_of(0, eventtype::CLOCK, errno::SUCCESS); 2];
    let mut n = 0;
    // SAFETY: the subscriptions point at a live word; `out` has room for two.
    let e = unsafe { crate::emulator::poll::cloudabi_sys_poll(subs.as_ptr(), out.as_mut_ptr(), 2, &mut n) };
    assert_eq!((e, n, out[0].userdata, out[0].r#type), (errno::SUCCESS, 1, 9, eventtype::CLOCK));
}
