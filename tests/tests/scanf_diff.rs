//! scanf against glibc: generates a C program with thousands of sscanf
//! calls (every conversion, length modifier and field width over awkward
//! input: overflow, signs without digits, prefixes without digits,
//! infinities half spelt, hexadecimal floats, exact rounding ties, scansets,
//! literals, suppression, positional arguments, %n, %m), and the same
//! through fscanf on an fmemopen stream to check what stays unread. Builds
//! it with the host gcc (glibc) and with cloudabi-cc, runs both and
//! compares call by call.

mod diff;

use std::fmt::Write as _;

/// A destination type: its C declaration, a sentinel, and how to print it.
struct Ty {
    decl: &'static str,
    sentinel: &'static str,
    show: &'static str,
}

const INT_TYPES: &[(&str, Ty, Ty)] = &[
    ("hh", Ty { decl: "signed char", sentinel: "-99", show: "%d" }, Ty { decl: "unsigned char", sentinel: "99", show: "%u" }),
    ("h", Ty { decl: "short", sentinel: "-999", show: "%d" }, Ty { decl: "unsigned short", sentinel: "999", show: "%u" }),
    ("", Ty { decl: "int", sentinel: "-99999", show: "%d" }, Ty { decl: "unsigned", sentinel: "99999", show: "%u" }),
    ("l", Ty { decl: "long", sentinel: "-99999", show: "%ld" }, Ty { decl: "unsigned long", sentinel: "99999", show: "%lu" }),
    ("ll", Ty { decl: "long long", sentinel: "-99999", show: "%lld" }, Ty { decl: "unsigned long long", sentinel: "99999", show: "%llu" }),
    ("j", Ty { decl: "long", sentinel: "-99999", show: "%ld" }, Ty { decl: "unsigned long", sentinel: "99999", show: "%lu" }),
    ("z", Ty { decl: "long", sentinel: "-99999", show: "%ld" }, Ty { decl: "unsigned long", sentinel: "99999", show: "%lu" }),
    ("t", Ty { decl: "long", sentinel: "-99999", show: "%ld" }, Ty { decl: "unsigned long", sentinel: "99999", show: "%lu" }),
];

const INT_INPUTS: &[&str] = &[
    "0",
    "42",
    "-42",
    "+7",
    "0x1f",
    "0X1F",
    "-0x10",
    "017",
    "089",
    "0",
    "  12",
    "\\t\\n 5",
    "99999999999",
    "-99999999999999999999",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "-1",
    "2147483648",
    "-2147483649",
    "4294967296",
    "255",
    "256",
    "-129",
    "32768",
    "65536",
    "abc",
    "",
    "  ",
    "+",
    "-",
    "+-1",
    "0x",
    "0xg",
    "0x1G",
    "1e5",
    "12abc",
    "777777777777777777777777",
    "fff",
    "0b101",
];

const FLOAT_INPUTS: &[&str] = &[
    "0",
    "-0",
    "1.5",
    "-1.5e3",
    "1e400",
    "-1e400",
    "1e-400",
    ".5",
    "5.",
    ".",
    "-",
    "+",
    "1e",
    "1e+",
    "1e+x",
    "1ex",
    "inf",
    "-inf",
    "INFINITY",
    "infinit",
    "infx",
    "in",
    "nan",
    "-nan",
    "NaN(123)",
    "0x1p3",
    "0x1.8p-1",
    "0X.8P+1",
    "0x",
    "0xg",
    "0x1p",
    "0x1.fffffffffffff8p0",
    "0x1.fffffep127",
    "0x1.ffffffp127",
    "0x1p-1074",
    "0x1p-1075",
    "0x1.8p-1075",
    "0x1p-149",
    "0x1p-16445",
    "0x1.000000000000000001p0",
    "0xffffffffffffffffffp0",
    "123456789012345678901234567890",
    "0.1",
    "0.3",
    "3.14159265358979323846264338327950288",
    "2.2250738585072014e-308",
    "4.9406564584124654e-324",
    "2.4703282292062327e-324",
    "2.4703282292062328e-324",
    "1.7976931348623157e308",
    "1.7976931348623158e308",
    "1.7976931348623159e308",
    "3.4028235e38",
    "3.4028236e38",
    "1e-46",
    "1.4e-45",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203124",
    "9007199254740993",
    "  3.14xyz",
    "1,5",
    "00000000000000000000000000000000001.5",
    "0.000000000000000000000000000000000000000000000000000000000000001",
];

