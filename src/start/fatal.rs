//! Last words: a Rust panic inside the library is a bug; say so on stderr
//! and abort the way C's `abort()` does.

use crate::sys;

struct Stderr;

impl core::fmt::Write for Stderr {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let _ = sys::fd_write(cloudabi::fd(2), s.as_bytes());
        Ok(())
    }
}

pub fn panic(info: &core::panic::PanicInfo) -> ! {
    use core::fmt::Write;
    let _ = writeln!(Stderr, "cloudlibc: internal error: {info}");
    abort()
}

/// Ends the process with SIGABRT's default action.
pub fn abort() -> ! {
    let _ = sys::proc_raise(cloudabi::signal::ABRT);
    sys::proc_exit(134)
}
