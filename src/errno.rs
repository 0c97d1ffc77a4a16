//! The thread-local `errno` and the one helper that turns a CloudABI error
//! into the C convention (set `errno`, return the failure value).
//!
//! `errno` is a real `_Thread_local int` (cloudlibc's ABI), defined below in
//! the `.tbss` section so C code compiled with `extern _Thread_local int errno`
//! and this crate share one variable per thread. Rust reaches it through the
//! thread pointer with the local-exec model, which a static executable allows.

use crate::abi::c_int;

/// A CloudABI error number (the values `<errno.h>` exposes).
pub type Errno = cloudabi::errno;

#[cfg(not(test))]
core::arch::global_asm!(
    ".pushsection .tbss,\"awT\",@nobits",
    ".globl errno",
    ".type errno, @object",
    ".size errno, 4",
    ".p2align 2",
    "errno:",
    ".zero 4",
    ".popsection",
);

/// Address of the calling thread's `errno`.
#[cfg(not(test))]
#[inline(always)]
pub fn errno_location() -> *mut c_int {
    crate::tls_address!("errno").cast()
}

#[cfg(test)]
pub fn errno_location() -> *mut c_int {
    std::thread_local!(static ERRNO: core::cell::UnsafeCell<c_int> = const { core::cell::UnsafeCell::new(0) });
    ERRNO.with(|e| e.get())
}

/// Sets the calling thread's `errno`.
#[inline]
pub fn set_errno(e: Errno) {
    // SAFETY: errno_location points at this thread's errno.
    unsafe { *errno_location() = e as c_int };
}

/// Sets `errno` to a raw C value (used where C passes an errno through).
#[inline]
pub fn set_errno_raw(e: c_int) {
    // SAFETY: errno_location points at this thread's errno.
    unsafe { *errno_location() = e };
}

/// Reads the calling thread's `errno`.
#[inline]
pub fn get_errno() -> c_int {
    // SAFETY: errno_location points at this thread's errno.
    unsafe { *errno_location() }
}

/// The C failure convention: on error set `errno` and return `fail`.
pub trait OrErrno<T> {
    fn or_errno(self, fail: T) -> T;
}

impl<T> OrErrno<T> for Result<T, Errno> {
    #[inline]
    fn or_errno(self, fail: T) -> T {
        match self {
            Ok(v) => v,
            Err(e) => {
                set_errno(e);
                fail
            }
        }
    }
}

/// Functions returning `errno` values directly (pthreads, posix_*) use this.
pub trait ErrnoValue {
    fn errno_value(self) -> c_int;
}

impl ErrnoValue for Result<(), Errno> {
    #[inline]
    fn errno_value(self) -> c_int {
        match self {
            Ok(()) => 0,
            Err(e) => e as c_int,
        }
    }
}
