//! Compat getcwd, chdir, fchdir: the current directory is a name inside
//! the grants (see compat::grants), not a kernel object.

use crate::abi::{c_char, c_int, size_t};
use crate::compat::grants::{self, PATH_MAX};
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::stdlib::malloc::malloc;
use crate::sys::{self, filetype, lookup, lookupflags};
use cloudabi::errno;

/// Compat `getcwd`: copies the current directory into `buf` (or, when `buf`
/// is NULL, into a malloc'd buffer of `size` or of the exact length if
/// `size` is 0, as glibc does).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getcwd(buf: *mut c_char, size: size_t) -> *mut c_char {
    let mut cwd = [0u8; PATH_MAX];
    let n = grants::cwd(&mut cwd);
    let r: Result<*mut c_char, Errno> = (|| {
        let (dst, cap) = if buf.is_null() {
            let cap = if size == 0 { n + 1 } else { size };
            let p = malloc(cap) as *mut c_char;
            if p.is_null() {
                return Err(errno::NOMEM);
            }
            (p, cap)
        } else {
            if size == 0 {
                return Err(errno::INVAL);
            }
            (buf, size)
        };
        if n + 1 > cap {
            if buf.is_null() {
                // SAFETY: allocated above by malloc.
                unsafe { crate::header::stdlib::malloc::free(dst.cast()) };
            }
            return Err(errno::RANGE);
        }
        // SAFETY: `dst` has room for n + 1 bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(cwd.as_ptr(), dst.cast::<u8>(), n);
            *dst.add(n) = 0;
        }
        Ok(dst)
    })();
    r.or_errno(core::ptr::null_mut())
}

/// Makes `p` the current directory after checking it is a directory (or
/// a directory leading to grants).
fn change_to(p: &[u8]) -> Result<(), Errno> {
    let mut name = [0u8; PATH_MAX];
    if let Some(n) = path::grant_ancestor(AT_FDCWD, p, &mut name) {
        return grants::set_cwd(&name[..n]);
    }
    let st = path::with(AT_FDCWD, p, true, |r| {
        sys::file_stat_get(lookup { fd: r.fd, flags: lookupflags::SYMLINK_FOLLOW }, r.path())
    })?;
    if st.st_filetype != filetype::DIRECTORY {
        return Err(errno::NOTDIR);
    }
    let mut abs = [0u8; PATH_MAX];
    let mut n = path::absolute(p, &mut abs)?;
    if n > 1 && abs[n - 1] == b'/' {
        n -= 1;
    }
    grants::set_cwd(&abs[..n])
}

/// Compat `chdir`: moves the current directory, within the grants only.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn chdir(p: *const c_char) -> c_int {
    // SAFETY: `p` is a C string (C contract).
    let p = unsafe { cptr::cstr(p) };
    change_to(p).map(|()| 0).or_errno(-1)
}

/// Compat `fchdir`: works for the granted directories, whose names are
/// known; other descriptors have no name to move to (ENOTSUP).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fchdir(fd: c_int) -> c_int {
    (|| {
        let f = sys::to_fd(fd)?;
        let st = sys::fd_stat_get(f)?;
        if st.fs_filetype != filetype::DIRECTORY {
            return Err(errno::NOTDIR);
        }
        let name = grants::name_of(f).ok_or(errno::NOTSUP)?;
        grants::set_cwd(name)
    })()
    .map(|()| 0)
    .or_errno(-1)
}
