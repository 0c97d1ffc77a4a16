//! `cloudabi-cc`: runs the system gcc against this library, in the spirit of
//! `musl-gcc`. Compiling uses only our headers (`-nostdinc`, our `include/`,
//! then gcc's own freestanding headers such as `stdarg.h`); linking is
//! static, without the host's start files or libc, against `libc.a` (which
//! holds the start-up code) and libgcc.
//!
//! Where things are found:
//! - `libc.a`: next to this executable (`target/release/`), or `$CLOUDABI_LIBDIR`;
//! - headers: the repository's `include/`, or `$CLOUDABI_INCLUDE`;
//! - the compiler: `gcc`, or `$CLOUDABI_GCC`.
//!
//! `-lm`, `-lpthread`, `-lrt`, `-ldl`, `-lutil`, `-lcrypt` and `-lc` are
//! accepted and dropped: all of it lives in `libc.a`. `-print-multiarch` prints
//! an empty line, as CPython's configure expects of a cross compiler.

use std::env;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{exit, Command};

const DROPPED_LIBS: &[&str] = &["-lm", "-lpthread", "-lrt", "-ldl", "-lutil", "-lcrypt", "-lc", "-rdynamic"];

/// Flags after which gcc stops before linking, or does not compile at all.
fn links(args: &[String]) -> bool {
    let mut has_input = false;
    for a in args {
        match a.as_str() {
            "-c" | "-S" | "-E" | "-M" | "-MM" | "-fsyntax-only" => return false,
            "--version" | "-v" | "-dumpversion" | "-dumpmachine" | "-dumpspecs" => return false,
            s if s.starts_with("-print-") => return false,
            s if !s.starts_with('-') => has_input = true,
            _ => {}
        }
    }
    has_input
}

fn die(msg: &str) -> ! {
    eprintln!("cloudabi-cc: {msg}");
    exit(2)
}

fn gcc_include(gcc: &str) -> String {
    let out = Command::new(gcc)
        .arg("-print-file-name=include")
        .output()
        .unwrap_or_else(|e| die(&format!("cannot run {gcc}: {e}")));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if args.iter().any(|a| a == "-print-multiarch") {
        println!();
        return;
    }
    if args.iter().any(|a| a == "-shared") {
        die("shared libraries are not supported: this library links statically only");
    }
    let gcc = env::var("CLOUDABI_GCC").unwrap_or_else(|_| "gcc".into());
    let exe_dir = env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(PathBuf::from))
        .unwrap_or_else(|| die("cannot find my own location"));
    let libdir = env::var_os("CLOUDABI_LIBDIR").map(PathBuf::from).unwrap_or(exe_dir);
    let include = env::var_os("CLOUDABI_INCLUDE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../include")));

    let mut cmd: Vec<OsString> = vec![
        "-nostdinc".into(),
        "-isystem".into(),
        include.into_os_string(),
        "-isystem".into(),
        gcc_include(&gcc).into(),
        // Not Linux: code must not take Linux-only paths.
        "-U__linux__".into(),
        "-U__linux".into(),
        "-Ulinux".into(),
        "-U__gnu_linux__".into(),
        "-D__CloudABI__".into(),
        "-D__cloudabi__".into(),
    ];
    let linking = links(&args);
    cmd.extend(args.iter().filter(|a| !DROPPED_LIBS.contains(&a.as_str())).map(OsString::from));
    if linking {
        let libc = libdir.join("libc.a");
        if !libc.exists() {
            die(&format!("{} is missing: run `cargo build --release` first", libc.display()));
        }
        cmd.extend(
            [
                "-static",
                "-nostdlib",
                "-no-pie",
                "-Wl,--undefined=_start",
                "-Wl,--gc-sections",
                "-Wl,--start-group",
            ]
            .map(OsString::from),
        );
        cmd.push(libc.into_os_string());
        cmd.extend(["-lgcc", "-Wl,--end-group"].map(OsString::from));
    }
    let status = Command::new(&gcc).args(&cmd).status().unwrap_or_else(|e| die(&format!("cannot run {gcc}: {e}")));
    exit(status.code().unwrap_or(1));
}
