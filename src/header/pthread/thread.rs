//! pthread_create, pthread_exit, pthread_join, pthread_detach,
//! pthread_self, pthread_equal, cleanup handlers, pthread_atfork; the
//! thread control block behind `pthread_t`.
//!
//! A new thread gets one mapping: a guard page, its stack (unless the
//! attributes supply one), its TLS area (a copy of the program's TLS
//! template under a TCB, see `start::tls`) and its control block. The
//! thread installs that TLS as its thread pointer before anything else.
//! Its `join` word is a CloudABI lock write-locked for the thread's whole
//! life; `thread_exit` has the kernel unlock it only once the thread is
//! gone, so a joiner that acquires it may unmap everything. Detached
//! threads cannot free their own stack while on it: they leave themselves
//! on a list, and `pthread_create` releases those whose lock has cleared.
//! A few default-sized mappings are kept for reuse, which spares the
//! mapping calls and page faults of a create/join loop.

use super::attr::pthread_attr_t;
use super::key::{self, KeyValue};
use super::lock::WRLOCKED;
use super::PTHREAD_CREATE_DETACHED;
use crate::abi::{c_int, c_void};
use crate::errno::{Errno, ErrnoValue};
use crate::start::tls::{self, Tcb};
use crate::sync::SpinLock;
use crate::sys;
use cloudabi::errno;
use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

const JOINABLE: u32 = 0;
const DETACHED: u32 = 1;
const EXITED: u32 = 2;

/// What the thread runs.
#[derive(Copy, Clone)]
pub enum Start {
    Posix(unsafe extern "C" fn(*mut c_void) -> *mut c_void),
    C11(unsafe extern "C" fn(*mut c_void) -> c_int),
    Main,
}

/// A `pthread_cleanup_push` record (`struct __pthread_cleanup`), in the
/// pushing function's frame.
#[repr(C)]
pub struct Cleanup {
    prev: *mut Cleanup,
    routine: Option<unsafe extern "C" fn(*mut c_void)>,
    arg: *mut c_void,
}

/// State only the thread itself touches.
pub struct Local {
    /// Read locks held, which lets the thread take more while writers wait.
    pub rdlocks: u32,
    pub keys: [KeyValue; key::KEYS_MAX],
    cleanup: *mut Cleanup,
    pub cancel_state: c_int,
    pub cancel_type: c_int,
}

/// The thread control block (`struct __pthread`).
pub struct Thread {
    /// Write-locked while the thread runs; cleared by the kernel once it
    /// is gone.
    join: AtomicU32,
    /// The CloudABI thread id, written into the lock words it holds.
    tid: AtomicU32,
    /// JOINABLE, DETACHED or EXITED.
    state: AtomicU32,
    start: Start,
    arg: *mut c_void,
    result: UnsafeCell<*mut c_void>,
    tcb: *mut Tcb,
    /// The mapping that holds this block; null for the main thread.
    mapping: *mut u8,
    mapping_len: usize,
    cacheable: bool,
    pub stack: *mut u8,
    pub stack_len: usize,
    pub guard: usize,
    pub name: SpinLock<[u8; 16]>,
    /// The creator's signal mask, which the thread starts with.
    sigmask: u64,
    local: UnsafeCell<Local>,
    /// Link in the list of exited detached threads.
    next_zombie: UnsafeCell<*mut Thread>,
}

impl Thread {
    const fn new(start: Start, arg: *mut c_void) -> Thread {
        Thread {
            join: AtomicU32::new(WRLOCKED),
            tid: AtomicU32::new(0),
            state: AtomicU32::new(JOINABLE),
            start,
            arg,
            result: UnsafeCell::new(core::ptr::null_mut()),
            tcb: core::ptr::null_mut(),
            mapping: core::ptr::null_mut(),
            mapping_len: 0,
            cacheable: false,
            stack: core::ptr::null_mut(),
            stack_len: 0,
            guard: 0,
            name: SpinLock::new([0; 16]),
            sigmask: 0,
            local: UnsafeCell::new(Local {
                rdlocks: 0,
                keys: [KeyValue::EMPTY; key::KEYS_MAX],
                cleanup: core::ptr::null_mut(),
                cancel_state: 0,
                cancel_type: 0,
            }),
            next_zombie: UnsafeCell::new(core::ptr::null_mut()),
        }
    }

