//! uv_work_t and uv_queue_work; the work queue behind asynchronous file
//! system and resolver requests.
//!
//! A request's `work` step runs off the loop; its `done` step runs on the
//! loop thread, from the wait for events, after the wake-up pair has
//! signalled that work finished. Until the pthread layer is available the
//! `work` step runs synchronously inside the call that queues it (so
//! uv_cancel always finds it started); the `done` step still comes later,
//! from uv_run, as libuv promises.

use super::errors::{UV_EBUSY, UV_EINVAL};
use super::io;
use super::queue::{container_of, Link};
use super::r#loop::uv_loop_t;
use super::req::{self, uv_req_t};
use super::UV_WORK;
use crate::abi::c_int;
use core::ptr::addr_of_mut;

pub type uv_work_cb = Option<unsafe extern "C" fn(*mut uv_work_t)>;
pub type uv_after_work_cb = Option<unsafe extern "C" fn(*mut uv_work_t, c_int)>;

/// Work that runs off the loop thread.
pub type WorkFn = unsafe fn(*mut WorkCore);
/// What runs on the loop thread afterwards, with 0 or `UV_ECANCELED`.
pub type DoneFn = unsafe fn(*mut WorkCore, c_int);

/// The part of a work, file system or resolver request the queue uses.
#[repr(C)]
pub struct WorkCore {
    link: Link,
    work: Option<WorkFn>,
    done: Option<DoneFn>,
    status: c_int,
    _pad: u32,
    r#loop: *mut uv_loop_t,
}

impl WorkCore {
    pub const IDLE: WorkCore = WorkCore { link: Link::UNLINKED, work: None, done: None, status: 0, _pad: 0, r#loop: core::ptr::null_mut() };
}

/// libuv `uv_work_t`.
#[repr(C)]
pub struct uv_work_t {
    pub req: uv_req_t,
    pub r#loop: *mut uv_loop_t,
    pub work_cb: uv_work_cb,
    pub after_work_cb: uv_after_work_cb,
    w: WorkCore,
}

const _: () = assert!(core::mem::size_of::<WorkCore>() == 6 * 8);

/// Queues `w` on `l`: `work` runs off the loop, then `done` on it. The
/// request counts as in flight until `done` has been called.
///
/// # Safety
/// `l` is an initialised loop; `w` is valid until `done` runs.
pub unsafe fn submit(l: *mut uv_loop_t, w: *mut WorkCore, work: WorkFn, done: DoneFn) {
    // SAFETY: the caller's contract.
    unsafe {
        w.write(WorkCore { link: Link::UNLINKED, work: Some(work), done: Some(done), status: 0, _pad: 0, r#loop: l });
        req::register(l);
        work(w);
        finish(w);
    }
}

/// Hands finished work back to its loop.
///
/// # Safety
/// `w` was submitted and its work step has run (or was cancelled).
unsafe fn finish(w: *mut WorkCore) {
    // SAFETY: the caller's contract; the loop outlives its requests.
    unsafe {
        let l = (*w).r#loop;
        Link::push_back(&mut *(*l).l.done.lock(), &mut (*w).link);
        io::wake(l);
    }
}

/// Runs the `done` steps of finished work (from the loop's wait).
///
/// # Safety
/// `l` is an initialised loop.
pub unsafe fn process(l: *mut uv_loop_t) {
    // SAFETY: the caller's contract; the finished list is moved out under
    // its lock, then each request is completed.
    unsafe {
        let mut todo = Link::UNLINKED;
        let todo_head: *mut Link = &mut todo;
        Link::move_all(&mut *(*l).l.done.lock(), todo_head);
        while let Some(link) = Link::pop_front(todo_head) {
            let w = container_of!(link, WorkCore, link);
            req::unregister(l);
            if let Some(done) = (*w).done {
                done(w, (*w).status);
            }
        }
    }
}

/// uv_cancel for queued requests. Work runs as soon as it is queued (see
/// the module documentation), so it has always started: `UV_EBUSY`.
pub fn cancel(_r: *mut uv_req_t) -> c_int {
    UV_EBUSY
}

unsafe fn run_work(w: *mut WorkCore) {
    // SAFETY: `w` is the queue part of a uv_work_t (see uv_queue_work).
    unsafe {
        let req = container_of!(w, uv_work_t, w);
        if let Some(cb) = (*req).work_cb {
            cb(req);
        }
    }
}

unsafe fn after_work(w: *mut WorkCore, status: c_int) {
    // SAFETY: as in `run_work`.
    unsafe {
        let req = container_of!(w, uv_work_t, w);
        if let Some(cb) = (*req).after_work_cb {
            cb(req, status);
        }
    }
}

/// libuv `uv_queue_work`: runs `work_cb` off the loop, then `after_cb` on
/// it (with 0, or `UV_ECANCELED` after uv_cancel).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_queue_work(l: *mut uv_loop_t, r: *mut uv_work_t, work_cb: uv_work_cb, after_cb: uv_after_work_cb) -> c_int {
    if work_cb.is_none() {
        return UV_EINVAL;
    }
    // SAFETY: `l` is a loop and `r` memory for a work request (libuv
    // contract); it stays valid until `after_cb` runs.
    unsafe {
        req::init(r.cast(), UV_WORK);
        (*r).r#loop = l;
        (*r).work_cb = work_cb;
        (*r).after_work_cb = after_cb;
        submit(l, addr_of_mut!((*r).w), run_work, after_work);
    }
    0
}
