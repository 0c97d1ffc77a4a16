//! printf against glibc: generates a C program with thousands of printf
//! calls (every conversion, flag, width, precision and length modifier,
//! over extreme values: zeros of both signs, subnormals, DBL_MAX, exact
//! ties such as 0.125 at %.2f, 1e23, INT_MIN, NaNs of both signs, x87 long
//! double extremes, positional arguments, snprintf truncation, wide output),
//! builds it with the host gcc (glibc) and with cloudabi-cc, runs both and
//! compares the output call by call, byte for byte.

mod diff;

use std::fmt::Write as _;

/// One printf call: a format and its C argument list.
struct Case {
    fmt: String,
    args: String,
}

/// The flag combinations tried on each conversion.
const FLAG_SETS: &[&str] = &["", "-", "+", " ", "#", "0", "-+", "+0", " 0", "#0", "-#", "+#0", "- ", "-0", "'", "-+ #0"];

const INT_VALUES: &[&str] = &[
    "0",
    "1",
    "-1",
    "42",
    "-42",
    "127",
    "-128",
    "255",
    "256",
    "32767",
    "-32768",
    "65535",
    "65536",
    "2147483647",
    "(-2147483647 - 1)",
    "4294967295U",
    "4294967296LL",
    "9223372036854775807LL",
    "(-9223372036854775807LL - 1)",
    "18446744073709551615ULL",
    "1234567890123LL",
];

const INT_LENGTHS: &[(&str, &str)] = &[
    ("hh", "(int)"),
    ("h", "(int)"),
    ("", "(int)"),
    ("l", "(long)"),
    ("ll", "(long long)"),
    ("j", "(long)"),
    ("z", "(long)"),
    ("t", "(long)"),
];

const DOUBLE_VALUES: &[&str] = &[
    "0.0",
    "-0.0",
    "1.0",
    "-1.0",
    "0.5",
    "1.5",
    "2.5",
    "-2.5",
    "3.5",
    "0.125",
    "0.375",
    "-0.125",
    "0.05",
    "0.15",
    "0.25",
    "9.5",
    "99.5",
    "999999.5",
    "999999.4999",
    "0.1",
    "0.2",
    "0.3",
    "(1.0/3)",
    "(2.0/3)",
    "3.14159265358979",
    "123456.789",
    "1e-5",
    "1e-4",
    "9.999999e-5",
    "0.0001234",
    "5e-5",
    "1e15",
    "1e16",
    "1e17",
    "1e21",
    "1e22",
    "1e23",
    "1e100",
    "1.7976931348623157e308",
    "2.2250738585072014e-308",
    "2.225073858507201e-308",
    "4.9406564584124654e-324",
    "2.5e-320",
    "1e-310",
    "123456789.0",
    "0.000123456789",
    "6.02214076e23",
    "-6.62607015e-34",
    "9007199254740993.0",
    "18446744073709551616.0",
    "__builtin_inf()",
    "-__builtin_inf()",
    "__builtin_nan(\"\")",
    "-__builtin_nan(\"\")",
];

const LONG_DOUBLE_VALUES: &[&str] = &[
    "0.0L",
    "-0.0L",
    "1.0L",
    "0.1L",
    "2.5L",
    "0.125L",
    "(1.0L/3)",
    "-3.0L",
    "1e23L",
    "1e100L",
    "1e4000L",
    "1.18973149535723176502e+4932L",
    "3.36210314311209350626e-4932L",
    "3.64519953188247460253e-4951L",
    "1e-4940L",
    "123456.789L",
    "9007199254740993.0L",
    "18446744073709551615.0L",
    "__builtin_infl()",
    "-__builtin_infl()",
    "__builtin_nanl(\"\")",
    "-__builtin_nanl(\"\")",
];

const PRECISIONS: &[&str] = &["", ".", ".0", ".1", ".2", ".3", ".5", ".6", ".10", ".13", ".15", ".16", ".17", ".18", ".20", ".25", ".40", ".60", ".100"];
const WIDTHS: &[&str] = &["", "1", "5", "12", "30"];

fn int_cases(out: &mut Vec<Case>) {
    for conv in ["d", "i", "u", "o", "x", "X"] {
        for (len, cast) in INT_LENGTHS {
            for v in INT_VALUES {
                for flags in FLAG_SETS {
                    out.push(Case { fmt: format!("[%{flags}12{len}{conv}]"), args: format!("{cast}{v}") });
                }
                for w in WIDTHS {
                    for p in [".", ".0", ".1", ".5", ".25"] {
                        out.push(Case { fmt: format!("[%{w}{p}{len}{conv}]"), args: format!("{cast}{v}") });
                    }
                }
            }
        }
        for v in ["0", "7", "-7"] {
            for flags in FLAG_SETS {
                for p in ["", ".0", ".3"] {
                    out.push(Case { fmt: format!("[%{flags}{p}{conv}]"), args: v.to_string() });
                }
            }
        }
    }
    // `L` on integers means long long, as in glibc.
    out.push(Case { fmt: "[%Ld %Lx]".into(), args: "-5LL, 255LL".into() });
    out.push(Case { fmt: "[%qd]".into(), args: "-5LL".into() });
}

