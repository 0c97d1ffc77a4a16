//! argdata_reader_*: receiving argdata messages from a stream descriptor.
//!
//! A message is a 12-byte header (the data length, 8 bytes big-endian, and
//! the descriptor count, 4 bytes big-endian) followed by the serialised
//! value. Descriptors travel with the first bytes of the message, so a
//! message that carries any must come through a socket, and the reader
//! receives with room for them until they have come. Reads may stop
//! part-way (`EAGAIN` on a non-blocking descriptor); the next pull resumes.

use super::{argdata_t, FdMap, Kind};
use crate::abi::{c_int, c_void, size_t};
use crate::errno::{Errno, ErrnoValue};
use crate::header::stdlib::malloc::{free, malloc};
use crate::sys;
use cloudabi::{errno, iovec, recv_in, riflags, roflags};

const HEADER: usize = 12;

/// cloudlibc `argdata_reader_t`: one message at a time, bounded in size.
pub struct argdata_reader_t {
    max_data: usize,
    max_fds: usize,
    data: *mut u8,
    fds: *mut c_int,
    header: [u8; HEADER],
    header_len: usize,
    data_len: usize,
    fds_len: usize,
    /// The last pull completed a message (or met a clean end of file).
    finished: bool,
    /// The last pull met the end of the stream between messages.
    eof: bool,
    /// The descriptor read from is no socket (it cannot carry descriptors).
    plain: bool,
    root: argdata_t,
}

impl argdata_reader_t {
    fn received_fds(&mut self) -> &mut [c_int] {
        // SAFETY: `fds` holds `max_fds` entries, the first `fds_len` written
        // by sock_recv; nothing else refers to them during the borrow.
        unsafe { core::slice::from_raw_parts_mut(self.fds, self.fds_len) }
    }

    /// Closes the descriptors of the last message that were not released.
    fn close_fds(&mut self) {
        for f in self.received_fds() {
            if let Ok(f) = sys::to_fd(*f) {
                let _ = sys::fd_close(f);
            }
        }
        self.fds_len = 0;
    }

    fn pull(&mut self, from: sys::fd) -> Result<(), Errno> {
        if self.finished {
            self.close_fds();
            self.header_len = 0;
            self.data_len = 0;
            self.finished = false;
            self.eof = false;
            self.plain = false;
        }
        while self.header_len < HEADER {
            // A copy, as `receive` borrows the whole reader.
            let mut header = self.header;
            let n = self.receive(from, &mut header[self.header_len..])?;
            self.header = header;
            match n {
                0 if self.header_len == 0 => {
                    self.finished = true;
                    self.eof = true;
                    return Ok(());
                }
                0 => return Err(errno::BADMSG),
                n => self.header_len += n,
            }
        }
        let (len, nfds) = self.header.split_at(8);
        let len = u64::from_be_bytes(len.try_into().map_err(|_| errno::BADMSG)?);
        let nfds = u32::from_be_bytes(nfds.try_into().map_err(|_| errno::BADMSG)?);
        let (len, nfds) = match (usize::try_from(len), usize::try_from(nfds)) {
            (Ok(l), Ok(n)) if l <= self.max_data && n <= self.max_fds => (l, n),
            _ => return Err(errno::MSGSIZE),
        };
        while self.data_len < len {
            // SAFETY: `data` holds `max_data` >= `len` bytes, only touched here.
            let rest = unsafe { core::slice::from_raw_parts_mut(self.data.add(self.data_len), len - self.data_len) };
            match self.receive(from, rest)? {
                0 => return Err(errno::BADMSG),
                n => self.data_len += n,
            }
        }
        if nfds != self.fds_len {
            return Err(errno::BADMSG);
        }
        let fds = FdMap::new(Some(lookup_fd), (self as *mut Self).cast());
        self.root = argdata_t { kind: Kind::Buffer { ptr: self.data, len: self.data_len, fds } };
        self.finished = true;
        Ok(())
    }

