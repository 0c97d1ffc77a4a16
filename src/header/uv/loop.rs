//! uv_loop_t: uv_loop_init, uv_loop_close, uv_run and the loop queries;
//! compat uv_default_loop, uv_loop_configure, uv_loop_fork, uv_backend_fd.
//!
//! One iteration, as in libuv: update the time and run due timers; run the
//! callbacks deferred from the last iteration (finished writes and
//! shutdowns); idle handles; prepare handles; wait for descriptors (the
//! libc's `poll` system call, with a clock subscription for the nearest
//! timer); check handles; close callbacks.

use super::errors::{UV_EBUSY, UV_EINVAL, UV_ENOSYS};
use super::handle::{self, uv_handle_t};
use super::queue::Link;
use super::*;
use crate::abi::{c_int, c_void, size_t};
use crate::abi::va::VaListPtr;
use crate::sync::SpinLock;
use core::cell::UnsafeCell;
use core::mem::MaybeUninit;
use core::ptr::{addr_of_mut, null_mut};

pub const UV_RUN_DEFAULT: c_int = 0;
pub const UV_RUN_ONCE: c_int = 1;
pub const UV_RUN_NOWAIT: c_int = 2;

pub const UV_LOOP_BLOCK_SIGNAL: c_int = 0;

pub type uv_walk_cb = Option<unsafe extern "C" fn(*mut uv_handle_t, *mut c_void)>;

/// The loop's private state (`__loop_private` in C).
#[repr(C)]
pub struct LoopCore {
    /// Every handle not yet closed, for uv_walk and uv_loop_close.
    handles: Link,
    active_handles: u32,
    active_reqs: u32,
    stop: u32,
    /// The loop's wake-up socket pair: anything written to `wake_write`
    /// ends its wait (see `io`).
    pub wake_read: c_int,
    pub wake_write: c_int,
    _pad: u32,
    /// Milliseconds of the monotonic clock, as of the last update.
    time: u64,
    pub timers: timer::Heap,
    pub idles: Link,
    pub prepares: Link,
    pub checks: Link,
    pub asyncs: Link,
    pub signals: Link,
    /// Descriptor watchers with something to wait for.
    pub watchers: Link,
    /// Requests whose callbacks run in the next iteration's pending phase.
    pub pending: Link,
    /// Closed handles waiting for their close callbacks (newest first, as
    /// in libuv).
    closing: *mut uv_handle_t,
    /// Work finished on other threads, waiting for its `done` step.
    pub done: SpinLock<Link>,
    pub io: io::Buffers,
}

/// libuv `uv_loop_t`.
#[repr(C)]
pub struct uv_loop_t {
    pub data: *mut c_void,
    pub l: LoopCore,
}

const _: () = assert!(core::mem::size_of::<LoopCore>() == LOOP_PRIVATE * 8);
/// The length of `__loop_private` in include/uv.h.
const LOOP_PRIVATE: usize = 31;

/// The list of all handles of `l`.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn handles(l: *mut uv_loop_t) -> *mut Link {
    // SAFETY: the caller's contract.
    unsafe { addr_of_mut!((*l).l.handles) }
}

/// Adds `delta` to the count of active referenced handles.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn count_handle(l: *mut uv_loop_t, delta: i32) {
    // SAFETY: the caller's contract.
    unsafe { (*l).l.active_handles = (*l).l.active_handles.wrapping_add_signed(delta) }
}

/// Adds `delta` to the count of requests in flight.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn count_req(l: *mut uv_loop_t, delta: i32) {
    // SAFETY: the caller's contract.
    unsafe { (*l).l.active_reqs = (*l).l.active_reqs.wrapping_add_signed(delta) }
}

/// Queues `h` for its close callback.
///
/// # Safety
/// `l` is an initialised loop and `h` one of its handles, closing.
pub unsafe fn push_closing(l: *mut uv_loop_t, h: *mut uv_handle_t) {
    // SAFETY: the caller's contract.
    unsafe {
        (*h).h.next_closing = (*l).l.closing;
        (*l).l.closing = h;
    }
}

/// The loop's time in milliseconds.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn time(l: *const uv_loop_t) -> u64 {
    // SAFETY: the caller's contract.
    unsafe { (*l).l.time }
}

