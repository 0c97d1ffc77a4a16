//! Runs the built `cloudabi-run` as a user would: refused configurations
//! and programs, the exact descriptor set a started program has, and a C
//! program built against the libc.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

const RUN: &str = env!("CARGO_BIN_EXE_cloudabi-run");

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cloudabi-run-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `cloudabi-run ARGS` with `stdin` as its standard input.
fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(RUN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The launcher may refuse before reading; a closed pipe is fine then.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Feeds `config` to the launcher, which must refuse it with `message`.
fn refused(config: &str, message: &str) {
    // The launcher itself serves as a program that must never start.
    let out = run(&[RUN], config);
    assert_eq!(out.status.code(), Some(2), "{config}");
    assert_eq!(stderr(&out), format!("cloudabi-run: {message}\n"));
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_configurations_name_line_and_column() {
    refused("stdout: !fd stdout\nargs: [a\n", "config:3:1: while parsing a flow sequence, expected ',' or ']'");
    refused("a: 1\nb: !filez {path: /tmp}\n", "config:2:11: unknown tag !filez");
    refused("s: !socket\n  bind: example.org:80\n", "config:2:9: bad address \"example.org:80\": expected IP:PORT, [IPv6]:PORT or an absolute path");
    refused("d: !file {path: /tmp, rights: [FD_READ, FILE_OPN]}\n", "config:1:41: unknown right \"FILE_OPN\"");
    refused("d: !file {write: true}\n", "config:1:10: !file needs a path");
    refused("a: 1\na: 2\n", "config:2:1: duplicate key");
    refused("", "config:1:1: the configuration holds no YAML document");
}

#[test]
fn a_missing_file_is_named_with_the_os_error() {
    let dir = scratch("missing");
    let config = format!("stdout: !fd stdout\ndata: !file {{path: {}/absent}}\n", dir.display());
    refused(&config, &format!("config:2:13: cannot open {}/absent: No such file or directory (os error 2)", dir.display()));
}

#[test]
fn nothing_is_created_when_a_later_node_is_wrong() {
    let dir = scratch("atomic");
    let config = format!("out: !file {{path: {}/made, create: true}}\nx: !fd sideways\n", dir.display());
    refused(&config, "config:2:8: !fd takes stdin, stdout, stderr or a descriptor number");
    assert!(!dir.join("made").exists());
}

#[test]
fn fd_grants_only_what_the_launcher_inherited() {
    // With 3 to 9 closed, the launcher's first own descriptor would be 3.
    let script = format!("exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; exec '{RUN}' '{RUN}'");
    let mut child = Command::new("/bin/sh")
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"- !file {path: /}\n- !fd 3\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "cloudabi-run: config:2:7: descriptor 3 is not usable: Bad file descriptor (os error 9)\n");
}

#[test]
fn a_missing_or_unrunnable_program_is_refused() {
    let out = run(&["/nonexistent/program"], "stdout: !fd stdout\n");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "cloudabi-run: cannot open the program /nonexistent/program: No such file or directory (os error 2)\n");

    let dir = scratch("unrunnable");
    let data = dir.join("data");
    std::fs::write(&data, "not a program").unwrap();
    let out = run(&[data.to_str().unwrap()], "stdout: !fd stdout\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot be executed: Permission denied"), "{}", stderr(&out));
}

