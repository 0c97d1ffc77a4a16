//! The argdata binary format, shared by the libc (reading what a program was
//! started with, building values at run time) and the launcher (serialising
//! the YAML document).
//!
//! A value is a tag byte followed by its body; the body's length is whatever
//! the enclosing buffer leaves. Sequences and maps hold entries, each prefixed
//! by a big-endian base-128 length whose *last* byte has the high bit set.
//! Every reader here checks lengths before it touches a byte, so malformed
//! input yields [`Error::Invalid`], never a panic or an out-of-bounds read.
#![no_std]

mod decode;
mod encode;
pub mod handoff;

pub use decode::{MapIter, SeqIter, Value};
pub use encode::{encoded_len, Writer};

/// Tag bytes of the format.
pub mod tag {
    pub const BINARY: u8 = 1;
    pub const BOOL: u8 = 2;
    pub const FD: u8 = 3;
    pub const FLOAT: u8 = 4;
    pub const INT: u8 = 5;
    pub const MAP: u8 = 6;
    pub const SEQ: u8 = 7;
    pub const STR: u8 = 8;
    pub const TIMESTAMP: u8 = 9;
}

/// Why a value could not be read.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The bytes are not a well-formed value (C: `EINVAL`).
    Invalid,
    /// The value is well-formed but of another type (C: `EINVAL`).
    WrongType,
    /// An integer does not fit the requested type (C: `ERANGE`).
    Range,
}
