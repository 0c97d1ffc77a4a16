//! Differential test of `<math.h>` against glibc: `math_diff/twin.c`,
//! built once with the host gcc and glibc and once with `cloudabi-cc`,
//! evaluates the math functions on the same 10^5 inputs each (edge values
//! and seeded random draws) and writes the raw results; this test compares
//! them value by value and prints, per function, the largest difference in
//! units in the last place (ulps), how many results differ, and how many
//! differ in kind (NaN against a number).
//!
//! Limits: functions that have one exact answer (sqrt, fma, rounding,
//! remainders, bit manipulation) must agree exactly; the common
//! transcendental functions of double and float within 2 ulps (glibc and
//! the libm crate are each within about an ulp of the exact result); the
//! others within the bounds of `OTHER`. Bessel functions and lgamma of
//! negative arguments are reported only: both libraries lose relative
//! accuracy near their zeros.
//! Run with `--nocapture` to see the table; it is also written to
//! `target/ctests/math_diff.txt`.

use cloudlibc_tests::{compile, root, tools};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::Command;

const EXACT: &[&str] = &[
    "sqrt", "fabs", "floor", "ceil", "trunc", "round", "rint", "nearbyint", "logb", "fmod", "remainder", "fdim",
    "fmax", "fmin", "nextafter", "copysign", "fma", "ldexp", "frexp", "modf", "remquo", "lrint", "lround",
    "llrintf", "ilogb", "sqrtf", "floorf", "ceilf", "truncf", "roundf", "rintf", "sqrtl", "floorl", "ceill",
    "truncl", "roundl", "rintl", "fmodl", "remainderl", "fmal", "lrintl", "llroundl",
];

const CORE: &[&str] = &[
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
    "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "hypot", "pow", "erf", "expf", "exp2f",
    "expm1f", "logf", "log2f", "log10f", "log1pf", "sinf", "cosf", "tanf", "asinf", "acosf", "atanf", "atan2f",
    "sinhf", "coshf", "tanhf", "asinhf", "acoshf", "atanhf", "cbrtf", "powf", "erff",
];

/// Other bounds, in ulps of the type's mantissa.
const OTHER: &[(&str, u128)] = &[
    // glibc's own error here reaches 3 ulps (measured against
    // arbitrary-precision values), the libm crate's stays under 1.
    ("cbrt", 4), ("erfc", 4), ("erfcf", 5), ("lgamma(x>0)", 4), ("lgammaf(x>0)", 4),
    // long double on the x87 instructions.
    ("expl", 4), ("exp2l", 4), ("expm1l", 4), ("logl", 4), ("log2l", 4), ("log10l", 4), ("log1pl", 4),
    ("powl", 8), ("sinl", 4), ("cosl", 4), ("tanl", 4), ("asinl", 4), ("acosl", 4), ("atanl", 4),
    ("atan2l", 4), ("sinhl", 8), ("coshl", 8), ("tanhl", 8), ("asinhl", 8), ("acoshl", 8), ("atanhl", 8),
    ("cbrtl", 4), ("hypotl", 4),
    // long double error and gamma functions: ours within an ulp of the
    // exact value (2 for tgammal of negative arguments), glibc's within
    // about 1 (erfl), 2.5 (erfcl, lgammal) and 4.5 (tgammal), measured
    // against arbitrary-precision values.
    ("erfl", 4), ("erfcl", 6), ("lgammal(x>0)", 6), ("tgammal", 12),
];

/// A difference that is not a number of ulps: NaN against a number.
const KIND: u128 = u128::MAX;

struct Record {
    kind: u8,
    values: Vec<u8>,
}

fn parse(out: &[u8]) -> BTreeMap<String, Record> {
    let mut map = BTreeMap::new();
    let mut p = 0;
    while p < out.len() {
        let nul = out[p..].iter().position(|&b| b == 0).expect("record name");
        let name = String::from_utf8_lossy(&out[p..p + nul]).into_owned();
        p += nul + 1;
        let kind = out[p];
        let count = u64::from_le_bytes(out[p + 1..p + 9].try_into().unwrap()) as usize;
        p += 9;
        let size = match kind {
            b'd' | b'i' => 8,
            b'f' => 4,
            b'l' => 16,
            _ => panic!("bad record kind {kind}"),
        };
        map.insert(name, Record { kind, values: out[p..p + count * size].to_vec() });
        p += count * size;
    }
    map
}