    /// Reads the next bytes of a message. Until its descriptors have come
    /// (they travel with its first bytes, and a plain read would discard
    /// them) this receives with room for them, unless `from` is no socket.
    fn receive(&mut self, from: sys::fd, buf: &mut [u8]) -> Result<usize, Errno> {
        if self.plain || self.fds_len != 0 || self.max_fds == 0 {
            return sys::fd_read(from, buf);
        }
        let iov = iovec { buf: (buf.as_mut_ptr().cast(), buf.len()) };
        let ri = recv_in {
            ri_data: (&iov, 1),
            // `fd` is a u32 newtype, laid out as the C ints stored here.
            ri_fds: (self.fds.cast::<sys::fd>(), self.max_fds),
            ri_flags: riflags::empty(),
        };
        // SAFETY: `ri` names `buf` and the `max_fds` slots of `fds`.
        match unsafe { sys::sock_recv(from, &ri) } {
            Ok(ro) => {
                self.fds_len = ro.ro_fdslen;
                if ro.ro_flags.contains(roflags::FDS_TRUNCATED) {
                    return Err(errno::BADMSG);
                }
                Ok(ro.ro_datalen)
            }
            Err(errno::NOTSOCK) => {
                self.plain = true;
                sys::fd_read(from, buf)
            }
            Err(e) => Err(e),
        }
    }
}

/// Descriptor numbers in a received message index the descriptors that
/// came with it; released ones (and numbers past the end) are gone.
unsafe extern "C" fn lookup_fd(arg: *mut c_void, n: size_t) -> c_int {
    // SAFETY: `arg` is the reader that made the value, alive while it is.
    let ar = unsafe { &mut *arg.cast::<argdata_reader_t>() };
    ar.received_fds().get(n).copied().unwrap_or(-1)
}

/// cloudlibc `argdata_reader_create`: a reader for messages of at most
/// `max_data_len` bytes and `max_fds_len` descriptors.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn argdata_reader_create(max_data_len: size_t, max_fds_len: size_t) -> *mut argdata_reader_t {
    let Some(fds_bytes) = max_fds_len.checked_mul(core::mem::size_of::<c_int>()) else {
        crate::errno::set_errno(errno::NOMEM);
        return core::ptr::null_mut();
    };
    let ar = malloc(core::mem::size_of::<argdata_reader_t>()).cast::<argdata_reader_t>();
    let data = malloc(max_data_len.max(1)).cast::<u8>();
    let fds = malloc(fds_bytes.max(1)).cast::<c_int>();
    if ar.is_null() || data.is_null() || fds.is_null() {
        // SAFETY: each is null or a block just allocated.
        unsafe {
            free(ar.cast());
            free(data.cast());
            free(fds.cast());
        }
        return core::ptr::null_mut();
    }
    let reader = argdata_reader_t {
        max_data: max_data_len,
        max_fds: max_fds_len,
        data,
        fds,
        header: [0; HEADER],
        header_len: 0,
        data_len: 0,
        fds_len: 0,
        finished: false,
        eof: false,
        plain: false,
        root: argdata_t::EMPTY,
    };
    // SAFETY: `ar` is a fresh block of the reader's size and alignment.
    unsafe { ar.write(reader) };
    ar
}

/// cloudlibc `argdata_reader_free`: closes the descriptors of the last
/// message not released, and frees the reader.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_reader_free(ar: *mut argdata_reader_t) {
    if ar.is_null() {
        return;
    }
    // SAFETY: C contract: `ar` came from argdata_reader_create.
    unsafe {
        (*ar).close_fds();
        free((*ar).data.cast());
        free((*ar).fds.cast());
        free(ar.cast());
    }
}

/// cloudlibc `argdata_reader_get`: the message the last successful pull
/// completed, or null if it met the end of the stream.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_reader_get(ar: *const argdata_reader_t) -> *const argdata_t {
    // SAFETY: C contract: `ar` came from argdata_reader_create.
    let ar = unsafe { &*ar };
    if ar.eof || !ar.finished {
        core::ptr::null()
    } else {
        &ar.root
    }
}

/// cloudlibc `argdata_reader_release_fd`: the caller takes over a received
/// descriptor: it is no longer closed by the reader, and no longer
/// reachable through the message (`argdata_get_fd` gives `EBADF`).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_reader_release_fd(ar: *mut argdata_reader_t, fd: c_int) {
    // SAFETY: C contract: `ar` came from argdata_reader_create.
    let ar = unsafe { &mut *ar };
    for f in ar.received_fds().iter_mut().filter(|f| **f == fd) {
        *f = -1;
    }
}

/// cloudlibc `argdata_reader_pull`: reads (the rest of) the next message
/// from `fd`. Returns 0 once it is complete or at a clean end of file,
/// otherwise an error number (`EAGAIN`: call again; `EMSGSIZE`: over the
/// reader's limits; `EBADMSG`: truncated or inconsistent).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_reader_pull(ar: *mut argdata_reader_t, fd: c_int) -> c_int {
    // SAFETY: C contract: `ar` came from argdata_reader_create.
    let ar = unsafe { &mut *ar };
    sys::to_fd(fd).and_then(|f| ar.pull(f)).errno_value()
}
