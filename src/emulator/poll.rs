//! `poll`: waiting for clocks and descriptors, on Linux `ppoll`.
//!
//! Clock subscriptions become one `ppoll` timeout, the nearest deadline;
//! absolute times are turned into monotonic deadlines once, at the start of
//! the call (a later change of the real-time clock does not move them).
//! `precision` is not used. A descriptor subscription that cannot be
//! watched (unknown descriptor, missing `POLL_FD_READWRITE`) does not fail
//! the call: it comes back at once as an event carrying the error.
//! A lock or condition variable subscription must come first and may be
//! followed by one clock only; `lock::poll_sync` handles those calls.
//! A process subscription (`PROC_TERMINATE`, needing the right of that
//! name) watches the pidfd, which Linux makes readable once the process has
//! ended; its status is read without reaping the process (see `proc`), so
//! a process that has ended reports its event to every poll until its
//! descriptor is closed.

use super::clock::{from_timestamp, linux_clock, to_timestamp};
use super::linux::{self, nr, result, syscall, Pollfd, Timespec};
use super::memory::Scratch;
use super::{emulate, fdtable};
use super::proc::{self, Termination};
use cloudabi::{
    clockid, errno, event, event_fd_readwrite, event_union, eventrwflags, eventtype, fd, rights, subclockflags,
    subscription, timestamp, userdata,
};
use core::ptr::{addr_of, addr_of_mut};

/// What a subscription asks for.
enum Kind {
    Clock { clock: clockid, timeout: timestamp, absolute: bool },
    Fd { f: fd, write: bool },
    Proc { f: fd },
}

/// Reads a subscription field by field: its type and clock bytes come from
/// the program and may hold values that are no valid Rust enum.
///
/// # Safety
/// `s` points to a readable subscription.
unsafe fn read(s: *const subscription) -> Result<(userdata, Kind), errno> {
    // SAFETY: the caller's contract; the raw reads of `type` and `clock_id`
    // take bytes, never an enum, and every other field is plain data.
    unsafe {
        let data = addr_of!((*s).userdata).read();
        let kind = match addr_of!((*s).r#type).cast::<u8>().read() {
            1 => Kind::Clock {
                clock: wait_clock(addr_of!((*s).union.clock.clock_id).cast::<u32>().read())?,
                timeout: addr_of!((*s).union.clock.timeout).read(),
                absolute: addr_of!((*s).union.clock.flags).read().contains(subclockflags::ABSTIME),
            },
            t @ (3 | 4) => Kind::Fd { f: addr_of!((*s).union.fd_readwrite.fd).read(), write: t == 4 },
            7 => Kind::Proc { f: addr_of!((*s).union.proc_terminate.fd).read() },
            _ => return Err(errno::INVAL),
        };
        Ok((data, kind))
    }
}

/// The clocks a poll can wait on. CPU-time clocks do not advance while the
/// thread sleeps, so a timeout on them is refused.
fn wait_clock(raw: u32) -> Result<clockid, errno> {
    match raw {
        1 => Ok(clockid::MONOTONIC),
        3 => Ok(clockid::REALTIME),
        _ => Err(errno::INVAL),
    }
}

fn now(c: clockid) -> Result<timestamp, errno> {
    let mut ts = Timespec::default();
    // SAFETY: `ts` is a writable timespec.
    result(unsafe { syscall!(nr::CLOCK_GETTIME, linux_clock(c)?, &mut ts as *mut Timespec) })?;
    Ok(to_timestamp(&ts))
}

/// The clocks at the start of the call, against which deadlines are set.
struct Start {
    monotonic: timestamp,
    realtime: timestamp,
}

impl Start {
    /// The monotonic time at which a clock subscription fires.
    fn deadline(&self, clock: clockid, timeout: timestamp, absolute: bool) -> timestamp {
        match (absolute, clock) {
            (false, _) => self.monotonic.saturating_add(timeout),
            (true, clockid::REALTIME) => self.monotonic.saturating_add(timeout.saturating_sub(self.realtime)),
            (true, _) => timeout,
        }
    }
}

/// Bytes ready to be read, where the descriptor can tell (`FIONREAD`).
fn readable_bytes(l: i32) -> u64 {
    let mut n: i32 = 0;
    // SAFETY: FIONREAD writes one int.
    let r = unsafe { syscall!(nr::IOCTL, l, linux::FIONREAD, &mut n as *mut i32) };
    if r == 0 {
        n.max(0) as u64
    } else {
        0
    }
}

