//! `proc_exec`: replacing the program.
//!
//! CloudABI starts the executable with the argdata given and a descriptor
//! table laid out by the list `fds`: descriptor `i` of the new program is
//! what `fds[i]` is now, with the same rights, and nothing else stays open
//! (FreeBSD's implementation copies the table remapped so). On Linux the
//! new program starts as `cloudabi-run` starts one: `entry.rs` finds the
//! argdata and the rights in a handoff (`argdata::handoff`), a sealed memfd
//! named by the `CLOUDABI_HANDOFF` variable.
//!
//! Until `execveat` succeeds nothing may be lost, so the table is arranged
//! in steps that can be undone: copies of the descriptors to pass (and of
//! the executable) are made above the new table's numbers; whatever holds
//! those numbers now is copied aside and its entry taken out of the table;
//! the copies are placed; every other descriptor is marked close-on-exec.
//! If the exec fails, all of it is put back. Other threads calling in at
//! the same time find the numbers being placed closed (`EBADF`); a thread
//! that creates a descriptor meanwhile may have it replaced.

use super::fdtable::{self, Entry, MAX_FDS};
use super::linux::{self, nr, result, syscall};
use super::lookup::Fd;
use super::memory::Scratch;
use super::emulate;
use argdata::handoff::{self, FdRights};
use argdata::Writer;
use cloudabi::{errno, fd, rights};
use core::convert::Infallible;

/// An entry of `fds` that leaves its number closed in the new program
/// (an extension: CloudABI has every number below `fds.len()` filled). A
/// POSIX `execve` keeps descriptors at their numbers, with gaps between.
pub const GAP: fd = fd(u32::MAX);

/// `argv[0]` of every program started so (the program never reads it:
/// its arguments are in the argdata).
const ARGV0: &[u8] = b"cloudabi\0";

/// A copy of `l` at the lowest free number from `min`.
fn dup_above(l: i32, min: usize, cloexec: bool) -> Result<Fd, errno> {
    let cmd = if cloexec { linux::F_DUPFD_CLOEXEC } else { linux::F_DUPFD };
    // SAFETY: fcntl's duplication has no memory effects.
    Ok(Fd::owned(result(unsafe { syscall!(nr::FCNTL, l, cmd, min) })? as i32))
}

/// The close-on-exec flag of `l`, or `None` if nothing is open there.
fn cloexec_of(l: usize) -> Option<bool> {
    // SAFETY: F_GETFD has no memory effects.
    let r = result(unsafe { syscall!(nr::FCNTL, l, linux::F_GETFD) }).ok()?;
    Some(r & linux::FD_CLOEXEC != 0)
}

fn set_cloexec(l: usize, on: bool) {
    let flags = if on { linux::FD_CLOEXEC } else { 0 };
    // SAFETY: F_SETFD has no memory effects.
    unsafe { syscall!(nr::FCNTL, l, linux::F_SETFD, flags) };
}

/// The handoff in a sealed memfd (close-on-exec itself; the copy the new
/// program gets is made by the caller).
fn handoff_file(data: &[u8], table: &[FdRights]) -> Result<Fd, errno> {
    let mut count = Writer::counter();
    handoff::encode(&mut count, data, table);
    let len = count.len();
    // SAFETY: all zero is a valid byte.
    let mut buf = unsafe { Scratch::<u8>::new(len) }?;
    handoff::encode(&mut Writer::new(buf.slice()), data, table);
    let name = b"cloudabi-handoff\0";
    // SAFETY: the name is NUL-terminated.
    let raw = result(unsafe {
        syscall!(nr::MEMFD_CREATE, name.as_ptr(), linux::MFD_CLOEXEC | linux::MFD_ALLOW_SEALING)
    })?;
    let file = Fd::owned(raw as i32);
    let bytes = buf.slice();
    let mut done = 0;
    while done < len {
        // SAFETY: writes from inside `bytes`, within its length.
        match result(unsafe { syscall!(nr::PWRITE64, file.raw(), bytes.as_ptr().add(done), len - done, done) }) {
            Ok(n) => done += n,
            Err(errno::INTR) => {}
            Err(e) => return Err(e),
        }
    }
    // SAFETY: F_ADD_SEALS takes no pointer.
    result(unsafe { syscall!(nr::FCNTL, file.raw(), linux::F_ADD_SEALS, linux::SEALS_ALL) })?;
    Ok(file)
}

/// What happens at one number of the new table.
#[derive(Copy, Clone)]
struct Slot {
    /// A copy (above the new table) of the descriptor that goes here.
    source: i32,
    /// A copy of what is here now, or -1 if nothing is.
    saved: i32,
    saved_cloexec: bool,
    /// What the table said of the number, if it had an entry.
    had_entry: bool,
    entry: Entry,
    pid: u32,
}

/// The steps taken so far, undone when dropped (which only happens if the
/// exec did not take place).
struct Arrangement<'a> {
    slots: &'a mut [Slot],
    sourced: usize,
    saved: usize,
    placed: usize,
    /// Numbers marked close-on-exec here, one bit each.
    marked: [u64; MAX_FDS / 64],
}

