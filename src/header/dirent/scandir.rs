//! scandirat, alphasort; compat scandir.

use super::dir::{closedir, dirent, opendirat, readdir};
use crate::abi::{c_char, c_int};
use crate::compat::path::AT_FDCWD;
use crate::errno::{get_errno, set_errno, set_errno_raw};
use crate::header::stdlib::malloc::{free, malloc, realloc};
use cloudabi::errno;

type Filter = Option<unsafe extern "C" fn(*const dirent) -> c_int>;
type Compar = Option<unsafe extern "C" fn(*mut *const dirent, *mut *const dirent) -> c_int>;

/// Frees the first `n` entries and the list.
unsafe fn free_list(list: *mut *mut dirent, n: usize) {
    for i in 0..n {
        // SAFETY: entries 0..n came from malloc.
        unsafe { free((*list.add(i)).cast()) };
    }
    // SAFETY: the list came from malloc (or is null).
    unsafe { free(list.cast()) };
}

/// POSIX-style `scandirat` (cloudlibc): reads a directory into a malloc'd
/// array of malloc'd entries, keeping those `filter` accepts, sorted by
/// `compar`. Returns the count, or -1 with errno set.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn scandirat(
    dirfd: c_int,
    path: *const c_char,
    out: *mut *mut *mut dirent,
    filter: Filter,
    compar: Compar,
) -> c_int {
    // SAFETY: forwarded contract.
    let d = unsafe { opendirat(dirfd, path) };
    if d.is_null() {
        return -1;
    }
    let mut list: *mut *mut dirent = core::ptr::null_mut();
    let (mut n, mut cap) = (0usize, 0usize);
    let saved = get_errno();
    set_errno_raw(0);
    loop {
        // SAFETY: `d` is open.
        let e = unsafe { readdir(d) };
        if e.is_null() {
            break;
        }
        // SAFETY: `e` points at the stream's current entry.
        if let Some(f) = filter {
            if unsafe { f(e) } == 0 {
                continue;
            }
        }
        if n == cap {
            cap = (cap * 2).max(16);
            // SAFETY: `list` is null or from malloc/realloc.
            let nl = unsafe { realloc(list.cast(), cap * core::mem::size_of::<*mut dirent>()) } as *mut *mut dirent;
            if nl.is_null() {
                // SAFETY: `list` holds `n` entries.
                unsafe {
                    free_list(list, n);
                    closedir(d);
                }
                set_errno(errno::NOMEM);
                return -1;
            }
            list = nl;
        }
        let copy = malloc(core::mem::size_of::<dirent>()) as *mut dirent;
        if copy.is_null() {
            // SAFETY: as above.
            unsafe {
                free_list(list, n);
                closedir(d);
            }
            set_errno(errno::NOMEM);
            return -1;
        }
        // SAFETY: both are whole dirents; `list` has room for n + 1.
        unsafe {
            core::ptr::copy_nonoverlapping(e, copy, 1);
            *list.add(n) = copy;
        }
        n += 1;
    }
    let err = get_errno();
    // SAFETY: `d` is open and not used again.
    unsafe { closedir(d) };
    if err != 0 {
        // SAFETY: `list` holds `n` entries.
        unsafe { free_list(list, n) };
        set_errno_raw(err);
        return -1;
    }
    set_errno_raw(saved);
    if let Some(cmp) = compar {
        if n > 1 {
            // SAFETY: `list` holds `n` initialised pointers.
            let s = unsafe { core::slice::from_raw_parts_mut(list, n) };
            s.sort_unstable_by(|a, b| {
                let (mut x, mut y) = (*a as *const dirent, *b as *const dirent);
                // SAFETY: the comparator receives pointers to entry pointers.
                unsafe { cmp(&mut x, &mut y) }.cmp(&0)
            });
        }
    }
    // SAFETY: `out` is writable (C contract).
    unsafe { *out = list };
    n as c_int
}

/// Compat `scandir`: `scandirat` relative to the current directory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn scandir(path: *const c_char, out: *mut *mut *mut dirent, filter: Filter, compar: Compar) -> c_int {
    // SAFETY: forwarded contract.
    unsafe { scandirat(AT_FDCWD, path, out, filter, compar) }
}

/// POSIX `alphasort`: orders entries by name (the C locale collates bytes).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn alphasort(a: *mut *const dirent, b: *mut *const dirent) -> c_int {
    // SAFETY: both point at entry pointers with NUL-terminated names.
    let (x, y) = unsafe { (&(**a).d_name, &(**b).d_name) };
    let len = |n: &[u8]| n.iter().position(|&c| c == 0).unwrap_or(n.len());
    match x[..len(x)].cmp(&y[..len(y)]) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

/// GNU (cloudlibc) `versionsort`: orders entries by name with embedded
/// numbers compared by value (`strverscmp`).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn versionsort(a: *mut *const dirent, b: *mut *const dirent) -> c_int {
    // SAFETY: both point at entry pointers with NUL-terminated names.
    unsafe {
        crate::header::string::strverscmp((**a).d_name.as_ptr().cast::<c_char>(), (**b).d_name.as_ptr().cast::<c_char>())
    }
}
