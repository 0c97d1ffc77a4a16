//! Symbolic links resolved by the library, one component at a time, for
//! the lookups the emulator refuses: it resolves paths beneath one
//! descriptor (`RESOLVE_BENEATH`), where a link to an absolute name cannot
//! be followed, although that name is one of the program's own when it
//! lies in the grants (a link made by `symlink("/work/f", ...)`).
//!
//! A walk reads each component with `file_readlink` beneath the grant (or
//! the descriptor) it is in. A link's target replaces it: a relative one
//! where the link stands, an absolute one from the top of the grants'
//! namespace, so that only what the grants reach is reached and a name
//! under no grant is `ENOTCAPABLE`. `..` met on the way steps back a
//! component inside a grant (or beneath the starting descriptor); above
//! that it is refused (`ENOTCAPABLE`), since a grant's parent on the host
//! is not its parent in the namespace, unless the walk takes it lexically
//! (`Climb::Lexical`, for `realpath`). Beyond `MAX_LINKS` links: `ELOOP`.
//!
//! The buffers live in a mapping of their own, not on the stack, which may
//! be a small thread's.

use super::grants::{self, PATH_MAX};
use crate::errno::Errno;
use crate::sys;
use cloudabi::{errno, fd};

/// The longest chain of links one lookup follows, as on Linux.
const MAX_LINKS: usize = 40;

/// What `..` does where it would leave a grant (or the starting
/// descriptor).
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Climb {
    Refuse,
    /// Steps up in the grants' namespace (`..` of `/` is `/`).
    Lexical,
}

/// A walk's state; all-zero bytes are a valid (empty) one.
pub struct Walk {
    /// The walk is beneath descriptor `base` (`done` relative to it), or,
    /// when `namespace` is set, in the grants' namespace (`done` absolute,
    /// empty for `/`).
    namespace: bool,
    base: u32,
    done: [u8; PATH_MAX],
    done_len: usize,
    /// `todo[pos..todo_len]` is still to walk.
    todo: [u8; PATH_MAX],
    todo_len: usize,
    pos: usize,
    target: [u8; PATH_MAX],
    /// How many links were followed.
    links: usize,
    /// The path ended with a slash: it must name a directory.
    dir: bool,
}

/// A walk in a mapping of its own, unmapped when dropped.
pub struct Mapped(*mut Walk);

impl Mapped {
    /// A walk of `path`, beneath `base` or, if `None`, from the top of the
    /// namespace (then `path` must be absolute).
    pub fn new(base: Option<fd>, path: &[u8]) -> Result<Mapped, Errno> {
        if path.len() >= PATH_MAX {
            return Err(errno::NAMETOOLONG);
        }
        let m = Mapped(sys::mem_map_anon(core::mem::size_of::<Walk>())?.cast());
        // SAFETY: a fresh zeroed mapping of a Walk's size, which all-zero
        // bytes make valid; nothing else refers to it.
        let w = unsafe { &mut *m.0 };
        w.namespace = base.is_none();
        w.base = base.map_or(0, |f| f.0);
        w.todo[..path.len()].copy_from_slice(path);
        w.todo_len = path.len();
        w.dir = path.ends_with(b"/");
        Ok(m)
    }
}

impl core::ops::Deref for Mapped {
    type Target = Walk;
    fn deref(&self) -> &Walk {
        // SAFETY: the mapping lives as long as `self`.
        unsafe { &*self.0 }
    }
}

impl core::ops::DerefMut for Mapped {
    fn deref_mut(&mut self) -> &mut Walk {
        // SAFETY: the mapping lives as long as `self`, which is borrowed mutably.
        unsafe { &mut *self.0 }
    }
}

impl Drop for Mapped {
    fn drop(&mut self) {
        // SAFETY: no reference into the mapping outlives `self`.
        let _ = unsafe { sys::mem_unmap(self.0.cast(), core::mem::size_of::<Walk>()) };
    }
}

impl Walk {
    /// Where the walk ended: the descriptor it is beneath, `None` in the
    /// namespace.
    pub fn base(&self) -> Option<fd> {
        (!self.namespace).then_some(fd(self.base))
    }

