//! `<mqueue.h>`: cloudlibc's anonymous in-process message queues
//! (`mq_init` ... `mq_destroy`), and the compat named-queue calls, which
//! have no capability meaning (see include/mqueue.h).
//!
//! A queue is one allocation: its state, then `maxmsg` message slots of
//! `msgsize` bytes, guarded by a mutex, with one condition variable for
//! "not empty" and one for "not full". Receiving takes the oldest message
//! of the highest priority. The deadlines of the timed calls are on the
//! realtime clock.

use crate::abi::va::VaListPtr;
use crate::abi::{c_char, c_int, c_long, c_uint, c_void, size_t, ssize_t, timespec};
use crate::errno::{Errno, OrErrno};
use crate::header::fcntl::O_NONBLOCK;
use crate::header::pthread::{deadline, mutex, pthread_cond_t, pthread_mutex_t};
use crate::header::stdlib::malloc::{free, malloc};
use cloudabi::{clockid, errno};
use core::cell::UnsafeCell;

/// Priorities must be below this (`MQ_PRIO_MAX`).
pub const MQ_PRIO_MAX: c_uint = 32768;

/// `struct mq_attr`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct mq_attr {
    pub mq_flags: c_long,
    pub mq_maxmsg: c_long,
    pub mq_msgsize: c_long,
    pub mq_curmsgs: c_long,
}

/// `mqd_t`: a pointer to the queue, wrapped in a struct as in cloudlibc.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct mqd_t {
    pub queue: *mut Queue,
}

#[derive(Copy, Clone)]
struct Slot {
    used: bool,
    prio: c_uint,
    /// Arrival order, so that equal priorities come out first in, first out.
    seq: u64,
    len: usize,
}

struct State {
    flags: c_long,
    maxmsg: usize,
    msgsize: usize,
    count: usize,
    seq: u64,
    slots: *mut Slot,
    data: *mut u8,
}

pub struct Queue {
    lock: pthread_mutex_t,
    not_empty: pthread_cond_t,
    not_full: pthread_cond_t,
    /// Only touched with `lock` held (through a [`Locked`]).
    state: UnsafeCell<State>,
}

/// A queue whose mutex the current thread holds; unlocks when dropped.
struct Locked<'a>(&'a Queue);

impl<'a> Locked<'a> {
    fn new(q: &'a Queue) -> Result<Locked<'a>, Errno> {
        mutex::lock(&q.lock, None)?;
        Ok(Locked(q))
    }

    /// Waits on `cond` (which releases the mutex meanwhile) until `ready`
    /// holds; EAGAIN for a non-blocking queue, ETIMEDOUT at `abstime`.
    fn wait_for(&mut self, cond: &pthread_cond_t, abstime: *const timespec, ready: fn(&State) -> bool) -> Result<(), Errno> {
        while !ready(self) {
            if self.flags & O_NONBLOCK as c_long != 0 {
                return Err(errno::AGAIN);
            }
            // SAFETY: a non-null abstime is readable (C contract).
            let t = if abstime.is_null() { None } else { Some(unsafe { deadline(clockid::REALTIME, abstime) }?) };
            if let Err(e) = cond.wait(&self.0.lock, t) {
                return if ready(self) { Ok(()) } else { Err(e) };
            }
        }
        Ok(())
    }
}

impl core::ops::Deref for Locked<'_> {
    type Target = State;
    fn deref(&self) -> &State {
        // SAFETY: the mutex is held, so nobody else touches the state.
        unsafe { &*self.0.state.get() }
    }
}

impl core::ops::DerefMut for Locked<'_> {
    fn deref_mut(&mut self) -> &mut State {
        // SAFETY: as in deref.
        unsafe { &mut *self.0.state.get() }
    }
}

impl Drop for Locked<'_> {
    fn drop(&mut self) {
        let _ = mutex::unlock(&self.0.lock);
    }
}

impl State {
    fn slot(&mut self, i: usize) -> &mut Slot {
        // SAFETY: i < maxmsg, the number of slots allocated after the queue.
        unsafe { &mut *self.slots.add(i) }
    }

    fn data(&mut self, i: usize) -> *mut u8 {
        // SAFETY: slot i's bytes lie within the allocation (i < maxmsg).
        unsafe { self.data.add(i * self.msgsize) }
    }

    fn attr(&self) -> mq_attr {
        mq_attr { mq_flags: self.flags, mq_maxmsg: self.maxmsg as c_long, mq_msgsize: self.msgsize as c_long, mq_curmsgs: self.count as c_long }
    }
}

/// Validates an attribute's flags: only O_NONBLOCK may be set.
fn check_flags(flags: c_long) -> Result<(), Errno> {
    if flags & !(O_NONBLOCK as c_long) != 0 {
        Err(errno::INVAL)
    } else {
        Ok(())
    }
}

