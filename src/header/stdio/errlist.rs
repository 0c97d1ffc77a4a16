//! The text for each CloudABI error number: glibc's wording (so `%m` and
//! `perror` print what they print on Linux), plus cloudlibc's own
//! `ENOTCAPABLE`. One table for the whole library: `strerror` should use
//! it too.

use crate::abi::c_int;

/// Indexed by CloudABI errno (1 = E2BIG ... 76 = ENOTCAPABLE).
const MESSAGES: [&str; 77] = [
    "Success",
    "Argument list too long",
    "Permission denied",
    "Address already in use",
    "Cannot assign requested address",
    "Address family not supported by protocol",
    "Resource temporarily unavailable",
    "Operation already in progress",
    "Bad file descriptor",
    "Bad message",
    "Device or resource busy",
    "Operation canceled",
    "No child processes",
    "Software caused connection abort",
    "Connection refused",
    "Connection reset by peer",
    "Resource deadlock avoided",
    "Destination address required",
    "Numerical argument out of domain",
    "Disk quota exceeded",
    "File exists",
    "Bad address",
    "File too large",
    "No route to host",
    "Identifier removed",
    "Invalid or incomplete multibyte or wide character",
    "Operation now in progress",
    "Interrupted system call",
    "Invalid argument",
    "Input/output error",
    "Transport endpoint is already connected",
    "Is a directory",
    "Too many levels of symbolic links",
    "Too many open files",
    "Too many links",
    "Message too long",
    "Multihop attempted",
    "File name too long",
    "Network is down",
    "Network dropped connection on reset",
    "Network is unreachable",
    "Too many open files in system",
    "No buffer space available",
    "No such device",
    "No such file or directory",
    "Exec format error",
    "No locks available",
    "Link has been severed",
    "Cannot allocate memory",
    "No message of desired type",
    "Protocol not available",
    "No space left on device",
    "Function not implemented",
    "Transport endpoint is not connected",
    "Not a directory",
    "Directory not empty",
    "State not recoverable",
    "Socket operation on non-socket",
    "Operation not supported",
    "Inappropriate ioctl for device",
    "No such device or address",
    "Value too large for defined data type",
    "Owner died",
    "Operation not permitted",
    "Broken pipe",
    "Protocol error",
    "Protocol not supported",
    "Protocol wrong type for socket",
    "Numerical result out of range",
    "Read-only file system",
    "Illegal seek",
    "No such process",
    "Stale file handle",
    "Connection timed out",
    "Text file busy",
    "Invalid cross-device link",
    "Capabilities insufficient",
];

/// The message for `e`, or `None` for numbers no error has.
pub fn message(e: c_int) -> Option<&'static str> {
    usize::try_from(e).ok().and_then(|i| MESSAGES.get(i)).copied()
}

/// The message for `e`, or "Unknown error N" written into `buf`.
pub fn describe(e: c_int, buf: &mut [u8; 32]) -> &[u8] {
    if let Some(m) = message(e) {
        return m.as_bytes();
    }
    const PREFIX: &[u8] = b"Unknown error ";
    buf[..PREFIX.len()].copy_from_slice(PREFIX);
    let mut digits = [0u8; 11];
    let mut i = digits.len();
    let mut v = e.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let mut n = PREFIX.len();
    if e < 0 {
        buf[n] = b'-';
        n += 1;
    }
    let d = &digits[i..];
    buf[n..n + d.len()].copy_from_slice(d);
    &buf[..n + d.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts() {
        assert_eq!(message(cloudabi::errno::INVAL as c_int), Some("Invalid argument"));
        assert_eq!(message(cloudabi::errno::TOOBIG as c_int), Some("Argument list too long"));
        assert_eq!(message(cloudabi::errno::XDEV as c_int), Some("Invalid cross-device link"));
        assert_eq!(message(cloudabi::errno::NOTCAPABLE as c_int), Some("Capabilities insufficient"));
        let mut b = [0; 32];
        assert_eq!(describe(1000, &mut b), b"Unknown error 1000");
        assert_eq!(describe(-5, &mut b), b"Unknown error -5");
        assert_eq!(describe(0, &mut b), b"Success");
    }
}
