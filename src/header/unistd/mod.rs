//! `<unistd.h>`.

mod io;
pub use io::*;
