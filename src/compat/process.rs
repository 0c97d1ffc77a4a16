//! Compat process creation: fork, vfork, the exec family, the wait
//! family, system, popen and pclose, on CloudABI's `proc_fork` and
//! `proc_exec`.
//!
//! - `fork` gives the parent a process descriptor, kept with the child's
//!   process id, which the parent picks (see `unistd::ids`) and `waitpid`
//!   and `kill` take. The child keeps running the same program with a copy
//!   of the parent's memory and descriptors, that id, and no children of
//!   its own.
//! - `execve` resolves the program's path through the named grants (it
//!   needs `CLOUDABI_RIGHT_PROC_EXEC`, which a directory granted with
//!   `exec: true` passes on) and starts it with the argdata a POSIX `main`
//!   expects (`argv0`, `args`, `env`, the standard descriptors, the same
//!   directory grants under the same names, the current directory, the
//!   process's id and its parent's). It
//!   keeps the descriptors marked inheritable (see `inherit`) and the
//!   grants, at their numbers; everything else is closed. A failing exec
//!   changes nothing.
//! - Waiting polls the children's descriptors for termination and closes
//!   the descriptor of the child it reports (unless `WNOWAIT`).
//! - `system` and `popen` need a shell, which a capability system does not
//!   hand out by name: `system(NULL)` is 0 and the others fail with ENOSYS.

use super::{grants, inherit, path};
use crate::abi::va::VaListPtr;
use crate::abi::{c_char, c_int, c_void};
use crate::cptr;
use crate::errno::{Errno, OrErrno};
use crate::header::poll::no_event;
use crate::header::signal::siginfo_t;
use crate::header::time::sleep::clock_subscription;
use crate::header::sys_resource::rusage;
use crate::header::unistd;
use crate::sync::SpinLock;
use crate::sys::{self, eventtype, fd, signal, Ended};
use argdata::Writer;
use cloudabi::errno;
use core::convert::Infallible;

pub const WNOHANG: c_int = 0x1;
pub const WUNTRACED: c_int = 0x2;
pub const WSTOPPED: c_int = 0x2;
pub const WEXITED: c_int = 0x4;
pub const WCONTINUED: c_int = 0x8;
pub const WNOWAIT: c_int = 0x10;

pub const P_ALL: c_int = 0;
pub const P_PID: c_int = 1;
pub const P_PGID: c_int = 2;

/// `si_code` values of a child's termination (`waitid`).
pub const CLD_EXITED: c_int = 1;
pub const CLD_KILLED: c_int = 2;

/// Children a process may have at once; `fork` fails with EAGAIN beyond.
/// Waiting polls them all from arrays on the stack, which stay small.
const MAX_CHILDREN: usize = 64;

/// A child not yet waited for: its process descriptor and its id.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Child {
    fd: u32,
    pid: i32,
}

static CHILDREN: SpinLock<[Option<Child>; MAX_CHILDREN]> = SpinLock::new([None; MAX_CHILDREN]);

/// Child ids are drawn below this (Linux's largest `pid_max`), so that
/// they look like process ids to programs that print or store them.
const PID_LIMIT: u32 = 1 << 22;

/// The process descriptor of child `pid`, if it is one not yet waited for.
fn child_fd(pid: i32) -> Option<fd> {
    CHILDREN.lock().iter().flatten().find(|c| c.pid == pid).map(|c| fd(c.fd))
}

/// A random id for a new child: not the process's own, nor a child's. At
/// random, ids that other processes of the sandbox chose rarely repeat.
fn new_pid(children: &[Option<Child>]) -> i32 {
    loop {
        let p = 2 + crate::header::stdlib::arc4random::arc4random_uniform(PID_LIMIT - 2) as i32;
        if p != unistd::getpid() && !children.iter().flatten().any(|c| c.pid == p) {
            return p;
        }
    }
}

