//! Confining the process that is about to become the program.

use std::io;

/// How far the program is to be confined.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Confinement {
    /// By every mechanism the kernel offers (the default).
    Kernel,
    /// `--unconfined`: for kernels without Landlock.
    Unconfined,
}

/// Confines the calling process once its descriptors are placed, just
/// before exec.
///
/// For now this only sets `PR_SET_NO_NEW_PRIVS`, in both modes, so that
/// exec can never gain privileges (set-user-ID files, file capabilities).
/// Kernel confinement is a later issue: a Landlock ruleset allowing only the
/// granted trees, with rights mapped from the CloudABI rights, and a seccomp
/// allowlist of the system calls the emulator uses. `mode` is taken now so
/// that `--unconfined` can then skip those two with a warning.
pub fn confine(_mode: Confinement) -> Result<(), String> {
    // SAFETY: prctl with integer arguments only.
    if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } != 0 {
        return Err(format!("cannot set no_new_privs: {}", io::Error::last_os_error()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_new_privs_is_set() {
        confine(Confinement::Unconfined).unwrap();
        // SAFETY: prctl with integer arguments only.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) }, 1);
    }
}
