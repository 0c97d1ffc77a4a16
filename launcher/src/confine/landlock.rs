//! The Landlock ruleset: the filesystem only beneath the granted
//! directories and at the granted files, with access rights mapped from
//! each grant's CloudABI rights; no TCP bind or connect; signals and
//! abstract unix sockets scoped to the sandbox. Built with the `landlock`
//! crate at exactly the ABI the kernel offers, so nothing is dropped
//! silently: what an older ABI lacks is reported by [`missing`].

use argdata::handoff::FdRights;
use cloudabi::rights;
use cloudabi_rights::bits;
use landlock::{
    Access, AccessFs, AccessNet, BitFlags, CompatLevel, Compatible, PathBeneath, Ruleset, RulesetAttr,
    RulesetCreatedAttr, RulesetStatus, Scope, ABI,
};
use std::io;
use std::os::fd::{BorrowedFd, RawFd};

/// `landlock_create_ruleset` flag: return the ABI version instead.
const LANDLOCK_CREATE_RULESET_VERSION: libc::c_uint = 1;

/// The kernel's Landlock ABI version, or why there is none.
pub fn kernel_abi() -> Result<i32, String> {
    // SAFETY: with a null attribute and size 0, the VERSION flag only queries.
    let v = unsafe {
        libc::syscall(
            libc::SYS_landlock_create_ruleset,
            std::ptr::null::<u8>(),
            0usize,
            LANDLOCK_CREATE_RULESET_VERSION,
        )
    };
    if v < 1 {
        return Err(format!("this kernel does not offer Landlock: {}", io::Error::last_os_error()));
    }
    Ok(v as i32)
}

/// What a kernel with Landlock ABI `abi` leaves unprotected (or refuses),
/// one sentence each; empty from ABI 6 on.
pub fn missing(abi: i32) -> Vec<&'static str> {
    let mut gaps = Vec::new();
    if abi < 2 {
        gaps.push("renaming or linking a file into another directory is refused (Landlock ABI 2 allows it)");
    }
    if abi < 3 {
        gaps.push("truncating files beneath granted directories is not restricted (needs Landlock ABI 3)");
    }
    if abi < 4 {
        gaps.push("TCP bind and connect are not restricted by Landlock (needs ABI 4; seccomp still refuses new sockets)");
    }
    if abi < 5 {
        gaps.push("ioctl on devices is not restricted by Landlock (needs ABI 5; seccomp still allows only FIONREAD)");
    }
    if abi < 6 {
        gaps.push(
            "signals to processes outside the sandbox and abstract unix sockets are not scoped (needs Landlock ABI 6)",
        );
    }
    gaps
}

/// The Landlock rights beneath a granted directory, from the rights the
/// directory has (`base`) and those descriptors opened beneath it may get
/// (`inheriting`).
pub fn directory_access(base: u64, inheriting: u64) -> BitFlags<AccessFs> {
    let has = |set: u64, r: rights| set & r.bits() != 0;
    let either = base | inheriting;
    let mut a = BitFlags::EMPTY;
    if either & bits(&[rights::FILE_OPEN, rights::FILE_READDIR]) != 0 {
        a |= AccessFs::ReadDir;
    }
    a |= file_access(inheriting);
    if has(either, rights::FILE_CREATE_FILE) {
        a |= AccessFs::MakeReg;
    }
    if has(either, rights::FILE_CREATE_DIRECTORY) {
        a |= AccessFs::MakeDir;
    }
    if has(either, rights::FILE_SYMLINK) {
        a |= AccessFs::MakeSym;
    }
    if has(either, rights::FILE_UNLINK) {
        a |= AccessFs::RemoveFile | AccessFs::RemoveDir;
    }
    // A rename takes the entry out of the source and makes it (replacing
    // what was there) in the target; a link only makes it in the target.
    // Either may cross directories, which Landlock calls REFER.
    if has(either, rights::FILE_RENAME_SOURCE) {
        a |= AccessFs::RemoveFile | AccessFs::RemoveDir | AccessFs::Refer;
    }
    let moved_in = AccessFs::MakeReg | AccessFs::MakeSym | AccessFs::MakeFifo | AccessFs::MakeSock | AccessFs::Refer;
    if has(either, rights::FILE_RENAME_TARGET) {
        a |= moved_in | AccessFs::MakeDir | AccessFs::RemoveFile | AccessFs::RemoveDir;
    }
    if has(either, rights::FILE_LINK_TARGET) {
        a |= moved_in;
    }
    if has(either, rights::FILE_LINK_SOURCE) {
        a |= AccessFs::Refer;
    }
    a
}

