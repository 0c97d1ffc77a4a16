//! The rights each file type can carry (shared with the launcher).

pub use cloudabi_rights::*;
