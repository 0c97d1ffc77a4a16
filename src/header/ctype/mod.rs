//! `<ctype.h>`: the C locale's character classes (ASCII).
//!
//! The functions accept any `int`: EOF (-1), the values of unsigned char
//! and anything else; only ASCII values belong to a class. The arithmetic
//! tests need no table and cannot index out of bounds. The `_l` forms take
//! a locale and ignore it: every locale classifies as C.

mod case;
mod class;

pub use self::case::*;
pub use self::class::*;