/// The Landlock rights on a file with CloudABI rights `r`. Device ioctls
/// are never granted: the seccomp filter lets through only FIONREAD.
pub fn file_access(r: u64) -> BitFlags<AccessFs> {
    let has = |x: rights| r & x.bits() != 0;
    let mut a = BitFlags::EMPTY;
    if has(rights::FD_READ) {
        a |= AccessFs::ReadFile;
    }
    if has(rights::FD_WRITE) {
        a |= AccessFs::WriteFile;
    }
    if has(rights::FILE_STAT_FPUT_SIZE) {
        a |= AccessFs::Truncate;
    }
    if has(rights::PROC_EXEC) {
        a |= AccessFs::Execute;
    }
    a
}

fn file_type(fd: RawFd) -> io::Result<libc::mode_t> {
    // SAFETY: all-zero bytes are a valid `stat`, filled by fstat.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is writable and of the right type.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(st.st_mode & libc::S_IFMT)
}

/// Restricts the calling process (and what it executes) to the grants, and
/// the program's own file, which it may read and execute once: the exec
/// that follows.
pub fn restrict(abi: i32, grants: &[FdRights], program: RawFd) -> Result<(), String> {
    let fail = |e: landlock::RulesetError| format!("cannot set up Landlock: {e}");
    // The crate maps versions newer than it knows to the newest it knows.
    let version = ABI::from(abi);
    let mut ruleset = Ruleset::default()
        .set_compatibility(CompatLevel::HardRequirement)
        .handle_access(AccessFs::from_all(version))
        .map_err(fail)?;
    // UDP is left alone: granted datagram sockets must still answer their
    // peers, and the seccomp filter refuses new sockets.
    if abi >= 4 {
        ruleset = ruleset.handle_access(AccessNet::BindTcp | AccessNet::ConnectTcp).map_err(fail)?;
    }
    if abi >= 6 {
        ruleset = ruleset.scope(Scope::Signal | Scope::AbstractUnixSocket).map_err(fail)?;
    }
    let mut created = ruleset.create().map_err(fail)?;
    let handled = AccessFs::from_all(version);
    let file_only = AccessFs::from_file(version);
    let mut rules = vec![(program, AccessFs::Execute | AccessFs::ReadFile)];
    for g in grants {
        let fd = g.fd as RawFd;
        let kind = file_type(fd).map_err(|e| format!("cannot inspect descriptor {fd}: {e}"))?;
        let access = match kind {
            libc::S_IFDIR => directory_access(g.base, g.inheriting),
            libc::S_IFREG => file_access(g.base) & file_only,
            // Sockets, pipes and devices are used through the descriptor only.
            _ => continue,
        };
        rules.push((fd, access & handled));
    }
    for (fd, access) in rules.into_iter().filter(|(_, a)| !a.is_empty()) {
        // SAFETY: the descriptor is open: placed by the launcher, and not
        // closed before exec.
        let parent = unsafe { BorrowedFd::borrow_raw(fd) };
        created = created.add_rule(PathBeneath::new(parent, access)).map_err(fail)?;
    }
    let status = created.restrict_self().map_err(fail)?;
    if status.ruleset != RulesetStatus::FullyEnforced {
        return Err(format!("Landlock enforced the ruleset only partly ({:?})", status.ruleset));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grant::{
        DIRECTORY_READ, DIRECTORY_READ_INHERITING, DIRECTORY_WRITE, DIRECTORY_WRITE_INHERITING, EXEC, FILE_READ,
        FILE_WRITE,
    };

    #[test]
    fn read_only_directories_can_only_be_read() {
        let a = directory_access(DIRECTORY_READ, DIRECTORY_READ_INHERITING);
        assert_eq!(a, AccessFs::ReadDir | AccessFs::ReadFile);
        let a = directory_access(DIRECTORY_READ, DIRECTORY_READ_INHERITING | EXEC);
        assert_eq!(a, AccessFs::ReadDir | AccessFs::ReadFile | AccessFs::Execute);
    }

    #[test]
    fn writable_directories_add_writing_and_entries() {
        let a = directory_access(DIRECTORY_WRITE, DIRECTORY_WRITE_INHERITING);
        let want = AccessFs::ReadDir
            | AccessFs::ReadFile
            | AccessFs::WriteFile
            | AccessFs::Truncate
            | AccessFs::MakeReg
            | AccessFs::MakeDir
            | AccessFs::MakeSym
            | AccessFs::MakeFifo
            | AccessFs::MakeSock
            | AccessFs::RemoveFile
            | AccessFs::RemoveDir
            | AccessFs::Refer;
        assert_eq!(a, want);
        assert!(!a.contains(AccessFs::Execute), "exec only with exec: true");
        assert!(!a.intersects(AccessFs::IoctlDev | AccessFs::MakeChar | AccessFs::MakeBlock));
    }

    #[test]
    fn each_right_brings_only_its_access() {
        assert_eq!(directory_access(rights::FILE_CREATE_FILE.bits(), 0), AccessFs::MakeReg);
        assert_eq!(directory_access(rights::FILE_CREATE_DIRECTORY.bits(), 0), AccessFs::MakeDir);
        assert_eq!(directory_access(0, rights::FILE_SYMLINK.bits()), AccessFs::MakeSym);
        assert_eq!(directory_access(rights::FILE_UNLINK.bits(), 0), AccessFs::RemoveFile | AccessFs::RemoveDir);
        assert_eq!(directory_access(rights::FILE_LINK_SOURCE.bits(), 0), AccessFs::Refer);
        assert_eq!(directory_access(rights::FILE_READDIR.bits(), 0), AccessFs::ReadDir);
        assert_eq!(directory_access(rights::FILE_STAT_GET.bits(), 0), BitFlags::EMPTY);
        assert_eq!(
            directory_access(rights::FD_READ.bits(), 0),
            BitFlags::EMPTY,
            "reading files comes from the inheriting rights"
        );
    }

    #[test]
    fn files_map_read_write_truncate_exec() {
        assert_eq!(file_access(FILE_READ), AccessFs::ReadFile);
        assert_eq!(file_access(FILE_WRITE), AccessFs::ReadFile | AccessFs::WriteFile | AccessFs::Truncate);
        assert_eq!(file_access(FILE_READ | EXEC), AccessFs::ReadFile | AccessFs::Execute);
        assert_eq!(file_access(rights::FD_WRITE.bits()), AccessFs::WriteFile);
    }

    #[test]
    fn older_kernels_report_what_they_lack() {
        assert!(missing(7).is_empty());
        assert!(missing(6).is_empty());
        assert_eq!(missing(5).len(), 1);
        assert!(missing(5)[0].contains("signals"));
        assert!(missing(3).iter().any(|m| m.contains("TCP")));
        assert!(!missing(3).iter().any(|m| m.contains("truncat")));
        assert_eq!(missing(1).len(), 5);
    }

    #[test]
    fn this_kernel_offers_landlock() {
        assert!(kernel_abi().unwrap() >= 1);
    }
}
