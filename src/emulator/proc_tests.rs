//! Tests of process creation, process descriptors and `proc_exec`.
//!
//! The test harness is multi-threaded, so a forked child only issues raw
//! system calls (no allocation, no locks of the harness's) and ends with
//! `exit_group`.

use super::*;
use crate::emulator::create::testutil::{cloexec, read, reg, reg_full, stat, unknown_fd, write, Reg};
use crate::emulator::exec::cloudabi_sys_proc_exec;
use crate::emulator::fd::{cloudabi_sys_fd_close, cloudabi_sys_fd_dup, cloudabi_sys_fd_replace, cloudabi_sys_fd_stat_put};
use crate::emulator::linux::Timespec;
use crate::emulator::poll::cloudabi_sys_poll;
use crate::emulator::rights as max;
use cloudabi::{
    clockid, event, event_fd_readwrite, event_union, eventrwflags, eventtype, fdsflags, rights, subclockflags, subscription, subscription_clock,
    subscription_fd_readwrite, subscription_proc_terminate, subscription_union, subrwflags, userdata,
};
use std::os::fd::OwnedFd;
use std::os::unix::fs::PermissionsExt;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const MS: u64 = 1_000_000;
const P_PID: usize = 1;

/// Ends the (forked) calling process at once.
fn exit(code: u32) -> ! {
    loop {
        // SAFETY: exit_group does not return.
        unsafe { syscall!(nr::EXIT_GROUP, code) };
    }
}

/// Sleeps for a long while, in a forked child that waits to be killed.
fn sleep_forever() -> ! {
    let ts = Timespec { tv_sec: 3600, tv_nsec: 0 };
    loop {
        // SAFETY: `ts` is a valid timespec; no remainder is asked for.
        unsafe { syscall!(nr::NANOSLEEP, &ts as *const Timespec, 0) };
    }
}

/// Forks; the child runs `child`, which should end the process (else it
/// exits with 101). The parent gets
/// the child's process descriptor, closed (and the child killed and
/// reaped) when dropped.
fn fork(child: impl FnOnce(fd, tid)) -> Reg {
    let (mut f, mut t) = (fd(0xdead), tid(0xbeef));
    // SAFETY: both outputs are writable.
    assert_eq!(unsafe { cloudabi_sys_proc_fork(&mut f, &mut t) }, errno::SUCCESS);
    if f == cloudabi::PROCESS_CHILD {
        child(f, t);
        exit(101);
    }
    assert_eq!(t, tid(0xbeef), "the parent's tid is left alone");
    Reg(f)
}