/// libuv `uv_loop_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_loop_init(l: *mut uv_loop_t) -> c_int {
    let (r, w) = match io::wake_pair() {
        Ok(p) => p,
        Err(e) => return e,
    };
    // SAFETY: `l` points to writable memory for a loop (libuv contract);
    // every list head is initialised in place, where it stays.
    unsafe {
        let core = addr_of_mut!((*l).l);
        core.write(LoopCore {
            handles: Link::UNLINKED,
            active_handles: 0,
            active_reqs: 0,
            stop: 0,
            wake_read: r,
            wake_write: w,
            _pad: 0,
            time: 0,
            timers: timer::Heap::EMPTY,
            idles: Link::UNLINKED,
            prepares: Link::UNLINKED,
            checks: Link::UNLINKED,
            asyncs: Link::UNLINKED,
            signals: Link::UNLINKED,
            watchers: Link::UNLINKED,
            pending: Link::UNLINKED,
            closing: null_mut(),
            done: SpinLock::new(Link::UNLINKED),
            io: io::Buffers::EMPTY,
        });
        for head in [
            addr_of_mut!((*l).l.handles),
            addr_of_mut!((*l).l.idles),
            addr_of_mut!((*l).l.prepares),
            addr_of_mut!((*l).l.checks),
            addr_of_mut!((*l).l.asyncs),
            addr_of_mut!((*l).l.signals),
            addr_of_mut!((*l).l.watchers),
            addr_of_mut!((*l).l.pending),
        ] {
            Link::init(head);
        }
        Link::init(&mut *(*l).l.done.lock());
        uv_update_time(l);
    }
    0
}

/// libuv `uv_loop_close`: frees the loop's resources; `UV_EBUSY` while a
/// handle is still open or a request in flight.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_loop_close(l: *mut uv_loop_t) -> c_int {
    // SAFETY: `l` is an initialised loop (libuv contract).
    unsafe {
        if (*l).l.active_reqs != 0 || !Link::is_empty(handles(l)) || !(*l).l.closing.is_null() {
            return UV_EBUSY;
        }
        io::close_wake(l);
        (*l).l.timers.free();
        (*l).l.io.free();
        forget_default(l);
    }
    0
}

/// libuv `uv_loop_size`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_loop_size() -> size_t {
    core::mem::size_of::<uv_loop_t>()
}

/// Is there anything that keeps the loop running?
///
/// # Safety
/// `l` is an initialised loop.
unsafe fn alive(l: *const uv_loop_t) -> bool {
    // SAFETY: the caller's contract.
    unsafe { (*l).l.active_handles > 0 || (*l).l.active_reqs > 0 || !(*l).l.closing.is_null() }
}

/// libuv `uv_loop_alive`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_loop_alive(l: *const uv_loop_t) -> c_int {
    // SAFETY: `l` is an initialised loop (libuv contract).
    c_int::from(unsafe { alive(l) })
}

/// libuv `uv_backend_timeout`: how long the next wait may last, in
/// milliseconds (-1: no limit).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_backend_timeout(l: *const uv_loop_t) -> c_int {
    // SAFETY: `l` is an initialised loop (libuv contract); the heads are
    // only read.
    unsafe {
        let c = &(*l).l;
        if c.stop != 0
            || (c.active_handles == 0 && c.active_reqs == 0)
            || !Link::is_empty(&c.idles)
            || !Link::is_empty(&c.pending)
            || !c.closing.is_null()
        {
            return 0;
        }
        timer::next_timeout(l)
    }
}

/// libuv `uv_now`: the loop's cached time in milliseconds.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_now(l: *const uv_loop_t) -> u64 {
    // SAFETY: `l` is an initialised loop (libuv contract).
    unsafe { time(l) }
}

/// libuv `uv_update_time`: refreshes the cached time from the monotonic clock.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_update_time(l: *mut uv_loop_t) {
    // SAFETY: `l` is an initialised loop (libuv contract).
    unsafe { (*l).l.time = misc::uv_hrtime() / 1_000_000 }
}

/// libuv `uv_stop`: uv_run returns after the current iteration.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_stop(l: *mut uv_loop_t) {
    // SAFETY: `l` is an initialised loop (libuv contract).
    unsafe { (*l).l.stop = 1 }
}

/// Runs every closing handle's close callback.
///
/// # Safety
/// `l` is an initialised loop.
unsafe fn run_closing(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract; each handle stays valid until its
    // own close callback has run.
    unsafe {
        let mut h = (*l).l.closing;
        (*l).l.closing = null_mut();
        while !h.is_null() {
            let next = (*h).h.next_closing;
            handle::finish_close(h);
            h = next;
        }
    }
}

