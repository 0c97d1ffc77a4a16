//! The seccomp filter: the system calls the emulator and start-up issue,
//! and nothing else. The BPF program is written here rather than with a
//! filter crate because it needs several outcomes per call (allow, EPERM,
//! ENOSYS, kill) and arguments compared on their low 32 bits.
//!
//! What the filter decides, in order:
//! - any architecture but x86_64 (including the i386 `int $0x80` entry of a
//!   64-bit process) and every x32 call (number with bit 30 set) kill the
//!   process;
//! - calls in [`ALLOWED`] pass, once their argument conditions hold;
//! - `clone3` and the `io_uring` calls fail with ENOSYS, so that code
//!   probing for them falls back to the calls it has;
//! - everything else fails with EPERM: no `open`/`stat` path forms, no
//!   `socket`, `ptrace`, `process_vm_*`, `mount`, `bpf`, `kill`, ...

use libc::{sock_filter, sock_fprog};
use std::io;

/// `seccomp_data.arch` of a 64-bit x86 call and of a 32-bit (`int $0x80`) one.
const AUDIT_ARCH_X86_64: u32 = 0xc000_003e;
#[cfg(test)]
const AUDIT_ARCH_I386: u32 = 0x4000_0003;
/// The bit that marks the x32 system call numbers.
const X32_SYSCALL_BIT: u32 = 0x4000_0000;
/// `AT_FDCWD` as the kernel reads a dirfd argument: as a 32-bit int.
const AT_FDCWD: u32 = libc::AT_FDCWD as u32;

/// Offsets into `struct seccomp_data`.
const NR: u32 = 0;
const ARCH: u32 = 4;
/// The low 32 bits of argument `i` (x86_64 is little-endian). Every
/// argument the filter inspects is an int or flag word the kernel truncates
/// to 32 bits, so the high half cannot change what the call does.
const fn arg(i: u32) -> u32 {
    16 + 8 * i
}

