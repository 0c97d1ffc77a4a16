//! `asctime_r`, `ctime_r` and the compat `asctime`, `ctime` (one static
//! buffer, shared as in C): "Sun Sep 16 01:03:52 1973\n". A result that
//! does not fit the 26 bytes C11 specifies (a year beyond 9999, fields out
//! of range) fails with EOVERFLOW, as in glibc.

use super::localtime::localtime_r;
use super::strftime::{format, Buf};
use super::{time_t, tm};
use crate::abi::c_char;
use crate::cptr;
use crate::errno::set_errno;
use cloudabi::errno;

const LEN: usize = 26;

/// POSIX `asctime_r`: `buf` holds at least 26 bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn asctime_r(t: *const tm, buf: *mut c_char) -> *mut c_char {
    // SAFETY: `t` is readable and `buf` has room for 26 bytes (C contract).
    let (t, out) = unsafe { (&*t, cptr::slice_mut(buf.cast(), LEN)) };
    let in_range = (0..7).contains(&t.tm_wday) && (0..12).contains(&t.tm_mon) && (0..=99).contains(&t.tm_hour);
    let mut b = Buf { buf: out, len: 0 };
    if !in_range || !format(&b"%a %b %e %H:%M:%S %Y\n"[..], t, &mut b) {
        set_errno(errno::OVERFLOW);
        return core::ptr::null_mut();
    }
    b.buf[b.len] = 0;
    buf
}

/// POSIX `ctime_r`: `asctime_r` of the local time.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ctime_r(t: *const time_t, buf: *mut c_char) -> *mut c_char {
    let mut v = tm::zeroed();
    // SAFETY: forwarded contract.
    unsafe {
        if localtime_r(t, &mut v).is_null() {
            return core::ptr::null_mut();
        }
        asctime_r(&v, buf)
    }
}

static mut BUF: [c_char; LEN] = [0; LEN];

/// C11 (compat) `asctime`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn asctime(t: *const tm) -> *mut c_char {
    // SAFETY: forwarded contract; the static buffer is not thread-safe, as
    // C11 says.
    unsafe { asctime_r(t, core::ptr::addr_of_mut!(BUF).cast()) }
}

/// C11 (compat) `ctime`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ctime(t: *const time_t) -> *mut c_char {
    // SAFETY: as in asctime.
    unsafe { ctime_r(t, core::ptr::addr_of_mut!(BUF).cast()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::time::localtime::broken_down;
    use crate::header::time::tz::Zone;

    #[test]
    fn formats() {
        let mut b = [0 as c_char; LEN];
        let t = broken_down(116989432, Zone::UTC.at(0)).unwrap();
        // SAFETY: `b` holds 26 bytes.
        let r = unsafe { asctime_r(&t, b.as_mut_ptr()) };
        assert!(!r.is_null());
        // SAFETY: asctime_r wrote a C string.
        assert_eq!(unsafe { cptr::cstr(r) }, b"Sun Sep 16 01:03:52 1973\n");
        let t = broken_down(253402300800, Zone::UTC.at(0)).unwrap(); // year 10000
        // SAFETY: as above.
        assert!(unsafe { asctime_r(&t, b.as_mut_ptr()) }.is_null());
    }
}
