//! regcomp, regncomp, regwcomp, regwncomp (and their `_l` forms): compile
//! a pattern; regfree releases it.

use super::compile::{compile, Prog};
use super::glob::{parse_glob, Flags};
use super::input::Unit;
use super::parse::{parse, Options};
use super::vec::Vec;
use super::{regex_t, Error, REG_EXTENDED, REG_FNMATCH, REG_FNMATCH_NOESCAPE, REG_FNMATCH_PATHNAME, REG_FNMATCH_PERIOD, REG_ICASE, REG_NEWLINE, REG_NOSUB};
use crate::abi::{c_char, c_int, size_t};
use crate::cptr;
use crate::header::locale::locale_t;
use crate::header::wchar::{wchar_t, wcs::wcslen};
use crate::header::stdlib::malloc::{free, malloc};

/// What `regex_t` points at.
pub(super) struct Compiled {
    pub prog: Prog,
    pub nosub: bool,
    pub newline: bool,
}

fn build<T: Unit>(pattern: &[T], cflags: c_int) -> Result<Compiled, Error> {
    let mut units = Vec::new();
    units.reserve(pattern.len())?;
    for &u in pattern {
        units.push(u.code())?;
    }
    let opt = Options { extended: cflags & REG_EXTENDED != 0, icase: cflags & REG_ICASE != 0, newline: cflags & REG_NEWLINE != 0 };
    let ast = if cflags & REG_FNMATCH != 0 {
        let flags = Flags {
            pathname: cflags & REG_FNMATCH_PATHNAME != 0,
            period: cflags & REG_FNMATCH_PERIOD != 0,
            noescape: cflags & REG_FNMATCH_NOESCAPE != 0,
        };
        parse_glob(&units, &opt, &flags)?
    } else {
        parse(&units, &opt)?
    };
    drop(units);
    let prog = compile(ast, opt.icase, opt.newline)?;
    Ok(Compiled { prog, nosub: cflags & REG_NOSUB != 0, newline: opt.newline })
}

/// Compiles `pattern` into `*preg`; 0 or a REG_* error code.
///
/// # Safety
/// `preg` is writable.
unsafe fn comp<T: Unit>(preg: *mut regex_t, pattern: &[T], cflags: c_int) -> c_int {
    let compiled = match build(pattern, cflags) {
        Ok(c) => c,
        Err(e) => return e as c_int,
    };
    // SAFETY: a fresh block of the right size (malloc aligns for any type).
    unsafe {
        let p = malloc(core::mem::size_of::<Compiled>()).cast::<Compiled>();
        if p.is_null() {
            return Error::Space as c_int;
        }
        let nsub = compiled.prog.nsub as size_t;
        p.write(compiled);
        (*preg).__regex = p.cast();
        (*preg).re_nsub = nsub;
    }
    0
}

/// POSIX `regcomp`: compiles a NUL-terminated pattern.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regcomp(preg: *mut regex_t, pattern: *const c_char, cflags: c_int) -> c_int {
    // SAFETY: the C contract: pattern is a string, preg writable.
    unsafe { comp(preg, cptr::cstr(pattern), cflags) }
}

/// cloudlibc `regcomp_l`: regcomp (always the C locale).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regcomp_l(preg: *mut regex_t, pattern: *const c_char, cflags: c_int, _locale: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { regcomp(preg, pattern, cflags) }
}

/// cloudlibc `regncomp`: compiles the `len` bytes at `pattern`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regncomp(preg: *mut regex_t, pattern: *const c_char, len: size_t, cflags: c_int) -> c_int {
    // SAFETY: the C contract: pattern holds len bytes, preg is writable.
    unsafe { comp(preg, cptr::slice(pattern.cast(), len), cflags) }
}

/// cloudlibc `regncomp_l`: regncomp (always the C locale).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regncomp_l(preg: *mut regex_t, pattern: *const c_char, len: size_t, cflags: c_int, _locale: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { regncomp(preg, pattern, len, cflags) }
}

/// cloudlibc `regwcomp`: compiles a NUL-terminated wide pattern.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regwcomp(preg: *mut regex_t, pattern: *const wchar_t, cflags: c_int) -> c_int {
    // SAFETY: the C contract: pattern is a wide string.
    unsafe { regwncomp(preg, pattern, wcslen(pattern), cflags) }
}

/// cloudlibc `regwcomp_l`: regwcomp (always the C locale).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regwcomp_l(preg: *mut regex_t, pattern: *const wchar_t, cflags: c_int, _locale: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { regwcomp(preg, pattern, cflags) }
}

/// cloudlibc `regwncomp`: compiles the `len` wide characters at `pattern`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regwncomp(preg: *mut regex_t, pattern: *const wchar_t, len: size_t, cflags: c_int) -> c_int {
    let units: &[i32] = if len == 0 {
        &[]
    } else {
        // SAFETY: the C contract: pattern holds len wide characters.
        unsafe { core::slice::from_raw_parts(pattern, len) }
    };
    // SAFETY: the C contract: preg is writable.
    unsafe { comp(preg, units, cflags) }
}

/// cloudlibc `regwncomp_l`: regwncomp (always the C locale).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regwncomp_l(preg: *mut regex_t, pattern: *const wchar_t, len: size_t, cflags: c_int, _locale: locale_t) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { regwncomp(preg, pattern, len, cflags) }
}

/// POSIX `regfree`: releases what regcomp allocated.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regfree(preg: *mut regex_t) {
    // SAFETY: the C contract: preg was filled by a successful regcomp
    // and not freed since.
    unsafe {
        let p = (*preg).__regex.cast::<Compiled>();
        if !p.is_null() {
            core::ptr::drop_in_place(p);
            free(p.cast());
            (*preg).__regex = core::ptr::null_mut();
        }
    }
}
