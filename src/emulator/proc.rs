//! `proc_*`: the process itself, its children and their descriptors.
//!
//! A child made by `proc_fork` is a Linux process forked with `CLONE_PIDFD`;
//! its process descriptor is the pidfd. Polling one for `PROC_TERMINATE`
//! reads the child's status with `waitid(P_PIDFD, ..., WNOWAIT)`, which
//! leaves it a zombie, so the same event can be seen again; closing the
//! last descriptor of a child kills it if it still runs and reaps it, as
//! CloudABI (after FreeBSD's process descriptors) does. A Linux child's exit
//! status has 8 bits, so exit codes are reported modulo 256.
//!
//! Emulator extensions live here too, beyond the 49 calls (see also
//! `sock_ext.rs`):
//! - `cloudabi_ext_proc_signal(fd, sig)`: sends CloudABI signal `sig` to
//!   the process of process descriptor `fd` (Linux `pidfd_send_signal`);
//!   `sig` 0 sends nothing and only checks. A child that has ended stays
//!   (a zombie) until its descriptor is closed and takes signals without
//!   effect; `ESRCH` comes only for a process that is gone (one another
//!   process reaped). Any holder of the descriptor may signal, since
//!   closing it kills the process anyway. `EBADF` for no descriptor,
//!   `EINVAL` for a descriptor of another type or an unknown signal.
//! - `cloudabi_ext_proc_priority_get(*nice)` and
//!   `cloudabi_ext_proc_priority_set(nice)`: the scheduling niceness
//!   (-20 to 19, higher runs less) of the calling thread, which threads it
//!   creates later inherit (Linux keeps it per thread). It may only grow:
//!   asking for less than the current value is `EACCES`, whatever the
//!   process's privileges, so a program can yield CPU time but never take
//!   more; values beyond 19 are 19. No other process or thread is reached
//!   (the launcher's seccomp filter allows `getpriority` and `setpriority`
//!   with `PRIO_PROCESS` and who 0 only).

use super::linux::{self, nr, result, syscall};
use super::{emulate, fdtable};
use cloudabi::{errno, exitcode, fd, filetype, signal, tid};

/// CloudABI signals and their Linux numbers.
pub(super) const SIGNALS: [(signal, u32); 26] = [
    (signal::HUP, 1),
    (signal::INT, 2),
    (signal::QUIT, 3),
    (signal::ILL, 4),
    (signal::TRAP, 5),
    (signal::ABRT, 6),
    (signal::BUS, 7),
    (signal::FPE, 8),
    (signal::KILL, 9),
    (signal::USR1, 10),
    (signal::SEGV, 11),
    (signal::USR2, 12),
    (signal::PIPE, 13),
    (signal::ALRM, 14),
    (signal::TERM, 15),
    (signal::CHLD, 17),
    (signal::CONT, 18),
    (signal::STOP, 19),
    (signal::TSTP, 20),
    (signal::TTIN, 21),
    (signal::TTOU, 22),
    (signal::URG, 23),
    (signal::XCPU, 24),
    (signal::XFSZ, 25),
    (signal::VTALRM, 26),
    (signal::SYS, 31),
];

/// The Linux number of a CloudABI signal.
pub fn linux_signal(s: signal) -> Result<usize, errno> {
    SIGNALS.iter().find(|p| p.0 == s).map(|p| p.1 as usize).ok_or(errno::INVAL)
}

/// The CloudABI signal for a Linux one. Linux signals CloudABI lacks
/// (`SIGSTKFLT`, `SIGIO`, `SIGPWR`, real-time signals) can only come from
/// outside the program; a process they killed is reported killed by `KILL`.
fn cloudabi_signal(linux: u32) -> signal {
    SIGNALS.iter().find(|p| p.1 == linux).map_or(signal::KILL, |p| p.0)
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_proc_exit(code: exitcode) -> ! {
    loop {
        // SAFETY: exit_group does not return.
        unsafe { syscall!(nr::EXIT_GROUP, code) };
    }
}

/// Raises a signal on the process with the signal's default action, as
/// CloudABI specifies (the libc runs handlers itself before calling this).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_proc_raise(s: signal) -> errno {
    emulate(|| {
        let sig = linux_signal(s)?;
        super::signal::prepare_default(sig);
        // SAFETY: signalling ourselves; getpid/gettid have no arguments.
        unsafe {
            let pid = syscall!(nr::GETPID);
            let me = syscall!(nr::GETTID);
            result(syscall!(nr::TGKILL, pid, me, sig)).map(drop)
        }
    })
}

const SIGKILL: usize = 9;
const SIGCHLD: usize = 17;
const CLONE_PIDFD: usize = 0x1000;
/// The flags of the one `clone` that makes a process (the launcher's
/// seccomp filter allows exactly these).
const FORK_FLAGS: usize = SIGCHLD | CLONE_PIDFD;

/// Creates a child running a copy of the calling thread only. The child
/// has copies of the descriptors (and the table of their rights, which is
/// memory); emulator state that other threads were changing is made whole
/// in it by `lock::forking`.
#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_proc_fork(out_fd: *mut fd, out_tid: *mut tid) -> errno {
    emulate(|| {
        let mut pidfd: i32 = -1;
        let pid = {
            let _held = super::held::lock_for_fork();
            super::lock::forking(|| {
                // SAFETY: no CLONE_VM: the child gets a copy of this address
                // space and returns from here on its copy of this stack. The
                // kernel writes the pidfd into `pidfd`, in the parent.
                result(unsafe { syscall!(nr::CLONE, FORK_FLAGS, 0, &mut pidfd as *mut i32, 0, 0) })
            })?
        };
        if pid == 0 {
            // SAFETY: gettid has no arguments; the caller passes writable
            // outputs (in the child's copy of its memory).
            unsafe {
                let me = syscall!(nr::GETTID) as u32;
                out_fd.write(cloudabi::PROCESS_CHILD);
                out_tid.write(tid(me));
            }
            return Ok(());
        }
        if pidfd as usize >= fdtable::MAX_FDS {
            // No number for it in the table: the child must not outlive this.
            release(pidfd, 0);
            return Err(errno::MFILE);
        }
        let (base, inheriting) = super::rights::max_for(filetype::PROCESS);
        let f = fdtable::install_with_pid(pidfd, filetype::PROCESS, base, inheriting, pid as u32)?;
        // SAFETY: the caller passes a writable fd.
        unsafe { out_fd.write(f) };
        Ok(())
    })
}

