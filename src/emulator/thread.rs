//! `thread_create`, `thread_exit` and `thread_yield` on Linux threads.
//!
//! A CloudABI thread is a Linux thread of the same thread group (`clone`
//! sharing memory, descriptors, filesystem state, signal handlers and
//! System V semaphore undo lists). Thread ids are Linux tids, which fit in
//! the 30 bits a lock word has for them (the kernel's `pid_max` is at most
//! 2^22). The new thread starts with the creator's thread pointer; the
//! libc installs the new thread's own before anything reads TLS.

use super::emulate;
use super::linux::{nr, result, syscall};
use cloudabi::{errno, lock, scope, threadattr, tid};

const CLONE_VM: usize = 0x100;
const CLONE_FS: usize = 0x200;
const CLONE_FILES: usize = 0x400;
const CLONE_SIGHAND: usize = 0x800;
const CLONE_THREAD: usize = 0x10000;
const CLONE_SYSVSEM: usize = 0x40000;
const THREAD_FLAGS: usize = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM;

/// Starts a thread whose stack pointer is `sp`, where the argument and then
/// the entry point lie; returns the kernel's raw result (the new tid).
///
/// The new thread runs only the instructions in this block: it never
/// returns into Rust code, so it never touches the creator's stack frame.
/// It calls `entry(gettid(), argument)` with the stack aligned as the ABI
/// wants, and exits the thread should the entry point ever return.
///
/// # Safety
/// `sp` must be 16-byte aligned, hold those two words, and lie in memory
/// reserved for the new thread's stack.
unsafe fn clone_thread(sp: *mut usize) -> isize {
    let ret: isize;
    // SAFETY: the x86_64 clone convention (flags, stack, parent tid, child
    // tid, tls); the child path ends in exit and never falls through.
    unsafe {
        core::arch::asm!(
            "syscall",
            "test rax, rax",
            "jnz 2f",
            "xor ebp, ebp",
            "mov eax, {gettid}",
            "syscall",
            "mov edi, eax",
            "pop rsi",
            "pop rax",
            "call rax",
            "mov eax, {exit}",
            "xor edi, edi",
            "syscall",
            "ud2",
            "2:",
            gettid = const nr::GETTID,
            exit = const nr::EXIT,
            inlateout("rax") nr::CLONE as isize => ret,
            in("rdi") THREAD_FLAGS,
            in("rsi") sp,
            in("rdx") 0usize,
            in("r10") 0usize,
            in("r8") 0usize,
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack),
        );
    }
    ret
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_thread_create(attr: *mut threadattr, out: *mut tid) -> errno {
    emulate(|| {
        // SAFETY: the caller passes valid attributes.
        let a = unsafe { &*attr };
        let (base, len) = (a.stack.0 as usize, a.stack.1);
        let top = base.checked_add(len).ok_or(errno::INVAL)? & !15;
        if base == 0 || top < base + 16 {
            return Err(errno::INVAL);
        }
        let sp = (top - 16) as *mut usize;
        // SAFETY: both words lie inside the new stack, which nothing uses yet.
        unsafe {
            sp.write(a.argument as usize);
            sp.add(1).write(a.entry_point as usize);
        }
        // The thread starts with timer signals blocked: their handler may
        // read thread-local storage, which the libc sets up first thing.
        // SAFETY: `sp` is aligned and prepared as `clone_thread` needs.
        let t = result(super::signal::blocked(|| unsafe { clone_thread(sp) }))?;
        // SAFETY: the caller passes a writable tid.
        unsafe { out.write(tid(t as u32)) };
        Ok(())
    })
}

/// Ends the calling thread and then unlocks `l`: the kernel clears the
/// word registered with `set_tid_address` and wakes a waiter on it once
/// the thread is gone, so a thread joining through the lock may free this
/// thread's stack the moment it acquires it.
#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_thread_exit(l: *mut lock, _scope: scope) -> ! {
    // SAFETY: the lock word outlives the thread (its joiner owns it).
    unsafe { syscall!(nr::SET_TID_ADDRESS, l) };
    loop {
        // SAFETY: exit ends only this thread and does not return.
        unsafe { syscall!(nr::EXIT, 0) };
    }
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_thread_yield() -> errno {
    // SAFETY: no arguments.
    emulate(|| result(unsafe { syscall!(nr::SCHED_YIELD) }).map(drop))
}