#[test]
fn command_line_mistakes_print_usage() {
    let out = run(&[], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("cloudabi-run: no PROGRAM given\nusage: cloudabi-run"));
    let out = run(&["--help"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("usage: cloudabi-run [--unconfined] [--user UID:GID] [--config FILE] PROGRAM"));
}

/// A shell started through the launcher reports what it was given; it is
/// no CloudABI program, but it shows the process exactly as exec left it.
/// Confined, a shell could not even load, so it runs `--unconfined`.
#[test]
fn the_program_gets_exactly_the_granted_descriptors() {
    let dir = scratch("exact");
    std::fs::write(dir.join("data"), "granted\n").unwrap();
    let config = dir.join("config.yaml");
    std::fs::write(
        &config,
        "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nextra: !fd 7\nstdout: !fd stdout\nstdin: !fd stdin\n",
    )
    .unwrap();
    // No pipeline around ls: the shell would hold the pipe's ends, at
    // the lowest free numbers, while ls reads its descriptor list.
    let script = "ls /proc/$$/fd; echo \"$CLOUDABI_HANDOFF\"; cat <&3; \
                  grep NoNewPrivs /proc/$$/status; tr '\\0' '\\n' < /proc/$$/environ\n";
    // The launcher inherits 7 (granted) and 8 (not granted) from a wrapper.
    let wrapper = format!(
        "exec 7<'{0}/data' 8<'{0}/data'; exec '{RUN}' --unconfined --config '{1}' /bin/sh",
        dir.display(),
        config.display()
    );
    let mut child = Command::new("/bin/sh")
        .args(["-c", &wrapper])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let warning = stderr(&out);
    assert!(warning.starts_with("cloudabi-run: warning: --unconfined: ") && warning.lines().count() == 1, "{warning}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "0\n1\n3\n4\n4\ngranted\nNoNewPrivs:\t1\nCLOUDABI_HANDOFF=4\n",
        "stdin 0, stdout 1, extra 3, handoff 4; no stderr, no 8; only the handoff variable"
    );
}

/// The workspace's release directory, where `libc.a` and `cloudabi-cc` are
/// brought up to date once for all tests (a no-op when they are, and a
/// stale libc would test the wrong code).
fn toolchain() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let target = Path::new(RUN).parent().and_then(Path::parent).expect("target directory");
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let status = Command::new(env!("CARGO"))
            .args(["build", "--release", "-p", "cloudlibc", "-p", "cloudabi-cc", "--target-dir"])
            .arg(target)
            .current_dir(root)
            .status()
            .unwrap();
        assert!(status.success(), "building the libc failed");
        target.join("release")
    })
}

/// Compiles `source` with cloudabi-cc into `dir`; returns the program.
fn compile(dir: &Path, name: &str, source: &str) -> PathBuf {
    let c = dir.join(format!("{name}.c"));
    let exe = dir.join(name);
    std::fs::write(&c, source).unwrap();
    let out = Command::new(toolchain().join("cloudabi-cc")).arg(&c).arg("-o").arg(&exe).output().unwrap();
    assert!(out.status.success(), "cloudabi-cc failed: {}", stderr(&out));
    exe
}

const HELLO: &str = r#"
long write(int, const void *, unsigned long);
extern _Thread_local int errno;

static unsigned long length(const char *s) {
    unsigned long n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        write(1, argv[i], length(argv[i]));
        write(1, "\n", 1);
    }
    char report[] = "fd 3: errno 00\n";
    if (write(3, "x", 1) < 0) {
        report[12] = '0' + errno / 10;
        report[13] = '0' + errno % 10;
    }
    write(1, report, sizeof report - 1);
    return 3;
}
"#;

#[test]
fn a_c_program_runs_with_the_reference_example() {
    let dir = scratch("hello");
    let hello = compile(&dir, "hello", HELLO);
    let out = run(&[hello.to_str().unwrap()], "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nstdout: !fd stdout\nargs: [hello]\n");
    assert_eq!(stderr(&out), "");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello\nfd 3: errno 08\n", "fd 3 was not granted: EBADF");
    assert_eq!(out.status.code(), Some(3), "main's return value is the exit status");
}

#[test]
fn a_c_program_gets_the_rights_of_its_grants() {
    let dir = scratch("rights");
    let hello = compile(&dir, "hello", HELLO);
    let file = dir.join("file");
    std::fs::write(&file, "old").unwrap();
    let config = |write: bool| format!("stdout: !fd stdout\nf: !file {{path: {}, write: {write}}}\n", file.display());
    let out = run(&[hello.to_str().unwrap()], &config(false));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "fd 3: errno 76\n", "read-only: ENOTCAPABLE");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "old");
    let out = run(&[hello.to_str().unwrap()], &config(true));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "fd 3: errno 00\n");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "xld");
}
