//! The escape suite: every program under `tests/c/escape/` attempts one way
//! out of its grants, through the libc and with raw system calls (see
//! `escape.h` for the protocol), under `cloudabi-run` with its default,
//! kernel-enforced confinement. Each attempt must be refused with the
//! errno (or the seccomp kill) its case names, and must leave no trace:
//! everything outside the writable grant is compared before and after,
//! and listeners, sockets and processes the test set up are checked.
//!
//! Where it is safe, the raw attempt is also run `--unconfined`, where it
//! must succeed: proof that the attack is real and that the confinement,
//! not the test, stops it.
//!
//! Cases named `limit_*` are the documented known limits
//! (docs/security.md): their tests record that the attempt succeeds, so
//! that a change in behaviour is noticed. They do not count as refusals.
//!
//! The `launcher/*` tests check that cloudabi-run never starts a program
//! silently unconfined: a bad configuration, a missing directory and a
//! kernel without Landlock are refused with a clear message.

use cloudlibc_tests::{compile, root, run_with, tools, TempDir};
use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::net::{TcpListener, UdpSocket};
use std::os::linux::net::SocketAddrExt;
use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
use std::os::unix::net::{SocketAddr, UnixDatagram, UnixListener};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::sync::OnceLock;

/// CloudABI errno values, as the libc reports them.
mod cloudabi {
    pub const ACCES: i32 = 2;
    pub const BADF: i32 = 8;
    pub const INVAL: i32 = 28;
    pub const ISDIR: i32 = 31;
    pub const LOOP: i32 = 32;
    pub const NAMETOOLONG: i32 = 37;
    pub const PERM: i32 = 63;
    pub const NOTCAPABLE: i32 = 76;
}

const NOTCAP: Want = Want::Errno(&[cloudabi::NOTCAPABLE]);
const EPERM: Want = Want::Errno(&[libc::EPERM]);
const EACCES: Want = Want::Errno(&[libc::EACCES]);
/// Landlock refuses a move or link between hierarchies with EXDEV.
const EACCES_OR_EXDEV: Want = Want::Errno(&[libc::EACCES, libc::EXDEV]);
const ENOSYS: Want = Want::Errno(&[libc::ENOSYS]);

/// What an attempt must come to.
#[derive(Copy, Clone, Debug)]
enum Want {
    /// Fails with one of these errno values.
    Errno(&'static [i32]),
    /// Killed by the seccomp filter (SIGSYS).
    Killed,
    /// Succeeds: only for the known limits, and for unconfined controls.
    Done,
}

/// What a case sets up beyond the files, and checks afterwards.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Extra {
    None,
    /// EXTRA is the test process's pid.
    Parent,
    /// EXTRA is the pid of a process of the sandbox's user, which must survive.
    Victim,
    /// EXTRA is the port of a TCP listener that must get no connection.
    Tcp,
    /// EXTRA is the port of a UDP socket that must get no datagram.
    Udp,
    /// A listener at DIR/outside/sock (mode 0777) that must get no connection.
    UnixPath,
    /// EXTRA names an abstract stream listener that must get no connection.
    AbstractStream,
    /// EXTRA names an abstract datagram socket that must get nothing.
    AbstractDgram,
    /// A datagram socket at DIR/outside/dsock (mode 0777) that gets the datagram.
    DgramPath,
    /// EXTRA is a file handle for DIR/outside/secret, as TYPE:HEX.
    Handle,
}

struct Case {
    name: &'static str,
    libc: Option<Want>,
    raw: Want,
    /// Whether the raw attempt is also run unconfined, expecting success.
    control: bool,
    extra: Extra,
}

const fn case(name: &'static str, libc: Option<Want>, raw: Want, control: bool, extra: Extra) -> Case {
    Case { name, libc, raw, control, extra }
}

/// A path attack refused by the emulator (libc) and by Landlock (raw).
const fn landlock(name: &'static str) -> Case {
    case(name, Some(NOTCAP), EACCES, true, Extra::None)
}

/// A raw-only attack refused by the seccomp filter.
const fn seccomp(name: &'static str, control: bool, extra: Extra) -> Case {
    case(name, None, EPERM, control, extra)
}

