//! `<fnmatch.h>`: shell pattern matching, by compiling the pattern as
//! cloudlibc does, into a regex with REG_FNMATCH (see regex/glob.rs for
//! the syntax), so matching takes linear time whatever the pattern.

use crate::abi::{c_char, c_int};
use crate::header::locale::locale_t;
use crate::header::regex::{regcomp, regex_t, regexec, regfree, Error, REG_FNMATCH, REG_NOSUB};

pub const FNM_NOMATCH: c_int = 1;
pub const FNM_PATHNAME: c_int = 0x20;
pub const FNM_PERIOD: c_int = 0x40;
pub const FNM_NOESCAPE: c_int = 0x80;

/// POSIX `fnmatch`: 0 when `string` matches `pattern`, FNM_NOMATCH when
/// not (or when the pattern is invalid, as in glibc), -1 when memory
/// runs out.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fnmatch(pattern: *const c_char, string: *const c_char, flags: c_int) -> c_int {
    let mut re = regex_t::empty();
    let cflags = REG_FNMATCH | REG_NOSUB | (flags & (FNM_PATHNAME | FNM_PERIOD | FNM_NOESCAPE));
    // SAFETY: the C contract: both are strings.
    unsafe {
        match regcomp(&mut re, pattern, cflags) {
            0 => {}
            e if e == Error::Space as c_int => return -1,
            _ => return FNM_NOMATCH,
        }
        let r = regexec(&re, string, 0, core::ptr::null_mut(), 0);
        regfree(&mut re);
        match r {
            0 => 0,
            e if e == Error::Space as c_int => -1,
            _ => FNM_NOMATCH,
        }
    }
}

/// cloudlibc `fnmatch_l`: fnmatch (always the C locale).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fnmatch_l(pattern: *const c_char, string: *const c_char, flags: c_int, _locale: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { fnmatch(pattern, string, flags) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(p: &str, s: &str, flags: c_int) -> c_int {
        let (p, s) = (std::ffi::CString::new(p).unwrap(), std::ffi::CString::new(s).unwrap());
        // SAFETY: two strings.
        unsafe { fnmatch(p.as_ptr(), s.as_ptr(), flags) }
    }

    #[test]
    fn wildcards_and_brackets() {
        assert_eq!(f("*.c", "main.c", 0), 0);
        assert_eq!(f("*.c", "main.h", 0), FNM_NOMATCH);
        assert_eq!(f("?a[!b-d]", "xaz", 0), 0);
        assert_eq!(f("?a[!b-d]", "xac", 0), FNM_NOMATCH);
        assert_eq!(f("[\\]]", "]", 0), 0);
        assert_eq!(f("\\*", "*", 0), 0);
        assert_eq!(f("\\*", "\\*", FNM_NOESCAPE), 0);
        assert_eq!(f("[]", "[]", 0), 0);
        assert_eq!(f("[[:digit:]]x", "7x", 0), 0);
        assert_eq!(f("a\\", "a\\", 0), FNM_NOMATCH);
        assert_eq!(f("[[:foo:]]", "a", 0), FNM_NOMATCH);
    }

    #[test]
    fn pathname_and_period() {
        assert_eq!(f("*", "a/b", 0), 0);
        assert_eq!(f("*", "a/b", FNM_PATHNAME), FNM_NOMATCH);
        assert_eq!(f("*/b", "a/b", FNM_PATHNAME), 0);
        assert_eq!(f("a[b/c]d", "a[b/c]d", FNM_PATHNAME), 0);
        assert_eq!(f("*.c", ".c", FNM_PERIOD), FNM_NOMATCH);
        assert_eq!(f(".*", ".c", FNM_PERIOD), 0);
        assert_eq!(f("x/*", "x/.y", FNM_PATHNAME | FNM_PERIOD), FNM_NOMATCH);
        assert_eq!(f("x/*", "x/.y", FNM_PERIOD), 0);
        assert_eq!(f("?c", ".c", FNM_PERIOD), FNM_NOMATCH);
    }
}
