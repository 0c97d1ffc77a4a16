//! Compat realpath: the canonical absolute name of a file, in the grants'
//! namespace: every symbolic link resolved (absolute targets through the
//! grants, relative ones where they stand), `.` and `..` folded.

use crate::abi::c_char;
use crate::compat::grants::{self, PATH_MAX};
use crate::compat::path::{self, AT_FDCWD};
use crate::compat::walk;
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::stdlib::malloc::malloc;
use crate::sys::{self, lookup, lookupflags};
use cloudabi::errno;

/// Appends `parts` to a path buffer, checking the length.
fn join(buf: &mut [u8; PATH_MAX], parts: &[&[u8]]) -> Result<usize, Errno> {
    let mut n = 0;
    for p in parts {
        if n + p.len() >= PATH_MAX {
            return Err(errno::NAMETOOLONG);
        }
        buf[n..n + p.len()].copy_from_slice(p);
        n += p.len();
    }
    Ok(n)
}

/// Resolves `input` into `out` (absolute, no trailing slash); returns the
/// length. Components are walked in order, so `..` after a symbolic link
/// leaves the link's target, as the kernel does, not the link's directory;
/// above a grant, `..` steps up in the namespace.
fn resolve(input: &[u8], out: &mut [u8; PATH_MAX]) -> Result<usize, Errno> {
    if input.is_empty() {
        return Err(errno::NOENT);
    }
    let mut abs = [0u8; PATH_MAX];
    let n = if input.starts_with(b"/") {
        join(&mut abs, &[input])?
    } else {
        let mut cwd = [0u8; PATH_MAX];
        let n = grants::cwd(&mut cwd);
        join(&mut abs, &[&cwd[..n], b"/", input])?
    };
    let mut w = walk::Mapped::new(None, &abs[..n])?;
    w.run(true, walk::Climb::Lexical)?;
    let name = w.name();
    // The walk lets a last name be missing (or a file where a directory
    // is asked for); the name realpath returns must be there.
    if name != b"/" && !grants::is_ancestor(name) {
        let n = join(&mut abs, &[name, if w.wants_dir() { b"/" } else { b"" }])?;
        let r = path::at(AT_FDCWD, &abs[..n])?;
        sys::file_stat_get(lookup { fd: r.fd, flags: lookupflags::empty() }, r.path())?;
    }
    out[..name.len()].copy_from_slice(name);
    Ok(name.len())
}

/// Compat `realpath`: writes into `resolved` (PATH_MAX bytes) or, when it
/// is NULL, into a malloc'd buffer.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn realpath(p: *const c_char, resolved: *mut c_char) -> *mut c_char {
    if p.is_null() {
        return Err(errno::INVAL).or_errno(core::ptr::null_mut());
    }
    // SAFETY: `p` is a C string (C contract).
    let input = unsafe { cptr::cstr(p) };
    let mut out = [0u8; PATH_MAX];
    (|| {
        let n = resolve(input, &mut out)?;
        let dst = if resolved.is_null() { malloc(n + 1) as *mut c_char } else { resolved };
        if dst.is_null() {
            return Err(errno::NOMEM);
        }
        // SAFETY: `dst` holds PATH_MAX bytes (or n + 1 from malloc).
        unsafe {
            core::ptr::copy_nonoverlapping(out.as_ptr(), dst.cast::<u8>(), n);
            *dst.add(n) = 0;
        }
        Ok(dst)
    })()
    .or_errno(core::ptr::null_mut())
}
