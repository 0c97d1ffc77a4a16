//! One module per C header.

pub mod argdata;
pub mod fcntl;
pub mod program;
pub mod stdlib;
pub mod string;
pub mod unistd;
