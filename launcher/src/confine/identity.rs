//! Who the program runs as: in a session of its own, unable to gain
//! privileges on exec, and, where the launcher was started as root, as an
//! unprivileged user with no capabilities at all.

use std::io;
use std::sync::atomic::{AtomicI32, Ordering};

/// A user and group to run as.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Ids {
    pub uid: libc::uid_t,
    pub gid: libc::gid_t,
}

/// `nobody`: what a program started by root runs as unless `--user` says otherwise.
pub const NOBODY: Ids = Ids { uid: 65534, gid: 65534 };

/// Reads `UID:GID` (numbers: the launcher reads no user database).
pub fn parse_user(s: &str) -> Result<Ids, String> {
    let bad = || format!("--user takes UID:GID as numbers, not {s:?}");
    let (u, g) = s.split_once(':').ok_or_else(bad)?;
    Ok(Ids { uid: u.parse().map_err(|_| bad())?, gid: g.parse().map_err(|_| bad())? })
}

fn last_error(what: &str) -> String {
    format!("{what}: {}", io::Error::last_os_error())
}

fn is_root() -> bool {
    let (mut r, mut e, mut s) = (0, 0, 0);
    // SAFETY: three writable uid_t.
    unsafe { libc::getresuid(&mut r, &mut e, &mut s) };
    r == 0 || e == 0 || s == 0
}

/// Whom to become: `requested` or `nobody` when root, no one otherwise.
pub fn target(requested: Option<Ids>) -> Result<Option<Ids>, String> {
    if is_root() {
        return Ok(Some(requested.unwrap_or(NOBODY)));
    }
    // SAFETY: getuid and getgid cannot fail.
    let current = unsafe { Ids { uid: libc::getuid(), gid: libc::getgid() } };
    match requested {
        Some(ids) if ids != current => Err("--user needs cloudabi-run to be started as root".into()),
        _ => Ok(None),
    }
}

/// The child a session-leading copy of the launcher waits for.
static CHILD: AtomicI32 = AtomicI32::new(0);

extern "C" fn forward(sig: libc::c_int) {
    // SAFETY: kill is async-signal-safe; CHILD is set before any handler is.
    unsafe { libc::kill(CHILD.load(Ordering::Relaxed), sig) };
}

/// Starts a session of its own, without a controlling terminal, so that
/// the program cannot reach the terminal or the launcher's process group.
///
/// A process-group leader (a shell job) cannot do that; it forks, and the
/// child carries on while the parent, holding no descriptors, passes on
/// the terminal's signals and ends as the child ends.
pub fn new_session() -> Result<(), String> {
    // SAFETY: setsid takes no arguments.
    if unsafe { libc::setsid() } >= 0 {
        return Ok(());
    }
    // SAFETY: the launcher is single-threaded here; the child only returns
    // into ordinary code.
    match unsafe { libc::fork() } {
        -1 => Err(last_error("cannot start a new session")),
        // SAFETY: setsid takes no arguments.
        0 if unsafe { libc::setsid() } >= 0 => Ok(()),
        0 => Err(last_error("cannot start a new session")),
        child => relay(child),
    }
}

/// The parent half of [`new_session`]: passes signals on, then exits as
/// the child did.
fn relay(child: libc::pid_t) -> ! {
    CHILD.store(child, Ordering::Relaxed);
    // SAFETY: closing descriptor numbers; the child has its own copies.
    unsafe { libc::close_range(0, libc::c_uint::MAX, 0) };
    for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT] {
        // SAFETY: `forward` is async-signal-safe.
        unsafe { libc::signal(sig, forward as extern "C" fn(libc::c_int) as libc::sighandler_t) };
    }
    let mut status = 0;
    // SAFETY: `status` is a writable int.
    while unsafe { libc::waitpid(child, &mut status, 0) } < 0 {
        if io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            // SAFETY: ends the process.
            unsafe { libc::_exit(2) };
        }
    }
    if libc::WIFSIGNALED(status) {
        let sig = libc::WTERMSIG(status);
        let no_core = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: `no_core` is a valid rlimit; the signal's default action
        // ends this process the way the child ended.
        unsafe {
            libc::setrlimit(libc::RLIMIT_CORE, &no_core);
            libc::signal(sig, libc::SIG_DFL);
            libc::raise(sig);
        }
        // SAFETY: ends the process.
        unsafe { libc::_exit(128 + sig) };
    }
    // SAFETY: ends the process.
    unsafe { libc::_exit(libc::WEXITSTATUS(status)) }
}