/// What must hold of an allowed call's arguments.
#[derive(Copy, Clone, Debug)]
pub enum Cond {
    /// A directory argument is not `AT_FDCWD`: lookups start only at
    /// descriptors, which Landlock confines.
    NotCwd(u32),
    /// The argument is one of the values.
    OneOf(u32, &'static [u32]),
    /// `arg & mask == value`.
    Masked(u32, u32, u32),
    /// At least one of the conditions holds.
    Either(&'static [Cond]),
}

/// A system call the program may issue, and on what conditions.
pub struct Allowed {
    pub nr: libc::c_long,
    pub conds: &'static [Cond],
}

const fn any(nr: libc::c_long) -> Allowed {
    Allowed { nr, conds: &[] }
}

const fn only(nr: libc::c_long, conds: &'static [Cond]) -> Allowed {
    Allowed { nr, conds }
}

/// Flags a thread's `clone` must have (it shares memory and the thread
/// group) and those it must not (new namespaces).
const CLONE_REQUIRED: u32 = (libc::CLONE_VM | libc::CLONE_THREAD | libc::CLONE_SIGHAND) as u32;
const CLONE_FORBIDDEN: u32 = (libc::CLONE_NEWNS
    | libc::CLONE_NEWCGROUP
    | libc::CLONE_NEWUTS
    | libc::CLONE_NEWIPC
    | libc::CLONE_NEWUSER
    | libc::CLONE_NEWPID
    | libc::CLONE_NEWNET) as u32;
/// The one `clone` that makes a process, `proc_fork`'s: a plain fork that
/// returns a pidfd (the child's process descriptor) and signals its end
/// with SIGCHLD; nothing shared, no namespaces, no vfork.
const FORK: u32 = (libc::SIGCHLD | libc::CLONE_PIDFD) as u32;
/// `waitid`'s `P_PIDFD`: only children the program holds descriptors of.
const P_PIDFD: u32 = 3;

/// `fcntl` commands: descriptor flags, duplication, locks, seals, pipe
/// sizes. Left out are those that aim signals at other processes
/// (`F_SETOWN`, `F_SETSIG`, `F_SETLEASE`, `F_NOTIFY`).
const FCNTL_COMMANDS: &[u32] = &[
    libc::F_DUPFD as u32,
    libc::F_GETFD as u32,
    libc::F_SETFD as u32,
    libc::F_GETFL as u32,
    libc::F_SETFL as u32,
    libc::F_GETLK as u32,
    libc::F_SETLK as u32,
    libc::F_SETLKW as u32,
    libc::F_OFD_GETLK as u32,
    libc::F_OFD_SETLK as u32,
    libc::F_OFD_SETLKW as u32,
    libc::F_DUPFD_CLOEXEC as u32,
    libc::F_SETPIPE_SZ as u32,
    libc::F_GETPIPE_SZ as u32,
    libc::F_ADD_SEALS as u32,
    libc::F_GET_SEALS as u32,
];

/// The mode bits that would let whoever runs a file act as its owner or group.
const SET_ID_BITS: u32 = libc::S_ISUID | libc::S_ISGID;

const ARCH_SET_FS: u32 = 0x1002;
const ARCH_GET_FS: u32 = 0x1003;

/// The allowlist: every call in `src/emulator/` (and the start-up code),
/// including those declared there for the poll, socket and thread work.
/// Path calls are the `*at` forms only, never from `AT_FDCWD`.
pub const ALLOWED: &[Allowed] = &[
    // Descriptors and data.
    any(libc::SYS_read),
    any(libc::SYS_write),
    any(libc::SYS_readv),
    any(libc::SYS_writev),
    any(libc::SYS_pread64),
    any(libc::SYS_pwrite64),
    any(libc::SYS_preadv),
    any(libc::SYS_pwritev),
    any(libc::SYS_lseek),
    any(libc::SYS_close),
    any(libc::SYS_dup),
    any(libc::SYS_dup3),
    any(libc::SYS_fstat),
    any(libc::SYS_fstatfs),
    // Permission bits only through a descriptor, which Landlock checked
    // when it was opened (path-only descriptors fail with EBADF); never
    // the set-user-ID or set-group-ID bits.
    only(libc::SYS_fchmod, &[Cond::Masked(1, SET_ID_BITS, 0)]),
    any(libc::SYS_fsync),
    any(libc::SYS_fdatasync),
    any(libc::SYS_ftruncate),
    any(libc::SYS_fallocate),
    any(libc::SYS_fadvise64),
    any(libc::SYS_getdents64),
    only(libc::SYS_fcntl, &[Cond::OneOf(1, FCNTL_COMMANDS)]),
    // Whole-file locks bind only other holders of the same file.
    any(libc::SYS_flock),
    // The creation mask narrows only the modes of the process's own new
    // files.
    any(libc::SYS_umask),
    only(libc::SYS_ioctl, &[Cond::OneOf(1, &[libc::FIONREAD as u32])]),
    // Paths, beneath descriptors only.
    only(libc::SYS_openat2, &[Cond::NotCwd(0)]),
    // Not used by the emulator, but harmless beneath a descriptor (Landlock
    // decides) and what measurements against raw Linux calls issue.
    only(libc::SYS_openat, &[Cond::NotCwd(0)]),
    only(libc::SYS_statx, &[Cond::NotCwd(0)]),
    only(libc::SYS_newfstatat, &[Cond::NotCwd(0)]),
    only(libc::SYS_readlinkat, &[Cond::NotCwd(0)]),
    only(libc::SYS_mkdirat, &[Cond::NotCwd(0)]),
    only(libc::SYS_unlinkat, &[Cond::NotCwd(0)]),
    only(libc::SYS_utimensat, &[Cond::NotCwd(0)]),
    only(libc::SYS_symlinkat, &[Cond::NotCwd(1)]),
    only(libc::SYS_linkat, &[Cond::NotCwd(0), Cond::NotCwd(2)]),
    only(libc::SYS_renameat2, &[Cond::NotCwd(0), Cond::NotCwd(2)]),
    // The launcher's own exec and `proc_exec`: a descriptor, never a path.
    only(
        libc::SYS_execveat,
        &[Cond::NotCwd(0), Cond::Masked(4, libc::AT_EMPTY_PATH as u32, libc::AT_EMPTY_PATH as u32)],
    ),
    // Memory.
    any(libc::SYS_mmap),
    any(libc::SYS_munmap),
    any(libc::SYS_mprotect),
    any(libc::SYS_mremap),
    any(libc::SYS_msync),
    any(libc::SYS_madvise),
    any(libc::SYS_memfd_create),
    // Polling, sockets the launcher granted, socket pairs.
    any(libc::SYS_poll),
    any(libc::SYS_ppoll),
    any(libc::SYS_recvmsg),
    any(libc::SYS_sendmsg),
    any(libc::SYS_shutdown),
    any(libc::SYS_getsockname),
    any(libc::SYS_getpeername),
    any(libc::SYS_getsockopt),
    // Connections on the listening sockets the launcher granted (no call
    // can make a socket to listen on).
    any(libc::SYS_accept4),
    // The options the emulator passes through (`sock_opt_set`). Levels and
    // names are checked apart, so a few other pairs get through too, all
    // about the caller's own socket.
    only(
        libc::SYS_setsockopt,
        &[
            Cond::OneOf(1, &[libc::SOL_SOCKET as u32, libc::IPPROTO_TCP as u32, libc::IPPROTO_IPV6 as u32]),
            Cond::OneOf(
                2,
                &[
                    libc::SO_REUSEADDR as u32,
                    libc::SO_KEEPALIVE as u32,
                    libc::SO_RCVBUF as u32,
                    libc::SO_SNDBUF as u32,
                    libc::SO_RCVLOWAT as u32,
                    libc::TCP_NODELAY as u32,
                    libc::IPV6_V6ONLY as u32,
                ],
            ),
        ],
    ),
    only(libc::SYS_socketpair, &[Cond::OneOf(0, &[libc::AF_UNIX as u32])]),
    // Time and randomness.
    any(libc::SYS_clock_gettime),
    any(libc::SYS_clock_getres),
    any(libc::SYS_clock_nanosleep),
    any(libc::SYS_nanosleep),
    any(libc::SYS_getrandom),
    // The process's own real-time and virtual timers (compat `alarm`,
    // `setitimer`); not ITIMER_PROF, whose SIGPROF the emulator never
    // handles.
    only(libc::SYS_setitimer, &[Cond::OneOf(0, &[ITIMER_REAL, ITIMER_VIRTUAL])]),
    only(libc::SYS_getitimer, &[Cond::OneOf(0, &[ITIMER_REAL, ITIMER_VIRTUAL])]),
    // Threads, child processes and the process itself. `tgkill` can name
    // any process, but Landlock's signal scope keeps it inside the sandbox;
    // `pidfd_send_signal` needs a pidfd, which only `proc_fork` makes
    // (`pidfd_open` is refused), and no flags (none that reach a group).
    only(
        libc::SYS_clone,
        &[Cond::Either(&[Cond::Masked(0, CLONE_REQUIRED | CLONE_FORBIDDEN, CLONE_REQUIRED), Cond::OneOf(0, &[FORK])])],
    ),
    only(libc::SYS_waitid, &[Cond::OneOf(0, &[P_PIDFD])]),
    only(libc::SYS_pidfd_send_signal, &[Cond::OneOf(3, &[0])]),
    any(libc::SYS_futex),
    any(libc::SYS_set_tid_address),
    any(libc::SYS_sched_yield),
    // The number of CPUs start-up reads: only the program's own (pid 0).
    only(libc::SYS_sched_getaffinity, &[Cond::OneOf(0, &[0])]),
    // The calling thread's own niceness (`proc_priority_get/set`): never
    // another process, group or user's. The kernel lets an unprivileged
    // caller only raise it, and the emulator asks for nothing else.
    only(libc::SYS_getpriority, &[Cond::OneOf(0, &[libc::PRIO_PROCESS]), Cond::OneOf(1, &[0])]),
    only(libc::SYS_setpriority, &[Cond::OneOf(0, &[libc::PRIO_PROCESS]), Cond::OneOf(1, &[0])]),
    any(libc::SYS_gettid),
    any(libc::SYS_getpid),
    any(libc::SYS_tgkill),
    any(libc::SYS_rt_sigaction),
    any(libc::SYS_rt_sigprocmask),
    any(libc::SYS_rt_sigpending),
    any(libc::SYS_rt_sigreturn),
    only(libc::SYS_arch_prctl, &[Cond::OneOf(0, &[ARCH_SET_FS, ARCH_GET_FS])]),
    any(libc::SYS_exit),
    any(libc::SYS_exit_group),
];

const ITIMER_REAL: u32 = 0;
const ITIMER_VIRTUAL: u32 = 1;

/// Calls that fail with ENOSYS rather than EPERM: their callers fall back.
pub const NOT_IMPLEMENTED: &[libc::c_long] =
    &[libc::SYS_clone3, libc::SYS_io_uring_setup, libc::SYS_io_uring_enter, libc::SYS_io_uring_register];

fn stmt(code: u32, k: u32) -> sock_filter {
    sock_filter { code: code as u16, jt: 0, jf: 0, k }
}

fn ret(action: u32) -> sock_filter {
    stmt(libc::BPF_RET | libc::BPF_K, action)
}

const fn errno(e: libc::c_int) -> u32 {
    libc::SECCOMP_RET_ERRNO | e as u32
}

#[derive(Copy, Clone)]
struct Label(usize);

/// Emits instructions with forward jumps to labels. Conditional jumps only
/// ever skip the one `ja` after them, so targets may be any distance away.
#[derive(Default)]
struct Asm {
    code: Vec<sock_filter>,
    /// Where each label was placed.
    places: Vec<Option<usize>>,
    /// `ja` instructions and the label each goes to.
    jumps: Vec<(usize, Label)>,
}

impl Asm {
    fn label(&mut self) -> Label {
        self.places.push(None);
        Label(self.places.len() - 1)
    }

    fn place(&mut self, l: Label) {
        self.places[l.0] = Some(self.code.len());
    }

    fn goto(&mut self, l: Label) {
        self.jumps.push((self.code.len(), l));
        self.code.push(stmt(libc::BPF_JMP | libc::BPF_JA, 0));
    }

    fn load(&mut self, offset: u32) {
        self.code.push(stmt(libc::BPF_LD | libc::BPF_W | libc::BPF_ABS, offset));
    }

    /// Jumps to `l` when `A <op> k` holds (`when` true) or fails (false).
    fn jump_if(&mut self, op: u32, k: u32, when: bool, l: Label) {
        let (jt, jf) = if when { (0, 1) } else { (1, 0) };
        self.code.push(sock_filter { code: (libc::BPF_JMP | op | libc::BPF_K) as u16, jt, jf, k });
        self.goto(l);
    }

    fn finish(mut self) -> Vec<sock_filter> {
        for (at, l) in self.jumps {
            let target = self.places[l.0].expect("every label is placed");
            self.code[at].k = (target - at - 1) as u32;
        }
        self.code
    }
}

/// Compiles the filter.
pub fn program() -> Vec<sock_filter> {
    let mut a = Asm::default();
    let (kill, deny, nosys, allow) = (a.label(), a.label(), a.label(), a.label());
    a.load(ARCH);
    a.jump_if(libc::BPF_JEQ, AUDIT_ARCH_X86_64, false, kill);
    a.load(NR);
    a.jump_if(libc::BPF_JSET, X32_SYSCALL_BIT, true, kill);

    let mut table: Vec<(u32, Label, &[Cond])> = Vec::new();
    for rule in ALLOWED {
        let target = if rule.conds.is_empty() { allow } else { a.label() };
        table.push((rule.nr as u32, target, rule.conds));
    }
    table.extend(NOT_IMPLEMENTED.iter().map(|&nr| (nr as u32, nosys, &[][..])));
    table.sort_by_key(|t| t.0);
    dispatch(&mut a, &table, deny);

    // Classic BPF jumps forward only: the verdicts come last.
    for &(_, target, conds) in table.iter().filter(|t| !t.2.is_empty()) {
        a.place(target);
        for &c in conds {
            check(&mut a, c, deny);
        }
        a.goto(allow);
    }
    a.place(kill);
    a.code.push(ret(libc::SECCOMP_RET_KILL_PROCESS));
    a.place(deny);
    a.code.push(ret(errno(libc::EPERM)));
    a.place(nosys);
    a.code.push(ret(errno(libc::ENOSYS)));
    a.place(allow);
    a.code.push(ret(libc::SECCOMP_RET_ALLOW));
    a.finish()
}

/// A binary search over the sorted call numbers, with the number in A.
fn dispatch(a: &mut Asm, table: &[(u32, Label, &[Cond])], deny: Label) {
    if table.len() <= 4 {
        for &(nr, target, _) in table {
            a.jump_if(libc::BPF_JEQ, nr, true, target);
        }
        a.goto(deny);
        return;
    }
    let mid = table.len() / 2;
    let upper = a.label();
    a.jump_if(libc::BPF_JGE, table[mid].0, true, upper);
    dispatch(a, &table[..mid], deny);
    a.place(upper);
    dispatch(a, &table[mid..], deny);
}

/// Goes to `deny` unless the condition holds.
fn check(a: &mut Asm, c: Cond, deny: Label) {
    let ok = a.label();
    holds(a, c, ok);
    a.goto(deny);
    a.place(ok);
}

/// Goes to `yes` if the condition holds, else falls through.
fn holds(a: &mut Asm, c: Cond, yes: Label) {
    match c {
        Cond::NotCwd(i) => {
            a.load(arg(i));
            a.jump_if(libc::BPF_JEQ, AT_FDCWD, false, yes);
        }
        Cond::OneOf(i, values) => {
            a.load(arg(i));
            for &v in values {
                a.jump_if(libc::BPF_JEQ, v, true, yes);
            }
        }
        Cond::Masked(i, mask, value) => {
            a.load(arg(i));
            a.code.push(stmt(libc::BPF_ALU | libc::BPF_AND | libc::BPF_K, mask));
            a.jump_if(libc::BPF_JEQ, value, true, yes);
        }
        Cond::Either(conds) => {
            for &c in conds {
                holds(a, c, yes);
            }
        }
    }
}

/// Whether the kernel can run the filter: seccomp filters with the
/// kill-process and errno actions.
pub fn available() -> Result<(), String> {
    for action in [libc::SECCOMP_RET_KILL_PROCESS, libc::SECCOMP_RET_ERRNO, libc::SECCOMP_RET_ALLOW] {
        // SAFETY: the action is a u32 the kernel only reads.
        let r = unsafe { libc::syscall(libc::SYS_seccomp, libc::SECCOMP_GET_ACTION_AVAIL, 0, &action) };
        if r != 0 {
            return Err(format!("this kernel does not offer seccomp filters: {}", io::Error::last_os_error()));
        }
    }
    Ok(())
}

/// Installs the filter on the calling thread (the launcher is single
/// threaded); it is kept across exec. Needs `no_new_privs`.
pub fn install(filter: &[sock_filter]) -> io::Result<()> {
    let prog = sock_fprog { len: filter.len() as u16, filter: filter.as_ptr().cast_mut() };
    // SAFETY: `prog` points at `filter`, which outlives the call; the kernel copies it.
    let r = unsafe { libc::syscall(libc::SYS_seccomp, libc::SECCOMP_SET_MODE_FILTER, 0, &prog) };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the classic BPF subset the filter uses over one call.
    fn decide(filter: &[sock_filter], arch: u32, nr: u32, args: [u64; 6]) -> u32 {
        let word = |off: u32| -> u32 {
            match off {
                NR => nr,
                ARCH => arch,
                o if (16..64).contains(&o) => {
                    let a = args[(o as usize - 16) / 8];
                    if o % 8 == 0 { a as u32 } else { (a >> 32) as u32 }
                }
                o => panic!("load from offset {o}"),
            }
        };
        let (mut pc, mut acc) = (0usize, 0u32);
        loop {
            let i = filter[pc];
            let code = u32::from(i.code);
            pc += 1;
            match code {
                c if c == libc::BPF_LD | libc::BPF_W | libc::BPF_ABS => acc = word(i.k),
                c if c == libc::BPF_ALU | libc::BPF_AND | libc::BPF_K => acc &= i.k,
                c if c == libc::BPF_RET | libc::BPF_K => return i.k,
                c if c == libc::BPF_JMP | libc::BPF_JA => pc += i.k as usize,
                c => {
                    let taken = match c & 0xf0 {
                        x if x == libc::BPF_JEQ => acc == i.k,
                        x if x == libc::BPF_JGE => acc >= i.k,
                        x if x == libc::BPF_JSET => acc & i.k != 0,
                        _ => panic!("unexpected instruction {code:#x}"),
                    };
                    pc += usize::from(if taken { i.jt } else { i.jf });
                }
            }
        }
    }

    fn call(nr: libc::c_long, args: [u64; 6]) -> u32 {
        decide(&program(), AUDIT_ARCH_X86_64, nr as u32, args)
    }

    const ALLOW: u32 = libc::SECCOMP_RET_ALLOW;
    const EPERM: u32 = errno(libc::EPERM);
    const ENOSYS: u32 = errno(libc::ENOSYS);
    const KILL: u32 = libc::SECCOMP_RET_KILL_PROCESS;
    const CWD: u64 = libc::AT_FDCWD as u64;

    #[test]
    fn fits_the_kernel_limit() {
        assert!(program().len() < libc::BPF_MAXINSNS as usize);
    }

    #[test]
    fn other_architectures_and_x32_are_killed() {
        let p = program();
        assert_eq!(decide(&p, AUDIT_ARCH_I386, libc::SYS_read as u32, [0; 6]), KILL);
        assert_eq!(decide(&p, AUDIT_ARCH_I386, 5, [0; 6]), KILL, "i386 open");
        assert_eq!(decide(&p, 0xc000_00b7, 63, [0; 6]), KILL, "aarch64");
        assert_eq!(decide(&p, AUDIT_ARCH_X86_64, X32_SYSCALL_BIT | libc::SYS_read as u32, [0; 6]), KILL);
        assert_eq!(decide(&p, AUDIT_ARCH_X86_64, X32_SYSCALL_BIT | 257, [3, 0, 0, 0, 0, 0]), KILL);
    }

    /// Sets `args` so that `c` holds (the first alternative of an `Either`).
    fn meet(c: Cond, args: &mut [u64; 6]) {
        match c {
            Cond::NotCwd(_) => {}
            Cond::OneOf(i, v) => args[i as usize] = u64::from(v[0]),
            Cond::Masked(i, _, v) => args[i as usize] = u64::from(v),
            Cond::Either(alternatives) => meet(alternatives[0], args),
        }
    }

    #[test]
    fn every_allowed_call_passes_with_its_conditions_met() {
        for rule in ALLOWED {
            let mut args = [3u64; 6];
            for &c in rule.conds {
                meet(c, &mut args);
            }
            assert_eq!(call(rule.nr, args), ALLOW, "call {}", rule.nr);
        }
    }

    #[test]
    fn unlisted_calls_fail_with_eperm() {
        for nr in [
            libc::SYS_open,
            libc::SYS_stat,
            libc::SYS_lstat,
            libc::SYS_access,
            libc::SYS_mkdir,
            libc::SYS_unlink,
            libc::SYS_rename,
            libc::SYS_execve,
            libc::SYS_fork,
            libc::SYS_vfork,
            libc::SYS_wait4,
            libc::SYS_kill,
            libc::SYS_tkill,
            libc::SYS_ptrace,
            libc::SYS_process_vm_readv,
            libc::SYS_process_vm_writev,
            libc::SYS_kexec_load,
            libc::SYS_bpf,
            libc::SYS_socket,
            libc::SYS_connect,
            libc::SYS_bind,
            libc::SYS_mount,
            libc::SYS_unshare,
            libc::SYS_setns,
            libc::SYS_chroot,
            libc::SYS_chmod,
            libc::SYS_fchmodat,
            libc::SYS_setxattr,
            libc::SYS_open_by_handle_at,
            libc::SYS_name_to_handle_at,
            libc::SYS_prctl,
            libc::SYS_setuid,
            libc::SYS_pidfd_open,
            libc::SYS_pidfd_getfd,
            libc::SYS_userfaultfd,
            libc::SYS_perf_event_open,
            libc::SYS_mknodat,
            libc::SYS_seccomp,
            libc::SYS_landlock_create_ruleset,
        ] {
            assert_eq!(call(nr, [3; 6]), EPERM, "call {nr}");
        }
        assert_eq!(call(999, [0; 6]), EPERM);
        assert_eq!(decide(&program(), AUDIT_ARCH_X86_64, u32::MAX & !X32_SYSCALL_BIT, [0; 6]), EPERM);
    }

    #[test]
    fn clone3_and_io_uring_are_not_implemented() {
        for nr in [libc::SYS_clone3, libc::SYS_io_uring_setup, libc::SYS_io_uring_enter, libc::SYS_io_uring_register] {
            assert_eq!(call(nr, [0; 6]), ENOSYS);
        }
    }

    #[test]
    fn paths_never_start_at_the_working_directory() {
        assert_eq!(call(libc::SYS_openat2, [3, 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_openat, [3, 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_openat, [CWD, 0, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_openat2, [CWD, 0, 0, 0, 0, 0]), EPERM);
        // The kernel reads the dirfd as an int: high bits change nothing.
        assert_eq!(call(libc::SYS_openat2, [CWD & 0xffff_ffff, 0, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_statx, [CWD | 0x7_0000_0000, 0, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_renameat2, [3, 0, CWD, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_renameat2, [CWD, 0, 3, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_linkat, [3, 0, CWD, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_symlinkat, [0, CWD, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_symlinkat, [0, 3, 0, 0, 0, 0]), ALLOW);
        for nr in [libc::SYS_mkdirat, libc::SYS_unlinkat, libc::SYS_readlinkat, libc::SYS_utimensat, libc::SYS_newfstatat] {
            assert_eq!(call(nr, [CWD, 0, 0, 0, 0, 0]), EPERM, "call {nr}");
        }
    }

    #[test]
    fn modes_change_through_descriptors_without_set_id_bits() {
        assert_eq!(call(libc::SYS_fchmod, [3, 0o1777, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_fchmod, [3, 0o4755, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_fchmod, [3, 0o2755, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_fchmod, [3, 0x1_0000_0000 | 0o4755, 0, 0, 0, 0]), EPERM, "mode_t is 32 bits");
        for nr in [libc::SYS_chmod, libc::SYS_fchmodat, libc::SYS_fchmodat2] {
            assert_eq!(call(nr, [3, 0, 0o644, 0, 0, 0]), EPERM, "call {nr}");
        }
    }

    #[test]
    fn file_locks_and_the_creation_mask_are_allowed() {
        assert_eq!(call(libc::SYS_umask, [0o22, 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_flock, [3, 2, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_fcntl, [3, libc::F_SETLKW as u64, 0, 0, 0, 0]), ALLOW);
    }

    #[test]
    fn only_the_real_and_virtual_timers() {
        for nr in [libc::SYS_setitimer, libc::SYS_getitimer] {
            assert_eq!(call(nr, [0, 0, 0, 0, 0, 0]), ALLOW, "call {nr}");
            assert_eq!(call(nr, [1, 0, 0, 0, 0, 0]), ALLOW, "call {nr}");
            assert_eq!(call(nr, [2, 0, 0, 0, 0, 0]), EPERM, "ITIMER_PROF, call {nr}");
        }
        assert_eq!(call(libc::SYS_alarm, [1, 0, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_timer_create, [0, 0, 0, 0, 0, 0]), EPERM);
    }

    #[test]
    fn exec_needs_a_descriptor() {
        let empty = libc::AT_EMPTY_PATH as u64;
        assert_eq!(call(libc::SYS_execveat, [5, 0, 0, 0, empty, 0]), ALLOW);
        assert_eq!(call(libc::SYS_execveat, [5, 0, 0, 0, empty | libc::AT_SYMLINK_NOFOLLOW as u64, 0]), ALLOW);
        assert_eq!(call(libc::SYS_execveat, [5, 0, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_execveat, [CWD, 0, 0, 0, empty, 0]), EPERM);
    }

    #[test]
    fn clone_makes_threads_and_exactly_proc_forks_children() {
        let thread = (libc::CLONE_VM | libc::CLONE_FS | libc::CLONE_FILES | libc::CLONE_SIGHAND | libc::CLONE_THREAD
            | libc::CLONE_SYSVSEM | libc::CLONE_SETTLS | libc::CLONE_PARENT_SETTID | libc::CLONE_CHILD_CLEARTID)
            as u64;
        let clone = |flags: libc::c_int| call(libc::SYS_clone, [flags as u64, 0, 0, 0, 0, 0]);
        assert_eq!(call(libc::SYS_clone, [thread, 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(clone(libc::SIGCHLD | libc::CLONE_PIDFD), ALLOW, "proc_fork");
        // The kernel reads the flags of clone as 32 bits.
        assert_eq!(call(libc::SYS_clone, [FORK as u64 | 1 << 40, 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(clone(libc::SIGCHLD), EPERM, "a fork without a process descriptor");
        assert_eq!(clone(libc::CLONE_PIDFD), EPERM, "no SIGCHLD");
        assert_eq!(clone(libc::SIGCHLD | libc::CLONE_PIDFD | libc::CLONE_VFORK), EPERM);
        assert_eq!(clone(libc::SIGCHLD | libc::CLONE_PIDFD | libc::CLONE_VM), EPERM);
        assert_eq!(clone(libc::SIGCHLD | libc::CLONE_PIDFD | libc::CLONE_FILES), EPERM);
        assert_eq!(clone(libc::SIGCHLD | libc::CLONE_PIDFD | libc::CLONE_PARENT), EPERM);
        assert_eq!(clone(libc::SIGCHLD | libc::CLONE_PIDFD | libc::CLONE_PTRACE), EPERM);
        assert_eq!(clone(libc::SIGKILL | libc::CLONE_PIDFD), EPERM, "another exit signal");
        for ns in [libc::CLONE_NEWUSER, libc::CLONE_NEWNS, libc::CLONE_NEWPID, libc::CLONE_NEWNET] {
            assert_eq!(clone(libc::SIGCHLD | libc::CLONE_PIDFD | ns), EPERM, "namespace {ns:#x}");
            assert_eq!(call(libc::SYS_clone, [thread | ns as u64, 0, 0, 0, 0, 0]), EPERM, "namespace {ns:#x}");
        }
        assert_eq!(clone((libc::CLONE_VM | libc::CLONE_VFORK) | libc::SIGCHLD), EPERM);
    }

    #[test]
    fn children_are_waited_for_and_signalled_through_their_descriptors_only() {
        let wexited = libc::WEXITED as u64;
        assert_eq!(call(libc::SYS_waitid, [libc::P_PIDFD as u64, 5, 0, wexited, 0, 0]), ALLOW);
        for idtype in [libc::P_ALL, libc::P_PID, libc::P_PGID] {
            assert_eq!(call(libc::SYS_waitid, [idtype as u64, 1, 0, wexited, 0, 0]), EPERM, "idtype {idtype}");
        }
        assert_eq!(call(libc::SYS_pidfd_send_signal, [5, 9, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_pidfd_send_signal, [5, 9, 0, 1, 0, 0]), EPERM, "flags");
    }

    #[test]
    fn priorities_are_the_callers_own() {
        let (process, group, user) = (u64::from(libc::PRIO_PROCESS), u64::from(libc::PRIO_PGRP), u64::from(libc::PRIO_USER));
        for nr in [libc::SYS_getpriority, libc::SYS_setpriority] {
            assert_eq!(call(nr, [process, 0, 5, 0, 0, 0]), ALLOW, "call {nr}");
            assert_eq!(call(nr, [process, 1, 5, 0, 0, 0]), EPERM, "call {nr}: another process");
            assert_eq!(call(nr, [group, 0, 5, 0, 0, 0]), EPERM, "call {nr}: the group");
            assert_eq!(call(nr, [user, 0, 5, 0, 0, 0]), EPERM, "call {nr}: the user");
            assert_eq!(call(nr, [process | 1 << 32, 1 << 32, 5, 0, 0, 0]), ALLOW, "call {nr}: ints are 32 bits");
        }
    }

    #[test]
    fn argument_lists_are_exact() {
        assert_eq!(call(libc::SYS_ioctl, [0, libc::FIONREAD, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_ioctl, [0, libc::TIOCSTI, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_ioctl, [0, libc::TIOCSCTTY, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_fcntl, [0, libc::F_GETFL as u64, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_fcntl, [0, libc::F_SETOWN as u64, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_fcntl, [0, 10, 0, 0, 0, 0]), EPERM, "F_SETSIG");
        assert_eq!(call(libc::SYS_fcntl, [0, libc::F_NOTIFY as u64, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_socketpair, [libc::AF_UNIX as u64, 1, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_socketpair, [libc::AF_INET as u64, 1, 0, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_arch_prctl, [u64::from(ARCH_SET_FS), 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_arch_prctl, [0x1001, 0, 0, 0, 0, 0]), EPERM, "ARCH_SET_GS");
        let (sol, tcp) = (libc::SOL_SOCKET as u64, libc::IPPROTO_TCP as u64);
        assert_eq!(call(libc::SYS_setsockopt, [3, sol, libc::SO_KEEPALIVE as u64, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_setsockopt, [3, tcp, libc::TCP_NODELAY as u64, 0, 0, 0]), ALLOW);
        assert_eq!(call(libc::SYS_setsockopt, [3, sol, libc::SO_BINDTODEVICE as u64, 0, 0, 0]), EPERM);
        assert_eq!(call(libc::SYS_setsockopt, [3, libc::IPPROTO_IP as u64, libc::SO_KEEPALIVE as u64, 0, 0, 0]), EPERM);
    }

    /// Every call `src/emulator/linux.rs` names is either allowed or left
    /// out on purpose, so that a new call there cannot silently fail under
    /// confinement.
    #[test]
    fn the_emulators_calls_are_all_decided() {
        const DENIED_ON_PURPOSE: &[&str] = &[
            // proc_raise uses tgkill; kill could name any process group.
            "KILL",
            // Creating device nodes and FIFOs has no CloudABI counterpart.
            "MKNODAT",
        ];
        let source = include_str!("../../../src/emulator/linux.rs");
        let numbers = source.split("pub mod nr {").nth(1).and_then(|s| s.split('}').next()).unwrap();
        let mut names = 0;
        for line in numbers.lines() {
            let Some(rest) = line.trim().strip_prefix("pub const ") else { continue };
            let Some((name, value)) = rest.split_once(": usize = ") else { continue };
            let nr: libc::c_long = value.trim_end_matches(';').parse().unwrap();
            names += 1;
            let allowed = ALLOWED.iter().any(|a| a.nr == nr);
            assert!(allowed != DENIED_ON_PURPOSE.contains(&name), "{name} ({nr}) is neither allowed nor denied on purpose");
        }
        assert!(names > 40, "found the emulator's call numbers");
    }
}