/// Compat `fork`: a child process running on from here (see above).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn fork() -> i32 {
    let mut children = CHILDREN.lock();
    let Some(slot) = children.iter().position(Option::is_none) else {
        return Err(errno::AGAIN).or_errno(-1);
    };
    let pid = new_pid(&*children);
    // The library's own locks are held across the fork, so that the child
    // never starts with one taken by a thread it does not have.
    let forked = {
        let _env = crate::header::stdlib::env::lock_for_fork();
        let _grants = grants::lock_for_fork();
        let _pool = crate::header::stdlib::malloc::lock_for_fork();
        sys::proc_fork()
    };
    match forked {
        Err(e) => Err(e).or_errno(-1),
        Ok(sys::Forked::Parent(f)) => {
            children[slot] = Some(Child { fd: f.0, pid });
            pid
        }
        Ok(sys::Forked::Child(tid)) => {
            *children = [None; MAX_CHILDREN];
            unistd::set_parent(unistd::getpid());
            unistd::set_self(pid);
            // SAFETY: this is the only thread of the new process.
            unsafe { crate::header::pthread::thread::after_fork(tid.0) };
            crate::header::signal::after_fork();
            0
        }
    }
}

/// Compat `vfork`: `fork` (the parent does not wait for the child to exec).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn vfork() -> i32 {
    fork()
}

/// A NULL-terminated array of C strings as byte slices.
///
/// # Safety
/// `v` is null or a NULL-terminated array of C strings.
unsafe fn strings(v: *const *const c_char) -> impl Iterator<Item = &'static [u8]> + Clone {
    let mut n = 0;
    // SAFETY: the array is NULL-terminated (caller's contract).
    while !v.is_null() && unsafe { !(*v.add(n)).is_null() } {
        n += 1;
    }
    // SAFETY: `n` entries were just checked to be non-null C strings.
    (0..n).map(move |i| unsafe { cptr::cstr(*v.add(i)) })
}

/// The descriptor table an exec hands on, as `proc_exec` takes it (entry
/// `i` becomes descriptor `i`): every descriptor marked inheritable that
/// is open, and the directory grants, each at its own number, with gaps
/// left closed. Returns the table's length.
fn kept_descriptors(out: &mut [fd; 4096]) -> usize {
    out.fill(sys::EXEC_GAP);
    let mut n = 0;
    let mut keep = |f: fd| {
        if let Some(slot) = out.get_mut(f.0 as usize) {
            *slot = f;
            n = n.max(f.0 as usize + 1);
        }
    };
    inherit::for_each(|f| {
        if sys::fd_stat_get(fd(f)).is_ok() {
            keep(fd(f));
        }
    });
    grants::for_each(|_, g| keep(g));
    n
}

/// Writes POSIX bytes as an argdata string, which must be UTF-8, or else
/// as binary, which `start::main_adapter` takes in the same places.
fn text(w: &mut Writer, bytes: &[u8]) {
    if core::str::from_utf8(bytes).is_ok() {
        w.str(bytes);
    } else {
        w.binary(bytes);
    }
}

/// Writes the argdata of a POSIX program: see `start::main_adapter`.
fn write_argdata(w: &mut Writer, argv: &[&[u8]], env: &[&[u8]], kept: &[fd], cwd: &[u8]) {
    w.map_start();
    if let Some(a0) = argv.first() {
        w.entry(|w| w.str(b"argv0"));
        w.entry(|w| text(w, a0));
    }
    w.entry(|w| w.str(b"args"));
    w.entry(|w| {
        w.seq_start();
        for a in argv.iter().skip(1) {
            w.entry(|w| text(w, a));
        }
    });
    w.entry(|w| w.str(b"env"));
    w.entry(|w| {
        w.map_start();
        for kv in env {
            if let Some(eq) = kv.iter().position(|&c| c == b'=') {
                w.entry(|w| text(w, &kv[..eq]));
                w.entry(|w| text(w, &kv[eq + 1..]));
            }
        }
    });
    for (i, name) in [&b"stdin"[..], b"stdout", b"stderr"].into_iter().enumerate() {
        if kept.get(i) == Some(&fd(i as u32)) {
            w.entry(|w| w.str(name));
            w.entry(|w| w.fd(i as u32));
        }
    }
    w.entry(|w| w.str(b"dirs"));
    w.entry(|w| {
        w.map_start();
        grants::for_each(|name, g| {
            w.entry(|w| text(w, name));
            w.entry(|w| w.fd(g.0));
        });
    });
    w.entry(|w| w.str(b"cwd"));
    w.entry(|w| text(w, cwd));
    // An exec keeps the process, and so its id and its parent.
    w.entry(|w| w.str(b"pid"));
    w.entry(|w| w.int(i128::from(unistd::getpid())));
    w.entry(|w| w.str(b"ppid"));
    w.entry(|w| w.int(i128::from(unistd::getppid())));
}

