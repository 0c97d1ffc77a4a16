//! strsignal, strsignal_l: the texts of CloudABI's signal numbers.

use super::message::{unknown, Owner};
use crate::abi::{c_char, c_int, locale_t};
use cloudabi::signal as s;
use core::ffi::CStr;

/// The text of every signal number from 1, in numeric order (checked below).
const TEXTS: [(s, &CStr); 26] = [
    (s::ABRT, c"Aborted"),
    (s::ALRM, c"Alarm clock"),
    (s::BUS, c"Bus error"),
    (s::CHLD, c"Child exited"),
    (s::CONT, c"Continued"),
    (s::FPE, c"Floating point exception"),
    (s::HUP, c"Hangup"),
    (s::ILL, c"Illegal instruction"),
    (s::INT, c"Interrupt"),
    (s::KILL, c"Killed"),
    (s::PIPE, c"Broken pipe"),
    (s::QUIT, c"Quit"),
    (s::SEGV, c"Segmentation fault"),
    (s::STOP, c"Stopped (signal)"),
    (s::SYS, c"Bad system call"),
    (s::TERM, c"Terminated"),
    (s::TRAP, c"Trace/breakpoint trap"),
    (s::TSTP, c"Stopped"),
    (s::TTIN, c"Stopped (tty input)"),
    (s::TTOU, c"Stopped (tty output)"),
    (s::URG, c"Urgent I/O condition"),
    (s::USR1, c"User defined signal 1"),
    (s::USR2, c"User defined signal 2"),
    (s::VTALRM, c"Virtual timer expired"),
    (s::XCPU, c"CPU time limit exceeded"),
    (s::XFSZ, c"File size limit exceeded"),
];

const _: () = {
    let mut i = 0;
    while i < TEXTS.len() {
        assert!(TEXTS[i].0 as usize == i + 1, "TEXTS is not in numeric order");
        i += 1;
    }
};

/// POSIX `strsignal`: the text of signal `n`; for an unknown number,
/// "Unknown signal: N" in a per-thread buffer.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn strsignal(n: c_int) -> *mut c_char {
    match usize::try_from(n).ok().and_then(|i| TEXTS.get(i.wrapping_sub(1))) {
        Some(t) => t.1.as_ptr().cast_mut(),
        None => unknown(Owner::Strsignal, b"Unknown signal: ", n),
    }
}

/// `strsignal_l` (cloudlibc): strsignal in locale `l` (every locale speaks
/// English).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn strsignal_l(n: c_int, _l: locale_t) -> *mut c_char {
    strsignal(n)
}