    pub fn detached(&self) -> bool {
        self.state.load(Ordering::Relaxed) == DETACHED
    }
}

struct MainThread(UnsafeCell<Thread>);

// SAFETY: shared fields are atomic or locked; `local` is only touched by
// the main thread itself, the rest is written once at start-up.
unsafe impl Sync for MainThread {}

static MAIN: MainThread = MainThread(UnsafeCell::new(Thread::new(Start::Main, core::ptr::null_mut())));

/// Threads alive; the last one to call `pthread_exit` ends the process.
static LIVE: AtomicUsize = AtomicUsize::new(1);

/// Whether the caller is the only thread. While it is, nothing else can
/// read or write lock words, so locking may skip atomic instructions; the
/// only way out of that state is `pthread_create`, whose system call
/// orders everything before it (glibc does the same).
#[inline(always)]
pub fn single_threaded() -> bool {
    LIVE.load(Ordering::Acquire) == 1
}

/// The calling thread's control block.
#[inline(always)]
pub fn current() -> *mut Thread {
    let t: *mut Thread;
    // SAFETY: start-up (and `thread_start`) install a thread pointer to a
    // TCB whose `thread` field names the thread's control block.
    unsafe {
        core::arch::asm!(
            "mov {t}, qword ptr fs:[{off}]",
            t = out(reg) t,
            off = const core::mem::offset_of!(Tcb, thread),
            options(pure, readonly, nostack, preserves_flags),
        );
    }
    t
}

/// The calling thread's id, as its lock words carry it.
#[inline(always)]
pub fn tid() -> u32 {
    // SAFETY: the control block lives as long as the thread.
    unsafe { (*current()).tid.load(Ordering::Relaxed) }
}

/// The id of thread `t`. A new thread stores it first thing, so until it
/// has run that far, this waits for it.
pub fn tid_of(t: &Thread) -> u32 {
    loop {
        match t.tid.load(Ordering::Relaxed) {
            0 => {
                let _ = sys::thread_yield();
            }
            id => return id,
        }
    }
}

/// Whether thread `t` still runs (its join lock clears when it is gone).
pub fn running(t: &Thread) -> bool {
    t.join.load(Ordering::Acquire) != 0
}

/// The calling thread's private state (only ever used by that thread).
#[inline(always)]
pub fn local() -> *mut Local {
    // SAFETY: as in `tid`.
    unsafe { (*current()).local.get() }
}

/// Makes the initial thread a pthread: its id, its join lock, its TCB.
///
/// # Safety
/// Called once by start-up, right after the main thread's TLS is installed.
pub unsafe fn init_main_thread(tid: u32) {
    let t = MAIN.0.get();
    let tcb = crate::start::tls::thread_pointer() as *mut Tcb;
    // SAFETY: `tcb` is this (the main) thread's TCB, installed by start-up.
    unsafe {
        (*t).tid.store(tid, Ordering::Relaxed);
        (*t).join.store(WRLOCKED | tid, Ordering::Relaxed);
        (*t).tcb = tcb;
        (*tcb).thread = t.cast();
    }
}

/// Makes the calling thread the only one, with id `tid`: it is the copy
/// of a thread that `fork` made a new process of.
///
/// # Safety
/// Called by `fork` in the child, before anything else runs there.
pub unsafe fn after_fork(tid: u32) {
    let t = current();
    // SAFETY: the control block of the calling (and only) thread.
    unsafe {
        (*t).tid.store(tid, Ordering::Relaxed);
        (*t).join.store(WRLOCKED | tid, Ordering::Relaxed);
    }
    LIVE.store(1, Ordering::Release);
}

const CACHE_SLOTS: usize = 4;

pub fn page_size() -> usize {
    crate::start::boot().pagesz
}

fn round_up(v: usize, a: usize) -> usize {
    (v + a - 1) & !(a - 1)
}

/// Bytes from the start of the TLS area to the control block.
fn tls_span() -> usize {
    round_up(tls::area_size(), 64)
}

/// The length of a mapping with `stack` and `guard` bytes below the TLS
/// area and control block.
fn mapping_len(stack: usize, guard: usize) -> Option<usize> {
    let top = round_up(tls_span() + core::mem::size_of::<Thread>(), page_size());
    guard.checked_add(stack)?.checked_add(top)
}

/// Default-sized mappings of exited threads, ready for reuse.
struct Cache {
    slots: [usize; CACHE_SLOTS],
    used: usize,
}

