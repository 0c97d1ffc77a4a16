//! The environment: `getenv` (cloudlibc), and the compat `environ`,
//! `setenv`, `unsetenv`, `putenv`, `clearenv`. It starts from the argdata
//! `env` map; nothing is inherited from the host.

use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::stdlib::malloc::{free, malloc, realloc};
use crate::header::string::memcpy;
use crate::sync::SpinLock;
use cloudabi::errno;

/// The compat `environ`: a NULL-terminated array of "NAME=value" strings.
#[cfg_attr(not(test), no_mangle)]
pub static mut environ: *mut *mut c_char = core::ptr::null_mut();

struct Env {
    len: usize,
    cap: usize,
    /// Which entries this module allocated (and may free); bit per entry,
    /// entries beyond 64 are leaked on replacement, which is safe.
    owned: u64,
}

static ENV: SpinLock<Env> = SpinLock::new(Env { len: 0, cap: 0, owned: 0 });

/// Holds the environment, so that a `fork` never copies it half-written.
#[must_use]
pub fn lock_for_fork() -> impl Sized {
    ENV.lock()
}

pub fn environ_ptr() -> *mut *mut c_char {
    // SAFETY: reading the pointer value.
    unsafe { environ }
}

fn name_matches(entry: *const c_char, name: &[u8]) -> bool {
    // SAFETY: environ entries are NUL-terminated strings.
    let e = unsafe { cptr::cstr(entry) };
    e.len() > name.len() && e.starts_with(name) && e[name.len()] == b'='
}

fn find(env: &Env, name: &[u8]) -> Option<usize> {
    // SAFETY: `environ` has `len` valid entries while the lock is held.
    (0..env.len).find(|&i| unsafe { name_matches(*environ.add(i), name) })
}

fn valid_name(name: &[u8]) -> bool {
    !name.is_empty() && !name.contains(&b'=')
}

/// Inserts or replaces an entry with an already-built "NAME=value" string.
fn put_entry(env: &mut Env, name: &[u8], entry: *mut c_char, owned: bool) -> Result<(), Errno> {
    if let Some(i) = find(env, name) {
        // SAFETY: `i < len`, and entries we own came from malloc.
        unsafe {
            if i < 64 && env.owned & (1 << i) != 0 {
                free((*environ.add(i)).cast());
            }
            *environ.add(i) = entry;
        }
        set_owned(env, i, owned);
        return Ok(());
    }
    if env.len + 1 >= env.cap {
        let cap = (env.cap * 2).max(16);
        // SAFETY: `environ` is null or our own allocation.
        let p = unsafe { realloc(environ.cast(), cap * core::mem::size_of::<*mut c_char>()) };
        if p.is_null() {
            return Err(errno::NOMEM);
        }
        // SAFETY: the new array holds `cap` pointers.
        unsafe { environ = p.cast() };
        env.cap = cap;
    }
    // SAFETY: `len + 1 < cap`.
    unsafe {
        *environ.add(env.len) = entry;
        *environ.add(env.len + 1) = core::ptr::null_mut();
    }
    let i = env.len;
    env.len += 1;
    set_owned(env, i, owned);
    Ok(())
}

fn set_owned(env: &mut Env, i: usize, owned: bool) {
    if i < 64 {
        if owned {
            env.owned |= 1 << i;
        } else {
            env.owned &= !(1 << i);
        }
    }
}

/// Sets `name` to `value` (used by start-up and `setenv`).
pub fn set(name: &[u8], value: &[u8], overwrite: bool) -> Result<(), Errno> {
    if !valid_name(name) {
        return Err(errno::INVAL);
    }
    let mut env = ENV.lock();
    if !overwrite && find(&env, name).is_some() {
        return Ok(());
    }
    let n = name.len() + 1 + value.len();
    let s = malloc(n + 1) as *mut u8;
    if s.is_null() {
        return Err(errno::NOMEM);
    }
    // SAFETY: `s` holds n + 1 bytes.
    unsafe {
        memcpy(s.cast(), name.as_ptr().cast(), name.len());
        *s.add(name.len()) = b'=';
        memcpy(s.add(name.len() + 1).cast(), value.as_ptr().cast(), value.len());
        *s.add(n) = 0;
    }
    put_entry(&mut env, name, s.cast(), true)
}

/// cloudlibc `getenv`: the value of `name`, or NULL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getenv(name: *const c_char) -> *mut c_char {
    // SAFETY: `name` is a C string (C contract).
    let name = unsafe { cptr::cstr(name) };
    let env = ENV.lock();
    match find(&env, name) {
        // SAFETY: the entry is "name=value"; return the value part.
        Some(i) => unsafe { (*environ.add(i)).add(name.len() + 1) },
        None => core::ptr::null_mut(),
    }
}

/// POSIX (compat) `setenv`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setenv(name: *const c_char, value: *const c_char, overwrite: c_int) -> c_int {
    if name.is_null() || value.is_null() {
        crate::errno::set_errno(errno::INVAL);
        return -1;
    }
    // SAFETY: both are C strings (C contract).
    let (n, v) = unsafe { (cptr::cstr(name), cptr::cstr(value)) };
    set(n, v, overwrite != 0).map(|()| 0).or_errno(-1)
}

/// POSIX (compat) `unsetenv`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn unsetenv(name: *const c_char) -> c_int {
    // SAFETY: `name` is a C string (C contract), or null (refused).
    let name = if name.is_null() { &[][..] } else { unsafe { cptr::cstr(name) } };
    if !valid_name(name) {
        crate::errno::set_errno(errno::INVAL);
        return -1;
    }
    let mut env = ENV.lock();
    while let Some(i) = find(&env, name) {
        // SAFETY: shifting entries within the array, NULL included.
        unsafe {
            if i < 64 && env.owned & (1 << i) != 0 {
                free((*environ.add(i)).cast());
            }
            for j in i..env.len {
                *environ.add(j) = *environ.add(j + 1);
            }
        }
        let low = (1u64 << i.min(63)) - 1;
        env.owned = (env.owned & low) | ((env.owned >> 1) & !low);
        env.len -= 1;
    }
    0
}

/// POSIX (compat) `putenv`: the string itself becomes part of the environment.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn putenv(s: *mut c_char) -> c_int {
    // SAFETY: `s` is a C string (C contract).
    let all = unsafe { cptr::cstr(s) };
    let Some(eq) = all.iter().position(|&c| c == b'=') else {
        crate::errno::set_errno(errno::INVAL);
        return -1;
    };
    let mut env = ENV.lock();
    put_entry(&mut env, &all[..eq], s, false).map(|()| 0).or_errno(-1)
}
