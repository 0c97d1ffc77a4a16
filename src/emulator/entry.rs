//! The Linux entry point. The kernel starts us at `_start` with argc, argv,
//! envp and the Linux auxiliary vector on the stack; this file turns that
//! into what a CloudABI kernel provides (a CloudABI auxiliary vector with the
//! argdata, and a descriptor table with rights) and calls the portable
//! CloudABI start-up code in `start/`.
//!
//! Started by `cloudabi-run` or by `proc_exec` (see `exec.rs`), the process
//! finds a handoff descriptor named by the `CLOUDABI_HANDOFF` variable (see
//! `argdata::handoff`). Started directly
//! from a shell, it gets only its standard descriptors 0, 1 and 2 with the
//! rights their types allow, and argdata built from argv and the environment
//! (`argv0`, `args`, `env`, `stdin`, `stdout`, `stderr`).

// Under `cargo test` the host libc owns the entry point, so most of this is unused.
#![cfg_attr(test, allow(dead_code))]

use super::fdtable;
use super::linux::{self, nr, result, syscall};
use super::rights;
use argdata::Writer;
use cloudabi::{auxtype, auxv, auxv_union};

#[cfg(not(test))]
core::arch::global_asm!(
    ".globl _start",
    ".type _start, @function",
    "_start:",
    "xor ebp, ebp",
    "mov rdi, rsp",
    "and rsp, -16",
    "call {entry}",
    "ud2",
    entry = sym linux_entry,
);

const AT_PHDR: usize = 3;
const AT_PHNUM: usize = 5;
const AT_PAGESZ: usize = 6;
const AT_RANDOM: usize = 25;
const AT_SYSINFO_EHDR: usize = 33;

struct LinuxStart {
    argv: &'static [*const u8],
    envp: &'static [*const u8],
    phdr: usize,
    phnum: usize,
    pagesz: usize,
    random: usize,
    vdso: usize,
}

/// # Safety
/// `sp` is the initial stack pointer the kernel gave `_start`.
unsafe fn parse_stack(sp: *const usize) -> LinuxStart {
    // SAFETY: the kernel lays out argc, argv[argc], NULL, envp..., NULL, auxv.
    unsafe {
        let argc = *sp;
        let argv_p = sp.add(1) as *const *const u8;
        let argv = core::slice::from_raw_parts(argv_p, argc);
        let envp_p = argv_p.add(argc + 1);
        let mut envc = 0;
        while !(*envp_p.add(envc)).is_null() {
            envc += 1;
        }
        let envp = core::slice::from_raw_parts(envp_p, envc);
        let mut aux = envp_p.add(envc + 1) as *const usize;
        let mut s = LinuxStart { argv, envp, phdr: 0, phnum: 0, pagesz: 4096, random: 0, vdso: 0 };
        while *aux != 0 {
            let v = *aux.add(1);
            match *aux {
                AT_PHDR => s.phdr = v,
                AT_PHNUM => s.phnum = v,
                AT_PAGESZ => s.pagesz = v,
                AT_RANDOM => s.random = v,
                AT_SYSINFO_EHDR => s.vdso = v,
                _ => {}
            }
            aux = aux.add(2);
        }
        s
    }
}

/// # Safety
/// `p` points at a NUL-terminated string that lives for the process.
unsafe fn cstr(p: *const u8) -> &'static [u8] {
    let mut n = 0;
    // SAFETY: the string is NUL-terminated.
    unsafe {
        while *p.add(n) != 0 {
            n += 1;
        }
        core::slice::from_raw_parts(p, n)
    }
}

fn map_anon(len: usize) -> &'static mut [u8] {
    const PROT_RW: usize = 3;
    const MAP_PRIVATE_ANON: usize = 0x22;
    // SAFETY: a fresh anonymous mapping is ours alone.
    let r = unsafe { syscall!(nr::MMAP, 0, len.max(1), PROT_RW, MAP_PRIVATE_ANON, -1isize, 0) };
    match result(r) {
        // SAFETY: the mapping is `len` writable bytes, never unmapped.
        Ok(p) => unsafe { core::slice::from_raw_parts_mut(p as *mut u8, len) },
        Err(_) => die(b"cloudlibc: out of memory at start-up\n"),
    }
}

