//! Compat process creation: fork, vfork, the exec family, the wait
//! family, system, popen and pclose.
//!
//! A CloudABI process cannot start other programs by name: the kernel's
//! `proc_fork` and `proc_exec` are not emulated on Linux yet, and a path or
//! a `PATH` search has no capability meaning anyway. So creating a process
//! fails with ENOSYS (and touches nothing), there is never a child, and
//! waiting fails with ECHILD. `system(NULL)` reports that no shell exists.

use crate::abi::va::VaListPtr;
use crate::abi::{c_char, c_int, c_void};
use crate::errno::{Errno, OrErrno};
use crate::header::signal::siginfo_t;
use crate::header::sys_resource::rusage;
use cloudabi::errno;

pub const WNOHANG: c_int = 0x1;
pub const WUNTRACED: c_int = 0x2;
pub const WSTOPPED: c_int = 0x2;
pub const WEXITED: c_int = 0x4;
pub const WCONTINUED: c_int = 0x8;
pub const WNOWAIT: c_int = 0x10;

pub const P_ALL: c_int = 0;
pub const P_PID: c_int = 1;
pub const P_PGID: c_int = 2;

fn no_processes<T>(fail: T) -> T {
    Err(errno::NOSYS).or_errno(fail)
}

/// Compat `fork`: ENOSYS (see the module documentation).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fork() -> i32 {
    no_processes(-1)
}

/// Compat `vfork`: ENOSYS, as `fork`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn vfork() -> i32 {
    no_processes(-1)
}

/// Compat `execve`: ENOSYS; the process keeps running unchanged.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn execve(_path: *const c_char, _argv: *const *const c_char, _envp: *const *const c_char) -> c_int {
    no_processes(-1)
}

/// Compat `execv`: ENOSYS, as `execve`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn execv(_path: *const c_char, _argv: *const *const c_char) -> c_int {
    no_processes(-1)
}

/// Compat `execvp`: ENOSYS, as `execve` (there is no `PATH` to search).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn execvp(_file: *const c_char, _argv: *const *const c_char) -> c_int {
    no_processes(-1)
}

/// Compat `fexecve`: ENOSYS, as `execve` (cloudlibc's `program_exec` is
/// the CloudABI way to replace the program).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fexecve(_fd: c_int, _argv: *const *const c_char, _envp: *const *const c_char) -> c_int {
    no_processes(-1)
}

crate::variadic!("execl" => execl_impl, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("execle" => execl_impl, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("execlp" => execl_impl, gp = 2, fp = 0, reg = "rdx");

/// Compat `execl`, `execle`, `execlp`: ENOSYS, as `execve`; the argument
/// list is not read.
pub extern "C" fn execl_impl(_path: *const c_char, _arg0: *const c_char, _ap: VaListPtr) -> c_int {
    no_processes(-1)
}

fn no_children() -> i32 {
    Err(errno::CHILD).or_errno(-1)
}

/// Compat `wait`: ECHILD (there are no children).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn wait(_status: *mut c_int) -> i32 {
    no_children()
}

fn check_wait_options(options: c_int) -> Result<(), Errno> {
    if options & !(WNOHANG | WUNTRACED | WCONTINUED) != 0 {
        Err(errno::INVAL)
    } else {
        Ok(())
    }
}

/// Compat `waitpid`: ECHILD; EINVAL for unknown options.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn waitpid(_pid: i32, _status: *mut c_int, options: c_int) -> i32 {
    check_wait_options(options).map_or_else(|e| Err(e).or_errno(-1), |()| no_children())
}

/// Compat (BSD) `wait3`: as `waitpid(-1, ...)`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn wait3(status: *mut c_int, options: c_int, _ru: *mut rusage) -> i32 {
    waitpid(-1, status, options)
}

/// Compat (BSD) `wait4`: as `waitpid`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn wait4(pid: i32, status: *mut c_int, options: c_int, _ru: *mut rusage) -> i32 {
    waitpid(pid, status, options)
}

/// Compat `waitid`: ECHILD; EINVAL for an unknown id type or options
/// that name no state to wait for.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn waitid(idtype: c_int, _id: u32, _info: *mut siginfo_t, options: c_int) -> c_int {
    let states = WEXITED | WSTOPPED | WCONTINUED;
    let known = matches!(idtype, P_ALL | P_PID | P_PGID);
    if !known || options & !(states | WNOHANG | WNOWAIT) != 0 || options & states == 0 {
        return Err(errno::INVAL).or_errno(-1);
    }
    no_children()
}

/// Compat `system`: `system(NULL)` is 0 (no command processor exists);
/// running a command fails with -1 and ENOSYS.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn system(command: *const c_char) -> c_int {
    if command.is_null() {
        0
    } else {
        no_processes(-1)
    }
}

/// Compat `popen` (`<stdio.h>`): NULL with ENOSYS.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn popen(_command: *const c_char, _mode: *const c_char) -> *mut c_void {
    no_processes(core::ptr::null_mut())
}

/// Compat `pclose` (`<stdio.h>`): -1 with ECHILD (no stream comes from
/// `popen`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pclose(_stream: *mut c_void) -> c_int {
    no_children()
}
