//! `<sys/stat.h>`: file status, directories, timestamps; compat `stat`,
//! `lstat`, `mkdir`, and the permission calls (which fail: CloudABI has no
//! permission bits to change).

mod chmod;
mod mkdir;
mod fstat;
mod utimens;

pub use self::chmod::*;
pub use self::mkdir::*;
pub use self::fstat::*;
pub use self::utimens::*;

use crate::abi::c_int;

pub const AT_SYMLINK_NOFOLLOW: c_int = 0x1;
pub const AT_SYMLINK_FOLLOW: c_int = 0x2;
pub const AT_REMOVEDIR: c_int = 0x4;

/// Lookup flags for an `*at()` call's `AT_SYMLINK_NOFOLLOW` flag.
pub fn follow(flags: c_int) -> crate::sys::lookupflags {
    if flags & AT_SYMLINK_NOFOLLOW != 0 {
        crate::sys::lookupflags::empty()
    } else {
        crate::sys::lookupflags::SYMLINK_FOLLOW
    }
}
