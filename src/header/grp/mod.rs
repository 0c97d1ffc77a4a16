//! `<grp.h>` (compat): the group database, with the one group "nobody"
//! (gid 65534, no members listed), matching `getgid`. Other groups are
//! not found (NULL, errno unchanged). Supplementary groups cannot be
//! changed: `setgroups` succeeds only for the empty list there already
//! is, `initgroups` fails with EPERM.

use crate::abi::{c_char, c_int, size_t};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::pwd::db::{Db, Packer};
use crate::header::pwd::{is_nobody, NAME};
use crate::header::sys_stat::NOBODY;
use cloudabi::errno;
use core::ptr::null_mut;

/// `struct group` as include/grp.h lays it out.
#[repr(C)]
pub struct group {
    pub gr_name: *mut c_char,
    pub gr_passwd: *mut c_char,
    pub gr_gid: u32,
    pub gr_mem: *mut *mut c_char,
}

/// Fills `gr` with the one entry, its strings and member list stored by
/// `pack`.
fn fill(gr: &mut group, pack: &mut Packer) -> Result<(), Errno> {
    let mem = pack.take(core::mem::size_of::<*mut c_char>(), core::mem::align_of::<*mut c_char>())?;
    // SAFETY: `take` reserved room for one aligned pointer.
    unsafe { mem.cast::<*mut c_char>().write(null_mut()) };
    *gr = group { gr_name: pack.string(NAME)?, gr_passwd: pack.string(b"*")?, gr_gid: NOBODY, gr_mem: mem.cast() };
    Ok(())
}

const EMPTY: group = group { gr_name: null_mut(), gr_passwd: null_mut(), gr_gid: 0, gr_mem: null_mut() };

static DB: Db<group, 4> = Db::new(EMPTY, fill);

/// Compat `getgrnam`: the entry for "nobody", else NULL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getgrnam(name: *const c_char) -> *mut group {
    // SAFETY: forwarded C contract.
    DB.lookup(unsafe { is_nobody(name) })
}

/// Compat `getgrgid`: the entry for 65534, else NULL.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getgrgid(gid: u32) -> *mut group {
    DB.lookup(gid == NOBODY)
}

/// Compat `getgrnam_r`: as `getgrnam`, into the caller's storage (ERANGE
/// if `buf` is too small).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getgrnam_r(
    name: *const c_char,
    gr: *mut group,
    buf: *mut c_char,
    len: size_t,
    result: *mut *mut group,
) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { DB.lookup_r(is_nobody(name), gr, buf, len, result) }
}

/// Compat `getgrgid_r`: as `getgrgid`, into the caller's storage.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getgrgid_r(
    gid: u32,
    gr: *mut group,
    buf: *mut c_char,
    len: size_t,
    result: *mut *mut group,
) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { DB.lookup_r(gid == NOBODY, gr, buf, len, result) }
}

/// Compat `getgrent`: the one entry, then NULL until `setgrent`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn getgrent() -> *mut group {
    DB.next()
}

/// Compat `setgrent`: restarts `getgrent`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setgrent() {
    DB.rewind();
}

/// Compat `endgrent`: as `setgrent` (nothing is open).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn endgrent() {
    DB.rewind();
}

/// Compat (BSD) `getgrouplist`: `group`, plus 65534 for "nobody" (its
/// only group). Returns the count, or -1 with the needed count in
/// `*ngroups` when the array is too small.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getgrouplist(user: *const c_char, group: u32, groups: *mut u32, ngroups: *mut c_int) -> c_int {
    // SAFETY: `user` is a C string (C contract).
    let extra = unsafe { cptr::cstr(user) } == NAME && group != NOBODY;
    let list = [group, NOBODY];
    let list = &list[..1 + extra as usize];
    // SAFETY: `ngroups` is readable and writable (C contract).
    let room = unsafe { *ngroups };
    // SAFETY: as above.
    unsafe { *ngroups = list.len() as c_int };
    if room < list.len() as c_int {
        return -1;
    }
    // SAFETY: `groups` has room for `room` entries (C contract).
    unsafe { core::ptr::copy_nonoverlapping(list.as_ptr(), groups, list.len()) };
    list.len() as c_int
}

/// Compat `setgroups`: only the empty list (no change); else EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setgroups(n: size_t, _list: *const u32) -> c_int {
    if n == 0 {
        0
    } else {
        Err(errno::PERM).or_errno(-1)
    }
}

/// Compat `initgroups`: EPERM (supplementary groups cannot be set).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn initgroups(_user: *const c_char, _group: u32) -> c_int {
    Err(errno::PERM).or_errno(-1)
}
