//! `<setjmp.h>`: setjmp, longjmp, sigsetjmp, siglongjmp, and the compat
//! _setjmp, _longjmp.
//!
//! `struct __jmp_buf` (88 bytes) holds, at these byte offsets: 0 the
//! address setjmp returns to, 8 the stack pointer after that return,
//! 16 rbx, 24 rbp, 32 r12, 40 r13, 48 r14, 56 r15 (the registers the
//! x86-64 System V ABI makes callee-saved), 64 sigsetjmp's `savemask`
//! (0 for setjmp and _setjmp), 72..88 room for a signal mask.
//!
//! With a non-zero `savemask`, sigsetjmp stores the blocked-signal set of
//! the compat signal layer at offset 72, and a jump back to that buffer
//! restores it (which delivers signals that were raised while blocked).
//! The floating-point control words are not restored, as in glibc.
//!
//! longjmp(env, 0) makes setjmp return 1, as C11 requires.

#[cfg(not(test))]
core::arch::global_asm!(
    ".globl setjmp, _setjmp, sigsetjmp",
    ".type setjmp, @function",
    ".type _setjmp, @function",
    ".type sigsetjmp, @function",
    ".p2align 4",
    "setjmp:",
    "_setjmp:",
    "xor esi, esi",
    "sigsetjmp:",
    "mov rax, [rsp]",
    "mov [rdi], rax",
    "lea rax, [rsp + 8]",
    "mov [rdi + 8], rax",
    "mov [rdi + 16], rbx",
    "mov [rdi + 24], rbp",
    "mov [rdi + 32], r12",
    "mov [rdi + 40], r13",
    "mov [rdi + 48], r14",
    "mov [rdi + 56], r15",
    "mov [rdi + 64], esi",
    "mov dword ptr [rdi + 68], 0",
    "test esi, esi",
    "jz 3f",
    "push rdi",
    "call {save}",
    "pop rdi",
    "3:",
    "xor eax, eax",
    "ret",
    ".size setjmp, . - setjmp",
    ".size _setjmp, . - _setjmp",
    ".size sigsetjmp, . - sigsetjmp",
    "",
    ".globl longjmp, _longjmp, siglongjmp",
    ".type longjmp, @function",
    ".type _longjmp, @function",
    ".type siglongjmp, @function",
    ".p2align 4",
    "longjmp:",
    "_longjmp:",
    "siglongjmp:",
    "mov eax, esi",
    "test eax, eax",
    "jnz 2f",
    "inc eax",
    "2:",
    "cmp dword ptr [rdi + 64], 0",
    "je 4f",
    "push rdi",
    "push rax",
    "sub rsp, 8",
    "call {restore}",
    "add rsp, 8",
    "pop rax",
    "pop rdi",
    "4:",
    "mov rbx, [rdi + 16]",
    "mov rbp, [rdi + 24]",
    "mov r12, [rdi + 32]",
    "mov r13, [rdi + 40]",
    "mov r14, [rdi + 48]",
    "mov r15, [rdi + 56]",
    "mov rsp, [rdi + 8]",
    "jmp qword ptr [rdi]",
    ".size longjmp, . - longjmp",
    ".size _longjmp, . - _longjmp",
    ".size siglongjmp, . - siglongjmp",
    save = sym save_mask,
    restore = sym restore_mask,
);

/// Offset of the saved signal mask in `struct __jmp_buf`.
const MASK_OFFSET: usize = 72;

/// Stores the blocked-signal set into a jump buffer (called by sigsetjmp).
#[cfg(not(test))]
unsafe extern "C" fn save_mask(env: *mut u8) {
    let mut mask = 0;
    let _ = crate::header::signal::change_mask(crate::header::signal::SIG_BLOCK, core::ptr::null(), &mut mask);
    // SAFETY: `env` is the caller's jump buffer, 88 bytes long.
    unsafe { env.add(MASK_OFFSET).cast::<u64>().write_unaligned(mask) };
}

/// Restores the blocked-signal set from a jump buffer (called by longjmp).
#[cfg(not(test))]
unsafe extern "C" fn restore_mask(env: *const u8) {
    // SAFETY: `env` is a jump buffer that sigsetjmp filled.
    let mask = unsafe { env.add(MASK_OFFSET).cast::<u64>().read_unaligned() };
    let _ = crate::header::signal::change_mask(crate::header::signal::SIG_SETMASK, &mask, core::ptr::null_mut());
}
