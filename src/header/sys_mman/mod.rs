//! `<sys/mman.h>`: mappings on CloudABI's `mem_*` calls (the flag values
//! are CloudABI's), anonymous shared memory; compat madvise, memfd_create,
//! and the memory locking and named shared memory calls, which fail.

use crate::abi::va::VaListPtr;
use crate::abi::{c_char, c_int, c_uint, c_void, off_t, size_t};
use crate::errno::{Errno, ErrnoValue, OrErrno};
use crate::header::fcntl::{O_ACCMODE, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC};
use crate::sys::{self, advice, fdsflags, filetype, mflags, mprot, msflags, rights};
use cloudabi::errno;

pub const MAP_FAILED: *mut c_void = usize::MAX as *mut c_void;
/// `SHM_ANON`: the name that asks `shm_open` for a new anonymous object.
pub const SHM_ANON: *const c_char = usize::MAX as *const c_char;

pub const POSIX_MADV_DONTNEED: c_int = 1;
pub const POSIX_MADV_NORMAL: c_int = 3;
pub const POSIX_MADV_RANDOM: c_int = 4;
pub const POSIX_MADV_SEQUENTIAL: c_int = 5;
pub const POSIX_MADV_WILLNEED: c_int = 6;

/// `memfd_create` flags (compat).
pub const MFD_CLOEXEC: c_uint = 0x1;

fn bits<T>(v: c_int, from: impl Fn(u8) -> Option<T>) -> Result<T, Errno> {
    u8::try_from(v).ok().and_then(from).ok_or(errno::INVAL)
}

/// POSIX `mmap`. With `MAP_ANON` the descriptor and offset are ignored.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mmap(addr: *mut c_void, len: size_t, prot: c_int, flags: c_int, fd: c_int, off: off_t) -> *mut c_void {
    (|| {
        let p = bits(prot, mprot::from_bits)?;
        let f = bits(flags, mflags::from_bits)?;
        let (fd, off) = if f.contains(mflags::ANON) {
            (cloudabi::MAP_ANON_FD, 0)
        } else {
            (sys::to_fd(fd)?, u64::try_from(off).map_err(|_| errno::INVAL)?)
        };
        sys::mem_map(addr.cast(), len, p, f, fd, off)
    })()
    .map(|p| p.cast())
    .or_errno(MAP_FAILED)
}

/// POSIX `munmap`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn munmap(addr: *mut c_void, len: size_t) -> c_int {
    // SAFETY: the caller gives the range up (C contract).
    unsafe { sys::mem_unmap(addr.cast(), len) }.map(|()| 0).or_errno(-1)
}

/// POSIX `mprotect`. Writable and executable at once is `ENOTSUP`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn mprotect(addr: *mut c_void, len: size_t, prot: c_int) -> c_int {
    // SAFETY: the caller vouches for the range (C contract).
    bits(prot, mprot::from_bits).and_then(|p| unsafe { sys::mem_protect(addr.cast(), len, p) }).map(|()| 0).or_errno(-1)
}

/// POSIX `msync`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn msync(addr: *mut c_void, len: size_t, flags: c_int) -> c_int {
    bits(flags, msflags::from_bits).and_then(|f| sys::mem_sync(addr.cast(), len, f)).map(|()| 0).or_errno(-1)
}

fn to_advice(a: c_int) -> Result<advice, Errno> {
    Ok(match a {
        POSIX_MADV_DONTNEED => advice::DONTNEED,
        POSIX_MADV_NORMAL => advice::NORMAL,
        POSIX_MADV_RANDOM => advice::RANDOM,
        POSIX_MADV_SEQUENTIAL => advice::SEQUENTIAL,
        POSIX_MADV_WILLNEED => advice::WILLNEED,
        _ => return Err(errno::INVAL),
    })
}

/// POSIX `posix_madvise`: returns an errno value.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn posix_madvise(addr: *mut c_void, len: size_t, adv: c_int) -> c_int {
    to_advice(adv).and_then(|a| sys::mem_advise(addr.cast(), len, a)).errno_value()
}

/// Compat `madvise`: `posix_madvise` with the C failure convention.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn madvise(addr: *mut c_void, len: size_t, adv: c_int) -> c_int {
    to_advice(adv).and_then(|a| sys::mem_advise(addr.cast(), len, a)).map(|()| 0).or_errno(-1)
}

/// A new anonymous shared memory object; read-only unless `write`.
fn anonymous(write: bool) -> Result<c_int, Errno> {
    let f = sys::fd_create1(filetype::SHARED_MEMORY)?;
    if !write {
        let mut st = sys::fd_stat_get(f)?;
        st.fs_rights_base &= !(rights::FD_WRITE | rights::FILE_STAT_FPUT_SIZE);
        if let Err(e) = sys::fd_stat_put(f, &st, fdsflags::RIGHTS) {
            let _ = sys::fd_close(f);
            return Err(e);
        }
    }
    Ok(f.0 as c_int)
}

crate::variadic!("shm_open" => shm_open_impl, gp = 2, fp = 0, reg = "rdx");

/// POSIX `shm_open`: only `SHM_ANON` (cloudlibc): a new object, opened
/// `O_RDWR` or `O_RDONLY` (`O_CREAT`, `O_EXCL`, `O_TRUNC` change nothing
/// for a new object). A name is `ENOTCAPABLE`: there is no shared memory
/// namespace to look it up in. The mode argument is ignored.
pub unsafe extern "C" fn shm_open_impl(name: *const c_char, oflag: c_int, _ap: VaListPtr) -> c_int {
    (|| {
        if name != SHM_ANON {
            return Err(errno::NOTCAPABLE);
        }
        if oflag & !(O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC) != 0 {
            return Err(errno::INVAL);
        }
        match oflag & O_ACCMODE {
            O_RDWR => anonymous(true),
            O_RDONLY => anonymous(false),
            _ => Err(errno::INVAL),
        }
    })()
    .or_errno(-1)
}

/// Compat `shm_unlink`: there are no named objects; `ENOTCAPABLE`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn shm_unlink(_name: *const c_char) -> c_int {
    Err(errno::NOTCAPABLE).or_errno(-1)
}

/// Compat `memfd_create`: a new anonymous shared memory object (the name
/// only labels it on Linux and is unused); `MFD_CLOEXEC` has no effect,
/// other flags (sealing, huge pages) are `EINVAL`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn memfd_create(_name: *const c_char, flags: c_uint) -> c_int {
    if flags & !MFD_CLOEXEC != 0 {
        return Err(errno::INVAL).or_errno(-1);
    }
    anonymous(true).or_errno(-1)
}

/// Compat `mlock`: locking memory in RAM is a privilege a program does not
/// have here; `EPERM`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mlock(_addr: *const c_void, _len: size_t) -> c_int {
    Err(errno::PERM).or_errno(-1)
}

/// Compat `munlock`: `EPERM`, as `mlock`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn munlock(_addr: *const c_void, _len: size_t) -> c_int {
    Err(errno::PERM).or_errno(-1)
}

/// Compat `mlockall`: `EPERM`, as `mlock`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mlockall(_flags: c_int) -> c_int {
    Err(errno::PERM).or_errno(-1)
}

/// Compat `munlockall`: `EPERM`, as `mlock`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn munlockall() -> c_int {
    Err(errno::PERM).or_errno(-1)
}
