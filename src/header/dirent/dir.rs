//! DIR streams: fdopendir, opendirat, readdir, rewinddir, seekdir, telldir,
//! closedir, fdclosedir, dirfd; compat opendir, readdir_r.
//!
//! A stream keeps a buffer of CloudABI dirents filled by `file_readdir`
//! from a cookie. An entry cut off at the end of the buffer is read again
//! from its cookie on the next fill; an entry larger than the whole buffer
//! makes the buffer grow. `telldir` returns the cookie of the next entry,
//! which `seekdir` accepts back.
//!
//! A directory that exists only as an ancestor of named grants (`/`) has
//! no descriptor: its stream keeps the directory's name and is filled by
//! `compat::ancestors` instead; `dirfd` fails with ENOTSUP for it.

use crate::abi::{c_char, c_int, c_long};
use crate::compat::ancestors;
use crate::compat::grants::PATH_MAX;
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::fcntl::{open_beneath, O_DIRECTORY, O_RDONLY};
use crate::header::stdlib::malloc::{free, malloc};
use crate::sys::{self, dircookie, filetype};
use cloudabi::errno;

pub const NAME_MAX: usize = 255;

pub const DT_UNKNOWN: u8 = 0;
pub const DT_FIFO: u8 = 1;
pub const DT_CHR: u8 = 2;
pub const DT_DIR: u8 = 4;
pub const DT_BLK: u8 = 6;
pub const DT_REG: u8 = 8;
pub const DT_LNK: u8 = 10;
pub const DT_SOCK: u8 = 12;

/// `struct dirent`, as include/dirent.h lays it out.
#[repr(C)]
pub struct dirent {
    pub d_ino: u64,
    pub d_type: u8,
    pub d_name: [u8; NAME_MAX + 1],
}

/// Size of CloudABI's dirent header; the name follows it.
const HEADER: usize = core::mem::size_of::<cloudabi::dirent>();
const INITIAL_BUF: usize = 4096;

/// `DIR`, opaque to C.
pub struct DIR {
    /// The directory's descriptor; -1 for a grants' ancestor.
    fd: c_int,
    /// A grants' ancestor's name (malloc'd), or null.
    ancestor: *mut u8,
    ancestor_len: usize,
    buf: *mut u8,
    cap: usize,
    used: usize,
    pos: usize,
    /// Cookie of the next entry to return.
    next: dircookie,
    /// The last fill returned a full buffer: more may follow.
    more: bool,
    entry: dirent,
}

fn dtype(t: filetype) -> u8 {
    match t {
        filetype::BLOCK_DEVICE => DT_BLK,
        filetype::CHARACTER_DEVICE => DT_CHR,
        filetype::DIRECTORY => DT_DIR,
        filetype::REGULAR_FILE | filetype::SHARED_MEMORY => DT_REG,
        filetype::SOCKET_DGRAM | filetype::SOCKET_STREAM => DT_SOCK,
        filetype::SYMBOLIC_LINK => DT_LNK,
        _ => DT_UNKNOWN,
    }
}

fn new_dir(fd: c_int) -> Result<*mut DIR, Errno> {
    let st = sys::fd_stat_get(sys::to_fd(fd)?)?;
    if st.fs_filetype != filetype::DIRECTORY {
        return Err(errno::NOTDIR);
    }
    alloc_dir(fd, core::ptr::null_mut(), 0)
}

/// A stream over the grants' ancestor `name`.
fn new_ancestor_dir(name: &[u8]) -> Result<*mut DIR, Errno> {
    let copy = malloc(name.len()) as *mut u8;
    if copy.is_null() {
        return Err(errno::NOMEM);
    }
    // SAFETY: `copy` has room for the name.
    unsafe { core::ptr::copy_nonoverlapping(name.as_ptr(), copy, name.len()) };
    // SAFETY: `copy` came from malloc and is not kept on failure.
    alloc_dir(-1, copy, name.len()).inspect_err(|_| unsafe { free(copy.cast()) })
}