static CACHE: SpinLock<Cache> = SpinLock::new(Cache { slots: [0; CACHE_SLOTS], used: 0 });

/// A mapping for a thread; `true` when it is fresh (zeroed) rather than
/// reused.
fn obtain(len: usize, guard: usize, cacheable: bool) -> Result<(*mut u8, bool), Errno> {
    if cacheable {
        let mut c = CACHE.lock();
        if c.used > 0 {
            c.used -= 1;
            return Ok((c.slots[c.used] as *mut u8, false));
        }
    }
    let base = sys::mem_map_anon(len)?;
    if guard > 0 {
        // SAFETY: the guard is the bottom of the fresh mapping, unused yet.
        if let Err(e) = unsafe { sys::mem_protect(base, guard, sys::mprot::empty()) } {
            // SAFETY: nothing uses the mapping.
            let _ = unsafe { sys::mem_unmap(base, len) };
            return Err(e);
        }
    }
    Ok((base, true))
}

/// Frees what a thread that has exited (or never started) occupied.
///
/// # Safety
/// The thread must be gone and nobody may use its control block again.
unsafe fn release(t: *mut Thread) {
    // SAFETY: the caller's contract; fields are read before the unmap.
    let (base, len, cacheable) = unsafe { ((*t).mapping, (*t).mapping_len, (*t).cacheable) };
    if base.is_null() {
        return;
    }
    if cacheable {
        let mut c = CACHE.lock();
        if c.used < CACHE_SLOTS {
            let i = c.used;
            c.slots[i] = base as usize;
            c.used += 1;
            return;
        }
    }
    // SAFETY: the caller's contract: nothing lives in the mapping any more.
    let _ = unsafe { sys::mem_unmap(base, len) };
}

/// Exited detached threads whose memory may still be in use.
struct Zombies {
    head: *mut Thread,
}

// SAFETY: the list is only walked under its lock.
unsafe impl Send for Zombies {}

static ZOMBIES: SpinLock<Zombies> = SpinLock::new(Zombies { head: core::ptr::null_mut() });

/// Releases the detached threads that are gone (their join word cleared).
fn reap_zombies() {
    let mut gone: *mut Thread = core::ptr::null_mut();
    {
        let mut z = ZOMBIES.lock();
        let mut link: *mut *mut Thread = &mut z.head;
        // SAFETY: listed threads stay mapped until released here; the
        // lock serialises the links.
        unsafe {
            while !(*link).is_null() {
                let t = *link;
                if (*t).join.load(Ordering::Acquire) == 0 {
                    *link = *(*t).next_zombie.get();
                    *(*t).next_zombie.get() = gone;
                    gone = t;
                } else {
                    link = (*t).next_zombie.get();
                }
            }
        }
    }
    while !gone.is_null() {
        // SAFETY: the thread is gone and off the list.
        unsafe {
            let next = *(*gone).next_zombie.get();
            release(gone);
            gone = next;
        }
    }
}

/// Where a new thread starts: installs its TLS, then runs its function.
unsafe extern "C" fn thread_start(id: cloudabi::tid, arg: *mut ()) {
    let t = arg as *mut Thread;
    // SAFETY: `create` laid out the TCB; nothing has read TLS yet.
    unsafe {
        sys::set_thread_pointer((*t).tcb.cast());
        (*t).tid.store(id.0, Ordering::Relaxed);
        (*t).join.fetch_or(id.0, Ordering::Relaxed);
        crate::header::signal::thread_started((*t).sigmask);
    }
    // SAFETY: `start` and `arg` were set by `create` and do not change.
    let result = unsafe {
        match (*t).start {
            Start::Posix(f) => f((*t).arg),
            Start::C11(f) => f((*t).arg) as isize as *mut c_void,
            Start::Main => core::ptr::null_mut(),
        }
    };
    exit_current(result)
}

