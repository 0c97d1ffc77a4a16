//! Every public header compiles on its own, under C99, C11, gnu11 and C++,
//! with all the feature macros CPython's pyconfig.h defines at once, and
//! with `_CLOUDLIBC_STRICT` (cloudlibc's exact surface).

use cloudlibc_tests::{root, tools};
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const FEATURES: &[&str] = &[
    "-D_GNU_SOURCE",
    "-D_XOPEN_SOURCE=700",
    "-D_POSIX_C_SOURCE=200809L",
    "-D_NETBSD_SOURCE",
    "-D__BSD_VISIBLE=1",
    "-D_DARWIN_C_SOURCE",
    "-D_FILE_OFFSET_BITS=64",
];

const MODES: &[(&str, &[&str])] = &[
    ("c99", &["-x", "c", "-std=c99"]),
    ("c11", &["-x", "c", "-std=c11"]),
    ("gnu11", &["-x", "c", "-std=gnu11"]),
    ("c++", &["-x", "c++", "-std=c++17"]),
    ("strict", &["-x", "c", "-std=c11", "-D_CLOUDLIBC_STRICT"]),
    // gcc's own <stddef.h> first: its guard macros must not break ours.
    ("stddef first", &["-x", "c", "-std=gnu11", "-include", "stddef.h"]),
    ("stddef first, c++", &["-x", "c++", "-std=c++17", "-include", "stddef.h"]),
];

fn headers(dir: &Path, base: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            if p.file_name().unwrap() != "_" {
                headers(&p, base, out);
            }
        } else if p.extension().is_some_and(|x| x == "h") {
            out.push(p.strip_prefix(base).unwrap().display().to_string());
        }
    }
}

fn check(header: &str, mode: &[&str], features: bool) -> Result<(), Failed> {
    let t = tools();
    let src = format!("#include <{header}>\n#include <{header}>\nint cloudlibc_header_check;\n");
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let path: PathBuf = t.work.join(format!("hdr-{}-{}-{n}.c", header.replace('/', "_"), std::process::id()));
    std::fs::write(&path, src).unwrap();
    let mut cmd = Command::new(&t.cc);
    cmd.args(["-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-Wno-unused"]).args(mode);
    if features {
        cmd.args(FEATURES);
    }
    let o = cmd.arg(&path).output().unwrap();
    let _ = std::fs::remove_file(&path);
    if o.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&o.stderr).into_owned().into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let base = root().join("include");
    let mut list = Vec::new();
    headers(&base, &base, &mut list);
    list.sort();
    let mut trials = Vec::new();
    for h in &list {
        for (mode, flags) in MODES {
            for features in [false, true] {
                let (h, flags) = (h.clone(), *flags);
                let name = format!("{h} [{mode}{}]", if features { ", all feature macros" } else { "" });
                trials.push(Trial::test(name, move || check(&h, flags, features)));
            }
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
