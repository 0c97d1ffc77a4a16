//! Differential test of `<stdlib.h>` against the host glibc: the program
//! tests/diff/stdlib.c runs strtod/strtof/strtold over about 107,000
//! generated strings (random digits and exponents, exponents near each
//! format's limits, exact midpoints between neighbours and numbers just
//! beside them, hexadecimal input, special forms), strtol/strtoul over
//! about 27,000 (random text, every base, the range limits and their
//! neighbours in every base) and qsort over 200 arrays. It is built with
//! the host gcc against glibc and with cloudabi-cc against this library,
//! and every output line (bit patterns, end offsets, errno) must agree.
//!
//! glibc (2.36 at least) rounds a few float subnormals wrongly: it reads
//! only a limited number of digits, and a hexadecimal input's low bits in
//! one case. Those lines are listed below with the correct result, checked
//! with exact rational arithmetic; they are accepted when glibc disagrees
//! and ours gives exactly the listed fields.

use cloudlibc_tests::{compile, default_config, root, run, tools, TempDir};
use std::collections::BTreeMap;
use std::process::Command;

/// Input, and the field our library must print for it, where glibc errs.
const GLIBC_ERRORS: &[(&str, &str)] = &[
    ("0x1.000001p-150", "f=00000001,15,ERANGE"),
    ("72088380682495085336386958136146654333630154334621203905823473833072863835302879209621096379123628139495849609375e-151", "f=004e7f4f,118,ERANGE"),
    ("105382699701436295511047822017873411444719291574069305566778148572346421839307506473915054812096059322357177734375e-151", "f=0072c069,119,ERANGE"),
    ("97281071610465400743246215576139011982980487953181101484628081933013336347892963118511033826507627964019775390625e-151", "f=0069ee01,118,ERANGE"),
    ("61133554775327787282306836652579823737830296571258807295641122890228935822520828224924116511829197406768798828125e-151", "f=0042918c,118,ERANGE"),
    ("84395403555797258871225641718404922399470213661416763175120525387139084651233478240328622632659971714019775390625e-151", "f=005be601,118,ERANGE"),
];

/// Whether two differing lines are a known glibc error that ours gets right.
fn known_glibc_error(host: &str, ours: &str) -> bool {
    let (h, o): (Vec<&str>, Vec<&str>) = (host.split(' ').collect(), ours.split(' ').collect());
    if h.len() != o.len() || h.len() < 2 {
        return false;
    }
    GLIBC_ERRORS.iter().any(|&(input, field)| {
        h[1] == format!("{input}$") && o[1] == h[1] && o.contains(&field) && h.iter().zip(&o).all(|(a, b)| a == b || *b == field)
    })
}

#[test]
fn stdlib_conversions_and_qsort_match_glibc() {
    let src = root().join("tests/diff/stdlib.c");
    let t = tools();
    let host_bin = t.work.join("stdlib_diff_host");
    let ours_bin = t.work.join("stdlib_diff_ours");
    let status = Command::new("gcc").args(["-O2", "-w", "-o"]).arg(&host_bin).arg(&src).status().expect("host gcc");
    assert!(status.success(), "host gcc failed");
    compile(&[&src], &ours_bin, &["-O2"]).unwrap();

    let host = Command::new(&host_bin).output().expect("run host program");
    assert!(host.status.success());
    let tmp = TempDir::new("stdlib-diff");
    let ours = run(&ours_bin, &default_config(&tmp.0));
    assert!(ours.status.success(), "our build failed: {}", String::from_utf8_lossy(&ours.stderr));

    let host = String::from_utf8(host.stdout).unwrap();
    let ours = String::from_utf8(ours.stdout).unwrap();
    let (hl, ol): (Vec<&str>, Vec<&str>) = (host.lines().collect(), ours.lines().collect());
    assert_eq!(hl.len(), ol.len(), "line counts differ");

    let mut total: BTreeMap<&str, usize> = BTreeMap::new();
    let mut mismatches: BTreeMap<&str, usize> = BTreeMap::new();
    let mut glibc_errors = 0;
    let mut shown = 0;
    for (h, o) in hl.iter().zip(&ol) {
        let category = h.split(' ').next().unwrap_or("");
        *total.entry(category).or_default() += 1;
        if h == o {
            continue;
        }
        if known_glibc_error(h, o) {
            glibc_errors += 1;
            continue;
        }
        *mismatches.entry(category).or_default() += 1;
        if shown < 20 {
            eprintln!("glibc: {h}\nours:  {o}");
            shown += 1;
        }
    }
    for (category, n) in &total {
        eprintln!("{category}: {n} inputs, {} mismatches", mismatches.get(category).copied().unwrap_or(0));
    }
    eprintln!("known glibc rounding errors where ours is exact: {glibc_errors}");
    assert!(mismatches.is_empty(), "mismatches with glibc: {mismatches:?}");
}
