use super::*;
use crate::errno::{get_errno, set_errno_raw};

fn c(s: &str) -> std::ffi::CString {
    std::ffi::CString::new(s).unwrap()
}

/// (bits, consumed, errno) of strtod.
fn d(s: &str) -> (u64, usize, i32) {
    let cs = c(s);
    let mut end = core::ptr::null_mut();
    set_errno_raw(0);
    // SAFETY: cs is NUL-terminated; end is a local.
    let v = unsafe { to_f64(cs.as_ptr(), &mut end) };
    (v.to_bits(), end as usize - cs.as_ptr() as usize, get_errno())
}

fn f(s: &str) -> (u32, i32) {
    let cs = c(s);
    set_errno_raw(0);
    // SAFETY: cs is NUL-terminated.
    let v = unsafe { to_f32(cs.as_ptr(), core::ptr::null_mut()) };
    (v.to_bits(), get_errno())
}

fn ld(s: &str) -> (u16, u64, i32) {
    let cs = c(s);
    set_errno_raw(0);
    // SAFETY: cs is NUL-terminated.
    let (m, se) = unsafe { to_f80(cs.as_ptr(), core::ptr::null_mut()) };
    (se, m, get_errno())
}

/// The exact path alone, in double.
fn exact64(s: &str) -> (u64, i32) {
    let cs = c(s);
    set_errno_raw(0);
    // SAFETY: cs is NUL-terminated.
    let p = unsafe { scan::scan(cs.as_ptr()) };
    // SAFETY: p is the scan of cs.
    let Value::Number(r) = (unsafe { exact::<c_char, LIMBS_F64>(&F64, cs.as_ptr(), &p) }) else { panic!("nan") };
    (r.biased << 52 | (r.mant & ((1 << 52) - 1)) | u64::from(p.negative) << 63, get_errno())
}

const ERANGE: i32 = errno::RANGE as i32;

#[test]
fn double_edges_match_glibc() {
    // Reference values printed by glibc 2.36.
    let cases: &[(&str, u64, usize, i32)] = &[
        ("0x1p-1074", 0x0000000000000001, 9, 0),
        ("0x1.8p-1074", 0x0000000000000002, 11, ERANGE),
        ("0x1p-1075", 0, 9, ERANGE),
        ("0x1.0000001p-1075", 1, 17, ERANGE),
        ("4.9406564584124654e-324", 1, 23, ERANGE),
        ("2.2250738585072011e-308", 0x000fffffffffffff, 23, ERANGE),
        ("2.2250738585072014e-308", 0x0010000000000000, 23, 0),
        ("0x1.fffffffffffffp-1023", 0x0010000000000000, 23, ERANGE),
        ("0x1.fffffffffffff8p-1023", 0x0010000000000000, 24, 0),
        ("1e-400", 0, 6, ERANGE),
        ("0e-999999", 0, 9, 0),
        ("1e400", 0x7ff0000000000000, 5, ERANGE),
        ("0x1.fffffffffffff8p1023", 0x7ff0000000000000, 23, ERANGE),
        ("1.7976931348623158e308", 0x7fefffffffffffff, 22, 0),
        ("1.7976931348623159e308", 0x7ff0000000000000, 22, ERANGE),
        ("nan(123)", 0x7ff800000000007b, 8, 0),
        ("-nan(0x7)", 0xfff8000000000007, 9, 0),
        ("nan(abc)", 0x7ff8000000000000, 8, 0),
        ("nan(99999999999999999999999)", 0x7fffffffffffffff, 28, ERANGE),
        ("inFx", 0x7ff0000000000000, 3, 0),
        ("-infinity", 0xfff0000000000000, 9, 0),
        ("1.5e-2147483649", 0, 15, ERANGE),
        ("1e99999999999999999999999", 0x7ff0000000000000, 25, ERANGE),
        ("9007199254740993", 0x4340000000000000, 16, 0),
        ("-0", 0x8000000000000000, 2, 0),
        ("junk", 0, 0, 0),
    ];
    for &(s, bits, len, err) in cases {
        assert_eq!(d(s), (bits, len, err), "{s}");
    }
}

#[test]
fn float_and_long_double_edges_match_glibc() {
    assert_eq!(f("1e-400"), (0, ERANGE));
    assert_eq!(f("1e400"), (0x7f800000, ERANGE));
    assert_eq!(f("nan(123)"), (0x7fc0007b, 0));
    assert_eq!(f("0x1.fffffffffffffp1023"), (0x7f800000, ERANGE));
    // Rounds to float directly: via double it would round twice.
    assert_eq!(f("1.00000005960464477550"), (0x3f800001, 0));
    assert_eq!(ld("1e400"), (0x452f, 0xda763fc8cb9ff9e6, 0));
    assert_eq!(ld("4.9406564584124654e-324"), (0x3bcc, 0xffffffffffffff64, 0));
    assert_eq!(ld("2.2250738585072011e-308"), (0x3c00, 0xfffffffffffff6d5, 0));
    assert_eq!(ld("1.7976931348623159e308"), (0x43fe, 0xffffffffffffffb1, 0));
    assert_eq!(ld("1e-400"), (0x3ace, 0x95fe7e07c91efafa, 0));
    assert_eq!(ld("nan(123)"), (0x7fff, 0xc00000000000007b, 0));
    assert_eq!(ld("-inf"), (0xffff, 1 << 63, 0));
}

#[test]
fn exact_path_agrees_with_core() {
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..20000 {
        let ndig = 1 + (next() % if i % 10 == 0 { 800 } else { 25 }) as usize;
        let mut s: String = (0..ndig).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
        if next() % 2 == 0 {
            s.insert(next() as usize % (s.len() + 1), '.');
        }
        let exp = (next() % 700) as i64 - 350;
        let s = format!("{s}e{exp}");
        let want: f64 = s.parse().unwrap();
        if want != 0.0 && want.is_finite() && want >= f64::MIN_POSITIVE {
            assert_eq!(exact64(&s).0, want.to_bits(), "{s}");
        }
    }
}

#[test]
fn halfway_cases_round_to_even() {
    // 2^53 + 1 and 2^53 + 3 are halfway: ties go to the even neighbour.
    assert_eq!(exact64("9007199254740993").0, 9007199254740992f64.to_bits());
    assert_eq!(exact64("9007199254740995").0, 9007199254740996f64.to_bits());
    // Just above halfway, by a digit far beyond double's precision.
    assert_eq!(exact64("9007199254740993.00000000000000000000000000000001").0, 9007199254740994f64.to_bits());
    // Smallest subnormal's half rounds to zero, anything above it up.
    assert_eq!(exact64("2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324"), (0, ERANGE));
    assert_eq!(exact64("2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125000000000000000000000001e-324"), (1, ERANGE));
}
