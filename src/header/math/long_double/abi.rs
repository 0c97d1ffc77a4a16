//! Calling convention glue for `long double` functions.
//!
//! The x86_64 System V ABI passes a `long double` argument in memory (16
//! bytes on the stack, in order after the return address) and returns one
//! in the x87 register `st(0)`; `_Complex long double` is two such values,
//! returned in `st(0)` (real) and `st(1)` (imaginary). Rust cannot declare
//! that, so each exported function is a naked entry that hands a Rust body
//! a pointer to its stack arguments and the two first integer-register
//! arguments (`rdi`, `rsi`), then moves the result where C expects it:
//!
//! - `ld`: the body writes an `F80` to a buffer, the entry loads it into
//!   `st(0)`;
//! - `cld`: the same with two values, into `st(0)` and `st(1)`;
//! - `reg`: the body returns through a register (`int`, `long`, `double`,
//!   `void`), so the entry just jumps to it; a `double` or `float` argument
//!   stays in `xmm0` for the body.

use super::f80::F80;

/// The next `long double` argument on the stack.
///
/// # Safety
/// `*args` points at a stack argument the C caller passed.
pub unsafe fn next(args: &mut *const F80) -> F80 {
    // SAFETY: the caller guarantees an argument is there; the next one, if
    // any, is 16 bytes further (one F80).
    unsafe {
        let v = **args;
        *args = args.add(1);
        v
    }
}

/// Defines exported `long double` functions; see the module comment. Each
/// takes its `long double` arguments by name, then after `;` its integer
/// or pointer arguments with their types, and gives the body computing the
/// result. A module of the function's name holds the body.
macro_rules! long_double {
    ($(#[$doc:meta])* ld $name:ident($($x:ident),* $(; $r0:ident: $t0:ty $(, $r1:ident: $t1:ty)?)?) => $body:expr) => {
        $(#[$doc])*
        #[unsafe(naked)]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                "sub rsp, 24",
                "mov rcx, rsi",
                "mov rdx, rdi",
                "mov rdi, rsp",
                "lea rsi, [rsp + 32]",
                "call {f}",
                "fld tbyte ptr [rsp]",
                "add rsp, 24",
                "ret",
                f = sym $name::body,
            )
        }

        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[allow(unused_mut, unused_variables)]
            pub unsafe extern "C" fn body(out: *mut F80, mut args: *const F80, r0: usize, r1: usize) {
                // SAFETY: the C caller passed these arguments (the
                // prototype in math.h says how many).
                $(let $x = unsafe { $crate::header::math::long_double::abi::next(&mut args) };)*
                $(let $r0 = r0 as $t0; $(let $r1 = r1 as $t1;)?)?
                let r: F80 = $body;
                // SAFETY: `out` is the entry's 16-byte buffer.
                unsafe { *out = r };
            }
        }
    };
    ($(#[$doc:meta])* cld $name:ident($($x:ident),*) => $body:expr) => {
        $(#[$doc])*
        #[unsafe(naked)]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                "sub rsp, 40",
                "mov rdi, rsp",
                "lea rsi, [rsp + 48]",
                "call {f}",
                "fld tbyte ptr [rsp + 16]",
                "fld tbyte ptr [rsp]",
                "add rsp, 40",
                "ret",
                f = sym $name::body,
            )
        }

        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[allow(unused_mut)]
            pub unsafe extern "C" fn body(out: *mut [F80; 2], mut args: *const F80) {
                // SAFETY: as for `ld`.
                $(let $x = unsafe { $crate::header::math::long_double::abi::next(&mut args) };)*
                let (re, im): (F80, F80) = $body;
                // SAFETY: `out` is the entry's 32-byte buffer.
                unsafe { *out = [re, im] };
            }
        }
    };
    ($(#[$doc:meta])* reg $name:ident($($x:ident),* $(; $r0:ident: $t0:ty $(, $r1:ident: $t1:ty)?)? $(| $f:ident: $ft:ty)?) -> $ret:ty => $body:expr) => {
        $(#[$doc])*
        #[unsafe(naked)]
        #[cfg_attr(not(test), no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                "mov rdx, rsi",
                "mov rsi, rdi",
                "lea rdi, [rsp + 8]",
                "jmp {f}",
                f = sym $name::body,
            )
        }

        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[allow(unused_mut, unused_variables)]
            pub unsafe extern "C" fn body(mut args: *const F80, r0: usize, r1: usize $(, $f: $ft)?) -> $ret {
                // SAFETY: as for `ld`.
                $(let $x = unsafe { $crate::header::math::long_double::abi::next(&mut args) };)*
                $(let $r0 = r0 as $t0; $(let $r1 = r1 as $t1;)?)?
                $body
            }
        }
    };
}
pub(crate) use long_double;