/// Descriptors polled in an array on the stack; more go into a mapping.
const ON_STACK: usize = 16;

/// Waits until a descriptor is ready or `wait` nanoseconds have passed
/// (forever if `None`).
fn ppoll(fds: &mut [Pollfd], wait: Option<timestamp>) -> Result<usize, errno> {
    let mut ts = wait.map(from_timestamp);
    let tp = ts.as_mut().map_or(core::ptr::null_mut(), |t| t as *mut Timespec);
    // SAFETY: `fds` and `ts` are valid for the call; no signal mask is set.
    result(unsafe { syscall!(nr::PPOLL, fds.as_mut_ptr(), fds.len(), tp, 0, 8) })
}

fn no_payload() -> event_union {
    event_union { fd_readwrite: event_fd_readwrite { nbytes: 0, unused: [0; 4], flags: eventrwflags::empty() } }
}

/// The payload of a `PROC_TERMINATE` event. Its `signal` is 0 for a
/// process that exited, which no `signal` value is, so the byte is written
/// raw (and must be read so).
fn terminated(t: Termination) -> event_union {
    let (sig, code) = match t {
        Termination::Exited(code) => (0, code),
        Termination::Killed(s) => (s as u8, 0),
    };
    let mut u = no_payload();
    // SAFETY: plain writes of fields inside the union, whose bytes are all
    // initialised (zero) by `no_payload`.
    unsafe {
        let p = addr_of_mut!(u.proc_terminate);
        addr_of_mut!((*p).signal).cast::<u8>().write(sig);
        addr_of_mut!((*p).exitcode).write(code);
    }
    u
}

/// A pollfd `ppoll` skips, holding the place of a process that has
/// already ended.
const ENDED: Pollfd = Pollfd { fd: -1, events: 0, revents: 0 };

/// What the first pass found out.
struct Plan {
    /// How many entries of the `pollfd` array are in use.
    nfds: usize,
    /// The nearest clock deadline, as monotonic time.
    earliest: Option<timestamp>,
    /// Some subscription already has its event: an error, or a process
    /// that has ended.
    ready: bool,
}

