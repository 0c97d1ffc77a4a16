//! The directories that exist only as ancestors of the named grants (`/`,
//! and `/usr` when `/usr/lib/python3.11` is granted). They stat as
//! read-only directories, can be the current directory, and list `.`,
//! `..` and the next component of each grant beneath them: a directory
//! leading on to grants, or a grant itself, with its own type and inode.
//! They have no descriptor, and nothing can be made or changed in them (no
//! grant holds them: `ENOTCAPABLE`).

use super::grants;
use crate::abi::dirent::{header, put};
use crate::sys::{self, dircookie, filetype};

/// The inode number an ancestor is given, from its name (made of `parts`):
/// the same in every process, never 0.
pub fn ino(parts: &[&[u8]]) -> u64 {
    // FNV-1a, 64 bits.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in parts.iter().flat_map(|p| p.iter()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h.max(1)
}

/// The name of the directory holding `dir` (`/` for `/`).
fn parent(dir: &[u8]) -> &[u8] {
    match dir.iter().rposition(|&c| c == b'/') {
        Some(0) | None => b"/",
        Some(i) => &dir[..i],
    }
}

/// Fills `buf` as `file_readdir` fills it, for ancestor `dir`
/// (normalised, absolute), from entry `cookie` on; returns the bytes used.
/// An entry's cookie is its position.
pub fn readdir(dir: &[u8], buf: &mut [u8], cookie: dircookie) -> usize {
    let (children, n) = grants::children(dir);
    let sep: &[u8] = if dir == b"/" { b"" } else { b"/" };
    let mut used = 0;
    for i in (cookie.0 as usize)..2 + n {
        if used == buf.len() {
            break;
        }
        let (name, ino, t) = match i {
            0 => (&b"."[..], ino(&[dir]), filetype::DIRECTORY),
            1 => (&b".."[..], ino(&[parent(dir)]), filetype::DIRECTORY),
            _ => {
                let (name, grant) = children[i - 2];
                let made_up = ino(&[dir, sep, name]);
                match grant.map(sys::file_stat_fget) {
                    Some(Ok(st)) => (name, st.st_ino.0, st.st_filetype),
                    Some(Err(_)) => (name, made_up, filetype::UNKNOWN),
                    None => (name, made_up, filetype::DIRECTORY),
                }
            }
        };
        used += put(&mut buf[used..], &header(i as u64 + 1, ino, name.len() as u32, t));
        used += put(&mut buf[used..], name);
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_and_inodes_of_names() {
        assert_eq!(parent(b"/"), b"/");
        assert_eq!(parent(b"/usr"), b"/");
        assert_eq!(parent(b"/usr/lib"), b"/usr");
        assert_eq!(ino(&[b"/usr", b"/", b"lib"]), ino(&[b"/usr/lib"]));
        assert_ne!(ino(&[b"/usr"]), ino(&[b"/"]));
        assert_ne!(ino(&[b""]), 0);
    }
}
