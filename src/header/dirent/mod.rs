//! `<dirent.h>`: directory streams over `file_readdir`; compat `opendir`,
//! `readdir_r`, `scandir`.

mod dir;
mod scandir;

pub use self::dir::*;
pub use self::scandir::*;
