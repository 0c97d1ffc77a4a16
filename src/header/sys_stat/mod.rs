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

/// Whether an `*at()` call follows a last symbolic link (no
/// `AT_SYMLINK_NOFOLLOW` in its flags).
pub fn follows(flags: c_int) -> bool {
    flags & AT_SYMLINK_NOFOLLOW == 0
}

/// Lookup flags for an `*at()` call's `AT_SYMLINK_NOFOLLOW` flag.
pub fn follow(flags: c_int) -> crate::sys::lookupflags {
    if follows(flags) {
        crate::sys::lookupflags::SYMLINK_FOLLOW
    } else {
        crate::sys::lookupflags::empty()
    }
}
