//! `<setjmp.h>`: setjmp, longjmp, sigsetjmp, siglongjmp, and the compat
//! _setjmp, _longjmp.
//!
//! `struct __jmp_buf` (88 bytes) holds, at these byte offsets: 0 the
//! address setjmp returns to, 8 the stack pointer after that return,
//! 16 rbx, 24 rbp, 32 r12, 40 r13, 48 r14, 56 r15 (the registers the
//! x86-64 System V ABI makes callee-saved), 64 sigsetjmp's `savemask`
//! (0 for setjmp and _setjmp), 72..88 room for a signal mask.
//!
//! The signal mask is not saved yet: signals are emulated by the compat
//! layer, which has no per-thread mask to save so far. sigsetjmp records
//! `savemask` so that restoring the mask can be added in siglongjmp
//! without changing the layout. The floating-point control words are not
//! restored either, as in glibc.
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
);
