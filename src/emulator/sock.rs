//! `sock_recv`, `sock_send`, `sock_shutdown`: messages on connected
//! sockets, with descriptors passed alongside the data (`SCM_RIGHTS`).
//!
//! A received descriptor enters the table typed by the kernel, with the
//! rights its type allows narrowed by the receiving socket's inheriting
//! rights: what a socket may bring in is bounded by the socket, as with
//! `file_open` beneath a directory.

use super::linux::{self, nr, result, syscall, Msghdr, CMSG_ALIGN, CMSG_HDR_LEN, SCM_MAX_FD};
use super::{emulate, fdtable};
use cloudabi::{errno, fd, recv_in, recv_out, riflags, rights, roflags, sdflags, send_in, send_out};

const FD_SIZE: usize = core::mem::size_of::<i32>();

/// `CMSG_LEN`: a control message carrying `n` descriptors, without padding.
const fn cmsg_len(n: usize) -> usize {
    CMSG_HDR_LEN + n * FD_SIZE
}

/// `CMSG_SPACE`: the same, padded to the alignment of the next header.
const fn cmsg_space(n: usize) -> usize {
    align(cmsg_len(n))
}

const fn align(len: usize) -> usize {
    (len + CMSG_ALIGN - 1) & !(CMSG_ALIGN - 1)
}

/// Room for the one `SCM_RIGHTS` message a call sends or receives: Linux
/// passes at most `SCM_MAX_FD` descriptors per message.
#[repr(C, align(8))]
struct Control([u8; cmsg_space(SCM_MAX_FD)]);

impl Control {
    fn new() -> Self {
        Control([0; cmsg_space(SCM_MAX_FD)])
    }
}