const CASES: &[Case] = &[
    landlock("path_dotdot"),
    landlock("path_dotdot_chain"),
    landlock("path_dotdot_write"),
    landlock("path_step_out_back_in"),
    landlock("path_step_out_back_in_create"),
    landlock("path_absolute"),
    landlock("path_absolute_system"),
    landlock("path_absolute_create"),
    landlock("path_absolute_into_ro"),
    landlock("symlink_relative_final"),
    landlock("symlink_relative_mid"),
    landlock("symlink_absolute_final"),
    landlock("symlink_absolute_mid"),
    landlock("symlink_nested"),
    landlock("symlink_dangling_create"),
    landlock("symlink_dangling_absolute_create"),
    case("symlink_loop", Some(Want::Errno(&[cloudabi::LOOP, cloudabi::NOTCAPABLE])), Want::Errno(&[libc::ELOOP]), false, Extra::None),
    landlock("symlink_chain"),
    case(
        "symlink_chain_too_long",
        Some(Want::Errno(&[cloudabi::LOOP, cloudabi::NOTCAPABLE])),
        Want::Errno(&[libc::ELOOP]),
        false,
        Extra::None,
    ),
    landlock("symlink_trailing_slash"),
    case(
        "symlink_trailing_slash_create",
        Some(Want::Errno(&[cloudabi::NOTCAPABLE, cloudabi::ISDIR])),
        Want::Errno(&[libc::EISDIR, libc::EACCES]),
        false,
        Extra::None,
    ),
    landlock("symlink_made_relative"),
    landlock("symlink_made_absolute"),
    landlock("proc_fd_reopen_write"),
    landlock("proc_fd_dotdot"),
    landlock("proc_fd_ro_write"),
    landlock("proc_self_root"),
    landlock("proc_self_cwd"),
    case("proc_parent_mem", Some(NOTCAP), EACCES, false, Extra::Parent),
    case("path_embedded_nul", Some(Want::Errno(&[cloudabi::INVAL])), EACCES, true, Extra::None),
    case("path_too_long", Some(Want::Errno(&[cloudabi::NAMETOOLONG])), Want::Errno(&[libc::ENAMETOOLONG]), false, Extra::None),
    case(
        "path_component_too_long",
        Some(Want::Errno(&[cloudabi::NAMETOOLONG])),
        Want::Errno(&[libc::ENAMETOOLONG]),
        false,
        Extra::None,
    ),
    landlock("ro_write"),
    landlock("ro_truncate"),
    landlock("ro_create"),
    landlock("ro_mkdir"),
    landlock("ro_unlink"),
    landlock("ro_rmdir"),
    case("ro_rename_out", Some(NOTCAP), EACCES_OR_EXDEV, true, Extra::None),
    case("ro_rename_in", Some(NOTCAP), EACCES_OR_EXDEV, true, Extra::None),
    landlock("ro_symlink"),
    case("ro_link_in", Some(NOTCAP), EACCES_OR_EXDEV, true, Extra::None),
    case("ro_file_write", Some(NOTCAP), Want::Errno(&[libc::EBADF]), false, Extra::None),
    landlock("outside_mkdir"),
    landlock("outside_unlink"),
    landlock("outside_rmdir"),
    case("outside_rename_out", Some(NOTCAP), EACCES_OR_EXDEV, true, Extra::None),
    case("outside_rename_in", Some(NOTCAP), EACCES_OR_EXDEV, true, Extra::None),
    case("outside_link_in", Some(NOTCAP), EACCES_OR_EXDEV, true, Extra::None),
    case("outside_link_out", Some(NOTCAP), EACCES_OR_EXDEV, true, Extra::None),
    landlock("outside_symlink"),
    landlock("outside_truncate"),
    landlock("opath_then_open"),
    landlock("opath_reopen_proc"),
    case("descriptors_closed", Some(Want::Errno(&[cloudabi::BADF])), Want::Errno(&[libc::EBADF]), false, Extra::None),
    seccomp("open_by_handle", false, Extra::Handle),
    seccomp("name_to_handle", true, Extra::None),
    seccomp("cwd_openat2", true, Extra::None),
    seccomp("cwd_statx", true, Extra::None),
    seccomp("cwd_newfstatat", true, Extra::None),
    seccomp("cwd_mkdirat", true, Extra::None),
    seccomp("plain_open", true, Extra::None),
    seccomp("plain_stat", true, Extra::None),
    seccomp("plain_access", true, Extra::None),
    case("openat_outside", None, EACCES, true, Extra::None),
    seccomp("openat_cwd", true, Extra::None),
    seccomp("tcp_connect", true, Extra::Tcp),
    seccomp("tcp_bind", true, Extra::None),
    seccomp("udp_send", true, Extra::Udp),
    seccomp("socketpair_inet", false, Extra::None),
    case("unix_connect_path", Some(NOTCAP), EPERM, true, Extra::UnixPath),
    seccomp("unix_connect_abstract", true, Extra::AbstractStream),
    // Passes the filter (a socket pair), refused by Landlock's abstract-socket scope.
    seccomp("unix_dgram_abstract", true, Extra::AbstractDgram),
    case("int80_socket", None, Want::Killed, false, Extra::None),
    seccomp("kill_parent", false, Extra::Parent),
    seccomp("tgkill_parent", false, Extra::Parent),
    // Passes the filter, refused by Landlock's signal scope (same user).
    seccomp("tgkill_victim", true, Extra::Victim),
    seccomp("tkill_victim", true, Extra::Victim),
    seccomp("kill_everyone", false, Extra::Victim),
    seccomp("sigqueue_victim", true, Extra::Victim),
    seccomp("pidfd_victim", true, Extra::Victim),
    seccomp("setown_victim", true, Extra::Victim),
    seccomp("ptrace_parent", false, Extra::Parent),
    seccomp("ptrace_victim", true, Extra::Victim),
    seccomp("process_vm_readv_victim", false, Extra::Victim),
    seccomp("setpriority_victim", true, Extra::Victim),
    // The filter allows the program's own niceness; the emulator refuses
    // lowering it, and so does the kernel for the unprivileged sandbox user.
    case("setpriority_raise", Some(Want::Errno(&[cloudabi::ACCES])), EACCES, false, Extra::None),
    case("execve_shell", Some(NOTCAP), EPERM, true, Extra::None),
    case("execveat_absolute", Some(NOTCAP), EACCES, true, Extra::None),
    case("execveat_granted_file", Some(NOTCAP), EACCES, true, Extra::None),
    // A descriptor opened for reading lacks PROC_EXEC (and the grant has no
    // exec: true to give it): proc_exec refuses it, Landlock the raw exec.
    case("execveat_read_descriptor", Some(NOTCAP), EACCES, true, Extra::None),
    seccomp("fork", true, Extra::None),
    // proc_fork is allowed; its child is confined as its parent.
    case("fork_child_confined", Some(NOTCAP), EACCES, true, Extra::None),
    seccomp("clone_process", true, Extra::None),
    seccomp("vfork", true, Extra::None),
    case("clone3", None, ENOSYS, true, Extra::None),
    seccomp("unshare_user", true, Extra::None),
    seccomp("mount_tmpfs", false, Extra::None),
    seccomp("chroot", false, Extra::None),
    seccomp("setns", false, Extra::None),
    seccomp("tiocsti", false, Extra::None),
    case("int80_open", None, Want::Killed, false, Extra::None),
    case("int80_getpid", None, Want::Killed, true, Extra::None),
    case("x32_openat", None, Want::Killed, false, Extra::None),
    case("io_uring", None, ENOSYS, true, Extra::None),
    seccomp("bpf", false, Extra::None),
    seccomp("perf_event_open", false, Extra::None),
    seccomp("userfaultfd", false, Extra::None),
    seccomp("setuid_root", false, Extra::None),
    seccomp("prctl", true, Extra::None),
    seccomp("seccomp_again", true, Extra::None),
    seccomp("add_key", false, Extra::None),
    seccomp("chmod_outside", false, Extra::None),
    seccomp("chmod_absolute", false, Extra::None),
    // fchmod passes the filter; the kernel refuses path-only descriptors.
    case("fchmod_path_descriptor", None, Want::Errno(&[libc::EBADF]), false, Extra::None),
    case("fchmod_setuid", Some(Want::Errno(&[cloudabi::PERM])), EPERM, true, Extra::None),
    // Landlock does not cover modes; the uid drop does (the file is not nobody's).
    case("fchmod_readonly_file", Some(NOTCAP), EPERM, false, Extra::None),
    seccomp("chown_outside", false, Extra::None),
    seccomp("setxattr_outside", false, Extra::None),
    seccomp("fsetxattr_granted", false, Extra::None),
    // Landlock does not cover times; the uid drop does (the file is not nobody's).
    case("utimens_outside_explicit", Some(NOTCAP), EPERM, false, Extra::None),
    case("limit_stat_outside", Some(NOTCAP), Want::Done, false, Extra::None),
    case("limit_readlink_outside", Some(NOTCAP), Want::Done, false, Extra::None),
    case("limit_utimens_outside_now", Some(NOTCAP), Want::Done, false, Extra::None),
    case("limit_hardlink_inside", Some(Want::Done), Want::Done, false, Extra::None),
    case("limit_path_descriptor_outside", Some(NOTCAP), Want::Done, false, Extra::None),
    case("limit_dgram_pathname", None, Want::Done, false, Extra::DgramPath),
];

