//! `<unistd.h>`.

mod access;
mod cwd;
mod dup;
mod ids;
mod io;
mod link;
mod pipe;
mod swab;
mod sysconf;

pub use self::access::*;
pub use self::cwd::*;
pub use self::dup::*;
pub use self::ids::*;
pub use self::io::*;
pub use self::link::*;
pub use self::pipe::*;
pub use self::swab::*;
pub use self::sysconf::*;

use crate::abi::c_int;

/// POSIX `_exit`: ends the process at once, without atexit handlers.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn _exit(status: c_int) -> ! {
    crate::sys::proc_exit(status as u32)
}