/// libuv `uv_run`: runs the loop in `mode`; nonzero if handles or requests
/// are still active when it returns.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_run(l: *mut uv_loop_t, mode: c_int) -> c_int {
    // SAFETY: `l` is an initialised loop (libuv contract); callbacks may
    // change the loop, which every step re-reads.
    unsafe {
        let mut r = alive(l);
        if !r {
            uv_update_time(l);
        }
        while r && (*l).l.stop == 0 {
            uv_update_time(l);
            timer::run(l);
            let ran_pending = req::run_pending(l);
            idle::run(addr_of_mut!((*l).l.idles));
            idle::run(addr_of_mut!((*l).l.prepares));
            let wait = (mode == UV_RUN_ONCE && !ran_pending) || mode == UV_RUN_DEFAULT;
            let timeout = if wait { uv_backend_timeout(l) } else { 0 };
            io::poll(l, timeout);
            idle::run(addr_of_mut!((*l).l.checks));
            run_closing(l);
            if mode == UV_RUN_ONCE {
                // Timers that came due while waiting count as progress.
                uv_update_time(l);
                timer::run(l);
            }
            r = alive(l);
            if mode == UV_RUN_ONCE || mode == UV_RUN_NOWAIT {
                break;
            }
        }
        (*l).l.stop = 0;
        c_int::from(r)
    }
}

/// libuv `uv_walk`: calls `cb` for every handle of the loop that is not
/// yet closed.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_walk(l: *mut uv_loop_t, cb: uv_walk_cb, arg: *mut c_void) {
    let Some(cb) = cb else { return };
    // SAFETY: `l` is an initialised loop (libuv contract); `visit` lets
    // the callback close any handle.
    unsafe {
        queue::visit(handles(l), |link| cb(queue::container_of!(link, uv_handle_t, h.all), arg));
    }
}

struct DefaultLoop {
    ready: SpinLock<bool>,
    the_loop: UnsafeCell<MaybeUninit<uv_loop_t>>,
}

// SAFETY: `ready` serialises creation; the loop itself is used from one
// thread at a time, as every uv loop is.
unsafe impl Sync for DefaultLoop {}

static DEFAULT: DefaultLoop = DefaultLoop { ready: SpinLock::new(false), the_loop: UnsafeCell::new(MaybeUninit::uninit()) };

/// libuv `uv_default_loop` (compat): a loop in static storage, created on
/// first use and again after uv_loop_close; null if it cannot be created.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_default_loop() -> *mut uv_loop_t {
    let mut ready = DEFAULT.ready.lock();
    let l = DEFAULT.the_loop.get().cast::<uv_loop_t>();
    if !*ready {
        // SAFETY: the static storage is ours until `ready` says otherwise.
        if unsafe { uv_loop_init(l) } != 0 {
            return null_mut();
        }
        *ready = true;
    }
    l
}

/// After uv_loop_close of the default loop, the next uv_default_loop
/// makes a fresh one.
fn forget_default(l: *mut uv_loop_t) {
    if l == DEFAULT.the_loop.get().cast() {
        *DEFAULT.ready.lock() = false;
    }
}

crate::variadic!("uv_loop_configure" => uv_loop_configure_impl, gp = 2, fp = 0, reg = "rdx");

/// libuv `uv_loop_configure` (compat). `UV_LOOP_BLOCK_SIGNAL` asks that a
/// signal not interrupt the wait for events; signals here are only ever
/// raised synchronously by the program, so that already holds: 0 for any
/// valid signal, `UV_EINVAL` otherwise and for unknown options.
pub unsafe extern "C" fn uv_loop_configure_impl(_l: *mut uv_loop_t, option: c_int, ap: VaListPtr) -> c_int {
    if option != UV_LOOP_BLOCK_SIGNAL {
        return UV_EINVAL;
    }
    // SAFETY: this option takes the signal number as an int (libuv contract).
    let sig = unsafe { (*ap).int() };
    if crate::header::signal::valid(sig) {
        0
    } else {
        UV_EINVAL
    }
}

/// libuv `uv_backend_fd` (compat): there is no kernel event queue to hand
/// out (the loop waits with `poll`), so -1, as libuv says where it has none.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_backend_fd(_l: *const uv_loop_t) -> c_int {
    -1
}

/// libuv `uv_loop_fork` (compat): a loop is not carried into a forked
/// child (its thread pool and signal watchers stay with the parent).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_loop_fork(_l: *mut uv_loop_t) -> c_int {
    UV_ENOSYS
}
