//! One module per C header.

pub mod argdata;
pub mod assert;
pub mod dirent;
pub mod fcntl;
pub mod fnmatch;
pub mod inttypes;
pub mod program;
pub mod regex;
pub mod search;
pub mod setjmp;
pub mod signal;
pub mod stdlib;
pub mod string;
pub mod sys_stat;
pub mod unistd;
