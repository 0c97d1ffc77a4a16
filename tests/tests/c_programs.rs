//! Builds every C program under `tests/c/` with `cloudabi-cc` and runs it
//! under `cloudabi-run` with a fresh directory granted (see
//! `default_config`). Beside `name.c` a test may keep:
//! - `name.yaml`: its own configuration (`@TMP@` is replaced by the fresh
//!   directory, `@DIR@` by the test's source directory, `@BIN@` by another
//!   fresh directory holding a copy of the test's executable as `program`,
//!   for tests that execute it);
//! - `name.expected`: the exact standard output;
//! - `name.status`: the expected exit status (default 0), or `signal N`
//!   for death by Linux signal N;
//! - `name.stderr`: text that standard error must contain.

use cloudlibc_tests::{compile, default_config, root, run, tools, TempDir};
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            // The escape programs take their own arguments and grants: tests/escape.rs runs them.
            if p.file_name().is_some_and(|n| n == "escape") {
                continue;
            }
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "c") {
            out.push(p);
        }
    }
}

fn sidecar(src: &Path, ext: &str) -> Option<String> {
    std::fs::read_to_string(src.with_extension(ext)).ok()
}

fn run_one(src: &Path, name: &str) -> Result<(), Failed> {
    let t = tools();
    let bin = t.work.join(name.replace('/', "__"));
    compile(&[src], &bin, &[])?;
    let tmp = TempDir::new("c");
    let bin_dir = TempDir::new("bin");
    let yaml = match sidecar(src, "yaml") {
        Some(y) => {
            if y.contains("@BIN@") {
                std::fs::copy(&bin, bin_dir.0.join("program")).map_err(|e| e.to_string())?;
            }
            y.replace("@TMP@", &tmp.0.display().to_string())
                .replace("@DIR@", &src.parent().unwrap().display().to_string())
                .replace("@BIN@", &bin_dir.0.display().to_string())
        }
        None => default_config(&tmp.0),
    };
    let out = run(&bin, &yaml);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    use std::os::unix::process::ExitStatusExt;
    let want = sidecar(src, "status").unwrap_or_else(|| "0".into());
    let want = want.trim();
    let ok = match want.strip_prefix("signal ") {
        Some(sig) => out.status.signal() == Some(sig.parse().expect("bad .status file")),
        None => out.status.code() == Some(want.parse().expect("bad .status file")),
    };
    let mut problems = Vec::new();
    if !ok {
        problems.push(format!("exit status {:?} (signal {:?}), expected {want}", out.status.code(), out.status.signal()));
    }
    if let Some(want) = sidecar(src, "expected") {
        if stdout != want {
            problems.push(format!("stdout differs; expected:\n{want}"));
        }
    }
    if let Some(want) = sidecar(src, "stderr") {
        if !stderr.contains(want.trim_end()) {
            problems.push(format!("stderr lacks {:?}", want.trim_end()));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n--- stdout:\n{stdout}\n--- stderr:\n{stderr}", problems.join("\n")).into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let base = root().join("tests/c");
    let mut files = Vec::new();
    collect(&base, &mut files);
    let trials = files
        .into_iter()
        .map(|src| {
            let name = src.strip_prefix(&base).unwrap().with_extension("").display().to_string();
            let n = name.clone();
            Trial::test(name, move || run_one(&src, &n))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
