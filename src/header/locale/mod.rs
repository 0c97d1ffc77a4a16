//! `<locale.h>`: locales.
//!
//! Two locales exist, and every category of a locale is one of them:
//! - "C" (also "POSIX"): ASCII; bytes 0x80-0xff are not characters
//!   (`mbrtowc` fails with EILSEQ, as in glibc's C locale);
//! - "C.UTF-8": strict UTF-8, with the C locale's conventions otherwise.
//!
//! Names map to them as follows (see [`parse_name`]): "C" and "POSIX" are
//! the C locale; any name whose codeset is UTF-8 ("C.UTF-8", "C.utf8",
//! "en_US.UTF-8", "de_DE.utf8@euro", "UTF-8") is the UTF-8 locale; "" takes
//! the name from the environment (LC_ALL, then LC_<category>, then LANG,
//! default "C"). Anything else is unknown: `setlocale` returns NULL and
//! `newlocale` fails with ENOENT. Query results name the canonical locale
//! ("C" or "C.UTF-8"); a global locale whose categories differ is named in
//! glibc's composite form "LC_CTYPE=C.UTF-8;LC_NUMERIC=C;...", which
//! `setlocale(LC_ALL, ...)` accepts back.
//!
//! Only LC_CTYPE changes behaviour (the multibyte character set, MB_CUR_MAX
//! and `nl_langinfo(CODESET)`); numeric, monetary, time, message and
//! collation conventions are the C locale's in both. cloudlibc's extra
//! category LC_TIMEZONE_MASK carries a time zone for `localtime_l` and
//! `mktime_l`: its name is a POSIX TZ string (a locale name means UTC).
//!
//! The global locale is what `setlocale` changes; `uselocale` gives the
//! calling thread its own current locale (kept in thread-local storage).

mod current;
mod localeconv;
mod newlocale;
mod setlocale;

pub use self::current::uselocale;
pub use self::localeconv::*;
pub use self::newlocale::*;
pub use self::setlocale::*;

use crate::abi::c_int;
use crate::header::time::tz::Zone;
use core::sync::atomic::{AtomicU8, Ordering};

pub const LC_ALL: c_int = -1;
pub const LC_COLLATE: c_int = 0;
pub const LC_CTYPE: c_int = 1;
pub const LC_MESSAGES: c_int = 2;
pub const LC_MONETARY: c_int = 3;
pub const LC_NUMERIC: c_int = 4;
pub const LC_TIME: c_int = 5;
/// The six categories `setlocale` knows (LC_COLLATE..LC_TIME).
pub const CATEGORIES: usize = 6;
pub const LC_COLLATE_MASK: c_int = 1 << LC_COLLATE;
pub const LC_CTYPE_MASK: c_int = 1 << LC_CTYPE;
pub const LC_MESSAGES_MASK: c_int = 1 << LC_MESSAGES;
pub const LC_MONETARY_MASK: c_int = 1 << LC_MONETARY;
pub const LC_NUMERIC_MASK: c_int = 1 << LC_NUMERIC;
pub const LC_TIME_MASK: c_int = 1 << LC_TIME;
pub const LC_TIMEZONE_MASK: c_int = 1 << 6;
pub const LC_ALL_MASK: c_int = (1 << CATEGORIES) - 1 | LC_TIMEZONE_MASK;

/// A locale: which categories are UTF-8, and the time zone.
#[repr(C)]
pub struct __locale {
    /// Bit `c` set: category `c` is the UTF-8 locale. Atomic because
    /// `setlocale` changes the global locale while other threads read it.
    utf8: AtomicU8,
    /// The time zone (None: the process's, from TZ via `tzset`).
    pub(crate) zone: Option<Zone>,
    /// Set on locales `newlocale` allocated; the others are never freed.
    owned: bool,
}

pub type locale_t = *mut __locale;

/// `LC_GLOBAL_LOCALE`: the sentinel meaning "the global locale".
pub const LC_GLOBAL_LOCALE: locale_t = usize::MAX as locale_t;

impl __locale {
    pub(crate) const fn new(utf8: u8, zone: Option<Zone>, owned: bool) -> __locale {
        __locale { utf8: AtomicU8::new(utf8), zone, owned }
    }

    fn categories(&self) -> u8 {
        self.utf8.load(Ordering::Relaxed)
    }

    /// Whether the multibyte character set (LC_CTYPE) is UTF-8.
    pub fn is_utf8(&self) -> bool {
        self.categories() & (1 << LC_CTYPE) != 0
    }

    /// MB_CUR_MAX: the longest multibyte character.
    pub fn mb_cur_max(&self) -> usize {
        if self.is_utf8() {
            4
        } else {
            1
        }
    }
}

