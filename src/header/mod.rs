//! One module per C header.

pub mod argdata;
pub mod ctype;
pub mod stdlib;
pub mod string;
pub mod strings;
pub mod unistd;
