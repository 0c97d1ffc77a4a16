//! strerror, strerror_r, strerror_l: the texts of CloudABI's error numbers.
//!
//! strerror_r is POSIX's (XSI) form, returning an error number. glibc's
//! GNU form, returning `char *` when `_GNU_SOURCE` is defined, is not
//! offered: `<string.h>` always declares the POSIX one.

use super::message::{format, unknown, Owner, SIZE};
use crate::abi::{c_char, c_int, locale_t, size_t};
use crate::errno::Errno;
use cloudabi::errno as e;
use core::ffi::CStr;

/// The text of every error number, in numeric order (checked below).
const TEXTS: [(Errno, &CStr); 77] = [
    (e::SUCCESS, c"Success"),
    (e::TOOBIG, c"Argument list too long"),
    (e::ACCES, c"Permission denied"),
    (e::ADDRINUSE, c"Address in use"),
    (e::ADDRNOTAVAIL, c"Address not available"),
    (e::AFNOSUPPORT, c"Address family not supported"),
    (e::AGAIN, c"Resource temporarily unavailable"),
    (e::ALREADY, c"Operation already in progress"),
    (e::BADF, c"Bad file descriptor"),
    (e::BADMSG, c"Bad message"),
    (e::BUSY, c"Device or resource busy"),
    (e::CANCELED, c"Operation canceled"),
    (e::CHILD, c"No child processes"),
    (e::CONNABORTED, c"Connection aborted"),
    (e::CONNREFUSED, c"Connection refused"),
    (e::CONNRESET, c"Connection reset"),
    (e::DEADLK, c"Resource deadlock would occur"),
    (e::DESTADDRREQ, c"Destination address required"),
    (e::DOM, c"Mathematics argument out of domain of function"),
    (e::DQUOT, c"Disk quota exceeded"),
    (e::EXIST, c"File exists"),
    (e::FAULT, c"Bad address"),
    (e::FBIG, c"File too large"),
    (e::HOSTUNREACH, c"Host is unreachable"),
    (e::IDRM, c"Identifier removed"),
    (e::ILSEQ, c"Illegal byte sequence"),
    (e::INPROGRESS, c"Operation in progress"),
    (e::INTR, c"Interrupted function call"),
    (e::INVAL, c"Invalid argument"),
    (e::IO, c"Input/output error"),
    (e::ISCONN, c"Socket is connected"),
    (e::ISDIR, c"Is a directory"),
    (e::LOOP, c"Too many levels of symbolic links"),
    (e::MFILE, c"Too many open files"),
    (e::MLINK, c"Too many links"),
    (e::MSGSIZE, c"Message too large"),
    (e::MULTIHOP, c"Multihop attempted"),
    (e::NAMETOOLONG, c"Filename too long"),
    (e::NETDOWN, c"Network is down"),
    (e::NETRESET, c"Connection aborted by network"),
    (e::NETUNREACH, c"Network unreachable"),
    (e::NFILE, c"Too many files open in system"),
    (e::NOBUFS, c"No buffer space available"),
    (e::NODEV, c"No such device"),
    (e::NOENT, c"No such file or directory"),
    (e::NOEXEC, c"Executable file format error"),
    (e::NOLCK, c"No locks available"),
    (e::NOLINK, c"Link has been severed"),
    (e::NOMEM, c"Not enough memory"),
    (e::NOMSG, c"No message of the desired type"),
    (e::NOPROTOOPT, c"Protocol not available"),
    (e::NOSPC, c"No space left on device"),
    (e::NOSYS, c"Function not implemented"),
    (e::NOTCONN, c"Socket is not connected"),
    (e::NOTDIR, c"Not a directory"),
    (e::NOTEMPTY, c"Directory not empty"),
    (e::NOTRECOVERABLE, c"State not recoverable"),
    (e::NOTSOCK, c"Not a socket"),
    (e::NOTSUP, c"Not supported"),
    (e::NOTTY, c"Inappropriate I/O control operation"),
    (e::NXIO, c"No such device or address"),
    (e::OVERFLOW, c"Value too large for data type"),
    (e::OWNERDEAD, c"Previous owner died"),
    (e::PERM, c"Operation not permitted"),
    (e::PIPE, c"Broken pipe"),
    (e::PROTO, c"Protocol error"),
    (e::PROTONOSUPPORT, c"Protocol not supported"),
    (e::PROTOTYPE, c"Protocol wrong type for socket"),
    (e::RANGE, c"Result too large"),
    (e::ROFS, c"Read-only file system"),
    (e::SPIPE, c"Invalid seek"),
    (e::SRCH, c"No such process"),
    (e::STALE, c"Stale file handle"),
    (e::TIMEDOUT, c"Connection timed out"),
    (e::TXTBSY, c"Text file busy"),
    (e::XDEV, c"Cross-device link"),
    (e::NOTCAPABLE, c"Capabilities insufficient"),
];

const _: () = {
    let mut i = 0;
    while i < TEXTS.len() {
        assert!(TEXTS[i].0 as usize == i, "TEXTS is not in numeric order");
        i += 1;
    }
};

const UNKNOWN: &[u8] = b"Unknown error: ";

/// compat `ESHUTDOWN` (`<errno.h>`), which only portable code names.
pub const ESHUTDOWN: c_int = 77;

/// The text of error number `n`, if it is one.
fn text(n: c_int) -> Option<&'static CStr> {
    if n == ESHUTDOWN {
        return Some(c"Cannot send after socket shutdown");
    }
    usize::try_from(n).ok().and_then(|i| TEXTS.get(i)).map(|t| t.1)
}

/// C11 `strerror`: the text of error number `n`; for an unknown number,
/// "Unknown error: N" in a per-thread buffer.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn strerror(n: c_int) -> *mut c_char {
    match text(n) {
        Some(t) => t.as_ptr().cast_mut(),
        None => unknown(Owner::Strerror, UNKNOWN, n),
    }
}

/// POSIX `strerror_l`: strerror in locale `l` (every locale speaks English).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn strerror_l(n: c_int, _l: locale_t) -> *mut c_char {
    strerror(n)
}

/// POSIX (XSI) `strerror_r`: copies the text of `n` into `buf` of `len`
/// bytes, truncated and NUL-terminated if it does not fit. Returns 0,
/// ERANGE when truncated, or EINVAL for an unknown number (whose text is
/// still "Unknown error: N").
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn strerror_r(n: c_int, buf: *mut c_char, len: size_t) -> c_int {
    let mut scratch = [0u8; SIZE];
    let (bytes, status) = match text(n) {
        Some(t) => (t.to_bytes(), 0),
        None => {
            let k = format(UNKNOWN, n, &mut scratch);
            (&scratch[..k], e::INVAL as c_int)
        }
    };
    if len == 0 {
        return e::RANGE as c_int;
    }
    let k = bytes.len().min(len - 1);
    // SAFETY: the C contract makes `buf` writable for `len > k` bytes.
    unsafe {
        core::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.cast::<u8>(), k);
        *buf.add(k) = 0;
    }
    if k < bytes.len() {
        e::RANGE as c_int
    } else {
        status
    }
}
