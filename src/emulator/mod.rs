//! The CloudABI system calls, emulated on Linux (x86_64).
//!
//! Every `cloudabi_sys_*` symbol the `cloudabi` crate declares is defined in
//! one of these files, all with the same shape: look the descriptor up in the
//! table (rights checked there), issue the Linux call (errors translated in
//! `linux::result`), write the outputs. This is the only code in the library
//! that knows Linux.

pub mod clock;
pub mod create;
pub mod entry;
pub mod exec;
pub mod fd;
pub mod fdtable;
pub mod futex;
pub mod held;
pub mod file;
pub mod file_ext;
pub mod file_lock;
pub mod lookup;
pub mod linux;
pub mod lock;
pub mod memory;
pub mod poll;
pub mod proc;
pub mod random;
pub mod rights;
pub mod signal;
pub mod sock;
pub mod sock_ext;
pub mod thread;

use cloudabi::errno;

/// Runs an emulated call and turns its result into the errno it returns.
#[inline(always)]
pub fn emulate(f: impl FnOnce() -> Result<(), errno>) -> errno {
    match f() {
        Ok(()) => errno::SUCCESS,
        Err(e) => e,
    }
}
