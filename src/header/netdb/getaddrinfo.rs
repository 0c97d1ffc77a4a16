//! getaddrinfo, freeaddrinfo: numeric hosts and `localhost`, services by
//! number or from the built-in table.

use super::*;
use crate::abi::c_void;
use crate::cptr;
use crate::header::arpa_inet::{parse6, parse_aton};
use crate::header::netinet::{IPPROTO_TCP, IPPROTO_UDP};
use crate::header::stdlib::malloc::{free, malloc};
use crate::header::sys_socket::{encode, AddrBuf, AF_INET, AF_INET6, AF_UNSPEC, SOCK_DGRAM, SOCK_STREAM};
use crate::sys::{sock_addr, sock_family};
use core::ptr::null_mut;

const KNOWN_FLAGS: c_int = AI_PASSIVE | AI_NUMERICSERV | AI_ADDRCONFIG | AI_V4MAPPED | AI_ALL;

/// What the caller asked for, from `hints` or the defaults.
struct Request {
    flags: c_int,
    family: c_int,
    socktype: c_int,
    protocol: c_int,
}

/// At most two of something (addresses, socket types).
struct Two<T> {
    items: [T; 2],
    len: usize,
}

impl<T: Copy + Default> Two<T> {
    fn new() -> Self {
        Two { items: [T::default(); 2], len: 0 }
    }

    fn push(&mut self, v: T) {
        self.items[self.len] = v;
        self.len += 1;
    }

    fn as_slice(&self) -> &[T] {
        &self.items[..self.len]
    }
}

fn v4(octets: [u8; 4]) -> sock_addr {
    let mut addr = [0; 16];
    addr[..4].copy_from_slice(&octets);
    sock_addr { family: sock_family::INET, addr, ..Default::default() }
}

fn v6(addr: [u8; 16], scope_id: u32) -> sock_addr {
    sock_addr { family: sock_family::INET6, addr, scope_id, ..Default::default() }
}

/// The IPv4-mapped IPv6 form of an IPv4 address.
fn mapped(a: &sock_addr) -> sock_addr {
    let mut addr = [0; 16];
    addr[10] = 0xff;
    addr[11] = 0xff;
    addr[12..].copy_from_slice(&a.addr[..4]);
    v6(addr, 0)
}

fn wants(family: c_int, f: c_int) -> bool {
    family == AF_UNSPEC || family == f
}

/// The addresses of `host` (none: the wildcard or loopback addresses).
fn hosts(host: Option<&[u8]>, r: &Request) -> Result<Two<sock_addr>, c_int> {
    let mut out = Two::new();
    let (any4, any6) = match host {
        None if r.flags & AI_PASSIVE != 0 => (v4([0; 4]), v6([0; 16], 0)),
        None => (v4([127, 0, 0, 1]), v6(in6_loopback(), 0)),
        Some(h) if h.eq_ignore_ascii_case(b"localhost") => (v4([127, 0, 0, 1]), v6(in6_loopback(), 0)),
        Some(h) => {
            let a = numeric(h)?;
            match (a.family, r.family) {
                (sock_family::INET, AF_INET6) if r.flags & AI_V4MAPPED != 0 => out.push(mapped(&a)),
                (f, fam) if wants(fam, c_int::from(f)) => out.push(a),
                _ => return Err(EAI_NONAME),
            }
            return Ok(out);
        }
    };
    if wants(r.family, AF_INET) {
        out.push(any4);
    }
    if wants(r.family, AF_INET6) {
        out.push(any6);
    }
    Ok(out)
}

fn in6_loopback() -> [u8; 16] {
    let mut a = [0; 16];
    a[15] = 1;
    a
}

/// A numeric host: IPv4 in any `inet_aton` form, or IPv6 with an optional
/// numeric `%scope`. Names need a resolver, which there is none of.
fn numeric(h: &[u8]) -> Result<sock_addr, c_int> {
    if let Some(v) = parse_aton(h).filter(|_| !h.iter().any(u8::is_ascii_whitespace)) {
        return Ok(v4(v.to_be_bytes()));
    }
    let (addr, scope) = match h.iter().position(|&c| c == b'%') {
        Some(i) => (&h[..i], Some(&h[i + 1..])),
        None => (h, None),
    };
    let a = parse6(addr).ok_or(EAI_NONAME)?;
    let scope_id = match scope {
        Some(s) => decimal(s).ok_or(EAI_NONAME)?,
        None => 0,
    };
    Ok(v6(a, scope_id))
}

