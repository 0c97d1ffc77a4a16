//! `<pwd.h>` (compat): the user database. A CloudABI process runs as no
//! user; the database has one entry describing the identity the compat
//! layer reports (`getuid` is 65534): "nobody", uid and gid 65534, home
//! `$HOME` when set (else "/"), no password and no shell. Every other
//! user is not found: NULL (or a NULL result) with errno unchanged.

pub mod db;

use self::db::{Db, Packer};
use crate::abi::{c_char, c_int, size_t};
use crate::cptr;
use crate::errno::Errno;
use crate::header::stdlib::env::getenv;
use crate::header::sys_stat::NOBODY;
use core::ptr::null_mut;

/// The one user's (and group's) name.
pub const NAME: &[u8] = b"nobody";

/// `struct passwd` as include/pwd.h lays it out.
#[repr(C)]
pub struct passwd {
    pub pw_name: *mut c_char,
    pub pw_passwd: *mut c_char,
    pub pw_uid: u32,
    pub pw_gid: u32,
    pub pw_gecos: *mut c_char,
    pub pw_dir: *mut c_char,
    pub pw_shell: *mut c_char,
}

/// The home directory: `$HOME` if set and not empty, else "/".
fn home<'a>() -> &'a [u8] {
    // SAFETY: the name is a C string; the value lives until the
    // environment changes, and is copied before that.
    let h = unsafe { getenv(c"HOME".as_ptr()) };
    if h.is_null() {
        return b"/";
    }
    // SAFETY: getenv returned a C string.
    match unsafe { cptr::cstr(h) } {
        b"" => b"/",
        s => s,
    }
}

fn fill(pw: &mut passwd, pack: &mut Packer) -> Result<(), Errno> {
    *pw = passwd {
        pw_name: pack.string(NAME)?,
        pw_passwd: pack.string(b"*")?,
        pw_uid: NOBODY,
        pw_gid: NOBODY,
        pw_gecos: pack.string(b"")?,
        pw_dir: pack.string(home())?,
        pw_shell: pack.string(b"")?,
    };
    Ok(())
}

const EMPTY: passwd = passwd {
    pw_name: null_mut(),
    pw_passwd: null_mut(),
    pw_uid: 0,
    pw_gid: 0,
    pw_gecos: null_mut(),
    pw_dir: null_mut(),
    pw_shell: null_mut(),
};

/// Room for the strings, with a home directory up to PATH_MAX.
static DB: Db<passwd, 520> = Db::new(EMPTY, fill);

/// Whether `name` names the one user (and group).
pub unsafe fn is_nobody(name: *const c_char) -> bool {
    // SAFETY: `name` is a C string (C contract).
    (unsafe { cptr::cstr(name) }) == NAME
}

/// Compat `getpwnam`: the entry for "nobody", else NULL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getpwnam(name: *const c_char) -> *mut passwd {
    // SAFETY: forwarded C contract.
    DB.lookup(unsafe { is_nobody(name) })
}

/// Compat `getpwuid`: the entry for 65534, else NULL.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getpwuid(uid: u32) -> *mut passwd {
    DB.lookup(uid == NOBODY)
}

/// Compat `getpwnam_r`: as `getpwnam`, into the caller's storage (ERANGE
/// if `buf` is too small).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getpwnam_r(
    name: *const c_char,
    pw: *mut passwd,
    buf: *mut c_char,
    len: size_t,
    result: *mut *mut passwd,
) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { DB.lookup_r(is_nobody(name), pw, buf, len, result) }
}

/// Compat `getpwuid_r`: as `getpwuid`, into the caller's storage.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getpwuid_r(
    uid: u32,
    pw: *mut passwd,
    buf: *mut c_char,
    len: size_t,
    result: *mut *mut passwd,
) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { DB.lookup_r(uid == NOBODY, pw, buf, len, result) }
}

/// Compat `getpwent`: the one entry, then NULL until `setpwent`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getpwent() -> *mut passwd {
    DB.next()
}

/// Compat `setpwent`: restarts `getpwent`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setpwent() {
    DB.rewind();
}

/// Compat `endpwent`: as `setpwent` (nothing is open).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn endpwent() {
    DB.rewind();
}
