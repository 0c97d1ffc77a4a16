//! htonl, htons, ntohl, ntohs (declared by <arpa/inet.h> and <netinet/in.h>).

/// POSIX `htonl`: host to network (big-endian) byte order.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn htonl(v: u32) -> u32 {
    v.to_be()
}

/// POSIX `htons`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn htons(v: u16) -> u16 {
    v.to_be()
}

/// POSIX `ntohl`: network to host byte order.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ntohl(v: u32) -> u32 {
    u32::from_be(v)
}

/// POSIX `ntohs`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ntohs(v: u16) -> u16 {
    u16::from_be(v)
}
