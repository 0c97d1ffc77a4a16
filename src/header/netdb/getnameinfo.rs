//! getnameinfo: numeric hosts (no reverse lookup), services by name where
//! the built-in table has the port.

use super::*;
use crate::header::arpa_inet::{format4, format6, Text};
use crate::header::netinet::{sockaddr_in, sockaddr_in6};
use crate::header::sys_socket::{AF_INET, AF_INET6};
use core::mem::size_of;

const KNOWN_FLAGS: c_int = NI_NUMERICSERV | NI_DGRAM | NI_NAMEREQD | NI_NOFQDN;

/// The host and port of an Internet socket address, as text and number.
fn decode(sa: &[u8]) -> Result<(Text, u16), c_int> {
    let mut host = Text::new();
    let family = c_int::from(*sa.first().ok_or(EAI_FAMILY)?);
    match family {
        AF_INET if sa.len() >= size_of::<sockaddr_in>() => format4(&mut host, sa[4..8].try_into().unwrap()),
        AF_INET6 if sa.len() >= size_of::<sockaddr_in6>() => {
            format6(&mut host, sa[8..24].try_into().unwrap());
            let scope = u32::from_ne_bytes(sa[24..28].try_into().unwrap());
            if scope != 0 {
                host.push(b"%");
                host.decimal(scope);
            }
        }
        _ => return Err(EAI_FAMILY),
    }
    Ok((host, u16::from_be_bytes([sa[2], sa[3]])))
}

/// The text of a port: the service's name unless `NI_NUMERICSERV`, else
/// (or when the table has none) the number.
fn service(port: u16, flags: c_int) -> Text {
    let mut t = Text::new();
    let proto = if flags & NI_DGRAM != 0 { c"udp" } else { c"tcp" };
    match service_name(port, proto).filter(|_| flags & NI_NUMERICSERV == 0) {
        Some(name) => t.push(name.to_bytes()),
        None => t.decimal(u32::from(port)),
    }
    t
}

/// POSIX `getnameinfo`: `NI_NAMEREQD` fails with `EAI_NONAME` (no host has
/// a name here); a buffer too small is `EAI_OVERFLOW`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getnameinfo(
    sa: *const sockaddr,
    salen: socklen_t,
    host: *mut c_char,
    hostlen: socklen_t,
    serv: *mut c_char,
    servlen: socklen_t,
    flags: c_int,
) -> c_int {
    if flags & !KNOWN_FLAGS != 0 {
        return EAI_BADFLAGS;
    }
    let want_host = !host.is_null() && hostlen != 0;
    let want_serv = !serv.is_null() && servlen != 0;
    if !want_host && !want_serv {
        return EAI_NONAME;
    }
    // SAFETY: `sa` holds `salen` readable bytes (C contract).
    let (text, port) = match decode(unsafe { crate::cptr::slice(sa.cast(), salen) }) {
        Ok(d) => d,
        Err(e) => return e,
    };
    if want_host {
        if flags & NI_NAMEREQD != 0 {
            return EAI_NONAME;
        }
        // SAFETY: `host` has `hostlen` writable bytes (C contract).
        if unsafe { text.copy_out(host, hostlen) }.is_err() {
            return EAI_OVERFLOW;
        }
    }
    // SAFETY: `serv` has `servlen` writable bytes (C contract).
    if want_serv && unsafe { service(port, flags).copy_out(serv, servlen) }.is_err() {
        return EAI_OVERFLOW;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::sys_socket::encode;
    use crate::sys::{sock_addr, sock_family};

    fn info(a: &sock_addr, hostlen: usize, flags: c_int) -> Result<(String, String), c_int> {
        let (buf, len) = encode(a);
        let mut host = vec![1 as c_char; hostlen];
        let mut serv = [1 as c_char; 32];
        // SAFETY: the buffers have the sizes given.
        let e = unsafe { getnameinfo(buf.0.as_ptr().cast(), len, host.as_mut_ptr(), hostlen, serv.as_mut_ptr(), 32, flags) };
        if e != 0 {
            return Err(e);
        }
        // SAFETY: both were NUL-terminated by getnameinfo.
        let text = |p: *const c_char| unsafe { core::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
        Ok((text(host.as_ptr()), text(serv.as_ptr())))
    }

    fn v4(a: [u8; 4], port: u16) -> sock_addr {
        let mut addr = [0; 16];
        addr[..4].copy_from_slice(&a);
        sock_addr { family: sock_family::INET, port, addr, ..Default::default() }
    }

    #[test]
    fn numeric_hosts_and_named_services() {
        assert_eq!(info(&v4([192, 168, 0, 1], 80), 64, 0), Ok(("192.168.0.1".into(), "http".into())));
        assert_eq!(info(&v4([192, 168, 0, 1], 80), 64, NI_NUMERICSERV), Ok(("192.168.0.1".into(), "80".into())));
        assert_eq!(info(&v4([1, 2, 3, 4], 123), 64, NI_DGRAM).unwrap().1, "ntp");
        assert_eq!(info(&v4([1, 2, 3, 4], 123), 64, 0).unwrap().1, "123");
        let mut a = sock_addr { family: sock_family::INET6, port: 443, scope_id: 2, ..Default::default() };
        a.addr[0] = 0xfe;
        a.addr[1] = 0x80;
        a.addr[15] = 7;
        assert_eq!(info(&a, 64, 0), Ok(("fe80::7%2".into(), "https".into())));
    }

    #[test]
    fn errors() {
        assert_eq!(info(&v4([1, 2, 3, 4], 80), 64, NI_NAMEREQD), Err(EAI_NONAME));
        assert_eq!(info(&v4([10, 20, 30, 40], 80), 11, 0), Err(EAI_OVERFLOW));
        assert_eq!(info(&v4([10, 20, 30, 40], 80), 12, 0).unwrap().0, "10.20.30.40");
        assert_eq!(info(&v4([1, 2, 3, 4], 80), 64, 0x100), Err(EAI_BADFLAGS));
        let unix = sock_addr { family: sock_family::UNIX, ..Default::default() };
        assert_eq!(info(&unix, 64, 0), Err(EAI_FAMILY));
        let (buf, _) = encode(&v4([1, 2, 3, 4], 80));
        let mut host = [0 as c_char; 64];
        // SAFETY: a short length over a valid buffer.
        let e = unsafe { getnameinfo(buf.0.as_ptr().cast(), 8, host.as_mut_ptr(), 64, core::ptr::null_mut(), 0, 0) };
        assert_eq!(e, EAI_FAMILY);
    }
}