/// Replaces the program by the executable `exe`; returns only on failure.
fn exec_fd(exe: fd, argv: &[&[u8]], env: &[&[u8]]) -> Result<Infallible, Errno> {
    // The table is too large for a small thread's stack.
    let table_len = core::mem::size_of::<[fd; 4096]>();
    let table = sys::mem_map_anon(table_len)?;
    // SAFETY: a fresh zeroed mapping of the array's size; all-zero bytes
    // are valid descriptor numbers.
    let n = kept_descriptors(unsafe { &mut *table.cast::<[fd; 4096]>() });
    // SAFETY: as above; `n` entries were written.
    let kept = unsafe { core::slice::from_raw_parts(table.cast::<fd>(), n) };
    let e = exec_with(exe, argv, env, kept);
    // SAFETY: nothing refers to the mapping any more.
    let _ = unsafe { sys::mem_unmap(table, table_len) };
    e
}

/// `exec_fd` once the descriptor table to pass is known.
fn exec_with(exe: fd, argv: &[&[u8]], env: &[&[u8]], kept: &[fd]) -> Result<Infallible, Errno> {
    let mut cwd = [0u8; grants::PATH_MAX];
    let cwd_len = grants::cwd(&mut cwd);
    let cwd = &cwd[..cwd_len];
    let mut counter = Writer::counter();
    write_argdata(&mut counter, argv, env, kept, cwd);
    let len = counter.len();
    let buf = sys::mem_map_anon(len)?;
    // SAFETY: a fresh private mapping of `len` bytes.
    let data = unsafe { core::slice::from_raw_parts_mut(buf, len) };
    let mut w = Writer::new(data);
    write_argdata(&mut w, argv, env, kept, cwd);
    let e = sys::proc_exec(exe, data, kept);
    // SAFETY: the mapping is ours and nothing points into it any more.
    let _ = unsafe { sys::mem_unmap(buf, len) };
    e.map(|()| unreachable!("proc_exec returned success"))
}

/// Opens `path` (through the grants) for executing.
fn open_executable(path: &[u8]) -> Result<fd, Errno> {
    let st = sys::fdstat {
        fs_filetype: sys::filetype::REGULAR_FILE,
        fs_flags: sys::fdflags::empty(),
        fs_rights_base: sys::rights::PROC_EXEC,
        fs_rights_inheriting: sys::rights::empty(),
    };
    path::with(path::AT_FDCWD, path, true, |r| {
        let follow = sys::lookup { fd: r.fd, flags: sys::lookupflags::SYMLINK_FOLLOW };
        sys::file_open(follow, r.path(), sys::oflags::empty(), &st).map_err(|e| r.missing_or(e, follow.flags))
    })
}

fn exec_path(path: &[u8], argv: &[&[u8]], env: &[&[u8]]) -> Result<Infallible, Errno> {
    let exe = open_executable(path)?;
    let e = exec_fd(exe, argv, env);
    let _ = sys::fd_close(exe);
    e
}

/// Runs `f` with `argv` and `envp` collected into slices. They are kept
/// in a mapping of their own rather than on the stack, which may be a
/// small thread's.
///
/// # Safety
/// `argv` and `envp` are null or NULL-terminated arrays of C strings.
unsafe fn with_vectors(
    argv: *const *const c_char,
    envp: *const *const c_char,
    f: impl FnOnce(&[&[u8]], &[&[u8]]) -> Result<Infallible, Errno>,
) -> c_int {
    // SAFETY: forwarded contract.
    let (a, e) = unsafe { (strings(argv), strings(envp)) };
    let (na, ne) = (a.clone().count(), e.clone().count());
    let len = (na + ne).max(1) * core::mem::size_of::<&[u8]>();
    let mem = match sys::mem_map_anon(len) {
        Ok(m) => m.cast::<&'static [u8]>(),
        Err(x) => return Err(x).or_errno(-1),
    };
    // SAFETY: the mapping holds `na + ne` slices, each written before the
    // slice over them is made.
    let all = unsafe {
        for (i, s) in a.chain(e).enumerate() {
            mem.add(i).write(s);
        }
        core::slice::from_raw_parts(mem, na + ne)
    };
    let r = f(&all[..na], &all[na..]).map(|i| match i {}).or_errno(-1);
    // SAFETY: nothing refers to the mapping any more.
    let _ = unsafe { sys::mem_unmap(mem.cast(), len) };
    r
}

