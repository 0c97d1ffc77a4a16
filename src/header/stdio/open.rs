//! Opening and closing streams: fdopen, fopenat, fclose, fswap, and the
//! mode-string parser they share with fmemopen.

use super::file::{free_file, new_file, with_locked, Backend, Mode, Stream, FILE, APPEND, CAN_READ, CAN_WRITE};
use crate::abi::{c_char, c_int, c_void};
use crate::errno::{set_errno, Errno, OrErrno};
use crate::sys;
use crate::header::fcntl;
use cloudabi::{errno, fdflags, fdsflags};
use core::ptr;

/// What a mode string ("r", "w+", "ab", "wx", ...) asks for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct OpenMode {
    pub read: bool,
    pub write: bool,
    pub append: bool,
    pub create: bool,
    pub truncate: bool,
    pub exclusive: bool,
}

/// Parses a C11/POSIX mode string; `b`, `e` (close-on-exec, meaningless
/// here) and `x` may follow the letter and `+` in any order.
pub fn parse_mode(mode: &[u8]) -> Option<OpenMode> {
    let (first, rest) = mode.split_first()?;
    let mut m = match first {
        b'r' => OpenMode { read: true, write: false, append: false, create: false, truncate: false, exclusive: false },
        b'w' => OpenMode { read: false, write: true, append: false, create: true, truncate: true, exclusive: false },
        b'a' => OpenMode { read: false, write: true, append: true, create: true, truncate: false, exclusive: false },
        _ => return None,
    };
    for &c in rest {
        match c {
            b'+' => {
                m.read = true;
                m.write = true;
            }
            b'x' if *first == b'w' => m.exclusive = true,
            b'b' | b'e' => {}
            // glibc's ",ccs=" suffix and flags we do not know end the mode.
            _ => break,
        }
    }
    Some(m)
}

/// The stream flags for a mode.
pub fn stream_flags(m: OpenMode) -> u32 {
    let mut flags = 0;
    if m.read {
        flags |= CAN_READ;
    }
    if m.write {
        flags |= CAN_WRITE;
    }
    if m.append {
        flags |= APPEND;
    }
    flags
}

/// Opens `path` under `dir` as `openat` would with the matching flags
/// (cloudlibc's rights rules live there; absolute paths and `AT_FDCWD`
/// go through the named grants).
fn open_at(dir: c_int, path: &[u8], m: OpenMode) -> Result<sys::fd, Errno> {
    let mut flags = 0;
    if m.read {
        flags |= fcntl::O_RDONLY;
    }
    if m.write {
        flags |= fcntl::O_WRONLY;
    }
    if m.append {
        flags |= fcntl::O_APPEND;
    }
    if m.create {
        flags |= fcntl::O_CREAT;
    }
    if m.truncate {
        flags |= fcntl::O_TRUNC;
    }
    if m.exclusive {
        flags |= fcntl::O_EXCL;
    }
    fcntl::open_at(dir, path, flags)
}

/// Wraps an open descriptor in a stream; closes nothing on failure.
fn stream_for(f: sys::fd, m: OpenMode) -> *mut FILE {
    new_file(Stream::new(Backend::Fd(f), stream_flags(m), Mode::Unset)).unwrap_or(ptr::null_mut())
}

/// POSIX `fdopen`: a stream on an open descriptor. Mode "a" turns on the
/// descriptor's append flag, so writes land at the end.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fdopen(fd: c_int, mode: *const c_char) -> *mut FILE {
    // SAFETY: C passes a NUL-terminated mode string.
    let mode = unsafe { crate::cptr::cstr(mode) };
    let r = (|| {
        let f = sys::to_fd(fd)?;
        let mut st = sys::fd_stat_get(f)?;
        let m = parse_mode(mode).ok_or(errno::INVAL)?;
        if m.append && !st.fs_flags.contains(fdflags::APPEND) {
            st.fs_flags |= fdflags::APPEND;
            sys::fd_stat_put(f, &st, fdsflags::FLAGS)?;
        }
        Ok((f, m))
    })();
    match r {
        Ok((f, m)) => stream_for(f, m),
        Err(e) => {
            set_errno(e);
            ptr::null_mut()
        }
    }
}

