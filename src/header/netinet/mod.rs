//! `<netinet/in.h>`: Internet socket addresses, the IPv6 address class
//! predicates and the `in6addr_*` constants. The byte-order functions it
//! also declares are in `arpa_inet`.

use crate::abi::c_int;
use crate::header::sys_socket::sa_family_t;

pub type in_port_t = u16;
pub type in_addr_t = u32;

pub const IPPROTO_IP: c_int = 0;
pub const IPPROTO_ICMP: c_int = 1;
pub const IPPROTO_TCP: c_int = 6;
pub const IPPROTO_UDP: c_int = 17;
pub const IPPROTO_IPV6: c_int = 41;
pub const IPPROTO_ICMPV6: c_int = 58;
pub const IPPROTO_RAW: c_int = 255;

/// `struct in_addr`: an IPv4 address in network byte order.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct in_addr {
    pub s_addr: in_addr_t,
}

/// `struct sockaddr_in` (16 bytes).
#[repr(C, align(16))]
pub struct sockaddr_in {
    pub sin_family: sa_family_t,
    pub sin_port: in_port_t,
    pub sin_addr: in_addr,
}

/// `struct in6_addr`.
#[repr(C, align(8))]
#[derive(Copy, Clone)]
pub struct in6_addr {
    pub s6_addr: [u8; 16],
}

/// `struct sockaddr_in6` (32 bytes).
#[repr(C, align(16))]
pub struct sockaddr_in6 {
    pub sin6_family: sa_family_t,
    pub sin6_port: in_port_t,
    pub sin6_flowinfo: u32,
    pub sin6_addr: in6_addr,
    pub sin6_scope_id: u32,
}

/// POSIX `in6addr_any`: `::`.
#[cfg_attr(not(test), no_mangle)]
pub static in6addr_any: in6_addr = in6_addr { s6_addr: [0; 16] };

/// POSIX `in6addr_loopback`: `::1`.
#[cfg_attr(not(test), no_mangle)]
pub static in6addr_loopback: in6_addr = in6_addr { s6_addr: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] };

fn prefix_is_zero(a: &[u8; 16], n: usize) -> bool {
    a[..n].iter().all(|&b| b == 0)
}

/// Multicast with the given scope (the low nibble of the second byte).
fn multicast_scope(a: &[u8; 16], scope: u8) -> bool {
    a[0] == 0xff && a[1] & 0xf == scope
}

macro_rules! in6_predicate {
    ($(#[$doc:meta] $name:ident: |$a:ident| $test:expr;)*) => {$(
        #[$doc]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $name(addr: *const in6_addr) -> c_int {
            // SAFETY: `addr` points to a readable in6_addr (C contract).
            let $a = unsafe { (*addr).s6_addr };
            c_int::from($test)
        }
    )*};
}