/// Creates a thread running `start`.
pub fn create(attr: &pthread_attr_t, start: Start, arg: *mut c_void) -> Result<*mut Thread, Errno> {
    reap_zombies();
    let user_stack = !attr.stackaddr.is_null();
    let (stack, guard) = if user_stack {
        (0, 0)
    } else {
        (round_up(attr.stacksize, page_size()), round_up(attr.guardsize, page_size()))
    };
    let len = mapping_len(stack, guard).ok_or(errno::AGAIN)?;
    let d = pthread_attr_t::DEFAULT;
    let cacheable = !user_stack && stack == d.stacksize && guard == round_up(d.guardsize, page_size());
    let (base, fresh) = obtain(len, guard, cacheable).map_err(|_| errno::AGAIN)?;
    let area = base.wrapping_add(guard + stack);
    if !fresh {
        // SAFETY: the TLS area of a reused mapping, which nothing uses.
        unsafe { crate::header::string::memset(area.cast(), 0, tls::area_size()) };
    }
    let me = current();
    // SAFETY: the area is zeroed and reserved for the thread; the control
    // block goes right above it, within the mapping (see `mapping_len`).
    let t = unsafe {
        let canary = (*(*me).tcb).stack_guard;
        let tcb = tls::create(area, canary);
        let t = area.wrapping_add(tls_span()) as *mut Thread;
        let mut block = Thread::new(start, arg);
        block.tcb = tcb;
        block.sigmask = crate::header::signal::thread_mask();
        block.mapping = base;
        block.mapping_len = len;
        block.cacheable = cacheable;
        (block.stack, block.stack_len, block.guard) = if user_stack {
            (attr.stackaddr.cast(), attr.stacksize, 0)
        } else {
            (base.wrapping_add(guard), stack, guard)
        };
        if attr.detachstate == PTHREAD_CREATE_DETACHED {
            block.state = AtomicU32::new(DETACHED);
        }
        t.write(block);
        (*tcb).thread = t.cast();
        t
    };
    LIVE.fetch_add(1, Ordering::Relaxed);
    // SAFETY: `t` is initialised and outlives the thread.
    let (stack_lo, stack_len) = unsafe { ((*t).stack, (*t).stack_len) };
    let mut ta =
        cloudabi::threadattr { entry_point: thread_start, stack: (stack_lo.cast(), stack_len), argument: t.cast() };
    // SAFETY: the stack is reserved for the thread; `thread_start` ends in `thread_exit`.
    match unsafe { sys::thread_create(&mut ta) } {
        Ok(_) => Ok(t),
        Err(e) => {
            LIVE.fetch_sub(1, Ordering::Relaxed);
            // SAFETY: the thread never started.
            unsafe { release(t) };
            Err(e)
        }
    }
}

/// Ends the calling thread with `result`: cleanup handlers, then key
/// destructors, then its malloc cache goes back to the shared pool, then
/// either the end of the process (for the last thread) or `thread_exit`.
pub fn exit_current(result: *mut c_void) -> ! {
    let t = current();
    loop {
        let l = local();
        // SAFETY: the records on the stack belong to frames still live.
        let c = unsafe { (*l).cleanup };
        if c.is_null() {
            break;
        }
        // SAFETY: as above.
        unsafe {
            (*l).cleanup = (*c).prev;
            if let Some(f) = (*c).routine {
                f((*c).arg);
            }
        }
    }
    key::run_destructors();
    crate::header::stdlib::malloc::thread_exit();
    // SAFETY: only this thread writes its result, before it exits.
    unsafe { *(*t).result.get() = result };
    if LIVE.fetch_sub(1, Ordering::AcqRel) == 1 {
        crate::header::stdlib::exit::exit(0);
    }
    // SAFETY: the control block lives until released after the join lock
    // clears, which happens only once this thread is gone.
    unsafe {
        if (*t).state.compare_exchange(JOINABLE, EXITED, Ordering::AcqRel, Ordering::Acquire).is_err()
            && !(*t).mapping.is_null()
        {
            let mut z = ZOMBIES.lock();
            *(*t).next_zombie.get() = z.head;
            z.head = t;
        }
        sys::thread_exit(&(*t).join, sys::scope::PRIVATE)
    }
}

/// How long `join` (or a semaphore) may wait.
#[derive(Copy, Clone)]
pub enum Wait {
    Block,
    Try,
    Until(sys::Timeout),
}