fn escape_dir() -> PathBuf {
    root().join("tests/c/escape")
}

/// Builds a case's program once, for all its runs.
fn program(index: usize) -> Result<&'static Path, String> {
    static BUILT: OnceLock<Vec<OnceLock<Result<PathBuf, String>>>> = OnceLock::new();
    let slots = BUILT.get_or_init(|| CASES.iter().map(|_| OnceLock::new()).collect());
    let built = slots[index].get_or_init(|| {
        let name = CASES[index].name;
        let out = tools().work.join(format!("escape__{name}"));
        compile(&[&escape_dir().join(format!("{name}.c"))], &out, &[]).map(|()| out)
    });
    built.as_deref().map_err(Clone::clone)
}

fn mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Lays out the grants and the outside (see escape.h).
fn layout(t: &Path) {
    for d in ["grant", "grant/sub", "ro", "ro/rsub", "outside", "outside/emptydir"] {
        std::fs::create_dir(t.join(d)).unwrap();
        mode(&t.join(d), 0o777);
    }
    for (f, text) in [("grant/f", "inside\n"), ("ro/r", "readonly\n"), ("rofile", "rofile\n"), ("outside/secret", "secret\n")] {
        std::fs::write(t.join(f), text).unwrap();
        mode(&t.join(f), 0o666);
    }
    let outside = t.join("outside");
    let links = [
        ("up", PathBuf::from("../outside")),
        ("upfile", PathBuf::from("../outside/secret")),
        ("abs", outside.join("secret")),
        ("absdir", outside.clone()),
        ("dangling", PathBuf::from("../outside/new")),
        ("danglingabs", outside.join("new")),
        ("loop1", PathBuf::from("loop2")),
        ("loop2", PathBuf::from("loop1")),
        ("sub/deep", PathBuf::from("../../outside/secret")),
    ];
    for (name, target) in links {
        symlink(target, t.join("grant").join(name)).unwrap();
    }
    for (prefix, count) in [("chain", 30), ("long", 45)] {
        for i in 0..count {
            let target = if i + 1 == count { "../outside/secret".to_string() } else { format!("{prefix}{}", i + 1) };
            symlink(target, t.join(format!("grant/{prefix}{i}"))).unwrap();
        }
    }
    symlink("secret", outside.join("link")).unwrap();
    std::fs::hard_link(outside.join("secret"), t.join("grant/hard")).unwrap();
    std::fs::copy("/bin/echo", t.join("grant/echo")).unwrap();
    mode(&t.join("grant/echo"), 0o755);
}

