//! Access to the two units' control and status registers.

use super::X87Env;
use core::arch::asm;

/// MXCSR's exception flags are bits 0-5, its exception masks bits 7-12 and
/// its rounding field bits 13-14; the x87 control word has its masks in bits
/// 0-5 and its rounding field in bits 10-11, and its status word its flags
/// in bits 0-5.
pub const MXCSR_MASKS: u32 = 0x3f << 7;
pub const MXCSR_ROUND: u32 = 0x6000;
pub const X87_ROUND: u32 = 0x0c00;
pub const X87_ROUND_SHIFT: u32 = 3;
/// The status word's exception summary and busy bits, which go with the
/// flags: clearing the flags must clear them too.
pub const X87_SUMMARY: u32 = 0x8080;
/// Tag word for an empty register stack, which is what the stack is at every
/// function boundary.
pub const X87_EMPTY: u32 = 0xffff;

pub fn mxcsr() -> u32 {
    let mut v: u32 = 0;
    // SAFETY: stmxcsr stores 4 bytes at the given address.
    unsafe { asm!("stmxcsr [{}]", in(reg) &mut v, options(nostack, preserves_flags)) };
    v
}

pub fn set_mxcsr(v: u32) {
    // SAFETY: ldmxcsr reads 4 bytes; reserved bits are never set by callers,
    // which only change flag, mask and rounding bits of a value read back.
    unsafe { asm!("ldmxcsr [{}]", in(reg) &v, options(nostack, preserves_flags)) };
}

pub fn x87_env() -> X87Env {
    let mut e = X87Env { control: 0, status: 0, tag: 0, fpu_ipo: 0, fpu_ips: 0, fpu_dpo: 0, fpu_dps: 0 };
    // SAFETY: fnstenv stores 28 bytes, the size of X87Env. It also masks
    // every x87 exception as a side effect, so the control word it saved is
    // loaded back at once.
    unsafe {
        asm!(
            "fnstenv [{p}]",
            "fldcw [{p}]",
            p = in(reg) &mut e,
            options(nostack, preserves_flags),
        )
    };
    e
}

pub fn set_x87_env(e: &X87Env) {
    let e = X87Env { tag: X87_EMPTY, ..*e };
    // SAFETY: fldenv reads 28 bytes. The tag word is forced to "all empty"
    // because the register stack is empty here and must stay so.
    unsafe { asm!("fldenv [{}]", in(reg) &e, options(nostack, preserves_flags)) };
}
