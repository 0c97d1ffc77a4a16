//! sigemptyset, sigfillset, sigaddset, sigdelset, sigismember.

use super::valid;
use crate::abi::c_int;
use crate::errno::OrErrno;
use cloudabi::errno;

/// `sigset_t`: bit `n` stands for signal `n`.
pub type sigset_t = u64;

/// Every valid signal.
pub const FULL: sigset_t = ((1u64 << super::NSIG) - 1) & !1;

fn bit(sig: c_int) -> Result<sigset_t, cloudabi::errno> {
    if valid(sig) {
        Ok(1 << sig)
    } else {
        Err(errno::INVAL)
    }
}

/// POSIX `sigemptyset`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigemptyset(set: *mut sigset_t) -> c_int {
    // SAFETY: `set` is writable (C contract).
    unsafe { *set = 0 };
    0
}

/// POSIX `sigfillset`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigfillset(set: *mut sigset_t) -> c_int {
    // SAFETY: `set` is writable (C contract).
    unsafe { *set = FULL };
    0
}

/// POSIX `sigaddset`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigaddset(set: *mut sigset_t, sig: c_int) -> c_int {
    // SAFETY: `set` is writable (C contract).
    bit(sig).map(|b| unsafe { *set |= b }).map(|()| 0).or_errno(-1)
}

/// POSIX `sigdelset`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigdelset(set: *mut sigset_t, sig: c_int) -> c_int {
    // SAFETY: `set` is writable (C contract).
    bit(sig).map(|b| unsafe { *set &= !b }).map(|()| 0).or_errno(-1)
}

/// POSIX `sigismember`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn sigismember(set: *const sigset_t, sig: c_int) -> c_int {
    // SAFETY: `set` is readable (C contract).
    bit(sig).map(|b| c_int::from(unsafe { *set } & b != 0)).or_errno(-1)
}