/// Everything about the tree outside the writable grant that an escape
/// could change.
fn snapshot(t: &Path) -> BTreeMap<PathBuf, String> {
    fn walk(t: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, String>) {
        let m = std::fs::symlink_metadata(dir).unwrap();
        out.insert(dir.strip_prefix(t).unwrap().to_path_buf(), describe(dir, &m));
        if !m.is_dir() {
            return;
        }
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p != t.join("grant") {
                walk(t, &p, out);
            }
        }
    }
    fn describe(p: &Path, m: &std::fs::Metadata) -> String {
        let content = if m.file_type().is_symlink() {
            std::fs::read_link(p).unwrap().display().to_string()
        } else if m.is_file() {
            String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned()
        } else {
            String::new()
        };
        format!(
            "mode {:o} uid {} links {} size {} mtime {}.{} ctime {}.{} {content:?}",
            m.mode(),
            m.uid(),
            m.nlink(),
            m.size(),
            m.mtime(),
            m.mtime_nsec(),
            m.ctime(),
            m.ctime_nsec()
        )
    }
    let mut out = BTreeMap::new();
    walk(t, t, &mut out);
    out
}

/// A process of the sandbox's user outside the sandbox.
fn victim() -> Child {
    let mut c = Command::new("sleep");
    c.arg("60");
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        c.uid(65534).gid(65534);
    }
    c.spawn().expect("cannot start sleep")
}

