//! Compat ctermid, tmpnam and tempnam (`<stdio.h>`).
//!
//! There is no controlling terminal, so `ctermid` gives the empty string,
//! as POSIX says it should when the name cannot be determined. Temporary
//! names only mean something inside a grant: `tmpnam` uses `/tmp`
//! (`P_tmpdir`) and `tempnam` the first of `$TMPDIR`, its `dir` argument
//! and `/tmp` that names a directory reachable through the grants; the
//! name is `<dir>/<prefix>XXXXXX` with random characters, checked not to
//! exist. With no such directory they fail (NULL, with the error of the
//! last candidate, ENOTCAPABLE when it lies outside the grants).

use super::grants::PATH_MAX;
use super::path::AT_FDCWD;
use super::tempfile::make_unique;
use crate::abi::c_char;
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::stdlib::env::getenv;
use crate::header::stdlib::malloc::malloc;
use crate::header::sys_stat::{stat_at, AT_SYMLINK_NOFOLLOW, S_IFDIR, S_IFMT};
use cloudabi::errno;

/// `P_tmpdir`.
pub const P_TMPDIR: &[u8] = b"/tmp";
/// `L_tmpnam`: room for "/tmp/tmp" + 6 characters and a NUL, with spare.
pub const L_TMPNAM: usize = 20;
/// `L_ctermid`.
pub const L_CTERMID: usize = 9;

/// Where `ctermid(NULL)` answers (not thread-safe, as POSIX allows).
static mut CTERMID: [u8; L_CTERMID] = [0; L_CTERMID];

/// Compat `ctermid`: the empty string (no controlling terminal), in `s`
/// or in a static buffer.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn ctermid(s: *mut c_char) -> *mut c_char {
    let out = if s.is_null() { core::ptr::addr_of_mut!(CTERMID).cast() } else { s };
    // SAFETY: `out` has room for L_ctermid bytes (C contract or static).
    unsafe { *out = 0 };
    out
}

fn is_directory(dir: &[u8]) -> Result<(), Errno> {
    let st = stat_at(AT_FDCWD, dir, 0)?;
    if st.st_mode & S_IFMT == S_IFDIR {
        Ok(())
    } else {
        Err(errno::NOTDIR)
    }
}

/// Writes a fresh name `<dir>/<prefix>XXXXXX` into `out` (NUL-terminated);
/// returns its length.
fn fresh_name(dir: &[u8], prefix: &[u8], out: &mut [u8]) -> Result<usize, Errno> {
    let dir = if dir.len() > 1 { dir.strip_suffix(b"/").unwrap_or(dir) } else { dir };
    let len = dir.len() + 1 + prefix.len() + 6;
    if len >= out.len() {
        return Err(errno::NAMETOOLONG);
    }
    out[..dir.len()].copy_from_slice(dir);
    out[dir.len()] = b'/';
    out[dir.len() + 1..dir.len() + 1 + prefix.len()].copy_from_slice(prefix);
    out[len - 6..len].fill(b'X');
    out[len] = 0;
    make_unique(&mut out[..len], 0, |name| match stat_at(AT_FDCWD, name, AT_SYMLINK_NOFOLLOW) {
        Ok(_) => Err(errno::EXIST),
        Err(errno::NOENT) => Ok(()),
        Err(e) => Err(e),
    })?;
    Ok(len)
}

/// Where `tmpnam(NULL)` answers (not thread-safe, as POSIX allows).
static mut TMPNAM: [u8; L_TMPNAM] = [0; L_TMPNAM];

/// Compat `tmpnam`: a name in `/tmp` that does not exist yet, in `s`
/// (`L_tmpnam` bytes) or a static buffer; NULL if `/tmp` is not a granted
/// directory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn tmpnam(s: *mut c_char) -> *mut c_char {
    let mut name = [0u8; L_TMPNAM];
    let r = is_directory(P_TMPDIR).and_then(|()| fresh_name(P_TMPDIR, b"tmp", &mut name));
    let r = r.map(|len| {
        let out = if s.is_null() { core::ptr::addr_of_mut!(TMPNAM).cast() } else { s };
        // SAFETY: `out` has room for L_tmpnam bytes (C contract or static).
        unsafe { core::ptr::copy_nonoverlapping(name.as_ptr(), out.cast(), len + 1) };
        out
    });
    r.or_errno(core::ptr::null_mut())
}

/// Compat `tempnam`: a malloc'd name that does not exist yet, in the first
/// usable of `$TMPDIR`, `dir` and `/tmp`, starting with up to five bytes
/// of `pfx` (default "tmp").
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn tempnam(dir: *const c_char, pfx: *const c_char) -> *mut c_char {
    // SAFETY: the name is a C string; getenv's result is one or null.
    let env = unsafe { getenv(c"TMPDIR".as_ptr()) };
    let as_bytes = |p: *const c_char| {
        // SAFETY: non-null arguments are C strings (C contract).
        (!p.is_null()).then(|| unsafe { cptr::cstr(p) })
    };
    let prefix = as_bytes(pfx).map_or(&b"tmp"[..], |p| &p[..p.len().min(5)]);
    let mut last = errno::NOENT;
    for d in [as_bytes(env), as_bytes(dir), Some(P_TMPDIR)].into_iter().flatten() {
        if let Err(e) = is_directory(d) {
            last = e;
            continue;
        }
        let mut name = [0u8; PATH_MAX];
        let len = match fresh_name(d, prefix, &mut name) {
            Ok(n) => n,
            Err(e) => return Err(e).or_errno(core::ptr::null_mut()),
        };
        let out = malloc(len + 1).cast::<u8>();
        if out.is_null() {
            return Err(errno::NOMEM).or_errno(core::ptr::null_mut());
        }
        // SAFETY: `out` holds len + 1 bytes.
        unsafe { core::ptr::copy_nonoverlapping(name.as_ptr(), out, len + 1) };
        return out.cast();
    }
    Err(last).or_errno(core::ptr::null_mut())
}
