//! `proc_*`: the process itself.

use super::emulate;
use super::linux::{nr, result, syscall};
use cloudabi::{errno, exitcode, fd, signal, tid};

/// The Linux number of a CloudABI signal.
pub fn linux_signal(s: signal) -> Result<usize, errno> {
    Ok(match s {
        signal::HUP => 1,
        signal::INT => 2,
        signal::QUIT => 3,
        signal::ILL => 4,
        signal::TRAP => 5,
        signal::ABRT => 6,
        signal::BUS => 7,
        signal::FPE => 8,
        signal::KILL => 9,
        signal::USR1 => 10,
        signal::SEGV => 11,
        signal::USR2 => 12,
        signal::PIPE => 13,
        signal::ALRM => 14,
        signal::TERM => 15,
        signal::CHLD => 17,
        signal::CONT => 18,
        signal::STOP => 19,
        signal::TSTP => 20,
        signal::TTIN => 21,
        signal::TTOU => 22,
        signal::URG => 23,
        signal::XCPU => 24,
        signal::XFSZ => 25,
        signal::VTALRM => 26,
        signal::SYS => 31,
        _ => return Err(errno::INVAL),
    })
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
        // SAFETY: signalling ourselves; getpid/gettid have no arguments.
        unsafe {
            let pid = syscall!(nr::GETPID);
            let me = syscall!(nr::GETTID);
            result(syscall!(nr::TGKILL, pid, me, sig)).map(drop)
        }
    })
}

/// Not yet emulated: a capability-safe fork needs the threads work
/// (child bookkeeping, process descriptors). Listed as ENOSYS in the README.
#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_proc_fork(_fd: *mut fd, _tid: *mut tid) -> errno {
    errno::NOSYS
}

/// Not yet emulated (issue: POSIX surface, `program_exec`); ENOSYS.
#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_proc_exec(_fd: fd, _data: *const (), _len: usize, _fds: *const fd, _n: usize) -> errno {
    errno::NOSYS
}
