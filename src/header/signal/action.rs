//! raise (cloudlibc); compat signal, sigaction, kill, killpg, sigaltstack.

use super::mask::{deliver_unblocked, make_pending, mirror_ignored, note_handled, store_mask, thread_mask, Busy};
use super::sigset::{sigset_t, FULL};
use super::*;
use crate::abi::{c_int, c_void};
use crate::errno::{Errno, OrErrno};
use crate::sync::SpinLock;
use crate::sys;
use cloudabi::errno;
use cloudabi::signal as csig;

/// A handler as C passes it: `SIG_DFL` (0), `SIG_IGN` (1), `SIG_ERR` (-1)
/// or a function.
pub type sighandler_t = usize;
pub const SIG_DFL: sighandler_t = 0;
pub const SIG_IGN: sighandler_t = 1;
pub const SIG_ERR: sighandler_t = usize::MAX;

pub const SA_NOCLDSTOP: c_int = 0x1;
pub const SA_ONSTACK: c_int = 0x2;
pub const SA_RESETHAND: c_int = 0x4;
pub const SA_RESTART: c_int = 0x8;
pub const SA_SIGINFO: c_int = 0x10;
pub const SA_NOCLDWAIT: c_int = 0x20;
pub const SA_NODEFER: c_int = 0x40;

pub const SIG_BLOCK: c_int = 1;
pub const SIG_UNBLOCK: c_int = 2;
pub const SIG_SETMASK: c_int = 3;

/// `struct sigaction`, as include/signal.h lays it out.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct sigaction {
    /// `sa_handler` or (with SA_SIGINFO) `sa_sigaction`.
    pub sa_handler: sighandler_t,
    pub sa_mask: sigset_t,
    pub sa_flags: c_int,
}

/// `siginfo_t`: what an SA_SIGINFO handler receives.
#[repr(C)]
pub struct siginfo_t {
    pub si_signo: c_int,
    pub si_code: c_int,
    pub si_errno: c_int,
    pub si_pid: i32,
    pub si_uid: u32,
    pub si_addr: *mut c_void,
    pub si_status: c_int,
    pub si_value: usize,
}

/// `si_code` of a signal the process raised on itself.
pub const SI_USER: c_int = 0;

const NONE: sigaction = sigaction { sa_handler: SIG_DFL, sa_mask: 0, sa_flags: 0 };

/// Each signal's action, for the whole process.
static ACTIONS: SpinLock<[sigaction; NSIG as usize]> = SpinLock::new([NONE; NSIG as usize]);

/// Signals whose default action is to do nothing.
fn ignored_by_default(sig: c_int) -> bool {
    matches!(sig, SIGCHLD | SIGURG | SIGCONT)
}

pub fn to_cloudabi(sig: c_int) -> csig {
    match sig {
        SIGABRT => csig::ABRT,
        SIGALRM => csig::ALRM,
        SIGBUS => csig::BUS,
        SIGCHLD => csig::CHLD,
        SIGCONT => csig::CONT,
        SIGFPE => csig::FPE,
        SIGHUP => csig::HUP,
        SIGILL => csig::ILL,
        SIGINT => csig::INT,
        SIGKILL => csig::KILL,
        SIGPIPE => csig::PIPE,
        SIGQUIT => csig::QUIT,
        SIGSEGV => csig::SEGV,
        SIGSTOP => csig::STOP,
        SIGSYS => csig::SYS,
        SIGTERM => csig::TERM,
        SIGTRAP => csig::TRAP,
        SIGTSTP => csig::TSTP,
        SIGTTIN => csig::TTIN,
        SIGTTOU => csig::TTOU,
        SIGURG => csig::URG,
        SIGUSR1 => csig::USR1,
        SIGUSR2 => csig::USR2,
        SIGVTALRM => csig::VTALRM,
        SIGXCPU => csig::XCPU,
        _ => csig::XFSZ,
    }
}

/// Delivers `sig` now: runs its handler, ignores it, or takes the default
/// action (which may end the process).
pub fn deliver(sig: c_int) -> Result<(), Errno> {
    let act = {
        let _busy = Busy::enter();
        let mut actions = ACTIONS.lock();
        let act = actions[sig as usize];
        if act.sa_handler != SIG_DFL && act.sa_handler != SIG_IGN && act.sa_flags & SA_RESETHAND != 0 {
            actions[sig as usize] = NONE;
        }
        act
    };
    match act.sa_handler {
        SIG_IGN => {}
        SIG_DFL if ignored_by_default(sig) => {}
        SIG_DFL => sys::proc_raise(to_cloudabi(sig))?,
        h => {
            let saved = thread_mask();
            let mut during = saved | (act.sa_mask & FULL);
            if act.sa_flags & SA_NODEFER == 0 {
                during |= 1 << sig;
            }
            store_mask(during);
            if act.sa_flags & SA_SIGINFO != 0 {
                let mut info = siginfo_t {
                    si_signo: sig,
                    si_code: SI_USER,
                    si_errno: 0,
                    si_pid: crate::header::unistd::getpid(),
                    si_uid: crate::header::sys_stat::NOBODY,
                    si_addr: core::ptr::null_mut(),
                    si_status: 0,
                    si_value: 0,
                };
                // SAFETY: the program installed this function as an
                // SA_SIGINFO handler.
                let f: unsafe extern "C" fn(c_int, *mut siginfo_t, *mut c_void) = unsafe { core::mem::transmute(h) };
                // SAFETY: calling the handler as POSIX does.
                unsafe { f(sig, &mut info, core::ptr::null_mut()) };
            } else {
                // SAFETY: the program installed this function as a handler.
                let f: unsafe extern "C" fn(c_int) = unsafe { core::mem::transmute(h) };
                // SAFETY: as above.
                unsafe { f(sig) };
            }
            note_handled();
            store_mask(saved);
        }
    }
    deliver_unblocked()
}

