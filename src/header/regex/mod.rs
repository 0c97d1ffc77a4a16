//! `<regex.h>`: POSIX regular expressions, basic and extended, over bytes
//! (`regcomp`, `regncomp`) and wide characters (`regwcomp`, `regwncomp`),
//! always in the C locale (the `_l` forms accept and ignore a locale, as
//! cloudlibc's do).
//!
//! A pattern is parsed (parse.rs, set.rs) and compiled into a Thompson NFA
//! (compile.rs). Matching without back-references never backtracks: the
//! leftmost-longest overall match comes from one simulation of the NFA
//! over the subject (pike.rs), then, when groups are asked for, their
//! offsets from the POSIX subexpression rule (posix.rs), both in time
//! proportional to subject length times pattern size. Patterns with
//! back-references go to a backtracking search with a step budget
//! (backtrack.rs), which fails with `REG_ESPACE` rather than run on.
//!
//! Limits: REG_ICASE and the character classes cover ASCII only (the C
//! locale); counted repetitions are expanded into copies, so large counts
//! cost time in proportion (`x{0,255}{0,255}` of a group-free `x` is
//! merged into one chain of 65,025 copies; with a group inside, the
//! copies multiply); groups under back-references follow the search
//! order, not the POSIX rule.

mod backtrack;
mod compile;
mod glob;
mod hints;
mod input;
mod parse;
mod pike;
mod posix;
mod regcomp;
mod regerror;
mod regexec;
mod set;
mod sparse;
mod vec;

pub use self::regcomp::*;
pub use self::regerror::*;
pub use self::regexec::*;

use crate::abi::{c_int, c_void, size_t, ssize_t};

pub type regoff_t = ssize_t;

/// cloudlibc's `regex_t`: the compiled program and the group count.
#[repr(C)]
pub struct regex_t {
    __regex: *mut c_void,
    pub re_nsub: size_t,
}

impl regex_t {
    /// A `regex_t` for regcomp to fill.
    pub fn empty() -> regex_t {
        regex_t { __regex: core::ptr::null_mut(), re_nsub: 0 }
    }
}

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct regmatch_t {
    pub rm_so: regoff_t,
    pub rm_eo: regoff_t,
}

pub const REG_EXTENDED: c_int = 0x1;
pub const REG_ICASE: c_int = 0x2;
pub const REG_NOSUB: c_int = 0x4;
pub const REG_NEWLINE: c_int = 0x8;
pub const REG_FNMATCH: c_int = 0x10;
pub const REG_FNMATCH_PATHNAME: c_int = 0x20;
pub const REG_FNMATCH_PERIOD: c_int = 0x40;
pub const REG_FNMATCH_NOESCAPE: c_int = 0x80;

pub const REG_NOTBOL: c_int = 0x1;
pub const REG_NOTEOL: c_int = 0x2;

/// The REG_* error codes, with cloudlibc's values.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(i32)]
pub enum Error {
    Badbr = 1,
    Badpat = 2,
    Badrpt = 3,
    Brace = 4,
    Brack = 5,
    Collate = 6,
    Ctype = 7,
    Escape = 8,
    Paren = 9,
    Range = 10,
    Space = 11,
    Subreg = 12,
}

pub const REG_NOMATCH: c_int = 13;

#[cfg(test)]
mod tests;