fn float_cases(out: &mut Vec<Case>) {
    let convs = ["e", "E", "f", "F", "g", "G", "a", "A"];
    for conv in convs {
        for v in DOUBLE_VALUES {
            for p in PRECISIONS {
                out.push(Case { fmt: format!("[%{p}{conv}]"), args: v.to_string() });
            }
            for flags in FLAG_SETS {
                for (w, p) in [("14", ""), ("", ".3"), ("25", ".0"), ("1", ".12")] {
                    out.push(Case { fmt: format!("[%{flags}{w}{p}{conv}]"), args: v.to_string() });
                }
            }
        }
        for v in LONG_DOUBLE_VALUES {
            for p in PRECISIONS {
                out.push(Case { fmt: format!("[%{p}L{conv}]"), args: v.to_string() });
            }
            for flags in FLAG_SETS {
                out.push(Case { fmt: format!("[%{flags}30.4L{conv}]"), args: v.to_string() });
            }
        }
    }
    // Large precisions: the full exact expansion, then zeros.
    for conv in ["f", "e", "g", "a"] {
        for v in ["4.9406564584124654e-324", "1.7976931348623157e308", "0.1", "2.2250738585072014e-308"] {
            for p in [".400", ".1100"] {
                out.push(Case { fmt: format!("[%{p}{conv}]"), args: v.to_string() });
            }
        }
        for v in ["3.64519953188247460253e-4951L", "1.18973149535723176502e+4932L", "0.1L"] {
            out.push(Case { fmt: format!("[%.5000L{conv}]"), args: v.to_string() });
        }
    }
    // Ties at every precision: 0.5, 0.25, 0.125, ... 2^-20 and odd multiples.
    for k in 1..=20 {
        for m in [1u64, 3, 5, 7, 9, 11, 13, 15] {
            let v = format!("{}.0 / {}.0", m, 1u64 << k);
            for p in 0..=k {
                out.push(Case { fmt: format!("[%.{p}f]"), args: v.clone() });
                out.push(Case { fmt: format!("[%.{p}e]"), args: v.clone() });
                out.push(Case { fmt: format!("[%.{}g]", p + 1), args: v.clone() });
            }
        }
    }
    // Hex rounding: halfway cases at each digit.
    for v in ["0x1.08p0", "0x1.18p0", "0x1.28p0", "0x1.f8p0", "0x1.fffffffffffff8p0", "0x1.00000000000008p0", "0x1.8p0", "0x1.7fp0", "0x1.81p0"] {
        for p in 0..=14 {
            out.push(Case { fmt: format!("[%.{p}a]"), args: v.to_string() });
        }
    }
    for v in ["0xf.8p0L", "0x8.8p0L", "0x9.8p0L", "0xf.fffffffffffffffp0L", "0x8.000000000000001p0L"] {
        for p in 0..=16 {
            out.push(Case { fmt: format!("[%.{p}La]"), args: v.to_string() });
        }
    }
}

fn other_cases(out: &mut Vec<Case>) {
    for v in ["\"\"", "\"hello\"", "\"hello, world\"", "(char *)0", "\"\\xc3\\xa9t\\xc3\\xa9\""] {
        for flags in ["", "-", "0", "-0", "#", "+", " "] {
            for w in WIDTHS {
                for p in ["", ".", ".0", ".3", ".5", ".6", ".20"] {
                    out.push(Case { fmt: format!("[%{flags}{w}{p}s]"), args: v.to_string() });
                }
            }
        }
    }
    for v in ["'a'", "'%'", "0", "255", "'A' + 256"] {
        for f in ["[%c]", "[%5c]", "[%-5c]", "[%05c]", "[%.0c]"] {
            out.push(Case { fmt: f.into(), args: v.to_string() });
        }
    }
    for v in ["(void *)0", "(void *)1", "(void *)0x7fff1234", "(void *)-1"] {
        for f in ["[%p]", "[%20p]", "[%-20p]", "[%020p]", "[%.0p]", "[%.10p]", "[%+p]", "[% p]", "[%#p]", "[%3p]"] {
            out.push(Case { fmt: f.into(), args: v.to_string() });
        }
    }
    for f in ["[%%]", "[%5%]", "[%-5%]", "[100%%]", "[%y]", "[%-5y]", "[%5.3k]", "[%]"] {
        out.push(Case { fmt: f.into(), args: String::new() });
    }
    for (f, a) in [
        ("[%ls]", "L\"wide\""),
        ("[%10ls]", "L\"wide\""),
        ("[%-10ls]", "L\"wide\""),
        ("[%.2ls]", "L\"wide\""),
        ("[%ls]", "(wchar_t *)0"),
        ("[%.3ls]", "(wchar_t *)0"),
        ("[%lc]", "L'x'"),
        ("[%5lc]", "L'x'"),
        ("[%-5lc]", "L'x'"),
        ("[%S]", "L\"SS\""),
        ("[%C]", "L'C'"),
    ] {
        out.push(Case { fmt: f.into(), args: a.into() });
    }
    // Positional arguments, mixed types, reused and gaps.
    for (f, a) in [
        ("[%2$s %1$s]", "\"a\", \"b\""),
        ("[%3$d %1$d %2$d]", "1, 2, 3"),
        ("[%1$d %1$x %1$o]", "255"),
        ("[%2$.*1$f]", "3, 3.14159265"),
        ("[%3$*1$.*2$e]", "20, 4, 2.5"),
        ("[%3$s %1$d]", "7, 8, \"skip\""),
        ("[%2$Lf %1$f %3$d]", "1.5, 2.5L, 9"),
        ("[%1$s %2$lc %3$ls %4$c]", "\"s\", L'w', L\"ws\", 'c'"),
        ("[%4$d %3$d %2$d %1$d]", "1, 2, 3, 4"),
        ("[%1$hhd %1$hd %1$lld]", "-1"),
    ] {
        out.push(Case { fmt: f.into(), args: a.into() });
    }
    // `*` widths and precisions, negative ones included.
    for w in ["-10", "0", "10", "-1"] {
        for p in ["-1", "0", "3"] {
            out.push(Case { fmt: "[%*.*d]".into(), args: format!("{w}, {p}, 42") });
            out.push(Case { fmt: "[%*.*f]".into(), args: format!("{w}, {p}, 3.25") });
            out.push(Case { fmt: "[%*.*s]".into(), args: format!("{w}, {p}, \"abcdef\"") });
        }
    }
}

