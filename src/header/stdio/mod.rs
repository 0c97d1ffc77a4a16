//! `<stdio.h>`: buffered streams, formatted output and input.

pub mod block;
pub mod buffering;
pub mod chars;
pub mod file;
pub mod lines;
pub mod lock;
pub mod memstream;
pub mod open;
pub mod perror;
pub mod printf;
pub mod rename;
pub mod scanf;
pub mod seek;
pub mod status;
pub mod wide;

use crate::abi::c_int;

/// C's `EOF`.
pub const EOF: c_int = -1;