fn die(msg: &[u8]) -> ! {
    // SAFETY: writing a static message to stderr, then exiting.
    unsafe {
        syscall!(nr::WRITE, 2, msg.as_ptr(), msg.len());
        syscall!(nr::EXIT_GROUP, 71);
    }
    unreachable!()
}

/// Reads the handoff the launcher left, installs the rights it lists, and
/// returns the program's argdata.
fn take_handoff(envp: &[*const u8]) -> Option<&'static [u8]> {
    let prefix = argdata::handoff::ENV_VAR.as_bytes();
    let num = envp.iter().find_map(|&e| {
        // SAFETY: environment strings are NUL-terminated and live forever.
        let s = unsafe { cstr(e) };
        s.strip_prefix(prefix)?.strip_prefix(b"=")
    })?;
    let mut hfd: i32 = 0;
    for &d in num {
        if !d.is_ascii_digit() || hfd > 100_000 {
            die(b"cloudlibc: malformed CLOUDABI_HANDOFF\n");
        }
        hfd = hfd * 10 + i32::from(d - b'0');
    }
    let size = match linux::fstatx(hfd) {
        Ok(st) => st.stx_size as usize,
        Err(_) => die(b"cloudlibc: CLOUDABI_HANDOFF names no open descriptor\n"),
    };
    let buf = map_anon(size);
    let mut got = 0;
    while got < size {
        // SAFETY: reading into the fresh mapping, within its length.
        match result(unsafe { syscall!(nr::PREAD64, hfd, buf.as_mut_ptr().add(got), size - got, got) }) {
            Ok(0) | Err(_) => die(b"cloudlibc: cannot read the handoff\n"),
            Ok(n) => got += n,
        }
    }
    linux::close(hfd);
    let Ok((ad, fds)) = argdata::handoff::decode(buf) else { die(b"cloudlibc: malformed handoff\n") };
    for f in fds {
        let Ok(f) = f else { die(b"cloudlibc: malformed handoff\n") };
        let t = fdtable::type_of_linux_fd(f.fd as i32).unwrap_or_else(|_| die(b"cloudlibc: handoff names a closed descriptor\n"));
        if fdtable::install(f.fd as i32, t, f.base, f.inheriting).is_err() {
            die(b"cloudlibc: handoff descriptor out of range\n");
        }
    }
    Some(ad)
}

/// Started without the launcher: grant 0, 1 and 2 (if open) and describe
/// argv and the environment as argdata.
fn direct_start(s: &LinuxStart) -> &'static [u8] {
    let mut std_open = [false; 3];
    for (i, open) in std_open.iter_mut().enumerate() {
        if let Ok(t) = fdtable::type_of_linux_fd(i as i32) {
            let (b, inh) = rights::max_for(t);
            *open = fdtable::install(i as i32, t, b, inh).is_ok();
        }
    }
    let write = |w: &mut Writer| {
        w.map_start();
        if let Some(&a0) = s.argv.first() {
            w.entry(|w| w.str(b"argv0"));
            // SAFETY: argv strings are NUL-terminated and live forever.
            w.entry(|w| w.str(unsafe { cstr(a0) }));
        }
        w.entry(|w| w.str(b"args"));
        w.entry(|w| {
            w.seq_start();
            for &a in s.argv.iter().skip(1) {
                // SAFETY: as above.
                w.entry(|w| w.str(unsafe { cstr(a) }));
            }
        });
        w.entry(|w| w.str(b"env"));
        w.entry(|w| {
            w.map_start();
            for &e in s.envp {
                // SAFETY: as above.
                let kv = unsafe { cstr(e) };
                if let Some(eq) = kv.iter().position(|&c| c == b'=') {
                    w.entry(|w| w.str(&kv[..eq]));
                    w.entry(|w| w.str(&kv[eq + 1..]));
                }
            }
        });
        for (i, name) in [&b"stdin"[..], b"stdout", b"stderr"].into_iter().enumerate() {
            if std_open[i] {
                w.entry(|w| w.str(name));
                w.entry(|w| w.fd(i as u32));
            }
        }
    };
    let mut c = Writer::counter();
    write(&mut c);
    let buf = map_anon(c.len());
    let mut w = Writer::new(buf);
    write(&mut w);
    let n = w.len();
    &map_slice(buf)[..n]
}