/// Raises `sig` on the calling thread.
pub fn raise_signal(sig: c_int) -> Result<(), Errno> {
    if !valid(sig) {
        return Err(errno::INVAL);
    }
    // SIGKILL and SIGSTOP cannot be blocked.
    if thread_mask() & (1 << sig) != 0 && sig != SIGKILL && sig != SIGSTOP {
        make_pending(sig);
        return Ok(());
    }
    deliver(sig)
}

/// C11 `raise`: runs the handler of `sig` now, or its default action.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn raise(sig: c_int) -> c_int {
    raise_signal(sig).map(|()| 0).or_errno(-1)
}

/// Compat `sigaction`: installs a handler (never for SIGKILL or SIGSTOP).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigaction(sig: c_int, act: *const sigaction, old: *mut sigaction) -> c_int {
    if !valid(sig) || (!act.is_null() && (sig == SIGKILL || sig == SIGSTOP)) {
        return Err(errno::INVAL).or_errno(-1);
    }
    let mirrored = {
        let _busy = Busy::enter();
        let mut actions = ACTIONS.lock();
        if !old.is_null() {
            // SAFETY: `old` is writable (C contract).
            unsafe { *old = actions[sig as usize] };
        }
        if !act.is_null() {
            // SAFETY: `act` is readable (C contract).
            actions[sig as usize] = unsafe { *act };
        }
        if act.is_null() {
            Ok(())
        } else {
            mirror_ignored(&actions[..])
        }
    };
    if let Err(e) = mirrored {
        return Err(e).or_errno(-1);
    }
    // A signal that arrived meanwhile waited for the lock to be released.
    let _ = deliver_unblocked();
    0
}

/// Compat (C11) `signal`: installs a handler; returns the previous one.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn signal(sig: c_int, handler: sighandler_t) -> sighandler_t {
    let new = sigaction { sa_handler: handler, sa_mask: 0, sa_flags: SA_RESTART };
    let mut old = NONE;
    // SAFETY: both structs are valid for the call.
    if unsafe { sigaction(sig, &new, &mut old) } != 0 {
        return SIG_ERR;
    }
    old.sa_handler
}

/// Compat `kill`: the process itself (its pid, or 0 for its group) and
/// its children not yet waited for (through their process descriptors)
/// can be signalled; signal 0 checks that. Any other process: EPERM.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn kill(pid: i32, sig: c_int) -> c_int {
    if sig != 0 && !valid(sig) {
        return Err(errno::INVAL).or_errno(-1);
    }
    if pid != crate::header::unistd::getpid() && pid != 0 {
        let s = (sig != 0).then(|| to_cloudabi(sig));
        return match crate::compat::process::signal_child(pid, s) {
            Some(r) => r.map(|()| 0).or_errno(-1),
            None => Err(errno::PERM).or_errno(-1),
        };
    }
    if sig == 0 {
        return 0;
    }
    raise(sig)
}

/// Compat `killpg`: the process is alone in its group (see `kill`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn killpg(pgrp: i32, sig: c_int) -> c_int {
    if pgrp != crate::header::unistd::PID {
        return Err(errno::PERM).or_errno(-1);
    }
    kill(0, sig)
}

/// `stack_t` for sigaltstack.
#[repr(C)]
pub struct stack_t {
    pub ss_sp: *mut c_void,
    pub ss_flags: c_int,
    pub ss_size: usize,
}

const SS_DISABLE: c_int = 2;
const MINSIGSTKSZ: usize = 2048;

struct AltStack {
    sp: usize,
    flags: c_int,
    size: usize,
}

static ALT_STACK: SpinLock<AltStack> = SpinLock::new(AltStack { sp: 0, flags: SS_DISABLE, size: 0 });

/// Compat `sigaltstack`: records the alternate stack and reports it back.
/// Handlers here only ever run synchronously, inside the call that raised
/// the signal and on that thread's stack, so the recorded stack is never
/// switched to (nothing asynchronous, like a stack overflow, reaches a
/// handler).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigaltstack(ss: *const stack_t, old: *mut stack_t) -> c_int {
    let mut st = ALT_STACK.lock();
    if !ss.is_null() {
        // SAFETY: `ss` is readable (C contract).
        let new = unsafe { &*ss };
        if new.ss_flags & !SS_DISABLE != 0 {
            return Err(errno::INVAL).or_errno(-1);
        }
        if new.ss_flags & SS_DISABLE == 0 && new.ss_size < MINSIGSTKSZ {
            return Err(errno::NOMEM).or_errno(-1);
        }
    }
    if !old.is_null() {
        // SAFETY: `old` is writable (C contract).
        unsafe { old.write(stack_t { ss_sp: st.sp as *mut c_void, ss_flags: st.flags, ss_size: st.size }) };
    }
    if !ss.is_null() {
        // SAFETY: checked readable above.
        let new = unsafe { &*ss };
        *st = AltStack { sp: new.ss_sp as usize, flags: new.ss_flags, size: new.ss_size };
    }
    0
}