/// What a case stores into: ints, floats, strings or nothing.
enum Dest {
    Int(&'static Ty),
    Float(&'static str, &'static str),
    Str,
    Chars,
    Ptr,
    None,
}

struct Case {
    input: String,
    fmt: String,
    dests: Vec<Dest>,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (len, signed, unsigned) in INT_TYPES {
        for conv in ["d", "i", "u", "o", "x", "X"] {
            let ty = if matches!(conv, "d" | "i") { signed } else { unsigned };
            for input in INT_INPUTS {
                for width in ["", "1", "2", "3", "5"] {
                    out.push(Case { input: input.to_string(), fmt: format!("%{width}{len}{conv}"), dests: vec![Dest::Int(ty)] });
                }
            }
        }
    }
    let float_types = [("", "float", "%a"), ("l", "double", "%a"), ("L", "long double", "%La")];
    for (len, decl, show) in float_types {
        for conv in ["f", "e", "g", "a", "E", "G"] {
            for input in FLOAT_INPUTS {
                for width in ["", "1", "3", "6"] {
                    out.push(Case { input: input.to_string(), fmt: format!("%{width}{len}{conv}"), dests: vec![Dest::Float(decl, show)] });
                }
            }
        }
    }
    let text_inputs = ["hello world", "  lead", "", "   ", "a", "abc]def", "x-y-z", "^caret", "tab\\there", "comma,separated", "\\xc3\\xa9t\\xc3\\xa9"];
    for input in text_inputs {
        for fmt in [
            "%s", "%3s", "%1s", "%c", "%3c", "%10c", "%[a-z]", "%[^,]", "%[]a-z]", "%[^]]", "%[a-]", "%[-a]", "%[z-a]", "%[^^]", "%[ a-z]", "%2[a-z]",
            "%[^\\t]", "%[\\xc3\\xa9t]",
        ] {
            let dest = if fmt.contains('c') && !fmt.contains('[') { Dest::Chars } else { Dest::Str };
            out.push(Case { input: input.to_string(), fmt: fmt.to_string(), dests: vec![dest] });
        }
    }
    // Several directives: literals, whitespace, suppression, %n, %%.
    let multi: &[(&str, &str, &[&str])] = &[
        ("12 34", "%d %d", &["i", "i"]),
        ("12,34", "%d,%d", &["i", "i"]),
        ("12 ,34", "%d,%d", &["i", "i"]),
        ("12 ,34", "%d ,%d", &["i", "i"]),
        ("a12b", "a%db", &["i"]),
        ("a12c", "a%db%d", &["i", "i"]),
        ("12", "%d%d", &["i", "i"]),
        ("", "%d%d", &["i", "i"]),
        ("abc", "abc%d", &["i"]),
        ("ab", "abc%d", &["i"]),
        ("5 6", "%*d%d", &["i"]),
        ("5", "%*d%d", &["i"]),
        ("5 6", "%2$d %1$d", &["i", "i"]),
        ("12345", "%2d%n%d", &["i", "n", "i"]),
        ("  42", "%n%d%n", &["n", "i", "n"]),
        ("", "%n", &["n"]),
        ("50%", "%d%%", &["i"]),
        ("50 %", "%d%%", &["i"]),
        ("50x", "%d%%", &["i"]),
        ("1.5 2.5", "%lf %lf", &["d", "d"]),
        ("1.5x2.5", "%lfx%lf", &["d", "d"]),
        ("name=value", "%[^=]=%s", &["s", "s"]),
        ("0x1234 (nil) ff", "%p %p %p", &["p", "p", "p"]),
        ("3 apples", "%d %s", &["i", "s"]),
        ("3apples", "%d%c", &["i", "c"]),
        ("  x", "%c", &["c"]),
        ("  x", " %c", &["c"]),
        ("1e5", "%d%s", &["i", "s"]),
        ("0x1g", "%i%c", &["i", "c"]),
        ("-0x", "%x%c", &["i", "c"]),
        ("1e+x", "%lf%c", &["d", "c"]),
        ("nan(123)", "%lf%c", &["d", "c"]),
        ("infinity!", "%lf%c", &["d", "c"]),
    ];
    for (input, fmt, kinds) in multi {
        let dests = kinds
            .iter()
            .map(|k| match *k {
                "i" => Dest::Int(&INT_TYPES[2].1),
                "n" => Dest::Int(&INT_TYPES[2].1),
                "d" => Dest::Float("double", "%a"),
                "s" => Dest::Str,
                "c" => Dest::Chars,
                "p" => Dest::Ptr,
                _ => Dest::None,
            })
            .collect();
        out.push(Case { input: input.to_string(), fmt: fmt.to_string(), dests });
    }
    out
}

/// C code that runs one case with sscanf (`file` false) or fscanf on an
/// fmemopen stream (`file` true, which also prints what stays unread).
fn emit(c: &mut String, n: usize, case: &Case, file: bool) {
    let mut decls = String::new();
    let mut ptrs = String::new();
    let mut show_fmt = String::new();
    let mut show_args = String::new();
    for (i, d) in case.dests.iter().enumerate() {
        match d {
            Dest::Int(t) => {
                write!(decls, "{} v{i} = {}; ", t.decl, t.sentinel).unwrap();
                write!(show_fmt, " {}", t.show).unwrap();
                write!(show_args, ", v{i}").unwrap();
            }
            Dest::Float(decl, show) => {
                write!(decls, "{decl} v{i} = -1234.5; ").unwrap();
                write!(show_fmt, " {show}").unwrap();
                write!(show_args, ", v{i}").unwrap();
            }
            Dest::Str | Dest::Chars => {
                write!(decls, "char v{i}[64]; memset(v{i}, 0, 64); v{i}[0] = '#'; ").unwrap();
                write!(show_fmt, " [%s]").unwrap();
                write!(show_args, ", v{i}").unwrap();
            }
            Dest::Ptr => {
                write!(decls, "void *v{i} = (void *)7; ").unwrap();
                write!(show_fmt, " %p").unwrap();
                write!(show_args, ", v{i}").unwrap();
            }
            Dest::None => {}
        }
        write!(ptrs, ", {}v{i}", if matches!(d, Dest::Str | Dest::Chars) { "" } else { "&" }).unwrap();
    }
    let (input, fmt) = (&case.input, &case.fmt);
    if file {
        writeln!(
            c,
            "  {{ {decls}static char in[] = \"{input}\"; FILE *f = fmemopen(in, sizeof in - 1, \"r\"); int r = fscanf(f, \"{fmt}\"{ptrs}); int next = fgetc(f); fclose(f); printf(\"@@f{n}:%d next=%d{show_fmt}\\n\", r, next{show_args}); }}"
        )
        .unwrap();
    } else {
        writeln!(c, "  {{ {decls}int r = sscanf(\"{input}\", \"{fmt}\"{ptrs}); printf(\"@@{n}:%d{show_fmt}\\n\", r{show_args}); }}").unwrap();
    }
}

fn program(cases: &[Case]) -> String {
    let mut c = String::from("#define _GNU_SOURCE\n#include <stdio.h>\n#include <string.h>\n#include <stdlib.h>\n#include <stddef.h>\n");
    c.push_str("int swscanf(const wchar_t *, const wchar_t *, ...);\n");
    let per = 400;
    for (k, chunk) in cases.chunks(per).enumerate() {
        writeln!(c, "static void part{k}(void) {{").unwrap();
        for (i, case) in chunk.iter().enumerate() {
            let n = k * per + i;
            emit(&mut c, n, case, false);
            if !case.input.is_empty() {
                emit(&mut c, n, case, true);
            }
        }
        c.push_str("}\n");
    }
    // %m allocation and wide input.
    c.push_str(
        "static void extra(void) {\n\
         char *a = 0, *b = 0; int r = sscanf(\"alpha beta\", \"%ms %m[a-z]\", &a, &b); printf(\"@@m:%d %s %s\\n\", r, a, b); free(a); free(b);\n\
         char *cc = 0; r = sscanf(\"xyz\", \"%m2c\", &cc); printf(\"@@mc:%d %.2s\\n\", r, cc); free(cc);\n\
         { int i = 0; double d = 0; wchar_t ws[16] = {0}; char s[16] = {0}; r = swscanf(L\"42 2.5 wide narrow\", L\"%d %lf %ls %s\", &i, &d, ws, s); printf(\"@@w:%d %d %a %ls %s\\n\", r, i, d, ws, s); }\n\
         }\n",
    );
    c.push_str("int main(void) {\n");
    for k in 0..cases.len().div_ceil(per) {
        writeln!(c, "  part{k}();").unwrap();
    }
    c.push_str("  extra();\n  return 0;\n}\n");
    c
}

#[test]
fn scanf_matches_glibc() {
    let cases = cases();
    diff::check("scanf_diff", &program(&cases), |n| cases.get(n).map(|c| format!("scanf(\"{}\", \"{}\")", c.input, c.fmt)));
}
