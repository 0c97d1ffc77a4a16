//! argdata_get_*: read a scalar out of a value. Each returns 0, or an error
//! number: `EINVAL` for another type or malformed bytes, `ERANGE` when the
//! value does not fit the C type, `EILSEQ` for strings that are not UTF-8
//! or, for the `_c` form, hold a NUL.

use super::{argdata_t, code, View};
use crate::abi::{c_char, c_int, c_void, intmax_t, size_t, timespec, uintmax_t};
use crate::errno::{ErrnoValue, Errno};
use argdata::Value;
use cloudabi::errno;

/// Runs `f` on an encoded value and stores its result; any other kind of
/// value is not of the type asked for.
fn encoded<T>(ad: &argdata_t, out: *mut T, f: impl FnOnce(Value, super::FdMap) -> Result<T, Errno>) -> c_int {
    // SAFETY: C contract: the value's memory is alive.
    let r = match unsafe { ad.view() } {
        View::Encoded(v, fds) => f(v, fds),
        _ => Err(errno::INVAL),
    };
    r.map(|v| {
        // SAFETY: C contract: `out` points at writable storage for a T.
        unsafe { out.write(v) }
    })
    .errno_value()
}

/// Why the codec refused a string: a missing terminator is malformed, any
/// other fault of a string (bad UTF-8, a NUL inside) is `EILSEQ`.
fn str_error(v: Value, e: argdata::Error) -> Errno {
    match (e, v.tag(), v.bytes().last()) {
        (argdata::Error::Invalid, Some(argdata::tag::STR), Some(0)) if v.bytes().len() > 1 => errno::ILSEQ,
        _ => code(e),
    }
}

/// cloudlibc `argdata_get_binary`: the bytes of a binary value.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_get_binary(ad: *const argdata_t, buf: *mut *const c_void, len: *mut size_t) -> c_int {
    // SAFETY: C contract: `ad` points at a live value.
    let ad = unsafe { &*ad };
    // SAFETY: as above.
    let bytes = match unsafe { ad.view() } {
        View::Binary(b) => Ok(b),
        View::Encoded(v, _) => v.binary().map_err(code),
        _ => Err(errno::INVAL),
    };
    // SAFETY: C contract: both outputs are writable.
    unsafe { store(bytes, buf.cast(), len) }
}

/// Stores a pointer and length on success, for the C convention.
///
/// # Safety
/// Both outputs must be writable.
unsafe fn store(r: Result<&[u8], Errno>, buf: *mut *const u8, len: *mut size_t) -> c_int {
    r.map(|b| {
        // SAFETY: forwarded contract.
        unsafe {
            buf.write(b.as_ptr());
            len.write(b.len());
        }
    })
    .errno_value()
}

/// cloudlibc `argdata_get_bool`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_get_bool(ad: *const argdata_t, out: *mut bool) -> c_int {
    // SAFETY: C contract: `ad` points at a live value.
    encoded(unsafe { &*ad }, out, |v, _| v.bool().map_err(code))
}

/// cloudlibc `argdata_get_fd`: the process-local descriptor (`EBADF` when
/// the value's descriptor is not available in this process).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_get_fd(ad: *const argdata_t, out: *mut c_int) -> c_int {
    // SAFETY: C contract: `ad` points at a live value.
    encoded(unsafe { &*ad }, out, |v, fds| fds.local(v.fd().map_err(code)?))
}

/// cloudlibc `argdata_get_float`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_get_float(ad: *const argdata_t, out: *mut f64) -> c_int {
    // SAFETY: C contract: `ad` points at a live value.
    encoded(unsafe { &*ad }, out, |v, _| v.float().map_err(code))
}

/// cloudlibc `argdata_get_int_s`: an integer within [min, max] (`ERANGE`).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_get_int_s(ad: *const argdata_t, out: *mut intmax_t, min: intmax_t, max: intmax_t) -> c_int {
    // SAFETY: C contract: `ad` points at a live value.
    encoded(unsafe { &*ad }, out, |v, _| {
        let n = v.int().map_err(code)?;
        if n < i128::from(min) || n > i128::from(max) {
            return Err(errno::RANGE);
        }
        Ok(n as intmax_t)
    })
}

/// cloudlibc `argdata_get_int_u`: an integer within [0, max] (`ERANGE`).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_get_int_u(ad: *const argdata_t, out: *mut uintmax_t, max: uintmax_t) -> c_int {
    // SAFETY: C contract: `ad` points at a live value.
    encoded(unsafe { &*ad }, out, |v, _| {
        let n = v.int().map_err(code)?;
        if n < 0 || n > i128::from(max) {
            return Err(errno::RANGE);
        }
        Ok(n as uintmax_t)
    })
}

/// A string's bytes, without the terminator (which encoded strings have).
fn string(ad: &argdata_t) -> Result<&[u8], Errno> {
    // SAFETY: C contract: the value's memory is alive.
    match unsafe { ad.view() } {
        View::Str(s) => Ok(s),
        View::Encoded(v, _) => v.str().map(str::as_bytes).map_err(|e| str_error(v, e)),
        _ => Err(errno::INVAL),
    }
}

/// cloudlibc `argdata_get_str`: the string and its length (without NUL).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_get_str(ad: *const argdata_t, buf: *mut *const c_char, len: *mut size_t) -> c_int {
    // SAFETY: C contract: `ad` points at a live value; the outputs are writable.
    unsafe { store(string(&*ad), buf.cast(), len) }
}

/// cloudlibc `argdata_get_str_c`: the string, NUL-terminated (`EILSEQ` if
/// it holds a NUL itself). For a value made by `argdata_create_str`, the
/// caller's buffer must be followed by a NUL (cloudlibc's contract).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_get_str_c(ad: *const argdata_t, buf: *mut *const c_char) -> c_int {
    // SAFETY: C contract: `ad` points at a live value.
    string(unsafe { &*ad })
        .and_then(|s| if s.contains(&0) { Err(errno::ILSEQ) } else { Ok(s) })
        .map(|s| {
            // SAFETY: C contract: the output is writable.
            unsafe { buf.write(s.as_ptr().cast()) }
        })
        .errno_value()
}

/// cloudlibc `argdata_get_timestamp` (`ERANGE` if it does not fit a timespec).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_get_timestamp(ad: *const argdata_t, out: *mut timespec) -> c_int {
    // SAFETY: C contract: `ad` points at a live value.
    encoded(unsafe { &*ad }, out, |v, _| {
        let (secs, ns) = v.timestamp().map_err(code)?;
        let tv_sec = i64::try_from(secs).map_err(|_| errno::RANGE)?;
        Ok(timespec { tv_sec, tv_nsec: ns.into() })
    })
}
