//! C types shared by several headers, laid out as cloudlibc's headers declare them.

pub mod dirent;
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

impl timespec {
    /// Nanoseconds (since a clock's epoch, or a duration), as CloudABI
    /// counts time; EINVAL unless `tv_nsec` is within [0, 10^9). Times
    /// before the epoch clamp to 0: they have passed already.
    pub fn to_timestamp(&self) -> Result<u64, crate::errno::Errno> {
        if !(0..1_000_000_000).contains(&self.tv_nsec) {
            return Err(cloudabi::errno::INVAL);
        }
        if self.tv_sec < 0 {
            return Ok(0);
        }
        Ok((self.tv_sec as u64).saturating_mul(1_000_000_000).saturating_add(self.tv_nsec as u64))
    }
}
