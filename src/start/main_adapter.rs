//! The default `program_main`, for programs that define `main()` instead.
//!
//! It reads these keys of the argdata map (all optional):
//! - `argv0`: string, `argv[0]` (default `"program"`);
//! - `args`: sequence of strings, `argv[1..]`;
//! - `env`: map of string to string, the environment (`environ`, `getenv`);
//! - `stdin`, `stdout`, `stderr`: descriptors, which the launcher already
//!   numbers 0, 1 and 2;
//! - `dirs`: map of absolute path to directory descriptor, the named
//!   directory grants that path-taking compat calls resolve against;
//! - `cwd`: string, the initial working directory (inside a grant);
//! - `pid`, `ppid`: integers, what `getpid` and `getppid` return (a compat
//!   `exec` passes the caller's own; defaults 1 and 0).
//! Where a string is expected, binary is taken as well (for bytes that are
//! not UTF-8, as a compat `execve` passes them).
//! Then it calls `main(argc, argv, environ)` and `exit` with its result.
//! A malformed value under one of these keys stops the program with a
//! message naming the key, rather than running it half-configured.

use crate::abi::{c_char, c_int};
use crate::compat::{grants, path};
use crate::header::argdata::argdata_t;
use crate::header::stdlib::env;
use crate::sys;
use argdata::Value;

type MainFn = unsafe extern "C" fn(c_int, *mut *mut c_char, *mut *mut c_char) -> c_int;

core::arch::global_asm!(
    ".weak program_main",
    ".set program_main, {default}",
    ".weak main",
    ".pushsection .data.rel.ro.cloudlibc_main, \"aw\"",
    ".p2align 3",
    ".globl __cloudlibc_main_addr",
    ".hidden __cloudlibc_main_addr",
    "__cloudlibc_main_addr:",
    ".quad main",
    ".popsection",
    default = sym default_program_main,
);

extern "C" {
    /// `main`'s address, or null when the program defines none (weak).
    static __cloudlibc_main_addr: Option<MainFn>;
}

fn bad(key: &str) -> ! {
    let _ = sys::fd_write(cloudabi::fd(2), b"cloudlibc: malformed argdata under key `");
    let _ = sys::fd_write(cloudabi::fd(2), key.as_bytes());
    let _ = sys::fd_write(cloudabi::fd(2), b"`\n");
    sys::proc_exit(70)
}

fn alloc_array(count: usize) -> *mut *mut c_char {
    let bytes = (count * core::mem::size_of::<*mut c_char>()).max(1);
    match sys::mem_map(
        core::ptr::null_mut(),
        bytes,
        sys::mprot::READ | sys::mprot::WRITE,
        sys::mflags::ANON | sys::mflags::PRIVATE,
        cloudabi::MAP_ANON_FD,
        0,
    ) {
        Ok(p) => p.cast(),
        Err(_) => sys::proc_exit(71),
    }
}

