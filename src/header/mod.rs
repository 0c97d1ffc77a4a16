//! One module per C header.

pub mod argdata;
pub mod dirent;
pub mod fcntl;
pub mod pthread;
pub mod sched;
pub mod semaphore;
pub mod signal;
pub mod stdlib;
pub mod string;
pub mod sys_stat;
pub mod threads;
pub mod unistd;