/// Sends a signal to a child (an emulator extension, see the module
/// documentation). `sig` is a CloudABI signal number, or 0.
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_proc_signal(f: fd, sig: u8) -> errno {
    emulate(|| {
        if fdtable::get(f)?.filetype != filetype::PROCESS {
            return Err(errno::INVAL);
        }
        let lsig = match sig {
            0 => 0,
            raw => SIGNALS.iter().find(|p| p.0 as u8 == raw).ok_or(errno::INVAL)?.1,
        };
        // SAFETY: no pointer arguments (no siginfo, no flags).
        result(unsafe { syscall!(nr::PIDFD_SEND_SIGNAL, f.0, lsig, 0, 0) }).map(drop)
    })
}

/// `getpriority`/`setpriority`'s target kind: a process (a thread, on
/// Linux), the caller with who 0.
const PRIO_PROCESS: usize = 0;
/// The niceness range.
const NICE_MIN: i32 = -20;
const NICE_MAX: i32 = 19;

/// The calling thread's niceness.
fn nice() -> Result<i32, errno> {
    // SAFETY: no memory effects.
    let r = result(unsafe { syscall!(nr::GETPRIORITY, PRIO_PROCESS, 0) })?;
    // Linux returns 20 minus the niceness, so that no result is negative.
    Ok(20 - r as i32)
}

/// Reads the calling thread's niceness (an emulator extension, see the
/// module documentation).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_proc_priority_get(out: *mut i32) -> errno {
    emulate(|| {
        let n = nice()?;
        // SAFETY: the caller passes a writable int.
        unsafe { out.write(n) };
        Ok(())
    })
}

/// Raises the calling thread's niceness (an emulator extension, see the
/// module documentation).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_proc_priority_set(value: i32) -> errno {
    emulate(|| {
        let want = value.clamp(NICE_MIN, NICE_MAX);
        if want < nice()? {
            return Err(errno::ACCES);
        }
        // SAFETY: no memory effects; the kernel reads the niceness as an int.
        result(unsafe { syscall!(nr::SETPRIORITY, PRIO_PROCESS, 0, want) }).map(drop)
    })
}

/// How a process ended.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Termination {
    Exited(exitcode),
    Killed(signal),
}

/// Linux `siginfo_t` as `waitid` fills it in for a child.
#[repr(C)]
#[derive(Default)]
struct ChildInfo {
    signo: i32,
    errno: i32,
    code: i32,
    pad: i32,
    pid: i32,
    uid: u32,
    status: i32,
    rest: [u32; 25],
}

const P_PIDFD: usize = 3;
const WNOHANG: usize = 1;
const WEXITED: usize = 4;
const WNOWAIT: usize = 0x0100_0000;
const CLD_EXITED: i32 = 1;

fn waitid(pidfd: i32, options: usize) -> Result<ChildInfo, errno> {
    let mut info = ChildInfo::default();
    // SAFETY: `info` is a writable siginfo (128 bytes); no rusage is asked for.
    result(unsafe { syscall!(nr::WAITID, P_PIDFD, pidfd, &mut info as *mut ChildInfo, options, 0) })?;
    Ok(info)
}

/// How the process of pidfd `pidfd` ended, or `None` while it runs. The
/// process is left as it is: a zombie stays one. `ECHILD` if it is not a
/// child of this process.
pub fn termination(pidfd: i32) -> Result<Option<Termination>, errno> {
    let info = waitid(pidfd, WEXITED | WNOHANG | WNOWAIT)?;
    Ok(match info {
        ChildInfo { pid: 0, .. } => None,
        ChildInfo { code: CLD_EXITED, status, .. } => Some(Termination::Exited(status as exitcode)),
        ChildInfo { status, .. } => Some(Termination::Killed(cloudabi_signal(status as u32))),
    })
}

/// Whether Linux descriptor `l` is a pidfd: `waitid` refuses anything else
/// with `EBADF`, while a pidfd answers (`ECHILD` if not our child's).
pub fn is_process(l: i32) -> bool {
    matches!(termination(l), Ok(_) | Err(errno::CHILD))
}

/// Closes pidfd `pidfd`, whose table entry is already gone, as CloudABI
/// closes a process descriptor: when no other descriptor refers to the
/// process (`pid`, 0 if unknown) and it is a child of ours, it is killed
/// if it still runs, and reaped, so that no zombie remains.
pub fn release(pidfd: i32, pid: u32) {
    let last = pid == 0 || !fdtable::refers_to(pid);
    if last && termination(pidfd) != Err(errno::CHILD) {
        // SAFETY: no pointer arguments; a process that already ended
        // ignores the signal.
        unsafe { syscall!(nr::PIDFD_SEND_SIGNAL, pidfd, SIGKILL, 0, 0) };
        while matches!(waitid(pidfd, WEXITED), Err(errno::INTR)) {}
    }
    linux::close(pidfd);
}

#[cfg(test)]
#[path = "proc_tests.rs"]
mod tests;
