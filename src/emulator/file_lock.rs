//! Emulator extensions for file locks, which CloudABI 0.1.0 lacks: POSIX
//! record locks (`fcntl` F_GETLK/F_SETLK/F_SETLKW, `lockf`) and whole-file
//! `flock` locks. A lock only constrains other holders of the same file,
//! so it conveys no authority beyond the descriptor; a read lock needs
//! `FD_READ` and a write lock `FD_WRITE`, as POSIX asks the descriptor to
//! be open for reading or writing.
//!
//! - `cloudabi_ext_file_lock(fd, cmd, *lock)`: `cmd` 0 tests (F_GETLK), 1
//!   sets without waiting (F_SETLK), 2 waits (F_SETLKW, which a timer
//!   signal interrupts with EINTR). `lock` is an `ExtLock`; a test rewrites
//!   it with the conflicting lock, or sets its kind to `UNLOCK`. The holder
//!   of a conflicting lock is reported as 0: Linux process ids mean
//!   nothing inside the sandbox.
//! - `cloudabi_ext_file_flock(fd, op)`: Linux `flock` with its operation
//!   bits (1 shared, 2 exclusive, 4 non-blocking, 8 unlock).

use super::emulate;
use super::fdtable;
use super::linux::{nr, result, syscall};
use cloudabi::{errno, fd, rights, whence};

/// A record lock as the extension passes it.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExtLock {
    /// `UNLOCK`, `READ` or `WRITE`.
    pub kind: u32,
    /// A CloudABI `whence` (1 CUR, 2 END, 3 SET).
    pub whence: u32,
    pub start: i64,
    /// 0: to the end of the file, however far it grows.
    pub len: i64,
}

pub const UNLOCK: u32 = 0;
pub const READ: u32 = 1;
pub const WRITE: u32 = 2;

/// Linux `struct flock`.
#[repr(C)]
#[derive(Default)]
struct Flock {
    l_type: i16,
    l_whence: i16,
    l_start: i64,
    l_len: i64,
    l_pid: i32,
}

const F_RDLCK: i16 = 0;
const F_WRLCK: i16 = 1;
const F_UNLCK: i16 = 2;
const F_GETLK: usize = 5;
const F_SETLK: usize = 6;
const F_SETLKW: usize = 7;

/// Tests, sets or waits for a record lock (an emulator extension).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_file_lock(f: fd, cmd: u32, lock: *mut ExtLock) -> errno {
    emulate(|| {
        // SAFETY: the caller passes a valid lock description.
        let l = unsafe { &mut *lock };
        let (l_type, need) = match l.kind {
            UNLOCK => (F_UNLCK, rights::empty()),
            READ => (F_RDLCK, rights::FD_READ),
            WRITE => (F_WRLCK, rights::FD_WRITE),
            _ => return Err(errno::INVAL),
        };
        let l_whence = match l.whence {
            w if w == whence::SET as u32 => 0,
            w if w == whence::CUR as u32 => 1,
            w if w == whence::END as u32 => 2,
            _ => return Err(errno::INVAL),
        };
        let op = match cmd {
            0 => F_GETLK,
            1 => F_SETLK,
            2 => F_SETLKW,
            _ => return Err(errno::INVAL),
        };
        let linux_fd = fdtable::check(f, need)?;
        let mut fl = Flock { l_type, l_whence, l_start: l.start, l_len: l.len, l_pid: 0 };
        // SAFETY: `fl` is a valid struct flock for the call.
        result(unsafe { syscall!(nr::FCNTL, linux_fd, op, &mut fl as *mut Flock) })?;
        if op == F_GETLK {
            l.kind = match fl.l_type {
                F_RDLCK => READ,
                F_WRLCK => WRITE,
                _ => UNLOCK,
            };
            if l.kind != UNLOCK {
                // Linux reports the conflicting lock from the file's start.
                l.whence = whence::SET as u32;
                l.start = fl.l_start;
                l.len = fl.l_len;
            }
        }
        Ok(())
    })
}

/// Takes or drops a whole-file lock (an emulator extension).
#[no_mangle]
pub unsafe extern "C" fn cloudabi_ext_file_flock(f: fd, op: u32) -> errno {
    emulate(|| {
        let kind = op & !4;
        if !matches!(kind, 1 | 2 | 8) || op & !(1 | 2 | 4 | 8) != 0 {
            return Err(errno::INVAL);
        }
        let linux_fd = fdtable::check(f, rights::empty())?;
        // SAFETY: plain value arguments.
        result(unsafe { syscall!(nr::FLOCK, linux_fd, op) }).map(drop)
    })
}
