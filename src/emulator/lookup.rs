//! Confined path lookup: every path a program passes is resolved beneath
//! the directory descriptor it names, never above it.
//!
//! The kernel does the confinement: each resolution is an `openat2` with
//! `RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS`, so absolute paths, `..` above
//! the start, symbolic links leading out (absolute or relative) and
//! `/proc`-style magic links all fail, and the failure becomes
//! `ENOTCAPABLE`. Calls that act on a last component (unlink, rename, ...)
//! resolve its parent this way and hand the single component to the Linux
//! `*at()` call, which never follows a symbolic link there.

use super::linux::{self, nr, result, syscall, OpenHow};
use crate::cptr;
use cloudabi::errno;

/// Longest path accepted, including its terminating NUL (Linux's PATH_MAX).
pub const PATH_MAX: usize = 4096;

/// Symbolic links expanded at most in one lookup (Linux's limit).
const MAX_SYMLINKS: usize = 40;

/// How often an `openat2` that raced with a rename is retried before the
/// `EAGAIN` reaches the caller: a lease broken by a non-blocking open also
/// reports `EAGAIN`, and that one must not spin forever.
const MAX_RETRIES: usize = 64;

/// A caller's path copied out of its (pointer, length) form and terminated
/// with a NUL, as Linux wants it.
pub struct Path {
    buf: [u8; PATH_MAX],
    len: usize,
}

impl Path {
    /// Copies `len` bytes at `p`: too long is `ENAMETOOLONG`, an embedded
    /// NUL `EINVAL`, an empty path `ENOENT`.
    ///
    /// # Safety
    /// `p` must be readable for `len` bytes.
    pub unsafe fn copy_in(p: *const u8, len: usize) -> Result<Path, errno> {
        if len >= PATH_MAX {
            return Err(errno::NAMETOOLONG);
        }
        // SAFETY: the caller's contract, and `len` is bounded above.
        Path::join(&[unsafe { cptr::slice(p, len) }])
    }

    /// The path made of `parts` one after the other.
    fn join(parts: &[&[u8]]) -> Result<Path, errno> {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        if len >= PATH_MAX {
            return Err(errno::NAMETOOLONG);
        }
        if len == 0 {
            return Err(errno::NOENT);
        }
        if parts.iter().any(|p| p.contains(&0)) {
            return Err(errno::INVAL);
        }
        let mut buf = [0; PATH_MAX];
        let mut at = 0;
        for p in parts {
            buf[at..at + p.len()].copy_from_slice(p);
            at += p.len();
        }
        Ok(Path { buf, len })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The NUL-terminated path.
    pub fn as_ptr(&self) -> *const u8 {
        self.buf.as_ptr()
    }

    /// Whether the path ends in a slash, which POSIX makes mean "this must
    /// be a directory, after following a symbolic link".
    fn has_trailing_slash(&self) -> bool {
        self.bytes().ends_with(b"/")
    }
}

/// A Linux descriptor to operate on: one the emulator opened for itself
/// (closed on drop), or the caller's directory (borrowed).
pub struct Fd {
    raw: i32,
    owned: bool,
}

impl Fd {
    /// Takes ownership of a descriptor the emulator made for itself.
    pub fn owned(raw: i32) -> Fd {
        Fd { raw, owned: true }
    }

    pub fn raw(&self) -> i32 {
        self.raw
    }