impl Drop for Arrangement<'_> {
    fn drop(&mut self) {
        for (j, s) in self.slots[..self.placed].iter().enumerate() {
            if s.saved >= 0 {
                let flags = if s.saved_cloexec { linux::O_CLOEXEC as usize } else { 0 };
                // SAFETY: dup3 has no memory effects.
                unsafe { syscall!(nr::DUP3, s.saved, j, flags) };
            } else {
                linux::close(j as i32);
            }
        }
        for (j, s) in self.slots[..self.saved].iter().enumerate() {
            if s.had_entry {
                let e = s.entry;
                // Cannot fail: the number was in the table before.
                let _ = fdtable::install_with_pid(j as i32, e.filetype, e.base, e.inheriting, s.pid);
            }
            if s.saved >= 0 {
                linux::close(s.saved);
            }
        }
        for s in self.slots[..self.sourced].iter().filter(|s| s.source >= 0) {
            linux::close(s.source);
        }
        for (w, &bits) in self.marked.iter().enumerate() {
            for b in (0..64).filter(|b| bits & (1 << b) != 0) {
                set_cloexec(w * 64 + b, false);
            }
        }
    }
}

/// Replaces the program; returns only on failure, with everything as it was.
fn exec(exe: fd, data: &[u8], fds: &[fd]) -> Result<Infallible, errno> {
    let program = fdtable::check(exe, rights::PROC_EXEC)?;
    let n = fds.len();
    if n > MAX_FDS {
        return Err(errno::TOOBIG);
    }
    // SAFETY: all zero is a valid FdRights.
    let mut table = unsafe { Scratch::<FdRights>::new(n) }?;
    let mut listed = 0;
    for (i, &f) in fds.iter().enumerate().filter(|&(_, &f)| f != GAP) {
        let e = fdtable::get(f)?;
        table.slice()[listed] = FdRights { fd: i as u32, base: e.base, inheriting: e.inheriting };
        listed += 1;
    }
    let memfd = handoff_file(data, &table.slice()[..listed])?;
    let handoff = dup_above(memfd.raw(), n, false)?;
    drop(memfd);
    if handoff.raw() as usize >= MAX_FDS {
        return Err(errno::MFILE);
    }
    let program = dup_above(program, n, true)?;

    // SAFETY: all zero is a valid Slot (an UNKNOWN entry).
    let mut slots = unsafe { Scratch::<Slot>::new(n) }?;
    let mut a = Arrangement { slots: slots.slice(), sourced: 0, saved: 0, placed: 0, marked: [0; MAX_FDS / 64] };
    for &f in fds {
        a.slots[a.sourced].source = if f == GAP { -1 } else { dup_above(f.0 as i32, n, true)?.into_raw() };
        a.sourced += 1;
    }
    for j in 0..n {
        let s = &mut a.slots[j];
        s.saved = -1;
        if let Some(cloexec) = cloexec_of(j) {
            s.saved = dup_above(j as i32, n, true)?.into_raw();
            s.saved_cloexec = cloexec;
        }
        s.pid = fdtable::pid(fd(j as u32));
        if let Ok(e) = fdtable::remove(fd(j as u32)) {
            (s.had_entry, s.entry) = (true, e);
        }
        a.saved += 1;
    }
    for k in (n..MAX_FDS).filter(|&k| k != handoff.raw() as usize) {
        if cloexec_of(k) == Some(false) {
            set_cloexec(k, true);
            a.marked[k / 64] |= 1 << (k % 64);
        }
    }
    for j in 0..n {
        if a.slots[j].source < 0 {
            // What was here is saved above; the gap stays closed.
            linux::close(j as i32);
        } else {
            // SAFETY: dup3 has no memory effects; without O_CLOEXEC the
            // copy survives the exec.
            result(unsafe { syscall!(nr::DUP3, a.slots[j].source, j, 0) })?;
        }
        a.placed += 1;
    }

    let mut env = [0u8; 32];
    let var = handoff::ENV_VAR.as_bytes();
    env[..var.len()].copy_from_slice(var);
    env[var.len()] = b'=';
    let digits = decimal(handoff.raw() as u32, &mut env[var.len() + 1..]);
    env[var.len() + 1 + digits] = 0;
    let argv = [ARGV0.as_ptr(), core::ptr::null()];
    let envp = [env.as_ptr(), core::ptr::null()];
    // SAFETY: argv and envp are NULL-terminated arrays of NUL-terminated
    // strings that outlive the call; the empty path names `program` itself.
    let r = unsafe {
        syscall!(nr::EXECVEAT, program.raw(), b"\0".as_ptr(), argv.as_ptr(), envp.as_ptr(), linux::AT_EMPTY_PATH)
    };
    Err(result(r).err().unwrap_or(errno::IO))
}

/// Writes `v` in decimal at the start of `out`; returns how many digits.
fn decimal(v: u32, out: &mut [u8]) -> usize {
    let digits = v.checked_ilog10().unwrap_or(0) as usize + 1;
    let mut rest = v;
    for d in out[..digits].iter_mut().rev() {
        *d = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    digits
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_proc_exec(f: fd, data: *const (), len: usize, fds: *const fd, n: usize) -> errno {
    emulate(|| {
        // SAFETY: the caller passes `len` readable bytes at `data` and `n`
        // descriptors at `fds` (either may be null when empty).
        let (data, fds) = unsafe {
            let fds = if n == 0 { &[][..] } else { core::slice::from_raw_parts(fds, n) };
            (crate::cptr::slice(data.cast(), len), fds)
        };
        exec(f, data, fds).map(|never| match never {})
    })
}