/// A decimal number of at most `u32`, without sign or spaces.
fn decimal(s: &[u8]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.iter().try_fold(0u32, |v, &c| v.checked_mul(10)?.checked_add((c as char).to_digit(10)?))
}

/// The socket types to return, each with the port of the service on it.
fn services(service: Option<&[u8]>, r: &Request) -> Result<Two<(c_int, u16)>, c_int> {
    let types: &[c_int] = match (r.socktype, r.protocol) {
        (0, 0) => &[SOCK_STREAM, SOCK_DGRAM],
        (0 | SOCK_STREAM, IPPROTO_TCP) | (SOCK_STREAM, 0) => &[SOCK_STREAM],
        (0 | SOCK_DGRAM, IPPROTO_UDP) | (SOCK_DGRAM, 0) => &[SOCK_DGRAM],
        _ => return Err(EAI_SOCKTYPE),
    };
    let mut out = Two::new();
    match service {
        None => types.iter().for_each(|&t| out.push((t, 0))),
        Some(s) => match decimal(s) {
            Some(p) => {
                let p = u16::try_from(p).map_err(|_| EAI_SERVICE)?;
                types.iter().for_each(|&t| out.push((t, p)));
            }
            None if r.flags & AI_NUMERICSERV != 0 => return Err(EAI_NONAME),
            None => {
                for &t in types {
                    let proto = if t == SOCK_STREAM { c"tcp" } else { c"udp" };
                    if let Some(p) = service_port(s, proto) {
                        out.push((t, p));
                    }
                }
                if out.len == 0 {
                    return Err(EAI_SERVICE);
                }
            }
        },
    }
    Ok(out)
}

/// One result, allocated as one block: the addrinfo, then its address,
/// then the canonical name if it has one.
#[repr(C)]
struct Node {
    ai: addrinfo,
    addr: AddrBuf,
}

/// Allocates a result node; null if memory is short.
fn node(r: &Request, a: &sock_addr, socktype: c_int, port: u16, canon: Option<&[u8]>) -> *mut addrinfo {
    let size = core::mem::size_of::<Node>() + canon.map_or(0, |c| c.len() + 1);
    let n = malloc(size).cast::<Node>();
    if n.is_null() {
        return null_mut();
    }
    let (addr, len) = encode(&sock_addr { port, ..*a });
    let protocol = match (r.protocol, socktype) {
        (0, SOCK_STREAM) => IPPROTO_TCP,
        (0, _) => IPPROTO_UDP,
        (p, _) => p,
    };
    // SAFETY: `n` is a fresh block of `size` bytes, aligned for Node (malloc
    // aligns to 16); the name goes right after the Node.
    unsafe {
        let name = n.add(1).cast::<c_char>();
        if let Some(c) = canon {
            core::ptr::copy_nonoverlapping(c.as_ptr(), name.cast::<u8>(), c.len());
            *name.add(c.len()) = 0;
        }
        n.write(Node {
            ai: addrinfo {
                ai_flags: r.flags,
                ai_family: c_int::from(a.family),
                ai_socktype: socktype,
                ai_protocol: protocol,
                ai_addrlen: len,
                ai_addr: core::ptr::addr_of_mut!((*n).addr).cast(),
                ai_canonname: if canon.is_some() { name } else { null_mut() },
                ai_next: null_mut(),
            },
            addr,
        });
        core::ptr::addr_of_mut!((*n).ai)
    }
}

fn resolve(host: Option<&[u8]>, service: Option<&[u8]>, r: &Request) -> Result<*mut addrinfo, c_int> {
    if r.flags & !KNOWN_FLAGS != 0 {
        return Err(EAI_BADFLAGS);
    }
    if ![AF_UNSPEC, AF_INET, AF_INET6].contains(&r.family) {
        return Err(EAI_FAMILY);
    }
    if host.is_none() && service.is_none() {
        return Err(EAI_NONAME);
    }
    let types = services(service, r)?;
    let addrs = hosts(host, r)?;
    let mut head: *mut addrinfo = null_mut();
    let mut tail = &mut head;
    let mut canon = host;
    for a in addrs.as_slice() {
        for &(t, port) in types.as_slice() {
            let n = node(r, a, t, port, canon.take());
            if n.is_null() {
                // SAFETY: `head` is the list built so far.
                unsafe { freeaddrinfo(head) };
                return Err(EAI_MEMORY);
            }
            *tail = n;
            // SAFETY: `n` is a valid node just made.
            tail = unsafe { &mut (*n).ai_next };
        }
    }
    Ok(head)
}

