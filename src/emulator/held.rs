//! Descriptors the emulator keeps so that a permission mode which locks the
//! owner out of a file can be undone.
//!
//! Modes change only through open descriptors (see `file_ext.rs`), and a
//! directory its owner may not read, or another file its owner may neither
//! read nor write, cannot be opened again to change its mode back. So
//! before giving a file such a mode the emulator keeps a descriptor of it:
//! a duplicate numbered at the top of the range (`FIRST` and up, where the
//! program's own descriptors reach only once it has nearly all of them
//! open), close-on-exec, and absent from the descriptor table, so the
//! program cannot name it. A later mode change of the same file (same
//! device and inode) that cannot open it goes through the kept descriptor,
//! and once the mode lets the owner in again that descriptor is closed.
//!
//! A forked child inherits the kept descriptors with the table; a program
//! started by `proc_exec` does not. At most `SLOTS` files are kept at once
//! (those since removed are let go when room is needed); beyond that, such
//! a mode is refused with `EPERM`, as is undoing one that no descriptor is
//! kept for (a file locked by another program stays `EACCES`).

use super::fdtable::MAX_FDS;
use super::linux::{self, nr, result, syscall, Statx};
use crate::sync::SpinLock;
use cloudabi::errno;

const SLOTS: usize = 256;
/// The lowest number a kept descriptor gets.
const FIRST: usize = MAX_FDS - SLOTS;

/// A kept descriptor and the identity (inode, device) of its file, so that
/// finding the one for a file costs no system call.
#[derive(Clone, Copy)]
struct Kept {
    fd: i32,
    file: (u64, u32, u32),
}

static HELD: SpinLock<[Option<Kept>; SLOTS]> = SpinLock::new([None; SLOTS]);

/// Holds the table across `proc_fork`, so that the child never starts with
/// it locked by a thread it does not have.
#[must_use]
pub fn lock_for_fork() -> impl Sized {
    HELD.lock()
}

fn identity(st: &Statx) -> (u64, u32, u32) {
    (st.stx_ino, st.stx_dev_major, st.stx_dev_minor)
}

/// Whether `mode` keeps the owner of `st` from opening it again: for
/// reading (a directory), or for reading or writing (any other file).
fn locks_out(st: &Statx, mode: u32) -> bool {
    let dir = u32::from(st.stx_mode) & linux::S_IFMT == linux::S_IFDIR;
    mode & if dir { 0o400 } else { 0o600 } == 0
}

pub(super) fn fchmod(linux_fd: i32, mode: u32) -> Result<(), errno> {
    // SAFETY: no memory effects.
    result(unsafe { syscall!(nr::FCHMOD, linux_fd, mode) }).map(drop)
}

fn release(slot: &mut Option<Kept>) {
    if let Some(k) = slot.take() {
        linux::close(k.fd);
    }
}

/// A free slot, letting go of descriptors of removed files if none is.
fn free_slot(held: &mut [Option<Kept>; SLOTS]) -> Option<usize> {
    if let Some(i) = held.iter().position(Option::is_none) {
        return Some(i);
    }
    for slot in held.iter_mut() {
        if slot.is_some_and(|k| linux::fstatx(k.fd).is_ok_and(|st| st.stx_nlink == 0)) {
            release(slot);
        }
    }
    held.iter().position(Option::is_none)
}

/// Gives the file `st` describes the permission bits `mode`, through
/// `open` (a descriptor of it that `fchmod` takes) or, without one, the
/// descriptor kept for it (`EACCES` if there is none). Keeps a descriptor
/// while the new mode locks the owner out (`EPERM` if it cannot) and lets
/// it go when the mode no longer does.
pub fn change_mode(st: &Statx, open: Option<i32>, mode: u32) -> Result<(), errno> {
    let mut held = HELD.lock();
    let kept = held.iter().position(|k| k.is_some_and(|k| k.file == identity(st)));
    let via = match (open, kept.and_then(|i| held[i])) {
        (Some(f), _) => f,
        (None, Some(k)) => k.fd,
        (None, None) => return Err(errno::ACCES),
    };
    let lock_out = locks_out(st, mode);
    if lock_out && kept.is_none() {
        let i = free_slot(&mut held).ok_or(errno::PERM)?;
        // SAFETY: F_DUPFD_CLOEXEC has no memory effects.
        let dup = result(unsafe { syscall!(nr::FCNTL, via, linux::F_DUPFD_CLOEXEC, FIRST) }).map_err(|_| errno::PERM)?;
        held[i] = Some(Kept { fd: dup as i32, file: identity(st) });
        return fchmod(via, mode).inspect_err(|_| release(&mut held[i]));
    }
    fchmod(via, mode)?;
    if let (false, Some(i)) = (lock_out, kept) {
        release(&mut held[i]);
    }
    Ok(())
}