/// Compat `execve`: runs the program at `path` in place of this one (see
/// the module documentation); -1 with errno if it cannot.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn execve(path: *const c_char, argv: *const *const c_char, envp: *const *const c_char) -> c_int {
    // SAFETY: C strings and string arrays (C contract).
    unsafe {
        let p = cptr::cstr(path);
        with_vectors(argv, envp, |a, e| exec_path(p, a, e))
    }
}

/// Compat `execv`: `execve` with the current environment.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn execv(path: *const c_char, argv: *const *const c_char) -> c_int {
    let env = crate::header::stdlib::env::environ_ptr() as *const *const c_char;
    // SAFETY: forwarded contract; `environ` is a NULL-terminated array.
    unsafe { execve(path, argv, env) }
}

/// Tries `file` in each directory of `PATH` (default `/usr/bin:/bin`), as
/// `execvp` does: a missing or unreachable candidate moves on, and the
/// error reported is EACCES if some candidate was refused, else the last.
fn exec_search(file: &[u8], argv: &[&[u8]], env: &[&[u8]]) -> Result<Infallible, Errno> {
    if file.is_empty() {
        return Err(errno::NOENT);
    }
    if file.contains(&b'/') {
        return exec_path(file, argv, env);
    }
    let search = env
        .iter()
        .find_map(|kv| kv.strip_prefix(b"PATH="))
        .unwrap_or(b"/usr/bin:/bin");
    let mut err = errno::NOENT;
    let mut refused = false;
    for dir in search.split(|&c| c == b':') {
        let dir = if dir.is_empty() { &b"."[..] } else { dir };
        let mut full = [0u8; grants::PATH_MAX];
        let len = dir.len() + 1 + file.len();
        if len > full.len() {
            err = errno::NAMETOOLONG;
            continue;
        }
        full[..dir.len()].copy_from_slice(dir);
        full[dir.len()] = b'/';
        full[dir.len() + 1..len].copy_from_slice(file);
        match exec_path(&full[..len], argv, env) {
            Err(e) if e == errno::ACCES => refused = true,
            Err(e) => err = e,
            Ok(never) => match never {},
        }
    }
    Err(if refused { errno::ACCES } else { err })
}

/// Compat `execvp`: `execv` with a `PATH` search for a name without `/`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn execvp(file: *const c_char, argv: *const *const c_char) -> c_int {
    let env = crate::header::stdlib::env::environ_ptr() as *const *const c_char;
    // SAFETY: C string and string arrays (C contract).
    unsafe {
        let f = cptr::cstr(file);
        with_vectors(argv, env, |a, e| exec_search(f, a, e))
    }
}

/// Compat `fexecve`: runs the program open at `fd` (which needs
/// `CLOUDABI_RIGHT_PROC_EXEC`), as `execve`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fexecve(exe: c_int, argv: *const *const c_char, envp: *const *const c_char) -> c_int {
    match sys::to_fd(exe) {
        // SAFETY: string arrays (C contract).
        Ok(f) => unsafe { with_vectors(argv, envp, |a, e| exec_fd(f, a, e)) },
        Err(e) => Err(e).or_errno(-1),
    }
}

