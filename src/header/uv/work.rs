//! uv_work_t and uv_queue_work; the thread pool behind asynchronous file
//! system and resolver requests.
//!
//! A request's `work` step runs on one of the pool's threads; its `done`
//! step runs on the loop thread, from the wait for events, after the
//! wake-up pair has signalled that work finished. The pool is shared by
//! all loops and starts with the first request: `UV_THREADPOOL_SIZE`
//! threads (default 4, at most 128). If no thread can be started, work
//! runs inside the call that queues it; its `done` step still comes later,
//! from uv_run, as libuv promises.

use super::errors::{UV_EBUSY, UV_ECANCELED, UV_EINVAL};
use super::io;
use super::queue::{container_of, Link};
use super::r#loop::uv_loop_t;
use super::req::{self, uv_req_t};
use super::{dns, fs, UV_FS, UV_WORK};
use crate::abi::{c_int, c_void};
use crate::header::pthread::thread::{pthread_create, pthread_detach};
use crate::header::semaphore::{sem_init, sem_post, sem_t, sem_wait};
use crate::sync::SpinLock;
use core::cell::UnsafeCell;
use core::mem::MaybeUninit;
use core::ptr::{addr_of_mut, null, null_mut};

pub type uv_work_cb = Option<unsafe extern "C" fn(*mut uv_work_t)>;
pub type uv_after_work_cb = Option<unsafe extern "C" fn(*mut uv_work_t, c_int)>;

/// Work that runs off the loop thread.
pub type WorkFn = unsafe fn(*mut WorkCore);
/// What runs on the loop thread afterwards, with 0 or `UV_ECANCELED`.
pub type DoneFn = unsafe fn(*mut WorkCore, c_int);

/// Where a request is (changed under the pool's lock).
const QUEUED: u32 = 1;
const STARTED: u32 = 2;

/// The part of a work, file system or resolver request the queue uses.
#[repr(C)]
pub struct WorkCore {
    /// In the pool's queue, then in the loop's list of finished work.
    link: Link,
    work: Option<WorkFn>,
    done: Option<DoneFn>,
    status: c_int,
    state: u32,
    r#loop: *mut uv_loop_t,
}

impl WorkCore {
    pub const IDLE: WorkCore = WorkCore { link: Link::UNLINKED, work: None, done: None, status: 0, state: 0, r#loop: null_mut() };
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

/// The pool: queued work, and how many threads serve it.
struct Pool {
    queue: Link,
    threads: usize,
    started: bool,
}

// SAFETY: the pool is only reached through its lock.
unsafe impl Send for Pool {}

static POOL: SpinLock<Pool> = SpinLock::new(Pool { queue: Link::UNLINKED, threads: 0, started: false });

/// Counts queued work, so idle threads sleep.
struct Ready(UnsafeCell<MaybeUninit<sem_t>>);

// SAFETY: initialised once under the pool lock before any thread uses it;
// the semaphore synchronises itself.
unsafe impl Sync for Ready {}

static READY: Ready = Ready(UnsafeCell::new(MaybeUninit::uninit()));

fn ready() -> *mut sem_t {
    READY.0.get().cast()
}

/// How many threads the pool wants.
fn pool_size() -> usize {
    // SAFETY: the name is NUL-terminated; a non-null result is a C string.
    let v = unsafe { crate::header::stdlib::env::getenv(b"UV_THREADPOOL_SIZE\0".as_ptr().cast()) };
    if v.is_null() {
        return 4;
    }
    // SAFETY: as above.
    let n = unsafe { crate::header::stdlib::strtol::atoi(v) };
    n.clamp(1, 128) as usize
}

/// Takes the next queued request, marking it started.
fn next() -> Option<*mut WorkCore> {
    let mut p = POOL.lock();
    // SAFETY: the queue holds submitted requests, valid until done.
    unsafe {
        let link = Link::pop_front(&mut p.queue)?;
        let w = container_of!(link, WorkCore, link);
        (*w).state = STARTED;
        Some(w)
    }
}

unsafe extern "C" fn worker(_arg: *mut c_void) -> *mut c_void {
    loop {
        // SAFETY: the semaphore was initialised before any thread started.
        unsafe { sem_wait(ready()) };
        // A cancelled request leaves a count with nothing behind it.
        if let Some(w) = next() {
            // SAFETY: `w` is a started request, ours until finished.
            unsafe {
                if let Some(work) = (*w).work {
                    work(w);
                }
                finish(w);
            }
        }
    }
}

/// Starts the pool's threads (once); says how many run.
fn start_pool(p: &mut Pool) -> usize {
    if p.started {
        return p.threads;
    }
    p.started = true;
    // SAFETY: the lock is held and no thread exists yet.
    unsafe {
        Link::init(&mut p.queue);
        if sem_init(ready(), 0, 0) != 0 {
            return 0;
        }
    }
    for _ in 0..pool_size() {
        let mut t = null_mut();
        // SAFETY: `worker` ignores its argument; the thread runs forever.
        unsafe {
            if pthread_create(&mut t, null(), worker, null_mut()) != 0 {
                break;
            }
            pthread_detach(t);
        }
        p.threads += 1;
    }
    p.threads
}

/// Queues `w` on `l`: `work` runs off the loop, then `done` on it. The
/// request counts as in flight until `done` has been called.
///
/// # Safety
/// `l` is an initialised loop; `w` is valid until `done` runs.
pub unsafe fn submit(l: *mut uv_loop_t, w: *mut WorkCore, work: WorkFn, done: DoneFn) {
    // SAFETY: the caller's contract.
    unsafe {
        w.write(WorkCore { link: Link::UNLINKED, work: Some(work), done: Some(done), status: 0, state: QUEUED, r#loop: l });
        req::register(l);
        let mut p = POOL.lock();
        if start_pool(&mut p) > 0 {
            Link::push_back(&mut p.queue, &mut (*w).link);
            drop(p);
            sem_post(ready());
        } else {
            drop(p);
            (*w).state = STARTED;
            work(w);
            finish(w);
        }
    }
}

/// Hands finished (or cancelled) work back to its loop.
///
/// # Safety
/// `w` was submitted and is no longer queued.
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
            (*w).state = 0;
            req::unregister(l);
            if let Some(done) = (*w).done {
                done(w, (*w).status);
            }
        }
    }
}

/// The queue part of a work, file system or resolver request.
///
/// # Safety
/// `r` is a work, file system or resolver request.
unsafe fn core_of(r: *mut uv_req_t) -> *mut WorkCore {
    // SAFETY: the caller's contract.
    unsafe {
        match (*r).r#type {
            UV_WORK => addr_of_mut!((*r.cast::<uv_work_t>()).w),
            UV_FS => addr_of_mut!((*r.cast::<fs::uv_fs_t>()).f.work),
            _ => dns::work_of(r),
        }
    }
}

/// uv_cancel for queued requests: one no thread has taken yet completes
/// with `UV_ECANCELED` (its work step never runs); once started, or done,
/// `UV_EBUSY`.
///
/// # Safety
/// `r` is a work, file system or resolver request.
pub unsafe fn cancel(r: *mut uv_req_t) -> c_int {
    // SAFETY: the caller's contract; the state is read and changed under
    // the pool's lock, which every queue change holds.
    unsafe {
        let w = core_of(r);
        let p = POOL.lock();
        if (*w).state != QUEUED {
            return UV_EBUSY;
        }
        Link::remove(&mut (*w).link);
        (*w).state = STARTED;
        drop(p);
        (*w).status = UV_ECANCELED;
        finish(w);
    }
    0
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
