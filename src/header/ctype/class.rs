//! The is* functions.

use crate::abi::{c_int, locale_t};

/// Whether `c` lies in `lo..lo + len`.
#[inline(always)]
const fn within(c: c_int, lo: u8, len: u32) -> bool {
    (c.wrapping_sub(lo as c_int) as u32) < len
}

pub(crate) const fn upper(c: c_int) -> bool {
    within(c, b'A', 26)
}

pub(crate) const fn lower(c: c_int) -> bool {
    within(c, b'a', 26)
}

const fn alpha(c: c_int) -> bool {
    // Setting bit 5 maps 'A'..='Z' onto 'a'..='z'; no other value lands
    // there ('@' becomes '`', '[' becomes '{', negatives stay negative).
    within(c | 0x20, b'a', 26)
}

const fn digit(c: c_int) -> bool {
    within(c, b'0', 10)
}

const fn xdigit(c: c_int) -> bool {
    digit(c) || within(c | 0x20, b'a', 6)
}

const fn alnum(c: c_int) -> bool {
    alpha(c) || digit(c)
}

const fn space(c: c_int) -> bool {
    // ' ', and '\t' '\n' '\v' '\f' '\r'.
    c == b' ' as c_int || within(c, b'\t', 5)
}

const fn blank(c: c_int) -> bool {
    c == b' ' as c_int || c == b'\t' as c_int
}

const fn cntrl(c: c_int) -> bool {
    within(c, 0, 32) || c == 0x7f
}

const fn print(c: c_int) -> bool {
    within(c, b' ', 95)
}

const fn graph(c: c_int) -> bool {
    within(c, b'!', 94)
}

const fn punct(c: c_int) -> bool {
    graph(c) && !alnum(c)
}

/// Defines `is<class>` and `is<class>_l` from a predicate.
macro_rules! classes {
    ($($name:ident $name_l:ident $test:ident: $what:literal;)*) => {$(
        #[doc = concat!("C11 `", stringify!($name), "`: whether `c` is ", $what, ".")]
        #[cfg_attr(not(test), no_mangle)]
        pub extern "C" fn $name(c: c_int) -> c_int {
            c_int::from($test(c))
        }

        #[doc = concat!("POSIX `", stringify!($name_l), "`: `", stringify!($name), "` in locale `l`.")]
        #[cfg_attr(not(test), no_mangle)]
        pub extern "C" fn $name_l(c: c_int, _l: locale_t) -> c_int {
            $name(c)
        }
    )*};
}

classes! {
    isalnum isalnum_l alnum: "a letter or a digit";
    isalpha isalpha_l alpha: "a letter";
    isblank isblank_l blank: "a space or a tab";
    iscntrl iscntrl_l cntrl: "a control character (0-31, 127)";
    isdigit isdigit_l digit: "a decimal digit";
    isgraph isgraph_l graph: "printable and not a space";
    islower islower_l lower: "a lower-case letter";
    isprint isprint_l print: "printable (32-126)";
    ispunct ispunct_l punct: "printable and neither a space nor alphanumeric";
    isspace isspace_l space: "white space (space, \\t \\n \\v \\f \\r)";
    isupper isupper_l upper: "an upper-case letter";
    isxdigit isxdigit_l xdigit: "a hexadecimal digit";
}

/// POSIX (XSI) `isascii`: whether `c` is a 7-bit value (0-127).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn isascii(c: c_int) -> c_int {
    c_int::from(within(c, 0, 128))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each class, for every value EOF..=255, against core's ASCII tests.
    #[test]
    fn classes_match_ascii() {
        for c in -1..=255 {
            let b = u8::try_from(c).ok().filter(u8::is_ascii);
            let t = |f: fn(&u8) -> bool| c_int::from(b.as_ref().is_some_and(f));
            assert_eq!(isalnum(c), t(u8::is_ascii_alphanumeric), "isalnum({c})");
            assert_eq!(isalpha(c), t(u8::is_ascii_alphabetic), "isalpha({c})");
            assert_eq!(isblank(c), c_int::from(c == 32 || c == 9), "isblank({c})");
            assert_eq!(iscntrl(c), t(u8::is_ascii_control), "iscntrl({c})");
            assert_eq!(isdigit(c), t(u8::is_ascii_digit), "isdigit({c})");
            assert_eq!(isgraph(c), t(u8::is_ascii_graphic), "isgraph({c})");
            assert_eq!(islower(c), t(u8::is_ascii_lowercase), "islower({c})");
            assert_eq!(isprint(c), c_int::from(b.is_some_and(|b| b == b' ' || b.is_ascii_graphic())), "isprint({c})");
            assert_eq!(ispunct(c), t(u8::is_ascii_punctuation), "ispunct({c})");
            // core's is_ascii_whitespace leaves out \v (11).
            assert_eq!(isspace(c), c_int::from(c == 11 || b.is_some_and(|b| b.is_ascii_whitespace())), "isspace({c})");
            assert_eq!(isupper(c), t(u8::is_ascii_uppercase), "isupper({c})");
            assert_eq!(isxdigit(c), t(u8::is_ascii_hexdigit), "isxdigit({c})");
            assert_eq!(isascii(c), c_int::from(b.is_some()), "isascii({c})");
        }
    }

    #[test]
    fn values_outside_unsigned_char_are_in_no_class() {
        for c in [c_int::MIN, -129, -128, -2, 256, 0x141, c_int::MAX] {
            assert_eq!(isalpha(c) | isprint(c) | iscntrl(c) | isspace(c) | isxdigit(c) | isascii(c), 0, "{c}");
        }
    }
}
