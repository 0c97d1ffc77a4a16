//! uv_timer_t: uv_timer_init, uv_timer_start, uv_timer_stop,
//! uv_timer_again, uv_timer_set_repeat, uv_timer_get_repeat.
//!
//! Running timers sit in a binary min-heap (an array of handle pointers,
//! each handle knowing its index) ordered by due time, then by start order,
//! so timers due at the same time fire in the order they were started.

use super::alloc;
use super::errors::{UV_EINVAL, UV_ENOMEM};
use super::handle::{self, uv_handle_t};
use super::r#loop::{self, uv_loop_t};
use super::UV_TIMER;
use crate::abi::c_int;
use core::ptr::null_mut;

pub type uv_timer_cb = Option<unsafe extern "C" fn(*mut uv_timer_t)>;

/// Not in the heap.
const NOWHERE: usize = usize::MAX;

#[repr(C)]
pub struct TimerCore {
    cb: uv_timer_cb,
    /// The loop time (ms) at which it is due.
    due: u64,
    repeat: u64,
    /// Start order, which breaks ties between timers due at once.
    order: u64,
    index: usize,
}

/// libuv `uv_timer_t`.
#[repr(C)]
pub struct uv_timer_t {
    pub handle: uv_handle_t,
    t: TimerCore,
}

const _: () = assert!(core::mem::size_of::<TimerCore>() == 5 * 8);

/// The loop's running timers.
#[repr(C)]
pub struct Heap {
    items: *mut *mut uv_timer_t,
    len: usize,
    cap: usize,
    next_order: u64,
}

impl Heap {
    pub const EMPTY: Heap = Heap { items: null_mut(), len: 0, cap: 0, next_order: 0 };

    fn less(a: *const uv_timer_t, b: *const uv_timer_t) -> bool {
        // SAFETY: only running timers, which are valid, are in the heap.
        unsafe { ((*a).t.due, (*a).t.order) < ((*b).t.due, (*b).t.order) }
    }

    /// # Safety
    /// `i < len`.
    unsafe fn at(&self, i: usize) -> *mut uv_timer_t {
        // SAFETY: the caller's contract.
        unsafe { *self.items.add(i) }
    }

    /// # Safety
    /// `i < cap`; `t` is a valid timer.
    unsafe fn put(&mut self, i: usize, t: *mut uv_timer_t) {
        // SAFETY: the caller's contract.
        unsafe {
            *self.items.add(i) = t;
            (*t).t.index = i;
        }
    }

    fn up(&mut self, mut i: usize) {
        // SAFETY: every index used is below `len`.
        unsafe {
            let t = self.at(i);
            while i > 0 {
                let parent = (i - 1) / 2;
                let p = self.at(parent);
                if !Self::less(t, p) {
                    break;
                }
                self.put(i, p);
                i = parent;
            }
            self.put(i, t);
        }
    }

    fn down(&mut self, mut i: usize) {
        // SAFETY: every index used is below `len`.
        unsafe {
            let t = self.at(i);
            loop {
                let mut child = 2 * i + 1;
                if child >= self.len {
                    break;
                }
                if child + 1 < self.len && Self::less(self.at(child + 1), self.at(child)) {
                    child += 1;
                }
                let c = self.at(child);
                if !Self::less(c, t) {
                    break;
                }
                self.put(i, c);
                i = child;
            }
            self.put(i, t);
        }
    }

    fn insert(&mut self, t: *mut uv_timer_t) -> Result<(), c_int> {
        if self.len == self.cap {
            let cap = if self.cap == 0 { 8 } else { self.cap * 2 };
            // SAFETY: `items` came from the uv allocator (or is null).
            let p = unsafe { alloc::resize(self.items.cast(), cap * core::mem::size_of::<*mut uv_timer_t>()) };
            if p.is_null() {
                return Err(UV_ENOMEM);
            }
            self.items = p.cast();
            self.cap = cap;
        }
        // SAFETY: `len < cap` now; `t` is a valid timer.
        unsafe {
            (*t).t.order = self.next_order;
            self.next_order += 1;
            self.put(self.len, t);
        }
        self.len += 1;
        self.up(self.len - 1);
        Ok(())
    }

    /// # Safety
    /// `t` is in this heap.
    unsafe fn remove(&mut self, t: *mut uv_timer_t) {
        // SAFETY: the caller's contract: `index < len`.
        unsafe {
            let i = (*t).t.index;
            (*t).t.index = NOWHERE;
            self.len -= 1;
            if i == self.len {
                return;
            }
            let last = self.at(self.len);
            self.put(i, last);
            if i > 0 && Self::less(last, self.at((i - 1) / 2)) {
                self.up(i);
            } else {
                self.down(i);
            }
        }
    }

    fn min(&self) -> Option<*mut uv_timer_t> {
        // SAFETY: index 0 exists when len > 0.
        (self.len > 0).then(|| unsafe { self.at(0) })
    }

    /// Frees the array (the loop is being closed).
    pub fn free(&mut self) {
        // SAFETY: `items` came from the uv allocator; nothing uses it after.
        unsafe { alloc::release(self.items) };
        *self = Heap::EMPTY;
    }
}

