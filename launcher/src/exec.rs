//! Starting the program: numbering the granted descriptors, writing the
//! handoff (`argdata::handoff`) into a sealed memfd, placing every
//! descriptor at its number, closing all others, confining, and replacing
//! the launcher with the program.
//!
//! Until the descriptors are placed, failures are reported on the
//! launcher's stderr and nothing has changed. Placing replaces the
//! launcher's own 0, 1 and 2, so from there on failures go to a private,
//! close-on-exec copy of the launcher's stderr.

use crate::config::{self, Node, Value};
use crate::confine::Plan;
use crate::grant::Grant;
use argdata::handoff::{self, FdRights};
use std::convert::Infallible;
use std::ffi::{CString, OsStr};
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::ptr;

/// Size of the emulator's descriptor table: it refuses larger numbers.
pub const MAX_FDS: u32 = 4096;

/// What keeps the handoff from changing once the program may read it.
const SEALS: libc::c_int = libc::F_SEAL_WRITE | libc::F_SEAL_GROW | libc::F_SEAL_SHRINK | libc::F_SEAL_SEAL;

fn cvt(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// Lowers (or raises) the soft descriptor limit to the emulator's table
/// size, within the hard limit, so Linux never hands the program a number
/// its table cannot hold.
pub fn limit_descriptors() -> io::Result<()> {
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: `lim` is a valid rlimit to fill.
    cvt(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) })?;
    lim.rlim_cur = lim.rlim_max.min(libc::rlim_t::from(MAX_FDS));
    // SAFETY: `lim` is a valid rlimit.
    cvt(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) })?;
    Ok(())
}

/// Opens the program to execute (a path descriptor, so that a program
/// that may be run but not read still works) and checks that it can be.
pub fn open_program(path: &Path) -> Result<OwnedFd, String> {
    let shown = path.display();
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_PATH)
        .open(path)
        .map_err(|e| format!("cannot open the program {shown}: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot inspect the program {shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("the program {shown} is not a regular file"));
    }
    let c_path = CString::new(path.as_os_str().as_bytes()).map_err(|_| format!("bad program path {shown}"))?;
    // SAFETY: `c_path` is NUL-terminated.
    if unsafe { libc::access(c_path.as_ptr(), libc::X_OK) } != 0 {
        return Err(format!("the program {shown} cannot be executed: {}", io::Error::last_os_error()));
    }
    Ok(file.into())
}

