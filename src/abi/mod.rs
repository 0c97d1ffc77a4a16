//! C types shared by several headers, laid out as cloudlibc's headers declare them.

pub mod va;

pub use core::ffi::{c_char, c_int, c_long, c_longlong, c_short, c_uint, c_ulong, c_ulonglong, c_ushort, c_void};

pub type size_t = usize;
pub type ssize_t = isize;
pub type off_t = i64;
pub type mode_t = u32;
/// `locale_t`: a pointer to `struct __locale` (opaque until the locale code
/// defines it; the C-locale functions ignore it).
pub type locale_t = *mut c_void;
pub type time_t = i64;
pub type intmax_t = i64;
pub type uintmax_t = u64;

/// POSIX `struct timespec` (`<time.h>`; `<argdata.h>` declares it too).
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct timespec {
    pub tv_sec: time_t,
    pub tv_nsec: c_long,
}