fn alloc_dir(fd: c_int, ancestor: *mut u8, ancestor_len: usize) -> Result<*mut DIR, Errno> {
    let buf = malloc(INITIAL_BUF) as *mut u8;
    let d = malloc(core::mem::size_of::<DIR>()) as *mut DIR;
    if buf.is_null() || d.is_null() {
        // SAFETY: both are null or from malloc.
        unsafe {
            free(buf.cast());
            free(d.cast());
        }
        return Err(errno::NOMEM);
    }
    // SAFETY: `d` is a fresh allocation of the right size.
    unsafe {
        d.write(DIR {
            fd,
            ancestor,
            ancestor_len,
            buf,
            cap: INITIAL_BUF,
            used: 0,
            pos: 0,
            next: dircookie(0),
            more: true,
            entry: dirent { d_ino: 0, d_type: 0, d_name: [0; NAME_MAX + 1] },
        })
    };
    Ok(d)
}

/// POSIX `fdopendir`: a stream over an open directory descriptor, which the
/// stream then owns.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fdopendir(fd: c_int) -> *mut DIR {
    new_dir(fd).or_errno(core::ptr::null_mut())
}

fn open_dir(dirfd: c_int, p: &[u8]) -> Result<*mut DIR, Errno> {
    let mut name = [0u8; PATH_MAX];
    if let Some(n) = path::grant_ancestor(dirfd, p, &mut name) {
        return new_ancestor_dir(&name[..n]);
    }
    let fd = path::with(dirfd, p, true, |r| open_beneath(r.fd, r.path(), O_RDONLY | O_DIRECTORY))?;
    new_dir(fd.0 as c_int).inspect_err(|_| {
        let _ = sys::fd_close(fd);
    })
}

/// cloudlibc `opendirat`: opens a directory beneath a directory descriptor.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn opendirat(dirfd: c_int, p: *const c_char) -> *mut DIR {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    open_dir(dirfd, p).or_errno(core::ptr::null_mut())
}

/// Compat `opendir`: opens a directory named through the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn opendir(p: *const c_char) -> *mut DIR {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    open_dir(AT_FDCWD, p).or_errno(core::ptr::null_mut())
}

impl DIR {
    /// Refills the buffer from `self.next`.
    fn fill(&mut self) -> Result<(), Errno> {
        // SAFETY: `buf` holds `cap` bytes owned by this stream.
        let b = unsafe { core::slice::from_raw_parts_mut(self.buf, self.cap) };
        let n = if self.ancestor.is_null() {
            sys::file_readdir(sys::to_fd(self.fd)?, b, self.next)?
        } else {
            // SAFETY: the stream owns the name, `ancestor_len` bytes.
            let name = unsafe { core::slice::from_raw_parts(self.ancestor, self.ancestor_len) };
            ancestors::readdir(name, b, self.next)
        };
        self.used = n;
        self.pos = 0;
        self.more = n == self.cap;
        Ok(())
    }

    fn grow(&mut self) -> Result<(), Errno> {
        let cap = self.cap * 2;
        let nb = malloc(cap) as *mut u8;
        if nb.is_null() {
            return Err(errno::NOMEM);
        }
        // SAFETY: the old buffer came from malloc.
        unsafe { free(self.buf.cast()) };
        self.buf = nb;
        self.cap = cap;
        Ok(())
    }

    /// The next entry, or None at the end.
    fn next_entry(&mut self) -> Result<Option<*mut dirent>, Errno> {
        loop {
            let avail = self.used - self.pos;
            if avail >= HEADER {
                // SAFETY: at least HEADER bytes of the buffer remain; the
                // header is read unaligned.
                let h: cloudabi::dirent = unsafe { self.buf.add(self.pos).cast::<cloudabi::dirent>().read_unaligned() };
                let namelen = h.d_namlen as usize;
                if avail >= HEADER + namelen {
                    self.pos += HEADER + namelen;
                    self.next = h.d_next;
                    if namelen > NAME_MAX {
                        continue;
                    }
                    let e = &mut self.entry;
                    e.d_ino = h.d_ino.0;
                    e.d_type = dtype(h.d_type);
                    // SAFETY: the name lies within the filled part of the buffer.
                    let name = unsafe { core::slice::from_raw_parts(self.buf.add(self.pos - namelen), namelen) };
                    e.d_name[..namelen].copy_from_slice(name);
                    e.d_name[namelen] = 0;
                    return Ok(Some(e));
                }
            }
            // The next entry is cut off or absent.
            if !self.more {
                return Ok(None);
            }
            if self.pos == 0 && self.used > 0 {
                self.grow()?;
            }
            self.fill()?;
            if self.used == 0 {
                self.more = false;
                return Ok(None);
            }
        }
    }