/// Sets `no_new_privs`: exec can never add privileges (set-user-ID
/// files, file capabilities), and Landlock and seccomp may be applied
/// without any.
pub fn no_new_privs() -> Result<(), String> {
    // SAFETY: prctl with integer arguments only.
    if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } != 0 {
        return Err(last_error("cannot set no_new_privs"));
    }
    Ok(())
}

#[repr(C)]
struct CapHeader {
    version: u32,
    pid: libc::c_int,
}

#[repr(C)]
#[derive(Copy, Clone, Default, Debug, PartialEq, Eq)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

/// `_LINUX_CAPABILITY_VERSION_3`: 64-bit sets, as two `CapData`.
const CAP_VERSION_3: u32 = 0x2008_0522;

fn capabilities() -> io::Result<[CapData; 2]> {
    let mut head = CapHeader { version: CAP_VERSION_3, pid: 0 };
    let mut data = [CapData::default(); 2];
    // SAFETY: a version 3 header and two data structs, as the kernel expects.
    if unsafe { libc::syscall(libc::SYS_capget, &mut head, data.as_mut_ptr()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(data)
}

/// Empties the bounding set (where the launcher may: without CAP_SETPCAP
/// it cannot, which only matters when started as root, as no_new_privs
/// keeps an unprivileged launcher from ever using the set) and the
/// ambient set, so that no exec can bring capabilities back.
fn drop_bounding_and_ambient(must_bound: bool) -> Result<(), String> {
    for cap in 0.. {
        // SAFETY: prctl with integer arguments only; past the last
        // capability the kernel answers EINVAL.
        if unsafe { libc::prctl(libc::PR_CAPBSET_READ, cap, 0, 0, 0) } < 0 {
            break;
        }
        // SAFETY: as above.
        if unsafe { libc::prctl(libc::PR_CAPBSET_DROP, cap, 0, 0, 0) } != 0 && must_bound {
            return Err(last_error("cannot empty the capability bounding set"));
        }
    }
    // SAFETY: prctl with integer arguments only.
    if unsafe { libc::prctl(libc::PR_CAP_AMBIENT, libc::PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) } != 0 {
        return Err(last_error("cannot clear the ambient capabilities"));
    }
    Ok(())
}

/// Empties the inheritable, permitted and effective sets.
fn clear_capabilities() -> Result<(), String> {
    let mut head = CapHeader { version: CAP_VERSION_3, pid: 0 };
    let none = [CapData::default(); 2];
    // SAFETY: a version 3 header and two data structs the kernel only reads.
    if unsafe { libc::syscall(libc::SYS_capset, &mut head, none.as_ptr()) } != 0 {
        return Err(last_error("cannot clear the capabilities"));
    }
    Ok(())
}

/// Becomes `ids` (when given) with no supplementary groups and no
/// capabilities; without `ids`, only gives up any capabilities.
pub fn become_user(ids: Option<Ids>) -> Result<(), String> {
    drop_bounding_and_ambient(ids.is_some())?;
    if let Some(Ids { uid, gid }) = ids {
        // SAFETY: an empty group list.
        if unsafe { libc::setgroups(0, std::ptr::null()) } != 0 {
            return Err(last_error("cannot drop the supplementary groups"));
        }
        // SAFETY: integer arguments only.
        if unsafe { libc::setresgid(gid, gid, gid) } != 0 {
            return Err(last_error(&format!("cannot become group {gid}")));
        }
        // SAFETY: integer arguments only.
        if unsafe { libc::setresuid(uid, uid, uid) } != 0 {
            return Err(last_error(&format!("cannot become user {uid}")));
        }
    }
    // A change to a non-zero uid empties the sets already; this covers
    // `--user 0:0` and a launcher that was given capabilities.
    clear_capabilities()?;
    match capabilities() {
        Ok(sets) if sets == [CapData::default(); 2] => Ok(()),
        Ok(sets) => Err(format!("capabilities remain after dropping them: {sets:?}")),
        Err(e) => Err(format!("cannot read the capabilities: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_are_uid_colon_gid() {
        assert_eq!(parse_user("1000:100"), Ok(Ids { uid: 1000, gid: 100 }));
        assert_eq!(parse_user("0:0"), Ok(Ids { uid: 0, gid: 0 }));
        assert!(parse_user("nobody").unwrap_err().contains("UID:GID"));
        assert!(parse_user("1:x").is_err());
        assert!(parse_user("-1:1").is_err());
    }

    #[test]
    fn root_becomes_nobody_unless_told() {
        if !is_root() {
            assert_eq!(target(None), Ok(None));
            assert!(target(Some(Ids { uid: 0, gid: 0 })).unwrap_err().contains("root"));
            return;
        }
        assert_eq!(target(None), Ok(Some(NOBODY)));
        assert_eq!(target(Some(Ids { uid: 1000, gid: 1000 })), Ok(Some(Ids { uid: 1000, gid: 1000 })));
    }

    /// Runs `f` in a forked child (so the test process keeps its identity)
    /// and returns the child's exit status.
    fn in_child(f: impl FnOnce() -> bool) -> i32 {
        // SAFETY: the child only makes system calls and exits.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            let ok = f();
            // SAFETY: ends the child without running the parent's destructors.
            unsafe { libc::_exit(if ok { 0 } else { 1 }) };
        }
        let mut status = 0;
        // SAFETY: `status` is a writable int.
        unsafe { libc::waitpid(pid, &mut status, 0) };
        libc::WEXITSTATUS(status)
    }

    #[test]
    fn becoming_nobody_leaves_no_capability() {
        if !is_root() {
            return;
        }
        let status = in_child(|| {
            if become_user(Some(NOBODY)).is_err() {
                return false;
            }
            let (mut r, mut e, mut s) = (0, 0, 0);
            // SAFETY: three writable uid_t; the rest take integers only.
            unsafe {
                libc::getresuid(&mut r, &mut e, &mut s);
                (r, e, s) == (65534, 65534, 65534)
                    && libc::getegid() == 65534
                    && libc::getgroups(0, std::ptr::null_mut()) == 0
                    && libc::prctl(libc::PR_CAPBSET_READ, 0, 0, 0, 0) == 0
                    && libc::setuid(0) != 0
            }
        });
        assert_eq!(status, 0);
    }

    #[test]
    fn root_kept_by_request_still_loses_capabilities() {
        if !is_root() {
            return;
        }
        let status = in_child(|| {
            become_user(Some(Ids { uid: 0, gid: 0 })).is_ok()
                && capabilities().is_ok_and(|c| c == [CapData::default(); 2])
                // SAFETY: an integer argument only (21 is CAP_SYS_ADMIN).
                && unsafe { libc::prctl(libc::PR_CAPBSET_READ, 21, 0, 0, 0) } == 0
        });
        assert_eq!(status, 0);
    }

    #[test]
    fn a_session_of_its_own() {
        let status = in_child(|| {
            // SAFETY: integer arguments only.
            new_session().is_ok() && unsafe { libc::getsid(0) == libc::getpid() }
        });
        assert_eq!(status, 0);
    }

    #[test]
    fn a_process_group_leader_forks_into_its_session() {
        let status = in_child(|| {
            // SAFETY: integer arguments only.
            unsafe { libc::setpgid(0, 0) == 0 && new_session().is_ok() && libc::getsid(0) == libc::getpid() }
        });
        assert_eq!(status, 0, "the waiting parent ends as its child did");
    }
}
