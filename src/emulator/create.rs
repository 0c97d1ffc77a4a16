//! `fd_create1` and `fd_create2`: new anonymous objects (shared memory,
//! socket pairs). The descriptors get every right their type allows; the
//! program narrows them with `fd_stat_put` if it wants to hand them on.

use super::fd::full_rights;
use super::linux::{self, nr, result, syscall};
use super::{emulate, fdtable};
use cloudabi::{errno, fd, filetype};

/// Installs a descriptor just created with type `t` and full rights.
fn install_full(linux_fd: i32, t: filetype) -> Result<fd, errno> {
    let (base, inheriting) = full_rights(t);
    fdtable::install(linux_fd, t, base, inheriting)
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_create1(t: filetype, out: *mut fd) -> errno {
    emulate(|| {
        if t != filetype::SHARED_MEMORY {
            return Err(errno::INVAL);
        }
        // The name only shows up in /proc/self/maps and fd links.
        let name = b"cloudabi-shm\0";
        // SAFETY: `name` is NUL-terminated and outlives the call.
        let l = result(unsafe { syscall!(nr::MEMFD_CREATE, name.as_ptr(), linux::MFD_CLOEXEC) })? as i32;
        let new = install_full(l, t)?;
        // SAFETY: the caller passes a writable fd slot.
        unsafe { out.write(new) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_fd_create2(t: filetype, out1: *mut fd, out2: *mut fd) -> errno {
    emulate(|| {
        let kind = match t {
            filetype::SOCKET_STREAM => linux::SOCK_STREAM,
            filetype::SOCKET_DGRAM => linux::SOCK_DGRAM,
            _ => return Err(errno::INVAL),
        };
        let mut pair = [0i32; 2];
        // SAFETY: `pair` has room for the two descriptors socketpair writes.
        result(unsafe { syscall!(nr::SOCKETPAIR, linux::AF_UNIX, kind | linux::SOCK_CLOEXEC, 0, pair.as_mut_ptr()) })?;
        let first = match install_full(pair[0], t) {
            Ok(f) => f,
            Err(e) => {
                linux::close(pair[1]);
                return Err(e);
            }
        };
        let second = match install_full(pair[1], t) {
            Ok(f) => f,
            Err(e) => {
                // Just installed above, so the entry is there to remove.
                fdtable::remove(first).ok();
                linux::close(pair[0]);
                return Err(e);
            }
        };
        // SAFETY: the caller passes two writable fd slots.
        unsafe {
            out1.write(first);
            out2.write(second);
        }
        Ok(())
    })
}

/// Helpers shared by the emulator's socket and poll tests.
#[cfg(test)]
pub(crate) mod testutil {
    use crate::emulator::fd::{
        cloudabi_sys_fd_close, cloudabi_sys_fd_read, cloudabi_sys_fd_stat_get, cloudabi_sys_fd_write,
    };
    use crate::emulator::fdtable;
    use cloudabi::{ciovec, errno, fd, fdstat, filetype, iovec};
    use std::os::fd::{IntoRawFd, OwnedFd};

    /// A descriptor registered in the table, closed through `fd_close`
    /// (entry removed first) when dropped.
    pub struct Reg(pub fd);

    impl Drop for Reg {
        fn drop(&mut self) {
            // SAFETY: fd_close takes a descriptor number only.
            let e = unsafe { cloudabi_sys_fd_close(self.0) };
            // A test may already have closed it on purpose.
            assert!(e == errno::SUCCESS || e == errno::BADF);
        }
    }

    /// Registers an open std descriptor with the given rights.
    pub fn reg(o: impl Into<OwnedFd>, t: filetype, base: u64, inheriting: u64) -> Reg {
        let raw = o.into().into_raw_fd();
        Reg(fdtable::install(raw, t, base, inheriting).unwrap())
    }

    /// Registers an open std descriptor with every right its type allows.
    pub fn reg_full(o: impl Into<OwnedFd>, t: filetype) -> Reg {
        let (b, i) = crate::emulator::rights::max_for(t);
        reg(o, t, b, i)
    }

    /// A descriptor number the table certainly has no entry for.
    pub fn unknown_fd() -> fd {
        fd(fdtable::MAX_FDS as u32 + 7)
    }

    /// `fd_stat_get`, which must succeed.
    pub fn stat(f: fd) -> fdstat {
        let mut st = core::mem::MaybeUninit::<fdstat>::uninit();
        // SAFETY: `st` is a writable fdstat.
        assert_eq!(unsafe { cloudabi_sys_fd_stat_get(f, st.as_mut_ptr()) }, errno::SUCCESS);
        // SAFETY: fd_stat_get succeeded and filled it.
        unsafe { st.assume_init() }
    }

    /// `fd_write` of one buffer.
    pub fn write(f: fd, data: &[u8]) -> Result<usize, errno> {
        let iov = ciovec { buf: (data.as_ptr().cast(), data.len()) };
        let mut n = 0;
        // SAFETY: the iovec describes `data`.
        match unsafe { cloudabi_sys_fd_write(f, &iov, 1, &mut n) } {
            errno::SUCCESS => Ok(n),
            e => Err(e),
        }
    }

    /// `fd_read` into one buffer.
    pub fn read(f: fd, buf: &mut [u8]) -> Result<usize, errno> {
        let iov = iovec { buf: (buf.as_mut_ptr().cast(), buf.len()) };
        let mut n = 0;
        // SAFETY: the iovec describes `buf`.
        match unsafe { cloudabi_sys_fd_read(f, &iov, 1, &mut n) } {
            errno::SUCCESS => Ok(n),
            e => Err(e),
        }
    }

    /// A Linux `fcntl(fd, F_GETFD)`: is close-on-exec set?
    pub fn cloexec(f: fd) -> bool {
        const F_GETFD: usize = 1;
        const FD_CLOEXEC: isize = 1;
        // SAFETY: F_GETFD has no memory effects.
        let r = unsafe { crate::emulator::linux::syscall!(crate::emulator::linux::nr::FCNTL, f.0, F_GETFD) };
        assert!(r >= 0);
        r & FD_CLOEXEC != 0
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::{cloexec, read, stat, write, Reg};
    use super::*;
    use crate::emulator::fd::{cloudabi_sys_fd_pread, cloudabi_sys_fd_pwrite};
    use crate::emulator::rights;
    use cloudabi::{ciovec, iovec};

    fn create1(t: filetype) -> Result<Reg, errno> {
        let mut f = fd(u32::MAX);
        // SAFETY: `f` is a writable slot.
        match unsafe { cloudabi_sys_fd_create1(t, &mut f) } {
            errno::SUCCESS => Ok(Reg(f)),
            e => Err(e),
        }
    }

    fn create2(t: filetype) -> Result<(Reg, Reg), errno> {
        let (mut a, mut b) = (fd(u32::MAX), fd(u32::MAX));
        // SAFETY: `a` and `b` are writable slots.
        match unsafe { cloudabi_sys_fd_create2(t, &mut a, &mut b) } {
            errno::SUCCESS => Ok((Reg(a), Reg(b))),
            e => Err(e),
        }
    }

    #[test]
    fn create1_shared_memory_has_type_and_full_rights() {
        let m = create1(filetype::SHARED_MEMORY).unwrap();
        let st = stat(m.0);
        assert_eq!(st.fs_filetype, filetype::SHARED_MEMORY);
        assert_eq!(st.fs_rights_base.bits(), rights::SHARED_MEMORY);
        assert_eq!(st.fs_rights_inheriting.bits(), 0);
        assert!(cloexec(m.0));
    }

    #[test]
    fn create1_shared_memory_holds_data() {
        let m = create1(filetype::SHARED_MEMORY).unwrap();
        let data = b"shared bytes";
        let iov = ciovec { buf: (data.as_ptr().cast(), data.len()) };
        let mut n = 0;
        // SAFETY: the iovec describes `data`.
        assert_eq!(unsafe { cloudabi_sys_fd_pwrite(m.0, &iov, 1, 100, &mut n) }, errno::SUCCESS);
        assert_eq!(n, data.len());
        let mut back = [0u8; 12];
        let iov = iovec { buf: (back.as_mut_ptr().cast(), back.len()) };
        // SAFETY: the iovec describes `back`.
        assert_eq!(unsafe { cloudabi_sys_fd_pread(m.0, &iov, 1, 100, &mut n) }, errno::SUCCESS);
        assert_eq!(&back[..n], data);
    }

    #[test]
    fn create1_gives_distinct_objects() {
        let a = create1(filetype::SHARED_MEMORY).unwrap();
        let b = create1(filetype::SHARED_MEMORY).unwrap();
        assert_ne!(a.0, b.0);
        write(a.0, b"only in a").unwrap();
        let mut buf = [0u8; 4];
        let iov = iovec { buf: (buf.as_mut_ptr().cast(), buf.len()) };
        let mut n = 99;
        // SAFETY: the iovec describes `buf`.
        assert_eq!(unsafe { cloudabi_sys_fd_pread(b.0, &iov, 1, 0, &mut n) }, errno::SUCCESS);
        assert_eq!(n, 0);
    }

    #[test]
    fn create1_other_types_are_invalid() {
        for t in [
            filetype::REGULAR_FILE,
            filetype::DIRECTORY,
            filetype::SOCKET_STREAM,
            filetype::SOCKET_DGRAM,
            filetype::UNKNOWN,
        ] {
            assert_eq!(create1(t).err(), Some(errno::INVAL), "{t:?}");
        }
    }

    #[test]
    fn create2_stream_pair_has_type_and_full_rights() {
        let (a, b) = create2(filetype::SOCKET_STREAM).unwrap();
        for f in [a.0, b.0] {
            let st = stat(f);
            assert_eq!(st.fs_filetype, filetype::SOCKET_STREAM);
            assert_eq!(st.fs_rights_base.bits(), rights::SOCKET);
            assert_eq!(st.fs_rights_inheriting.bits(), rights::ALL);
            assert!(cloexec(f));
        }
        assert_eq!(fdtable::type_of_linux_fd(a.0 .0 as i32), Ok(filetype::SOCKET_STREAM));
    }

    #[test]
    fn create2_stream_pair_is_connected_both_ways() {
        let (a, b) = create2(filetype::SOCKET_STREAM).unwrap();
        let mut buf = [0u8; 16];
        write(a.0, b"ping").unwrap();
        assert_eq!(read(b.0, &mut buf), Ok(4));
        assert_eq!(&buf[..4], b"ping");
        write(b.0, b"pong!").unwrap();
        assert_eq!(read(a.0, &mut buf), Ok(5));
        assert_eq!(&buf[..5], b"pong!");
    }

    #[test]
    fn create2_dgram_pair_keeps_message_boundaries() {
        let (a, b) = create2(filetype::SOCKET_DGRAM).unwrap();
        assert_eq!(stat(a.0).fs_filetype, filetype::SOCKET_DGRAM);
        assert_eq!(fdtable::type_of_linux_fd(b.0 .0 as i32), Ok(filetype::SOCKET_DGRAM));
        write(a.0, b"one").unwrap();
        write(a.0, b"three").unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(read(b.0, &mut buf), Ok(3));
        assert_eq!(read(b.0, &mut buf), Ok(5));
        assert_eq!(&buf[..5], b"three");
    }

    #[test]
    fn create2_other_types_are_invalid() {
        for t in [filetype::SHARED_MEMORY, filetype::REGULAR_FILE, filetype::DIRECTORY, filetype::UNKNOWN] {
            assert_eq!(create2(t).err(), Some(errno::INVAL), "{t:?}");
        }
    }

    #[test]
    fn created_pair_carries_created_shared_memory() {
        use crate::emulator::sock::{cloudabi_sys_sock_recv, cloudabi_sys_sock_send};
        use cloudabi::{recv_in, recv_out, riflags, roflags, send_in, send_out, siflags};
        let (a, b) = create2(filetype::SOCKET_DGRAM).unwrap();
        let m = create1(filetype::SHARED_MEMORY).unwrap();
        write(m.0, b"visible to both").unwrap();
        let data = b"m";
        let iov = ciovec { buf: (data.as_ptr().cast(), 1) };
        let si = send_in { si_data: (&iov, 1), si_fds: (&m.0, 1), si_flags: siflags::DEFAULT };
        let mut so = send_out { so_datalen: 0 };
        // SAFETY: pointers to live locals.
        assert_eq!(unsafe { cloudabi_sys_sock_send(a.0, &si, &mut so) }, errno::SUCCESS);
        let mut buf = [0u8; 1];
        let iov = iovec { buf: (buf.as_mut_ptr().cast(), 1) };
        let mut got = fd(u32::MAX);
        let ri = recv_in { ri_data: (&iov, 1), ri_fds: (&mut got, 1), ri_flags: riflags::empty() };
        let mut ro = recv_out { ro_datalen: 0, ro_fdslen: 0, ro_unused: [0; 40], ro_flags: roflags::empty() };
        // SAFETY: pointers to live locals.
        assert_eq!(unsafe { cloudabi_sys_sock_recv(b.0, &ri, &mut ro) }, errno::SUCCESS);
        assert_eq!((ro.ro_datalen, ro.ro_fdslen), (1, 1));
        let got = Reg(got);
        assert_ne!(got.0, m.0);
        let mut back = [0u8; 15];
        let iov = iovec { buf: (back.as_mut_ptr().cast(), back.len()) };
        let mut n = 0;
        // SAFETY: the iovec describes `back`.
        assert_eq!(unsafe { cloudabi_sys_fd_pread(got.0, &iov, 1, 0, &mut n) }, errno::SUCCESS);
        assert_eq!(&back[..n], b"visible to both");
    }
}