/// The C source: each case prints `@@n:` then its output then `|ret`.
fn program(cases: &[Case]) -> String {
    let mut c = String::from(
        "#define _GNU_SOURCE\n#include <stdio.h>\n#include <string.h>\n#include <errno.h>\n#include <stddef.h>\n\
         int swprintf(wchar_t *, size_t, const wchar_t *, ...);\n\
         static int r;\n",
    );
    // Split into functions so that gcc does not compile one giant one.
    for (chunk_no, chunk) in cases.chunks(500).enumerate() {
        writeln!(c, "static void part{chunk_no}(void) {{").unwrap();
        for (i, case) in chunk.iter().enumerate() {
            let n = chunk_no * 500 + i;
            let sep = if case.args.is_empty() { "" } else { ", " };
            writeln!(
                c,
                "  printf(\"@@%d:\", {n}); r = printf(\"{}\"{sep}{}); printf(\"|%d\\n\", r);",
                case.fmt, case.args
            )
            .unwrap();
        }
        c.push_str("}\n");
    }
    c.push_str("static void extra(void) {\n  char b[16]; int n;\n");
    // snprintf truncation and return values.
    for size in 0..8 {
        for (f, a) in [("%d", "123456"), ("%s", "\"abcdefghij\""), ("%.3f", "3.14159"), ("%x%c", "255, 'z'")] {
            writeln!(
                c,
                "  memset(b, 'X', 16); r = snprintf(b, {size}, \"{f}\", {a}); printf(\"@@s{size}:\"); fwrite(b, 1, 16, stdout); printf(\"|%d\\n\", r);"
            )
            .unwrap();
        }
    }
    // %n at several lengths; %m for errno values whose texts glibc and
    // cloudlibc (whose strerror we follow) word alike.
    c.push_str(
        "  { signed char hh = 0; short h = 0; long l = 0; long long ll = 0; int i = 0;\n\
         r = printf(\"abc%hhn de%hn f%n%ln%lln|\", &hh, &h, &i, &l, &ll); printf(\"@@n:%d %d %d %ld %lld|%d\\n\", hh, h, i, l, ll, r); }\n\
         errno = EINVAL; r = printf(\"[%m]\"); printf(\"|%d\\n\", r);\n\
         errno = ENOENT; r = printf(\"[%20m][%-20m][%.4m]\"); printf(\"|%d\\n\", r);\n\
         errno = EEXIST; r = printf(\"[%m]\"); printf(\"|%d\\n\", r);\n\
         { wchar_t w[64]; n = swprintf(w, 64, L\"%d %s %ls %5.2f %c|%lc\", 42, \"narrow\", L\"wide\", 2.5, 'c', L'w'); printf(\"@@w:%ls|%d\\n\", w, n);\n\
           n = swprintf(w, 4, L\"%s\", \"toolong\"); printf(\"@@w2:%d\\n\", n); }\n\
         { char *s = 0; n = asprintf(&s, \"%s-%05d-%.3e\", \"as\", 42, 1234.5); printf(\"@@as:%s|%d\\n\", s, n); }\n\
         n = dprintf(1, \"\"); printf(\"@@dp:%d\\n\", n);\n\
         }\n",
    );
    c.push_str("int main(void) {\n");
    for chunk_no in 0..cases.len().div_ceil(500) {
        writeln!(c, "  part{chunk_no}();").unwrap();
    }
    c.push_str("  extra();\n  return 0;\n}\n");
    c
}

#[test]
fn printf_matches_glibc() {
    let mut cases = Vec::new();
    int_cases(&mut cases);
    float_cases(&mut cases);
    other_cases(&mut cases);
    diff::check("printf_diff", &program(&cases), |n| cases.get(n).map(|c| format!("printf(\"{}\", {})", c.fmt, c.args)));
}
