//! Accuracy of `<math.h>` against correctly rounded values: `math_exact/exact.py`
//! draws inputs for each function (edge values, then seeded random values
//! from its useful range), `math_exact/eval.c`, built with `cloudabi-cc`,
//! evaluates this library on them, and `exact.py` computes each exact value
//! with mpmath (at 128 bits, up to 1024 where a value lies close to a
//! rounding boundary) and reports, per function, the largest error in
//! ulps, how many results are not correctly rounded, how many are not even
//! one of the two values around the exact one, and the worst input.
//!
//! Limits: sqrt and fma are correctly rounded; the core functions are within
//! 1 ulp, that is the result is one of the two values around the exact one
//! (largest error below 1 and no unfaithful result); the others stay within
//! their measured largest error, rounded up, so that a change that makes
//! them worse fails. Run with `--nocapture` to see the table; it is also
//! written to `target/ctests/math_exact.txt`. Needs Python with mpmath
//! (`apt-get install python3-mpmath` or `pip install mpmath`).

use cloudlibc_tests::{compile, root, tools};
use std::fmt::Write as _;
use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};

#[derive(Clone, Copy)]
enum Limit {
    /// Every result correctly rounded.
    Exact,
    /// Every result one of the two values around the exact one.
    Faithful,
    /// Largest error at most this many ulps.
    Ulps(f64),
    /// Measured and shown, not asserted.
    Report,
}

use Limit::{Exact, Faithful, Report, Ulps};

/// Every row of the table and its limit; a row without one fails the test.
const LIMITS: &[(&str, Limit)] = &[
    ("sqrt", Exact),
    ("fma", Exact),
    ("sqrtf", Exact),
    // The core functions.
    ("exp", Faithful),
    ("log", Faithful),
    ("pow", Faithful),
    ("atan2", Faithful),
    ("sin", Faithful),
    ("cos", Faithful),
    ("tan", Faithful),
    ("erf", Faithful),
    ("expf", Faithful),
    ("logf", Faithful),
    ("sinf", Faithful),
    ("cosf", Faithful),
    ("erff", Faithful),
    // Computed in double and rounded once.
    ("powf", Faithful),
    ("lgammaf", Faithful),
    // From 8 up in double-double, below through the long double function.
    ("lgamma", Faithful),
    ("lgamma(x<0)", Faithful),
    ("tgamma", Faithful),
    // The measured largest errors, rounded up.
    ("exp2", Ulps(0.75)),
    ("expm1", Ulps(0.8)),
    ("log2", Ulps(0.6)),
    ("log10", Ulps(0.55)),
    ("log1p", Ulps(0.8)),
    ("asin", Ulps(0.8)),
    ("acos", Ulps(0.85)),
    ("atan", Ulps(0.75)),
    ("sinh", Ulps(1.8)),
    ("cosh", Ulps(1.2)),
    ("tanh", Ulps(2.1)),
    ("asinh", Ulps(1.3)),
    ("acosh", Ulps(1.9)),
    ("atanh", Ulps(1.4)),
    ("hypot", Ulps(0.95)),
    ("cbrt", Ulps(0.55)),
    ("erfc", Ulps(2.5)),
    ("expl", Ulps(1.05)),
    ("logl", Ulps(0.8)),
    ("sinl", Ulps(1.05)),
    // y * log2(x) carries the x87's 64 bits, not the 64 + 15 a result
    // near the top of the exponent range needs.
    ("powl", Ulps(500.0)),
    ("erfl", Faithful),
    ("erfcl", Faithful),
    ("lgammal", Ulps(1.3)),
    ("tgammal", Ulps(1.1)),
];

struct Row {
    label: String,
    inputs: usize,
    max_ulps: f64,
    not_cr: usize,
    unfaithful: usize,
}

fn parse(table: &str) -> Vec<Row> {
    table
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            assert!(f.len() >= 5, "bad table line: {line}");
            Row {
                label: f[0].to_string(),
                inputs: f[1].parse().unwrap(),
                max_ulps: f[2].parse().unwrap(),
                not_cr: f[3].parse().unwrap(),
                unfaithful: f[4].parse().unwrap(),
            }
        })
        .collect()
}

fn within(row: &Row, limit: Limit) -> bool {
    match limit {
        Exact => row.not_cr == 0,
        Faithful => row.max_ulps < 1.0 && row.unfaithful == 0,
        Ulps(u) => row.max_ulps <= u,
        Report => true,
    }
}

/// The first Python that can import mpmath.
fn python() -> &'static str {
    ["python3", "/usr/bin/python3"]
        .into_iter()
        .find(|py| Command::new(py).args(["-c", "import mpmath"]).stderr(Stdio::null()).status().is_ok_and(|s| s.success()))
        .expect("math_exact needs Python 3 with mpmath: apt-get install python3-mpmath, or pip install mpmath")
}

/// Runs `cmd` with standard input from `stdin`, returning standard output.
fn output(cmd: &mut Command, stdin: Option<&Path>) -> Vec<u8> {
    cmd.stdin(stdin.map_or_else(Stdio::null, |p| File::open(p).unwrap().into()));
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn math_functions_are_accurate() {
    let py = python();
    let t = tools();
    let dir = root().join("tests/tests/math_exact");
    let eval = t.work.join("math-exact-eval");
    compile(&[&dir.join("eval.c")], &eval, &["-O2", "-fno-builtin"]).unwrap();
    let script = dir.join("exact.py");

    let inputs = t.work.join("math_exact.in");
    std::fs::write(&inputs, output(Command::new(py).arg(&script).arg("inputs"), None)).unwrap();
    // The program only computes and writes to standard output, so it runs
    // directly, without the launcher.
    let results = t.work.join("math_exact.out");
    std::fs::write(&results, output(&mut Command::new(&eval), Some(&inputs))).unwrap();
    let table = output(Command::new(py).arg(&script).arg("compare").arg(&inputs), Some(&results));
    let table = String::from_utf8(table).unwrap();

    let mut shown = String::new();
    let mut failures = Vec::new();
    for (row, line) in parse(&table).iter().zip(table.lines().skip(1)) {
        let limit = LIMITS.iter().find(|(n, _)| *n == row.label).map(|&(_, l)| l);
        let Some(limit) = limit else {
            failures.push(format!("{} has no limit", row.label));
            continue;
        };
        let text = match limit {
            Exact => "exact".to_string(),
            Faithful => "< 1".to_string(),
            Ulps(u) => format!("<= {u}"),
            Report => "report".to_string(),
        };
        writeln!(shown, "{:<8} {line}", text).unwrap();
        if !within(row, limit) {
            failures.push(format!("{} ({} inputs)", row.label, row.inputs));
        }
    }
    let shown = format!("{:<8} {}\n{shown}", "limit", table.lines().next().unwrap_or(""));
    println!("{shown}");
    let _ = std::fs::write(t.work.join("math_exact.txt"), &shown);
    assert!(failures.is_empty(), "beyond their limits: {failures:?}\n{shown}");
}