fn abstract_name(t: &Path) -> String {
    format!("cloudabi-escape-{}", t.file_name().unwrap().to_string_lossy())
}

/// A file handle for `path`, as TYPE:HEX.
fn handle(path: &Path) -> String {
    #[repr(C)]
    struct Handle {
        bytes: u32,
        kind: i32,
        data: [u8; 128],
    }
    let mut h = Handle { bytes: 128, kind: 0, data: [0; 128] };
    let mut mount_id = 0;
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a NUL-terminated path, a handle buffer of the size it claims, a writable int.
    let r = unsafe { libc::syscall(libc::SYS_name_to_handle_at, libc::AT_FDCWD, c.as_ptr(), &mut h, &mut mount_id, 0) };
    assert_eq!(r, 0, "name_to_handle_at: {}", std::io::Error::last_os_error());
    let hex: String = h.data[..h.bytes as usize].iter().map(|b| format!("{b:02x}")).collect();
    format!("{}:{hex}", h.kind)
}

/// What a case set up, to check once the program ran.
enum Fixture {
    None,
    Victim(Child),
    Tcp(TcpListener),
    Udp(UdpSocket),
    Unix(UnixListener),
    Dgram(UnixDatagram),
}

fn set_up(extra: Extra, t: &Path) -> (String, Fixture) {
    let abstract_addr = || SocketAddr::from_abstract_name(abstract_name(t).as_bytes()).unwrap();
    match extra {
        Extra::None => (String::new(), Fixture::None),
        Extra::Parent => (std::process::id().to_string(), Fixture::None),
        Extra::Victim => {
            let v = victim();
            (v.id().to_string(), Fixture::Victim(v))
        }
        Extra::Tcp => {
            let l = TcpListener::bind("127.0.0.1:0").unwrap();
            l.set_nonblocking(true).unwrap();
            (l.local_addr().unwrap().port().to_string(), Fixture::Tcp(l))
        }
        Extra::Udp => {
            let s = UdpSocket::bind("127.0.0.1:0").unwrap();
            s.set_nonblocking(true).unwrap();
            (s.local_addr().unwrap().port().to_string(), Fixture::Udp(s))
        }
        Extra::UnixPath => {
            let l = UnixListener::bind(t.join("outside/sock")).unwrap();
            mode(&t.join("outside/sock"), 0o777);
            l.set_nonblocking(true).unwrap();
            (String::new(), Fixture::Unix(l))
        }
        Extra::AbstractStream => {
            let l = UnixListener::bind_addr(&abstract_addr()).unwrap();
            l.set_nonblocking(true).unwrap();
            (abstract_name(t), Fixture::Unix(l))
        }
        Extra::AbstractDgram => {
            let s = UnixDatagram::bind_addr(&abstract_addr()).unwrap();
            s.set_nonblocking(true).unwrap();
            (abstract_name(t), Fixture::Dgram(s))
        }
        Extra::DgramPath => {
            let s = UnixDatagram::bind(t.join("outside/dsock")).unwrap();
            mode(&t.join("outside/dsock"), 0o777);
            s.set_nonblocking(true).unwrap();
            (String::new(), Fixture::Dgram(s))
        }
        Extra::Handle => (handle(&t.join("outside/secret")), Fixture::None),
    }
}

