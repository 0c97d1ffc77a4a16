//! Error codes (include/uv/errno.h): uv_err_name, uv_strerror,
//! uv_translate_sys_error.
//!
//! As in cloudlibc, an error code is the negated CloudABI errno
//! (`UV_EBADF == -EBADF`), so `uv_translate_sys_error` only negates. The
//! resolver's codes are `-1000 - EAI_*`; libuv's own codes (`UV_EOF`, ...)
//! lie in `[-2010, -2001]`. `UV_ENOTCAPABLE` (-76) is this library's name
//! for CloudABI's missing-rights error, which cloudlibc returned unnamed.

use crate::abi::{c_char, c_int};
use crate::errno::Errno;
use cloudabi::errno;

/// The uv error code for a CloudABI errno.
pub const fn err(e: Errno) -> c_int {
    -(e as c_int)
}

pub const UV_EAFNOSUPPORT: c_int = err(errno::AFNOSUPPORT);
pub const UV_EAGAIN: c_int = err(errno::AGAIN);
pub const UV_EALREADY: c_int = err(errno::ALREADY);
pub const UV_EBADF: c_int = err(errno::BADF);
pub const UV_EBUSY: c_int = err(errno::BUSY);
pub const UV_ECANCELED: c_int = err(errno::CANCELED);
pub const UV_EINVAL: c_int = err(errno::INVAL);
pub const UV_ENOBUFS: c_int = err(errno::NOBUFS);
pub const UV_ENOENT: c_int = err(errno::NOENT);
pub const UV_ENOMEM: c_int = err(errno::NOMEM);
pub const UV_ENOSYS: c_int = err(errno::NOSYS);
pub const UV_ENOTCONN: c_int = err(errno::NOTCONN);
pub const UV_ENOTSUP: c_int = err(errno::NOTSUP);
pub const UV_EPERM: c_int = err(errno::PERM);
pub const UV_EPIPE: c_int = err(errno::PIPE);
pub const UV_ETIMEDOUT: c_int = err(errno::TIMEDOUT);

pub const UV_EAI_AGAIN: c_int = -1001;
pub const UV_EAI_BADFLAGS: c_int = -1002;
pub const UV_EAI_FAIL: c_int = -1003;
pub const UV_EAI_FAMILY: c_int = -1004;
pub const UV_EAI_MEMORY: c_int = -1005;
pub const UV_EAI_NONAME: c_int = -1006;
pub const UV_EAI_SERVICE: c_int = -1007;
pub const UV_EAI_SOCKTYPE: c_int = -1008;
pub const UV_EAI_OVERFLOW: c_int = -1010;
pub const UV_EAI_ADDRFAMILY: c_int = -2001;
pub const UV_EAI_BADHINTS: c_int = -2002;
pub const UV_EAI_CANCELED: c_int = -2003;
pub const UV_EAI_NODATA: c_int = -2004;
pub const UV_EAI_PROTOCOL: c_int = -2005;
pub const UV_ECHARSET: c_int = -2006;
pub const UV_ENONET: c_int = -2007;
pub const UV_EOF: c_int = -2008;
pub const UV_ESHUTDOWN: c_int = -2009;
pub const UV_UNKNOWN: c_int = -2010;

