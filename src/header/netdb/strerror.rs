//! gai_strerror, gai_strerror_l; compat hstrerror.

use super::*;

fn gai_message(code: c_int) -> &'static core::ffi::CStr {
    match code {
        0 => c"Success",
        EAI_AGAIN => c"Temporary failure in name resolution",
        EAI_BADFLAGS => c"Invalid flags",
        EAI_FAIL => c"Non-recoverable failure in name resolution",
        EAI_FAMILY => c"Address family not supported",
        EAI_MEMORY => c"Out of memory",
        EAI_NONAME => c"Name does not resolve",
        EAI_SERVICE => c"Service not available for this socket type",
        EAI_SOCKTYPE => c"Socket type not supported",
        EAI_SYSTEM => c"System error",
        EAI_OVERFLOW => c"Buffer too small",
        _ => c"Unknown error",
    }
}

/// POSIX `gai_strerror`: the message of a getaddrinfo/getnameinfo error.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn gai_strerror(code: c_int) -> *const c_char {
    gai_message(code).as_ptr()
}

/// cloudlibc `gai_strerror_l`: messages are the same in every locale.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn gai_strerror_l(code: c_int, _locale: *mut core::ffi::c_void) -> *const c_char {
    gai_message(code).as_ptr()
}

/// Compat `hstrerror`: the message of an `h_errno` value.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn hstrerror(code: c_int) -> *const c_char {
    let m = match code {
        0 => c"Success",
        HOST_NOT_FOUND => c"Unknown host",
        TRY_AGAIN => c"Host name lookup failure",
        NO_RECOVERY => c"Unknown server error",
        NO_DATA => c"No address associated with name",
        _ => c"Unknown error",
    };
    m.as_ptr()
}
