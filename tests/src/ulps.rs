//! The differential tests of the math headers: a C "twin" program, built
//! once with the host gcc and glibc and once with `cloudabi-cc`, evaluates
//! functions on the same inputs and writes the raw results as records:
//! name, NUL, kind ('d' double, 'f' float, 'l' long double in 16 bytes,
//! 'i' 64-bit integer), count (8 bytes, little-endian), values. This module
//! builds and runs both, and compares their records value by value in units
//! in the last place (ulps).

use crate::{compile, tools};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// One record: `count` values of one kind.
pub struct Record {
    pub kind: u8,
    pub values: Vec<u8>,
}

impl Record {
    /// The bytes of one value.
    pub fn width(&self) -> usize {
        width(self.kind)
    }

    /// The values, one slice each.
    pub fn iter(&self) -> std::slice::Chunks<'_, u8> {
        self.values.chunks(self.width())
    }
}

fn width(kind: u8) -> usize {
    match kind {
        b'd' | b'i' => 8,
        b'f' => 4,
        b'l' => 16,
        _ => panic!("bad record kind {kind}"),
    }
}

/// The records of a twin's output, by name.
pub fn parse(out: &[u8]) -> BTreeMap<String, Record> {
    let mut map = BTreeMap::new();
    let mut p = 0;
    while p < out.len() {
        let nul = out[p..].iter().position(|&b| b == 0).expect("record name");
        let name = String::from_utf8_lossy(&out[p..p + nul]).into_owned();
        p += nul + 1;
        let kind = out[p];
        let count = u64::from_le_bytes(out[p + 1..p + 9].try_into().unwrap()) as usize;
        p += 9;
        let size = count * width(kind);
        map.insert(name, Record { kind, values: out[p..p + size].to_vec() });
        p += size;
    }
    map
}

/// Builds `src` with `cloudabi-cc` and with the host gcc and glibc (as
/// `target/ctests/<tag>-ours` and `-glibc`), runs both and returns their
/// records: ours, then glibc's. Both must write the same record names.
pub fn twins(src: &Path, tag: &str) -> (BTreeMap<String, Record>, BTreeMap<String, Record>) {
    let t = tools();
    let ours_exe = t.work.join(format!("{tag}-ours"));
    compile(&[src], &ours_exe, &["-O2", "-fno-builtin"]).unwrap();
    let glibc_exe = t.work.join(format!("{tag}-glibc"));
    let st = Command::new("gcc")
        .args(["-std=gnu11", "-O2", "-fno-builtin"])
        .arg(src)
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
    (ours, glibc)
}

fn run(exe: &Path) -> Vec<u8> {
    let out = Command::new(exe).output().expect("run twin");
    assert!(out.status.success(), "{} failed: {}", exe.display(), String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// What a floating value is, beyond its magnitude.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Nan,
    Zero { negative: bool },
    Infinite { negative: bool },
    Finite,
}

/// The class of one value of a floating kind.
pub fn class(kind: u8, v: &[u8]) -> Class {
    let (negative, exponent_all_ones, mantissa_zero, magnitude_zero) = match kind {
        b'd' => {
            let b = u64::from_le_bytes(v.try_into().unwrap());
            (b >> 63 == 1, (b >> 52) & 0x7ff == 0x7ff, b << 12 == 0, b << 1 == 0)
        }
        b'f' => {
            let b = u32::from_le_bytes(v.try_into().unwrap());
            (b >> 31 == 1, (b >> 23) & 0xff == 0xff, b << 9 == 0, b << 1 == 0)
        }
        b'l' => {
            let m = u64::from_le_bytes(v[..8].try_into().unwrap());
            let se = u16::from_le_bytes(v[8..10].try_into().unwrap());
            (se >> 15 == 1, se & 0x7fff == 0x7fff, m << 1 == 0, se & 0x7fff == 0 && m == 0)
        }
        _ => panic!("class of a non-floating kind {kind}"),
    };
    match (exponent_all_ones, mantissa_zero, magnitude_zero) {
        (true, true, _) => Class::Infinite { negative },
        (true, false, _) => Class::Nan,
        (false, _, true) => Class::Zero { negative },
        _ => Class::Finite,
    }
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

/// How one value of ours differs from glibc's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Both numbers (or both NaN), this many ulps apart.
    Ulps(u128),
    /// NaN against a number.
    Nan,
    /// Zeros of opposite signs.
    ZeroSign,
    /// glibc's value differs from ours, but ours is the one the standard
    /// asks for (the caller's judgement, case by case).
    Accepted,
}

/// The ulps between two values, or `Verdict::Nan`; zeros of both signs
/// count as equal.
pub fn ulps(kind: u8, a: &[u8], b: &[u8]) -> Verdict {
    match (ordinal(kind, a), ordinal(kind, b)) {
        (None, None) => Verdict::Ulps(0),
        (Some(x), Some(y)) => Verdict::Ulps(x.abs_diff(y)),
        _ => Verdict::Nan,
    }
}

/// One function's comparison.
pub struct Row {
    pub name: String,
    pub count: usize,
    pub max_ulps: u128,
    /// Values that are not the same bits (any NaN matches any NaN).
    pub differing: usize,
    /// NaN against a number.
    pub kind_mismatches: usize,
    pub zero_signs: usize,
    /// An infinity against a finite value or the other infinity (also
    /// counted in ulps: the largest finite value is one ulp from infinity).
    pub infinities: usize,
    pub accepted: usize,
}

/// Compares two records value by value in ulps.
pub fn compare(name: &str, ours: &Record, glibc: &Record) -> Row {
    compare_with(name, ours, glibc, |_, a, b| ulps(ours.kind, a, b))
}

/// Compares two floating records value by value, with `judge(index, ours,
/// glibc)` deciding how each pair of values differs.
pub fn compare_with(name: &str, ours: &Record, glibc: &Record, judge: impl Fn(usize, &[u8], &[u8]) -> Verdict) -> Row {
    let mut row = Row {
        name: name.to_string(),
        count: 0,
        max_ulps: 0,
        differing: 0,
        kind_mismatches: 0,
        zero_signs: 0,
        infinities: 0,
        accepted: 0,
    };
    for (i, (a, b)) in ours.iter().zip(glibc.iter()).enumerate() {
        row.count += 1;
        let verdict = judge(i, a, b);
        match verdict {
            Verdict::Ulps(d) => row.max_ulps = row.max_ulps.max(d),
            Verdict::Nan => row.kind_mismatches += 1,
            Verdict::ZeroSign => row.zero_signs += 1,
            Verdict::Accepted => row.accepted += 1,
        }
        if verdict != Verdict::Ulps(0) {
            row.differing += 1;
        }
        if ours.kind != b'i' && verdict != Verdict::Accepted {
            let (ca, cb) = (class(ours.kind, a), class(ours.kind, b));
            let infinite = |k| matches!(k, Class::Infinite { .. });
            if (infinite(ca) || infinite(cb)) && ca != cb && ca != Class::Nan && cb != Class::Nan {
                row.infinities += 1;
            }
        }
    }
    row
}
