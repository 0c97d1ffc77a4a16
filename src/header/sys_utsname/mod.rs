//! `<sys/utsname.h>`: `uname` (cloudlibc). The system is CloudABI on
//! x86_64; the release is this library's version; a sandbox has no host
//! name of its own, so the node name is "localhost" (as `gethostname`).

use crate::abi::{c_char, c_int};

const FIELD: usize = 32;

/// `struct utsname` as include/sys/utsname.h lays it out.
#[repr(C)]
pub struct utsname {
    pub sysname: [c_char; FIELD],
    pub release: [c_char; FIELD],
    pub version: [c_char; FIELD],
    pub machine: [c_char; FIELD],
    pub nodename: [c_char; FIELD],
}

fn field(s: &str) -> [c_char; FIELD] {
    let mut out = [0; FIELD];
    for (o, b) in out.iter_mut().zip(s.bytes().take(FIELD - 1)) {
        *o = b as c_char;
    }
    out
}

/// The values `uname` reports.
pub fn current() -> utsname {
    utsname {
        sysname: field("CloudABI"),
        release: field(env!("CARGO_PKG_VERSION")),
        version: field("cloudlibc-rs"),
        machine: field("x86_64"),
        nodename: field("localhost"),
    }
}

/// cloudlibc `uname`: names the system (see the module documentation).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uname(out: *mut utsname) -> c_int {
    // SAFETY: `out` points at a writable struct utsname (C contract).
    unsafe { out.write(current()) };
    0
}