    /// Hands the descriptor over, for installing it in the table.
    pub fn into_raw(self) -> i32 {
        let raw = self.raw;
        core::mem::forget(self);
        raw
    }
}

impl Drop for Fd {
    fn drop(&mut self) {
        if self.owned {
            linux::close(self.raw);
        }
    }
}

fn openat2(dir: i32, path: *const u8, how: &OpenHow) -> Result<i32, errno> {
    let mut tries = 0;
    loop {
        // SAFETY: `path` is NUL-terminated and `how` a valid open_how of the
        // size given; both outlive the call.
        let r =
            result(unsafe { syscall!(nr::OPENAT2, dir, path, how as *const OpenHow, core::mem::size_of::<OpenHow>()) });
        match r {
            Err(errno::AGAIN) if tries < MAX_RETRIES => tries += 1,
            r => return r.map(|f| f as i32),
        }
    }
}

/// Opens `path` beneath `dir` with Linux open flags (`O_CLOEXEC` added);
/// `mode` is used when creating.
pub fn open(dir: i32, path: &Path, flags: u64, mode: u64) -> Result<Fd, errno> {
    let resolve = linux::RESOLVE_BENEATH | linux::RESOLVE_NO_MAGICLINKS;
    let how = OpenHow { flags: flags | linux::O_CLOEXEC, mode, resolve };
    match openat2(dir, path.as_ptr(), &how) {
        Ok(raw) => Ok(Fd { raw, owned: true }),
        Err(errno::XDEV) => Err(errno::NOTCAPABLE),
        Err(errno::LOOP) => Err(classify_loop(dir, path, flags)),
        Err(e) => Err(e),
    }
}

/// `openat2` reports both a symbolic link loop and a refused magic link as
/// `ELOOP`. Resolving again, without side effects and with magic links
/// allowed in principle, tells them apart: `RESOLVE_BENEATH` alone still
/// refuses magic links, but with `EXDEV`.
fn classify_loop(dir: i32, path: &Path, flags: u64) -> errno {
    let how = OpenHow {
        flags: linux::O_PATH | linux::O_CLOEXEC | (flags & (linux::O_NOFOLLOW | linux::O_DIRECTORY)),
        mode: 0,
        resolve: linux::RESOLVE_BENEATH,
    };
    match openat2(dir, path.as_ptr(), &how) {
        Ok(raw) => {
            linux::close(raw);
            errno::LOOP
        }
        Err(errno::XDEV) => errno::NOTCAPABLE,
        Err(_) => errno::LOOP,
    }
}

/// An `O_PATH` descriptor for the file at `path`, which is the symbolic
/// link itself if the last component is one and `follow` is false.
pub fn open_path(dir: i32, path: &Path, follow: bool) -> Result<Fd, errno> {
    let nofollow = if follow { 0 } else { linux::O_NOFOLLOW };
    open(dir, path, linux::O_PATH | nofollow, 0)
}

/// The directory holding a path's last component, opened beneath the
/// starting directory, and that component (with any trailing slashes,
/// which the Linux `*at()` calls interpret as POSIX says without following
/// anything for calls that create, remove or rename a name).
pub struct Parent {
    dir: Fd,
    path: Path,
    name_at: usize,
}

impl Parent {
    pub fn fd(&self) -> i32 {
        self.dir.raw()
    }

    /// The NUL-terminated last component.
    pub fn name(&self) -> *const u8 {
        self.path.buf[self.name_at..].as_ptr()
    }
}

/// Resolves everything but the last component of `path` beneath `dir`.
pub fn parent(dir: i32, mut path: Path) -> Result<Parent, errno> {
    if path.bytes()[0] == b'/' {
        return Err(errno::NOTCAPABLE);
    }
    let end = path.bytes().iter().rposition(|&c| c != b'/').map_or(0, |i| i + 1);
    let slash = path.bytes()[..end].iter().rposition(|&c| c == b'/');
    let name_at = slash.map_or(0, |i| i + 1);
    if &path.bytes()[name_at..end] == b".." {
        // The *at() calls refuse `..` as a last component without looking
        // at what it names, but whether it names something beneath the
        // start is still ours to check.
        open_path(dir, &path, true)?;
    }
    let parent = match slash {
        None => Fd { raw: dir, owned: false },
        Some(i) => {
            // Cut the path at its last slash so the front half names the
            // parent; the back half keeps its own terminating NUL.
            path.buf[i] = 0;
            let saved = core::mem::replace(&mut path.len, i);
            let fd = open(dir, &path, linux::O_PATH | linux::O_DIRECTORY, 0);
            path.buf[i] = b'/';
            path.len = saved;
            fd?
        }
    };
    Ok(Parent { dir: parent, path, name_at })
}

/// The source of a hard link, as a parent and a name that is no symbolic
/// link when `follow` is set. Linux's `linkat` would follow a link there
/// (asked to, or before a trailing slash) without confinement, so the
/// following happens here: while the last component is a symbolic link,
/// its target, resolved from the link's directory, takes its place.
pub fn link_source(dir: i32, mut path: Path, follow: bool) -> Result<Parent, errno> {
    for _ in 0..MAX_SYMLINKS {
        if path.has_trailing_slash() {
            // Only a directory can be named so, and directories cannot be
            // hard linked.
            open(dir, &path, linux::O_PATH | linux::O_DIRECTORY, 0)?;
            return Err(errno::PERM);
        }
        let p = parent(dir, path)?;
        if !follow {
            return Ok(p);
        }
        let mut target = [0u8; PATH_MAX];
        // SAFETY: the name is NUL-terminated; `target` is writable for its
        // length. The name has no trailing slash, so nothing is followed.
        let r = result(unsafe { syscall!(nr::READLINKAT, p.fd(), p.name(), target.as_mut_ptr(), PATH_MAX) });
        let n = match r {
            Ok(n) => n,
            // Not a symbolic link (or nothing at all): link that name.
            Err(errno::INVAL) | Err(errno::NOENT) => return Ok(p),
            Err(e) => return Err(e),
        };
        path = resolve_link_target(&p.path, p.name_at, &target[..n])?;
    }
    Err(errno::LOOP)
}

/// The path, relative to the starting directory, that a symbolic link at
/// `link` (its name beginning at `name_at`) points to.
fn resolve_link_target(link: &Path, name_at: usize, target: &[u8]) -> Result<Path, errno> {
    if target.first() == Some(&b'/') {
        return Err(errno::NOTCAPABLE);
    }
    Path::join(&[&link.bytes()[..name_at], target])
}
