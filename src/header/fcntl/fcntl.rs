//! `fcntl`: descriptor flags and status flags.

use super::*;
use crate::abi::va::VaListPtr;
use crate::compat::{grants, inherit};
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, fdflags, fdsflags, rights};
use cloudabi::errno;

// Commands, in cloudlibc's numbering; the F_DUPFD family is compat.
pub const F_DUPFD: c_int = 0;
pub const F_GETFD: c_int = 1;
pub const F_SETFD: c_int = 2;
pub const F_GETFL: c_int = 3;
pub const F_SETFL: c_int = 4;
pub const F_DUPFD_CLOEXEC: c_int = 5;
pub const FD_CLOEXEC: c_int = 1;
pub const F_GETLK: c_int = 6;
pub const F_SETLK: c_int = 7;
pub const F_SETLKW: c_int = 8;

// Record lock types (compat).
pub const F_RDLCK: c_int = 1;
pub const F_UNLCK: c_int = 2;
pub const F_WRLCK: c_int = 3;

/// `struct flock` (compat), as include/fcntl.h lays it out.
#[repr(C)]
pub struct flock {
    pub l_type: i16,
    pub l_whence: i16,
    pub l_start: i64,
    pub l_len: i64,
    pub l_pid: i32,
}

/// F_GETLK, F_SETLK, F_SETLKW: POSIX record locks through an emulator
/// extension. A conflicting lock's holder is reported as pid 0: there is
/// no way to name another process here.
fn record_lock(fd: c_int, cmd: c_int, fl: *mut flock) -> Result<c_int, Errno> {
    let f = sys::to_fd(fd)?;
    if fl.is_null() {
        return Err(errno::FAULT);
    }
    // SAFETY: a non-null `fl` points at a struct flock (C contract).
    let fl = unsafe { &mut *fl };
    let kind = match c_int::from(fl.l_type) {
        F_RDLCK => sys::LOCK_READ,
        F_WRLCK => sys::LOCK_WRITE,
        F_UNLCK if cmd != F_GETLK => sys::LOCK_UNLOCK,
        _ => return Err(errno::INVAL),
    };
    let w = crate::header::unistd::to_whence(c_int::from(fl.l_whence))?;
    let mut lock = sys::FileLock { kind, whence: w as u32, start: fl.l_start, len: fl.l_len };
    let how = match cmd {
        F_GETLK => sys::LockCmd::Test,
        F_SETLK => sys::LockCmd::Set,
        _ => sys::LockCmd::Wait,
    };
    sys::file_lock(f, how, &mut lock)?;
    if cmd == F_GETLK {
        if lock.kind == sys::LOCK_UNLOCK {
            fl.l_type = F_UNLCK as i16;
        } else {
            fl.l_type = if lock.kind == sys::LOCK_READ { F_RDLCK } else { F_WRLCK } as i16;
            fl.l_whence = crate::header::unistd::SEEK_SET_COMPAT as i16;
            fl.l_start = lock.start;
            fl.l_len = lock.len;
            fl.l_pid = 0;
        }
    }
    Ok(0)
}

/// Flags `F_SETFL` may change after open.
const SETTABLE: c_int = O_APPEND | O_NONBLOCK;

/// The status flags and access mode of a descriptor (`F_GETFL`).
pub fn get_fl(fd: c_int) -> Result<c_int, Errno> {
    let st = sys::fd_stat_get(sys::to_fd(fd)?)?;
    let mut fl = c_int::from(st.fs_flags.bits());
    let base = st.fs_rights_base;
    if base.intersects(rights::FD_READ | rights::FILE_READDIR) {
        fl |= O_RDONLY;
    }
    if base.contains(rights::FD_WRITE) {
        fl |= O_WRONLY;
    }
    Ok(fl)
}

/// Changes the settable status flags of a descriptor (`F_SETFL`).
pub fn set_fl(fd: c_int, flags: c_int) -> Result<c_int, Errno> {
    let f = sys::to_fd(fd)?;
    let mut st = sys::fd_stat_get(f)?;
    let keep = c_int::from(st.fs_flags.bits()) & !SETTABLE;
    st.fs_flags = fdflags::from_bits_truncate((keep | (flags & SETTABLE)) as u16);
    sys::fd_stat_put(f, &st, fdsflags::FLAGS)?;
    Ok(0)
}

fn get_fd(fd: c_int) -> Result<c_int, Errno> {
    let f = sys::to_fd(fd)?;
    sys::fd_stat_get(f)?;
    Ok(if inherit::get(f.0) || grants::name_of(f).is_some() { 0 } else { FD_CLOEXEC })
}

fn set_fd(fd: c_int, flags: c_int) -> Result<c_int, Errno> {
    let f = sys::to_fd(fd)?;
    sys::fd_stat_get(f)?;
    inherit::set(f.0, flags & FD_CLOEXEC == 0);
    Ok(0)
}

/// The lowest new descriptor at or above `min`: CloudABI's `fd_dup` always
/// takes the lowest free number, so smaller ones are held and released.
fn dup_at_least(fd: c_int, min: c_int) -> Result<c_int, Errno> {
    if min < 0 {
        return Err(errno::INVAL);
    }
    let from = sys::to_fd(fd)?;
    let mut held = [0u32; 64];
    let mut n = 0;
    let result = loop {
        let new = match sys::fd_dup(from) {
            Ok(f) => f,
            Err(e) => break Err(e),
        };
        if new.0 as c_int >= min {
            break Ok(new.0 as c_int);
        }
        if n == held.len() {
            let _ = sys::fd_close(new);
            break Err(errno::MFILE);
        }
        held[n] = new.0;
        n += 1;
    };
    for &h in &held[..n] {
        let _ = sys::fd_close(cloudabi::fd(h));
    }
    result
}

crate::variadic!("fcntl" => fcntl_impl, gp = 2, fp = 0, reg = "rdx");

/// POSIX `fcntl`: F_GETFD/F_SETFD (`FD_CLOEXEC`, set on every new
/// descriptor, decides what a compat `execve` keeps: see
/// `compat::inherit`), F_GETFL/F_SETFL (O_APPEND and O_NONBLOCK may
/// change), and compat F_DUPFD/F_DUPFD_CLOEXEC and the record-lock
/// commands.
pub unsafe extern "C" fn fcntl_impl(fd: c_int, cmd: c_int, ap: VaListPtr) -> c_int {
    // SAFETY: the commands that take an argument take an int (C contract).
    let arg = || unsafe { (*ap).int() };
    let r = match cmd {
        F_GETFD => get_fd(fd),
        F_SETFD => set_fd(fd, arg()),
        F_GETFL => get_fl(fd),
        F_SETFL => set_fl(fd, arg()),
        F_DUPFD | F_DUPFD_CLOEXEC => dup_at_least(fd, arg()).inspect(|&new| inherit::set(new as u32, cmd == F_DUPFD)),
        // SAFETY: the lock commands take a struct flock pointer (C contract).
        F_GETLK | F_SETLK | F_SETLKW => record_lock(fd, cmd, unsafe { (*ap).ptr::<flock>() }),
        _ => Err(errno::INVAL),
    };
    r.or_errno(-1)
}