crate::variadic!("execl" => execl_impl, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("execle" => execle_impl, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("execlp" => execlp_impl, gp = 2, fp = 0, reg = "rdx");

/// Runs `f` with `arg0` and the variadic arguments up to the NULL as a
/// NULL-terminated array (in a mapping of its own, as `with_vectors`);
/// `ap` is left after the NULL.
///
/// # Safety
/// `ap` holds pointer arguments up to a null one.
unsafe fn with_list(arg0: *const c_char, ap: VaListPtr, f: impl FnOnce(*const *const c_char) -> c_int) -> c_int {
    let mut count = 0;
    if !arg0.is_null() {
        // SAFETY: the caller passed pointers up to a null one.
        let mut probe = unsafe { (*ap).copy() };
        count = 1;
        // SAFETY: as above.
        while !unsafe { probe.ptr::<c_char>() }.is_null() {
            count += 1;
        }
    }
    let len = (count + 1) * core::mem::size_of::<*const c_char>();
    let argv = match sys::mem_map_anon(len) {
        Ok(m) => m.cast::<*const c_char>(),
        Err(x) => return Err(x).or_errno(-1),
    };
    // SAFETY: the mapping holds `count + 1` pointers; `ap` yields the
    // `count - 1` after `arg0`, then the NULL.
    unsafe {
        for i in 0..count {
            argv.add(i).write(if i == 0 { arg0 } else { (*ap).ptr::<c_char>() });
        }
        if count > 0 {
            (*ap).ptr::<c_char>();
        }
        argv.add(count).write(core::ptr::null());
    }
    let r = f(argv);
    // SAFETY: nothing refers to the mapping any more.
    let _ = unsafe { sys::mem_unmap(argv.cast(), len) };
    r
}

/// Compat `execl`: `execv` with the arguments listed.
pub unsafe extern "C" fn execl_impl(path: *const c_char, arg0: *const c_char, ap: VaListPtr) -> c_int {
    // SAFETY: execl's contract: pointer arguments up to a null one.
    unsafe { with_list(arg0, ap, |argv| execv(path, argv)) }
}

/// Compat `execle`: `execve` with the arguments listed, then the environment.
pub unsafe extern "C" fn execle_impl(path: *const c_char, arg0: *const c_char, ap: VaListPtr) -> c_int {
    // SAFETY: execle's contract: pointers up to a null one, then envp,
    // which follows the NULL that `with_list` consumed.
    unsafe { with_list(arg0, ap, |argv| execve(path, argv, (*ap).ptr::<*const c_char>() as *const *const c_char)) }
}

/// Compat `execlp`: `execvp` with the arguments listed.
pub unsafe extern "C" fn execlp_impl(file: *const c_char, arg0: *const c_char, ap: VaListPtr) -> c_int {
    // SAFETY: execlp's contract: pointer arguments up to a null one.
    unsafe { with_list(arg0, ap, |argv| execvp(file, argv)) }
}

/// The `wait` status word of a child that ended so, as `<sys/wait.h>`'s
/// macros read it.
fn status_word(e: Ended) -> c_int {
    match e {
        Ended::Exited(code) => ((code & 0xff) << 8) as c_int,
        Ended::Killed(s) => c_int::from(s),
    }
}

/// Waits for a child among `pid` (as `waitpid` takes it) to end; `None`
/// if `hang` is false and none has. The child is forgotten (and its
/// descriptor closed) unless `keep`.
fn wait_child(pid: i32, hang: bool, keep: bool) -> Result<Option<(i32, Ended)>, Errno> {
    loop {
        let mut subs = [clock_subscription(sys::clockid::MONOTONIC, 0, false); MAX_CHILDREN + 1];
        let mut n = 0;
        for &c in CHILDREN.lock().iter().flatten() {
            // Every child is in the caller's process group, whose id is 1.
            let wanted = pid == -1 || pid == 0 || pid == -crate::header::unistd::PID || pid == c.pid;
            if wanted {
                subs[n] = sys::subscription {
                    userdata: u64::from(c.fd) | (c.pid as u64) << 32,
                    unused: 0,
                    r#type: eventtype::PROC_TERMINATE,
                    union: cloudabi::subscription_union {
                        proc_terminate: cloudabi::subscription_proc_terminate { fd: fd(c.fd) },
                    },
                };
                n += 1;
            }
        }
        if n == 0 {
            return Err(errno::CHILD);
        }
        if !hang {
            // subs[n] is already a clock that fires at once.
            subs[n].userdata = u64::MAX;
            n += 1;
        }
        let mut events = [no_event(); MAX_CHILDREN + 1];
        let got = sys::poll(&subs[..n], &mut events)?;
        let mut timed_out = false;
        for ev in &events[..got] {
            if ev.r#type != eventtype::PROC_TERMINATE {
                timed_out = true;
                continue;
            }
            let c = ev.userdata as u32;
            let child_pid = (ev.userdata >> 32) as i32;
            if ev.error != errno::SUCCESS {
                // The descriptor went away under us (closed by the program):
                // the child can no longer be waited for.
                forget(c);
                continue;
            }
            let ended = sys::proc_ended(ev);
            if keep {
                return Ok(Some((child_pid, ended)));
            }
            // Another thread may have reaped it first; then look again.
            if forget(c) {
                let _ = sys::fd_close(fd(c));
                return Ok(Some((child_pid, ended)));
            }
        }
        if timed_out {
            return Ok(None);
        }
    }
}

/// Removes child descriptor `c` from the table; false if it was not there.
fn forget(c: u32) -> bool {
    let mut children = CHILDREN.lock();
    match children.iter_mut().find(|s| s.is_some_and(|ch| ch.fd == c)) {
        Some(s) => {
            *s = None;
            true
        }
        None => false,
    }
}

/// Compat `wait`: `waitpid(-1, status, 0)`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wait(status: *mut c_int) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { waitpid(-1, status, 0) }
}

