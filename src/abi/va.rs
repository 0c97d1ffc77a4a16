//! C variadic functions on stable Rust.
//!
//! Rust cannot define `...` functions without an unstable feature, so each
//! variadic C function is a small assembly entry (made by [`variadic!`])
//! that does what a C compiler does in a variadic prologue on x86_64: it
//! spills the six integer argument registers and, when `%al` says vector
//! registers carry arguments, `%xmm0`-`%xmm7` into a register save area,
//! builds a System V `va_list` over it and the caller's stack arguments,
//! and calls the Rust implementation with a pointer to that `va_list` as
//! one extra argument. [`VaList`] has exactly the layout of gcc's
//! `__builtin_va_list` element, so the same Rust implementation serves the
//! `v*` functions that C calls with its own `va_list`.

/// The System V x86_64 `va_list` (one element of gcc's `__builtin_va_list`).
#[repr(C)]
pub struct VaList {
    gp_offset: u32,
    fp_offset: u32,
    overflow_arg_area: *mut u8,
    reg_save_area: *mut u8,
}

const GP_END: u32 = 6 * 8;
const FP_END: u32 = GP_END + 8 * 16;

/// The pointer C passes for a `va_list` parameter.
pub type VaListPtr = *mut VaList;

impl VaList {
    /// The next integer-class argument (int, long, pointer, ...), as 64 bits.
    ///
    /// # Safety
    /// The caller passed such an argument at this position.
    pub unsafe fn gp(&mut self) -> u64 {
        // SAFETY: the prologue filled the save area; past it, the arguments
        // lie in the caller's frame, 8 bytes each.
        unsafe {
            if self.gp_offset < GP_END {
                let v = self.reg_save_area.add(self.gp_offset as usize).cast::<u64>().read();
                self.gp_offset += 8;
                v
            } else {
                let v = self.overflow_arg_area.cast::<u64>().read_unaligned();
                self.overflow_arg_area = self.overflow_arg_area.add(8);
                v
            }
        }
    }

    /// The next `double` argument (a `float` argument was promoted to it).
    ///
    /// # Safety
    /// The caller passed a double at this position.
    pub unsafe fn fp(&mut self) -> f64 {
        // SAFETY: as in `gp`, with 16-byte slots for vector registers.
        unsafe {
            if self.fp_offset < FP_END {
                let v = self.reg_save_area.add(self.fp_offset as usize).cast::<f64>().read();
                self.fp_offset += 16;
                v
            } else {
                let v = self.overflow_arg_area.cast::<f64>().read_unaligned();
                self.overflow_arg_area = self.overflow_arg_area.add(8);
                v
            }
        }
    }

    /// The next `long double` argument, as its 16 raw bytes (x87 80-bit
    /// value in the low 10). Always passed in memory, 16-byte aligned.
    ///
    /// # Safety
    /// The caller passed a long double at this position.
    pub unsafe fn long_double(&mut self) -> [u8; 16] {
        let p = ((self.overflow_arg_area as usize + 15) & !15) as *mut u8;
        // SAFETY: the argument occupies 16 aligned bytes in the caller's frame.
        unsafe {
            let v = p.cast::<[u8; 16]>().read();
            self.overflow_arg_area = p.add(16);
            v
        }
    }

    /// The next pointer argument.
    ///
    /// # Safety
    /// The caller passed a pointer at this position.
    pub unsafe fn ptr<T>(&mut self) -> *mut T {
        // SAFETY: forwarded contract.
        unsafe { self.gp() as usize as *mut T }
    }

    /// The next `int` (or smaller, promoted) argument.
    ///
    /// # Safety
    /// The caller passed an int at this position.
    pub unsafe fn int(&mut self) -> i32 {
        // SAFETY: forwarded contract; the upper half of the slot is unspecified.
        unsafe { self.gp() as u32 as i32 }
    }

    /// A copy for `va_copy` semantics (reading the copy leaves `self` as is).
    pub fn copy(&self) -> VaList {
        VaList {
            gp_offset: self.gp_offset,
            fp_offset: self.fp_offset,
            overflow_arg_area: self.overflow_arg_area,
            reg_save_area: self.reg_save_area,
        }
    }
}

/// Defines the exported variadic C function `$name`, taking `$gp` fixed
/// integer-class and `$fp` fixed floating-point arguments, whose body is
/// `$imp`: an `extern "C"` function taking the fixed arguments and then a
/// [`VaListPtr`]. `$reg` names the integer register after the fixed ones,
/// which carries that pointer (rsi, rdx, rcx, r8 or r9).
#[macro_export]
macro_rules! variadic {
    ($name:literal => $imp:path, gp = $gp:literal, fp = $fp:literal, reg = $reg:literal) => {
        #[cfg(not(test))]
        core::arch::global_asm!(
            concat!(".globl ", $name),
            concat!(".type ", $name, ", @function"),
            concat!($name, ":"),
            "push rbp",
            "mov rbp, rsp",
            "sub rsp, 208",
            "mov [rsp], rdi",
            "mov [rsp + 8], rsi",
            "mov [rsp + 16], rdx",
            "mov [rsp + 24], rcx",
            "mov [rsp + 32], r8",
            "mov [rsp + 40], r9",
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
            "mov dword ptr [rsp + 176], {gp_off}",
            "mov dword ptr [rsp + 180], {fp_off}",
            "lea rax, [rbp + 16]",
            "mov [rsp + 184], rax",
            "mov [rsp + 192], rsp",
            concat!("lea ", $reg, ", [rsp + 176]"),
            "call {imp}",
            "leave",
            "ret",
            concat!(".size ", $name, ", . - ", $name),
            imp = sym $imp,
            gp_off = const $gp * 8,
            fp_off = const 48 + $fp * 16,
        );
    };
}
