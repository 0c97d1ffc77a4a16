//! Compat realpath: the canonical absolute name of a file, in the grants'
//! namespace: every symbolic link resolved (absolute targets through the
//! grants, relative ones where they stand), `.` and `..` folded.

use crate::abi::c_char;
use crate::compat::grants::PATH_MAX;
use crate::compat::path::{self, AT_FDCWD};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::stdlib::malloc::malloc;
use crate::sys::{self, filetype, lookup, lookupflags};
use cloudabi::errno;

/// POSIX's minimum for the number of links followed in one resolution.
const MAX_LINKS: usize = 40;

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
/// leaves the link's target, as the kernel does, not the link's directory.
fn resolve(input: &[u8], out: &mut [u8; PATH_MAX]) -> Result<usize, Errno> {
    if input.is_empty() {
        return Err(errno::NOENT);
    }
    // `todo` holds what is still to walk; `out[..done]` is resolved.
    let mut todo = [0u8; PATH_MAX];
    let mut todo_len = if input.starts_with(b"/") {
        join(&mut todo, &[input])?
    } else {
        let mut cwd = [0u8; PATH_MAX];
        let n = crate::compat::grants::cwd(&mut cwd);
        join(&mut todo, &[&cwd[..n], b"/", input])?
    };
    let mut done = 0;
    let mut links = 0;
    let mut pos = 0;
    while pos < todo_len {
        let end = todo[pos..todo_len].iter().position(|&c| c == b'/').map_or(todo_len, |i| pos + i);
        let (start, more) = (pos, end < todo_len);
        pos = end + 1;
        match &todo[start..end] {
            b"" | b"." => continue,
            b".." => {
                while done > 0 && out[done - 1] != b'/' {
                    done -= 1;
                }
                done = done.saturating_sub(1);
                continue;
            }
            _ => {}
        }
        let comp_len = end - start;
        if done + 1 + comp_len >= PATH_MAX {
            return Err(errno::NAMETOOLONG);
        }
        out[done] = b'/';
        out[done + 1..done + 1 + comp_len].copy_from_slice(&todo[start..end]);
        let cand = done + 1 + comp_len;
        let r = path::at(AT_FDCWD, &out[..cand])?;
        let st = sys::file_stat_get(lookup { fd: r.fd, flags: lookupflags::empty() }, r.path())?;
        if st.st_filetype != filetype::SYMBOLIC_LINK {
            if more && st.st_filetype != filetype::DIRECTORY {
                return Err(errno::NOTDIR);
            }
            done = cand;
            continue;
        }
        links += 1;
        if links > MAX_LINKS {
            return Err(errno::LOOP);
        }
        let mut target = [0u8; PATH_MAX];
        let n = sys::file_readlink(r.fd, r.path(), &mut target)?;
        if n >= PATH_MAX {
            return Err(errno::NAMETOOLONG);
        }
        if target[..n].starts_with(b"/") {
            done = 0;
        }
        // Walk the target next (relative to the link's directory, which
        // `out[..done]` still is), then the rest of the old path.
        let rest_start = pos.min(todo_len);
        let mut next = [0u8; PATH_MAX];
        let rest = &todo[rest_start..todo_len];
        let nl = if rest.is_empty() {
            join(&mut next, &[&target[..n]])?
        } else {
            join(&mut next, &[&target[..n], b"/", rest])?
        };
        todo = next;
        todo_len = nl;
        pos = 0;
    }
    if done == 0 {
        out[0] = b'/';
        done = 1;
    }
    Ok(done)
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
