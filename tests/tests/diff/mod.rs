//! Shared by the differential tests: build one C program with the host gcc
//! (glibc) and with cloudabi-cc, run both, and compare their output line
//! by line. Each line starts `@@<case number>:` (after an optional letter)
//! so a mismatch can name the case it came from.

use cloudlibc_tests::{compile, tools, TempDir};
use std::fmt::Write as _;
use std::process::Command;

/// Builds and runs `source` both ways; panics listing the mismatched
/// lines (all of them go to `target/ctests/<name>.report`), with
/// `describe(n)` naming case `n`.
pub fn check(name: &str, source: &str, describe: impl Fn(usize) -> Option<String>) {
    let dir = TempDir::new(name);
    let src = dir.0.join(format!("{name}.c"));
    std::fs::write(&src, source).unwrap();
    let host = dir.0.join("host");
    let o = Command::new("gcc").args(["-O0", "-w", "-o"]).arg(&host).arg(&src).output().expect("gcc");
    assert!(o.status.success(), "host gcc failed:\n{}", String::from_utf8_lossy(&o.stderr));
    let ours = dir.0.join("ours");
    compile(&[&src], &ours, &["-O0", "-w"]).unwrap();

    let want = Command::new(&host).output().unwrap();
    let got = Command::new(&ours).output().unwrap();
    assert!(want.status.success() && got.status.success(), "a program failed: host {:?}, ours {:?}", want.status, got.status);
    let want_lines: Vec<&[u8]> = want.stdout.split(|&b| b == b'\n').collect();
    let got_lines: Vec<&[u8]> = got.stdout.split(|&b| b == b'\n').collect();
    let mut report = String::new();
    let mut mismatches = 0;
    for i in 0..want_lines.len().max(got_lines.len()) {
        let (w, g) = (want_lines.get(i).copied().unwrap_or(b""), got_lines.get(i).copied().unwrap_or(b""));
        if w != g {
            mismatches += 1;
            let case = std::str::from_utf8(w)
                .ok()
                .and_then(|l| l.strip_prefix("@@"))
                .map(|l| l.trim_start_matches(|c: char| c.is_ascii_alphabetic()))
                .and_then(|l| l.split(':').next())
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(&describe)
                .unwrap_or_default();
            writeln!(report, "{case}\n  glibc: {}\n  ours:  {}", String::from_utf8_lossy(w), String::from_utf8_lossy(g)).unwrap();
        }
    }
    eprintln!("{name}: {} lines compared, {mismatches} mismatches", want_lines.len());
    let report_file = tools().work.join(format!("{name}.report"));
    std::fs::write(&report_file, &report).unwrap();
    let head: String = report.lines().take(120).collect::<Vec<_>>().join("\n");
    assert_eq!(mismatches, 0, "{name}: output differs from glibc (all in {}):\n{head}", report_file.display());
}
