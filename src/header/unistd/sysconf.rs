//! sysconf, fpathconf; compat pathconf, getpagesize.

use crate::abi::{c_char, c_int, c_long};
use crate::errno::OrErrno;
use crate::sys;
use cloudabi::errno;

// Names, in this library's numbering (see include/unistd.h).
pub const _SC_ARG_MAX: c_int = 1;
pub const _SC_CHILD_MAX: c_int = 2;
pub const _SC_CLK_TCK: c_int = 3;
pub const _SC_NGROUPS_MAX: c_int = 4;
pub const _SC_OPEN_MAX: c_int = 5;
pub const _SC_PAGESIZE: c_int = 6;
pub const _SC_NPROCESSORS_CONF: c_int = 7;
pub const _SC_NPROCESSORS_ONLN: c_int = 8;
pub const _SC_LINE_MAX: c_int = 9;
pub const _SC_HOST_NAME_MAX: c_int = 10;
pub const _SC_LOGIN_NAME_MAX: c_int = 11;
pub const _SC_TTY_NAME_MAX: c_int = 12;
pub const _SC_SYMLOOP_MAX: c_int = 13;
pub const _SC_IOV_MAX: c_int = 14;
pub const _SC_THREAD_KEYS_MAX: c_int = 15;
pub const _SC_THREAD_STACK_MIN: c_int = 16;
pub const _SC_THREAD_THREADS_MAX: c_int = 17;
pub const _SC_SEM_VALUE_MAX: c_int = 18;
pub const _SC_ATEXIT_MAX: c_int = 19;
pub const _SC_GETPW_R_SIZE_MAX: c_int = 20;
pub const _SC_GETGR_R_SIZE_MAX: c_int = 21;
pub const _SC_TZNAME_MAX: c_int = 22;
pub const _SC_RE_DUP_MAX: c_int = 23;
pub const _SC_VERSION: c_int = 24;
pub const _SC_PHYS_PAGES: c_int = 25;
pub const _SC_MONOTONIC_CLOCK: c_int = 26;
pub const _SC_THREADS: c_int = 27;
pub const _SC_SEMAPHORES: c_int = 28;
pub const _SC_TIMERS: c_int = 29;
pub const _SC_XOPEN_VERSION: c_int = 30;

pub const _PC_LINK_MAX: c_int = 1;
pub const _PC_MAX_CANON: c_int = 2;
pub const _PC_MAX_INPUT: c_int = 3;
pub const _PC_NAME_MAX: c_int = 4;
pub const _PC_PATH_MAX: c_int = 5;
pub const _PC_PIPE_BUF: c_int = 6;
pub const _PC_CHOWN_RESTRICTED: c_int = 7;
pub const _PC_NO_TRUNC: c_int = 8;
pub const _PC_VDISABLE: c_int = 9;
pub const _PC_FILESIZEBITS: c_int = 10;
pub const _PC_SYMLINK_MAX: c_int = 11;

/// POSIX `sysconf`: configurable limits; -1 without errno for "no limit".
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sysconf(name: c_int) -> c_long {
    let pagesz = crate::start::boot().pagesz as c_long;
    let v = match name {
        _SC_ARG_MAX => 131072,
        _SC_CHILD_MAX | _SC_THREAD_THREADS_MAX | _SC_TZNAME_MAX => return -1,
        _SC_CLK_TCK => 100,
        _SC_NGROUPS_MAX => 0,
        // The launcher caps RLIMIT_NOFILE at this.
        _SC_OPEN_MAX => 4096,
        _SC_PAGESIZE => pagesz,
        _SC_NPROCESSORS_CONF | _SC_NPROCESSORS_ONLN => crate::start::boot().ncpus.max(1) as c_long,
        _SC_LINE_MAX => 2048,
        _SC_HOST_NAME_MAX => 255,
        _SC_LOGIN_NAME_MAX => 256,
        _SC_TTY_NAME_MAX => 32,
        _SC_SYMLOOP_MAX => 40,
        _SC_IOV_MAX => 1024,
        _SC_THREAD_KEYS_MAX => 128,
        _SC_THREAD_STACK_MIN => 16384,
        _SC_SEM_VALUE_MAX => 0x7fff_ffff,
        _SC_ATEXIT_MAX => 64,
        _SC_GETPW_R_SIZE_MAX | _SC_GETGR_R_SIZE_MAX => 1024,
        _SC_RE_DUP_MAX => 255,
        _SC_VERSION => 200809,
        _SC_XOPEN_VERSION => 700,
        _SC_MONOTONIC_CLOCK | _SC_THREADS | _SC_SEMAPHORES | _SC_TIMERS => 200809,
        _SC_PHYS_PAGES => return Err(errno::INVAL).or_errno(-1),
        _ => return Err(errno::INVAL).or_errno(-1),
    };
    v
}

fn pathconf_value(name: c_int) -> Result<c_long, cloudabi::errno> {
    Ok(match name {
        _PC_LINK_MAX => 65000,
        _PC_MAX_CANON | _PC_MAX_INPUT => 255,
        _PC_NAME_MAX => 255,
        _PC_PATH_MAX => 4096,
        _PC_PIPE_BUF => 4096,
        _PC_CHOWN_RESTRICTED | _PC_NO_TRUNC => 1,
        _PC_VDISABLE => 0,
        _PC_FILESIZEBITS => 64,
        _PC_SYMLINK_MAX => 4095,
        _ => return Err(errno::INVAL),
    })
}

/// POSIX `fpathconf`: limits that apply to an open file.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fpathconf(fd: c_int, name: c_int) -> c_long {
    (|| {
        sys::fd_stat_get(sys::to_fd(fd)?)?;
        pathconf_value(name)
    })()
    .or_errno(-1)
}

/// Compat `pathconf`: limits that apply to a named file.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pathconf(p: *const c_char, name: c_int) -> c_long {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { crate::cptr::cstr(p) };
    (|| {
        crate::header::sys_stat::stat_at(crate::compat::path::AT_FDCWD, p, 0)?;
        pathconf_value(name)
    })()
    .or_errno(-1)
}

/// Compat `getpagesize`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getpagesize() -> c_int {
    crate::start::boot().pagesz as c_int
}