/// POSIX `getaddrinfo`: see the module documentation for what resolves.
/// `AI_CANONNAME` is always in effect (cloudlibc), so the first result
/// carries the host as given; `AI_ADDRCONFIG` is accepted and ignored.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getaddrinfo(
    node: *const c_char,
    service: *const c_char,
    hints: *const addrinfo,
    res: *mut *mut addrinfo,
) -> c_int {
    // SAFETY: `hints` is null or readable (C contract).
    let r = match unsafe { hints.as_ref() } {
        Some(h) => Request { flags: h.ai_flags, family: h.ai_family, socktype: h.ai_socktype, protocol: h.ai_protocol },
        None => Request { flags: 0, family: AF_UNSPEC, socktype: 0, protocol: 0 },
    };
    // SAFETY: `node` and `service` are null or C strings (C contract).
    let text = |p: *const c_char| (!p.is_null()).then(|| unsafe { cptr::cstr(p) });
    match resolve(text(node), text(service), &r) {
        Ok(list) => {
            // SAFETY: `res` is writable (C contract).
            unsafe { *res = list };
            0
        }
        Err(e) => e,
    }
}

/// POSIX `freeaddrinfo`: frees a list `getaddrinfo` returned.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn freeaddrinfo(mut ai: *mut addrinfo) {
    while !ai.is_null() {
        // SAFETY: every node is one block from `node`, `ai` at its start.
        unsafe {
            let next = (*ai).ai_next;
            free(ai.cast::<c_void>());
            ai = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::CStr;

    fn canon(ai: &addrinfo) -> Option<&CStr> {
        // SAFETY: ai_canonname is null or a C string.
        (!ai.ai_canonname.is_null()).then(|| unsafe { CStr::from_ptr(ai.ai_canonname) })
    }

    /// (family, socktype, protocol, address bytes as C lays them out,
    /// canonical name) of each result.
    fn lookup(host: Option<&CStr>, service: Option<&CStr>, hints: Option<addrinfo>) -> Result<Vec<(c_int, c_int, c_int, Vec<u8>, Option<String>)>, c_int> {
        let mut res = null_mut();
        let h = hints.as_ref().map_or(core::ptr::null(), |h| h as *const addrinfo);
        // SAFETY: valid strings and pointers.
        let e = unsafe {
            getaddrinfo(host.map_or(core::ptr::null(), CStr::as_ptr), service.map_or(core::ptr::null(), CStr::as_ptr), h, &mut res)
        };
        if e != 0 {
            return Err(e);
        }
        let mut out = Vec::new();
        let mut p = res;
        while !p.is_null() {
            // SAFETY: a list from getaddrinfo.
            let ai = unsafe { &*p };
            // SAFETY: ai_addr has ai_addrlen bytes.
            let bytes = unsafe { core::slice::from_raw_parts(ai.ai_addr.cast::<u8>(), ai.ai_addrlen) }.to_vec();
            out.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, bytes, canon(ai).map(|c| c.to_string_lossy().into_owned())));
            p = ai.ai_next;
        }
        // SAFETY: the list from getaddrinfo.
        unsafe { freeaddrinfo(res) };
        Ok(out)
    }

    fn hints(flags: c_int, family: c_int, socktype: c_int) -> Option<addrinfo> {
        Some(addrinfo {
            ai_flags: flags,
            ai_family: family,
            ai_socktype: socktype,
            ai_protocol: 0,
            ai_addrlen: 0,
            ai_addr: null_mut(),
            ai_canonname: null_mut(),
            ai_next: null_mut(),
        })
    }

    fn sin(port: u16, a: [u8; 4]) -> Vec<u8> {
        let mut b = vec![AF_INET as u8, 0];
        b.extend(port.to_be_bytes());
        b.extend(a);
        b.resize(16, 0);
        b
    }

    #[test]
    fn numeric_ipv4_with_numeric_service() {
        let r = lookup(Some(c"10.1.2.3"), Some(c"8080"), hints(0, AF_UNSPEC, SOCK_STREAM)).unwrap();
        assert_eq!(r, vec![(AF_INET, SOCK_STREAM, IPPROTO_TCP, sin(8080, [10, 1, 2, 3]), Some("10.1.2.3".into()))]);
    }

    #[test]
    fn both_socket_types_without_a_hint() {
        let r = lookup(Some(c"127.1"), Some(c"53"), None).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].1, r[0].2), (SOCK_STREAM, IPPROTO_TCP));
        assert_eq!((r[1].1, r[1].2), (SOCK_DGRAM, IPPROTO_UDP));
        assert_eq!(r[1].3, sin(53, [127, 0, 0, 1]));
        assert_eq!(r[1].4, None);
    }

    #[test]
    fn numeric_ipv6_with_scope() {
        let r = lookup(Some(c"fe80::1%3"), Some(c"22"), hints(0, AF_INET6, SOCK_STREAM)).unwrap();
        let b = &r[0].3;
        assert_eq!(b.len(), 32);
        assert_eq!((b[0], u16::from_be_bytes([b[2], b[3]])), (AF_INET6 as u8, 22));
        assert_eq!(&b[8..10], &[0xfe, 0x80]);
        assert_eq!(b[23], 1);
        assert_eq!(u32::from_ne_bytes(b[24..28].try_into().unwrap()), 3);
        assert_eq!(lookup(Some(c"fe80::1%eth0"), None, None), Err(EAI_NONAME));
    }

    #[test]
    fn families_filter_and_map() {
        assert_eq!(lookup(Some(c"::1"), None, hints(0, AF_INET, 0)), Err(EAI_NONAME));
        assert_eq!(lookup(Some(c"1.2.3.4"), None, hints(0, AF_INET6, 0)), Err(EAI_NONAME));
        let r = lookup(Some(c"1.2.3.4"), None, hints(AI_V4MAPPED, AF_INET6, SOCK_DGRAM)).unwrap();
        assert_eq!(&r[0].3[8..24], &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4]);
    }

    #[test]
    fn no_host_means_loopback_or_wildcard() {
        let r = lookup(None, Some(c"80"), hints(0, AF_UNSPEC, SOCK_STREAM)).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].3, sin(80, [127, 0, 0, 1]));
        assert_eq!(r[1].3[23], 1);
        let r = lookup(None, Some(c"80"), hints(AI_PASSIVE, AF_INET, SOCK_STREAM)).unwrap();
        assert_eq!(r, vec![(AF_INET, SOCK_STREAM, IPPROTO_TCP, sin(80, [0; 4]), None)]);
    }

    #[test]
    fn localhost_resolves_to_both_loopbacks() {
        let r = lookup(Some(c"LocalHost"), Some(c"http"), hints(0, AF_UNSPEC, SOCK_STREAM)).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].3, sin(80, [127, 0, 0, 1]));
        assert_eq!(r[0].4.as_deref(), Some("LocalHost"));
        assert_eq!(r[1].0, AF_INET6);
    }

    #[test]
    fn named_services() {
        let r = lookup(Some(c"1.2.3.4"), Some(c"domain"), None).unwrap();
        assert_eq!(r.len(), 2);
        let r = lookup(Some(c"1.2.3.4"), Some(c"https"), None).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, SOCK_STREAM);
        assert_eq!(lookup(Some(c"1.2.3.4"), Some(c"ntp"), hints(0, 0, SOCK_STREAM)), Err(EAI_SERVICE));
        assert_eq!(lookup(Some(c"1.2.3.4"), Some(c"nosuch"), None), Err(EAI_SERVICE));
        assert_eq!(lookup(Some(c"1.2.3.4"), Some(c"http"), hints(AI_NUMERICSERV, 0, 0)), Err(EAI_NONAME));
        assert_eq!(lookup(Some(c"1.2.3.4"), Some(c"65536"), None), Err(EAI_SERVICE));
    }

    #[test]
    fn errors() {
        assert_eq!(lookup(Some(c"example.com"), Some(c"80"), None), Err(EAI_NONAME));
        assert_eq!(lookup(Some(c""), Some(c"80"), None), Err(EAI_NONAME));
        assert_eq!(lookup(Some(c"1.2.3.4 "), None, None), Err(EAI_NONAME));
        assert_eq!(lookup(None, None, None), Err(EAI_NONAME));
        assert_eq!(lookup(Some(c"1.2.3.4"), None, hints(0x100, 0, 0)), Err(EAI_BADFLAGS));
        assert_eq!(lookup(Some(c"1.2.3.4"), None, hints(0, 99, 0)), Err(EAI_FAMILY));
        assert_eq!(lookup(Some(c"1.2.3.4"), None, hints(0, 0, 7)), Err(EAI_SOCKTYPE));
    }
}
