//! Shared plumbing for the tests that need the built artifacts: `libc.a`,
//! `cloudabi-cc` and `cloudabi-run`. They are built once per test process
//! with `cargo build --release`, into the workspace's own target directory,
//! so `cargo test` alone is enough from a clean clone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

pub mod ulps;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Paths of the built tools.
pub struct Tools {
    pub libc: PathBuf,
    pub cc: PathBuf,
    pub run: PathBuf,
    /// Where test binaries and scratch directories go.
    pub work: PathBuf,
}

/// Builds the library and tools (once per process) and returns their paths.
pub fn tools() -> &'static Tools {
    static TOOLS: OnceLock<Tools> = OnceLock::new();
    TOOLS.get_or_init(|| {
        let root = root();
        let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(&root)
            .args(["build", "--release", "-p", "cloudlibc", "-p", "cloudabi-cc", "-p", "cloudabi-run"])
            .status()
            .expect("cannot run cargo");
        assert!(status.success(), "cargo build --release failed");
        let rel = target.join("release");
        let work = target.join("ctests");
        std::fs::create_dir_all(&work).unwrap();
        Tools { libc: rel.join("libc.a"), cc: rel.join("cloudabi-cc"), run: rel.join("cloudabi-run"), work }
    })
}

/// Compiles C sources into an executable with `cloudabi-cc`.
pub fn compile(sources: &[&Path], out: &Path, flags: &[&str]) -> Result<(), String> {
    let t = tools();
    let o = Command::new(&t.cc)
        .args(["-std=gnu11", "-O1", "-g", "-Wall", "-Werror=implicit-function-declaration"])
        .arg("-I")
        .arg(root().join("tests/c"))
        .args(flags)
        .args(sources)
        .arg("-o")
        .arg(out)
        .output()
        .map_err(|e| e.to_string())?;
    if o.status.success() {
        Ok(())
    } else {
        Err(format!("compile failed:\n{}", String::from_utf8_lossy(&o.stderr)))
    }
}

/// Runs `program` under `cloudabi-run` with `yaml` as its configuration.
pub fn run(program: &Path, yaml: &str) -> Output {
    run_with(program, yaml, &[])
}

/// A fresh, empty directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = tools().work.join(format!("tmp-{}-{}-{}", tag, std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        // Started by root, cloudabi-run runs programs as nobody; the
        // directory is the program's to write in, as a grant promises.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o777)).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The configuration C tests run with unless they bring their own: standard
/// output and error, and a fresh writable directory as descriptor 3, also
/// granted under the name `/sandbox`, which is the working directory.
pub fn default_config(tmp: &Path) -> String {
    format!(
        "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nstdout: !fd stdout\nstderr: !fd stderr\ntmp: &tmp !file {{path: {}, write: true}}\ndirs:\n  /sandbox: *tmp\ncwd: /sandbox\nargs: [one, two]\nenv: {{TEST_VAR: value}}\n",
        tmp.display()
    )
}

/// Like [`run`], with options for `cloudabi-run` itself (`--unconfined`, ...).
/// The configuration goes through `--config` in a scratch file, so the
/// program's standard input is free and no pipe write can race the launcher.
pub fn run_with(program: &Path, yaml: &str, options: &[&str]) -> Output {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let t = tools();
    let config = t.work.join(format!("config-{}-{}.yaml", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&config, yaml).unwrap();
    let out = Command::new(&t.run)
        .args(options)
        .arg("--config")
        .arg(&config)
        .arg(program)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("cannot start cloudabi-run");
    let _ = std::fs::remove_file(&config);
    out
}