fn check_wait_options(options: c_int) -> Result<(), Errno> {
    if options & !(WNOHANG | WUNTRACED | WCONTINUED) != 0 {
        Err(errno::INVAL)
    } else {
        Ok(())
    }
}

/// Compat `waitpid`: waits for child `pid` (-1 or 0: any child) to end
/// and stores its status; with WNOHANG returns 0 if none has. Children
/// never stop or continue here, so WUNTRACED and WCONTINUED add nothing.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn waitpid(pid: i32, status: *mut c_int, options: c_int) -> i32 {
    let r = check_wait_options(options).and_then(|()| wait_child(pid, options & WNOHANG == 0, false));
    match r {
        Ok(Some((p, ended))) => {
            if !status.is_null() {
                // SAFETY: a non-null `status` is writable (C contract).
                unsafe { *status = status_word(ended) };
            }
            p
        }
        Ok(None) => 0,
        Err(e) => Err(e).or_errno(-1),
    }
}

/// Compat (BSD) `wait3`: as `waitpid(-1, ...)`; no usage is reported.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wait3(status: *mut c_int, options: c_int, ru: *mut rusage) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { wait4(-1, status, options, ru) }
}

/// Compat (BSD) `wait4`: as `waitpid`; the child's usage is not known, so
/// `*ru` is zeroed.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn wait4(pid: i32, status: *mut c_int, options: c_int, ru: *mut rusage) -> i32 {
    if !ru.is_null() {
        // SAFETY: a non-null `ru` is writable (C contract); all-zero is a valid rusage.
        unsafe { core::ptr::write_bytes(ru, 0, 1) };
    }
    // SAFETY: forwarded contract.
    unsafe { waitpid(pid, status, options) }
}

/// Compat `waitid`: as `waitpid`, reporting in `*info`; WNOWAIT leaves the
/// child to be waited for again. EINVAL for an unknown id type or options
/// that name no state to wait for.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn waitid(idtype: c_int, id: u32, info: *mut siginfo_t, options: c_int) -> c_int {
    let states = WEXITED | WSTOPPED | WCONTINUED;
    let pid = match idtype {
        P_ALL => Some(-1),
        P_PID => i32::try_from(id).ok(),
        P_PGID => i32::try_from(id).ok().map(|g| -g),
        _ => None,
    };
    let Some(pid) = pid.filter(|_| options & !(states | WNOHANG | WNOWAIT) == 0 && options & states != 0) else {
        return Err(errno::INVAL).or_errno(-1);
    };
    if options & WEXITED == 0 {
        // Only termination ever happens to a child here.
        return Err(errno::CHILD).or_errno(-1);
    }
    match wait_child(pid, options & WNOHANG == 0, options & WNOWAIT != 0) {
        Ok(found) => {
            if !info.is_null() {
                // SAFETY: a non-null `info` is writable (C contract); all-zero is valid.
                unsafe {
                    core::ptr::write_bytes(info, 0, 1);
                    if let Some((p, ended)) = found {
                        (*info).si_signo = crate::header::signal::SIGCHLD;
                        (*info).si_pid = p;
                        (*info).si_uid = crate::header::sys_stat::NOBODY;
                        (*info).si_code = match ended {
                            Ended::Exited(_) => CLD_EXITED,
                            Ended::Killed(_) => CLD_KILLED,
                        };
                        (*info).si_status = match ended {
                            Ended::Exited(code) => code as c_int,
                            Ended::Killed(s) => c_int::from(s),
                        };
                    }
                }
            }
            0
        }
        Err(e) => Err(e).or_errno(-1),
    }
}