/// Whether the case's listener, socket or victim was reached.
fn reached(f: Fixture) -> Result<bool, String> {
    let unreached = |r: std::io::Result<()>| match r {
        Err(e) if e.kind() == ErrorKind::WouldBlock => Ok(false),
        Err(e) => Err(e.to_string()),
        Ok(()) => Ok(true),
    };
    let mut buf = [0u8; 16];
    match f {
        Fixture::None => Ok(false),
        Fixture::Victim(mut v) => {
            let alive = v.try_wait().map_err(|e| e.to_string())?.is_none();
            let _ = v.kill();
            let _ = v.wait();
            Ok(!alive)
        }
        Fixture::Tcp(l) => unreached(l.accept().map(drop)),
        Fixture::Udp(s) => unreached(s.recv(&mut buf).map(drop)),
        Fixture::Unix(l) => unreached(l.accept().map(drop)),
        Fixture::Dgram(s) => unreached(s.recv(&mut buf).map(drop)),
    }
}

fn config(t: &Path, mode: &str, extra: &str) -> String {
    let d = t.display();
    format!(
        "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nstdout: !fd stdout\nstderr: !fd stderr\n\
         grant: !file {{path: '{d}/grant', write: true}}\nro: !file {{path: '{d}/ro'}}\n\
         rofile: !file {{path: '{d}/rofile'}}\nargv0: escape\nargs: ['{mode}', '{d}', '{extra}']\n"
    )
}

/// How a run ended: its printed line, or the signal that ended it.
fn outcome(out: &Output) -> String {
    match out.status.signal() {
        Some(s) => format!("killed by signal {s}"),
        None => String::from_utf8_lossy(&out.stdout).trim_end().to_string(),
    }
}

fn matches(want: Want, got: &str) -> bool {
    match want {
        Want::Errno(list) => list.iter().any(|e| got == format!("errno {e}")),
        Want::Killed => got == format!("killed by signal {}", libc::SIGSYS),
        Want::Done => got == "ok",
    }
}

/// Runs one attempt and checks its outcome and that it left no trace.
fn attempt(index: usize, variant: &'static str, unconfined: bool) -> Result<(), Failed> {
    let c = &CASES[index];
    let prog = program(index)?;
    let want = match (variant, unconfined) {
        (_, true) => Want::Done,
        ("libc", _) => c.libc.expect("libc variant"),
        _ => c.raw,
    };
    let tmp = TempDir::new("escape");
    let t = &tmp.0;
    layout(t);
    let (extra, fixture) = set_up(c.extra, t);
    let before = snapshot(t);
    let options: &[&str] = if unconfined { &["--unconfined"] } else { &[] };
    let out = run_with(prog, &config(t, variant, &extra), options);
    let got = outcome(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if !matches(want, &got) {
        problems.push(format!("got {got:?}, want {want:?}"));
    }
    let trace_expected = unconfined || matches!(want, Want::Done);
    if !trace_expected {
        let after = snapshot(t);
        for (path, was) in &before {
            match after.get(path) {
                Some(now) if now == was => {}
                now => problems.push(format!("{} changed: {was} -> {now:?}", path.display())),
            }
        }
        for path in after.keys().filter(|p| !before.contains_key(*p)) {
            problems.push(format!("{} appeared outside the grant", path.display()));
        }
    }
    let hit = reached(fixture)?;
    if hit && !trace_expected {
        problems.push(format!("the program reached the test's {:?}", c.extra));
    }
    if c.extra == Extra::DgramPath && !unconfined && !hit {
        problems.push("the known limit no longer holds: the datagram did not arrive".into());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stderr:\n{stderr}", problems.join("\n")).into())
    }
}

/// Every program under tests/c/escape has a case, and every case a program.
fn all_programs_listed() -> Result<(), Failed> {
    let mut files: Vec<String> = std::fs::read_dir(escape_dir())
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".c").map(String::from))
        .collect();
    files.sort();
    let mut names: Vec<String> = CASES.iter().map(|c| c.name.to_string()).collect();
    names.sort();
    if files == names {
        Ok(())
    } else {
        Err(format!("programs {files:?}\ncases {names:?}").into())
    }
}

