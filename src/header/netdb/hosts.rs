//! Compat host and network databases: `gethostbyname` knows numeric IPv4
//! addresses and `localhost`; nothing else has a name or an entry.

use super::*;
use crate::cptr;
use crate::header::arpa_inet::parse_aton;
use crate::header::sys_socket::AF_INET;
use crate::sync::SpinLock;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicI32, Ordering};

pub const HOST_NOT_FOUND: c_int = 1;
pub const TRY_AGAIN: c_int = 2;
pub const NO_RECOVERY: c_int = 3;
pub const NO_DATA: c_int = 4;

/// Compat `h_errno`: why the last host lookup failed (not thread-local,
/// as with the obsolete functions that set it).
#[cfg_attr(not(test), no_mangle)]
pub static h_errno: AtomicI32 = AtomicI32::new(0);

/// The static result of `gethostbyname`.
struct HostBuf {
    ent: hostent,
    name: [c_char; 256],
    addr: [u8; 4],
    addr_list: [*mut c_char; 2],
    aliases: [*mut c_char; 1],
}

// SAFETY: the pointers only refer into the buffer itself.
unsafe impl Send for HostBuf {}

static HOST: SpinLock<HostBuf> = SpinLock::new(HostBuf {
    ent: hostent { h_name: null_mut(), h_aliases: null_mut(), h_addrtype: 0, h_length: 0, h_addr_list: null_mut() },
    name: [0; 256],
    addr: [0; 4],
    addr_list: [null_mut(); 2],
    aliases: [null_mut(); 1],
});

fn not_found<T>() -> *mut T {
    h_errno.store(HOST_NOT_FOUND, Ordering::Relaxed);
    null_mut()
}

/// Compat `gethostbyname`: numeric IPv4 hosts and `localhost` (127.0.0.1);
/// any other name is `HOST_NOT_FOUND`. The result is overwritten by the
/// next call.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn gethostbyname(name: *const c_char) -> *mut hostent {
    // SAFETY: `name` is a C string (C contract).
    let n = unsafe { cptr::cstr(name) };
    let addr = if n.eq_ignore_ascii_case(b"localhost") {
        0x7f00_0001
    } else {
        match parse_aton(n).filter(|_| !n.iter().any(u8::is_ascii_whitespace)) {
            Some(a) => a,
            None => return not_found(),
        }
    };
    let mut b = HOST.lock();
    let len = n.len().min(b.name.len() - 1);
    for (d, &s) in b.name.iter_mut().zip(&n[..len]) {
        *d = s as c_char;
    }
    b.name[len] = 0;
    b.addr = addr.to_be_bytes();
    b.addr_list = [b.addr.as_mut_ptr().cast(), null_mut()];
    b.aliases = [null_mut()];
    b.ent = hostent {
        h_name: b.name.as_mut_ptr(),
        h_aliases: b.aliases.as_mut_ptr(),
        h_addrtype: AF_INET,
        h_length: 4,
        h_addr_list: b.addr_list.as_mut_ptr(),
    };
    &mut b.ent
}

/// Compat `gethostbyaddr`: there is no reverse lookup; `HOST_NOT_FOUND`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn gethostbyaddr(_addr: *const core::ffi::c_void, _len: socklen_t, _kind: c_int) -> *mut hostent {
    not_found()
}

/// Compat `gethostent`: the host database is empty.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn gethostent() -> *mut hostent {
    null_mut()
}

/// Compat `sethostent`: nothing to open.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn sethostent(_stayopen: c_int) {}

/// Compat `endhostent`: nothing to close.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn endhostent() {}

/// Compat `getnetent`: the network database is empty.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getnetent() -> *mut netent {
    null_mut()
}

/// Compat `getnetbyname`: the network database is empty.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getnetbyname(_name: *const c_char) -> *mut netent {
    null_mut()
}

/// Compat `getnetbyaddr`: the network database is empty.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getnetbyaddr(_net: u32, _kind: c_int) -> *mut netent {
    null_mut()
}

/// Compat `setnetent`: nothing to open.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setnetent(_stayopen: c_int) {}

/// Compat `endnetent`: nothing to close.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn endnetent() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_and_localhost_resolve() {
        // SAFETY: C string literals; results point into the static buffer.
        unsafe {
            let h = &*gethostbyname(c"10.0.0.1".as_ptr());
            assert_eq!(cptr::cstr(h.h_name), b"10.0.0.1");
            assert_eq!((h.h_addrtype, h.h_length), (AF_INET, 4));
            assert_eq!(core::slice::from_raw_parts((*h.h_addr_list).cast::<u8>(), 4), &[10, 0, 0, 1]);
            assert!((*h.h_addr_list.add(1)).is_null());
            assert!((*h.h_aliases).is_null());
            let h = &*gethostbyname(c"localhost".as_ptr());
            assert_eq!(core::slice::from_raw_parts((*h.h_addr_list).cast::<u8>(), 4), &[127, 0, 0, 1]);
            assert!(gethostbyname(c"example.com".as_ptr()).is_null());
        }
        assert_eq!(h_errno.load(Ordering::Relaxed), HOST_NOT_FOUND);
    }
}