fn create(attr: &mq_attr) -> Result<*mut Queue, Errno> {
    check_flags(attr.mq_flags)?;
    let maxmsg = usize::try_from(attr.mq_maxmsg).ok().filter(|&n| n > 0).ok_or(errno::INVAL)?;
    let msgsize = usize::try_from(attr.mq_msgsize).ok().filter(|&n| n > 0).ok_or(errno::INVAL)?;
    let head = core::mem::size_of::<Queue>();
    let slots = maxmsg.checked_mul(core::mem::size_of::<Slot>()).ok_or(errno::INVAL)?;
    let data = maxmsg.checked_mul(msgsize).ok_or(errno::INVAL)?;
    let total = head.checked_add(slots).and_then(|n| n.checked_add(data)).ok_or(errno::INVAL)?;
    let p = malloc(total).cast::<u8>();
    if p.is_null() {
        return Err(errno::NOMEM);
    }
    // SAFETY: the allocation holds the queue, then the slots, then the data;
    // malloc's alignment suits Queue, and Slot's size keeps the slots aligned.
    unsafe {
        let slot_ptr = p.add(head).cast::<Slot>();
        for i in 0..maxmsg {
            slot_ptr.add(i).write(Slot { used: false, prio: 0, seq: 0, len: 0 });
        }
        let state = State { flags: attr.mq_flags, maxmsg, msgsize, count: 0, seq: 0, slots: slot_ptr, data: p.add(head + slots) };
        p.cast::<Queue>().write(Queue {
            lock: pthread_mutex_t::new(),
            not_empty: pthread_cond_t::new(),
            not_full: pthread_cond_t::new(),
            state: UnsafeCell::new(state),
        });
    }
    Ok(p.cast())
}

/// The queue behind a descriptor.
fn queue<'a>(mqd: mqd_t) -> Result<&'a Queue, Errno> {
    // SAFETY: a non-null mqd_t comes from mq_init and lives until
    // mq_destroy (C contract).
    unsafe { mqd.queue.as_ref() }.ok_or(errno::BADF)
}

fn send(mqd: mqd_t, msg: *const c_char, len: size_t, prio: c_uint, abstime: *const timespec) -> Result<c_int, Errno> {
    let q = queue(mqd)?;
    if prio >= MQ_PRIO_MAX {
        return Err(errno::INVAL);
    }
    let mut st = Locked::new(q)?;
    if len > st.msgsize {
        return Err(errno::MSGSIZE);
    }
    st.wait_for(&q.not_full, abstime, |st| st.count < st.maxmsg)?;
    let i = (0..st.maxmsg).find(|&i| !st.slot(i).used).ok_or(errno::AGAIN)?;
    let seq = st.seq;
    st.seq += 1;
    st.count += 1;
    *st.slot(i) = Slot { used: true, prio, seq, len };
    // SAFETY: `msg` holds `len` bytes (C contract); the slot holds msgsize >= len.
    unsafe { core::ptr::copy_nonoverlapping(msg.cast::<u8>(), st.data(i), len) };
    q.not_empty.signal(1)?;
    Ok(0)
}

fn receive(mqd: mqd_t, buf: *mut c_char, len: size_t, prio: *mut c_uint, abstime: *const timespec) -> Result<ssize_t, Errno> {
    let q = queue(mqd)?;
    let mut st = Locked::new(q)?;
    if len < st.msgsize {
        return Err(errno::MSGSIZE);
    }
    st.wait_for(&q.not_empty, abstime, |st| st.count > 0)?;
    let mut best: Option<(usize, Slot)> = None;
    for i in 0..st.maxmsg {
        let s = *st.slot(i);
        if s.used && best.is_none_or(|(_, b)| s.prio > b.prio || (s.prio == b.prio && s.seq < b.seq)) {
            best = Some((i, s));
        }
    }
    let (i, s) = best.ok_or(errno::AGAIN)?;
    // SAFETY: `buf` holds `len` >= msgsize >= s.len bytes (C contract).
    unsafe { core::ptr::copy_nonoverlapping(st.data(i), buf.cast::<u8>(), s.len) };
    st.slot(i).used = false;
    st.count -= 1;
    if !prio.is_null() {
        // SAFETY: a non-null `prio` is writable (C contract).
        unsafe { *prio = s.prio };
    }
    q.not_full.signal(1)?;
    Ok(s.len as ssize_t)
}

/// cloudlibc `mq_init`: creates an anonymous queue (EINVAL for flags
/// other than O_NONBLOCK or sizes that are not positive).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mq_init(mqd: *mut mqd_t, attr: *const mq_attr) -> c_int {
    // SAFETY: `attr` is readable (C contract).
    let r = create(unsafe { &*attr }).map(|q| {
        // SAFETY: `mqd` is writable once the attributes are valid (C contract).
        unsafe { mqd.write(mqd_t { queue: q }) };
        0
    });
    r.or_errno(-1)
}

