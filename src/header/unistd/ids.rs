//! Compat process and user identity. A CloudABI process has no process id,
//! parent, group, session or user. Here the process a launcher started is
//! process 1, and every process of the sandbox is in its group and session
//! (1), run by user and group 65534 ("nobody"), with no supplementary
//! groups. Changing any of that fails with EPERM.
//!
//! A child of `fork` gets an id its parent picks at random (distinct from
//! its own and its other children's), which `fork` returns to the parent;
//! its parent is the forking process. A program a compat `exec` started
//! keeps the id and the parent of the process that called it (the argdata
//! keys `pid` and `ppid`); a program the launcher started has no parent (0).

use crate::abi::{c_char, c_int, size_t};
use crate::errno::OrErrno;
use crate::header::sys_stat::NOBODY;
use crate::sys::{self, filetype};
use cloudabi::errno;
use core::sync::atomic::{AtomicI32, Ordering};

/// The group and session of every process of the sandbox: the id of the
/// process the launcher started.
pub const PID: i32 = 1;

/// The process's own id (see above).
static SELF: AtomicI32 = AtomicI32::new(PID);

/// Compat `getpid`: 1 for the process the launcher started (see above).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getpid() -> i32 {
    SELF.load(Ordering::Relaxed)
}

/// Records the process's own id (at start-up and in a forked child).
pub fn set_self(pid: i32) {
    SELF.store(pid, Ordering::Relaxed);
}

/// The process id of the parent (see above).
static PARENT: AtomicI32 = AtomicI32::new(0);

/// Records the parent's process id (at start-up and in a forked child).
pub fn set_parent(pid: i32) {
    PARENT.store(pid, Ordering::Relaxed);
}

/// Compat `getppid`: the parent's process id (see above), 0 for a program
/// started by the launcher.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getppid() -> i32 {
    PARENT.load(Ordering::Relaxed)
}

/// Compat `getpgrp`: the sandbox's one group.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getpgrp() -> i32 {
    PID
}

/// Compat `getpgid`: known only for the process itself (else ESRCH).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getpgid(pid: i32) -> i32 {
    if pid == 0 || pid == getpid() {
        PID
    } else {
        Err(errno::SRCH).or_errno(-1)
    }
}

/// Compat `getsid`: as `getpgid`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getsid(pid: i32) -> i32 {
    getpgid(pid)
}

/// Compat `setsid`, `setpgid`, `setpgrp`: fail with EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setsid() -> i32 {
    Err(errno::PERM).or_errno(-1)
}

/// Compat `setpgid`: EPERM (see `setsid`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setpgid(_pid: i32, _pgid: i32) -> c_int {
    Err(errno::PERM).or_errno(-1)
}

/// Compat `getuid`: 65534.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getuid() -> u32 {
    NOBODY
}

/// Compat `geteuid`: 65534.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn geteuid() -> u32 {
    NOBODY
}

/// Compat `getgid`: 65534.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getgid() -> u32 {
    NOBODY
}

/// Compat `getegid`: 65534.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getegid() -> u32 {
    NOBODY
}

/// Succeeds only when nothing would change.
fn same_id(ids: &[u32]) -> c_int {
    if ids.iter().all(|&i| i == NOBODY || i == u32::MAX) {
        0
    } else {
        Err(errno::PERM).or_errno(-1)
    }
}

/// Compat `setuid`: only to the current id; else EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setuid(uid: u32) -> c_int {
    same_id(&[uid])
}

/// Compat `seteuid`: only to the current id; else EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn seteuid(uid: u32) -> c_int {
    same_id(&[uid])
}

/// Compat `setgid`: only to the current id; else EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setgid(gid: u32) -> c_int {
    same_id(&[gid])
}

/// Compat `setegid`: only to the current id; else EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setegid(gid: u32) -> c_int {
    same_id(&[gid])
}

/// Compat `setreuid`: only to the current ids (-1 keeps); else EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setreuid(r: u32, e: u32) -> c_int {
    same_id(&[r, e])
}

/// Compat `setregid`: only to the current ids (-1 keeps); else EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setregid(r: u32, e: u32) -> c_int {
    same_id(&[r, e])
}

/// Compat `getgroups`: there are no supplementary groups.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getgroups(_n: c_int, _list: *mut u32) -> c_int {
    0
}

/// Compat `isatty`: whether the descriptor is a terminal (a character
/// device); else 0 with ENOTTY.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn isatty(fd: c_int) -> c_int {
    match sys::to_fd(fd).and_then(sys::fd_stat_get) {
        Ok(st) if st.fs_filetype == filetype::CHARACTER_DEVICE => 1,
        Ok(_) => Err(errno::NOTTY).or_errno(0),
        Err(e) => Err(e).or_errno(0),
    }
}

/// Compat `gethostname`: "localhost" (a sandbox has no host name).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn gethostname(name: *mut c_char, len: size_t) -> c_int {
    const HOST: &[u8] = b"localhost\0";
    if len < HOST.len() {
        return Err(errno::NAMETOOLONG).or_errno(-1);
    }
    // SAFETY: `name` has room for `len` bytes (C contract).
    unsafe { core::ptr::copy_nonoverlapping(HOST.as_ptr(), name.cast(), HOST.len()) };
    0
}
