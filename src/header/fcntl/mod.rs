//! `<fcntl.h>`: file control, and `openat` with cloudlibc's rights rules.

mod fcntl;
mod openat;
mod posix_fadvise;

pub use self::fcntl::*;
pub use self::openat::*;
pub use self::posix_fadvise::*;

use crate::abi::c_int;

// Access modes and flags, in cloudlibc's encoding (see include/fcntl.h).
pub const O_APPEND: c_int = 0x1;
pub const O_DSYNC: c_int = 0x2;
pub const O_NONBLOCK: c_int = 0x4;
pub const O_RSYNC: c_int = 0x8;
pub const O_SYNC: c_int = 0x10;
pub const O_CREAT: c_int = 0x1000;
pub const O_DIRECTORY: c_int = 0x2000;
pub const O_EXCL: c_int = 0x4000;
pub const O_TRUNC: c_int = 0x8000;
pub const O_NOFOLLOW: c_int = 0x100_0000;
pub const O_EXEC: c_int = 0x200_0000;
pub const O_RDONLY: c_int = 0x400_0000;
pub const O_SEARCH: c_int = 0x800_0000;
pub const O_WRONLY: c_int = 0x1000_0000;
pub const O_RDWR: c_int = O_RDONLY | O_WRONLY;
pub const O_ACCMODE: c_int = O_EXEC | O_RDWR | O_SEARCH;
