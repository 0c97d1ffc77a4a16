//! `<net/if.h>`: network interfaces. A program sees none: the host's
//! interfaces are no capability it was given.

use crate::abi::{c_char, c_uint, c_void};
use crate::errno::OrErrno;
use crate::header::stdlib::malloc::{calloc, free};
use cloudabi::errno;

/// `struct if_nameindex` (compat).
#[repr(C)]
pub struct if_nameindex {
    pub if_index: c_uint,
    pub if_name: *mut c_char,
}

/// POSIX `if_nametoindex`: no interface has a name here; 0 (`ENXIO`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn if_nametoindex(_name: *const c_char) -> c_uint {
    Err(errno::NXIO).or_errno(0)
}

/// POSIX `if_indextoname`: no interface has an index here; null (`ENXIO`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn if_indextoname(_index: c_uint, _name: *mut c_char) -> *mut c_char {
    Err(errno::NXIO).or_errno(core::ptr::null_mut())
}

/// Compat `if_nameindex`: an empty list (just the terminating entry).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn if_nameindex() -> *mut if_nameindex {
    let list = calloc(1, core::mem::size_of::<if_nameindex>()).cast::<if_nameindex>();
    if list.is_null() {
        return Err(errno::NOBUFS).or_errno(list);
    }
    list
}

/// Compat `if_freenameindex`: frees what `if_nameindex` returned.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn if_freenameindex(list: *mut if_nameindex) {
    // SAFETY: `list` came from if_nameindex (C contract).
    unsafe { free(list.cast::<c_void>()) };
}
