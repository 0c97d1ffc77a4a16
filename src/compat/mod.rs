//! The calls cloudlibc removed, given a capability-safe meaning.

pub mod grants;
