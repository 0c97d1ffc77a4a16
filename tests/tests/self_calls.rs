//! No memory or string function in libc.a calls itself. A compiler that
//! recognises the body of memcpy, memset, strlen or strcpy as the idiom it
//! implements replaces it with a call to that very function; this catches
//! such a rewrite wherever it survives as a call or jump (a rewrite the
//! optimiser then deletes as infinite recursion is left to the C tests).
//! Other functions may recurse legitimately and are not checked.

use cloudlibc_tests::tools;
use std::process::Command;

/// The functions whose bodies are idioms a compiler knows.
fn checked(name: &str) -> bool {
    const PREFIXES: &[&str] = &["mem", "str", "stp", "wcs", "wmem"];
    const NAMES: &[&str] = &["bcmp", "bcopy", "bzero", "explicit_bzero", "index", "rindex"];
    PREFIXES.iter().any(|p| name.starts_with(p)) || NAMES.contains(&name)
}

#[test]
fn no_string_function_calls_itself() {
    let t = tools();
    let out = Command::new("objdump").args(["-dr", "--no-show-raw-insn"]).arg(&t.libc).output().expect("objdump");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut function = String::new();
    let mut found = Vec::new();
    for line in text.lines() {
        // "0000000000000000 <memcpy>:" starts a function.
        if let Some(name) = line.strip_suffix(">:").and_then(|l| l.split_once(" <")).map(|(_, n)| n) {
            function = if checked(name) { name.to_string() } else { String::new() };
            continue;
        }
        // "    1f: R_X86_64_PLT32  memcpy-0x4" is a call or jump target.
        let target = line.split_whitespace().skip_while(|w| !w.starts_with("R_X86_64_")).nth(1);
        if let Some(target) = target {
            let target = target.split(['-', '+']).next().unwrap_or("");
            if !function.is_empty() && target == function {
                found.push(function.clone());
            }
        }
    }
    assert!(found.is_empty(), "functions that call themselves: {found:?}");
}
