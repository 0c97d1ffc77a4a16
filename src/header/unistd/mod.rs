//! `<unistd.h>`.

mod access;
mod alarm;
mod crypt;
mod cwd;
mod dup;
mod getopt;
mod identity;
mod ids;
mod io;
mod link;
mod misc;
mod owner;
mod pipe;
mod swab;
mod sysconf;
mod tty;

pub use self::access::*;
pub use self::alarm::*;
pub use self::crypt::*;
pub use self::cwd::*;
pub use self::dup::*;
pub use self::getopt::*;
pub use self::identity::*;
pub use self::ids::*;
pub use self::io::*;
pub use self::link::*;
pub use self::misc::*;
pub use self::owner::*;
pub use self::pipe::*;
pub use self::swab::*;
pub use self::sysconf::*;
pub use self::tty::*;

use crate::abi::c_int;

/// POSIX `_exit`: ends the process at once, without atexit handlers.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn _exit(status: c_int) -> ! {
    crate::sys::proc_exit(status as u32)
}
