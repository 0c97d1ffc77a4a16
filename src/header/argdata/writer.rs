//! argdata_writer_*: sending argdata messages over a stream descriptor, in
//! the framing `reader.rs` describes. A message with descriptors is sent
//! with `sock_send` (so it needs a socket, else `ENOTSOCK`); one without is
//! plainly written, so files and pipes work too.

use super::{argdata_serialize, argdata_serialized_length, argdata_t};
use crate::abi::{c_int, size_t};
use crate::errno::{Errno, ErrnoValue};
use crate::header::stdlib::malloc::{free, malloc};
use crate::sys;
use cloudabi::{ciovec, errno, send_in, siflags};

const HEADER: usize = 12;

/// cloudlibc `argdata_writer_t`: the message being sent.
pub struct argdata_writer_t {
    /// Set by argdata_writer_set, serialised at the next push.
    next: *const argdata_t,
    /// Header and data of the current message, and how much is sent.
    buf: *mut u8,
    cap: usize,
    size: usize,
    sent: usize,
    /// Descriptors still to go with the first chunk sent.
    fds: *mut c_int,
    fds_cap: usize,
    nfds: usize,
}

/// Makes `*p` a block of at least `want` bytes (contents not kept).
fn reserve<T>(p: &mut *mut T, cap: &mut usize, want: usize) -> Result<(), Errno> {
    if *cap >= want {
        return Ok(());
    }
    let bytes = want.checked_mul(core::mem::size_of::<T>()).ok_or(errno::NOMEM)?;
    let fresh = malloc(bytes).cast::<T>();
    if fresh.is_null() {
        return Err(errno::NOMEM);
    }
    // SAFETY: `*p` is null or an earlier block from malloc.
    unsafe { free((*p).cast()) };
    *p = fresh;
    *cap = want;
    Ok(())
}

impl argdata_writer_t {
    /// Serialises the value set last into a framed message.
    ///
    /// # Safety
    /// `next` must be a live value.
    unsafe fn prepare(&mut self) -> Result<(), Errno> {
        let (mut len, mut nfds): (size_t, size_t) = (0, 0);
        // SAFETY: forwarded contract; both outputs are locals.
        unsafe { argdata_serialized_length(self.next, &mut len, &mut nfds) };
        let size = len.checked_add(HEADER).ok_or(errno::NOMEM)?;
        reserve(&mut self.buf, &mut self.cap, size)?;
        reserve(&mut self.fds, &mut self.fds_cap, nfds.max(1))?;
        // SAFETY: `buf` has room for the header and `len` bytes, `fds` for
        // every descriptor the value holds.
        let n = unsafe { argdata_serialize(self.next, self.buf.add(HEADER).cast(), self.fds) };
        let mut header = [0u8; HEADER];
        header[..8].copy_from_slice(&(len as u64).to_be_bytes());
        header[8..].copy_from_slice(&u32::try_from(n).map_err(|_| errno::MSGSIZE)?.to_be_bytes());
        // SAFETY: `buf` holds at least HEADER bytes.
        unsafe { core::ptr::copy_nonoverlapping(header.as_ptr(), self.buf, HEADER) };
        self.size = size;
        self.sent = 0;
        self.nfds = n;
        self.next = core::ptr::null();
        Ok(())
    }

    fn push(&mut self, to: sys::fd) -> Result<(), Errno> {
        if !self.next.is_null() {
            // SAFETY: C contract of argdata_writer_set: the value stays alive
            // until the push that sends it.
            unsafe { self.prepare() }?;
        }
        while self.sent < self.size {
            // SAFETY: `buf` holds `size` bytes of the current message.
            let rest = unsafe { core::slice::from_raw_parts(self.buf.add(self.sent), self.size - self.sent) };
            let n = if self.nfds > 0 {
                let iov = ciovec { buf: (rest.as_ptr().cast(), rest.len()) };
                // `fd` is a u32 newtype, laid out as the C ints stored here
                // (a -1 from an untranslatable descriptor is refused).
                let si = send_in { si_data: (&iov, 1), si_fds: (self.fds.cast::<sys::fd>(), self.nfds), si_flags: siflags::DEFAULT };
                // SAFETY: `si` names `rest` and `nfds` stored descriptors.
                let n = unsafe { sys::sock_send(to, &si) }?;
                self.nfds = 0;
                n
            } else {
                sys::fd_write(to, rest)?
            };
            self.sent += n;
        }
        Ok(())
    }
}

/// cloudlibc `argdata_writer_create`: a writer with no message set.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn argdata_writer_create() -> *mut argdata_writer_t {
    let aw = malloc(core::mem::size_of::<argdata_writer_t>()).cast::<argdata_writer_t>();
    if !aw.is_null() {
        let empty = argdata_writer_t {
            next: core::ptr::null(),
            buf: core::ptr::null_mut(),
            cap: 0,
            size: 0,
            sent: 0,
            fds: core::ptr::null_mut(),
            fds_cap: 0,
            nfds: 0,
        };
        // SAFETY: `aw` is a fresh block of the writer's size and alignment.
        unsafe { aw.write(empty) };
    }
    aw
}

/// cloudlibc `argdata_writer_free`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_writer_free(aw: *mut argdata_writer_t) {
    if aw.is_null() {
        return;
    }
    // SAFETY: C contract: `aw` came from argdata_writer_create.
    unsafe {
        free((*aw).buf.cast());
        free((*aw).fds.cast());
        free(aw.cast());
    }
}

/// cloudlibc `argdata_writer_set`: the value the next push sends (it must
/// stay alive until then; allowed when no message is part-way sent).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_writer_set(aw: *mut argdata_writer_t, ad: *const argdata_t) {
    // SAFETY: C contract: `aw` came from argdata_writer_create.
    unsafe { (*aw).next = ad };
}

/// cloudlibc `argdata_writer_push`: sends (the rest of) the current message
/// to `fd`. Returns 0 once all is sent (or nothing was set), otherwise an
/// error number (`EAGAIN`: call again; `ENOTSOCK`: descriptors need a socket).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_writer_push(aw: *mut argdata_writer_t, fd: c_int) -> c_int {
    // SAFETY: C contract: `aw` came from argdata_writer_create.
    let aw = unsafe { &mut *aw };
    sys::to_fd(fd).and_then(|f| aw.push(f)).errno_value()
}
