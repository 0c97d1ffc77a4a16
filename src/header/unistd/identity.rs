//! Compat identity calls beyond POSIX (GNU and BSD): getresuid, getresgid,
//! setresuid, setresgid, setpgrp, sethostname, and the raw `syscall`.
//! They follow `ids.rs`: every id is 65534 and nothing can change.

use super::{setregid, setreuid, setsid};
use crate::abi::va::VaListPtr;
use crate::abi::{c_char, c_int, c_long, size_t};
use crate::errno::OrErrno;
use crate::header::sys_stat::NOBODY;
use cloudabi::errno;

/// Stores 65534 in each of the three ids.
unsafe fn nobody3(r: *mut u32, e: *mut u32, s: *mut u32) -> c_int {
    // SAFETY: the three pointers are writable (C contract).
    unsafe {
        *r = NOBODY;
        *e = NOBODY;
        *s = NOBODY;
    }
    0
}

/// Compat `getresuid`: real, effective and saved user ids, all 65534.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getresuid(r: *mut u32, e: *mut u32, s: *mut u32) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { nobody3(r, e, s) }
}

/// Compat `getresgid`: real, effective and saved group ids, all 65534.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getresgid(r: *mut u32, e: *mut u32, s: *mut u32) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { nobody3(r, e, s) }
}

/// Compat `setresuid`: only to the current ids (-1 keeps one); else EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setresuid(r: u32, e: u32, s: u32) -> c_int {
    if setreuid(r, e) == 0 && setreuid(s, u32::MAX) == 0 {
        0
    } else {
        -1
    }
}

/// Compat `setresgid`: only to the current ids (-1 keeps one); else EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setresgid(r: u32, e: u32, s: u32) -> c_int {
    if setregid(r, e) == 0 && setregid(s, u32::MAX) == 0 {
        0
    } else {
        -1
    }
}

/// Compat (System V) `setpgrp`: EPERM, as `setsid`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setpgrp() -> i32 {
    setsid()
}

/// Compat `sethostname`: EPERM (the name is fixed, see `gethostname`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sethostname(_name: *const c_char, _len: size_t) -> c_int {
    Err(errno::PERM).or_errno(-1)
}

crate::variadic!("syscall" => syscall_impl, gp = 1, fp = 0, reg = "rsi");

/// Compat `syscall`: -1 with ENOSYS for every number. A CloudABI program
/// reaches the kernel only through the CloudABI calls; host system call
/// numbers mean nothing here.
pub extern "C" fn syscall_impl(_number: c_long, _ap: VaListPtr) -> c_long {
    Err(errno::NOSYS).or_errno(-1)
}
