//! One module per C header.

pub mod argdata;
pub mod assert;
pub mod inttypes;
pub mod search;
pub mod setjmp;
pub mod stdlib;
pub mod string;
pub mod unistd;
