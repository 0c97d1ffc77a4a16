//! Compat unistd calls about the system and the user: confstr,
//! gethostid, getlogin, getlogin_r, nice, sync, lockf, chroot.

use crate::abi::{c_char, c_int, c_long, size_t};
use crate::errno::OrErrno;
use crate::sys::{self, rights, whence};
use cloudabi::errno;

pub const _CS_PATH: c_int = 1;

/// Compat `confstr`: `_CS_PATH` is the empty string (no standard
/// utilities exist to be found); other names EINVAL. Returns the size the
/// value needs, including its NUL, and copies what fits.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn confstr(name: c_int, buf: *mut c_char, len: size_t) -> size_t {
    let value: &[u8] = match name {
        _CS_PATH => b"",
        _ => return Err(errno::INVAL).or_errno(0),
    };
    if len > 0 && !buf.is_null() {
        let n = value.len().min(len - 1);
        // SAFETY: `buf` has room for `len` bytes (C contract); n < len.
        unsafe {
            core::ptr::copy_nonoverlapping(value.as_ptr(), buf.cast(), n);
            *buf.add(n) = 0;
        }
    }
    value.len() + 1
}

/// Compat `gethostid`: 0, a sandbox has no host identity.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn gethostid() -> c_long {
    0
}

/// Compat `getlogin`: NULL with ENXIO (no login session, no terminal).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getlogin() -> *mut c_char {
    Err(errno::NXIO).or_errno(core::ptr::null_mut())
}

/// Compat `getlogin_r`: ENXIO, as `getlogin`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getlogin_r(_buf: *mut c_char, _len: size_t) -> c_int {
    errno::NXIO as c_int
}

/// Compat `nice`: adds `inc` to the calling thread's niceness (19 at most)
/// and returns the new one; lowering it fails with EPERM (see
/// `setpriority`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn nice(inc: c_int) -> c_int {
    (|| {
        let now = sys::proc_priority_get()?;
        sys::proc_priority_set(now.saturating_add(inc)).map_err(|e| if e == errno::ACCES { errno::PERM } else { e })?;
        sys::proc_priority_get()
    })()
    .or_errno(-1)
}

/// Compat `sync`: flushes every descriptor the process holds with the
/// FD_SYNC right (flushing whole file systems has no capability meaning).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sync() {
    let max = super::sysconf(super::_SC_OPEN_MAX);
    for n in 0..max as u32 {
        let f = cloudabi::fd(n);
        if sys::fd_stat_get(f).is_ok_and(|st| st.fs_rights_base.contains(rights::FD_SYNC)) {
            let _ = sys::fd_sync(f);
        }
    }
}

pub const F_ULOCK: c_int = 0;
pub const F_LOCK: c_int = 1;
pub const F_TLOCK: c_int = 2;
pub const F_TEST: c_int = 3;

/// Compat (POSIX) `lockf`: write locks on `len` bytes from the current
/// position (0: to the end of the file, however far it grows; negative:
/// the bytes before it), as record locks (`fcntl`) of the same process.
/// F_TEST fails with EACCES where another process holds a lock.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lockf(fd: c_int, cmd: c_int, len: i64) -> c_int {
    (|| {
        let f = sys::to_fd(fd)?;
        let mut lock = sys::FileLock { kind: sys::LOCK_WRITE, whence: whence::CUR as u32, start: 0, len };
        match cmd {
            F_ULOCK => {
                lock.kind = sys::LOCK_UNLOCK;
                sys::file_lock(f, sys::LockCmd::Set, &mut lock)
            }
            F_LOCK => sys::file_lock(f, sys::LockCmd::Wait, &mut lock),
            F_TLOCK => sys::file_lock(f, sys::LockCmd::Set, &mut lock),
            F_TEST => {
                sys::file_lock(f, sys::LockCmd::Test, &mut lock)?;
                if lock.kind == sys::LOCK_UNLOCK {
                    Ok(())
                } else {
                    Err(errno::ACCES)
                }
            }
            _ => Err(errno::INVAL),
        }
    })()
    .map(|()| 0)
    .or_errno(-1)
}

/// Compat `chroot`: EPERM; the grants are the process's whole namespace.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn chroot(_path: *const c_char) -> c_int {
    Err(errno::PERM).or_errno(-1)
}
