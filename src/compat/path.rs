//! How path-taking calls find the descriptor to work beneath.
//!
//! Every `*at()` function and every compat path call goes through [`at`]:
//! - a path relative to a real directory descriptor is used as it is
//!   (cloudlibc's behaviour, confined by the emulator);
//! - an absolute path, or a relative one with `AT_FDCWD`, is made absolute
//!   (against the current directory), normalised lexically (`.`, `..` and
//!   repeated slashes folded; `..` never climbs above `/`), and mapped to a
//!   named grant (see `grants`). A path under no grant: `ENOTCAPABLE`.
//!
//! Lexical `..` differs from the kernel's only when a directory on the way
//! is a symbolic link; inside a grant, the emulator resolves `..` for real.

use super::grants::{self, PATH_MAX};
use super::walk;
use crate::abi::c_int;
use crate::errno::Errno;
use crate::sys;
use cloudabi::{errno, fd};

/// The compat `AT_FDCWD`: "relative to the current directory".
pub const AT_FDCWD: c_int = -100;

/// A path resolved to a directory descriptor and a path beneath it.
pub struct Resolved {
    pub fd: fd,
    buf: [u8; PATH_MAX],
    len: usize,
}

impl Resolved {
    /// The path relative to `fd` ("." for the directory itself).
    pub fn path(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The error to report for `e`, met working on this path: a refusal
    /// (ENOTCAPABLE) of a name that does not exist is ENOENT, as POSIX
    /// reports a missing name whatever the directory's permissions, and
    /// programs count on it ("remove if present", a `PATH` search). The
    /// name's absence is visible to a stat anyway.
    pub fn missing_or(&self, e: Errno, flags: sys::lookupflags) -> Errno {
        if e != errno::NOTCAPABLE {
            return e;
        }
        match sys::file_stat_get(sys::lookup { fd: self.fd, flags }, self.path()) {
            Err(n) if n == errno::NOENT => n,
            _ => e,
        }
    }
}

/// Normalises an absolute path in place into `out`, keeping one trailing
/// slash if the input had one (it means "must be a directory").
pub fn normalize(path: &[u8], out: &mut [u8; PATH_MAX]) -> Result<usize, Errno> {
    let mut len = 0;
    for comp in path.split(|&c| c == b'/') {
        match comp {
            b"" | b"." => {}
            b".." => {
                while len > 0 && out[len - 1] != b'/' {
                    len -= 1;
                }
                len = len.saturating_sub(1);
            }
            name => {
                if len + 1 + name.len() >= PATH_MAX {
                    return Err(errno::NAMETOOLONG);
                }
                out[len] = b'/';
                out[len + 1..len + 1 + name.len()].copy_from_slice(name);
                len += 1 + name.len();
            }
        }
    }
    if len == 0 {
        out[0] = b'/';
        len = 1;
    } else if path.ends_with(b"/") || path.ends_with(b"/.") || path.ends_with(b"/..") {
        out[len] = b'/';
        len += 1;
    }
    Ok(len)
}

/// Makes `path` absolute against the current directory (if relative) and
/// normalises it.
pub fn absolute(path: &[u8], out: &mut [u8; PATH_MAX]) -> Result<usize, Errno> {
    if path.starts_with(b"/") {
        return normalize(path, out);
    }
    let mut joined = [0u8; PATH_MAX];
    let n = grants::cwd(&mut joined);
    if n + 1 + path.len() >= PATH_MAX {
        return Err(errno::NAMETOOLONG);
    }
    joined[n] = b'/';
    joined[n + 1..n + 1 + path.len()].copy_from_slice(path);
    normalize(&joined[..n + 1 + path.len()], out)
}

/// Whether `(dirfd, path)` names a directory that exists only as an
/// ancestor of named grants (see `grants::is_ancestor`).
pub fn is_grant_ancestor(dirfd: c_int, path: &[u8]) -> bool {
    grant_ancestor(dirfd, path, &mut [0; PATH_MAX]).is_some()
}

/// Where `(dirfd, path)` names an ancestor of named grants, writes its
/// normalised absolute name (no trailing slash) into `out` and returns
/// the length.
pub fn grant_ancestor(dirfd: c_int, path: &[u8], out: &mut [u8; PATH_MAX]) -> Option<usize> {
    if path.is_empty() || (!path.starts_with(b"/") && dirfd != AT_FDCWD) {
        return None;
    }
    let mut n = absolute(path, out).ok()?;
    if n > 1 && out[n - 1] == b'/' {
        n -= 1;
    }
    grants::is_ancestor(&out[..n]).then_some(n)
}

/// Resolves `(dirfd, path)` as described in the module documentation.
pub fn at(dirfd: c_int, path: &[u8]) -> Result<Resolved, Errno> {
    if path.is_empty() {
        return Err(errno::NOENT);
    }
    let mut r = Resolved { fd: fd(0), buf: [0; PATH_MAX], len: 0 };
    if !path.starts_with(b"/") && dirfd != AT_FDCWD {
        if path.len() >= PATH_MAX {
            return Err(errno::NAMETOOLONG);
        }
        r.fd = sys::to_fd(dirfd)?;
        r.buf[..path.len()].copy_from_slice(path);
        r.len = path.len();
        return Ok(r);
    }
    let mut abs = [0u8; PATH_MAX];
    let n = absolute(path, &mut abs)?;
    let (gfd, rest) = grants::split(&abs[..n])?;
    r.fd = gfd;
    if rest.is_empty() {
        r.buf[0] = b'.';
        r.len = 1;
    } else {
        r.buf[..rest.len()].copy_from_slice(rest);
        r.len = rest.len();
    }
    Ok(r)
}

/// Resolves `(dirfd, path)` as `at` does and runs `op` on it. Where the
/// emulator refuses (`ENOTCAPABLE`) because of a symbolic link it does not
/// follow beneath a descriptor (one to an absolute name), the links are
/// resolved here (see `walk`) and `op` runs once more, on what they lead
/// to; a last component that is a link is followed only with `follow`.
/// The common case costs nothing more than `at`.
pub fn with<T>(
    dirfd: c_int,
    path: &[u8],
    follow: bool,
    mut op: impl FnMut(&Resolved) -> Result<T, Errno>,
) -> Result<T, Errno> {
    let r = at(dirfd, path)?;
    match op(&r) {
        Err(e) if e == errno::NOTCAPABLE => match through_links(dirfd, path, follow)? {
            Some(r) => op(&r),
            None => Err(e),
        },
        done => done,
    }
}

/// Resolves `(dirfd, path)` with its symbolic links followed by the
/// library; `None` if it holds none to follow.
fn through_links(dirfd: c_int, path: &[u8], follow: bool) -> Result<Option<Resolved>, Errno> {
    let mut abs = [0u8; PATH_MAX];
    let mut w = if path.starts_with(b"/") || dirfd == AT_FDCWD {
        let n = absolute(path, &mut abs)?;
        walk::Mapped::new(None, &abs[..n])?
    } else {
        walk::Mapped::new(Some(sys::to_fd(dirfd)?), path)?
    };
    w.run(follow, walk::Climb::Refuse)?;
    if w.links() == 0 {
        return Ok(None);
    }
    let name = w.name();
    let n = name.len() + usize::from(w.wants_dir());
    if n >= PATH_MAX {
        return Err(errno::NAMETOOLONG);
    }
    abs[..name.len()].copy_from_slice(name);
    abs[name.len()] = b'/';
    match w.base() {
        None => at(AT_FDCWD, &abs[..n]).map(Some),
        Some(base) => {
            let mut r = Resolved { fd: base, buf: [0; PATH_MAX], len: n };
            r.buf[..n].copy_from_slice(&abs[..n]);
            Ok(Some(r))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(p: &str) -> String {
        let mut out = [0u8; PATH_MAX];
        let n = normalize(p.as_bytes(), &mut out).unwrap();
        String::from_utf8(out[..n].to_vec()).unwrap()
    }

    #[test]
    fn normalisation_folds_dots_and_slashes() {
        assert_eq!(norm("/"), "/");
        assert_eq!(norm("//a///b"), "/a/b");
        assert_eq!(norm("/a/./b/."), "/a/b/");
        assert_eq!(norm("/a/b/../c"), "/a/c");
        assert_eq!(norm("/../../x"), "/x");
        assert_eq!(norm("/a/b/"), "/a/b/");
        assert_eq!(norm("/a/.."), "/");
        assert_eq!(norm("/a/b/.."), "/a/");
    }

    #[test]
    fn over_long_paths_are_refused() {
        let long = "/x".repeat(PATH_MAX);
        let mut out = [0u8; PATH_MAX];
        assert_eq!(normalize(long.as_bytes(), &mut out), Err(errno::NAMETOOLONG));
    }
}
