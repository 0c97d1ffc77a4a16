//! C variadic arguments on x86_64 System V, without the unstable
//! `c_variadic` feature.
//!
//! A `va_list` is a pointer to [`VaListTag`]: offsets into a register save
//! area (the six integer argument registers, then eight SSE registers of
//! 16 bytes) and a pointer to the arguments passed on the stack. The `v*`
//! functions take that pointer and read it here. The variadic entry points
//! themselves (`printf(const char *, ...)`) are small assembly trampolines
//! made by [`variadic!`]: they spill the argument registers into a save
//! area on their stack, build a tag over it, and tail into the `v*`
//! function with the tag's address as its last argument.

/// The ABI's `__va_list_tag`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct VaListTag {
    gp_offset: u32,
    fp_offset: u32,
    overflow_arg_area: *mut u8,
    reg_save_area: *mut u8,
}

/// The save area holds 6 integer registers (48 bytes), then 8 SSE
/// registers of 16 bytes each.
const GP_END: u32 = 48;
const FP_END: u32 = 48 + 8 * 16;

/// An x87 80-bit `long double`: 64-bit significand with explicit integer
/// bit, then sign and 15-bit biased exponent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct F80 {
    pub mantissa: u64,
    pub sign_exp: u16,
}

/// Reads arguments from a `va_list` in order.
pub struct VaList {
    tag: *mut VaListTag,
}

impl VaList {
    /// # Safety
    /// `tag` is a live `va_list` whose remaining arguments are read with
    /// the types the format promises.
    pub unsafe fn new(tag: *mut VaListTag) -> VaList {
        VaList { tag }
    }

    /// The next integer-class argument (any integer or pointer type),
    /// as the 8 bytes of its slot.
    pub fn gp(&mut self) -> u64 {
        // SAFETY: `new`'s contract: the tag describes the caller's
        // arguments, and the format asks for an integer here.
        unsafe {
            let t = &mut *self.tag;
            if t.gp_offset < GP_END {
                let v = t.reg_save_area.add(t.gp_offset as usize).cast::<u64>().read();
                t.gp_offset += 8;
                v
            } else {
                let v = t.overflow_arg_area.cast::<u64>().read_unaligned();
                t.overflow_arg_area = t.overflow_arg_area.add(8);
                v
            }
        }
    }

    /// The next `double` argument.
    pub fn fp(&mut self) -> f64 {
        // SAFETY: as in `gp`, for a double.
        unsafe {
            let t = &mut *self.tag;
            if t.fp_offset < FP_END {
                let v = t.reg_save_area.add(t.fp_offset as usize).cast::<f64>().read_unaligned();
                t.fp_offset += 16;
                v
            } else {
                let v = t.overflow_arg_area.cast::<f64>().read_unaligned();
                t.overflow_arg_area = t.overflow_arg_area.add(8);
                v
            }
        }
    }

    /// The next `long double` argument (always passed in memory, 16-byte
    /// aligned).
    pub fn ld(&mut self) -> F80 {
        // SAFETY: as in `gp`, for a long double.
        unsafe {
            let t = &mut *self.tag;
            let p = ((t.overflow_arg_area as usize + 15) & !15) as *mut u8;
            let v = F80 { mantissa: p.cast::<u64>().read(), sign_exp: p.add(8).cast::<u16>().read() };
            t.overflow_arg_area = p.add(16);
            v
        }
    }
}

/// Defines the C variadic function `$name`, whose `$fixed` leading
/// arguments are all integers or pointers (1 to 5), as a trampoline into
/// `$target`, which takes the same leading arguments and then a
/// `*mut VaListTag`. `$reg` names the register of argument `$fixed + 1`.
#[macro_export]
macro_rules! variadic {
    ($name:literal, $fixed:literal, $reg:literal, $target:path) => {
        #[cfg(not(test))]
        core::arch::global_asm!(
            concat!(".pushsection .text.", $name, ",\"ax\",@progbits"),
            concat!(".globl ", $name),
            concat!(".type ", $name, ",@function"),
            ".p2align 4",
            concat!($name, ":"),
            // 176-byte register save area + 24-byte tag + 16 spare keeps
            // the stack 16-byte aligned at the call (entry rsp is 8 mod 16).
            "sub rsp, 216",
            "mov [rsp], rdi",
            "mov [rsp + 8], rsi",
            "mov [rsp + 16], rdx",
            "mov [rsp + 24], rcx",
            "mov [rsp + 32], r8",
            "mov [rsp + 40], r9",
            // %al holds how many vector registers carry arguments.
            "test al, al",
            "je 2f",
            "movaps [rsp + 48], xmm0",
            "movaps [rsp + 64], xmm1",
            "movaps [rsp + 80], xmm2",
            "movaps [rsp + 96], xmm3",
            "movaps [rsp + 112], xmm4",
            "movaps [rsp + 128], xmm5",
            "movaps [rsp + 144], xmm6",
            "movaps [rsp + 160], xmm7",
            "2:",
            concat!("mov dword ptr [rsp + 176], ", $fixed, " * 8"),
            "mov dword ptr [rsp + 180], 48",
            "lea rax, [rsp + 224]",
            "mov [rsp + 184], rax",
            "mov [rsp + 192], rsp",
            concat!("lea ", $reg, ", [rsp + 176]"),
            "call {target}",
            "add rsp, 216",
            "ret",
            concat!(".size ", $name, ", . - ", $name),
            ".popsection",
            target = sym $target,
        );
    };
}
