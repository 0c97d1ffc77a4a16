//! Differential test: `tests/differential/string.c` prints the results of
//! the <string.h>, <strings.h> and <ctype.h> functions on pseudo-random
//! inputs (and the whole ctype table); built against this library and
//! against the host glibc, the two outputs must be identical.
//!
//! The library's build runs directly (without cloudabi-run): it only
//! writes to its standard output.

use cloudlibc_tests::{compile, root, tools};
use std::process::Command;

fn output(program: &std::path::Path) -> String {
    let o = Command::new(program).output().expect("cannot run the test program");
    assert!(o.status.success(), "{} failed: {}", program.display(), String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("output is not UTF-8")
}

#[test]
fn string_functions_match_glibc() {
    let t = tools();
    let src = root().join("tests/differential/string.c");
    let ours = t.work.join("string-differential-ours");
    let host = t.work.join("string-differential-glibc");
    compile(&[&src], &ours, &[]).unwrap();
    let status = Command::new("gcc")
        .args(["-std=gnu11", "-O1", "-D_GNU_SOURCE"])
        .arg(&src)
        .arg("-o")
        .arg(&host)
        .status()
        .expect("cannot run gcc");
    assert!(status.success(), "gcc failed to build the glibc twin");
    let (a, b) = (output(&ours), output(&host));
    assert!(a.lines().count() > 70_000, "the program printed too little");
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        assert_eq!(x, y, "line {}: ours, then glibc's", i + 1);
    }
    assert_eq!(a.lines().count(), b.lines().count());
}
