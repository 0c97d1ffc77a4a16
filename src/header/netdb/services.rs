//! The built-in protocol and service databases: getprotobyname,
//! getprotobynumber, getservbyname, getservbyport, set/endprotoent,
//! set/endservent; compat getprotoent, getservent.
//!
//! Results live in one static buffer per database, overwritten by the next
//! call, as POSIX allows.

use super::{protoent, servent};
use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::sync::SpinLock;
use core::ffi::CStr;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicUsize, Ordering};

struct Protocol {
    name: &'static CStr,
    number: c_int,
    alias: &'static CStr,
}

const PROTOCOLS: &[Protocol] = &[
    Protocol { name: c"ip", number: 0, alias: c"IP" },
    Protocol { name: c"icmp", number: 1, alias: c"ICMP" },
    Protocol { name: c"tcp", number: 6, alias: c"TCP" },
    Protocol { name: c"udp", number: 17, alias: c"UDP" },
    Protocol { name: c"ipv6", number: 41, alias: c"IPv6" },
    Protocol { name: c"ipv6-icmp", number: 58, alias: c"IPv6-ICMP" },
];

/// A service and the transport protocols it is defined for.
pub struct Service {
    pub name: &'static CStr,
    pub port: u16,
    tcp: bool,
    udp: bool,
    aliases: &'static [&'static CStr],
}

const fn both(name: &'static CStr, port: u16) -> Service {
    Service { name, port, tcp: true, udp: true, aliases: &[] }
}

const fn tcp(name: &'static CStr, port: u16, aliases: &'static [&'static CStr]) -> Service {
    Service { name, port, tcp: true, udp: false, aliases }
}

const fn udp(name: &'static CStr, port: u16) -> Service {
    Service { name, port, tcp: false, udp: true, aliases: &[] }
}

/// Well-known services (a subset of the IANA registry).
const SERVICES: &[Service] = &[
    both(c"echo", 7),
    both(c"discard", 9),
    both(c"daytime", 13),
    tcp(c"ftp-data", 20, &[]),
    tcp(c"ftp", 21, &[]),
    tcp(c"ssh", 22, &[]),
    tcp(c"telnet", 23, &[]),
    tcp(c"smtp", 25, &[c"mail"]),
    both(c"time", 37),
    both(c"domain", 53),
    udp(c"tftp", 69),
    tcp(c"finger", 79, &[]),
    tcp(c"http", 80, &[c"www"]),
    both(c"kerberos", 88),
    tcp(c"pop3", 110, &[c"pop-3"]),
    both(c"sunrpc", 111),
    tcp(c"nntp", 119, &[]),
    udp(c"ntp", 123),
    tcp(c"imap", 143, &[c"imap2"]),
    udp(c"snmp", 161),
    tcp(c"bgp", 179, &[]),
    tcp(c"ldap", 389, &[]),
    tcp(c"https", 443, &[]),
    udp(c"syslog", 514),
    tcp(c"submission", 587, &[]),
    tcp(c"ldaps", 636, &[]),
    tcp(c"rsync", 873, &[]),
    tcp(c"imaps", 993, &[]),
    tcp(c"pop3s", 995, &[]),
];

const TCP: &CStr = c"tcp";
const UDP: &CStr = c"udp";

impl Service {
    fn offers(&self, proto: &CStr) -> bool {
        (self.tcp && proto == TCP) || (self.udp && proto == UDP)
    }

    fn named(&self, name: &[u8]) -> bool {
        self.name.to_bytes() == name || self.aliases.iter().any(|a| a.to_bytes() == name)
    }
}

/// The port of service `name` over `proto` ("tcp" or "udp").
pub fn service_port(name: &[u8], proto: &CStr) -> Option<u16> {
    SERVICES.iter().find(|s| s.named(name) && s.offers(proto)).map(|s| s.port)
}

/// The name of the service on `port` over `proto`.
pub fn service_name(port: u16, proto: &CStr) -> Option<&'static CStr> {
    SERVICES.iter().find(|s| s.port == port && s.offers(proto)).map(|s| s.name)
}

/// Room for the longest alias list in the tables, plus its null.
const ALIASES: usize = 2;

/// The static result of the protocol database.
struct ProtoBuf {
    ent: protoent,
    aliases: [*mut c_char; ALIASES],
}