/// Sends `sig` (0: only check) to child `pid`; `None` if `pid` is not a
/// child this process may still wait for (`kill` decides what that means).
pub fn signal_child(pid: i32, sig: Option<signal>) -> Option<Result<(), Errno>> {
    Some(sys::proc_signal(child_fd(pid)?, sig))
}

/// Compat `system`: `system(NULL)` is 0 (no command processor exists);
/// running a command fails with -1 and ENOSYS.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn system(command: *const c_char) -> c_int {
    if command.is_null() {
        0
    } else {
        Err(errno::NOSYS).or_errno(-1)
    }
}

/// Compat `popen` (`<stdio.h>`): NULL with ENOSYS (no shell, see `system`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn popen(_command: *const c_char, _mode: *const c_char) -> *mut c_void {
    Err(errno::NOSYS).or_errno(core::ptr::null_mut())
}

/// Compat `pclose` (`<stdio.h>`): -1 with ECHILD (no stream comes from
/// `popen`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pclose(_stream: *mut c_void) -> c_int {
    Err(errno::CHILD).or_errno(-1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_read_back_through_the_wait_macros() {
        let s = status_word(Ended::Exited(0x1234_5607));
        assert_eq!((s >> 8) & 0xff, 0x07, "WEXITSTATUS keeps the low byte");
        assert_eq!(s & 0x7f, 0, "WIFEXITED");
        let s = status_word(Ended::Killed(signal::KILL as u8));
        assert_eq!(s & 0x7f, signal::KILL as u8 as c_int, "WTERMSIG");
    }

    #[test]
    fn argdata_carries_what_main_adapter_reads() {
        let mut buf = [0u8; 512];
        let mut w = Writer::new(&mut buf);
        write_argdata(&mut w, &[b"prog", b"-x", b"\xff"], &[b"A=1", b"junk", b"B=\xfe"], &[fd(0), fd(1)], b"/work");
        let n = w.len();
        assert!(!w.overflowed());
        let root = argdata::Value::new(&buf[..n]);
        assert_eq!(root.get("argv0").unwrap().unwrap().str().unwrap(), "prog");
        let mut args = root.get("args").unwrap().unwrap().seq().unwrap().map(Result::unwrap);
        assert_eq!(args.next().unwrap().str().unwrap(), "-x");
        assert_eq!(args.next().unwrap().binary().unwrap(), b"\xff", "not UTF-8: binary");
        let env: Vec<_> = root
            .get("env")
            .unwrap()
            .unwrap()
            .map()
            .unwrap()
            .map(|kv| {
                let (k, v) = kv.unwrap();
                (k.str().unwrap(), v.str().map(str::as_bytes).or_else(|_| v.binary()).unwrap())
            })
            .collect();
        assert_eq!(env, [("A", &b"1"[..]), ("B", b"\xfe")], "an entry without '=' is not passed");
        assert_eq!(root.get("stdin").unwrap().unwrap().fd().unwrap(), 0);
        assert_eq!(root.get("stdout").unwrap().unwrap().fd().unwrap(), 1);
        assert!(root.get("stderr").unwrap().is_none(), "a descriptor not kept is not named");
        assert_eq!(root.get("cwd").unwrap().unwrap().str().unwrap(), "/work");
        assert_eq!(root.get("pid").unwrap().unwrap().int().unwrap(), i128::from(unistd::getpid()));
        assert_eq!(root.get("ppid").unwrap().unwrap().int().unwrap(), i128::from(unistd::getppid()));
    }

    #[test]
    fn unknown_pids_are_no_children() {
        assert!(child_fd(12345).is_none());
        assert!(child_fd(1).is_none());
        assert!(child_fd(i32::MIN).is_none());
        assert_eq!(wait_child(77, false, false).err(), Some(errno::CHILD));
    }
}
