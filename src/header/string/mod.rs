//! `<string.h>`.
//!
//! The functions that scan or move memory (memcpy, memmove, memset,
//! memcmp, memchr, strlen, strchr, strcmp and their relatives) use SSE2,
//! and AVX2 or AVX-512 where the CPU has them (`vector`, `scan`).

mod scan;
#[cfg(test)]
mod testing;
mod vector;

mod memchr;
mod memcmp;
mod memcpy;
mod memset;
mod strchr;
mod strcmp;
mod strlen;

pub use self::memchr::*;
pub use self::memcmp::*;
pub use self::memcpy::*;
pub use self::memset::*;
pub use self::strchr::*;
pub use self::strcmp::*;
pub use self::strlen::*;
