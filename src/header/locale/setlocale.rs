//! `setlocale`: queries and changes the global locale.

use super::{canonical, env_name, parse_name, CATEGORIES, GLOBAL, LC_ALL, LC_CTYPE, LC_TIME};
use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::sync::SpinLock;
use core::sync::atomic::Ordering;

/// Category names in the order of glibc's composite names.
const COMPOSITE: [(c_int, &[u8]); CATEGORIES] = [
    (LC_CTYPE, b"LC_CTYPE"),
    (super::LC_NUMERIC, b"LC_NUMERIC"),
    (LC_TIME, b"LC_TIME"),
    (super::LC_COLLATE, b"LC_COLLATE"),
    (super::LC_MONETARY, b"LC_MONETARY"),
    (super::LC_MESSAGES, b"LC_MESSAGES"),
];

const ALL: c_int = (1 << CATEGORIES) - 1;

/// Room for the longest composite name and its NUL.
const NAME_MAX: usize = 160;

static COMPOSITE_NAME: SpinLock<[u8; NAME_MAX]> = SpinLock::new([0; NAME_MAX]);

/// The locale `name` gives category `cat` ("" consults the environment).
fn lookup(cat: c_int, name: &[u8]) -> Option<bool> {
    parse_name(if name.is_empty() { env_name(cat) } else { name })
}

/// The UTF-8 bits after giving the categories in mask `cats` the locale
/// `name` (a single name, or the composite form), starting from `old`;
/// None if a name is unknown.
pub(super) fn setlocale_bits(old: u8, name: &[u8], cats: c_int) -> Option<u8> {
    let mut bits = old;
    if name.contains(&b'=') {
        for entry in name.split(|&c| c == b';') {
            let eq = entry.iter().position(|&c| c == b'=')?;
            let &(cat, _) = COMPOSITE.iter().find(|(_, n)| *n == &entry[..eq])?;
            let utf8 = parse_name(&entry[eq + 1..])?;
            if cats & 1 << cat != 0 {
                bits = set_bit(bits, cat, utf8);
            }
        }
        return Some(bits);
    }
    for cat in (0..CATEGORIES as c_int).filter(|c| cats & 1 << c != 0) {
        bits = set_bit(bits, cat, lookup(cat, name)?);
    }
    Some(bits)
}

fn set_bit(bits: u8, cat: c_int, utf8: bool) -> u8 {
    if utf8 {
        bits | 1 << cat
    } else {
        bits & !(1 << cat)
    }
}

/// A NUL-terminated constant name as C returns it.
fn literal(utf8: bool) -> *mut c_char {
    let s: &'static [u8] = if utf8 { b"C.UTF-8\0" } else { b"C\0" };
    s.as_ptr() as *mut c_char
}

/// The name of the LC_ALL state `bits`: one name, or the composite form.
fn all_name(bits: u8) -> *mut c_char {
    if bits == 0 || bits == ALL as u8 {
        return literal(bits != 0);
    }
    let mut buf = COMPOSITE_NAME.lock();
    let mut n = 0;
    for (i, (cat, cname)) in COMPOSITE.iter().enumerate() {
        let parts: [&[u8]; 4] = [if i == 0 { b"" } else { b";" }, cname, b"=", canonical(bits & 1 << cat != 0)];
        for p in parts {
            buf[n..n + p.len()].copy_from_slice(p);
            n += p.len();
        }
    }
    buf[n] = 0;
    // The buffer is static; it stays valid until the next composite query,
    // which is all C11 7.11.1.1 promises.
    buf.as_mut_ptr().cast()
}

/// C11 `setlocale`: with `name` NULL, the global locale's name for
/// `category`; otherwise sets it (see the module docs for names) and
/// returns the new name, or NULL with no change for an unknown name.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setlocale(category: c_int, name: *const c_char) -> *mut c_char {
    if !(LC_ALL..CATEGORIES as c_int).contains(&category) {
        return core::ptr::null_mut();
    }
    let old = GLOBAL.categories();
    let new = if name.is_null() {
        old
    } else {
        // SAFETY: a non-null name is a C string (C contract).
        let name = unsafe { cptr::cstr(name) };
        let cats = if category == LC_ALL { ALL } else { 1 << category };
        match setlocale_bits(old, name, cats) {
            Some(b) => b,
            None => return core::ptr::null_mut(),
        }
    };
    GLOBAL.utf8.store(new, Ordering::Relaxed);
    if category == LC_ALL {
        all_name(new)
    } else {
        literal(new & 1 << category != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(p: *mut c_char) -> Vec<u8> {
        // SAFETY: setlocale returns C strings.
        unsafe { cptr::cstr(p) }.to_vec()
    }

    #[test]
    fn composite_round_trip() {
        let bits = 1 << LC_CTYPE | 1 << LC_TIME;
        let name = s(all_name(bits));
        assert_eq!(
            name,
            b"LC_CTYPE=C.UTF-8;LC_NUMERIC=C;LC_TIME=C.UTF-8;LC_COLLATE=C;LC_MONETARY=C;LC_MESSAGES=C".to_vec()
        );
        assert_eq!(setlocale_bits(0, &name, ALL), Some(bits));
        assert_eq!(setlocale_bits(0, b"LC_CTYPE=C.UTF-8;LC_BOGUS=C", ALL), None);
        assert_eq!(setlocale_bits(0, b"LC_CTYPE=de_DE", ALL), None);
        assert_eq!(s(all_name(0)), b"C".to_vec());
        assert_eq!(s(all_name(0x3f)), b"C.UTF-8".to_vec());
    }
}