in6_predicate! {
    /// POSIX `IN6_IS_ADDR_UNSPECIFIED`: `::`.
    IN6_IS_ADDR_UNSPECIFIED: |a| a == [0; 16];
    /// POSIX `IN6_IS_ADDR_LOOPBACK`: `::1`.
    IN6_IS_ADDR_LOOPBACK: |a| prefix_is_zero(&a, 15) && a[15] == 1;
    /// POSIX `IN6_IS_ADDR_MULTICAST`: `ff00::/8`.
    IN6_IS_ADDR_MULTICAST: |a| a[0] == 0xff;
    /// POSIX `IN6_IS_ADDR_LINKLOCAL`: `fe80::/10`.
    IN6_IS_ADDR_LINKLOCAL: |a| a[0] == 0xfe && a[1] & 0xc0 == 0x80;
    /// POSIX `IN6_IS_ADDR_SITELOCAL`: `fec0::/10`.
    IN6_IS_ADDR_SITELOCAL: |a| a[0] == 0xfe && a[1] & 0xc0 == 0xc0;
    /// POSIX `IN6_IS_ADDR_V4MAPPED`: `::ffff:0:0/96`.
    IN6_IS_ADDR_V4MAPPED: |a| prefix_is_zero(&a, 10) && a[10] == 0xff && a[11] == 0xff;
    /// POSIX `IN6_IS_ADDR_V4COMPAT`: `::/96`, except `::` and `::1`.
    IN6_IS_ADDR_V4COMPAT: |a| prefix_is_zero(&a, 12) && !(prefix_is_zero(&a, 15) && a[15] <= 1);
    /// POSIX `IN6_IS_ADDR_MC_NODELOCAL`: multicast, interface-local scope.
    IN6_IS_ADDR_MC_NODELOCAL: |a| multicast_scope(&a, 0x1);
    /// POSIX `IN6_IS_ADDR_MC_LINKLOCAL`: multicast, link-local scope.
    IN6_IS_ADDR_MC_LINKLOCAL: |a| multicast_scope(&a, 0x2);
    /// POSIX `IN6_IS_ADDR_MC_SITELOCAL`: multicast, site-local scope.
    IN6_IS_ADDR_MC_SITELOCAL: |a| multicast_scope(&a, 0x5);
    /// POSIX `IN6_IS_ADDR_MC_ORGLOCAL`: multicast, organisation-local scope.
    IN6_IS_ADDR_MC_ORGLOCAL: |a| multicast_scope(&a, 0x8);
    /// POSIX `IN6_IS_ADDR_MC_GLOBAL`: multicast, global scope.
    IN6_IS_ADDR_MC_GLOBAL: |a| multicast_scope(&a, 0xe);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(b: &[u8]) -> in6_addr {
        let mut a = in6_addr { s6_addr: [0; 16] };
        a.s6_addr[16 - b.len()..].copy_from_slice(b);
        a
    }

    fn front(b: &[u8]) -> in6_addr {
        let mut a = in6_addr { s6_addr: [0; 16] };
        a.s6_addr[..b.len()].copy_from_slice(b);
        a
    }

    #[test]
    fn layouts_match_the_header() {
        assert_eq!(core::mem::size_of::<sockaddr_in>(), 16);
        assert_eq!(core::mem::size_of::<sockaddr_in6>(), 32);
        assert_eq!(core::mem::offset_of!(sockaddr_in6, sin6_addr), 8);
        assert_eq!(core::mem::offset_of!(sockaddr_in6, sin6_scope_id), 24);
    }

    #[test]
    fn predicates() {
        // SAFETY: every pointer is to a live local.
        unsafe {
            assert_eq!(IN6_IS_ADDR_UNSPECIFIED(&in6addr_any), 1);
            assert_eq!(IN6_IS_ADDR_UNSPECIFIED(&in6addr_loopback), 0);
            assert_eq!(IN6_IS_ADDR_LOOPBACK(&in6addr_loopback), 1);
            assert_eq!(IN6_IS_ADDR_LOOPBACK(&addr(&[1, 1])), 0);
            assert_eq!(IN6_IS_ADDR_MULTICAST(&front(&[0xff, 0x02])), 1);
            assert_eq!(IN6_IS_ADDR_LINKLOCAL(&front(&[0xfe, 0x80])), 1);
            assert_eq!(IN6_IS_ADDR_LINKLOCAL(&front(&[0xfe, 0xc0])), 0);
            assert_eq!(IN6_IS_ADDR_SITELOCAL(&front(&[0xfe, 0xc0])), 1);
            assert_eq!(IN6_IS_ADDR_V4MAPPED(&addr(&[0xff, 0xff, 1, 2, 3, 4])), 1);
            assert_eq!(IN6_IS_ADDR_V4MAPPED(&addr(&[0xfe, 0xff, 1, 2, 3, 4])), 0);
            assert_eq!(IN6_IS_ADDR_V4COMPAT(&addr(&[1, 2, 3, 4])), 1);
            assert_eq!(IN6_IS_ADDR_V4COMPAT(&addr(&[2])), 1);
            assert_eq!(IN6_IS_ADDR_V4COMPAT(&in6addr_loopback), 0);
            assert_eq!(IN6_IS_ADDR_V4COMPAT(&in6addr_any), 0);
            assert_eq!(IN6_IS_ADDR_MC_NODELOCAL(&front(&[0xff, 0x11])), 1);
            assert_eq!(IN6_IS_ADDR_MC_LINKLOCAL(&front(&[0xff, 0x02])), 1);
            assert_eq!(IN6_IS_ADDR_MC_SITELOCAL(&front(&[0xff, 0x05])), 1);
            assert_eq!(IN6_IS_ADDR_MC_ORGLOCAL(&front(&[0xff, 0x18])), 1);
            assert_eq!(IN6_IS_ADDR_MC_GLOBAL(&front(&[0xff, 0x0e])), 1);
            assert_eq!(IN6_IS_ADDR_MC_GLOBAL(&front(&[0xfe, 0x0e])), 0);
        }
    }
}
