//! One module per C header.

pub mod argdata;
pub mod stdio;
pub mod stdlib;
pub mod string;
pub mod unistd;