/// Every named code: (code, name, message). Names and messages are libuv's.
const TABLE: &[(c_int, &str, &str)] = &[
    (err(errno::TOOBIG), "E2BIG\0", "argument list too long\0"),
    (err(errno::ACCES), "EACCES\0", "permission denied\0"),
    (err(errno::ADDRINUSE), "EADDRINUSE\0", "address already in use\0"),
    (err(errno::ADDRNOTAVAIL), "EADDRNOTAVAIL\0", "address not available\0"),
    (UV_EAFNOSUPPORT, "EAFNOSUPPORT\0", "address family not supported\0"),
    (UV_EAGAIN, "EAGAIN\0", "resource temporarily unavailable\0"),
    (UV_EAI_ADDRFAMILY, "EAI_ADDRFAMILY\0", "address family not supported\0"),
    (UV_EAI_AGAIN, "EAI_AGAIN\0", "temporary failure\0"),
    (UV_EAI_BADFLAGS, "EAI_BADFLAGS\0", "bad ai_flags value\0"),
    (UV_EAI_BADHINTS, "EAI_BADHINTS\0", "invalid value for hints\0"),
    (UV_EAI_CANCELED, "EAI_CANCELED\0", "request canceled\0"),
    (UV_EAI_FAIL, "EAI_FAIL\0", "permanent failure\0"),
    (UV_EAI_FAMILY, "EAI_FAMILY\0", "ai_family not supported\0"),
    (UV_EAI_MEMORY, "EAI_MEMORY\0", "out of memory\0"),
    (UV_EAI_NODATA, "EAI_NODATA\0", "no address\0"),
    (UV_EAI_NONAME, "EAI_NONAME\0", "unknown node or service\0"),
    (UV_EAI_OVERFLOW, "EAI_OVERFLOW\0", "argument buffer overflow\0"),
    (UV_EAI_PROTOCOL, "EAI_PROTOCOL\0", "resolved protocol is unknown\0"),
    (UV_EAI_SERVICE, "EAI_SERVICE\0", "service not available for socket type\0"),
    (UV_EAI_SOCKTYPE, "EAI_SOCKTYPE\0", "socket type not supported\0"),
    (UV_EALREADY, "EALREADY\0", "connection already in progress\0"),
    (UV_EBADF, "EBADF\0", "bad file descriptor\0"),
    (UV_EBUSY, "EBUSY\0", "resource busy or locked\0"),
    (UV_ECANCELED, "ECANCELED\0", "operation canceled\0"),
    (UV_ECHARSET, "ECHARSET\0", "invalid Unicode character\0"),
    (err(errno::CONNABORTED), "ECONNABORTED\0", "software caused connection abort\0"),
    (err(errno::CONNREFUSED), "ECONNREFUSED\0", "connection refused\0"),
    (err(errno::CONNRESET), "ECONNRESET\0", "connection reset by peer\0"),
    (err(errno::DESTADDRREQ), "EDESTADDRREQ\0", "destination address required\0"),
    (err(errno::EXIST), "EEXIST\0", "file already exists\0"),
    (err(errno::FAULT), "EFAULT\0", "bad address in system call argument\0"),
    (err(errno::FBIG), "EFBIG\0", "file too large\0"),
    (err(errno::HOSTUNREACH), "EHOSTUNREACH\0", "host is unreachable\0"),
    (err(errno::INTR), "EINTR\0", "interrupted system call\0"),
    (UV_EINVAL, "EINVAL\0", "invalid argument\0"),
    (err(errno::IO), "EIO\0", "i/o error\0"),
    (err(errno::ISCONN), "EISCONN\0", "socket is already connected\0"),
    (err(errno::ISDIR), "EISDIR\0", "illegal operation on a directory\0"),
    (err(errno::LOOP), "ELOOP\0", "too many symbolic links encountered\0"),
    (err(errno::MFILE), "EMFILE\0", "too many open files\0"),
    (err(errno::MSGSIZE), "EMSGSIZE\0", "message too long\0"),
    (err(errno::NAMETOOLONG), "ENAMETOOLONG\0", "name too long\0"),
    (err(errno::NETDOWN), "ENETDOWN\0", "network is down\0"),
    (err(errno::NETUNREACH), "ENETUNREACH\0", "network is unreachable\0"),
    (err(errno::NFILE), "ENFILE\0", "file table overflow\0"),
    (UV_ENOBUFS, "ENOBUFS\0", "no buffer space available\0"),
    (err(errno::NODEV), "ENODEV\0", "no such device\0"),
    (UV_ENOENT, "ENOENT\0", "no such file or directory\0"),
    (UV_ENOMEM, "ENOMEM\0", "not enough memory\0"),
    (UV_ENONET, "ENONET\0", "machine is not on the network\0"),
    (err(errno::NOPROTOOPT), "ENOPROTOOPT\0", "protocol not available\0"),
    (err(errno::NOSPC), "ENOSPC\0", "no space left on device\0"),
    (UV_ENOSYS, "ENOSYS\0", "function not implemented\0"),
    (UV_ENOTCONN, "ENOTCONN\0", "socket is not connected\0"),
    (err(errno::NOTDIR), "ENOTDIR\0", "not a directory\0"),
    (err(errno::NOTEMPTY), "ENOTEMPTY\0", "directory not empty\0"),
    (err(errno::NOTSOCK), "ENOTSOCK\0", "socket operation on non-socket\0"),
    (UV_ENOTSUP, "ENOTSUP\0", "operation not supported on socket\0"),
    (UV_EPERM, "EPERM\0", "operation not permitted\0"),
    (UV_EPIPE, "EPIPE\0", "broken pipe\0"),
    (err(errno::PROTO), "EPROTO\0", "protocol error\0"),
    (err(errno::PROTONOSUPPORT), "EPROTONOSUPPORT\0", "protocol not supported\0"),
    (err(errno::PROTOTYPE), "EPROTOTYPE\0", "protocol wrong type for socket\0"),
    (err(errno::RANGE), "ERANGE\0", "result too large\0"),
    (err(errno::ROFS), "EROFS\0", "read-only file system\0"),
    (UV_ESHUTDOWN, "ESHUTDOWN\0", "cannot send after transport endpoint shutdown\0"),
    (err(errno::SPIPE), "ESPIPE\0", "invalid seek\0"),
    (err(errno::SRCH), "ESRCH\0", "no such process\0"),
    (UV_ETIMEDOUT, "ETIMEDOUT\0", "connection timed out\0"),
    (err(errno::TXTBSY), "ETXTBSY\0", "text file is busy\0"),
    (err(errno::XDEV), "EXDEV\0", "cross-device link not permitted\0"),
    (UV_UNKNOWN, "UNKNOWN\0", "unknown error\0"),
    (UV_EOF, "EOF\0", "end of file\0"),
    (err(errno::NXIO), "ENXIO\0", "no such device or address\0"),
    (err(errno::MLINK), "EMLINK\0", "too many links\0"),
    (err(errno::NOTTY), "ENOTTY\0", "inappropriate ioctl for device\0"),
    (err(errno::NOTCAPABLE), "ENOTCAPABLE\0", "capabilities insufficient\0"),
];

