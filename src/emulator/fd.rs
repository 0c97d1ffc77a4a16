//! `fd_*`: operations on an open descriptor.

use super::fdtable::{self, Entry};
use super::linux::{self, nr, result, syscall};
use super::{emulate, rights};
use cloudabi::{ciovec, errno, fd, fdflags, fdsflags, fdstat, filedelta, filesize, filetype, iovec, whence};

const IOV_MAX: usize = 1024;

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_close(f: fd) -> errno {
    emulate(|| {
        let pid = fdtable::pid(f);
        let e = fdtable::remove(f)?;
        if e.filetype == filetype::PROCESS {
            super::proc::release(f.0 as i32, pid);
        } else {
            linux::close(f.0 as i32);
        }
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_dup(from: fd, out: *mut fd) -> errno {
    emulate(|| {
        let e = fdtable::get(from)?;
        // SAFETY: dup has no memory effects.
        let new = result(unsafe { syscall!(nr::DUP, from.0) })? as i32;
        let new = fdtable::copy(from, e, new)?;
        // SAFETY: the caller passes a writable fd slot.
        unsafe { out.write(new) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_replace(from: fd, to: fd) -> errno {
    emulate(|| {
        let e = fdtable::get(from)?;
        let old = fdtable::get(to)?;
        if from == to {
            return Ok(());
        }
        // A process descriptor replaced is closed as `fd_close` closes it,
        // so it is kept open past the dup3 for that.
        let process = if old.filetype == filetype::PROCESS {
            // SAFETY: F_DUPFD_CLOEXEC has no memory effects.
            Some((result(unsafe { syscall!(nr::FCNTL, to.0, linux::F_DUPFD_CLOEXEC, 0) })? as i32, fdtable::pid(to)))
        } else {
            None
        };
        // SAFETY: dup3 has no memory effects.
        let placed = result(unsafe { syscall!(nr::DUP3, from.0, to.0, 0) });
        let copied = placed.and_then(|_| fdtable::copy(from, e, to.0 as i32));
        if let Some((kept, pid)) = process {
            match copied {
                Ok(_) => super::proc::release(kept, pid),
                Err(_) => linux::close(kept),
            }
        }
        copied.map(drop)
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_datasync(f: fd) -> errno {
    emulate(|| {
        let l = fdtable::check(f, cloudabi::rights::FD_DATASYNC)?;
        // SAFETY: no memory effects.
        result(unsafe { syscall!(nr::FDATASYNC, l) }).map(drop)
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_sync(f: fd) -> errno {
    emulate(|| {
        let l = fdtable::check(f, cloudabi::rights::FD_SYNC)?;
        // SAFETY: no memory effects.
        result(unsafe { syscall!(nr::FSYNC, l) }).map(drop)
    })
}

fn iov_count(n: usize) -> Result<usize, errno> {
    if n > IOV_MAX {
        Err(errno::INVAL)
    } else {
        Ok(n)
    }
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_read(f: fd, iov: *const iovec, n: usize, nread: *mut usize) -> errno {
    emulate(|| {
        let l = fdtable::check(f, cloudabi::rights::FD_READ)?;
        // SAFETY: CloudABI's iovec has Linux's layout (pointer, length); the
        // caller promises the buffers are writable. A single buffer goes
        // through read(2), which the kernel handles faster than readv(2).
        let r = result(unsafe {
            if n == 1 {
                syscall!(nr::READ, l, (*iov).buf.0, (*iov).buf.1)
            } else {
                syscall!(nr::READV, l, iov, iov_count(n)?)
            }
        })?;
        // SAFETY: the caller passes a writable count.
        unsafe { nread.write(r) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_pread(
    f: fd,
    iov: *const iovec,
    n: usize,
    offset: filesize,
    nread: *mut usize,
) -> errno {
    emulate(|| {
        let l = fdtable::check(f, cloudabi::rights::FD_READ | cloudabi::rights::FD_SEEK)?;
        let off = i64::try_from(offset).map_err(|_| errno::INVAL)?;
        // SAFETY: as in fd_read.
        let r = result(unsafe { syscall!(nr::PREADV, l, iov, iov_count(n)?, off, 0) })?;
        // SAFETY: the caller passes a writable count.
        unsafe { nread.write(r) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_write(f: fd, iov: *const ciovec, n: usize, nwritten: *mut usize) -> errno {
    emulate(|| {
        let l = fdtable::check(f, cloudabi::rights::FD_WRITE)?;
        // SAFETY: the iovecs describe readable memory (caller's contract); one
        // buffer goes through write(2), as in fd_read.
        let r = result(unsafe {
            if n == 1 {
                syscall!(nr::WRITE, l, (*iov).buf.0, (*iov).buf.1)
            } else {
                syscall!(nr::WRITEV, l, iov, iov_count(n)?)
            }
        })?;
        // SAFETY: the caller passes a writable count.
        unsafe { nwritten.write(r) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_pwrite(
    f: fd,
    iov: *const ciovec,
    n: usize,
    offset: filesize,
    nwritten: *mut usize,
) -> errno {
    emulate(|| {
        let l = fdtable::check(f, cloudabi::rights::FD_WRITE | cloudabi::rights::FD_SEEK)?;
        let off = i64::try_from(offset).map_err(|_| errno::INVAL)?;
        // SAFETY: as in fd_write.
        let r = result(unsafe { syscall!(nr::PWRITEV, l, iov, iov_count(n)?, off, 0) })?;
        // SAFETY: the caller passes a writable count.
        unsafe { nwritten.write(r) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_seek(f: fd, offset: filedelta, w: whence, newoffset: *mut filesize) -> errno {
    emulate(|| {
        // Asking for the position only (offset 0 from CUR) needs FD_TELL;
        // moving it needs FD_SEEK.
        let tell_only = offset == 0 && w == whence::CUR;
        let need = if tell_only { cloudabi::rights::FD_TELL } else { cloudabi::rights::FD_SEEK };
        let l = fdtable::check(f, need)?;
        let lw = match w {
            whence::SET => 0,
            whence::CUR => 1,
            whence::END => 2,
            _ => return Err(errno::INVAL),
        };
        // SAFETY: no memory effects.
        let r = result(unsafe { syscall!(nr::LSEEK, l, offset, lw) })?;
        // SAFETY: the caller passes a writable offset.
        unsafe { newoffset.write(r as filesize) };
        Ok(())
    })
}

fn linux_flags_to_fdflags(fl: u64) -> fdflags {
    let mut out = 0u16;
    if fl & linux::O_APPEND != 0 {
        out |= fdflags::APPEND.bits();
    }
    if fl & linux::O_NONBLOCK != 0 {
        out |= fdflags::NONBLOCK.bits();
    }
    if fl & linux::O_SYNC == linux::O_SYNC {
        out |= fdflags::SYNC.bits() | fdflags::RSYNC.bits();
    } else if fl & linux::O_DSYNC != 0 {
        out |= fdflags::DSYNC.bits();
    }
    fdflags::from_bits_truncate(out)
}

/// Linux open/fcntl status flags for CloudABI fdflags.
pub fn fdflags_to_linux(fl: fdflags) -> u64 {
    let mut out = 0;
    if fl.contains(fdflags::APPEND) {
        out |= linux::O_APPEND;
    }
    if fl.contains(fdflags::NONBLOCK) {
        out |= linux::O_NONBLOCK;
    }
    if fl.intersects(fdflags::SYNC | fdflags::RSYNC) {
        out |= linux::O_SYNC;
    } else if fl.contains(fdflags::DSYNC) {
        out |= linux::O_DSYNC;
    }
    out
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_stat_get(f: fd, out: *mut fdstat) -> errno {
    emulate(|| {
        let e: Entry = fdtable::get(f)?;
        // SAFETY: no memory effects.
        let fl = result(unsafe { syscall!(nr::FCNTL, f.0, linux::F_GETFL) })? as u64;
        let st = fdstat {
            fs_filetype: e.filetype,
            fs_flags: linux_flags_to_fdflags(fl),
            fs_rights_base: cloudabi::rights::from_bits_truncate(e.base),
            fs_rights_inheriting: cloudabi::rights::from_bits_truncate(e.inheriting),
        };
        // SAFETY: the caller passes a writable fdstat.
        unsafe { out.write(st) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_stat_put(f: fd, st: *const fdstat, flags: fdsflags) -> errno {
    emulate(|| {
        // SAFETY: the caller passes a readable fdstat.
        let st = unsafe { st.read() };
        if flags.contains(fdsflags::FLAGS) {
            let l = fdtable::check(f, cloudabi::rights::FD_STAT_PUT_FLAGS)?;
            // Only append and non-blocking can change after open, as on Linux.
            let changeable = linux::O_APPEND | linux::O_NONBLOCK;
            // SAFETY: no memory effects.
            let cur = result(unsafe { syscall!(nr::FCNTL, l, linux::F_GETFL) })? as u64;
            let new = (cur & !changeable) | (fdflags_to_linux(st.fs_flags) & changeable);
            // SAFETY: no memory effects.
            result(unsafe { syscall!(nr::FCNTL, l, linux::F_SETFL, new) })?;
        }
        if flags.contains(fdsflags::RIGHTS) {
            fdtable::restrict(f, st.fs_rights_base.bits(), st.fs_rights_inheriting.bits())?;
        }
        Ok(())
    })
}

/// Installs a descriptor the emulator just created, typed by the kernel.
pub fn install_new(linux_fd: i32, base: u64, inheriting: u64) -> Result<fd, errno> {
    let t = match fdtable::type_of_linux_fd(linux_fd) {
        Ok(t) => t,
        Err(e) => {
            linux::close(linux_fd);
            return Err(e);
        }
    };
    fdtable::install(linux_fd, t, base, inheriting)
}

/// Full rights for a descriptor of type `t` (start-up, `fd_create*`).
pub fn full_rights(t: filetype) -> (u64, u64) {
    rights::max_for(t)
}