fn map_slice(b: &'static mut [u8]) -> &'static [u8] {
    b
}

/// The Linux handler values of the default action and of ignoring.
pub(super) const SIG_DFL: usize = 0;
pub(super) const SIG_IGN: usize = 1;

/// Sets the Linux action of a signal: a handler value of `SIG_DFL` is the
/// default action, `SIG_IGN` ignores it.
pub(super) fn set_action(sig: usize, handler: usize) {
    // Linux `struct k_sigaction`: handler, flags, restorer, mask.
    let act: [usize; 4] = [handler, 0, 0, 0];
    // SAFETY: `act` is a valid kernel sigaction; no old action is requested.
    unsafe { syscall!(nr::RT_SIGACTION, sig, act.as_ptr(), 0, 8) };
}

/// CloudABI has no SIGPIPE: writing to a closed pipe or socket fails with
/// EPIPE. Linux would kill the process instead, unless it is ignored.
/// SIGCHLD must not be ignored, whatever the program was started with: an
/// ignored SIGCHLD makes Linux reap children at once, and `proc_fork`'s
/// children could then not report how they ended. The timer signals start
/// unblocked, as the program's own signal mask starts empty.
fn set_signal_actions() {
    const SIGPIPE: usize = 13;
    const SIGCHLD: usize = 17;
    set_action(SIGPIPE, SIG_IGN);
    set_action(SIGCHLD, SIG_DFL);
    super::signal::unblock_at_start();
}

/// The number of CPUs this process may run on.
fn online_cpus() -> usize {
    let mut mask = [0u64; 16];
    // SAFETY: `mask` is writable for its size; the kernel writes at most that.
    let r = unsafe { syscall!(nr::SCHED_GETAFFINITY, 0, core::mem::size_of_val(&mask), mask.as_mut_ptr()) };
    match result(r) {
        Ok(n) => mask[..n / 8].iter().map(|w| w.count_ones() as usize).sum::<usize>().max(1),
        Err(_) => 1,
    }
}

/// Called by `_start` with the initial stack pointer.
unsafe extern "C" fn linux_entry(sp: *const usize) -> ! {
    // SAFETY: `sp` is the kernel's initial stack pointer.
    let s = unsafe { parse_stack(sp) };
    set_signal_actions();
    let ad = take_handoff(s.envp).unwrap_or_else(|| direct_start(&s));
    let entry = |tag: auxtype, v: usize| auxv { a_type: tag, union: auxv_union { a_val: v } };
    let vec = [
        entry(auxtype::ARGDATA, ad.as_ptr() as usize),
        entry(auxtype::ARGDATALEN, ad.len()),
        entry(auxtype::PHDR, s.phdr),
        entry(auxtype::PHNUM, s.phnum),
        entry(auxtype::PAGESZ, s.pagesz),
        entry(auxtype::CANARY, s.random),
        entry(auxtype::CANARYLEN, if s.random != 0 { 16 } else { 0 }),
        entry(auxtype::SYSINFO_EHDR, s.vdso),
        entry(auxtype::NCPUS, online_cpus()),
        // SAFETY: gettid has no arguments.
        entry(auxtype::TID, unsafe { syscall!(nr::GETTID) } as usize),
        entry(auxtype::NULL, 0),
    ];
    // SAFETY: the vector is terminated by NULL and outlives start-up.
    unsafe { crate::start::start(vec.as_ptr()) }
}

/// Installs the thread pointer (the `%fs` base). CloudABI kernels provide
/// the thread pointer themselves; on Linux the emulator sets it for start-up.
///
/// # Safety
/// `tp` must point at a TCB whose first word is its own address.
pub unsafe fn set_thread_pointer(tp: *mut u8) {
    const ARCH_SET_FS: usize = 0x1002;
    // SAFETY: the caller vouches for the TCB.
    if unsafe { syscall!(nr::ARCH_PRCTL, ARCH_SET_FS, tp) } != 0 {
        die(b"cloudlibc: cannot set the thread pointer\n");
    }
}
