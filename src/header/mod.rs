//! One module per C header.

pub mod argdata;
pub mod arpa_inet;
pub mod assert;
pub mod ctype;
pub mod dirent;
pub mod fcntl;
pub mod inttypes;
pub mod net_if;
pub mod netdb;
pub mod netinet;
pub mod poll;
pub mod program;
pub mod search;
pub mod setjmp;
pub mod signal;
pub mod stdlib;
pub mod string;
pub mod strings;
pub mod sys_ioctl;
pub mod sys_mman;
pub mod sys_select;
pub mod sys_socket;
pub mod sys_stat;
pub mod sys_uio;
pub mod unistd;
