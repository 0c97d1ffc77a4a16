//! hcreate_r, hsearch_r, hdestroy_r (cloudlibc, glibc) and the compat
//! hcreate, hsearch, hdestroy on one process-wide table.
//!
//! Open addressing with linear probing over a power-of-two number of
//! slots, at least a third more than the `nel` the caller expects, hashed
//! with FNV-1a. The table does not grow (entries handed out stay where
//! they are); ENTER fails with ENOMEM once all but one slot are taken.

use crate::abi::{c_char, c_int, c_void, size_t};
use crate::cptr;
use crate::errno::set_errno;
use crate::header::stdlib::malloc::{calloc, free};
use cloudabi::errno;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct ENTRY {
    pub key: *mut c_char,
    pub data: *mut c_void,
}

/// ACTION: FIND looks up, ENTER also inserts.
pub type ACTION = c_int;
pub const FIND: ACTION = 0;
pub const ENTER: ACTION = 1;

/// The allocation behind `struct hsearch_data`: this header, then the slots.
#[repr(C)]
struct Table {
    mask: usize,
    used: usize,
}

#[repr(C)]
pub struct hsearch_data {
    table: *mut Table,
}

fn hash(key: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h as usize
}

/// # Safety
/// `t` must be a live table.
unsafe fn slot(t: *mut Table, i: usize) -> *mut ENTRY {
    // SAFETY: the slots follow the header; i is masked by the caller.
    unsafe { t.add(1).cast::<ENTRY>().add(i) }
}

/// cloudlibc/glibc `hcreate_r`: creates a table for about `nel` entries in
/// `*htab`, which must be zeroed; non-zero on success.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn hcreate_r(nel: size_t, htab: *mut hsearch_data) -> c_int {
    // SAFETY: the C contract: htab is null or points at a hsearch_data.
    let Some(h) = (unsafe { htab.as_mut() }) else {
        set_errno(errno::INVAL);
        return 0;
    };
    if !h.table.is_null() {
        set_errno(errno::INVAL);
        return 0;
    }
    let Some(slots) = nel.checked_add(nel / 3 + 2).and_then(usize::checked_next_power_of_two) else {
        set_errno(errno::NOMEM);
        return 0;
    };
    let size = core::mem::size_of::<Table>() + slots.saturating_mul(core::mem::size_of::<ENTRY>());
    // calloc zeroes the slots: a null key marks an empty one.
    let t = calloc(1, size).cast::<Table>();
    if t.is_null() {
        return 0;
    }
    // SAFETY: t is a fresh allocation of the table's size.
    unsafe { *t = Table { mask: slots - 1, used: 0 } };
    h.table = t;
    1
}

/// cloudlibc/glibc `hdestroy_r`: frees the table (not the keys or data).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn hdestroy_r(htab: *mut hsearch_data) {
    // SAFETY: the C contract: htab is null or points at a hsearch_data.
    if let Some(h) = unsafe { htab.as_mut() } {
        // SAFETY: the table came from calloc in hcreate_r.
        unsafe { free(h.table.cast()) };
        h.table = core::ptr::null_mut();
    }
}

/// cloudlibc/glibc `hsearch_r`: finds `item.key` (FIND) or finds or inserts
/// `item` (ENTER), storing the entry in `*retval`; 0 with ESRCH when FIND
/// misses, ENOMEM when the table is full.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn hsearch_r(item: ENTRY, action: ACTION, retval: *mut *mut ENTRY, htab: *mut hsearch_data) -> c_int {
    // SAFETY: the C contract: htab points at a table hcreate_r made, keys
    // are strings, retval is writable.
    unsafe {
        let t = (*htab).table;
        if t.is_null() {
            set_errno(errno::INVAL);
            return 0;
        }
        let key = cptr::cstr(item.key);
        let mask = (*t).mask;
        let mut i = hash(key) & mask;
        loop {
            let e = slot(t, i);
            if (*e).key.is_null() {
                if action == FIND {
                    *retval = core::ptr::null_mut();
                    set_errno(errno::SRCH);
                    return 0;
                }
                if (*t).used == mask {
                    *retval = core::ptr::null_mut();
                    set_errno(errno::NOMEM);
                    return 0;
                }
                *e = item;
                (*t).used += 1;
                *retval = e;
                return 1;
            }
            if cptr::cstr((*e).key) == key {
                *retval = e;
                return 1;
            }
            i = (i + 1) & mask;
        }
    }
}

static mut GLOBAL: hsearch_data = hsearch_data { table: core::ptr::null_mut() };

/// POSIX `hcreate` (compat): hcreate_r on the process-wide table. Like
/// POSIX's, these three are not thread-safe.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn hcreate(nel: size_t) -> c_int {
    // SAFETY: POSIX leaves concurrent use of the global table undefined.
    unsafe { hcreate_r(nel, core::ptr::addr_of_mut!(GLOBAL)) }
}

/// POSIX `hdestroy` (compat): hdestroy_r on the process-wide table.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn hdestroy() {
    // SAFETY: as hcreate.
    unsafe { hdestroy_r(core::ptr::addr_of_mut!(GLOBAL)) }
}

/// POSIX `hsearch` (compat): hsearch_r on the process-wide table; NULL on
/// failure.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn hsearch(item: ENTRY, action: ACTION) -> *mut ENTRY {
    let mut found = core::ptr::null_mut();
    // SAFETY: as hcreate.
    unsafe { hsearch_r(item, action, &mut found, core::ptr::addr_of_mut!(GLOBAL)) };
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_up_then_refuses() {
        let mut h = hsearch_data { table: core::ptr::null_mut() };
        // SAFETY: h is zeroed; keys are static strings.
        unsafe {
            assert_eq!(hcreate_r(2, &mut h), 1);
            let keys: Vec<std::ffi::CString> = (0..10).map(|i| std::ffi::CString::new(format!("k{i}")).unwrap()).collect();
            let mut inserted = 0;
            for (i, k) in keys.iter().enumerate() {
                let mut r = core::ptr::null_mut();
                let item = ENTRY { key: k.as_ptr().cast_mut(), data: i as *mut c_void };
                if hsearch_r(item, ENTER, &mut r, &mut h) == 0 {
                    assert_eq!(crate::errno::get_errno(), errno::NOMEM as c_int);
                    break;
                }
                inserted += 1;
            }
            assert_eq!(inserted, 3);
            let mut r = core::ptr::null_mut();
            let probe = ENTRY { key: keys[1].as_ptr().cast_mut(), data: core::ptr::null_mut() };
            assert_eq!(hsearch_r(probe, FIND, &mut r, &mut h), 1);
            assert_eq!((*r).data as usize, 1);
            hdestroy_r(&mut h);
        }
    }
}
