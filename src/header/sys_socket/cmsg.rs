//! CMSG_FIRSTHDR, CMSG_NXTHDR: walking a message's control data.

use super::{cmsghdr, msghdr, msghdr_named, CMSG_HDR};
use crate::abi::c_void;

/// The control message after `cur` (the first if `cur` is null), or null
/// when the next would not fit in `len` bytes at `control`.
fn next(control: *mut c_void, len: usize, cur: *const cmsghdr) -> *mut cmsghdr {
    let start = control as usize;
    let at = if cur.is_null() {
        start
    } else {
        // SAFETY: `cur` came from this walk, so its header is readable.
        let clen = unsafe { (*cur).cmsg_len };
        if clen < CMSG_HDR {
            return core::ptr::null_mut();
        }
        match (cur as usize).checked_add((clen + 15) & !15) {
            Some(a) => a,
            None => return core::ptr::null_mut(),
        }
    };
    match at.checked_add(CMSG_HDR) {
        Some(end) if end <= start.saturating_add(len) => at as *mut cmsghdr,
        _ => core::ptr::null_mut(),
    }
}

/// POSIX `CMSG_FIRSTHDR`: the first control message, or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn CMSG_FIRSTHDR(msg: *const msghdr) -> *mut cmsghdr {
    // SAFETY: `msg` is readable (C contract).
    let m = unsafe { &*msg };
    next(m.msg_control, m.msg_controllen, core::ptr::null())
}

/// POSIX `CMSG_NXTHDR`: the control message after `cur`, or null.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn CMSG_NXTHDR(msg: *const msghdr, cur: *const cmsghdr) -> *mut cmsghdr {
    // SAFETY: `msg` is readable (C contract).
    let m = unsafe { &*msg };
    next(m.msg_control, m.msg_controllen, cur)
}

/// Compat `CMSG_FIRSTHDR`, for the compat `struct msghdr`.
#[no_mangle]
pub unsafe extern "C" fn __compat_CMSG_FIRSTHDR(msg: *const msghdr_named) -> *mut cmsghdr {
    // SAFETY: forwarded contract; `rest` is the cloudlibc part.
    unsafe { CMSG_FIRSTHDR(&(*msg).rest) }
}

/// Compat `CMSG_NXTHDR`, for the compat `struct msghdr`.
#[no_mangle]
pub unsafe extern "C" fn __compat_CMSG_NXTHDR(msg: *const msghdr_named, cur: *const cmsghdr) -> *mut cmsghdr {
    // SAFETY: forwarded contract.
    unsafe { CMSG_NXTHDR(&(*msg).rest, cur) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[repr(C, align(16))]
    struct Buf([u8; 64]);

    fn header(b: &mut Buf, at: usize, len: usize) {
        b.0[at..at + 8].copy_from_slice(&len.to_ne_bytes());
    }

    #[test]
    fn walks_padded_messages_and_stops_at_the_end() {
        let mut b = Buf([0; 64]);
        header(&mut b, 0, CMSG_HDR + 4);
        header(&mut b, 32, CMSG_HDR + 8);
        let base = b.0.as_mut_ptr();
        let m = msghdr {
            msg_iov: core::ptr::null_mut(),
            msg_iovlen: 0,
            msg_control: base.cast(),
            msg_controllen: 64,
            msg_flags: 0,
        };
        // SAFETY: `m` describes `b`, whose headers are initialised.
        unsafe {
            let first = CMSG_FIRSTHDR(&m);
            assert_eq!(first as usize, base as usize);
            let second = CMSG_NXTHDR(&m, first);
            assert_eq!(second as usize, base as usize + 32);
            assert!(CMSG_NXTHDR(&m, second).is_null());
            assert_eq!(CMSG_NXTHDR(&m, core::ptr::null()), first);
        }
    }

    #[test]
    fn too_little_control_space_has_no_message() {
        let mut b = Buf([0; 64]);
        let m = msghdr {
            msg_iov: core::ptr::null_mut(),
            msg_iovlen: 0,
            msg_control: b.0.as_mut_ptr().cast(),
            msg_controllen: CMSG_HDR - 1,
            msg_flags: 0,
        };
        // SAFETY: `m` describes `b`.
        assert!(unsafe { CMSG_FIRSTHDR(&m) }.is_null());
    }

    #[test]
    fn a_short_length_ends_the_walk() {
        let mut b = Buf([0; 64]);
        header(&mut b, 0, 3);
        let m = msghdr {
            msg_iov: core::ptr::null_mut(),
            msg_iovlen: 0,
            msg_control: b.0.as_mut_ptr().cast(),
            msg_controllen: 64,
            msg_flags: 0,
        };
        // SAFETY: `m` describes `b`.
        unsafe {
            let first = CMSG_FIRSTHDR(&m);
            assert!(CMSG_NXTHDR(&m, first).is_null());
        }
    }
}
