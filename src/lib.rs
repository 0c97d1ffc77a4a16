//! A cloudlibc-compatible C library in `no_std` Rust.
//!
//! Layers, top to bottom (see DESIGN.md): `header/` holds one module per C
//! header and speaks only CloudABI through `sys`; `compat/` gives the calls
//! cloudlibc removed a capability-safe meaning; `start/` is the portable
//! CloudABI entry; `emulator/` is the only code that knows Linux and provides
//! the 49 `cloudabi_sys_*` calls.
#![cfg_attr(not(test), no_std)]
#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case, clippy::missing_safety_doc)]

pub mod abi;
pub mod compat;
pub mod cptr;
pub mod errno;
pub mod header;
pub mod start;
pub mod sync;
pub mod sys;

#[cfg(target_os = "linux")]
pub mod emulator;

#[cfg(not(test))]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    start::fatal::panic(info)
}

/// The unwinding personality routine that `core`'s precompiled code (the
/// panic handler's formatting, for one) refers to from its unwind tables.
/// Everything here is built with `panic = "abort"`, so nothing unwinds and
/// it is never called; it only has to exist for C programs to link.
#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn rust_eh_personality() {}