/// # Safety
/// `t` is an initialised timer.
unsafe fn heap<'a>(t: *mut uv_timer_t) -> &'a mut Heap {
    // SAFETY: the caller's contract; the loop outlives its handles, and
    // the loop is used from one thread.
    unsafe { &mut (*(*t).handle.r#loop).l.timers }
}

/// libuv `uv_timer_init`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_timer_init(l: *mut uv_loop_t, t: *mut uv_timer_t) -> c_int {
    // SAFETY: `l` is a loop and `t` memory for a timer (libuv contract).
    unsafe {
        handle::init(l, t.cast(), UV_TIMER);
        (*t).t = TimerCore { cb: None, due: 0, repeat: 0, order: 0, index: NOWHERE };
    }
    0
}

/// libuv `uv_timer_start`: `cb` runs `timeout` ms from the loop's current
/// time, then every `repeat` ms if that is not 0. Restarts a running timer.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_timer_start(t: *mut uv_timer_t, cb: uv_timer_cb, timeout: u64, repeat: u64) -> c_int {
    // SAFETY: `t` is an initialised timer (libuv contract).
    unsafe {
        if cb.is_none() || handle::closing(t.cast()) {
            return UV_EINVAL;
        }
        uv_timer_stop(t);
        (*t).t.cb = cb;
        (*t).t.due = r#loop::time((*t).handle.r#loop).saturating_add(timeout);
        (*t).t.repeat = repeat;
        if let Err(e) = heap(t).insert(t) {
            return e;
        }
        handle::start(t.cast());
    }
    0
}

/// libuv `uv_timer_stop`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_timer_stop(t: *mut uv_timer_t) -> c_int {
    // SAFETY: `t` is an initialised timer (libuv contract).
    unsafe {
        if (*t).t.index != NOWHERE {
            heap(t).remove(t);
        }
        handle::stop(t.cast());
    }
    0
}

/// libuv `uv_timer_again`: restarts a repeating timer with its repeat
/// interval as the timeout; `UV_EINVAL` if it was never started.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_timer_again(t: *mut uv_timer_t) -> c_int {
    // SAFETY: `t` is an initialised timer (libuv contract).
    unsafe {
        if (*t).t.cb.is_none() {
            return UV_EINVAL;
        }
        let repeat = (*t).t.repeat;
        if repeat != 0 {
            uv_timer_stop(t);
            return uv_timer_start(t, (*t).t.cb, repeat, repeat);
        }
    }
    0
}

/// libuv `uv_timer_set_repeat`: takes effect at the next expiry.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_timer_set_repeat(t: *mut uv_timer_t, repeat: u64) {
    // SAFETY: `t` is an initialised timer (libuv contract).
    unsafe { (*t).t.repeat = repeat }
}

/// libuv `uv_timer_get_repeat`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_timer_get_repeat(t: *const uv_timer_t) -> u64 {
    // SAFETY: `t` is an initialised timer (libuv contract).
    unsafe { (*t).t.repeat }
}

/// Stops a timer being closed.
///
/// # Safety
/// `t` is an initialised timer.
pub unsafe fn close(t: *mut uv_timer_t) {
    // SAFETY: the caller's contract.
    unsafe { uv_timer_stop(t) };
}

/// Runs every timer due at the loop's time, earliest first.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn run(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract; each callback may start and stop
    // timers, so the heap is consulted afresh every time.
    unsafe {
        let now = r#loop::time(l);
        while let Some(t) = (*l).l.timers.min() {
            if (*t).t.due > now {
                break;
            }
            uv_timer_stop(t);
            uv_timer_again(t);
            if let Some(cb) = (*t).t.cb {
                cb(t);
            }
        }
    }
}

/// Milliseconds until the next timer is due (0 if one is), -1 without
/// timers; capped at `INT_MAX`.
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn next_timeout(l: *const uv_loop_t) -> c_int {
    // SAFETY: the caller's contract.
    unsafe {
        match (*l).l.timers.min() {
            None => -1,
            Some(t) => (*t).t.due.saturating_sub(r#loop::time(l)).min(c_int::MAX as u64) as c_int,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timers(n: usize) -> Vec<uv_timer_t> {
        // SAFETY: all-zero bytes are a valid (unused) timer for the heap,
        // which only reads `due`, `order` and `index`.
        (0..n).map(|_| unsafe { core::mem::zeroed() }).collect()
    }

    /// Takes the minimum until the heap is empty, checking the order.
    fn drain(h: &mut Heap) -> Vec<(u64, u64)> {
        let mut out = Vec::new();
        while let Some(t) = h.min() {
            // SAFETY: `t` is one of the test's timers, in the heap.
            unsafe {
                out.push(((*t).t.due, (*t).t.order));
                h.remove(t);
                assert_eq!((*t).t.index, NOWHERE);
            }
        }
        out
    }

    #[test]
    fn heap_yields_due_order_then_start_order() {
        let mut ts = timers(200);
        let mut h = Heap::EMPTY;
        let mut seed = 12345u64;
        for t in ts.iter_mut() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            t.t.due = (seed >> 33) % 50;
            h.insert(t).unwrap();
        }
        // Remove every third one from the middle of the heap.
        for t in ts.iter_mut().step_by(3) {
            // SAFETY: every timer was inserted and none removed yet.
            unsafe { h.remove(t) };
        }
        let order = drain(&mut h);
        assert_eq!(order.len(), 200 - 67);
        assert!(order.windows(2).all(|w| w[0] < w[1]));
        h.free();
    }
}
