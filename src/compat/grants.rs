//! Named directory grants and the current directory.
//!
//! The launcher passes directories under absolute names (`dirs:` in the
//! YAML). A path-taking compat call such as
//! `open("/usr/lib/python3.11/os.py")` is resolved to the grant with the
//! longest name that is a prefix of the path *on component boundaries*
//! (`/usr/lib` matches `/usr/lib/x` but not `/usr/library`), then runs
//! relative to that grant's descriptor, where the emulator confines the
//! rest of the lookup. A path under no grant fails with `ENOTCAPABLE`.
//! Relative paths are taken from the current directory, an absolute name
//! that `chdir` keeps inside the grants (default `/`).

use crate::errno::Errno;
use crate::sync::SpinLock;
use cloudabi::{errno, fd};

const MAX_GRANTS: usize = 64;
pub const PATH_MAX: usize = 4096;

#[derive(Copy, Clone)]
struct Grant {
    name: &'static [u8],
    fd: fd,
}

static GRANTS: SpinLock<[Option<Grant>; MAX_GRANTS]> = SpinLock::new([None; MAX_GRANTS]);

struct Cwd {
    path: [u8; PATH_MAX],
    len: usize,
}

static CWD: SpinLock<Cwd> = SpinLock::new(Cwd { path: initial_cwd(), len: 1 });

const fn initial_cwd() -> [u8; PATH_MAX] {
    let mut p = [0u8; PATH_MAX];
    p[0] = b'/';
    p
}

/// Strips trailing slashes (but keeps "/" itself).
fn trim(path: &[u8]) -> &[u8] {
    let mut p = path;
    while p.len() > 1 && p.ends_with(b"/") {
        p = &p[..p.len() - 1];
    }
    p
}

/// Registers a grant at start-up. Names must be absolute.
pub fn register(name: &'static [u8], f: fd) -> Result<(), Errno> {
    if !name.starts_with(b"/") {
        return Err(errno::INVAL);
    }
    let mut g = GRANTS.lock();
    let slot = g.iter_mut().find(|g| g.is_none()).ok_or(errno::NOMEM)?;
    *slot = Some(Grant { name: trim(name), fd: f });
    Ok(())
}

/// The name a grant descriptor was registered under, if it is one.
pub fn name_of(f: fd) -> Option<&'static [u8]> {
    GRANTS.lock().iter().flatten().find(|g| g.fd == f).map(|g| g.name)
}

/// Calls `f` with the name and descriptor of every grant.
pub fn for_each(mut f: impl FnMut(&[u8], fd)) {
    for g in GRANTS.lock().iter().flatten() {
        f(g.name, g.fd);
    }
}

/// Holds the grant table and the current directory, so that a `fork`
/// never copies them half-written.
#[must_use]
pub fn lock_for_fork() -> impl Sized {
    (GRANTS.lock(), CWD.lock())
}

/// Sets the current directory to an absolute, normalised path.
pub fn set_cwd(path: &[u8]) -> Result<(), Errno> {
    if !path.starts_with(b"/") {
        return Err(errno::INVAL);
    }
    if path.len() >= PATH_MAX {
        return Err(errno::NAMETOOLONG);
    }
    let mut c = CWD.lock();
    c.path[..path.len()].copy_from_slice(path);
    c.len = path.len();
    Ok(())
}

/// Copies the current directory into `out`; returns its length.
pub fn cwd(out: &mut [u8; PATH_MAX]) -> usize {
    let c = CWD.lock();
    out[..c.len].copy_from_slice(&c.path[..c.len]);
    c.len
}

/// Does `name` cover `path` on a component boundary?
fn covers(name: &[u8], path: &[u8]) -> bool {
    if name == b"/" {
        return path.starts_with(b"/");
    }
    path.starts_with(name) && (path.len() == name.len() || path[name.len()] == b'/')
}

/// Finds the grant for a normalised absolute path: its descriptor and the
/// length of the grant's name (the rest of the path is relative to it).
pub fn lookup(path: &[u8]) -> Result<(fd, usize), Errno> {
    let g = GRANTS.lock();
    let best = g.iter().flatten().filter(|g| covers(g.name, path)).max_by_key(|g| g.name.len()).ok_or(errno::NOTCAPABLE)?;
    Ok((best.fd, best.name.len()))
}

/// Splits a normalised absolute path at its grant: the grant's descriptor
/// and the rest of the path beneath it (empty for the grant itself).
pub fn split(path: &[u8]) -> Result<(fd, &[u8]), Errno> {
    let (g, len) = lookup(path)?;
    let rest = &path[len..];
    Ok((g, rest.strip_prefix(b"/").unwrap_or(rest)))
}

/// Is `path` (normalised, absolute) a strict ancestor of a grant's name,
/// and in no grant itself? Such directories exist in the grants' namespace
/// (`/usr` when `/usr/lib/python3.11` is granted) even though nothing in
/// them is reachable except the grants themselves.
pub fn is_ancestor(path: &[u8]) -> bool {
    let p = trim(path);
    let g = GRANTS.lock();
    let mut grants = g.iter().flatten();
    grants.clone().any(|g| g.name.len() > p.len() && covers(p, g.name)) && !grants.any(|g| covers(g.name, p))
}

/// A name that leads to grants, with the grant's descriptor where the name
/// is a grant itself.
pub type Child = (&'static [u8], Option<fd>);

/// The names directly under ancestor `dir` (normalised, absolute) that
/// lead to grants, each once; and how many there are.
pub fn children(dir: &[u8]) -> ([Child; MAX_GRANTS], usize) {
    let dir = trim(dir);
    let mut out = [(&b""[..], None); MAX_GRANTS];
    let mut n = 0;
    for g in GRANTS.lock().iter().flatten() {
        if g.name.len() <= dir.len() || !covers(dir, g.name) {
            continue;
        }
        let rest = &g.name[dir.len()..];
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        let (name, grant) = match rest.iter().position(|&c| c == b'/') {
            Some(end) => (&rest[..end], None),
            None => (rest, Some(g.fd)),
        };
        match out[..n].iter_mut().find(|c| c.0 == name) {
            Some(c) => c.1 = c.1.or(grant),
            None => {
                out[n] = (name, grant);
                n += 1;
            }
        }
    }
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn prefixes_match_on_component_boundaries() {
        assert!(covers(b"/usr/lib", b"/usr/lib"));
        assert!(covers(b"/usr/lib", b"/usr/lib/x"));
        assert!(!covers(b"/usr/lib", b"/usr/library"));
        assert!(!covers(b"/usr/lib", b"/usr"));
        assert!(covers(b"/", b"/etc"));
    }
}
