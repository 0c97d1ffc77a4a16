//! `<wchar.h>`: multibyte conversions, wide strings, wide time formatting
//! and numbers. The wide stream functions (fgetwc, fputwc, fgetws, fputws,
//! getwc, putwc, ungetwc, fwide, getwdelim, getwline) and the wide printf
//! and scanf families belong to `stdio`.

pub mod mbrtowc;
pub mod mbsrtowcs;
pub mod mbstate;
pub mod wcs;
mod wcsftime;
mod wcsto;
mod wcwidth;
mod wmem;

pub use self::mbrtowc::*;
pub use self::mbsrtowcs::*;
pub use self::wcs::*;
pub use self::wcsftime::*;
pub use self::wcsto::*;
pub use self::wcwidth::*;
pub use self::wmem::*;

pub type wchar_t = i32;
pub type wint_t = u32;
pub const WEOF: wint_t = u32::MAX;
