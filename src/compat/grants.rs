//! Named directory grants: the launcher passes directories under absolute
//! names (`dirs:` in the YAML); a path-taking compat call such as
//! `open("/usr/lib/python3.11/os.py")` is resolved to the grant with the
//! longest name that is a prefix of the path *on component boundaries*
//! (`/usr/lib` matches `/usr/lib/x` but not `/usr/library`), then run
//! relative to that grant's descriptor. A path under no grant is refused
//! with `ENOTCAPABLE`. Relative paths are resolved against the current
//! directory, which always lies inside a grant.

use crate::errno::Errno;
use cloudabi::{errno, fd};

const MAX_GRANTS: usize = 64;
const MAX_PATH: usize = 4096;

#[derive(Copy, Clone)]
struct Grant {
    name: &'static [u8],
    fd: fd,
}

struct Table {
    grants: [Option<Grant>; MAX_GRANTS],
    cwd: [u8; MAX_PATH],
    cwd_len: usize,
}

static mut TABLE: Table = Table { grants: [None; MAX_GRANTS], cwd: [0; MAX_PATH], cwd_len: 0 };

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
    // SAFETY: grants are registered by start-up before other threads exist.
    let t = unsafe { &mut *core::ptr::addr_of_mut!(TABLE) };
    let slot = t.grants.iter_mut().find(|g| g.is_none()).ok_or(errno::NOMEM)?;
    *slot = Some(Grant { name: trim(name), fd: f });
    Ok(())
}

/// Sets the current directory (absolute, normalised by the caller).
pub fn set_cwd(path: &[u8]) -> Result<(), Errno> {
    if !path.starts_with(b"/") || path.len() > MAX_PATH {
        return Err(errno::INVAL);
    }
    // SAFETY: see `register`; chdir will add its own locking.
    let t = unsafe { &mut *core::ptr::addr_of_mut!(TABLE) };
    t.cwd[..path.len()].copy_from_slice(path);
    t.cwd_len = path.len();
    Ok(())
}

/// Does `name` cover `path` on a component boundary?
fn covers(name: &[u8], path: &[u8]) -> bool {
    if name == b"/" {
        return path.starts_with(b"/");
    }
    path.starts_with(name) && (path.len() == name.len() || path[name.len()] == b'/')
}

/// Finds the grant for an absolute path: its descriptor and the rest of the
/// path relative to it ("." when the path names the grant itself).
pub fn resolve_absolute(path: &'_ [u8]) -> Result<(fd, &'_ [u8]), Errno> {
    // SAFETY: the table is only written at start-up.
    let t = unsafe { &*core::ptr::addr_of!(TABLE) };
    let best = t
        .grants
        .iter()
        .flatten()
        .filter(|g| covers(g.name, path))
        .max_by_key(|g| g.name.len())
        .ok_or(errno::NOTCAPABLE)?;
    let mut rest = if best.name == b"/" { &path[1..] } else { &path[best.name.len()..] };
    while let [b'/', tail @ ..] = rest {
        rest = tail;
    }
    Ok((best.fd, if rest.is_empty() { b"." } else { rest }))
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