fn lookup(code: c_int) -> Option<&'static (c_int, &'static str, &'static str)> {
    TABLE.iter().find(|e| e.0 == code)
}

/// "Unknown system error N", allocated and never freed, as libuv does for
/// codes it has no name for.
fn unknown(code: c_int) -> *const c_char {
    use crate::header::string::message::{format, SIZE};
    let mut text = [0u8; SIZE];
    let n = format(b"Unknown system error ", code, &mut text);
    super::alloc::copy_str(&text[..n])
}

/// libuv `uv_err_name`: the code's name ("EBADF"); unknown codes get a
/// message that is allocated and never freed.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_err_name(code: c_int) -> *const c_char {
    lookup(code).map_or_else(|| unknown(code), |e| e.1.as_ptr().cast())
}

/// libuv `uv_strerror`: the code's message.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_strerror(code: c_int) -> *const c_char {
    lookup(code).map_or_else(|| unknown(code), |e| e.2.as_ptr().cast())
}

/// libuv `uv_translate_sys_error`: the uv code for a (positive) errno; a
/// code that is already negative passes through.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_translate_sys_error(sys_errno: c_int) -> c_int {
    if sys_errno <= 0 {
        sys_errno
    } else {
        -sys_errno
    }
}

/// The uv code for the `errno` a libc call just set.
pub fn last_error() -> c_int {
    uv_translate_sys_error(crate::errno::get_errno())
}

/// A libc call's return value as uv reports it: `-errno` on failure.
pub fn check(r: isize) -> isize {
    if r < 0 {
        last_error() as isize
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(p: *const c_char) -> String {
        // SAFETY: every result is a NUL-terminated string.
        unsafe { std::ffi::CStr::from_ptr(p) }.to_str().unwrap().to_owned()
    }

    #[test]
    fn names_and_messages() {
        assert_eq!(text(uv_err_name(UV_EBADF)), "EBADF");
        assert_eq!(text(uv_strerror(UV_EOF)), "end of file");
        assert_eq!(text(uv_err_name(-76)), "ENOTCAPABLE");
        assert_eq!(text(uv_err_name(-9999)), "Unknown system error -9999");
    }

    #[test]
    fn codes_are_unique() {
        for (i, a) in TABLE.iter().enumerate() {
            assert!(TABLE[i + 1..].iter().all(|b| b.0 != a.0), "{} twice", a.1);
        }
    }

    #[test]
    fn translation_negates() {
        assert_eq!(uv_translate_sys_error(errno::BADF as c_int), UV_EBADF);
        assert_eq!(uv_translate_sys_error(UV_EBADF), UV_EBADF);
    }
}
