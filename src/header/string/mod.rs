//! `<string.h>`.
//!
//! The functions that scan or move memory (memcpy, memmove, memset,
//! memcmp, memchr, strlen, strchr, strcmp and their relatives) use SSE2,
//! and AVX2 or AVX-512 where the CPU has them (`vector`, `scan`); the rest
//! are built on those.

pub(crate) mod message;
mod scan;
#[cfg(test)]
mod testing;
mod vector;

pub(crate) use self::vector::fma;
#[cfg(test)]
pub(crate) use self::testing::level as vector_level;

mod memchr;
mod memcmp;
mod memcpy;
mod memset;
mod strchr;
mod strcmp;
mod strcpy;
mod strdup;
mod strerror;
mod strlen;
mod strsignal;
mod strspn;
mod strstr;
mod strtok;
mod strverscmp;

pub use self::memchr::*;
pub use self::memcmp::*;
pub use self::memcpy::*;
pub use self::memset::*;
pub use self::strchr::*;
pub use self::strcmp::*;
pub use self::strcpy::*;
pub use self::strdup::*;
pub use self::strerror::*;
pub use self::strlen::*;
pub use self::strsignal::*;
pub use self::strspn::*;
pub use self::strstr::*;
pub use self::strtok::*;
pub use self::strverscmp::*;