fn proc_sub(userdata: userdata, f: fd) -> subscription {
    let proc_terminate = subscription_proc_terminate { fd: f };
    subscription { userdata, unused: 0, r#type: eventtype::PROC_TERMINATE, union: subscription_union { proc_terminate } }
}

fn clock_sub(userdata: userdata, timeout: u64) -> subscription {
    let clock = subscription_clock {
        identifier: 0,
        clock_id: clockid::MONOTONIC,
        timeout,
        precision: 0,
        flags: subclockflags::empty(),
    };
    subscription { userdata, unused: 0, r#type: eventtype::CLOCK, union: subscription_union { clock } }
}

fn read_sub(userdata: userdata, f: fd) -> subscription {
    let fd_readwrite = subscription_fd_readwrite { fd: f, flags: subrwflags::POLL };
    subscription { userdata, unused: 0, r#type: eventtype::FD_READ, union: subscription_union { fd_readwrite } }
}

fn poll(subs: &[subscription]) -> Vec<event> {
    let mut out: Vec<event> = Vec::with_capacity(subs.len());
    let mut n = 0;
    // SAFETY: `out` has room for one event per subscription.
    assert_eq!(unsafe { cloudabi_sys_poll(subs.as_ptr(), out.as_mut_ptr(), subs.len(), &mut n) }, errno::SUCCESS);
    // SAFETY: poll wrote `n` events.
    unsafe { out.set_len(n) };
    out
}

/// (userdata, type, error) of each event.
fn summary(evs: &[event]) -> Vec<(userdata, eventtype, errno)> {
    evs.iter().map(|e| (e.userdata, e.r#type, e.error)).collect()
}

/// The (raw signal byte, exit code) of a PROC_TERMINATE event.
fn ended(e: &event) -> (u8, u32) {
    // SAFETY: the event is a PROC_TERMINATE one; the signal is read as a byte.
    unsafe {
        let p = core::ptr::addr_of!(e.union.proc_terminate);
        (core::ptr::addr_of!((*p).signal).cast::<u8>().read(), (*p).exitcode)
    }
}

/// Waits for the child of `f` to end; returns (signal byte, exit code).
fn wait(f: fd) -> (u8, u32) {
    let evs = poll(&[proc_sub(9, f)]);
    assert_eq!(summary(&evs), [(9, eventtype::PROC_TERMINATE, errno::SUCCESS)]);
    ended(&evs[0])
}

fn close(f: fd) -> errno {
    // SAFETY: closes a descriptor of the test's.
    unsafe { cloudabi_sys_fd_close(f) }
}

fn signal(f: fd, sig: u8) -> errno {
    // SAFETY: plain values.
    unsafe { cloudabi_ext_proc_signal(f, sig) }
}

/// `waitid(P_PID, pid, WEXITED | WNOHANG)`: Ok if the process is a child
/// of ours (reaping it if it has ended), ECHILD if not (or not any more).
fn waitid_pid(pid: u32) -> Result<(), errno> {
    let mut info = [0u8; 128];
    // SAFETY: `info` is a writable siginfo.
    result(unsafe { syscall!(nr::WAITID, P_PID, pid, info.as_mut_ptr(), WEXITED | WNOHANG, 0) }).map(drop)
}

fn pipe() -> (Reg, Reg) {
    let (r, w) = std::io::pipe().unwrap();
    (reg_full(OwnedFd::from(r), filetype::SOCKET_STREAM), reg_full(OwnedFd::from(w), filetype::SOCKET_STREAM))
}

#[test]
fn the_child_learns_it_is_the_child_and_its_thread_id() {
    let parent = std::process::id();
    let child = fork(move |f, t| {
        const GETPPID: usize = 110;
        // SAFETY: no arguments.
        let (me, pp) = unsafe { (syscall!(nr::GETTID) as u32, syscall!(GETPPID) as u32) };
        exit(if f != cloudabi::PROCESS_CHILD { 1 } else if t.0 != me { 2 } else if pp != parent { 3 } else { 0 })
    });
    assert_eq!(wait(child.0), (0, 0));
}

#[test]
fn the_parent_gets_a_process_descriptor() {
    let child = fork(|_, _| exit(0));
    let st = stat(child.0);
    assert_eq!(st.fs_filetype, filetype::PROCESS);
    assert_eq!(st.fs_rights_base, rights::POLL_PROC_TERMINATE | rights::FILE_STAT_FGET);
    assert_eq!(st.fs_rights_inheriting, rights::empty());
    assert!(cloexec(child.0));
    assert_eq!(fdtable::type_of_linux_fd(child.0 .0 as i32), Ok(filetype::PROCESS), "a pidfd is known by its kind");
}

#[test]
fn poll_reports_the_exit_code_again_and_again_until_close_reaps() {
    let child = fork(|_, _| exit(7));
    let pid = fdtable::pid(child.0);
    assert_eq!(wait(child.0), (0, 7));
    assert_eq!(wait(child.0), (0, 7), "WNOWAIT: still there to be seen");
    assert_eq!(waitid_pid(pid), Ok(()), "not reaped by poll: still our child");
    let f = child.0;
    drop(child);
    assert_eq!(waitid_pid(pid), Err(errno::CHILD), "reaped by the close: no zombie");
    assert_eq!(close(f), errno::BADF);
}

#[test]
fn a_child_killed_by_a_signal_reports_it() {
    let child = fork(|_, _| sleep_forever());
    assert_eq!(signal(child.0, signal::TERM as u8), errno::SUCCESS);
    assert_eq!(wait(child.0), (signal::TERM as u8, 0));
    // A child that raised a signal on itself.
    let child = fork(|_, _| {
        // SAFETY: signals the calling process.
        unsafe { cloudabi_sys_proc_raise(signal::USR1) };
        exit(0)
    });
    assert_eq!(wait(child.0), (signal::USR1 as u8, 0));
}

#[test]
fn signal_zero_checks_and_bad_signals_or_descriptors_fail() {
    let child = fork(|_, _| sleep_forever());
    assert_eq!(signal(child.0, 0), errno::SUCCESS);
    assert_eq!(signal(child.0, 0xee), errno::INVAL);
    assert_eq!(signal(unknown_fd(), 0), errno::BADF);
    let (r, _w) = pipe();
    assert_eq!(signal(r.0, signal::TERM as u8), errno::INVAL, "not a process descriptor");
    assert_eq!(signal(child.0, signal::KILL as u8), errno::SUCCESS);
    assert_eq!(wait(child.0), (signal::KILL as u8, 0));
    assert_eq!(signal(child.0, 0), errno::SUCCESS, "a zombie is still there");
}

#[test]
fn closing_a_running_child_kills_and_reaps_it() {
    let child = fork(|_, _| sleep_forever());
    let pid = fdtable::pid(child.0);
    assert_ne!(pid, 0);
    let t = Instant::now();
    drop(child);
    assert!(t.elapsed() < Duration::from_secs(10));
    assert_eq!(waitid_pid(pid), Err(errno::CHILD), "killed and reaped");
}

#[test]
fn a_running_child_does_not_end_a_poll_but_a_clock_does() {
    let child = fork(|_, _| sleep_forever());
    let t = Instant::now();
    let evs = poll(&[proc_sub(1, child.0), clock_sub(2, 20 * MS)]);
    assert!(t.elapsed() >= Duration::from_millis(20));
    assert_eq!(summary(&evs), [(2, eventtype::CLOCK, errno::SUCCESS)]);
    let evs = poll(&[clock_sub(3, 0), proc_sub(4, child.0)]);
    assert_eq!(summary(&evs), [(3, eventtype::CLOCK, errno::SUCCESS)], "a zero timeout only looks");
}

#[test]
fn the_end_of_a_child_wakes_a_waiting_poll() {
    let child = fork(|_, _| {
        let ts = Timespec { tv_sec: 0, tv_nsec: 30_000_000 };
        // SAFETY: `ts` is a valid timespec.
        unsafe { syscall!(nr::NANOSLEEP, &ts as *const Timespec, 0) };
        exit(5)
    });
    let (r, _w) = pipe();
    let evs = poll(&[read_sub(1, r.0), proc_sub(2, child.0), clock_sub(3, 10_000 * MS)]);
    assert_eq!(summary(&evs), [(2, eventtype::PROC_TERMINATE, errno::SUCCESS)]);
    assert_eq!(ended(&evs[0]), (0, 5));
}

#[test]
fn ended_children_and_ready_descriptors_are_reported_together() {
    let child = fork(|_, _| exit(3));
    wait(child.0);
    let (r, w) = pipe();
    assert_eq!(write(w.0, b"xy"), Ok(2));
    let evs = poll(&[read_sub(1, r.0), proc_sub(2, child.0), clock_sub(3, 10_000 * MS)]);
    assert_eq!(
        summary(&evs),
        [(1, eventtype::FD_READ, errno::SUCCESS), (2, eventtype::PROC_TERMINATE, errno::SUCCESS)]
    );
    assert_eq!(ended(&evs[1]), (0, 3));
}

#[test]
fn polling_needs_the_right_and_an_open_process_descriptor() {
    let child = fork(|_, _| sleep_forever());
    let (r, _w) = pipe();
    let evs = poll(&[proc_sub(1, r.0), proc_sub(2, unknown_fd()), clock_sub(3, 10_000 * MS)]);
    assert_eq!(
        summary(&evs),
        [(1, eventtype::PROC_TERMINATE, errno::NOTCAPABLE), (2, eventtype::PROC_TERMINATE, errno::BADF)]
    );
    let mut st = stat(child.0);
    st.fs_rights_base = rights::FILE_STAT_FGET;
    // SAFETY: `st` is a readable fdstat.
    assert_eq!(unsafe { cloudabi_sys_fd_stat_put(child.0, &st, fdsflags::RIGHTS) }, errno::SUCCESS);
    let evs = poll(&[proc_sub(4, child.0)]);
    assert_eq!(summary(&evs), [(4, eventtype::PROC_TERMINATE, errno::NOTCAPABLE)]);
}

#[test]
fn a_duplicate_keeps_the_child_until_the_last_close() {
    let child = fork(|_, _| sleep_forever());
    let pid = fdtable::pid(child.0);
    let mut copy = fd(0);
    // SAFETY: `copy` is writable.
    assert_eq!(unsafe { cloudabi_sys_fd_dup(child.0, &mut copy) }, errno::SUCCESS);
    drop(child);
    assert_eq!(termination(copy.0 as i32), Ok(None), "still running");
    assert_eq!(close(copy), errno::SUCCESS);
    assert_eq!(waitid_pid(pid), Err(errno::CHILD));
}

#[test]
fn replacing_a_process_descriptor_closes_it() {
    let child = fork(|_, _| sleep_forever());
    let pid = fdtable::pid(child.0);
    let (r, _w) = pipe();
    // SAFETY: plain values.
    assert_eq!(unsafe { cloudabi_sys_fd_replace(r.0, child.0) }, errno::SUCCESS);
    assert_eq!(waitid_pid(pid), Err(errno::CHILD), "killed and reaped");
    assert_eq!(stat(child.0).fs_filetype, filetype::SOCKET_STREAM);
}

#[test]
fn a_child_closing_a_sibling_descriptor_leaves_the_sibling_alone() {
    let sibling = fork(|_, _| sleep_forever());
    let s = sibling.0;
    let closer = fork(move |_, _| exit(close(s) as u32));
    assert_eq!(wait(closer.0), (0, 0));
    assert_eq!(termination(s.0 as i32), Ok(None), "the sibling runs on");
}

/// `proc_exec`, returning its error.
fn exec(exe: fd, data: &[u8], fds: &[fd]) -> errno {
    // SAFETY: the slices describe readable memory.
    unsafe { cloudabi_sys_proc_exec(exe, data.as_ptr().cast(), data.len(), fds.as_ptr(), fds.len()) }
}

/// A file registered with every right of a regular file (including PROC_EXEC).
fn file(path: &str) -> Reg {
    reg_full(OwnedFd::from(std::fs::File::open(path).unwrap()), filetype::REGULAR_FILE)
}

/// A file of `mode` holding `data`, in a fresh temporary path.
fn scratch_file(tag: &str, data: &[u8], mode: u32) -> (std::path::PathBuf, Reg) {
    let p = std::env::temp_dir().join(format!("cloudlibc-proc-{tag}-{}", std::process::id()));
    std::fs::write(&p, data).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    let r = file(p.to_str().unwrap());
    (p, r)
}

#[test]
fn exec_checks_the_executable_and_the_list_first() {
    let sh = file("/bin/sh");
    let (r, _w) = pipe();
    assert_eq!(exec(unknown_fd(), b"", &[]), errno::BADF);
    let no_exec = reg(
        OwnedFd::from(std::fs::File::open("/bin/sh").unwrap()),
        filetype::REGULAR_FILE,
        max::REGULAR_FILE & !rights::PROC_EXEC.bits(),
        0,
    );
    assert_eq!(exec(no_exec.0, b"", &[r.0]), errno::NOTCAPABLE);
    assert_eq!(exec(r.0, b"", &[r.0]), errno::NOTCAPABLE, "a pipe cannot be executed");
    assert_eq!(exec(sh.0, b"", &[r.0, unknown_fd()]), errno::BADF);
    let many = vec![r.0; fdtable::MAX_FDS + 1];
    assert_eq!(exec(sh.0, b"", &many), errno::TOOBIG);
    assert_eq!(stat(r.0).fs_filetype, filetype::SOCKET_STREAM, "still there");
}

/// A digest of every descriptor of the process: its number, Linux's file
/// (device, inode) and close-on-exec flag, and the table's entry. Raw
/// calls only.
fn descriptors() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |v: u64| h = (h ^ v).wrapping_mul(0x0000_0100_0000_01b3);
    for l in 0..fdtable::MAX_FDS {
        let Ok(st) = linux::fstatx(l as i32) else { continue };
        // SAFETY: F_GETFD has no memory effects.
        let flags = unsafe { syscall!(nr::FCNTL, l, linux::F_GETFD) };
        mix(l as u64);
        mix(u64::from(st.stx_dev_minor));
        mix(st.stx_ino);
        mix(flags as u64);
        if let Ok(e) = fdtable::get(fd(l as u32)) {
            mix(e.filetype as u64);
            mix(e.base);
            mix(e.inheriting);
            mix(u64::from(fdtable::pid(fd(l as u32))));
        }
    }
    h
}

#[test]
fn a_failed_exec_leaves_everything_as_it_was() {
    let (path, data_file) = scratch_file("noexec", b"not a program\n", 0o644);
    let (r, w) = pipe();
    let list = [w.0, r.0, data_file.0];
    let target = data_file.0;
    // In a child, where no other thread can see descriptors 0..3 move.
    let child = fork(move |_, _| {
        // The numbers to be replaced have entries; one descriptor is not
        // close-on-exec (a dup is not).
        for l in 0..3 {
            if let Ok(t) = fdtable::type_of_linux_fd(l) {
                let _ = fdtable::install(l, t, rights::FD_WRITE.bits(), 0);
            }
        }
        // SAFETY: dup has no memory effects.
        unsafe { syscall!(nr::DUP, 0) };
        let before = descriptors();
        let e = exec(target, b"\x08x\0", &list);
        exit(if e != errno::ACCES { 1 } else if descriptors() != before { 2 } else { 0 })
    });
    assert_eq!(wait(child.0), (0, 0));
    std::fs::remove_file(path).unwrap();
}

/// Serialises the tests that run a shell through `proc_exec`.
static SHELL: Mutex<()> = Mutex::new(());

/// Runs `/bin/sh` through `proc_exec` with descriptor table `list` built
/// by `layout(script, out, restricted)`: the shell reads its commands from
/// `script` (which must land at 0) and writes to `out` (at 1). Returns the
/// descriptors the shell had open, sorted, the handoff's number, and the
/// handoff's table.
fn run_shell(layout: fn(fd, fd, fd) -> Vec<fd>) -> (Vec<u32>, u32, Vec<(u32, u64, u64)>) {
    let _one = SHELL.lock().unwrap();
    let sh = file("/bin/sh");
    let (script_r, script_w) = pipe();
    let (out_r, out_w) = pipe();
    let restricted = reg(
        OwnedFd::from(std::fs::File::open("/dev/null").unwrap()),
        filetype::CHARACTER_DEVICE,
        rights::FD_READ.bits(),
        0,
    );
    let list = layout(script_r.0, out_w.0, restricted.0);
    let exe = sh.0;
    let child = fork(move |_, _| exit(200 + exec(exe, b"\x08argdata\0", &list) as u32));
    drop((script_r, out_w));
    // `ls` runs alone, not in a pipeline, whose pipe the shell would hold open.
    let script = b"echo \"h=$CLOUDABI_HANDOFF\"; ls /proc/$$/fd; echo end; cat /proc/$$/fd/$CLOUDABI_HANDOFF\n";
    assert_eq!(write(script_w.0, script), Ok(script.len()));
    drop(script_w);
    let mut output = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n @ 1..) = read(out_r.0, &mut buf) {
        output.extend_from_slice(&buf[..n]);
    }
    assert_eq!(wait(child.0), (0, 0), "{}", String::from_utf8_lossy(&output));
    let end = output.windows(5).position(|w| w == b"\nend\n").unwrap() + 5;
    let text = std::str::from_utf8(&output[..end]).unwrap();
    let mut lines = text.lines();
    let h: u32 = lines.next().unwrap().strip_prefix("h=").unwrap().parse().unwrap();
    let mut open: Vec<u32> = lines.take_while(|&l| l != "end").map(|n| n.parse().unwrap()).collect();
    open.sort();
    let (argdata, table) = argdata::handoff::decode(&output[end..]).unwrap();
    assert_eq!(argdata, b"\x08argdata\0");
    (open, h, table.map(Result::unwrap).map(|r| (r.fd, r.base, r.inheriting)).collect())
}

#[test]
fn exec_starts_the_program_with_the_listed_descriptors_renumbered_and_a_handoff() {
    let (open, h, table) = run_shell(|script, out, restricted| vec![script, out, restricted]);
    assert!(h >= 3, "the handoff lies above the new table");
    assert_eq!(open, [0, 1, 2, h], "exactly the listed descriptors and the handoff");
    assert_eq!(table, [(0, max::SOCKET, max::ALL), (1, max::SOCKET, max::ALL), (2, rights::FD_READ.bits(), 0)]);
}

#[test]
fn a_gap_in_the_list_leaves_its_number_closed() {
    use crate::emulator::exec::GAP;
    let (open, h, table) = run_shell(|script, out, restricted| vec![script, out, GAP, GAP, restricted]);
    assert!(h >= 5, "the handoff lies above the new table, gaps included");
    assert_eq!(open, [0, 1, 4, h]);
    assert_eq!(table, [(0, max::SOCKET, max::ALL), (1, max::SOCKET, max::ALL), (4, rights::FD_READ.bits(), 0)]);
}

#[test]
fn the_sys_wrappers_fork_signal_and_read_the_end() {
    use crate::sys::{self, Ended, Forked};
    let child = match sys::proc_fork().unwrap() {
        Forked::Child(t) => {
            // SAFETY: no arguments.
            let me = unsafe { syscall!(nr::GETTID) } as u32;
            sys::proc_exit(if t.0 == me { 42 } else { 1 })
        }
        Forked::Parent(f) => Reg(f),
    };
    let fd_readwrite = event_fd_readwrite { nbytes: 0, unused: [0; 4], flags: eventrwflags::empty() };
    let mut out = [event { userdata: 0, error: errno::SUCCESS, r#type: eventtype::CLOCK, union: event_union { fd_readwrite } }];
    assert_eq!(sys::poll(&[proc_sub(1, child.0)], &mut out), Ok(1));
    assert_eq!(sys::proc_ended(&out[0]), Ended::Exited(42));
    let sleeper = match sys::proc_fork().unwrap() {
        Forked::Child(_) => sleep_forever(),
        Forked::Parent(f) => Reg(f),
    };
    assert_eq!(sys::proc_signal(sleeper.0, None), Ok(()));
    assert_eq!(sys::proc_signal(sleeper.0, Some(signal::HUP)), Ok(()));
    assert_eq!(sys::poll(&[proc_sub(2, sleeper.0)], &mut out), Ok(1));
    assert_eq!(sys::proc_ended(&out[0]), Ended::Killed(signal::HUP as u8));
    assert_eq!(sys::proc_signal(unknown_fd(), None), Err(errno::BADF));
}

fn priority_get() -> Result<i32, errno> {
    let mut n = i32::MIN;
    // SAFETY: `n` is a writable int.
    match unsafe { cloudabi_ext_proc_priority_get(&mut n) } {
        errno::SUCCESS => Ok(n),
        e => Err(e),
    }
}

fn priority_set(n: i32) -> errno {
    // SAFETY: a plain value.
    unsafe { cloudabi_ext_proc_priority_set(n) }
}

#[test]
fn niceness_grows_and_never_shrinks() {
    // In a thread of its own: Linux keeps the niceness per thread, and the
    // harness's threads should keep theirs.
    std::thread::spawn(|| {
        let before = priority_get().unwrap();
        assert!((-20..=19).contains(&before));
        if before < 19 {
            assert_eq!(priority_set(before + 1), errno::SUCCESS);
            assert_eq!(priority_get(), Ok(before + 1));
            assert_eq!(priority_set(before), errno::ACCES, "even with privileges");
            assert_eq!(priority_get(), Ok(before + 1));
        }
        assert_eq!(priority_set(1000), errno::SUCCESS);
        assert_eq!(priority_get(), Ok(19), "beyond 19 is 19");
        assert_eq!(priority_set(19), errno::SUCCESS);
        assert_eq!(priority_set(-1000), errno::ACCES);
        assert_eq!(priority_get(), Ok(19));
    })
    .join()
    .unwrap();
}
