//! The calls cloudlibc removed, given a capability-safe meaning: path calls
//! resolve through named directory grants (`grants`, `path`), and calls
//! with no capability meaning fail with a documented errno.

pub mod ancestors;
pub mod grants;
pub mod inherit;
pub mod open;
pub mod path;
pub mod process;
pub mod realpath;
pub mod rename;
pub mod socket;
pub mod tempfile;
pub mod tmpnam;
pub mod walk;
