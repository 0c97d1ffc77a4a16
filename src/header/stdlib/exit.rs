//! exit, atexit, at_quick_exit, quick_exit, _Exit, abort.

use crate::abi::c_int;
use crate::sys;
use core::sync::atomic::{AtomicUsize, Ordering};

/// C11 requires room for at least 32 registrations; we keep more.
const MAX_HANDLERS: usize = 64;

struct Handlers {
    list: [Option<extern "C" fn()>; MAX_HANDLERS],
    count: AtomicUsize,
}

static mut AT_EXIT: Handlers = Handlers { list: [None; MAX_HANDLERS], count: AtomicUsize::new(0) };
static mut AT_QUICK_EXIT: Handlers = Handlers { list: [None; MAX_HANDLERS], count: AtomicUsize::new(0) };

fn register(h: *mut Handlers, f: extern "C" fn()) -> c_int {
    // SAFETY: slots are claimed with an atomic counter, so concurrent
    // registrations write distinct slots.
    unsafe {
        let i = (*h).count.fetch_add(1, Ordering::AcqRel);
        if i >= MAX_HANDLERS {
            (*h).count.fetch_sub(1, Ordering::AcqRel);
            return -1;
        }
        (*h).list[i] = Some(f);
    }
    0
}

/// Runs handlers in reverse order of registration; a handler that
/// registers another has it run too.
fn run(h: *mut Handlers) {
    loop {
        // SAFETY: see `register`; each slot is taken once.
        let f = unsafe {
            let n = (*h).count.load(Ordering::Acquire);
            if n == 0 {
                return;
            }
            (*h).count.store(n - 1, Ordering::Release);
            (*h).list[n - 1].take()
        };
        if let Some(f) = f {
            f();
        }
    }
}

/// Flushes stdio streams at exit; installed by stdio when it is used.
pub static mut FLUSH_AT_EXIT: Option<fn()> = None;

/// C11 `atexit`: registers a function to run at `exit`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn atexit(f: extern "C" fn()) -> c_int {
    register(core::ptr::addr_of_mut!(AT_EXIT), f)
}

/// C11 `at_quick_exit`: registers a function to run at `quick_exit`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn at_quick_exit(f: extern "C" fn()) -> c_int {
    register(core::ptr::addr_of_mut!(AT_QUICK_EXIT), f)
}

/// C11 `exit`: runs atexit handlers and destructors, flushes streams, ends
/// the process.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn exit(status: c_int) -> ! {
    run(core::ptr::addr_of_mut!(AT_EXIT));
    // SAFETY: destructors are run once, at process exit.
    unsafe { crate::start::init::run_destructors() };
    // SAFETY: FLUSH_AT_EXIT is set once, before exit can run.
    if let Some(flush) = unsafe { FLUSH_AT_EXIT } {
        flush();
    }
    sys::proc_exit(status as u32)
}

/// C11 `quick_exit`: runs at_quick_exit handlers only.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn quick_exit(status: c_int) -> ! {
    run(core::ptr::addr_of_mut!(AT_QUICK_EXIT));
    sys::proc_exit(status as u32)
}

/// C11 `_Exit`: ends the process at once.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn _Exit(status: c_int) -> ! {
    sys::proc_exit(status as u32)
}

/// C11 `abort`: abnormal termination with SIGABRT.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn abort() -> ! {
    crate::start::fatal::abort()
}