/// A scratch directory with a trivial program in it.
fn launcher_fixture() -> (TempDir, PathBuf) {
    let tmp = TempDir::new("launch");
    let src = tmp.0.join("hello.c");
    std::fs::write(&src, "#include <unistd.h>\nint main(void) { write(1, \"ran\\n\", 4); return 0; }\n").unwrap();
    let prog = tmp.0.join("hello");
    compile(&[&src], &prog, &[]).unwrap();
    (tmp, prog)
}

fn refused(out: &Output, message: &str) -> Result<(), Failed> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(2) && out.stdout.is_empty() && stderr.contains(message) {
        Ok(())
    } else {
        Err(format!("status {:?}, stdout {:?}, stderr {stderr:?}; want 2 and {message:?}", out.status, out.stdout).into())
    }
}

/// The trivial program runs with `options`; its stderr holds `warning`
/// (or is empty).
fn ran(options: &[&str], warning: Option<&str>) -> Result<(), Failed> {
    let (_t, prog) = launcher_fixture();
    let out = run_with(&prog, LAUNCHER_YAML, options);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warned = warning.map_or(stderr.is_empty(), |w| stderr.contains(w));
    if out.status.success() && out.stdout == b"ran\n" && warned {
        Ok(())
    } else {
        Err(format!("{:?} {:?} {stderr:?}, want the warning {warning:?}", out.status, out.stdout).into())
    }
}

const LAUNCHER_YAML: &str = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nstdout: !fd stdout\n";

fn launcher_tests() -> Vec<Trial> {
    let yaml = LAUNCHER_YAML;
    vec![
        Trial::test("launcher/bad_config_is_refused", move || {
            let (_t, prog) = launcher_fixture();
            refused(&run_with(&prog, "stdout: !fd stdout\nx: !file {pth: /}\n", &[]), "config:2:")
        }),
        Trial::test("launcher/missing_directory_is_refused", move || {
            let (t, prog) = launcher_fixture();
            let yaml = format!("{yaml}d: !file {{path: {}/none}}\n", t.0.display());
            refused(&run_with(&prog, &yaml, &[]), "No such file or directory")
        }),
        Trial::test("launcher/no_landlock_is_refused", move || {
            let (_t, prog) = launcher_fixture();
            let out = run_with(&prog, yaml, &["--test-assume-landlock-abi", "0"]);
            refused(&out, "Landlock is not available")?;
            refused(&out, "--unconfined runs it anyway")
        }),
        Trial::test("launcher/old_landlock_runs_and_warns", move || {
            ran(&["--test-assume-landlock-abi", "5"], Some("warning: Landlock ABI 5: signals"))
        }),
        Trial::test("launcher/unconfined_warns", move || ran(&["--unconfined"], Some("warning: --unconfined"))),
        Trial::test("launcher/confined_runs_quietly", move || ran(&[], None)),
    ]
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = vec![Trial::test("escape/all_programs_listed", all_programs_listed)];
    for (i, c) in CASES.iter().enumerate() {
        let group = if c.name.starts_with("limit_") { "limit" } else { "escape" };
        let mut add = |variant: &'static str, unconfined: bool| {
            let label = if unconfined { "raw-unconfined" } else { variant };
            trials.push(Trial::test(format!("{group}/{}/{label}", c.name), move || attempt(i, variant, unconfined)));
        };
        if c.libc.is_some() {
            add("libc", false);
        }
        add("raw", false);
        if c.control {
            add("raw", true);
        }
    }
    trials.extend(launcher_tests());
    libtest_mimic::run(&args, trials).exit();
}