/// A string value as C needs it, with its NUL. Binary is taken too: a
/// compat `execve` passes arguments and environment entries that are not
/// UTF-8 (which an argdata string must be) as binary, copied here with a
/// NUL added.
fn c_string(v: Value<'static>) -> Result<&'static [u8], argdata::Error> {
    if let Ok(s) = v.str_with_nul() {
        return Ok(s);
    }
    let b = v.binary()?;
    if b.contains(&0) {
        return Err(argdata::Error::Invalid);
    }
    let p = alloc_array(b.len() / core::mem::size_of::<*mut c_char>() + 1).cast::<u8>();
    // SAFETY: the fresh mapping holds at least `b.len() + 1` bytes and
    // lives forever.
    unsafe {
        core::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
        *p.add(b.len()) = 0;
        Ok(core::slice::from_raw_parts(p, b.len() + 1))
    }
}

/// A string value's bytes (string or binary, as in `c_string`).
fn bytes(v: Value<'static>) -> Result<&'static [u8], argdata::Error> {
    v.str().map(str::as_bytes).or_else(|_| v.binary())
}

fn build_argv(root: Value<'static>) -> (c_int, *mut *mut c_char) {
    let argv0: &'static [u8] = match root.get("argv0") {
        Ok(Some(v)) => c_string(v).unwrap_or_else(|_| bad("argv0")),
        _ => b"program\0",
    };
    let args = match root.get("args") {
        Ok(Some(v)) => Some(v.seq().unwrap_or_else(|_| bad("args"))),
        _ => None,
    };
    let n = 1 + args.clone().map_or(0, |a| a.count());
    let argv = alloc_array(n + 1);
    // SAFETY: `argv` has room for n + 1 pointers; strings point into the
    // argdata buffer, which lives forever and holds their NULs.
    unsafe {
        *argv = argv0.as_ptr() as *mut c_char;
        for (i, a) in args.into_iter().flatten().enumerate() {
            let s = a.and_then(c_string).unwrap_or_else(|_| bad("args"));
            *argv.add(i + 1) = s.as_ptr() as *mut c_char;
        }
        *argv.add(n) = core::ptr::null_mut();
    }
    (n as c_int, argv)
}

fn load_env(root: Value<'static>) {
    if let Ok(Some(v)) = root.get("env") {
        let map = v.map().unwrap_or_else(|_| bad("env"));
        for kv in map {
            let (k, v) = kv.unwrap_or_else(|_| bad("env"));
            let (Ok(k), Ok(v)) = (bytes(k), bytes(v)) else { bad("env") };
            if env::set(k, v, true).is_err() {
                bad("env");
            }
        }
    }
}

fn load_grants(root: Value<'static>) {
    if let Ok(Some(v)) = root.get("dirs") {
        let map = v.map().unwrap_or_else(|_| bad("dirs"));
        for kv in map {
            let (k, v) = kv.unwrap_or_else(|_| bad("dirs"));
            let (Ok(path), Ok(fd)) = (bytes(k), v.fd()) else { bad("dirs") };
            if grants::register(path, cloudabi::fd(fd)).is_err() {
                bad("dirs");
            }
        }
    }
    if let Ok(Some(v)) = root.get("cwd") {
        let cwd = bytes(v).unwrap_or_else(|_| bad("cwd"));
        let mut norm = [0u8; grants::PATH_MAX];
        if !cwd.starts_with(b"/") {
            bad("cwd");
        }
        match path::normalize(cwd, &mut norm) {
            Ok(n) if grants::set_cwd(grants_trim(&norm[..n])).is_ok() => {}
            _ => bad("cwd"),
        }
    }
}

/// The current directory is kept without a trailing slash (except "/").
fn grants_trim(p: &[u8]) -> &[u8] {
    if p.len() > 1 && p.ends_with(b"/") {
        &p[..p.len() - 1]
    } else {
        p
    }
}

/// cloudlibc `program_main` default: runs C's `main()` with argv and environ
/// taken from the argdata (see the module documentation for the keys).
unsafe extern "C" fn default_program_main(ad: *const argdata_t) -> ! {
    // SAFETY: start-up passes the root argdata_t, which lives forever.
    let root = unsafe { (*ad).buffer() }.map(Value::new).unwrap_or(Value::new(&[]));
    if !root.is_null() && root.map().is_err() {
        bad("(root: expected a map)");
    }
    let (argc, argv) = build_argv(root);
    load_env(root);
    load_grants(root);
    for (key, set) in [("pid", crate::header::unistd::set_self as fn(i32)), ("ppid", crate::header::unistd::set_parent)] {
        if let Ok(Some(v)) = root.get(key) {
            let pid = v.int_i64().ok().and_then(|p| i32::try_from(p).ok()).filter(|&p| p > 0 || key == "ppid");
            set(pid.unwrap_or_else(|| bad(key)));
        }
    }
    // POSIX programs pass their standard streams on to what they exec.
    for f in 0..3 {
        if sys::fd_stat_get(cloudabi::fd(f)).is_ok() {
            crate::compat::inherit::set(f, true);
        }
    }
    {
        // SAFETY: the weak reference is either null or C's main.
        let Some(main) = (unsafe { __cloudlibc_main_addr }) else {
            let _ = sys::fd_write(cloudabi::fd(2), b"cloudlibc: the program defines neither program_main nor main\n");
            sys::proc_exit(70)
        };
        // SAFETY: calling C's main with a NULL-terminated argv and environ.
        let code = unsafe { main(argc, argv, env::environ_ptr()) };
        crate::header::stdlib::exit::exit(code)
    }
}