/// Waits for `t` to end, releases it and returns its result.
///
/// # Safety
/// `t` must be a thread that nobody else joins or detaches.
pub unsafe fn join(t: *mut Thread, wait: Wait) -> Result<*mut c_void, Errno> {
    if t == current() {
        return Err(errno::DEADLK);
    }
    // SAFETY: the caller's contract: `t` is a live control block.
    let th = unsafe { &*t };
    if th.detached() {
        return Err(errno::INVAL);
    }
    if th.join.compare_exchange(0, WRLOCKED | tid(), Ordering::Acquire, Ordering::Relaxed).is_err() {
        let timeout = match wait {
            Wait::Try => return Err(errno::BUSY),
            Wait::Block => None,
            Wait::Until(to) => Some(to),
        };
        if !sys::lock_wait(&th.join, true, sys::scope::PRIVATE, timeout)? {
            return Err(errno::TIMEDOUT);
        }
    }
    // SAFETY: the thread is gone; its result was written before it exited.
    let result = unsafe { *th.result.get() };
    // SAFETY: the thread is gone and this was its only joiner.
    unsafe { release(t) };
    Ok(result)
}

/// Detaches `t`; a thread that has already exited is released now.
///
/// # Safety
/// `t` must be a live, not yet joined thread.
pub unsafe fn detach(t: *mut Thread) -> Result<(), Errno> {
    // SAFETY: the caller's contract.
    match unsafe { &*t }.state.compare_exchange(JOINABLE, DETACHED, Ordering::AcqRel, Ordering::Acquire) {
        Ok(_) => Ok(()),
        // SAFETY: the thread has exited and was not detached, so we join it.
        Err(EXITED) => unsafe { join(t, Wait::Block) }.map(drop),
        Err(_) => Err(errno::INVAL),
    }
}

/// POSIX `pthread_create`: starts `start(arg)` in a new thread.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_create(
    out: *mut *mut Thread,
    attr: *const pthread_attr_t,
    start: unsafe extern "C" fn(*mut c_void) -> *mut c_void,
    arg: *mut c_void,
) -> c_int {
    // SAFETY: `attr` is null or initialised attributes (C contract).
    let a = if attr.is_null() { pthread_attr_t::DEFAULT } else { unsafe { *attr } };
    match create(&a, Start::Posix(start), arg) {
        Ok(t) => {
            // SAFETY: the caller passes a writable pthread_t.
            unsafe { *out = t };
            0
        }
        Err(e) => e as c_int,
    }
}

/// POSIX `pthread_exit`: ends the calling thread with `value`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_exit(value: *mut c_void) -> ! {
    exit_current(value)
}

/// POSIX `pthread_join`: waits for a thread and collects its result.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_join(t: *mut Thread, out: *mut *mut c_void) -> c_int {
    // SAFETY: `t` is a joinable thread (C contract).
    match unsafe { join(t, Wait::Block) } {
        Ok(v) => {
            if !out.is_null() {
                // SAFETY: the caller passes a writable pointer or null.
                unsafe { *out = v };
            }
            0
        }
        Err(e) => e as c_int,
    }
}

/// POSIX `pthread_detach`: lets a thread's resources go when it ends.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_detach(t: *mut Thread) -> c_int {
    // SAFETY: `t` is a live thread (C contract).
    unsafe { detach(t) }.errno_value()
}

/// POSIX `pthread_self`: the calling thread.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_self() -> *mut Thread {
    current()
}

/// POSIX `pthread_equal`: whether two handles name the same thread.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_equal(a: *mut Thread, b: *mut Thread) -> c_int {
    c_int::from(a == b)
}

/// POSIX `pthread_cleanup_push` (the function behind the macro): pushes a
/// record in the caller's frame.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn __pthread_cleanup_push(
    c: *mut Cleanup,
    routine: Option<unsafe extern "C" fn(*mut c_void)>,
    arg: *mut c_void,
) {
    let l = local();
    // SAFETY: the record lives in the caller's frame until the matching pop.
    unsafe {
        c.write(Cleanup { prev: (*l).cleanup, routine, arg });
        (*l).cleanup = c;
    }
}

/// POSIX `pthread_cleanup_pop` (the function behind the macro): pops the
/// record and runs it if `execute` is non-zero.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn __pthread_cleanup_pop(c: *mut Cleanup, execute: c_int) {
    // SAFETY: `c` is the record the matching push wrote.
    unsafe {
        (*local()).cleanup = (*c).prev;
        if execute != 0 {
            if let Some(f) = (*c).routine {
                f((*c).arg);
            }
        }
    }
}

/// POSIX `pthread_atfork`: accepted; with no `fork`, the handlers never run.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_atfork(
    _prepare: Option<extern "C" fn()>,
    _parent: Option<extern "C" fn()>,
    _child: Option<extern "C" fn()>,
) -> c_int {
    0
}
