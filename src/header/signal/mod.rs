//! `<signal.h>`: signal sets, `raise` (cloudlibc), and compat handlers.
//!
//! CloudABI has no asynchronous signals. Here a process can install
//! handlers (`signal`, `sigaction`), block signals per thread
//! (`sigprocmask`, `pthread_sigmask`), and raise signals on itself
//! (`raise`, `kill(getpid(), sig)`, `abort`): handlers then run
//! synchronously, inside the raising call. Asynchronous signals come from
//! the process's own timers (`alarm`, `setitimer`: SIGALRM and SIGVTALRM)
//! and from its threads (`pthread_kill` of another thread), through
//! emulator extensions: they interrupt whatever a thread that does not
//! block them was doing, and a blocked call fails with EINTR, as on POSIX
//! systems. A signal raised while blocked stays pending until it is
//! unblocked. With the default action, a signal whose default is to ignore
//! it does nothing and any other ends the process through CloudABI's
//! `proc_raise`. Nothing outside the process can send it a signal.

mod action;
mod mask;
mod psignal;
mod sigset;

pub use self::action::*;
pub use self::mask::*;
pub use self::psignal::*;
pub use self::sigset::*;

use crate::abi::c_int;

// CloudABI's signal numbers (cloudlibc's values).
pub const SIGABRT: c_int = 1;
pub const SIGALRM: c_int = 2;
pub const SIGBUS: c_int = 3;
pub const SIGCHLD: c_int = 4;
pub const SIGCONT: c_int = 5;
pub const SIGFPE: c_int = 6;
pub const SIGHUP: c_int = 7;
pub const SIGILL: c_int = 8;
pub const SIGINT: c_int = 9;
pub const SIGKILL: c_int = 10;
pub const SIGPIPE: c_int = 11;
pub const SIGQUIT: c_int = 12;
pub const SIGSEGV: c_int = 13;
pub const SIGSTOP: c_int = 14;
pub const SIGSYS: c_int = 15;
pub const SIGTERM: c_int = 16;
pub const SIGTRAP: c_int = 17;
pub const SIGTSTP: c_int = 18;
pub const SIGTTIN: c_int = 19;
pub const SIGTTOU: c_int = 20;
pub const SIGURG: c_int = 21;
pub const SIGUSR1: c_int = 22;
pub const SIGUSR2: c_int = 23;
pub const SIGVTALRM: c_int = 24;
pub const SIGXCPU: c_int = 25;
pub const SIGXFSZ: c_int = 26;
/// One more than the highest signal number.
pub const NSIG: c_int = 27;

/// Is `sig` a valid signal number?
pub fn valid(sig: c_int) -> bool {
    (1..NSIG).contains(&sig)
}
