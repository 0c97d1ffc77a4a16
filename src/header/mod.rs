//! One module per C header.

pub mod argdata;
pub mod assert;
pub mod ctype;
pub mod dirent;
pub mod fcntl;
pub mod iconv;
pub mod inttypes;
pub mod langinfo;
pub mod libintl;
pub mod locale;
pub mod monetary;
pub mod program;
pub mod search;
pub mod setjmp;
pub mod signal;
pub mod stdlib;
pub mod string;
pub mod strings;
pub mod sys_stat;
pub mod sys_time;
pub mod sys_times;
pub mod time;
pub mod uchar;
pub mod wchar;
pub mod wctype;
pub mod unistd;