    /// The name reached: absolute in the namespace, else relative to
    /// `base` ("." for the descriptor itself). No trailing slash.
    pub fn name(&self) -> &[u8] {
        match (self.done_len, self.namespace) {
            (0, true) => b"/",
            (0, false) => b".",
            (n, _) => &self.done[..n],
        }
    }

    /// Whether the path asked for a directory (a trailing slash).
    pub fn wants_dir(&self) -> bool {
        self.dir
    }

    /// How many links the walk followed.
    pub fn links(&self) -> usize {
        self.links
    }

    /// Walks every component; a last one that is a link is followed only
    /// with `follow`, and may be missing.
    pub fn run(&mut self, follow: bool, climb: Climb) -> Result<(), Errno> {
        while self.pos < self.todo_len {
            let start = self.pos;
            let end = self.todo[start..self.todo_len].iter().position(|&c| c == b'/').map_or(self.todo_len, |i| start + i);
            self.pos = end + 1;
            let last = end == self.todo_len;
            match &self.todo[start..end] {
                b"" | b"." => continue,
                b".." => {
                    self.up(climb)?;
                    continue;
                }
                _ => {}
            }
            let mark = self.done_len;
            self.append(start, end)?;
            if last && !follow {
                break;
            }
            match self.read_link() {
                Ok(n) => {
                    self.links += 1;
                    if self.links > MAX_LINKS {
                        return Err(errno::LOOP);
                    }
                    self.done_len = mark;
                    self.splice(n)?;
                }
                Err(e) if e == errno::INVAL || (e == errno::NOENT && last) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Adds `todo[start..end]` to what is resolved.
    fn append(&mut self, start: usize, end: usize) -> Result<(), Errno> {
        let slash = usize::from(self.namespace || self.done_len > 0);
        let n = self.done_len + slash + end - start;
        if n >= PATH_MAX {
            return Err(errno::NAMETOOLONG);
        }
        if slash == 1 {
            self.done[self.done_len] = b'/';
        }
        self.done[n - (end - start)..n].copy_from_slice(&self.todo[start..end]);
        self.done_len = n;
        Ok(())
    }

    /// Steps back one component (`..`).
    fn up(&mut self, climb: Climb) -> Result<(), Errno> {
        let inside = if self.namespace {
            let name = self.name();
            grants::lookup(name).is_ok_and(|(_, len)| len < name.len())
        } else {
            self.done_len > 0
        };
        if !inside && (climb == Climb::Refuse || !self.namespace) {
            return Err(errno::NOTCAPABLE);
        }
        while self.done_len > 0 && self.done[self.done_len - 1] != b'/' {
            self.done_len -= 1;
        }
        self.done_len = self.done_len.saturating_sub(1);
        Ok(())
    }

    /// Reads the link the resolved part names into `target`; `EINVAL` if
    /// it is no link.
    fn read_link(&mut self) -> Result<usize, Errno> {
        let (dir, path) = if self.namespace {
            let name = &self.done[..self.done_len];
            match grants::split(name) {
                // A grant itself is no link, nor are the directories
                // leading to grants.
                Ok((_, b"")) => return Err(errno::INVAL),
                Ok(found) => found,
                Err(_) if grants::is_ancestor(name) => return Err(errno::INVAL),
                Err(e) => return Err(e),
            }
        } else {
            (fd(self.base), &self.done[..self.done_len])
        };
        let n = sys::file_readlink(dir, path, &mut self.target)?;
        match n {
            0 => Err(errno::NOENT),
            n if n >= PATH_MAX => Err(errno::NAMETOOLONG),
            n => Ok(n),
        }
    }

    /// Puts the link target `target[..n]` in front of what is left to walk.
    fn splice(&mut self, n: usize) -> Result<(), Errno> {
        let rest = self.pos.min(self.todo_len)..self.todo_len;
        let rest_len = rest.len();
        let joined = if rest_len == 0 { n } else { n + 1 + rest_len };
        if joined >= PATH_MAX {
            return Err(errno::NAMETOOLONG);
        }
        if rest_len > 0 {
            self.todo.copy_within(rest, n + 1);
            self.todo[n] = b'/';
        }
        self.todo[..n].copy_from_slice(&self.target[..n]);
        self.todo_len = joined;
        self.pos = 0;
        if self.target[0] == b'/' {
            self.namespace = true;
            self.done_len = 0;
        }
        Ok(())
    }
}
