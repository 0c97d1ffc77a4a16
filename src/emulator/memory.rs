//! `mem_*`: mappings, on mmap and friends.

use super::emulate;
use super::fdtable;
use super::linux::{nr, result, syscall};
use cloudabi::{advice, errno, fd, filesize, mflags, mprot, msflags, rights};

use super::linux::{MAP_ANONYMOUS, MAP_PRIVATE, PROT_READ, PROT_WRITE};

const PROT_EXEC: usize = 4;
const MAP_SHARED: usize = 1;
const MAP_FIXED: usize = 0x10;

fn linux_prot(p: mprot) -> Result<usize, errno> {
    // W^X: CloudABI refuses mappings both writable and executable.
    if p.contains(mprot::WRITE) && p.contains(mprot::EXEC) {
        return Err(errno::NOTSUP);
    }
    let mut out = 0;
    if p.contains(mprot::READ) {
        out |= PROT_READ;
    }
    if p.contains(mprot::WRITE) {
        out |= PROT_WRITE;
    }
    if p.contains(mprot::EXEC) {
        out |= PROT_EXEC;
    }
    Ok(out)
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_mem_map(
    addr: *mut (),
    len: usize,
    prot: mprot,
    flags: mflags,
    f: fd,
    off: filesize,
    out: *mut *mut (),
) -> errno {
    emulate(|| {
        let lprot = linux_prot(prot)?;
        let mut lflags = match (flags.contains(mflags::SHARED), flags.contains(mflags::PRIVATE)) {
            (true, false) => MAP_SHARED,
            (false, true) => MAP_PRIVATE,
            _ => return Err(errno::INVAL),
        };
        if flags.contains(mflags::FIXED) {
            lflags |= MAP_FIXED;
        }
        let lfd: isize = if flags.contains(mflags::ANON) {
            if f != cloudabi::MAP_ANON_FD || off != 0 {
                return Err(errno::INVAL);
            }
            lflags |= MAP_ANONYMOUS;
            -1
        } else {
            let mut need = rights::MEM_MAP;
            if prot.contains(mprot::EXEC) {
                need |= rights::MEM_MAP_EXEC;
            }
            fdtable::check(f, need)? as isize
        };
        // SAFETY: mmap validates the range; a FIXED mapping over live memory
        // is the caller's request, as with the real call.
        let p = result(unsafe { syscall!(nr::MMAP, addr, len, lprot, lflags, lfd, off) })?;
        // SAFETY: the caller passes a writable pointer slot.
        unsafe { out.write(p as *mut ()) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_mem_unmap(addr: *mut (), len: usize) -> errno {
    // SAFETY: the caller gives up the range.
    emulate(|| result(unsafe { syscall!(nr::MUNMAP, addr, len) }).map(drop))
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_mem_protect(addr: *mut (), len: usize, prot: mprot) -> errno {
    // SAFETY: the caller vouches for the range.
    emulate(|| result(unsafe { syscall!(nr::MPROTECT, addr, len, linux_prot(prot)?) }).map(drop))
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_mem_advise(addr: *mut (), len: usize, a: advice) -> errno {
    emulate(|| {
        let la = match a {
            advice::NORMAL => 0,
            advice::RANDOM => 1,
            advice::SEQUENTIAL => 2,
            advice::WILLNEED => 3,
            advice::DONTNEED => 4,
            advice::NOREUSE => 0,
            _ => return Err(errno::INVAL),
        };
        // SAFETY: these advice values never discard memory contents except
        // DONTNEED on anonymous memory, which is the requested semantics.
        result(unsafe { syscall!(nr::MADVISE, addr, len, la) }).map(drop)
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_mem_sync(addr: *mut (), len: usize, flags: msflags) -> errno {
    emulate(|| {
        const MS_ASYNC: usize = 1;
        const MS_INVALIDATE: usize = 2;
        const MS_SYNC: usize = 4;
        let mut lf = 0;
        if flags.contains(msflags::ASYNC) {
            lf |= MS_ASYNC;
        }
        if flags.contains(msflags::SYNC) {
            lf |= MS_SYNC;
        }
        if flags.contains(msflags::INVALIDATE) {
            lf |= MS_INVALIDATE;
        }
        // SAFETY: msync does not change memory contents.
        result(unsafe { syscall!(nr::MSYNC, addr, len, lf) }).map(drop)
    })
}

/// A zeroed array in a private anonymous mapping, for the few emulated
/// calls that need more room than a stack should give (the emulator has
/// no allocator); unmapped when dropped.
pub struct Scratch<T> {
    ptr: *mut T,
    len: usize,
}

impl<T> Scratch<T> {
    /// Maps room for `len` values.
    ///
    /// # Safety
    /// All-zero bytes must be a valid `T`.
    pub unsafe fn new(len: usize) -> Result<Self, errno> {
        let bytes = len.checked_mul(core::mem::size_of::<T>()).ok_or(errno::NOMEM)?;
        // SAFETY: a fresh anonymous mapping touches no existing memory.
        let p = result(unsafe {
            syscall!(nr::MMAP, 0, bytes.max(1), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1isize, 0)
        })?;
        Ok(Scratch { ptr: p as *mut T, len })
    }

    pub fn slice(&mut self) -> &mut [T] {
        // SAFETY: the mapping holds `len` zero-initialised values (valid, by
        // the contract of `new`), page-aligned, and lives as long as `self`.
        unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl<T> Drop for Scratch<T> {
    fn drop(&mut self) {
        let bytes = (self.len * core::mem::size_of::<T>()).max(1);
        // SAFETY: unmaps exactly the mapping made in `new`.
        unsafe { syscall!(nr::MUNMAP, self.ptr, bytes) };
    }
}
