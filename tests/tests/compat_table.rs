//! The README's table of removed functions is complete and true: every name
//! cloudlibc removed has a row (or is listed in `tests/compat-pending.txt`,
//! which may only shrink), every function in a row is defined in `libc.a`
//! (rows whose behaviour starts with "macro" name macros), and no pending
//! name is secretly defined already.

use cloudlibc_tests::root;
use std::collections::BTreeSet;

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Names in backticks in the first column of the table, and whether the
/// row is about macros.
fn table_rows() -> Vec<(Vec<String>, bool)> {
    let readme = read("README.md");
    let start = readme.find("<!-- compat-table:start -->").expect("table start marker");
    let end = readme.find("<!-- compat-table:end -->").expect("table end marker");
    readme[start..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let names = cells[1].split('`').skip(1).step_by(2).map(str::to_string).collect();
            (names, cells[3].starts_with("macro"))
        })
        .collect()
}

fn names(text: &str) -> BTreeSet<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

#[test]
fn every_removed_name_is_in_the_table_or_pending() {
    let removed: BTreeSet<String> =
        read("tests/reference/cloudlibc-removed.tsv").lines().skip(1).filter_map(|l| l.split('\t').nth(1)).map(str::to_string).collect();
    let documented: BTreeSet<String> = table_rows().into_iter().flat_map(|(n, _)| n).collect();
    let pending = names(&read("tests/compat-pending.txt"));
    let missing: Vec<_> = removed.iter().filter(|n| !documented.contains(*n) && !pending.contains(*n)).collect();
    assert!(missing.is_empty(), "removed names with no table row and not pending: {missing:?}");
    let both: Vec<_> = documented.intersection(&pending).collect();
    assert!(both.is_empty(), "names both documented and pending: {both:?}");
}

#[test]
fn every_documented_function_is_defined() {
    let symbols = names(&read("tests/symbols.txt"));
    let undefined: Vec<_> =
        table_rows().into_iter().filter(|(_, macro_row)| !macro_row).flat_map(|(n, _)| n).filter(|n| !symbols.contains(n)).collect();
    assert!(undefined.is_empty(), "documented but not in libc.a: {undefined:?}");
}

#[test]
fn pending_names_are_really_missing() {
    let symbols = names(&read("tests/symbols.txt"));
    let done: Vec<_> = names(&read("tests/compat-pending.txt")).into_iter().filter(|n| symbols.contains(n)).collect();
    assert!(done.is_empty(), "defined now: give them a table row and remove them from compat-pending.txt: {done:?}");
}
