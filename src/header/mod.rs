//! One module per C header.

pub mod argdata;
pub mod dirent;
pub mod fcntl;
pub mod program;
pub mod signal;
pub mod stdlib;
pub mod string;
pub mod sys_stat;
pub mod unistd;
