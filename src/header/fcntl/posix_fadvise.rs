//! posix_fadvise, posix_fallocate.

use crate::abi::{c_int, off_t};
use crate::errno::ErrnoValue;
use crate::sys::{self, advice};
use cloudabi::errno;

pub const POSIX_FADV_DONTNEED: c_int = 1;
pub const POSIX_FADV_NOREUSE: c_int = 2;
pub const POSIX_FADV_NORMAL: c_int = 3;
pub const POSIX_FADV_RANDOM: c_int = 4;
pub const POSIX_FADV_SEQUENTIAL: c_int = 5;
pub const POSIX_FADV_WILLNEED: c_int = 6;

fn range(offset: off_t, len: off_t) -> Result<(u64, u64), cloudabi::errno> {
    if offset < 0 || len < 0 {
        return Err(errno::INVAL);
    }
    Ok((offset as u64, len as u64))
}

/// POSIX `posix_fadvise`: advice on the access pattern; returns an errno value.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn posix_fadvise(fd: c_int, offset: off_t, len: off_t, adv: c_int) -> c_int {
    let a = match adv {
        POSIX_FADV_DONTNEED => advice::DONTNEED,
        POSIX_FADV_NOREUSE => advice::NOREUSE,
        POSIX_FADV_NORMAL => advice::NORMAL,
        POSIX_FADV_RANDOM => advice::RANDOM,
        POSIX_FADV_SEQUENTIAL => advice::SEQUENTIAL,
        POSIX_FADV_WILLNEED => advice::WILLNEED,
        _ => return errno::INVAL as c_int,
    };
    range(offset, len).and_then(|(o, l)| sys::file_advise(sys::to_fd(fd)?, o, l, a)).errno_value()
}

/// POSIX `posix_fallocate`: reserves file space; returns an errno value.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn posix_fallocate(fd: c_int, offset: off_t, len: off_t) -> c_int {
    if len == 0 {
        return errno::INVAL as c_int;
    }
    range(offset, len).and_then(|(o, l)| sys::file_allocate(sys::to_fd(fd)?, o, l)).errno_value()
}
