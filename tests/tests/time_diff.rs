//! Differential test of `<time.h>`, `<wctype.h>`, `wcwidth` and UTF-8
//! `mbrtowc` against the host glibc (2.36, whose C.UTF-8 locale has Unicode
//! 14.0.0 data like ours). tests/diff/time.c is built with the host gcc and
//! with cloudabi-cc, and every output line is compared (see its header for
//! the categories). The differences that are expected are classified and
//! counted, not hidden:
//!
//! - glibc applies a POSIX TZ string's daylight-saving rules only from 1970
//!   on; we apply them to every year (POSIX gives no cut-off), so strftime,
//!   localtime, mktime and strptime lines before 1970 in zones with rules
//!   differ;
//! - mktime with tm_isdst < 0 at a local time next to a transition: glibc's
//!   answer depends on the offset its previous call cached, ours picks
//!   standard time whenever that reading is valid; such results differ by
//!   exactly the daylight-saving hour;
//! - mbrtowc: we reject a two-byte prefix that no valid character starts
//!   with ("\xe0\x80", "\xed\xa0", "\xf4\x90", ...) at once with EILSEQ,
//!   where glibc first returns (size_t)-2;
//! - iswalpha (and so iswpunct): marks that are only Other_Alphabetic are
//!   not alphabetic here (Python's unicodedata, which made our tables, does
//!   not expose the property); wcwidth: glibc makes U+3248-U+324F and the
//!   Yijing hexagrams U+4DC0-U+4DFF wide, Unicode's East Asian Width does
//!   not.
//!
//! Every other line must be identical; the classified counts must not grow.

use cloudlibc_tests::{compile, default_config, root, run, tools, TempDir};
use std::collections::BTreeMap;
use std::process::Command;

/// Upper bounds for the Unicode property differences, as measured.
const CLASS_LIMITS: &[(&str, usize)] = &[("a", 1273), ("p", 1273), ("w", 72)];

/// Whether a differing line is an expected difference, and which.
fn classify(zone: usize, host: &str, ours: &str) -> Option<&'static str> {
    let field = |s: &str, i: usize| s.split(' ').nth(i).map(str::to_owned).unwrap_or_default();
    match host.as_bytes().first()? {
        b'F' | b'R' | b'P' if zone > 0 && host[2..].split(['|', ' ']).next()?.parse::<i64>().ok()? < 0 => {
            Some("glibc: no DST rules before 1970")
        }
        b'N' if zone > 0 => {
            let (h, o): (i64, i64) = (host.split("->").nth(1)?.split(' ').next()?.parse().ok()?, ours.split("->").nth(1)?.split(' ').next()?.parse().ok()?);
            if h < 0 {
                Some("glibc: no DST rules before 1970")
            } else if (h - o).abs() == 3600 && field(host, 10) == "-1" {
                Some("mktime isdst=-1 at a transition")
            } else {
                None
            }
        }
        b'R' => {
            // Only the mktime(isdst = -1) result (third field from the end)
            // may differ, by the DST hour.
            let (h, o): (Vec<&str>, Vec<&str>) = (host.split(' ').collect(), ours.split(' ').collect());
            let n = h.len();
            let only = h.len() == o.len() && (0..n).all(|i| i == n - 3 || h[i] == o[i]);
            let delta = h[n - 3].parse::<i64>().ok()? - o[n - 3].parse::<i64>().ok()?;
            (only && delta.abs() == 3600).then_some("mktime isdst=-1 at a transition")
        }
        b'M' => {
            let (h, o): (Vec<&str>, Vec<&str>) = (host.split(' ').collect(), ours.split(' ').collect());
            let n = h.len();
            (h[n - 2] == "-2" && o[n - 2] == "-1").then_some("mbrtowc: early EILSEQ")
        }
        _ => None,
    }
}

#[test]
fn time_and_wide_characters_match_glibc() {
    let src = root().join("tests/diff/time.c");
    let t = tools();
    let host_bin = t.work.join("time_diff_host");
    let ours_bin = t.work.join("time_diff_ours");
    let status = Command::new("gcc").args(["-O2", "-w", "-o"]).arg(&host_bin).arg(&src).status().expect("host gcc");
    assert!(status.success(), "host gcc failed");
    compile(&[&src], &ours_bin, &["-O2"]).unwrap();

    let host = Command::new(&host_bin).env_clear().output().expect("run host program");
    assert!(host.status.success(), "host program failed (is the C.UTF-8 locale there?)");
    let tmp = TempDir::new("time-diff");
    let ours = run(&ours_bin, &default_config(&tmp.0));
    assert!(ours.status.success(), "our build failed: {}", String::from_utf8_lossy(&ours.stderr));

    let host = String::from_utf8_lossy(&host.stdout);
    let ours = String::from_utf8_lossy(&ours.stdout);
    let (hl, ol): (Vec<&str>, Vec<&str>) = (host.lines().collect(), ours.lines().collect());
    assert_eq!(hl.len(), ol.len(), "line counts differ");

    let mut total: BTreeMap<char, usize> = BTreeMap::new();
    let mut expected: BTreeMap<&str, usize> = BTreeMap::new();
    let mut classes: BTreeMap<String, usize> = BTreeMap::new();
    let mut unexpected = Vec::new();
    let mut zone = 0;
    for (h, o) in hl.iter().zip(&ol) {
        if h.starts_with("R tzset") && *total.get(&'R').unwrap_or(&0) > 0 {
            zone += 1;
        }
        let cat = h.chars().next().unwrap_or(' ');
        *total.entry(cat).or_default() += 1;
        if h == o {
            continue;
        }
        if cat == 'C' {
            // Count the differing properties of the code point.
            for (a, b) in h.split(' ').zip(o.split(' ')).skip(2) {
                if a != b {
                    *classes.entry(a[..1].to_owned()).or_default() += 1;
                }
            }
            continue;
        }
        match classify(zone, h, o) {
            Some(why) => *expected.entry(why).or_default() += 1,
            None => unexpected.push((*h, *o)),
        }
    }
    eprintln!("lines per category: {total:?}");
    eprintln!("expected differences: {expected:?}");
    eprintln!("code point properties differing from glibc C.UTF-8 (a=alpha p=punct w=wcwidth ...): {classes:?}");
    for (h, o) in unexpected.iter().take(20) {
        eprintln!("glibc: {h}\nours:  {o}");
    }
    assert!(unexpected.is_empty(), "{} unexpected differences", unexpected.len());
    for (class, n) in &classes {
        let limit = CLASS_LIMITS.iter().find(|(c, _)| c == class).map_or(0, |&(_, l)| l);
        assert!(*n <= limit, "property {class}: {n} code points differ (at most {limit} expected)");
    }
}
