//! Confining the process that is about to become the program.
//!
//! The launcher decides everything before it opens anything ([`plan`]):
//! whom the program runs as, whether the kernel offers Landlock and
//! seccomp (if not, the launch is refused unless `--unconfined`), and the
//! seccomp filter. Once the descriptors are placed and all others closed,
//! [`Plan::apply`] restricts the process, in this order:
//! 1. `no_new_privs`;
//! 2. where started as root, `nobody` (or `--user`), with no supplementary
//!    groups and every capability set (bounding, ambient, inheritable,
//!    permitted, effective) empty; otherwise any capabilities are dropped;
//! 3. Landlock (`landlock`): files only beneath the grants, no TCP, signals
//!    and abstract sockets scoped;
//! 4. seccomp (`seccomp`), last, so that everything above may still run;
//!    the exec that follows is one of the calls it allows.
//!
//! The session of its own ([`new_session`]) is started first thing, as it
//! may fork.
//!
//! See docs/security.md for what this does and does not stop.

mod identity;
mod landlock;
mod seccomp;

pub use identity::{new_session, parse_user, Ids};

use argdata::handoff::FdRights;
use std::os::fd::RawFd;

/// How far the program is to be confined.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Confinement {
    /// By every mechanism the kernel offers (the default).
    Kernel,
    /// `--unconfined`: without Landlock and seccomp, for kernels lacking them.
    Unconfined,
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub mode: Confinement,
    /// `--user UID:GID`: whom a launcher started as root runs the program as.
    pub user: Option<Ids>,
    /// `--test-assume-landlock-abi N` (for the tests, not shown in the
    /// usage): use at most ABI `N`, 0 meaning none, as if the kernel were older.
    pub assume_landlock_abi: Option<i32>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { mode: Confinement::Kernel, user: None, assume_landlock_abi: None }
    }
}

/// Everything decided before the launch.
pub struct Plan {
    /// Whom to become, if anyone.
    user: Option<Ids>,
    /// The Landlock ABI to restrict with, and the seccomp filter; `None` when unconfined.
    kernel: Option<(i32, Vec<libc::sock_filter>)>,
    /// What to tell the user before the program starts.
    pub warnings: Vec<String>,
}

/// Checks that the requested confinement can be had; refuses (with the
/// reason and what to do) when it cannot.
pub fn plan(settings: &Settings) -> Result<Plan, String> {
    let user = identity::target(settings.user)?;
    if settings.mode == Confinement::Unconfined {
        let warning = "warning: --unconfined: the program runs without Landlock and seccomp, \
                       able to reach every file and network address its user can";
        return Ok(Plan { user, kernel: None, warnings: vec![warning.to_string()] });
    }
    let refuse = |why: String| {
        format!("{why}; refusing to start the program without kernel confinement (--unconfined runs it anyway)")
    };
    let kernel = landlock::kernel_abi().map_err(refuse)?;
    let abi = settings.assume_landlock_abi.map_or(kernel, |a| a.min(kernel));
    if abi < 1 {
        return Err(refuse("Landlock is not available (as --test-assume-landlock-abi 0 says)".into()));
    }
    seccomp::available().map_err(refuse)?;
    let warnings = landlock::missing(abi).iter().map(|gap| format!("warning: Landlock ABI {abi}: {gap}")).collect();
    Ok(Plan { user, kernel: Some((abi, seccomp::program())), warnings })
}

impl Plan {
    /// Confines the calling process once its descriptors are placed, just
    /// before it executes `program` (an open descriptor) with `grants`.
    pub fn apply(&self, grants: &[FdRights], program: RawFd) -> Result<(), String> {
        identity::no_new_privs()?;
        identity::become_user(self.user)?;
        if let Some((abi, filter)) = &self.kernel {
            landlock::restrict(*abi, grants, program)?;
            seccomp::install(filter).map_err(|e| format!("cannot install the seccomp filter: {e}"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unconfined_warns() {
        let p = plan(&Settings { mode: Confinement::Unconfined, ..Settings::default() }).unwrap();
        assert!(p.kernel.is_none());
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("without Landlock and seccomp"));
    }

    #[test]
    fn no_landlock_is_refused() {
        let e = plan(&Settings { assume_landlock_abi: Some(0), ..Settings::default() }).err().unwrap();
        assert!(e.contains("Landlock is not available"), "{e}");
        assert!(e.contains("--unconfined"), "{e}");
    }

    #[test]
    fn older_landlock_runs_with_warnings() {
        let p = plan(&Settings { assume_landlock_abi: Some(3), ..Settings::default() }).unwrap();
        assert_eq!(p.kernel.as_ref().map(|k| k.0), Some(3));
        assert_eq!(p.warnings.len(), 3);
        assert!(p.warnings.iter().all(|w| w.starts_with("warning: Landlock ABI 3: ")));
        let p = plan(&Settings::default()).unwrap();
        assert!(p.warnings.is_empty(), "this machine's kernel offers ABI 6 or later");
    }

    #[test]
    fn no_new_privs_is_set() {
        let p = plan(&Settings { mode: Confinement::Unconfined, user: None, assume_landlock_abi: None }).unwrap();
        // Applying as root would drop the test process's identity; the
        // identity tests cover that in a child.
        if p.user.is_none() {
            p.apply(&[], -1).unwrap();
        } else {
            identity::no_new_privs().unwrap();
        }
        // SAFETY: prctl with integer arguments only.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) }, 1);
    }
}