/// First pass: every subscription gets a provisional event in its own slot
/// of `out` (which has room for `n`, per the ABI); descriptors go into
/// `pfds` in order. A clock event carries its deadline in `nbytes` until
/// `collect`.
///
/// # Safety
/// `subs` holds `n` readable subscriptions, `out` room for `n` events.
unsafe fn subscribe(
    subs: *const subscription,
    out: *mut event,
    n: usize,
    start: &Start,
    pfds: &mut [Pollfd],
) -> Result<Plan, errno> {
    let mut plan = Plan { nfds: 0, earliest: None, ready: false };
    for i in 0..n {
        // SAFETY: the caller's contract.
        let (userdata, kind) = unsafe { read(subs.add(i)) }?;
        let mut ev = event { userdata, error: errno::SUCCESS, r#type: eventtype::CLOCK, union: no_payload() };
        match kind {
            Kind::Clock { clock, timeout, absolute } => {
                let d = start.deadline(clock, timeout, absolute);
                plan.earliest = Some(plan.earliest.map_or(d, |e| e.min(d)));
                ev.union.fd_readwrite.nbytes = d;
            }
            Kind::Fd { f, write } => {
                ev.r#type = if write { eventtype::FD_WRITE } else { eventtype::FD_READ };
                match fdtable::check(f, rights::POLL_FD_READWRITE) {
                    Ok(l) => {
                        let events = if write { linux::POLLOUT } else { linux::POLLIN };
                        pfds[plan.nfds] = Pollfd { fd: l, events, revents: 0 };
                        plan.nfds += 1;
                    }
                    Err(e) => {
                        ev.error = e;
                        plan.ready = true;
                    }
                }
            }
            Kind::Proc { f } => {
                ev.r#type = eventtype::PROC_TERMINATE;
                let watch = fdtable::check(f, rights::POLL_PROC_TERMINATE).and_then(|l| Ok((l, proc::termination(l)?)));
                match watch {
                    Ok((l, None)) => {
                        pfds[plan.nfds] = Pollfd { fd: l, events: linux::POLLIN, revents: 0 };
                        plan.nfds += 1;
                    }
                    Ok((_, Some(t))) => {
                        ev.union = terminated(t);
                        pfds[plan.nfds] = ENDED;
                        plan.nfds += 1;
                        plan.ready = true;
                    }
                    Err(e) => {
                        ev.error = e;
                        plan.ready = true;
                    }
                }
            }
        }
        // SAFETY: the caller's contract.
        unsafe { out.add(i).write(ev) };
    }
    Ok(plan)
}

/// Waits until a descriptor is ready or the nearest clock passes; returns
/// the monotonic time then. An error event counts as ready at once, but
/// descriptors that are ready too are still reported with it.
fn wait(pfds: &mut [Pollfd], plan: &Plan) -> Result<timestamp, errno> {
    loop {
        let timeout = match plan.earliest {
            _ if plan.ready => Some(0),
            Some(d) => Some(d.saturating_sub(now(clockid::MONOTONIC)?)),
            None => None,
        };
        // A timer signal's handler has run (see signal.rs): EINTR, as POSIX
        // callers of poll and nanosleep expect.
        let ready = ppoll(pfds, timeout)?;
        let t = now(clockid::MONOTONIC)?;
        if ready > 0 || plan.ready || plan.earliest.is_some_and(|d| d <= t) {
            return Ok(t);
        }
    }
}

/// The outcome of a descriptor subscription once `ppoll` has returned.
fn fd_event(ev: &mut event, p: Pollfd) -> bool {
    if p.revents & linux::POLLNVAL != 0 {
        // Closed by another thread while we waited.
        ev.error = errno::BADF;
    } else if p.revents != 0 {
        let mut flags = eventrwflags::empty();
        if p.revents & linux::POLLHUP != 0 {
            flags |= eventrwflags::HANGUP;
        }
        let nbytes = if ev.r#type == eventtype::FD_READ { readable_bytes(p.fd) } else { 0 };
        ev.union.fd_readwrite = event_fd_readwrite { nbytes, unused: [0; 4], flags };
    }
    p.revents != 0
}

/// The outcome of a process subscription once `ppoll` has returned.
fn proc_event(ev: &mut event, p: Pollfd) -> bool {
    if p.fd == ENDED.fd {
        return true;
    }
    if p.revents & linux::POLLNVAL != 0 {
        ev.error = errno::BADF;
        return true;
    }
    if p.revents == 0 {
        return false;
    }
    match proc::termination(p.fd) {
        Ok(Some(t)) => ev.union = terminated(t),
        // Readable, yet running: not a termination.
        Ok(None) => return false,
        Err(e) => ev.error = e,
    }
    true
}

/// Second pass: keeps the events that happened, in subscription order,
/// moving them to the front of `out`; returns how many.
///
/// # Safety
/// `out` holds the `n` events `subscribe` wrote.
unsafe fn collect(out: *mut event, n: usize, pfds: &[Pollfd], done_at: timestamp) -> usize {
    let mut k = 0;
    let mut next_fd = pfds.iter();
    for i in 0..n {
        // SAFETY: the caller's contract.
        let mut ev = unsafe { out.add(i).read() };
        let happened = if ev.error != errno::SUCCESS {
            true
        } else if ev.r#type == eventtype::CLOCK {
            // SAFETY: `subscribe` stored the deadline in `fd_readwrite`.
            let deadline = unsafe { ev.union.fd_readwrite.nbytes };
            ev.union = no_payload();
            deadline <= done_at
        } else {
            let p = next_fd.next().copied().unwrap_or_default();
            if ev.r#type == eventtype::PROC_TERMINATE {
                proc_event(&mut ev, p)
            } else {
                fd_event(&mut ev, p)
            }
        };
        if happened {
            // SAFETY: k <= i < n: inside the array, and slot i is already read.
            unsafe { out.add(k).write(ev) };
            k += 1;
        }
    }
    k
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_poll(
    subs: *const subscription,
    out: *mut event,
    n: usize,
    nevents: *mut usize,
) -> errno {
    emulate(|| {
        if n == 0 {
            return Err(errno::INVAL);
        }
        // SAFETY: the caller passes `n` >= 1 subscriptions and room for `n` events.
        if super::lock::is_sync(unsafe { addr_of!((*subs).r#type).cast::<u8>().read() }) {
            // SAFETY: as above.
            let k = unsafe { super::lock::poll_sync(subs, out, n) }?;
            // SAFETY: the caller passes a writable count.
            unsafe { nevents.write(k) };
            return Ok(());
        }
        let start = Start { monotonic: now(clockid::MONOTONIC)?, realtime: now(clockid::REALTIME)? };
        let mut stack = [Pollfd::default(); ON_STACK];
        let mut mapped;
        let pfds = if n <= ON_STACK {
            &mut stack[..n]
        } else {
            // SAFETY: all zero is a valid pollfd.
            mapped = unsafe { Scratch::new(n) }?;
            mapped.slice()
        };
        // SAFETY: the caller passes `n` subscriptions and room for `n` events.
        let plan = unsafe { subscribe(subs, out, n, &start, pfds) }?;
        let pfds = &mut pfds[..plan.nfds];
        let done_at = wait(pfds, &plan)?;
        // SAFETY: `subscribe` filled the `n` events.
        let k = unsafe { collect(out, n, pfds, done_at) };
        // SAFETY: the caller passes a writable count.
        unsafe { nevents.write(k) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::create::testutil::{reg, reg_full, unknown_fd, write, Reg};
    use crate::emulator::rights as max;
    use cloudabi::{filetype, subrwflags, subscription_clock, subscription_fd_readwrite, subscription_union};
    use core::ptr::addr_of_mut;
    use std::io::Write;
    use std::os::fd::OwnedFd;
    use std::os::unix::net::UnixStream;
    use std::time::{Duration, Instant};

    const MS: u64 = 1_000_000;

    fn clock_sub(userdata: userdata, clock_id: clockid, timeout: timestamp, absolute: bool) -> subscription {
        let flags = if absolute { subclockflags::ABSTIME } else { subclockflags::empty() };
        let clock = subscription_clock { identifier: 0, clock_id, timeout, precision: 0, flags };
        subscription { userdata, unused: 0, r#type: eventtype::CLOCK, union: subscription_union { clock } }
    }

    fn fd_sub(userdata: userdata, f: fd, t: eventtype) -> subscription {
        let fd_readwrite = subscription_fd_readwrite { fd: f, flags: subrwflags::POLL };
        subscription { userdata, unused: 0, r#type: t, union: subscription_union { fd_readwrite } }
    }

    fn read_sub(userdata: userdata, f: fd) -> subscription {
        fd_sub(userdata, f, eventtype::FD_READ)
    }

    fn write_sub(userdata: userdata, f: fd) -> subscription {
        fd_sub(userdata, f, eventtype::FD_WRITE)
    }

    /// A subscription whose type byte is `raw`, whatever that means.
    fn typed(raw: u8) -> subscription {
        let mut s = clock_sub(1, clockid::MONOTONIC, 0, false);
        // SAFETY: the type is the byte at offset 10 of the subscription.
        unsafe { addr_of_mut!(s.r#type).cast::<u8>().write(raw) };
        s
    }

    fn poll(subs: &[subscription]) -> Result<Vec<event>, errno> {
        let filler = event { userdata: 0xdead, error: errno::SUCCESS, r#type: eventtype::CLOCK, union: no_payload() };
        let mut out = vec![filler; subs.len()];
        let mut n = usize::MAX;
        // SAFETY: `out` has room for one event per subscription.
        match unsafe { cloudabi_sys_poll(subs.as_ptr(), out.as_mut_ptr(), subs.len(), &mut n) } {
            errno::SUCCESS => {
                assert!(n <= subs.len());
                out.truncate(n);
                Ok(out)
            }
            e => Err(e),
        }
    }

    fn clock(c: clockid) -> timestamp {
        now(c).unwrap()
    }

    /// (userdata, type, error) of each event.
    fn summary(evs: &[event]) -> Vec<(userdata, eventtype, errno)> {
        evs.iter().map(|e| (e.userdata, e.r#type, e.error)).collect()
    }

    fn rw(e: &event) -> event_fd_readwrite {
        // SAFETY: fd_readwrite is initialised for every event poll returns.
        unsafe { e.union.fd_readwrite }
    }

    /// A pipe registered as CloudABI sees it (a stream socket): (read, write).
    fn pipe() -> (Reg, Reg) {
        let (r, w) = std::io::pipe().unwrap();
        (reg_full(OwnedFd::from(r), filetype::SOCKET_STREAM), reg_full(OwnedFd::from(w), filetype::SOCKET_STREAM))
    }

    fn put(w: &Reg, data: &[u8]) {
        assert_eq!(write(w.0, data), Ok(data.len()));
    }

    #[test]
    fn zero_subscriptions_is_invalid() {
        assert_eq!(poll(&[]).err(), Some(errno::INVAL));
    }

    #[test]
    fn relative_clock_waits_for_its_timeout() {
        let t = Instant::now();
        let evs = poll(&[clock_sub(42, clockid::MONOTONIC, 20 * MS, false)]).unwrap();
        assert!(t.elapsed() >= Duration::from_millis(20));
        assert_eq!(summary(&evs), [(42, eventtype::CLOCK, errno::SUCCESS)]);
        assert_eq!(rw(&evs[0]).nbytes, 0, "the deadline must not leak into the event");
    }

    #[test]
    fn relative_realtime_clock_waits_too() {
        let t = Instant::now();
        let evs = poll(&[clock_sub(1, clockid::REALTIME, 20 * MS, false)]).unwrap();
        assert!(t.elapsed() >= Duration::from_millis(20));
        assert_eq!(evs.len(), 1);
    }

    #[test]
    fn zero_timeout_returns_at_once() {
        let evs = poll(&[clock_sub(3, clockid::MONOTONIC, 0, false)]).unwrap();
        assert_eq!(summary(&evs), [(3, eventtype::CLOCK, errno::SUCCESS)]);
    }

    #[test]
    fn absolute_monotonic_clock_waits_until_the_deadline() {
        let deadline = clock(clockid::MONOTONIC) + 20 * MS;
        let evs = poll(&[clock_sub(5, clockid::MONOTONIC, deadline, true)]).unwrap();
        assert!(clock(clockid::MONOTONIC) >= deadline);
        assert_eq!(summary(&evs), [(5, eventtype::CLOCK, errno::SUCCESS)]);
    }

    #[test]
    fn absolute_realtime_clock_waits_until_the_deadline() {
        let deadline = clock(clockid::REALTIME) + 20 * MS;
        let evs = poll(&[clock_sub(6, clockid::REALTIME, deadline, true)]).unwrap();
        assert!(clock(clockid::REALTIME) >= deadline);
        assert_eq!(evs.len(), 1);
    }

    #[test]
    fn absolute_time_in_the_past_returns_at_once() {
        let past = clock(clockid::MONOTONIC) - 5 * MS;
        let later = clock_sub(2, clockid::MONOTONIC, 10_000 * MS, false);
        let evs = poll(&[clock_sub(1, clockid::MONOTONIC, past, true), later]).unwrap();
        assert_eq!(summary(&evs), [(1, eventtype::CLOCK, errno::SUCCESS)]);
        let evs = poll(&[later, clock_sub(7, clockid::REALTIME, 1, true)]).unwrap();
        assert_eq!(summary(&evs), [(7, eventtype::CLOCK, errno::SUCCESS)]);
    }

    #[test]
    fn nearest_clock_fires_alone() {
        let t = Instant::now();
        let subs = [
            clock_sub(1, clockid::MONOTONIC, 10_000 * MS, false),
            clock_sub(2, clockid::MONOTONIC, 15 * MS, false),
            clock_sub(3, clockid::REALTIME, 10_000 * MS, false),
        ];
        let evs = poll(&subs).unwrap();
        assert!(t.elapsed() >= Duration::from_millis(15));
        assert_eq!(summary(&evs), [(2, eventtype::CLOCK, errno::SUCCESS)]);
    }

    #[test]
    fn all_expired_clocks_are_reported_in_order() {
        let subs = [
            clock_sub(1, clockid::MONOTONIC, 0, false),
            clock_sub(2, clockid::MONOTONIC, 10_000 * MS, false),
            clock_sub(3, clockid::MONOTONIC, 1, true),
        ];
        let evs = poll(&subs).unwrap();
        assert_eq!(summary(&evs), [(1, eventtype::CLOCK, errno::SUCCESS), (3, eventtype::CLOCK, errno::SUCCESS)]);
    }

    #[test]
    fn cpu_time_and_unknown_clocks_are_invalid() {
        for c in [clockid::PROCESS_CPUTIME_ID, clockid::THREAD_CPUTIME_ID] {
            assert_eq!(poll(&[clock_sub(1, c, 0, false)]).err(), Some(errno::INVAL), "{c:?}");
        }
        let mut s = clock_sub(1, clockid::MONOTONIC, 0, false);
        // SAFETY: clock_id is a u32 inside the clock variant in use.
        unsafe { addr_of_mut!(s.union.clock.clock_id).cast::<u32>().write(77) };
        assert_eq!(poll(&[s]).err(), Some(errno::INVAL));
    }

    #[test]
    fn unknown_subscription_type_is_invalid() {
        for raw in [0u8, 8, 255] {
            assert_eq!(poll(&[typed(raw)]).err(), Some(errno::INVAL), "type {raw}");
        }
    }

    #[test]
    fn lock_and_condvar_subscriptions_must_come_first() {
        for t in [eventtype::CONDVAR, eventtype::LOCK_RDLOCK, eventtype::LOCK_WRLOCK] {
            let after_clock = [clock_sub(2, clockid::MONOTONIC, 0, false), typed(t as u8)];
            assert_eq!(poll(&after_clock).err(), Some(errno::INVAL), "{t:?} after a clock");
        }
    }

    #[test]
    fn readable_pipe_reports_bytes_available() {
        let (r, w) = pipe();
        put(&w, b"hello");
        let evs = poll(&[read_sub(9, r.0)]).unwrap();
        assert_eq!(summary(&evs), [(9, eventtype::FD_READ, errno::SUCCESS)]);
        assert_eq!(rw(&evs[0]).nbytes, 5);
        assert_eq!(rw(&evs[0]).flags, eventrwflags::empty());
    }

    #[test]
    fn empty_pipe_is_not_readable_until_the_clock_fires() {
        let (r, _w) = pipe();
        let evs = poll(&[read_sub(1, r.0), clock_sub(2, clockid::MONOTONIC, 10 * MS, false)]).unwrap();
        assert_eq!(summary(&evs), [(2, eventtype::CLOCK, errno::SUCCESS)]);
    }

    #[test]
    fn writable_socket_is_reported() {
        let (a, _b) = UnixStream::pair().unwrap();
        let a = reg_full(a, filetype::SOCKET_STREAM);
        let evs = poll(&[write_sub(4, a.0)]).unwrap();
        assert_eq!(summary(&evs), [(4, eventtype::FD_WRITE, errno::SUCCESS)]);
        assert_eq!(rw(&evs[0]).flags, eventrwflags::empty());
    }

    #[test]
    fn only_the_ready_descriptor_is_reported() {
        let (empty_r, _empty_w) = pipe();
        let (full_r, full_w) = pipe();
        put(&full_w, b"xy");
        let subs =
            [read_sub(1, empty_r.0), read_sub(2, full_r.0), clock_sub(3, clockid::MONOTONIC, 10_000 * MS, false)];
        let evs = poll(&subs).unwrap();
        assert_eq!(summary(&evs), [(2, eventtype::FD_READ, errno::SUCCESS)]);
        assert_eq!(rw(&evs[0]).nbytes, 2);
    }

    #[test]
    fn read_and_write_on_one_socket_are_separate() {
        let (a, b) = UnixStream::pair().unwrap();
        let (a, _b) = (reg_full(a, filetype::SOCKET_STREAM), reg_full(b, filetype::SOCKET_STREAM));
        let evs = poll(&[read_sub(1, a.0), write_sub(2, a.0)]).unwrap();
        assert_eq!(summary(&evs), [(2, eventtype::FD_WRITE, errno::SUCCESS)]);
    }

    #[test]
    fn missing_poll_right_is_an_event_error() {
        let (a, _b) = UnixStream::pair().unwrap();
        let without = max::SOCKET & !rights::POLL_FD_READWRITE.bits();
        let a = reg(a, filetype::SOCKET_STREAM, without, 0);
        let t = Instant::now();
        let subs = [write_sub(8, a.0), clock_sub(9, clockid::MONOTONIC, 10_000 * MS, false)];
        let evs = poll(&subs).unwrap();
        assert!(t.elapsed() < Duration::from_secs(5));
        assert_eq!(summary(&evs), [(8, eventtype::FD_WRITE, errno::NOTCAPABLE)]);
    }

    #[test]
    fn unknown_descriptor_is_an_event_error() {
        let evs = poll(&[read_sub(5, unknown_fd())]).unwrap();
        assert_eq!(summary(&evs), [(5, eventtype::FD_READ, errno::BADF)]);
    }

    #[test]
    fn error_events_come_with_the_ready_ones() {
        let (r, w) = pipe();
        put(&w, b"z");
        let (idle, _idle_w) = pipe();
        let subs = [read_sub(1, idle.0), read_sub(2, unknown_fd()), read_sub(3, r.0)];
        let evs = poll(&subs).unwrap();
        assert_eq!(summary(&evs), [(2, eventtype::FD_READ, errno::BADF), (3, eventtype::FD_READ, errno::SUCCESS)]);
        assert_eq!(rw(&evs[1]).nbytes, 1);
    }

    #[test]
    fn closed_writer_is_a_hangup() {
        let (r, w) = pipe();
        put(&w, b"bye");
        drop(w);
        let evs = poll(&[read_sub(1, r.0)]).unwrap();
        assert_eq!(summary(&evs), [(1, eventtype::FD_READ, errno::SUCCESS)]);
        assert_eq!(rw(&evs[0]).flags, eventrwflags::HANGUP);
        assert_eq!(rw(&evs[0]).nbytes, 3);
    }

    #[test]
    fn closed_peer_socket_is_a_hangup() {
        let (a, b) = UnixStream::pair().unwrap();
        let a = reg_full(a, filetype::SOCKET_STREAM);
        drop(b);
        let evs = poll(&[read_sub(1, a.0)]).unwrap();
        assert_eq!(rw(&evs[0]).flags, eventrwflags::HANGUP);
        assert_eq!(rw(&evs[0]).nbytes, 0);
    }

    #[test]
    fn waits_for_a_descriptor_without_any_clock() {
        let (a, b) = UnixStream::pair().unwrap();
        let a = reg_full(a, filetype::SOCKET_STREAM);
        let writer = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            (&b).write_all(b"late").unwrap();
            b
        });
        let t = Instant::now();
        let evs = poll(&[read_sub(1, a.0)]).unwrap();
        assert!(t.elapsed() >= Duration::from_millis(20));
        let _b = writer.join().unwrap();
        assert_eq!(summary(&evs), [(1, eventtype::FD_READ, errno::SUCCESS)]);
        assert_eq!(rw(&evs[0]).nbytes, 4);
    }

    #[test]
    fn regular_file_is_readable_with_its_remaining_size() {
        let path = std::env::temp_dir().join(format!("emupoll-poll-{}", std::process::id()));
        std::fs::write(&path, b"0123456789").unwrap();
        let f = std::fs::File::open(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        let f = reg_full(f, filetype::REGULAR_FILE);
        let evs = poll(&[read_sub(1, f.0), write_sub(2, f.0)]).unwrap();
        assert_eq!(summary(&evs), [(1, eventtype::FD_READ, errno::SUCCESS), (2, eventtype::FD_WRITE, errno::SUCCESS)]);
        assert_eq!(rw(&evs[0]).nbytes, 10);
    }

    #[test]
    fn huge_timeout_does_not_overflow() {
        let (r, w) = pipe();
        put(&w, b"!");
        let subs = [clock_sub(1, clockid::MONOTONIC, u64::MAX, false), read_sub(2, r.0)];
        let evs = poll(&subs).unwrap();
        assert_eq!(summary(&evs), [(2, eventtype::FD_READ, errno::SUCCESS)]);
        let subs = [clock_sub(1, clockid::REALTIME, u64::MAX, true), read_sub(2, r.0)];
        assert_eq!(poll(&subs).unwrap().len(), 1);
    }

    #[test]
    fn many_subscriptions_beyond_the_stack_array() {
        let pipes: Vec<(Reg, Reg)> = (0..2 * ON_STACK + 5).map(|_| pipe()).collect();
        for (i, (_, w)) in pipes.iter().enumerate() {
            if i % 3 == 0 {
                put(w, &vec![b'.'; i + 1]);
            }
        }
        let subs: Vec<subscription> = pipes.iter().enumerate().map(|(i, (r, _))| read_sub(i as u64, r.0)).collect();
        let evs = poll(&subs).unwrap();
        let want: Vec<u64> = (0..pipes.len() as u64).filter(|i| i % 3 == 0).collect();
        assert_eq!(evs.iter().map(|e| e.userdata).collect::<Vec<_>>(), want);
        for e in &evs {
            assert_eq!(rw(e).nbytes, e.userdata + 1);
        }
    }
}