    fn seek(&mut self, cookie: dircookie) {
        self.next = cookie;
        self.used = 0;
        self.pos = 0;
        self.more = true;
    }
}

/// POSIX `readdir`: the next entry, or NULL at the end (errno unchanged)
/// or on error (errno set).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn readdir(d: *mut DIR) -> *mut dirent {
    // SAFETY: `d` is an open stream (C contract).
    let d = unsafe { &mut *d };
    d.next_entry().map(|e| e.unwrap_or(core::ptr::null_mut())).or_errno(core::ptr::null_mut())
}

/// Compat `readdir_r`: copies the next entry into `entry`; `*result` is
/// NULL at the end. Returns an error number.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn readdir_r(d: *mut DIR, entry: *mut dirent, result: *mut *mut dirent) -> c_int {
    // SAFETY: `d` is an open stream; `entry` and `result` are writable.
    let d = unsafe { &mut *d };
    match d.next_entry() {
        Ok(Some(e)) => {
            // SAFETY: both point at whole dirent structs.
            unsafe {
                core::ptr::copy_nonoverlapping(e, entry, 1);
                *result = entry;
            }
            0
        }
        Ok(None) => {
            // SAFETY: `result` is writable (C contract).
            unsafe { *result = core::ptr::null_mut() };
            0
        }
        Err(e) => e as c_int,
    }
}

/// POSIX `rewinddir`: back to the first entry.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn rewinddir(d: *mut DIR) {
    // SAFETY: `d` is an open stream (C contract).
    unsafe { (*d).seek(dircookie(0)) }
}

/// POSIX `telldir`: the position of the next entry.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn telldir(d: *mut DIR) -> c_long {
    // SAFETY: `d` is an open stream (C contract).
    unsafe { (*d).next.0 as c_long }
}

/// POSIX `seekdir`: returns to a position `telldir` gave.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn seekdir(d: *mut DIR, loc: c_long) {
    // SAFETY: `d` is an open stream (C contract).
    unsafe { (*d).seek(dircookie(loc as u64)) }
}

/// POSIX `dirfd`: the stream's descriptor (ENOTSUP for a directory that
/// has none, an ancestor of the grants).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn dirfd(d: *mut DIR) -> c_int {
    // SAFETY: `d` is an open stream (C contract).
    match unsafe { (*d).fd } {
        -1 => Err(errno::NOTSUP).or_errno(-1),
        fd => fd,
    }
}

/// Frees the stream; returns its descriptor (-1 if it has none).
///
/// # Safety
/// `d` is an open stream, not used again.
unsafe fn release(d: *mut DIR) -> c_int {
    // SAFETY: `d` came from alloc_dir, and so did the buffers it owns.
    unsafe {
        let fd = (*d).fd;
        free((*d).ancestor.cast());
        free((*d).buf.cast());
        free(d.cast());
        fd
    }
}

/// cloudlibc `fdclosedir`: frees the stream, returning its descriptor open
/// (-1 with ENOTSUP for a stream without one).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fdclosedir(d: *mut DIR) -> c_int {
    // SAFETY: forwarded contract.
    match unsafe { release(d) } {
        -1 => Err(errno::NOTSUP).or_errno(-1),
        fd => fd,
    }
}

/// POSIX `closedir`: frees the stream and closes its descriptor.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn closedir(d: *mut DIR) -> c_int {
    // SAFETY: forwarded contract.
    match unsafe { release(d) } {
        -1 => 0,
        fd => crate::header::unistd::close(fd),
    }
}