// SAFETY: the pointers refer to the static tables, which are never written.
unsafe impl Send for ProtoBuf {}

static PROTO: SpinLock<ProtoBuf> = SpinLock::new(ProtoBuf {
    ent: protoent { p_name: null_mut(), p_aliases: null_mut(), p_proto: 0 },
    aliases: [null_mut(); ALIASES],
});

fn proto_result(p: &Protocol) -> *mut protoent {
    let mut b = PROTO.lock();
    b.aliases = [p.alias.as_ptr().cast_mut(), null_mut()];
    b.ent = protoent { p_name: p.name.as_ptr().cast_mut(), p_aliases: b.aliases.as_mut_ptr(), p_proto: p.number };
    &mut b.ent
}

/// The static result of the service database.
struct ServBuf {
    ent: servent,
    aliases: [*mut c_char; ALIASES],
}

// SAFETY: as for ProtoBuf.
unsafe impl Send for ServBuf {}

static SERV: SpinLock<ServBuf> = SpinLock::new(ServBuf {
    ent: servent { s_name: null_mut(), s_aliases: null_mut(), s_port: 0, s_proto: null_mut() },
    aliases: [null_mut(); ALIASES],
});

fn serv_result(s: &Service, proto: &'static CStr) -> *mut servent {
    let mut b = SERV.lock();
    b.aliases = [null_mut(); ALIASES];
    for (slot, a) in b.aliases.iter_mut().zip(s.aliases) {
        *slot = a.as_ptr().cast_mut();
    }
    b.ent = servent {
        s_name: s.name.as_ptr().cast_mut(),
        s_aliases: b.aliases.as_mut_ptr(),
        s_port: c_int::from(s.port.to_be()),
        s_proto: proto.as_ptr().cast_mut(),
    };
    &mut b.ent
}

/// The protocols a service lookup may match: the one named, or both.
///
/// # Safety
/// `proto` is null or a C string.
unsafe fn protocols(proto: *const c_char) -> &'static [&'static CStr] {
    if proto.is_null() {
        return &[TCP, UDP];
    }
    // SAFETY: the caller's contract.
    match unsafe { cptr::cstr(proto) } {
        b"tcp" => &[TCP],
        b"udp" => &[UDP],
        _ => &[],
    }
}

/// POSIX `getprotobyname`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getprotobyname(name: *const c_char) -> *mut protoent {
    // SAFETY: `name` is a C string (C contract).
    let n = unsafe { cptr::cstr(name) };
    PROTOCOLS
        .iter()
        .find(|p| p.name.to_bytes() == n || p.alias.to_bytes() == n)
        .map_or(null_mut(), proto_result)
}

/// POSIX `getprotobynumber`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getprotobynumber(number: c_int) -> *mut protoent {
    PROTOCOLS.iter().find(|p| p.number == number).map_or(null_mut(), proto_result)
}

/// POSIX `getservbyname`: `proto` null matches TCP or UDP.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getservbyname(name: *const c_char, proto: *const c_char) -> *mut servent {
    // SAFETY: `name` is a C string, `proto` null or one (C contract).
    let (n, protos) = unsafe { (cptr::cstr(name), protocols(proto)) };
    for &p in protos {
        if let Some(s) = SERVICES.iter().find(|s| s.named(n) && s.offers(p)) {
            return serv_result(s, p);
        }
    }
    null_mut()
}

/// POSIX `getservbyport`: `port` in network byte order.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getservbyport(port: c_int, proto: *const c_char) -> *mut servent {
    let port = u16::from_be(port as u16);
    // SAFETY: `proto` is null or a C string (C contract).
    for &p in unsafe { protocols(proto) } {
        if let Some(s) = SERVICES.iter().find(|s| s.port == port && s.offers(p)) {
            return serv_result(s, p);
        }
    }
    null_mut()
}

/// Where `getprotoent` and `getservent` are in their tables.
static PROTO_NEXT: AtomicUsize = AtomicUsize::new(0);
static SERV_NEXT: AtomicUsize = AtomicUsize::new(0);

/// POSIX `setprotoent`: rewinds `getprotoent`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setprotoent(_stayopen: c_int) {
    PROTO_NEXT.store(0, Ordering::Relaxed);
}

/// POSIX `endprotoent`: rewinds `getprotoent`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn endprotoent() {
    PROTO_NEXT.store(0, Ordering::Relaxed);
}