/// cloudlibc `fdopen_l`: `fdopen`; the locale does not change bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fdopen_l(fd: c_int, mode: *const c_char, _l: *mut c_void) -> *mut FILE {
    // SAFETY: forwarded contract.
    unsafe { fdopen(fd, mode) }
}

/// cloudlibc `fopenat`: `fopen` relative to the directory descriptor `dir`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fopenat(dir: c_int, path: *const c_char, mode: *const c_char) -> *mut FILE {
    // SAFETY: C passes NUL-terminated strings.
    let (path, mode) = unsafe { (crate::cptr::cstr(path), crate::cptr::cstr(mode)) };
    let r = (|| {
        let m = parse_mode(mode).ok_or(errno::INVAL)?;
        let f = open_at(dir, path, m)?;
        Ok((f, m))
    })();
    match r {
        Ok((f, m)) => {
            let s = stream_for(f, m);
            if s.is_null() {
                let _ = sys::fd_close(f);
            }
            s
        }
        Err(e) => {
            set_errno(e);
            ptr::null_mut()
        }
    }
}

/// C11 `fopen` (compat): opens a file named through the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fopen(path: *const c_char, mode: *const c_char) -> *mut FILE {
    // SAFETY: forwarded contract.
    unsafe { fopenat(crate::compat::path::AT_FDCWD, path, mode) }
}

/// C11 `freopen` (compat): points `stream` at another file. With a NULL
/// path (a mode change on the same file) it fails with EBADF after closing
/// the stream, as POSIX allows when the change is not possible.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn freopen(path: *const c_char, mode: *const c_char, stream: *mut FILE) -> *mut FILE {
    if path.is_null() {
        // SAFETY: C passes a live stream.
        unsafe { fclose(stream) };
        set_errno(errno::BADF);
        return ptr::null_mut();
    }
    // SAFETY: forwarded contract.
    let new = unsafe { fopen(path, mode) };
    if new.is_null() {
        // SAFETY: C passes a live stream; freopen closes it even on failure.
        unsafe { fclose(stream) };
        return ptr::null_mut();
    }
    // SAFETY: both are live streams; after the swap `new` holds the old
    // file, which is closed (its errors do not concern the new file).
    unsafe {
        fswap(new, stream);
        fclose(new);
    }
    stream
}

/// cloudlibc `fopenat_l`: `fopenat`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fopenat_l(dir: c_int, path: *const c_char, mode: *const c_char, _l: *mut c_void) -> *mut FILE {
    // SAFETY: forwarded contract.
    unsafe { fopenat(dir, path, mode) }
}

/// C11 `fclose`: flushes, closes the descriptor, frees the stream.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fclose(f: *mut FILE) -> c_int {
    // SAFETY: C passes a live stream, which nobody uses after fclose.
    let r = unsafe { with_locked(f, |s| s.close()) };
    // SAFETY: as above.
    unsafe { free_file(f) };
    r.map(|()| 0).or_errno(super::EOF)
}

/// cloudlibc `fswap`: exchanges the contents of two streams (a safe
/// replacement for `freopen`: open the new stream, then swap it in).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fswap(a: *mut FILE, b: *mut FILE) {
    if a == b {
        return;
    }
    // Lock in address order so two swaps of the same pair cannot deadlock.
    let (first, second) = if (a as usize) < (b as usize) { (a, b) } else { (b, a) };
    // SAFETY: C passes two live streams; both are locked while swapped.
    unsafe {
        (*first).lock.lock();
        (*second).lock.lock();
        core::ptr::swap(ptr::addr_of_mut!((*a).s), ptr::addr_of_mut!((*b).s));
        (*second).lock.unlock();
        (*first).lock.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        let r = parse_mode(b"r").unwrap();
        assert!(r.read && !r.write && !r.create);
        let w = parse_mode(b"wb+").unwrap();
        assert!(w.read && w.write && w.truncate && w.create && !w.append);
        let a = parse_mode(b"a+").unwrap();
        assert!(a.read && a.write && a.append && !a.truncate);
        assert!(parse_mode(b"wx").unwrap().exclusive);
        assert!(!parse_mode(b"rx").unwrap().exclusive);
        assert_eq!(parse_mode(b"foo"), None);
        assert_eq!(parse_mode(b""), None);
    }
}
