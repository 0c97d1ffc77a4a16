//! `<strings.h>`.

mod ffs;
mod legacy;
mod strcasecmp;

pub use self::ffs::*;
pub use self::legacy::*;
pub use self::strcasecmp::*;