/// POSIX `setservent`: rewinds `getservent`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setservent(_stayopen: c_int) {
    SERV_NEXT.store(0, Ordering::Relaxed);
}

/// POSIX `endservent`: rewinds `getservent`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn endservent() {
    SERV_NEXT.store(0, Ordering::Relaxed);
}

/// Compat `getprotoent`: the next entry of the protocol table, or null.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getprotoent() -> *mut protoent {
    PROTOCOLS.get(PROTO_NEXT.fetch_add(1, Ordering::Relaxed)).map_or(null_mut(), proto_result)
}

/// Compat `getservent`: the next (service, protocol) pair of the service
/// table, or null.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getservent() -> *mut servent {
    let mut pairs = SERVICES.iter().flat_map(|s| [TCP, UDP].into_iter().filter(|&p| s.offers(p)).map(move |p| (s, p)));
    pairs.nth(SERV_NEXT.fetch_add(1, Ordering::Relaxed)).map_or(null_mut(), |(s, p)| serv_result(s, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tests share the static result buffers and cursors.
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn text(p: *const c_char) -> &'static [u8] {
        // SAFETY: the tables hold C strings.
        unsafe { cptr::cstr(p) }
    }

    #[test]
    fn protocols_by_name_alias_and_number() {
        let _serial = SERIAL.lock().unwrap();
        // SAFETY: the results point into the tables.
        unsafe {
            let p = &*getprotobyname(c"tcp".as_ptr());
            assert_eq!(p.p_proto, 6);
            assert_eq!(text(*p.p_aliases), b"TCP");
            assert!((*p.p_aliases.add(1)).is_null());
            assert_eq!((*getprotobyname(c"UDP".as_ptr())).p_proto, 17);
            assert_eq!(text((*getprotobynumber(41)).p_name), b"ipv6");
        }
        // SAFETY: a C string literal.
        assert!(unsafe { getprotobyname(c"sctp".as_ptr()) }.is_null());
        assert!(getprotobynumber(132).is_null());
    }

    #[test]
    fn services_by_name_and_port() {
        let _serial = SERIAL.lock().unwrap();
        // SAFETY: the results point into the tables.
        unsafe {
            let s = &*getservbyname(c"www".as_ptr(), c"tcp".as_ptr());
            assert_eq!(text(s.s_name), b"http");
            assert_eq!(u16::from_be(s.s_port as u16), 80);
            assert_eq!(text(s.s_proto), b"tcp");
            let s = &*getservbyname(c"domain".as_ptr(), core::ptr::null());
            assert_eq!(text(s.s_proto), b"tcp");
            assert!(getservbyname(c"ntp".as_ptr(), c"tcp".as_ptr()).is_null());
            assert_eq!(text((*getservbyname(c"ntp".as_ptr(), core::ptr::null())).s_proto), b"udp");
            let s = &*getservbyport(c_int::from(443u16.to_be()), c"tcp".as_ptr());
            assert_eq!(text(s.s_name), b"https");
            assert!(getservbyport(c_int::from(443u16.to_be()), c"udp".as_ptr()).is_null());
            assert!(getservbyname(c"http".as_ptr(), c"sctp".as_ptr()).is_null());
        }
    }

    #[test]
    fn lookups_for_getaddrinfo_and_getnameinfo() {
        assert_eq!(service_port(b"https", TCP), Some(443));
        assert_eq!(service_port(b"https", UDP), None);
        assert_eq!(service_port(b"www", TCP), Some(80));
        assert_eq!(service_name(53, UDP), Some(c"domain"));
        assert_eq!(service_name(9999, TCP), None);
    }

    #[test]
    fn enumeration_walks_the_tables() {
        let _serial = SERIAL.lock().unwrap();
        setprotoent(0);
        let mut n = 0;
        while !getprotoent().is_null() {
            n += 1;
        }
        assert_eq!(n, PROTOCOLS.len());
        endprotoent();
        assert!(!getprotoent().is_null());
        setservent(1);
        let mut pairs = 0;
        while !getservent().is_null() {
            pairs += 1;
        }
        assert_eq!(pairs, SERVICES.iter().map(|s| usize::from(s.tcp) + usize::from(s.udp)).sum::<usize>());
        endservent();
    }
}