/// A position on the number line counted in representable values, so that
/// the distance between two is their difference in ulps (zeros of both
/// signs are the same point); None for NaN.
fn ordinal(kind: u8, v: &[u8]) -> Option<i128> {
    let (negative, magnitude) = match kind {
        b'd' => {
            let b = u64::from_le_bytes(v.try_into().unwrap());
            if f64::from_bits(b).is_nan() {
                return None;
            }
            (b >> 63 == 1, i128::from(b & !(1 << 63)))
        }
        b'f' => {
            let b = u32::from_le_bytes(v.try_into().unwrap());
            if f32::from_bits(b).is_nan() {
                return None;
            }
            (b >> 31 == 1, i128::from(b & !(1 << 31)))
        }
        b'l' => {
            let m = u64::from_le_bytes(v[..8].try_into().unwrap());
            let se = u16::from_le_bytes(v[8..10].try_into().unwrap());
            let e = se & 0x7fff;
            if e == 0x7fff && m << 1 != 0 {
                return None;
            }
            let key = if e == 0 { i128::from(m) } else { (i128::from(e) << 63) + i128::from(m & !(1 << 63)) };
            (se >> 15 == 1, key)
        }
        _ => return Some(i128::from(i64::from_le_bytes(v.try_into().unwrap()))),
    };
    Some(if negative { -magnitude } else { magnitude })
}

fn distance(kind: u8, a: &[u8], b: &[u8]) -> u128 {
    match (ordinal(kind, a), ordinal(kind, b)) {
        (None, None) => 0,
        (Some(x), Some(y)) => x.abs_diff(y),
        _ => KIND,
    }
}

struct Row {
    name: String,
    count: usize,
    max_ulps: u128,
    differing: usize,
    kind_mismatches: usize,
}

fn compare(name: &str, ours: &Record, glibc: &Record) -> Row {
    let width = match ours.kind {
        b'f' => 4,
        b'l' => 16,
        _ => 8,
    };
    let mut row = Row { name: name.to_string(), count: 0, max_ulps: 0, differing: 0, kind_mismatches: 0 };
    for (a, b) in ours.values.chunks(width).zip(glibc.values.chunks(width)) {
        row.count += 1;
        let d = distance(ours.kind, a, b);
        if d == KIND {
            row.kind_mismatches += 1;
        } else {
            row.max_ulps = row.max_ulps.max(d);
        }
        if d != 0 {
            row.differing += 1;
        }
    }
    row
}

fn run(exe: &std::path::Path) -> Vec<u8> {
    let out = Command::new(exe).output().expect("run twin");
    assert!(out.status.success(), "{} failed: {}", exe.display(), String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn math_functions_match_glibc() {
    let t = tools();
    let src = root().join("tests/tests/math_diff/twin.c");
    let ours_exe = t.work.join("math-twin-ours");
    compile(&[&src], &ours_exe, &["-O2", "-fno-builtin"]).unwrap();
    let glibc_exe = t.work.join("math-twin-glibc");
    let st = Command::new("gcc")
        .args(["-std=gnu11", "-O2", "-fno-builtin"])
        .arg(&src)
        .arg("-o")
        .arg(&glibc_exe)
        .arg("-lm")
        .status()
        .expect("host gcc");
    assert!(st.success(), "host gcc failed");

    // The program only computes and writes to standard output, so it runs
    // directly, without the launcher.
    let ours = parse(&run(&ours_exe));
    let glibc = parse(&run(&glibc_exe));
    assert_eq!(ours.keys().collect::<Vec<_>>(), glibc.keys().collect::<Vec<_>>());

    let mut table = String::new();
    writeln!(table, "{:<14} {:>8} {:>12} {:>10} {:>6}  limit", "function", "inputs", "max ulps", "differing", "NaN").unwrap();
    let mut failures = Vec::new();
    for (name, rec) in &ours {
        let row = compare(name, rec, &glibc[name]);
        let limit = if EXACT.contains(&name.as_str()) {
            Some(0)
        } else if CORE.contains(&name.as_str()) {
            Some(2)
        } else {
            OTHER.iter().find(|(n, _)| n == name).map(|&(_, l)| l)
        };
        let limit_text = limit.map_or("report".to_string(), |l| format!("<= {l}"));
        writeln!(
            table,
            "{:<14} {:>8} {:>12} {:>10} {:>6}  {}",
            row.name, row.count, row.max_ulps, row.differing, row.kind_mismatches, limit_text
        )
        .unwrap();
        if let Some(l) = limit {
            if row.max_ulps > l || row.kind_mismatches != 0 {
                failures.push(row.name.clone());
            }
        }
    }
    println!("{table}");
    let _ = std::fs::write(t.work.join("math_diff.txt"), &table);
    assert!(failures.is_empty(), "beyond their limits: {failures:?}\n{table}");
}
