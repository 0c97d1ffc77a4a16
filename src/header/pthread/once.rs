//! pthread_once (and C11 `call_once`): the first caller runs the routine;
//! callers that arrive meanwhile sleep until it is done. The waiting uses
//! one lock and condition variable for all once-objects: contention on a
//! once-object happens once in its life.

use super::thread::tid;
use super::{pthread_cond_t, pthread_lock_t, pthread_once_t};
use crate::abi::c_int;
use core::sync::atomic::Ordering;

const NEW: u32 = 0;
const RUNNING: u32 = 1;
const DONE: u32 = 2;

static LOCK: pthread_lock_t = pthread_lock_t::new();
static FINISHED: pthread_cond_t = pthread_cond_t::new();

/// Runs `f` unless it ran (or is running) for `o` already; returns once it
/// has run.
pub fn once(o: &pthread_once_t, f: impl FnOnce()) {
    if o.state.load(Ordering::Acquire) == DONE {
        return;
    }
    let me = tid();
    // The global lock is taken and released only by this function and
    // never relocked, so locking and unlocking it cannot fail.
    let _ = LOCK.write(me, None);
    loop {
        match o.state.load(Ordering::Relaxed) {
            NEW => {
                o.state.store(RUNNING, Ordering::Relaxed);
                let _ = LOCK.unlock_write(me);
                f();
                let _ = LOCK.write(me, None);
                o.state.store(DONE, Ordering::Release);
                let _ = FINISHED.signal(u32::MAX);
                break;
            }
            RUNNING => {
                let _ = FINISHED.wait(&LOCK, None);
            }
            _ => break,
        }
    }
    let _ = LOCK.unlock_write(me);
}

/// POSIX `pthread_once`: runs `f` exactly once for `o`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_once(o: *mut pthread_once_t, f: unsafe extern "C" fn()) -> c_int {
    // SAFETY: C contract: an initialised once-object and a function.
    once(unsafe { &*o }, || unsafe { f() });
    0
}