const ALL_UTF8: u8 = (1 << CATEGORIES) - 1;

/// cloudlibc `LC_C_LOCALE`: the C locale, time zone UTC.
#[cfg_attr(not(test), no_mangle)]
pub static __locale_c: __locale = __locale::new(0, Some(Zone::UTC), false);

/// cloudlibc `LC_C_UNICODE_LOCALE`: C with UTF-8, time zone UTC.
#[cfg_attr(not(test), no_mangle)]
pub static __locale_c_unicode: __locale = __locale::new(ALL_UTF8, Some(Zone::UTC), false);

/// The global locale: C at start-up (C11 7.11.1.1), time zone from TZ.
static GLOBAL: __locale = __locale::new(0, None, false);

/// The locale a C `locale_t` argument names (LC_GLOBAL_LOCALE included).
///
/// # Safety
/// `l` is LC_GLOBAL_LOCALE or a live locale.
pub unsafe fn resolve<'a>(l: locale_t) -> &'a __locale {
    if l == LC_GLOBAL_LOCALE || l.is_null() {
        &GLOBAL
    } else {
        // SAFETY: the caller's contract.
        unsafe { &*l }
    }
}

/// The calling thread's current locale (`uselocale`, else the global one).
pub fn current() -> &'static __locale {
    let l = current::get();
    if l.is_null() {
        &GLOBAL
    } else {
        // SAFETY: uselocale only installs live locales, which the program
        // must not free while they are in use (POSIX).
        unsafe { &*l }
    }
}

/// Recognises a locale name: `Some(true)` for the UTF-8 locale,
/// `Some(false)` for C, `None` for unknown names (and "", which callers
/// resolve through the environment first).
pub fn parse_name(name: &[u8]) -> Option<bool> {
    match name {
        b"C" | b"POSIX" => return Some(false),
        b"" => return None,
        _ => {}
    }
    // language[_territory][.codeset][@modifier], or a bare codeset.
    let base = name.split(|&c| c == b'@').next().unwrap_or(b"");
    let codeset = match base.iter().position(|&c| c == b'.') {
        Some(dot) => &base[dot + 1..],
        None => base,
    };
    let valid = name.iter().all(|&c| c.is_ascii_alphanumeric() || b"._-@".contains(&c));
    (valid && is_utf8_codeset(codeset)).then_some(true)
}

/// "UTF-8", "utf8", "Utf-8", ...
fn is_utf8_codeset(cs: &[u8]) -> bool {
    let mut letters = cs.iter().filter(|&&c| c != b'-').map(u8::to_ascii_lowercase);
    letters.by_ref().take(4).eq(*b"utf8") && letters.next().is_none()
}

/// The canonical name of a category's locale.
pub fn canonical(utf8: bool) -> &'static [u8] {
    if utf8 {
        b"C.UTF-8"
    } else {
        b"C"
    }
}

/// The environment's locale name for category `cat` (POSIX 8.2): LC_ALL,
/// LC_<category>, LANG, each only if set and not empty; else "C".
pub fn env_name(cat: c_int) -> &'static [u8] {
    const VARS: [&[u8]; CATEGORIES] =
        [b"LC_COLLATE\0", b"LC_CTYPE\0", b"LC_MESSAGES\0", b"LC_MONETARY\0", b"LC_NUMERIC\0", b"LC_TIME\0"];
    for var in [b"LC_ALL\0" as &[u8], VARS[cat as usize], b"LANG\0"] {
        // SAFETY: the names are NUL-terminated.
        let v = unsafe { crate::header::stdlib::env::getenv(var.as_ptr().cast()) };
        if !v.is_null() {
            // SAFETY: getenv returns a C string that lives in the environment.
            let v = unsafe { crate::cptr::cstr(v) };
            if !v.is_empty() {
                return v;
            }
        }
    }
    b"C"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for n in [&b"C"[..], b"POSIX"] {
            assert_eq!(parse_name(n), Some(false));
        }
        for n in [&b"C.UTF-8"[..], b"C.utf8", b"en_US.UTF-8", b"de_DE.utf8@euro", b"UTF-8", b"POSIX.UTF8"] {
            assert_eq!(parse_name(n), Some(true), "{}", String::from_utf8_lossy(n));
        }
        for n in [&b""[..], b"en_US", b"en_US.ISO-8859-1", b"C.UTF-88", b"../x.UTF-8", b"C.UTF"] {
            assert_eq!(parse_name(n), None, "{}", String::from_utf8_lossy(n));
        }
    }
}
