//! One module per C header.

pub mod argdata;
pub mod inttypes;
pub mod stdlib;
pub mod string;
pub mod unistd;