/// The caller's descriptor array as a slice; a null pointer is fine when
/// the length is zero.
///
/// # Safety
/// Unless `len` is zero, `ptr` points to `len` initialised descriptors.
unsafe fn fd_list<'a>(ptr: *const fd, len: usize) -> &'a [fd] {
    if len == 0 {
        return &[];
    }
    // SAFETY: the caller's contract above.
    unsafe { core::slice::from_raw_parts(ptr, len) }
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_sock_recv(s: fd, ri: *const recv_in, ro: *mut recv_out) -> errno {
    emulate(|| {
        let (l, sock) = fdtable::check_entry(s, rights::FD_READ)?;
        // SAFETY: the caller passes a readable recv_in.
        let ri = unsafe { ri.read() };
        let flags = riflags::from_bits(ri.ri_flags.bits()).ok_or(errno::INVAL)?;
        let mut lflags = linux::MSG_CMSG_CLOEXEC;
        if flags.contains(riflags::PEEK) {
            lflags |= linux::MSG_PEEK;
        }
        if flags.contains(riflags::WAITALL) {
            lflags |= linux::MSG_WAITALL;
        }
        // With exactly CMSG_LEN(room) bytes of control space, the kernel
        // hands over at most `room` descriptors and discards (closes) the
        // rest, reporting MSG_CTRUNC.
        let room = ri.ri_fds.1.min(SCM_MAX_FD);
        let mut control = Control::new();
        let mut msg = Msghdr {
            msg_name: core::ptr::null_mut(),
            msg_namelen: 0,
            msg_iov: ri.ri_data.0.cast(),
            msg_iovlen: ri.ri_data.1,
            msg_control: if room == 0 { core::ptr::null_mut() } else { control.0.as_mut_ptr() },
            msg_controllen: if room == 0 { 0 } else { cmsg_len(room) },
            msg_flags: 0,
        };
        // SAFETY: CloudABI's iovec has Linux's layout and the caller promises
        // the buffers are writable; `control` has msg_controllen bytes.
        let n = result(unsafe { syscall!(nr::RECVMSG, l, &mut msg as *mut Msghdr, lflags) })?;
        let slots = if room == 0 {
            &mut [][..]
        } else {
            // SAFETY: the caller passes ri_fds.1 >= room writable slots.
            unsafe { core::slice::from_raw_parts_mut(ri.ri_fds.0, room) }
        };
        let received = &control.0[..msg.msg_controllen.min(control.0.len())];
        let (nfds, all_kept) = take_fds(received, slots, sock.inheriting);
        let mut out_flags = roflags::empty();
        if msg.msg_flags & linux::MSG_TRUNC != 0 {
            out_flags |= roflags::DATA_TRUNCATED;
        }
        if msg.msg_flags & linux::MSG_CTRUNC != 0 || !all_kept {
            out_flags |= roflags::FDS_TRUNCATED;
        }
        let out = recv_out { ro_datalen: n, ro_fdslen: nfds, ro_unused: [0; 40], ro_flags: out_flags };
        // SAFETY: the caller passes a writable recv_out.
        unsafe { ro.write(out) };
        Ok(())
    })
}

/// Installs the descriptors found in the received control messages into
/// `slots`, with rights bounded by `inheriting`. Returns how many were
/// stored and whether every one was; descriptors that do not fit are closed.
fn take_fds(control: &[u8], slots: &mut [fd], inheriting: u64) -> (usize, bool) {
    let mut stored = 0;
    let mut all_kept = true;
    let mut rest = control;
    while rest.len() >= CMSG_HDR_LEN {
        let len = usize::from_ne_bytes(rest[..8].try_into().unwrap());
        if len < CMSG_HDR_LEN || len > rest.len() {
            break;
        }
        if int(&rest[8..12]) == linux::SOL_SOCKET && int(&rest[12..16]) == linux::SCM_RIGHTS {
            for raw in rest[CMSG_HDR_LEN..len].chunks_exact(FD_SIZE) {
                let lfd = int(raw);
                match slots.get_mut(stored) {
                    // The type comes from the kernel; install clips the rights to it.
                    Some(slot) => match super::fd::install_new(lfd, inheriting, inheriting) {
                        Ok(f) => {
                            *slot = f;
                            stored += 1;
                        }
                        // install_new has closed it.
                        Err(_) => all_kept = false,
                    },
                    None => {
                        linux::close(lfd);
                        all_kept = false;
                    }
                }
            }
        }
        rest = &rest[align(len).min(rest.len())..];
    }
    (stored, all_kept)
}

/// A native-endian C `int` from four bytes.
fn int(b: &[u8]) -> i32 {
    i32::from_ne_bytes(b.try_into().unwrap())
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_sock_send(s: fd, si: *const send_in, so: *mut send_out) -> errno {
    emulate(|| {
        let l = fdtable::check(s, rights::FD_WRITE)?;
        // SAFETY: the caller passes a readable send_in.
        let si = unsafe { si.read() };
        if si.si_flags.bits() != 0 {
            return Err(errno::INVAL);
        }
        // Linux refuses more than SCM_MAX_FD descriptors per message.
        if si.si_fds.1 > SCM_MAX_FD {
            return Err(errno::INVAL);
        }
        // SAFETY: the caller passes si_fds.1 readable descriptors.
        let fds = unsafe { fd_list(si.si_fds.0, si.si_fds.1) };
        let mut control = Control::new();
        let c = &mut control.0;
        c[..8].copy_from_slice(&cmsg_len(fds.len()).to_ne_bytes());
        c[8..12].copy_from_slice(&linux::SOL_SOCKET.to_ne_bytes());
        c[12..16].copy_from_slice(&linux::SCM_RIGHTS.to_ne_bytes());
        for (i, &f) in fds.iter().enumerate() {
            // Only descriptors the program holds may leave it.
            fdtable::get(f)?;
            let at = CMSG_HDR_LEN + i * FD_SIZE;
            c[at..at + FD_SIZE].copy_from_slice(&f.0.to_ne_bytes());
        }
        let msg = Msghdr {
            msg_name: core::ptr::null_mut(),
            msg_namelen: 0,
            msg_iov: si.si_data.0.cast(),
            msg_iovlen: si.si_data.1,
            msg_control: if fds.is_empty() { core::ptr::null_mut() } else { c.as_mut_ptr() },
            msg_controllen: if fds.is_empty() { 0 } else { cmsg_space(fds.len()) },
            msg_flags: 0,
        };
        // MSG_NOSIGNAL: a closed peer is reported as EPIPE; CloudABI has no
        // SIGPIPE to deliver.
        // SAFETY: the iovecs describe readable memory (caller's contract);
        // `control` holds msg_controllen initialised bytes.
        let n = result(unsafe { syscall!(nr::SENDMSG, l, &msg as *const Msghdr, linux::MSG_NOSIGNAL) })?;
        // SAFETY: the caller passes a writable send_out.
        unsafe { so.write(send_out { so_datalen: n }) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_sock_shutdown(s: fd, how: sdflags) -> errno {
    emulate(|| {
        let l = fdtable::check(s, rights::SOCK_SHUTDOWN)?;
        let how = sdflags::from_bits(how.bits()).ok_or(errno::INVAL)?;
        let lhow = match (how.contains(sdflags::RD), how.contains(sdflags::WR)) {
            (true, false) => linux::SHUT_RD,
            (false, true) => linux::SHUT_WR,
            (true, true) => linux::SHUT_RDWR,
            (false, false) => return Err(errno::INVAL),
        };
        // SAFETY: shutdown has no memory effects.
        result(unsafe { syscall!(nr::SHUTDOWN, l, lhow) }).map(drop)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::create::testutil::{
        cloexec, read as fd_read, reg, reg_full, stat, unknown_fd, write as fd_write, Reg,
    };
    use crate::emulator::rights as max;
    use cloudabi::{ciovec, filetype, iovec, siflags};
    use std::io::{Read, Write};
    use std::os::fd::OwnedFd;
    use std::os::unix::net::{UnixDatagram, UnixStream};

    fn stream_pair() -> (Reg, Reg) {
        let (a, b) = UnixStream::pair().unwrap();
        (reg_full(a, filetype::SOCKET_STREAM), reg_full(b, filetype::SOCKET_STREAM))
    }

    fn send(s: fd, data: &[&[u8]], fds: &[fd]) -> Result<usize, errno> {
        let iov: Vec<ciovec> = data.iter().map(|d| ciovec { buf: (d.as_ptr().cast(), d.len()) }).collect();
        let si = send_in {
            si_data: (iov.as_ptr(), iov.len()),
            si_fds: (fds.as_ptr(), fds.len()),
            si_flags: siflags::DEFAULT,
        };
        let mut so = send_out { so_datalen: usize::MAX };
        // SAFETY: `si` describes live buffers; `so` is writable.
        match unsafe { cloudabi_sys_sock_send(s, &si, &mut so) } {
            errno::SUCCESS => Ok(so.so_datalen),
            e => Err(e),
        }
    }

    struct Received {
        len: usize,
        fds: Vec<Reg>,
        flags: roflags,
    }

    fn recv_flags(s: fd, bufs: &mut [&mut [u8]], room: usize, flags: riflags) -> Result<Received, errno> {
        let iov: Vec<iovec> = bufs.iter_mut().map(|b| iovec { buf: (b.as_mut_ptr().cast(), b.len()) }).collect();
        let mut slots = vec![fd(u32::MAX); room];
        let ri = recv_in { ri_data: (iov.as_ptr(), iov.len()), ri_fds: (slots.as_mut_ptr(), room), ri_flags: flags };
        let mut ro =
            recv_out { ro_datalen: usize::MAX, ro_fdslen: usize::MAX, ro_unused: [1; 40], ro_flags: roflags::empty() };
        // SAFETY: `ri` describes live buffers; `ro` is writable.
        match unsafe { cloudabi_sys_sock_recv(s, &ri, &mut ro) } {
            errno::SUCCESS => {
                assert_eq!(ro.ro_unused, [0; 40]);
                assert!(ro.ro_fdslen <= room);
                let fds = slots[..ro.ro_fdslen].iter().map(|&f| Reg(f)).collect();
                Ok(Received { len: ro.ro_datalen, fds, flags: ro.ro_flags })
            }
            e => Err(e),
        }
    }

    fn recv(s: fd, buf: &mut [u8], room: usize) -> Result<Received, errno> {
        recv_flags(s, &mut [buf], room, riflags::empty())
    }

    fn shutdown(s: fd, how: sdflags) -> errno {
        // SAFETY: shutdown takes no pointers.
        unsafe { cloudabi_sys_sock_shutdown(s, how) }
    }

    /// A pipe as std descriptors (read end, write end).
    fn pipe() -> (OwnedFd, OwnedFd) {
        let (r, w) = std::io::pipe().unwrap();
        (r.into(), w.into())
    }

    #[test]
    fn send_and_recv_data() {
        let (a, b) = stream_pair();
        assert_eq!(send(a.0, &[b"hello"], &[]), Ok(5));
        let mut buf = [0u8; 16];
        let r = recv(b.0, &mut buf, 0).unwrap();
        assert_eq!(r.len, 5);
        assert_eq!(&buf[..5], b"hello");
        assert!(r.fds.is_empty());
        assert_eq!(r.flags, roflags::empty());
    }

    #[test]
    fn send_gathers_and_recv_scatters() {
        let (a, b) = stream_pair();
        assert_eq!(send(a.0, &[b"abc", b"", b"defgh"], &[]), Ok(8));
        let (mut x, mut y) = ([0u8; 3], [0u8; 5]);
        let r = recv_flags(b.0, &mut [&mut x, &mut y], 0, riflags::WAITALL).unwrap();
        assert_eq!(r.len, 8);
        assert_eq!(&x, b"abc");
        assert_eq!(&y, b"defgh");
    }

    #[test]
    fn peek_leaves_data_queued() {
        let (a, b) = stream_pair();
        send(a.0, &[b"peekaboo"], &[]).unwrap();
        let mut buf = [0u8; 4];
        let r = recv_flags(b.0, &mut [&mut buf], 0, riflags::PEEK).unwrap();
        assert_eq!((r.len, &buf), (4, b"peek"));
        let mut all = [0u8; 8];
        assert_eq!(recv(b.0, &mut all, 0).unwrap().len, 8);
        assert_eq!(&all, b"peekaboo");
    }

    #[test]
    fn waitall_waits_for_the_whole_buffer() {
        let (a, b) = UnixStream::pair().unwrap();
        let b = reg_full(b, filetype::SOCKET_STREAM);
        let writer = std::thread::spawn(move || {
            let mut a = a;
            a.write_all(b"first").unwrap();
            std::thread::sleep(std::time::Duration::from_millis(20));
            a.write_all(b"second").unwrap();
        });
        let mut buf = [0u8; 11];
        let r = recv_flags(b.0, &mut [&mut buf], 0, riflags::WAITALL).unwrap();
        writer.join().unwrap();
        assert_eq!(r.len, 11);
        assert_eq!(&buf, b"firstsecond");
    }

    #[test]
    fn short_buffer_on_datagram_sets_data_truncated() {
        let (a, b) = UnixDatagram::pair().unwrap();
        let (a, b) = (reg_full(a, filetype::SOCKET_DGRAM), reg_full(b, filetype::SOCKET_DGRAM));
        send(a.0, &[b"a long datagram"], &[]).unwrap();
        let mut buf = [0u8; 6];
        let r = recv(b.0, &mut buf, 0).unwrap();
        assert_eq!(r.len, 6);
        assert_eq!(&buf, b"a long");
        assert_eq!(r.flags, roflags::DATA_TRUNCATED);
    }

    #[test]
    fn unknown_recv_flags_are_invalid() {
        let (_a, b) = stream_pair();
        let mut buf = [0u8; 1];
        let bad = riflags::from_bits_truncate(0) | riflags::PEEK;
        // SAFETY: riflags is a plain u16 wrapper; any bits are a valid value.
        let bad: riflags = unsafe { core::mem::transmute(bad.bits() | 0x100) };
        assert_eq!(recv_flags(b.0, &mut [&mut buf], 0, bad).err(), Some(errno::INVAL));
    }

    #[test]
    fn unknown_send_flags_are_invalid() {
        let (a, _b) = stream_pair();
        let data = b"x";
        let iov = ciovec { buf: (data.as_ptr().cast(), 1) };
        // SAFETY: siflags is a plain u16 wrapper; any bits are a valid value.
        let flags: siflags = unsafe { core::mem::transmute(0x4000u16) };
        let si = send_in { si_data: (&iov, 1), si_fds: (core::ptr::null(), 0), si_flags: flags };
        let mut so = send_out { so_datalen: 0 };
        // SAFETY: pointers to locals.
        assert_eq!(unsafe { cloudabi_sys_sock_send(a.0, &si, &mut so) }, errno::INVAL);
    }

    #[test]
    fn pass_one_descriptor_and_use_it() {
        let (a, b) = stream_pair();
        let (r, w) = pipe();
        let w = reg_full(w, filetype::SOCKET_STREAM);
        assert_eq!(send(a.0, &[b"fd"], &[w.0]), Ok(2));
        drop(w);
        let mut buf = [0u8; 8];
        let got = recv(b.0, &mut buf, 4).unwrap();
        assert_eq!(got.len, 2);
        assert_eq!(got.fds.len(), 1);
        assert_eq!(got.flags, roflags::empty());
        let passed = got.fds[0].0;
        assert_eq!(stat(passed).fs_filetype, filetype::SOCKET_STREAM);
        assert!(cloexec(passed));
        assert_eq!(fd_write(passed, b"through the passed fd"), Ok(21));
        drop(got);
        let mut text = String::new();
        std::fs::File::from(r).read_to_string(&mut text).unwrap();
        assert_eq!(text, "through the passed fd");
    }

    #[test]
    fn pass_three_descriptors_in_order() {
        let (a, b) = stream_pair();
        let pipes: Vec<(OwnedFd, Reg)> = (0..3)
            .map(|_| {
                let (r, w) = pipe();
                (r, reg_full(w, filetype::SOCKET_STREAM))
            })
            .collect();
        let fds: Vec<fd> = pipes.iter().map(|p| p.1 .0).collect();
        assert_eq!(send(a.0, &[b"three"], &fds), Ok(5));
        let mut buf = [0u8; 8];
        let got = recv(b.0, &mut buf, 3).unwrap();
        assert_eq!(got.fds.len(), 3);
        assert_eq!(got.flags, roflags::empty());
        for (i, g) in got.fds.iter().enumerate() {
            assert_eq!(fd_write(g.0, &[b'0' + i as u8]), Ok(1));
        }
        drop(got);
        for (i, (r, w)) in pipes.into_iter().enumerate() {
            drop(w);
            let mut v = Vec::new();
            std::fs::File::from(r).read_to_end(&mut v).unwrap();
            assert_eq!(v, [b'0' + i as u8], "pipe {i}");
        }
    }

    #[test]
    fn passed_descriptor_rights_are_bounded_by_inheriting() {
        let (a, b) = UnixStream::pair().unwrap();
        let a = reg_full(a, filetype::SOCKET_STREAM);
        let inheriting = rights::FD_READ.bits() | rights::FILE_STAT_FGET.bits() | rights::FILE_OPEN.bits();
        let b = reg(b, filetype::SOCKET_STREAM, max::SOCKET, inheriting);
        let (r, w) = pipe();
        let r = reg_full(r, filetype::SOCKET_STREAM);
        send(a.0, &[b"r"], &[r.0]).unwrap();
        drop(r);
        let mut buf = [0u8; 1];
        let got = recv(b.0, &mut buf, 1).unwrap();
        let passed = got.fds[0].0;
        let st = stat(passed);
        // FILE_OPEN is inheritable but means nothing for a socket: clipped.
        assert_eq!(st.fs_rights_base.bits(), rights::FD_READ.bits() | rights::FILE_STAT_FGET.bits());
        assert_eq!(st.fs_rights_inheriting.bits(), inheriting);
        assert_eq!(fd_write(passed, b"no"), Err(errno::NOTCAPABLE));
        std::fs::File::from(w).write_all(b"yes").unwrap();
        let mut back = [0u8; 3];
        assert_eq!(fd_read(passed, &mut back), Ok(3));
        assert_eq!(&back, b"yes");
    }

    #[test]
    fn passed_regular_file_gets_file_rights() {
        let (a, b) = stream_pair();
        let file = std::fs::File::open("/proc/self/exe").unwrap();
        let file = reg_full(file, filetype::REGULAR_FILE);
        send(a.0, &[b"f"], &[file.0]).unwrap();
        let mut buf = [0u8; 1];
        let got = recv(b.0, &mut buf, 1).unwrap();
        let st = stat(got.fds[0].0);
        assert_eq!(st.fs_filetype, filetype::REGULAR_FILE);
        assert_eq!(st.fs_rights_base.bits(), max::REGULAR_FILE);
        assert_eq!(st.fs_rights_inheriting.bits(), 0);
    }

    /// Whether the read end of a pipe sees end-of-file, i.e. no write end
    /// is open anywhere any more (without blocking).
    fn at_eof(r: &OwnedFd) -> bool {
        let mut buf = [0u8; 1];
        let f = std::fs::File::from(r.try_clone().unwrap());
        let pfd =
            &mut [crate::emulator::linux::Pollfd { fd: std::os::fd::AsRawFd::as_raw_fd(&f), events: 1, revents: 0 }];
        // SAFETY: one pollfd, zero timeout.
        let n = unsafe { crate::emulator::linux::syscall!(crate::emulator::linux::nr::POLL, pfd.as_mut_ptr(), 1, 0) };
        n == 1 && (&f).read(&mut buf).unwrap() == 0
    }

    #[test]
    fn fds_beyond_room_are_truncated_and_closed() {
        let (a, b) = stream_pair();
        let (r, w) = pipe();
        let w = reg_full(w, filetype::SOCKET_STREAM);
        send(a.0, &[b"two"], &[w.0, w.0]).unwrap();
        drop(w);
        let mut buf = [0u8; 3];
        let got = recv(b.0, &mut buf, 1).unwrap();
        assert_eq!(got.len, 3);
        assert_eq!(got.fds.len(), 1);
        assert_eq!(got.flags, roflags::FDS_TRUNCATED);
        assert!(!at_eof(&r), "the received copy keeps the pipe open");
        drop(got);
        assert!(at_eof(&r), "the copy that did not fit must not leak");
    }

    #[test]
    fn no_room_for_fds_truncates_all_of_them() {
        let (a, b) = stream_pair();
        let (r, w) = pipe();
        let w = reg_full(w, filetype::SOCKET_STREAM);
        send(a.0, &[b"x"], &[w.0]).unwrap();
        drop(w);
        let mut buf = [0u8; 1];
        let got = recv(b.0, &mut buf, 0).unwrap();
        assert_eq!((got.len, got.fds.len()), (1, 0));
        assert_eq!(got.flags, roflags::FDS_TRUNCATED);
        assert!(at_eof(&r));
    }

    #[test]
    fn send_refuses_unknown_descriptor_and_sends_nothing() {
        let (a, b) = UnixStream::pair().unwrap();
        b.set_nonblocking(true).unwrap();
        let (a, b) = (reg_full(a, filetype::SOCKET_STREAM), reg_full(b, filetype::SOCKET_STREAM));
        let (_r, w) = pipe();
        let w = reg_full(w, filetype::SOCKET_STREAM);
        assert_eq!(send(a.0, &[b"data"], &[w.0, unknown_fd()]), Err(errno::BADF));
        let mut buf = [0u8; 4];
        assert_eq!(recv(b.0, &mut buf, 2).err(), Some(errno::AGAIN));
    }

    #[test]
    fn send_refuses_a_linux_fd_missing_from_the_table() {
        let (a, _b) = stream_pair();
        let (_r, w) = pipe();
        let raw = fd(std::os::fd::AsRawFd::as_raw_fd(&w) as u32);
        assert_eq!(send(a.0, &[b"x"], &[raw]), Err(errno::BADF));
    }

    #[test]
    fn send_refuses_too_many_descriptors() {
        let (a, _b) = stream_pair();
        let fds = vec![a.0; SCM_MAX_FD + 1];
        assert_eq!(send(a.0, &[b"x"], &fds), Err(errno::INVAL));
    }

    #[test]
    fn bad_socket_descriptor_is_badf() {
        let mut buf = [0u8; 1];
        assert_eq!(recv(unknown_fd(), &mut buf, 0).err(), Some(errno::BADF));
        assert_eq!(send(unknown_fd(), &[b"x"], &[]), Err(errno::BADF));
        assert_eq!(shutdown(unknown_fd(), sdflags::RD), errno::BADF);
    }

    #[test]
    fn missing_rights_are_notcapable() {
        let (a, b) = UnixStream::pair().unwrap();
        let only_shutdown = rights::SOCK_SHUTDOWN.bits();
        let a = reg(a, filetype::SOCKET_STREAM, only_shutdown, 0);
        let b = reg(b, filetype::SOCKET_STREAM, rights::FD_READ.bits() | rights::FD_WRITE.bits(), 0);
        let mut buf = [0u8; 1];
        assert_eq!(recv(a.0, &mut buf, 0).err(), Some(errno::NOTCAPABLE));
        assert_eq!(send(a.0, &[b"x"], &[]), Err(errno::NOTCAPABLE));
        assert_eq!(shutdown(b.0, sdflags::WR), errno::NOTCAPABLE);
        assert_eq!(shutdown(a.0, sdflags::WR), errno::SUCCESS);
    }

    #[test]
    fn regular_file_is_notsock() {
        let file = std::fs::File::open("/proc/self/exe").unwrap();
        let file = reg_full(file, filetype::REGULAR_FILE);
        let mut buf = [0u8; 1];
        assert_eq!(recv(file.0, &mut buf, 0).err(), Some(errno::NOTSOCK));
        let tmp = tempfile_rw();
        assert_eq!(send(tmp.0, &[b"x"], &[]), Err(errno::NOTSOCK));
    }

    fn tempfile_rw() -> Reg {
        let path = std::env::temp_dir().join(format!("emupoll-sock-{}", std::process::id()));
        let f = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(true).open(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        reg_full(f, filetype::REGULAR_FILE)
    }

    #[test]
    fn shutdown_on_a_pipe_is_notsock() {
        let (r, _w) = pipe();
        let r = reg_full(r, filetype::SOCKET_STREAM);
        assert_eq!(shutdown(r.0, sdflags::RD), errno::NOTSOCK);
    }

    #[test]
    fn shutdown_write_gives_peer_end_of_file() {
        let (a, b) = stream_pair();
        send(a.0, &[b"last"], &[]).unwrap();
        assert_eq!(shutdown(a.0, sdflags::WR), errno::SUCCESS);
        let mut buf = [0u8; 8];
        assert_eq!(recv(b.0, &mut buf, 0).unwrap().len, 4);
        assert_eq!(recv(b.0, &mut buf, 0).unwrap().len, 0);
        assert_eq!(send(a.0, &[b"more"], &[]), Err(errno::PIPE));
    }

    #[test]
    fn shutdown_read_makes_recv_return_zero() {
        let (_a, b) = stream_pair();
        assert_eq!(shutdown(b.0, sdflags::RD), errno::SUCCESS);
        let mut buf = [0u8; 8];
        assert_eq!(recv(b.0, &mut buf, 0).unwrap().len, 0);
    }

    #[test]
    fn shutdown_both_ways() {
        let (a, b) = stream_pair();
        assert_eq!(shutdown(a.0, sdflags::RD | sdflags::WR), errno::SUCCESS);
        let mut buf = [0u8; 8];
        assert_eq!(recv(a.0, &mut buf, 0).unwrap().len, 0);
        assert_eq!(recv(b.0, &mut buf, 0).unwrap().len, 0);
        assert_eq!(send(a.0, &[b"x"], &[]), Err(errno::PIPE));
    }

    #[test]
    fn shutdown_needs_a_direction() {
        let (a, _b) = stream_pair();
        assert_eq!(shutdown(a.0, sdflags::empty()), errno::INVAL);
        // SAFETY: sdflags is a plain u8 wrapper; any bits are a valid value.
        let odd: sdflags = unsafe { core::mem::transmute(0x05u8) };
        assert_eq!(shutdown(a.0, odd), errno::INVAL);
    }

    const SIGPIPE: usize = 13;
    const SIG_BLOCK: usize = 0;
    const SIG_SETMASK: usize = 2;
    const RT_SIGPENDING: usize = 127;

    #[test]
    fn send_to_closed_peer_is_epipe_without_sigpipe() {
        use crate::emulator::linux::{nr, syscall};
        let (a, b) = stream_pair();
        drop(b);
        // Block SIGPIPE in this thread so a signal would stay pending where
        // we can see it, instead of being ignored by the test harness.
        let block: u64 = 1 << (SIGPIPE - 1);
        let mut old: u64 = 0;
        // SAFETY: valid sigset pointers of the size given.
        unsafe { syscall!(nr::RT_SIGPROCMASK, SIG_BLOCK, &block as *const u64, &mut old as *mut u64, 8) };
        let r = send(a.0, &[b"into the void"], &[]);
        let mut pending: u64 = 0;
        // SAFETY: as above.
        unsafe {
            syscall!(RT_SIGPENDING, &mut pending as *mut u64, 8);
            syscall!(nr::RT_SIGPROCMASK, SIG_SETMASK, &old as *const u64, core::ptr::null_mut::<u64>(), 8);
        }
        assert_eq!(r, Err(errno::PIPE));
        assert_eq!(pending & block, 0, "SIGPIPE was raised");
    }
}
