//! The C symbols `libc.a` exports are exactly those listed in
//! `tests/symbols.txt`: a symbol that appears or disappears must be a
//! deliberate change to that list. Also checks that no C name is defined
//! twice (for example once by us and once by Rust's compiler_builtins).
//! After a deliberate change, `CLOUDLIBC_UPDATE_SYMBOLS=1 cargo test -p
//! cloudlibc-tests --test symbols` rewrites the list; review its diff.

use cloudlibc_tests::{root, tools};
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// Rust-internal names, which C code never sees.
fn is_rust_internal(name: &str) -> bool {
    name.starts_with("_R") || name.starts_with("_ZN") || name.starts_with("anon.") || name.starts_with("__rust") || name.starts_with("DW.ref.")
}

/// Members compiled from this workspace (the libc crate `c`, the argdata
/// codec, the ABI crate); the rest is the Rust toolchain's runtime.
fn is_ours(member: &str) -> bool {
    ["c-", "argdata-", "cloudabi-"].iter().any(|p| member.starts_with(p))
}

/// Each defined C name with the archive members defining it and whether
/// that definition is weak.
fn defined_symbols() -> BTreeMap<String, Vec<(String, bool)>> {
    let t = tools();
    // readelf rather than nm: nm hands these objects (which embed LLVM
    // bitcode) to whatever linker plugin is installed and may skip them.
    let out = Command::new("readelf").args(["-sW"]).arg(&t.libc).output().expect("readelf");
    let mut map: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    let mut member = String::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        if let Some(rest) = line.strip_prefix("File: ") {
            member = rest.rsplit('(').next().unwrap_or("").trim_end_matches(')').to_string();
            continue;
        }
        // "   Num:    Value          Size Type    Bind   Vis      Ndx Name"
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 8 || !cols[0].ends_with(':') {
            continue;
        }
        let (bind, ndx, name) = (cols[4], cols[6], cols[7]);
        if !(bind == "GLOBAL" || bind == "WEAK") || ndx == "UND" || is_rust_internal(name) {
            continue;
        }
        map.entry(name.to_string()).or_default().push((member.clone(), bind == "WEAK"));
    }
    map
}

#[test]
fn exported_symbols_match_the_checked_in_list() {
    let defined = defined_symbols();
    let ours: BTreeSet<&str> =
        defined.iter().filter(|(_, m)| m.iter().any(|(m, _)| is_ours(m))).map(|(n, _)| n.as_str()).collect();
    let list_path = root().join("tests/symbols.txt");
    if std::env::var_os("CLOUDLIBC_UPDATE_SYMBOLS").is_some() {
        let text: String = ours.iter().map(|n| format!("{n}\n")).collect();
        std::fs::write(&list_path, text).unwrap();
        return;
    }
    let listed_text = std::fs::read_to_string(&list_path).unwrap();
    let listed: BTreeSet<&str> = listed_text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let missing: Vec<_> = listed.difference(&ours).collect();
    let extra: Vec<_> = ours.difference(&listed).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "symbol list differs from libc.a\n  listed but not defined: {missing:?}\n  defined but not listed: {extra:?}"
    );
}

/// Rust's compiler_builtins brings weak definitions of some math functions
/// (`fabs`, `fma`, `floor`, ...). Ours are strong and come first in the
/// archive, so the linker takes ours: such a pair is not a clash.
fn shadows_builtin(defs: &[(String, bool)]) -> bool {
    defs.len() == 2
        && is_ours(&defs[0].0)
        && !defs[0].1
        && defs[1].0.starts_with("compiler_builtins-")
        && defs[1].1
}

#[test]
fn no_c_symbol_is_defined_twice() {
    let dup: Vec<_> = defined_symbols().into_iter().filter(|(_, m)| m.len() > 1 && !shadows_builtin(m)).collect();
    assert!(dup.is_empty(), "defined in more than one member: {dup:?}");
}