/// Chooses the program's number for each resource: the values of the root
/// map's `stdin`, `stdout` and `stderr` keys get 0, 1 and 2; every other
/// descriptor the next free number from 3, in document order.
pub fn number(root: &Node, count: usize) -> Vec<u32> {
    let mut numbers = vec![None; count];
    if let Value::Map(entries) = &root.value {
        for (key, value) in entries {
            let standard = match key.as_str() {
                Some("stdin") => 0,
                Some("stdout") => 1,
                Some("stderr") => 2,
                _ => continue,
            };
            if let Value::Descriptor(i) = value.value {
                numbers[i].get_or_insert(standard);
            }
        }
    }
    let mut next = 3;
    numbers
        .into_iter()
        .map(|n| {
            n.unwrap_or_else(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// Writes the handoff into a sealed memfd that survives exec.
pub fn handoff_file(argdata: &[u8], fds: &[FdRights]) -> io::Result<OwnedFd> {
    let bytes = config::written(|w| handoff::encode(w, argdata, fds));
    // SAFETY: the name is a NUL-terminated literal.
    let raw = cvt(unsafe { libc::memfd_create(c"cloudabi-handoff".as_ptr(), libc::MFD_ALLOW_SEALING) })?;
    // SAFETY: `raw` is a fresh descriptor that nothing else owns.
    let mut file = File::from(unsafe { OwnedFd::from_raw_fd(raw) });
    file.write_all(&bytes)?;
    // SAFETY: F_ADD_SEALS takes no pointer.
    cvt(unsafe { libc::fcntl(raw, libc::F_ADD_SEALS, SEALS) })?;
    Ok(file.into())
}

/// Everything the program is started with.
pub struct Launch<'a> {
    /// From [`open_program`].
    pub program: OwnedFd,
    /// The program's path as given, its `argv[0]`.
    pub program_path: &'a OsStr,
    pub grants: Vec<Grant>,
    /// From [`number`], one per grant.
    pub numbers: Vec<u32>,
    pub argdata: Vec<u8>,
    /// From `confine::plan`.
    pub plan: Plan,
}

/// Duplicates `fd` to a close-on-exec number at or above `min` and closes
/// the original; the copy is deliberately unowned, as it is closed by
/// number (`close_range`) before exec.
fn move_above(fd: OwnedFd, min: RawFd) -> io::Result<RawFd> {
    // SAFETY: F_DUPFD_CLOEXEC takes no pointer.
    cvt(unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_DUPFD_CLOEXEC, min) })
}

/// After the launcher's own descriptors are gone: says why on `errors`
/// (the private stderr copy, or -1) and exits without starting anything.
fn die(errors: RawFd, msg: &str) -> ! {
    let line = format!("cloudabi-run: {msg}\n");
    // SAFETY: writing a buffer of the given length, then exiting at once.
    unsafe {
        libc::write(errors, line.as_ptr().cast(), line.len());
        libc::_exit(2)
    }
}

/// Starts the program; returns only if it could not be set up, before
/// anything the launcher holds was changed.
pub fn launch(l: Launch) -> Result<Infallible, String> {
    let handoff_number = l.numbers.iter().max().map_or(0, |n| n + 1);
    if handoff_number >= MAX_FDS {
        return Err(format!("too many descriptors: programs can have at most {MAX_FDS}"));
    }
    let rights: Vec<FdRights> = l
        .grants
        .iter()
        .zip(&l.numbers)
        .map(|(g, &fd)| FdRights { fd, base: g.base, inheriting: g.inheriting })
        .collect();
    let handoff = handoff_file(&l.argdata, &rights).map_err(|e| format!("cannot write the handoff: {e}"))?;
    let argv0 = CString::new(l.program_path.as_bytes()).map_err(|_| "bad program path".to_string())?;
    let env = CString::new(format!("{}={handoff_number}", handoff::ENV_VAR)).expect("no NUL in a number");

    // Everything moves above the final numbers first, so that placing one
    // descriptor can never overwrite another that is still to be placed.
    let handoff_number = handoff_number as RawFd;
    let (program_number, errors_number) = (handoff_number + 1, handoff_number + 2);
    let above = handoff_number + 3;
    let moved = |fd: OwnedFd| move_above(fd, above).map_err(|e| format!("cannot set up descriptors: {e}"));
    let mut placements = Vec::with_capacity(l.grants.len() + 1);
    for (grant, &number) in l.grants.into_iter().zip(&l.numbers) {
        placements.push((moved(grant.fd)?, number as RawFd));
    }
    placements.push((moved(handoff)?, handoff_number));
    let program = moved(l.program)?;
    // SAFETY: F_DUPFD_CLOEXEC takes no pointer; a closed stderr gives -1.
    let errors = unsafe { libc::fcntl(2, libc::F_DUPFD_CLOEXEC, above) };

    // From here on the launcher's own descriptors are replaced.
    for &(from, to) in &placements {
        // SAFETY: dup2 takes no pointer. The copy at `to` is not close-on-exec.
        if unsafe { libc::dup2(from, to) } < 0 {
            die(errors, &format!("cannot place descriptor {to}: {}", io::Error::last_os_error()));
        }
    }
    let keep = [(program, program_number), (errors, errors_number)];
    for (from, to) in keep.into_iter().filter(|&(from, _)| from >= 0) {
        // SAFETY: dup3 takes no pointer.
        if unsafe { libc::dup3(from, to, libc::O_CLOEXEC) } < 0 {
            die(errors, &format!("cannot set up descriptors: {}", io::Error::last_os_error()));
        }
    }
    let errors = if errors >= 0 { errors_number } else { -1 };
    for n in 0..handoff_number {
        if !placements.iter().any(|&(_, to)| to == n) {
            // SAFETY: closing a number the program is not granted; EBADF is fine.
            unsafe { libc::close(n) };
        }
    }
    // SAFETY: closes every copy made above, and whatever else the launcher inherited.
    if unsafe { libc::close_range(above as libc::c_uint, libc::c_uint::MAX, 0) } != 0 {
        die(errors, &format!("cannot close other descriptors: {}", io::Error::last_os_error()));
    }
    if let Err(msg) = l.plan.apply(&rights, program_number) {
        die(errors, &msg);
    }
    let argv = [argv0.as_ptr().cast_mut(), ptr::null_mut()];
    let envp = [env.as_ptr().cast_mut(), ptr::null_mut()];
    // SAFETY: argv and envp are NULL-terminated arrays of NUL-terminated
    // strings, alive for the call; the empty path names `program_number` itself.
    unsafe { libc::execveat(program_number, c"".as_ptr(), argv.as_ptr(), envp.as_ptr(), libc::AT_EMPTY_PATH) };
    die(errors, &format!("cannot execute {}: {}", l.program_path.to_string_lossy(), io::Error::last_os_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;
    use std::os::unix::fs::FileExt;

    fn numbers(yaml: &str) -> Vec<u32> {
        let d = parse(yaml).unwrap();
        number(&d.root, d.resources.len())
    }

    #[test]
    fn standard_keys_get_0_1_2_and_the_rest_count_from_3() {
        let yaml = "a: !fd 5\nstderr: !fd stderr\nb: [!fd 6]\nstdout: !fd stdout\nstdin: !fd stdin\nc: !fd 7\n";
        assert_eq!(numbers(yaml), [3, 2, 4, 1, 0, 5]);
        assert_eq!(numbers("stdout: !fd stdout\nx: !fd 4\n"), [1, 3]);
        assert_eq!(numbers("- !fd stdout\n- !fd stderr\n"), [3, 4], "only a root map names them");
        assert_eq!(numbers("sub: {stdout: !fd stdout}\n"), [3]);
        assert_eq!(numbers("stdout: [!fd stdout]\n"), [3], "the value itself must be the descriptor");
    }

    #[test]
    fn an_aliased_descriptor_keeps_one_number() {
        assert_eq!(numbers("out: &o !fd stdout\nstdout: *o\nstderr: *o\nx: !fd 9\n"), [1, 3]);
    }

    #[test]
    fn handoff_is_sealed_and_decodes() {
        let fds = [FdRights { fd: 1, base: 0x40, inheriting: 0 }, FdRights { fd: 3, base: 0x2, inheriting: 0x2 }];
        let fd = handoff_file(b"\x08hi\0", &fds).unwrap();
        // SAFETY: F_GET_SEALS and F_GETFD take no pointer.
        let (seals, flags) = unsafe {
            (libc::fcntl(fd.as_raw_fd(), libc::F_GET_SEALS), libc::fcntl(fd.as_raw_fd(), libc::F_GETFD))
        };
        assert_eq!(seals, SEALS);
        assert_eq!(flags & libc::FD_CLOEXEC, 0, "must survive exec");
        let file = File::from(fd);
        assert!(file.write_at(b"x", 0).is_err(), "sealed against writing");
        assert!(file.set_len(1).is_err(), "sealed against shrinking");
        let mut all = vec![0; file.metadata().unwrap().len() as usize];
        file.read_exact_at(&mut all, 0).unwrap();
        let (argdata, it) = handoff::decode(&all).unwrap();
        assert_eq!(argdata, b"\x08hi\0");
        assert_eq!(it.map(|r| r.unwrap()).collect::<Vec<_>>(), fds);
    }

    #[test]
    fn programs_must_exist_be_regular_and_executable() {
        assert!(open_program(Path::new("/proc/self/exe")).is_ok());
        let e = open_program(Path::new("/nonexistent/prog")).unwrap_err();
        assert_eq!(e, "cannot open the program /nonexistent/prog: No such file or directory (os error 2)");
        assert_eq!(open_program(Path::new("/")).unwrap_err(), "the program / is not a regular file");
        let data = std::env::temp_dir().join(format!("cloudabi-run-exec-{}", std::process::id()));
        std::fs::write(&data, b"not a program").unwrap();
        let e = open_program(&data).unwrap_err();
        std::fs::remove_file(&data).unwrap();
        assert_eq!(e, format!("the program {} cannot be executed: Permission denied (os error 13)", data.display()));
    }

    #[test]
    fn descriptor_limit_is_the_table_size() {
        limit_descriptors().unwrap();
        let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: `lim` is a valid rlimit to fill.
        unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) };
        assert_eq!(lim.rlim_cur, lim.rlim_max.min(4096));
    }
}
