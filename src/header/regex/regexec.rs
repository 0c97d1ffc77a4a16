//! regexec, regnexec, regwexec, regwnexec (and `_l` forms): match a
//! compiled pattern against a string.

use super::backtrack;
use super::input::{Input, Unit};
use super::pike;
use super::posix;
use super::regcomp::Compiled;
use super::set::other_case;
use super::vec::Vec;
use super::{regex_t, regmatch_t, Error, REG_NOMATCH, REG_NOTBOL, REG_NOTEOL};
use crate::abi::{c_char, c_int, size_t};
use crate::cptr;
use crate::header::locale::locale_t;
use crate::header::wchar::{wchar_t, wcs::wcslen};

/// Runs the match; the offsets of group 0 and the groups go to `caps`.
fn matches<T: Unit>(re: &Compiled, input: &Input<T>, caps: &mut [(isize, isize)]) -> Result<bool, Error> {
    let prog = &re.prog;
    for &c in prog.hints.required.chars() {
        let other = if prog.icase { other_case(c) } else { c };
        if !input.s.iter().any(|u| u.code() == c || u.code() == other) {
            return Ok(false);
        }
    }
    if prog.backrefs {
        return backtrack::search(prog, input, caps);
    }
    let Some((start, end)) = pike::search(prog, input, caps.is_empty())? else { return Ok(false) };
    if let Some(cap) = caps.first_mut() {
        *cap = (start as isize, end as isize);
    }
    posix::submatches(prog, input, start, end, caps)?;
    Ok(true)
}

/// Matches `s` against `*preg`, filling `nmatch` entries of `pmatch`.
///
/// # Safety
/// `preg` holds a compiled pattern; `pmatch` has `nmatch` writable
/// entries unless the pattern was compiled with REG_NOSUB.
unsafe fn exec<T: Unit>(preg: *const regex_t, s: &[T], nmatch: size_t, pmatch: *mut regmatch_t, eflags: c_int) -> c_int {
    // SAFETY: the C contract: preg was compiled by regcomp.
    let re = unsafe { &*(*preg).__regex.cast::<Compiled>() };
    let want = if re.nosub { 0 } else { nmatch };
    let input = Input { s, notbol: eflags & REG_NOTBOL != 0, noteol: eflags & REG_NOTEOL != 0, newline: re.newline };
    let mut caps = match Vec::filled(want.min(re.prog.nsub as usize + 1), (-1isize, -1isize)) {
        Ok(c) => c,
        Err(e) => return e as c_int,
    };
    match matches(re, &input, &mut caps) {
        Ok(true) => {}
        Ok(false) => return REG_NOMATCH,
        Err(e) => return e as c_int,
    }
    for k in 0..want {
        let (so, eo) = caps.get(k).copied().unwrap_or((-1, -1));
        // SAFETY: the C contract: pmatch has nmatch entries, and want <= nmatch.
        unsafe { pmatch.add(k).write(regmatch_t { rm_so: so, rm_eo: eo }) };
    }
    0
}

/// POSIX `regexec`: matches a NUL-terminated string.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regexec(preg: *const regex_t, string: *const c_char, nmatch: size_t, pmatch: *mut regmatch_t, eflags: c_int) -> c_int {
    // SAFETY: the C contract: string is a string; the rest as exec needs.
    unsafe { exec(preg, cptr::cstr(string), nmatch, pmatch, eflags) }
}

/// cloudlibc `regexec_l`: regexec (always the C locale).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regexec_l(
    preg: *const regex_t,
    string: *const c_char,
    nmatch: size_t,
    pmatch: *mut regmatch_t,
    eflags: c_int,
    _locale: locale_t,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { regexec(preg, string, nmatch, pmatch, eflags) }
}

/// cloudlibc `regnexec`: matches the `len` bytes at `string`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regnexec(preg: *const regex_t, string: *const c_char, len: size_t, nmatch: size_t, pmatch: *mut regmatch_t, eflags: c_int) -> c_int {
    // SAFETY: the C contract: string holds len bytes.
    unsafe { exec(preg, cptr::slice(string.cast(), len), nmatch, pmatch, eflags) }
}

/// cloudlibc `regnexec_l`: regnexec (always the C locale).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regnexec_l(
    preg: *const regex_t,
    string: *const c_char,
    len: size_t,
    nmatch: size_t,
    pmatch: *mut regmatch_t,
    eflags: c_int,
    _locale: locale_t,
) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { regnexec(preg, string, len, nmatch, pmatch, eflags) }
}

/// cloudlibc `regwexec`: matches a NUL-terminated wide string.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regwexec(preg: *const regex_t, string: *const wchar_t, nmatch: size_t, pmatch: *mut regmatch_t, eflags: c_int) -> c_int {
    // SAFETY: the C contract: string is a wide string.
    unsafe { regwnexec(preg, string, wcslen(string), nmatch, pmatch, eflags) }
}

/// cloudlibc `regwnexec`: matches the `len` wide characters at `string`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn regwnexec(preg: *const regex_t, string: *const wchar_t, len: size_t, nmatch: size_t, pmatch: *mut regmatch_t, eflags: c_int) -> c_int {
    let s: &[i32] = if len == 0 {
        &[]
    } else {
        // SAFETY: the C contract: string holds len wide characters.
        unsafe { core::slice::from_raw_parts(string, len) }
    };
    // SAFETY: forwarded contract.
    unsafe { exec(preg, s, nmatch, pmatch, eflags) }
}
