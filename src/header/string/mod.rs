//! `<string.h>`.

mod mem;
mod str;
pub use self::mem::*;
pub use self::str::*;
