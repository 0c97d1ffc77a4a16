//! `newlocale`, `duplocale`, `freelocale`: locale objects for the `*_l`
//! functions and `uselocale`.

use super::{locale_t, parse_name, resolve, setlocale, __locale, CATEGORIES, LC_ALL_MASK, LC_TIMEZONE_MASK};
use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::stdlib::malloc::{free, malloc};
use crate::header::time::tz::{self, Zone};
use cloudabi::errno;

/// A heap copy of a locale state.
fn allocate(utf8: u8, zone: Option<Zone>) -> Result<locale_t, Errno> {
    let p = malloc(core::mem::size_of::<__locale>()).cast::<__locale>();
    if p.is_null() {
        return Err(errno::NOMEM);
    }
    // SAFETY: `p` is a fresh allocation of the right size; malloc's
    // alignment suits every type.
    unsafe { p.write(__locale::new(utf8, zone, true)) };
    Ok(p)
}

/// The zone a LC_TIMEZONE_MASK name selects: a locale name is UTC, ""
/// is the TZ variable (UTC if unset), anything else a POSIX TZ string.
fn zone_for(name: &[u8]) -> Result<Zone, Errno> {
    if name.is_empty() {
        return Ok(tz::from_env());
    }
    if parse_name(name).is_some() {
        return Ok(Zone::UTC);
    }
    Zone::parse(name).ok_or(errno::NOENT)
}

/// POSIX `newlocale`: a locale whose categories in `mask` come from `name`
/// and the rest from `base` (the C locale if null). On success `base`
/// may no longer be used (it is freed when it was allocated).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn newlocale(mask: c_int, name: *const c_char, base: locale_t) -> locale_t {
    (|| {
        if mask & !LC_ALL_MASK != 0 || name.is_null() {
            return Err(errno::INVAL);
        }
        // SAFETY: a non-null name is a C string (C contract).
        let name = unsafe { cptr::cstr(name) };
        // SAFETY: a non-null base is a live locale (C contract).
        let (old_bits, old_zone) = match base.is_null() {
            true => (0, Some(Zone::UTC)),
            false => unsafe {
                let b = resolve(base);
                (b.categories(), b.zone)
            },
        };
        let cats = mask & ((1 << CATEGORIES) - 1);
        let mut bits = old_bits;
        if cats != 0 {
            let named = setlocale::setlocale_bits(old_bits, name, cats).ok_or(errno::NOENT)?;
            bits = (old_bits & !(cats as u8)) | (named & cats as u8);
        }
        let zone = if mask & LC_TIMEZONE_MASK != 0 { Some(zone_for(name)?) } else { old_zone };
        let l = allocate(bits, zone)?;
        // SAFETY: as above.
        unsafe { freelocale(base) };
        Ok(l)
    })()
    .or_errno(core::ptr::null_mut())
}

/// POSIX `duplocale`: a copy of `l` (LC_GLOBAL_LOCALE: of the global one).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn duplocale(l: locale_t) -> locale_t {
    // SAFETY: `l` is a live locale or LC_GLOBAL_LOCALE (C contract).
    let src = unsafe { resolve(l) };
    allocate(src.categories(), src.zone).or_errno(core::ptr::null_mut())
}

/// POSIX `freelocale`: releases a locale from `newlocale` or `duplocale`;
/// the built-in locales are left alone.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn freelocale(l: locale_t) {
    if l.is_null() || l == super::LC_GLOBAL_LOCALE {
        return;
    }
    // SAFETY: `l` is a live locale (C contract).
    if unsafe { (*l).owned } {
        // SAFETY: owned locales come from malloc in `allocate`.
        unsafe { free(l.cast()) };
    }
}

#[cfg(test)]
mod tests {
    use super::super::{LC_CTYPE, LC_CTYPE_MASK, LC_NUMERIC_MASK};
    use super::*;

    #[test]
    fn categories_and_zone() {
        // SAFETY: the strings are NUL-terminated; the locales are live.
        unsafe {
            let l = newlocale(LC_CTYPE_MASK, b"en_US.UTF-8\0".as_ptr().cast(), core::ptr::null_mut());
            assert!((*l).is_utf8());
            let l = newlocale(LC_NUMERIC_MASK, b"C\0".as_ptr().cast(), l);
            assert!((*l).is_utf8());
            assert_eq!((*l).categories(), 1 << LC_CTYPE);
            let l2 = newlocale(LC_TIMEZONE_MASK, b"EST5EDT\0".as_ptr().cast(), duplocale(l));
            assert_eq!((*l2).zone.unwrap().std_offset(), -5 * 3600);
            freelocale(l);
            freelocale(l2);
            assert!(newlocale(LC_CTYPE_MASK, b"xx_YY\0".as_ptr().cast(), core::ptr::null_mut()).is_null());
            assert_eq!(crate::errno::get_errno(), errno::NOENT as c_int);
            assert!(newlocale(0x1000, b"C\0".as_ptr().cast(), core::ptr::null_mut()).is_null());
            assert_eq!(crate::errno::get_errno(), errno::INVAL as c_int);
        }
    }
}
