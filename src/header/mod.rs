//! One module per C header.

pub mod argdata;
pub mod assert;
pub mod ctype;
pub mod dirent;
pub mod dlfcn;
pub mod execinfo;
pub mod fcntl;
pub mod grp;
pub mod inttypes;
pub mod link;
pub mod program;
pub mod pwd;
pub mod search;
pub mod setjmp;
pub mod signal;
pub mod stdlib;
pub mod string;
pub mod strings;
pub mod sys_capsicum;
pub mod sys_resource;
pub mod sys_stat;
pub mod sys_utsname;
pub mod unistd;
