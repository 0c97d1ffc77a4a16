//! `<libintl.h>`: message catalogs. There are no catalogs in a capability
//! sandbox, so every lookup returns its message id (the singular or plural
//! form `n` selects, with the C locale's rule n == 1). The compat
//! `textdomain`, `bindtextdomain` and `bind_textdomain_codeset` remember
//! what they are told and report it back.

use crate::abi::{c_char, c_int, c_ulong};
use crate::cptr;
use crate::errno::{set_errno, Errno};
use crate::header::stdlib::malloc::{free, malloc};
use crate::sync::SpinLock;
use cloudabi::errno;

/// POSIX `gettext`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn gettext(msgid: *const c_char) -> *mut c_char {
    msgid as *mut c_char
}

/// POSIX `dgettext`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dgettext(_domain: *const c_char, msgid: *const c_char) -> *mut c_char {
    msgid as *mut c_char
}

/// POSIX `dcgettext`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dcgettext(_domain: *const c_char, msgid: *const c_char, _category: c_int) -> *mut c_char {
    msgid as *mut c_char
}

/// POSIX `ngettext`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn ngettext(one: *const c_char, many: *const c_char, n: c_ulong) -> *mut c_char {
    (if n == 1 { one } else { many }) as *mut c_char
}

/// POSIX `dngettext`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dngettext(_domain: *const c_char, one: *const c_char, many: *const c_char, n: c_ulong) -> *mut c_char {
    ngettext(one, many, n)
}

/// POSIX `dcngettext`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dcngettext(
    _domain: *const c_char,
    one: *const c_char,
    many: *const c_char,
    n: c_ulong,
    _category: c_int,
) -> *mut c_char {
    ngettext(one, many, n)
}

/// A malloc'd copy of a C string.
fn copy(s: &[u8]) -> Result<*mut c_char, Errno> {
    let p = malloc(s.len() + 1).cast::<u8>();
    if p.is_null() {
        return Err(errno::NOMEM);
    }
    // SAFETY: `p` holds len + 1 bytes.
    unsafe {
        cptr::slice_mut(p, s.len()).copy_from_slice(s);
        *p.add(s.len()) = 0;
    }
    Ok(p.cast())
}

const DOMAINS: usize = 32;

struct Binding {
    domain: *mut c_char,
    dir: *mut c_char,
    codeset: *mut c_char,
}

struct Bindings {
    current: *mut c_char,
    list: [Binding; DOMAINS],
    len: usize,
}

// SAFETY: the pointers are owned by the table and only used under its lock.
unsafe impl Send for Bindings {}

const UNBOUND: Binding = Binding { domain: core::ptr::null_mut(), dir: core::ptr::null_mut(), codeset: core::ptr::null_mut() };

static BINDINGS: SpinLock<Bindings> = SpinLock::new(Bindings { current: core::ptr::null_mut(), list: [UNBOUND; DOMAINS], len: 0 });

/// Replaces an owned string with a copy of `new`; returns the copy.
fn replace(slot: &mut *mut c_char, new: &[u8]) -> Result<*mut c_char, Errno> {
    let p = copy(new)?;
    // SAFETY: the slot holds null or a string this table allocated.
    unsafe { free(slot.cast()) };
    *slot = p;
    Ok(p)
}

/// POSIX (compat) `textdomain`: sets the current domain unless `name` is
/// null; returns it ("messages" until set).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn textdomain(name: *const c_char) -> *mut c_char {
    let mut b = BINDINGS.lock();
    if !name.is_null() {
        // SAFETY: `name` is a C string (C contract).
        let name = unsafe { cptr::cstr(name) };
        let name: &[u8] = if name.is_empty() { b"messages" } else { name };
        if let Err(e) = replace(&mut b.current, name) {
            set_errno(e);
            return core::ptr::null_mut();
        }
    }
    if b.current.is_null() {
        return b"messages\0".as_ptr() as *mut c_char;
    }
    b.current
}

/// The binding of `domain`, created if `create`.
fn find<'a>(b: &'a mut Bindings, domain: &[u8], create: bool) -> Result<Option<&'a mut Binding>, Errno> {
    // SAFETY: every listed domain is a C string the table owns.
    let i = (0..b.len).find(|&i| unsafe { cptr::cstr(b.list[i].domain) } == domain);
    let i = match i {
        Some(i) => i,
        None if !create => return Ok(None),
        None if b.len == DOMAINS => return Err(errno::NOMEM),
        None => {
            b.list[b.len].domain = copy(domain)?;
            b.len += 1;
            b.len - 1
        }
    };
    Ok(Some(&mut b.list[i]))
}

/// Sets (if `value` is non-null) and returns one field of a binding.
///
/// # Safety
/// `domain` and `value` are null or C strings.
unsafe fn bind(
    domain: *const c_char,
    value: *const c_char,
    field: fn(&mut Binding) -> &mut *mut c_char,
    default: *mut c_char,
) -> *mut c_char {
    // SAFETY: the caller's contract.
    let domain = if domain.is_null() { &b""[..] } else { unsafe { cptr::cstr(domain) } };
    if domain.is_empty() {
        set_errno(errno::INVAL);
        return core::ptr::null_mut();
    }
    let mut b = BINDINGS.lock();
    let r = (|| {
        let Some(entry) = find(&mut b, domain, !value.is_null())? else { return Ok(default) };
        let slot = field(entry);
        if !value.is_null() {
            // SAFETY: the caller's contract.
            replace(slot, unsafe { cptr::cstr(value) })?;
        }
        Ok(if slot.is_null() { default } else { *slot })
    })();
    r.unwrap_or_else(|e| {
        set_errno(e);
        core::ptr::null_mut()
    })
}

/// POSIX (compat) `bindtextdomain`: the directory of `domain`'s catalogs
/// ("/usr/share/locale" until set).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn bindtextdomain(domain: *const c_char, dir: *const c_char) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe { bind(domain, dir, |b| &mut b.dir, b"/usr/share/locale\0".as_ptr() as *mut c_char) }
}

/// POSIX (compat) `bind_textdomain_codeset`: the codeset of `domain`'s
/// messages (null until set).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn bind_textdomain_codeset(domain: *const c_char, codeset: *const c_char) -> *mut c_char {
    // SAFETY: forwarded contract.
    unsafe { bind(domain, codeset, |b| &mut b.codeset, core::ptr::null_mut()) }
}
