//! `<program.h>`: the program's start-up argdata, its identity, and
//! replacing it with another executable (cloudlibc). `program_main` itself
//! is the program's (or `start::main_adapter`'s default).

use crate::abi::{c_char, c_int, c_void, size_t};
use crate::errno::{set_errno, Errno};
use crate::header::argdata::{argdata_serialize, argdata_serialized_length, argdata_t};
use crate::header::stdlib::malloc::{free, malloc};
use crate::sync::SpinLock;
use crate::sys;
use cloudabi::errno;

/// cloudlibc `program_get_raw_argdata`: the serialised argdata the program
/// was started with (descriptor numbers in it are the process's own).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn program_get_raw_argdata(buf: *mut *const c_void, len: *mut size_t) {
    let ad = crate::start::boot().argdata;
    // SAFETY: C contract: both outputs are writable.
    unsafe {
        buf.write(ad.as_ptr().cast());
        len.write(ad.len());
    }
}

/// The identifier, formatted once (a first byte of 0: not yet).
static PID: SpinLock<[u8; 37]> = SpinLock::new([0; 37]);

/// A random (version 4) UUID in its 36-character text form.
fn new_uuid() -> [u8; 37] {
    let mut raw = [0u8; 16];
    if sys::random_get(&mut raw).is_err() {
        crate::start::fatal::abort();
    }
    raw[6] = (raw[6] & 0x0f) | 0x40;
    raw[8] = (raw[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 37];
    let mut o = 0;
    for (i, b) in raw.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out[o] = b'-';
            o += 1;
        }
        out[o] = HEX[usize::from(b >> 4)];
        out[o + 1] = HEX[usize::from(b & 0xf)];
        o += 2;
    }
    out
}

/// cloudlibc `program_getpid`: the process's identifier, a random UUID
/// (CloudABI has no numeric process IDs), the same for every call.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn program_getpid() -> *const c_char {
    let mut pid = PID.lock();
    if pid[0] == 0 {
        *pid = new_uuid();
    }
    // The text is never written again, so it may be read without the lock.
    pid.as_ptr().cast()
}

/// Serialises `ad` with its descriptors renumbered and hands both to
/// `proc_exec`, which only returns on failure.
///
/// # Safety
/// `ad` must be a live value.
unsafe fn exec(fd: c_int, ad: *const argdata_t) -> Errno {
    let Ok(exe) = sys::to_fd(fd) else { return errno::BADF };
    let (mut len, mut nfds): (size_t, size_t) = (0, 0);
    // SAFETY: forwarded contract; the outputs are locals.
    unsafe { argdata_serialized_length(ad, &mut len, &mut nfds) };
    let Some(fds_bytes) = nfds.checked_mul(core::mem::size_of::<c_int>()) else { return errno::NOMEM };
    let data = malloc(len.max(1)).cast::<u8>();
    let fds = malloc(fds_bytes.max(1)).cast::<c_int>();
    let e = if data.is_null() || fds.is_null() {
        errno::NOMEM
    } else {
        // SAFETY: `data` holds `len` bytes and `fds` room for every
        // descriptor the value holds; `n` of them are filled in. `sys::fd`
        // is a u32 newtype, laid out as the C ints (a -1 from a descriptor
        // that could not be translated is refused by proc_exec).
        unsafe {
            let n = argdata_serialize(ad, data.cast(), fds);
            let list = core::slice::from_raw_parts(fds.cast::<sys::fd>(), n);
            match sys::proc_exec(exe, crate::cptr::slice(data, len), list) {
                Err(e) => e,
                Ok(()) => errno::SUCCESS,
            }
        }
    };
    // SAFETY: each is null or a block allocated above.
    unsafe {
        free(data.cast());
        free(fds.cast());
    }
    e
}

/// cloudlibc `program_exec`: replaces the process with the executable `fd`,
/// passing it `ad` and exactly the descriptors `ad` refers to. Returns only
/// on failure, with the error number (also stored in `errno`).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn program_exec(fd: c_int, ad: *const argdata_t) -> c_int {
    // SAFETY: C contract: `ad` is a live value.
    let e = unsafe { exec(fd, ad) };
    set_errno(e);
    e as c_int
}

#[cfg(test)]
mod tests;
