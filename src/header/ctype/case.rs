//! tolower, toupper, toascii.

use super::class::{lower, upper};
use crate::abi::{c_int, locale_t};

/// C11 `tolower`: the lower-case form of an upper-case ASCII letter; any
/// other value unchanged.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tolower(c: c_int) -> c_int {
    if upper(c) {
        c + 0x20
    } else {
        c
    }
}

/// POSIX `tolower_l`: `tolower` in locale `l`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tolower_l(c: c_int, _l: locale_t) -> c_int {
    tolower(c)
}

/// C11 `toupper`: the upper-case form of a lower-case ASCII letter; any
/// other value unchanged.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn toupper(c: c_int) -> c_int {
    if lower(c) {
        c - 0x20
    } else {
        c
    }
}

/// POSIX `toupper_l`: `toupper` in locale `l`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn toupper_l(c: c_int, _l: locale_t) -> c_int {
    toupper(c)
}

/// `toascii` (compat, XSI, withdrawn in POSIX 2008): the low 7 bits of `c`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn toascii(c: c_int) -> c_int {
    c & 0x7f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_maps_ascii_letters_only() {
        for c in -1..=255 {
            let b = u8::try_from(c).ok();
            let want_lower = b.map_or(c, |b| c_int::from(b.to_ascii_lowercase()));
            let want_upper = b.map_or(c, |b| c_int::from(b.to_ascii_uppercase()));
            assert_eq!(tolower(c), want_lower, "tolower({c})");
            assert_eq!(toupper(c), want_upper, "toupper({c})");
        }
        assert_eq!(toupper(c_int::MIN), c_int::MIN);
        assert_eq!(tolower(0x141), 0x141);
        assert_eq!(toupper(0x161), 0x161);
    }
}