/// cloudlibc `mq_destroy`: frees a queue (no thread may still use it).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mq_destroy(mqd: mqd_t) -> c_int {
    let r = queue(mqd).map(|_| {
        // SAFETY: the queue came from malloc in mq_init (C contract).
        unsafe { free(mqd.queue.cast::<c_void>()) };
        0
    });
    r.or_errno(-1)
}

/// cloudlibc `mq_getattr`: the queue's attributes and message count.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mq_getattr(mqd: mqd_t, attr: *mut mq_attr) -> c_int {
    // SAFETY: `attr` is writable (C contract).
    let r = queue(mqd).and_then(Locked::new).map(|st| unsafe { attr.write(st.attr()) });
    r.map(|()| 0).or_errno(-1)
}

/// cloudlibc `mq_setattr`: sets the O_NONBLOCK flag (the other
/// attributes are ignored); stores the previous attributes in `old`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mq_setattr(mqd: mqd_t, new: *const mq_attr, old: *mut mq_attr) -> c_int {
    let r = queue(mqd).and_then(|q| {
        // SAFETY: `new` is readable (C contract); read before `old`, which may alias it.
        let flags = unsafe { (*new).mq_flags };
        check_flags(flags)?;
        let mut st = Locked::new(q)?;
        if !old.is_null() {
            // SAFETY: a non-null `old` is writable (C contract).
            unsafe { old.write(st.attr()) };
        }
        st.flags = flags;
        Ok(0)
    });
    r.or_errno(-1)
}

/// cloudlibc `mq_send`: queues a message, waiting for room unless the
/// queue is non-blocking (EAGAIN); EMSGSIZE if it is too long.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mq_send(mqd: mqd_t, msg: *const c_char, len: size_t, prio: c_uint) -> c_int {
    send(mqd, msg, len, prio, core::ptr::null()).or_errno(-1)
}

/// cloudlibc `mq_timedsend`: `mq_send` that gives up at `abstime`
/// (realtime clock) with ETIMEDOUT; a null `abstime` waits for ever.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mq_timedsend(mqd: mqd_t, msg: *const c_char, len: size_t, prio: c_uint, abstime: *const timespec) -> c_int {
    send(mqd, msg, len, prio, abstime).or_errno(-1)
}

/// cloudlibc `mq_receive`: takes the oldest message of the highest
/// priority, waiting unless the queue is non-blocking (EAGAIN); EMSGSIZE
/// if `len` is below the queue's message size.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mq_receive(mqd: mqd_t, buf: *mut c_char, len: size_t, prio: *mut c_uint) -> ssize_t {
    receive(mqd, buf, len, prio, core::ptr::null()).or_errno(-1)
}

/// cloudlibc `mq_timedreceive`: `mq_receive` that gives up at `abstime`
/// (realtime clock) with ETIMEDOUT; a null `abstime` waits for ever.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mq_timedreceive(
    mqd: mqd_t,
    buf: *mut c_char,
    len: size_t,
    prio: *mut c_uint,
    abstime: *const timespec,
) -> ssize_t {
    receive(mqd, buf, len, prio, abstime).or_errno(-1)
}

crate::variadic!("mq_open" => mq_open_impl, gp = 2, fp = 0, reg = "rdx");

/// Compat `mq_open`: `(mqd_t)-1` with ENOTCAPABLE; named queues live in a
/// global namespace that no capability grants.
pub extern "C" fn mq_open_impl(_name: *const c_char, _flags: c_int, _ap: VaListPtr) -> mqd_t {
    Err(errno::NOTCAPABLE).or_errno(mqd_t { queue: usize::MAX as *mut Queue })
}

/// Compat `mq_unlink`: ENOTCAPABLE, as `mq_open`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mq_unlink(_name: *const c_char) -> c_int {
    Err(errno::NOTCAPABLE).or_errno(-1)
}

/// Compat `mq_close`: EBADF, as no queue comes from `mq_open` (queues
/// from `mq_init` end with `mq_destroy`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mq_close(_mqd: mqd_t) -> c_int {
    Err(errno::BADF).or_errno(-1)
}

/// Compat `mq_notify`: removing a registration succeeds (there is none);
/// registering fails with ENOTSUP, as nothing can notify a process
/// asynchronously.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mq_notify(mqd: mqd_t, ev: *const c_void) -> c_int {
    let r = queue(mqd).and_then(|_| if ev.is_null() { Ok(0) } else { Err(errno::NOTSUP) });
    r.or_errno(-1)
}
