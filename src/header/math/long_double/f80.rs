//! `F80`: the x87 80-bit extended format, as C's `long double` lays it out
//! in memory (64-bit mantissa with an explicit integer bit, then 15-bit
//! exponent and sign, padded to 16 bytes), and the x87 instructions that
//! compute on it.
//!
//! Rust has no such type, so each operation is a short inline-assembly
//! block that loads its operands on the x87 stack, runs one instruction and
//! stores the result, leaving the stack empty as the ABI requires. The
//! x87 rounds to 64 bits (its default precision) in the current rounding
//! mode, which `fesetround` keeps in step with SSE's.

use crate::header::math::error::Real;
use core::arch::asm;
use core::cmp::Ordering;

#[repr(C, align(16))]
#[derive(Clone, Copy, Debug)]
pub struct F80 {
    /// The mantissa, integer bit included (bit 63).
    pub m: u64,
    /// Sign (bit 15) and biased exponent (bits 0-14).
    pub se: u16,
}

pub const BIAS: i32 = 16383;
const EXP_MASK: u16 = 0x7fff;
const INT_BIT: u64 = 1 << 63;

/// Runs x87 code on operands loaded from memory: `st(0)` holds the first,
/// `st(1)` the second, `st(2)` the third. The code must leave exactly one
/// value, the result, on the stack.
macro_rules! x87 {
    ($($code:literal),+; $a:expr) => {{
        let mut r: F80 = $a;
        // SAFETY: loads one 80-bit value from `r`, computes, and stores one
        // value back into `r`; the x87 stack is empty before and after.
        unsafe {
            asm!(
                "fld tbyte ptr [{a}]",
                $($code,)+
                "fstp tbyte ptr [{a}]",
                a = in(reg) &mut r,
                out("st(0)") _, out("st(1)") _, out("st(2)") _, out("st(3)") _,
                out("st(4)") _, out("st(5)") _, out("st(6)") _, out("st(7)") _,
                options(nostack),
            )
        };
        r
    }};
    ($($code:literal),+; $a:expr, $b:expr) => {{
        let mut r: F80 = $a;
        let b: F80 = $b;
        // SAFETY: as above, with a second operand read from `b`.
        unsafe {
            asm!(
                "fld tbyte ptr [{b}]",
                "fld tbyte ptr [{a}]",
                $($code,)+
                "fstp tbyte ptr [{a}]",
                a = in(reg) &mut r,
                b = in(reg) &b,
                out("st(0)") _, out("st(1)") _, out("st(2)") _, out("st(3)") _,
                out("st(4)") _, out("st(5)") _, out("st(6)") _, out("st(7)") _,
                options(nostack),
            )
        };
        r
    }};
}

/// Converts between formats: loads `$x` with the first instruction and
/// stores it, converted, over `$init` with the second.
macro_rules! convert {
    ($load:literal, $store:literal, $x:expr, $init:expr) => {{
        let x = $x;
        let mut r = $init;
        // SAFETY: the instructions load one value of x's type from `x` and
        // store one of r's type into `r`; the x87 stack ends empty.
        unsafe {
            asm!($load, $store, x = in(reg) &x, r = in(reg) &mut r, out("st(0)") _, options(nostack));
        }
        r
    }};
}

impl F80 {
    pub const fn new(se: u16, m: u64) -> F80 {
        F80 { m, se }
    }

    pub const ZERO: F80 = F80::new(0, 0);
    pub const ONE: F80 = F80::new(0x3fff, INT_BIT);
    pub const TWO: F80 = F80::new(0x4000, INT_BIT);
    pub const HALF: F80 = F80::new(0x3ffe, INT_BIT);
    pub const INFINITY: F80 = F80::new(EXP_MASK, INT_BIT);
    pub const NAN: F80 = F80::new(EXP_MASK, 0xc000_0000_0000_0000);
    pub const MAX: F80 = F80::new(0x7ffe, u64::MAX);
    /// The least positive normal value, 2^-16382.
    pub const MIN_POSITIVE: F80 = F80::new(1, INT_BIT);

    /// The biased exponent.
    pub fn biased(self) -> i32 {
        i32::from(self.se & EXP_MASK)
    }

    pub fn is_negative(self) -> bool {
        self.se & 0x8000 != 0
    }

    pub fn is_nan(self) -> bool {
        self.se & EXP_MASK == EXP_MASK && self.m << 1 != 0
    }

    /// An encoding the x87 rejects as an operand (invalid, giving NaN): a
    /// nonzero exponent without the integer bit.
    pub fn is_unsupported(self) -> bool {
        self.se & EXP_MASK != 0 && self.m & INT_BIT == 0
    }

    pub fn is_infinite(self) -> bool {
        self.se & EXP_MASK == EXP_MASK && self.m << 1 == 0
    }

    pub fn is_finite(self) -> bool {
        self.se & EXP_MASK != EXP_MASK
    }

    pub fn is_zero(self) -> bool {
        self.m == 0 && self.se & EXP_MASK == 0
    }

    pub fn abs(self) -> F80 {
        F80::new(self.se & EXP_MASK, self.m)
    }

    /// The magnitude of `self` with the sign of `s`.
    pub fn copysign(self, s: F80) -> F80 {
        F80::new((self.se & EXP_MASK) | (s.se & 0x8000), self.m)
    }

    /// The unbiased exponent of a finite nonzero value, subnormals included:
    /// `self` is in [2^e, 2^(e+1)).
    pub fn exponent(self) -> i32 {
        let e = self.biased();
        if e == 0 {
            // Subnormal: the exponent field is 0 but means 1 - BIAS.
            1 - BIAS - self.m.leading_zeros() as i32
        } else {
            e - BIAS
        }
    }

    pub fn from_f64(x: f64) -> F80 {
        convert!("fld qword ptr [{x}]", "fstp tbyte ptr [{r}]", x, F80::ZERO)
    }

    /// `self` rounded to a double in the current rounding mode.
    pub fn to_f64(self) -> f64 {
        convert!("fld tbyte ptr [{x}]", "fstp qword ptr [{r}]", self, 0.0f64)
    }

    pub fn from_i64(n: i64) -> F80 {
        convert!("fild qword ptr [{x}]", "fstp tbyte ptr [{r}]", n, F80::ZERO)
    }

    /// `self` rounded to an integer in the current rounding mode; out of
    /// range gives `i64::MIN` and raises invalid (the x87's behaviour).
    pub fn to_i64(self) -> i64 {
        convert!("fld tbyte ptr [{x}]", "fistp qword ptr [{r}]", self, 0i64)
    }

    pub fn add(self, b: F80) -> F80 {
        x87!("fadd st(0), st(1)", "fstp st(1)"; self, b)
    }

    pub fn sub(self, b: F80) -> F80 {
        x87!("fsub st(0), st(1)", "fstp st(1)"; self, b)
    }

    pub fn mul(self, b: F80) -> F80 {
        x87!("fmul st(0), st(1)", "fstp st(1)"; self, b)
    }

    pub fn div(self, b: F80) -> F80 {
        x87!("fdiv st(0), st(1)", "fstp st(1)"; self, b)
    }

    /// Correctly rounded square root (invalid for negative values).
    pub fn sqrt(self) -> F80 {
        x87!("fsqrt"; self)
    }

    /// `self` rounded to an integer in the current rounding mode.
    pub fn rint(self) -> F80 {
        x87!("frndint"; self)
    }

    /// `self` times 2^n, rounded once (over- and underflow as the result
    /// needs): on the exponent field when both are normal, else `fscale`.
    pub fn scale(self, n: i32) -> F80 {
        let b = self.biased();
        let to = i64::from(b) + i64::from(n);
        let normal = b != 0 && b != i32::from(EXP_MASK) && self.m & INT_BIT != 0;
        if normal && (1..i64::from(EXP_MASK)).contains(&to) {
            return F80::new((self.se & !EXP_MASK) | to as u16, self.m);
        }
        x87!("fscale", "fstp st(1)"; self, F80::from_i64(i64::from(n.clamp(-70000, 70000))))
    }

    /// 2^self - 1, for |self| <= 1 (`f2xm1`), accurate near zero.
    pub fn exp2m1_reduced(self) -> F80 {
        x87!("f2xm1"; self)
    }

    /// `y * log2(self)` (`fyl2x`).
    pub fn ylog2(self, y: F80) -> F80 {
        x87!("fyl2x"; self, y)
    }

    /// `y * log2(1 + self)` for |self| < 1 - sqrt(2)/2 (`fyl2xp1`).
    pub fn ylog2_1p(self, y: F80) -> F80 {
        x87!("fyl2xp1"; self, y)
    }

    /// The angle of the point (`self`, `y`): atan2(y, self) (`fpatan`).
    pub fn atan2_of(self, y: F80) -> F80 {
        x87!("fpatan"; self, y)
    }

    /// Sine of a reduced argument, |self| <= pi/4 (`fsin`).
    pub fn sin_reduced(self) -> F80 {
        x87!("fsin"; self)
    }

    /// Cosine of a reduced argument, |self| <= pi/4 (`fcos`).
    pub fn cos_reduced(self) -> F80 {
        x87!("fcos"; self)
    }

    /// Sine and cosine of a reduced argument, |self| <= pi/4, by one
    /// `fsincos` (which costs about what `fsin` alone does).
    pub fn sin_cos_reduced(self) -> (F80, F80) {
        let (mut s, mut c) = (self, F80::ZERO);
        // SAFETY: loads one 80-bit value from `s`; `fsincos` replaces it
        // with its sine and pushes its cosine; both are stored and popped,
        // leaving the x87 stack empty.
        unsafe {
            asm!(
                "fld tbyte ptr [{s}]",
                "fsincos",
                "fstp tbyte ptr [{c}]",
                "fstp tbyte ptr [{s}]",
                s = in(reg) &mut s,
                c = in(reg) &mut c,
                out("st(0)") _, out("st(1)") _, out("st(2)") _, out("st(3)") _,
                out("st(4)") _, out("st(5)") _, out("st(6)") _, out("st(7)") _,
                options(nostack),
            )
        };
        (s, c)
    }

    /// Tangent of a reduced argument, |self| <= pi/4 (`fptan`, which
    /// pushes 1 after the result).
    pub fn tan_reduced(self) -> F80 {
        x87!("fptan", "fstp st(0)"; self)
    }

    /// The remainder of `self / y` with the quotient rounded toward zero
    /// (`prem1` false, `fprem`) or to nearest (`fprem1`), and the x87
    /// status word of the last step, whose C0, C3 and C1 bits hold the low
    /// three bits of the quotient. Each step reduces the exponent
    /// difference by at most 63, so the loop runs until C2 is clear.
    pub fn prem(self, y: F80, nearest: bool) -> (F80, u16) {
        let mut r = self;
        let mut sw: u16;
        // SAFETY: loads y and x, reduces x by y until the status word's C2
        // bit says the reduction is complete, stores the remainder and pops
        // y; the stack ends empty. `fnstsw ax` writes only ax.
        unsafe {
            if nearest {
                asm!(
                    "fld tbyte ptr [{y}]",
                    "fld tbyte ptr [{x}]",
                    "2:",
                    "fprem1",
                    "fnstsw ax",
                    "test ah, 4",
                    "jnz 2b",
                    "fstp tbyte ptr [{x}]",
                    "fstp st(0)",
                    x = in(reg) &mut r,
                    y = in(reg) &y,
                    out("ax") sw,
                    out("st(0)") _, out("st(1)") _,
                    options(nostack),
                )
            } else {
                asm!(
                    "fld tbyte ptr [{y}]",
                    "fld tbyte ptr [{x}]",
                    "2:",
                    "fprem",
                    "fnstsw ax",
                    "test ah, 4",
                    "jnz 2b",
                    "fstp tbyte ptr [{x}]",
                    "fstp st(0)",
                    x = in(reg) &mut r,
                    y = in(reg) &y,
                    out("ax") sw,
                    out("st(0)") _, out("st(1)") _,
                    options(nostack),
                )
            }
        }
        (r, sw)
    }

    /// A total order key for non-NaN values: negative values reversed,
    /// both zeros equal.
    fn key(self) -> i128 {
        if self.is_zero() {
            return 0;
        }
        let mag = (i128::from(self.se & EXP_MASK) << 64) | i128::from(self.m);
        if self.is_negative() {
            -mag
        } else {
            mag
        }
    }
}

impl PartialEq for F80 {
    fn eq(&self, o: &F80) -> bool {
        !self.is_nan() && !o.is_nan() && self.key() == o.key()
    }
}

impl PartialOrd for F80 {
    fn partial_cmp(&self, o: &F80) -> Option<Ordering> {
        if self.is_nan() || o.is_nan() {
            None
        } else {
            Some(self.key().cmp(&o.key()))
        }
    }
}

impl core::ops::Neg for F80 {
    type Output = F80;
    fn neg(self) -> F80 {
        F80::new(self.se ^ 0x8000, self.m)
    }
}

impl core::ops::Add for F80 {
    type Output = F80;
    fn add(self, b: F80) -> F80 {
        F80::add(self, b)
    }
}

impl core::ops::Sub for F80 {
    type Output = F80;
    fn sub(self, b: F80) -> F80 {
        F80::sub(self, b)
    }
}

impl core::ops::Mul for F80 {
    type Output = F80;
    fn mul(self, b: F80) -> F80 {
        F80::mul(self, b)
    }
}

impl core::ops::Div for F80 {
    type Output = F80;
    fn div(self, b: F80) -> F80 {
        F80::div(self, b)
    }
}

impl From<f64> for F80 {
    fn from(x: f64) -> F80 {
        F80::from_f64(x)
    }
}

impl Real for F80 {
    const ZERO: F80 = F80::ZERO;
    const MIN_NORMAL: F80 = F80::MIN_POSITIVE;
    fn is_nan(self) -> bool {
        F80::is_nan(self)
    }
    fn is_finite(self) -> bool {
        F80::is_finite(self)
    }
    fn is_signaling(self) -> bool {
        self.is_nan() && self.m & (1 << 62) == 0
    }
}

/// `a * b` exactly, as the rounded product (in the current rounding mode)
/// and its error: the mantissas' 128-bit product less the rounded one's,
/// in integers. Where the error cannot be represented (a product among the
/// subnormals, or not finite) it is zero.
pub fn two_prod(a: F80, b: F80) -> (F80, F80) {
    let p = a * b;
    let pb = p.biased();
    if pb == 0 || pb == i32::from(EXP_MASK) || a.is_zero() || b.is_zero() {
        return (p, F80::ZERO);
    }
    // Each value is m 2^q, q the exponent of the mantissa's last bit.
    let q = |x: F80| x.biased().max(1) - BIAS - 63;
    let shift = q(p) - q(a) - q(b);
    if !(0..=64).contains(&shift) {
        return (p, F80::ZERO);
    }
    // |error| <= half an ulp of p, below 2^127 units: the wrapped
    // difference is the signed one.
    let exact = u128::from(a.m) * u128::from(b.m);
    let e = exact.wrapping_sub(u128::from(p.m) << shift) as i128;
    if e == 0 {
        return (p, F80::ZERO);
    }
    let negative = (e < 0) != (a.is_negative() != b.is_negative());
    (p, from_u128(negative, e.unsigned_abs(), q(a) + q(b)))
}

/// `v 2^e`, to 64 bits (truncated) if v has more, for v nonzero.
pub fn from_u128(negative: bool, v: u128, e: i32) -> F80 {
    let lz = v.leading_zeros() as i32;
    let top = ((v << lz) >> 64) as u64;
    // The leading bit is worth 2^(127 - lz + e).
    let exp = 127 - lz + e;
    let sign = if negative { 0x8000 } else { 0 };
    if (1 - BIAS..=BIAS).contains(&exp) {
        F80::new(sign | (exp + BIAS) as u16, top)
    } else {
        F80::new(sign | (BIAS + 63) as u16, top).scale(exp - 63)
    }
}

/// `n 2^e` for n < 2^64 and a normal result, at compile time.
pub const fn dyadic(n: u64, e: i32) -> F80 {
    if n == 0 {
        return F80::ZERO;
    }
    let lz = n.leading_zeros() as i32;
    F80::new((63 - lz + e + BIAS) as u16, n << lz)
}

/// `a + b` exactly, as a rounded sum and its error, for |a| >= |b|.
pub fn fast_two_sum(a: F80, b: F80) -> (F80, F80) {
    let s = a + b;
    (s, b - (s - a))
}

#[cfg(test)]
impl F80 {
    /// Whether `self` is within `n` units in the last place of `exact`.
    pub fn within_ulps(self, exact: F80, n: u32) -> bool {
        (self - exact).abs() <= F80::from(f64::from(n)).scale(exact.exponent() - 63)
    }
}

/// Checks that each function is within an ulp of the exact value given
/// (rounded) at its argument.
#[cfg(test)]
pub fn assert_within_an_ulp(cases: &[(fn(F80) -> F80, F80, F80)]) {
    for &(f, x, exact) in cases {
        assert!(f(x).within_ulps(exact, 1), "at {x:?}: {:?}, not {exact:?}", f(x));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_and_conversions() {
        let three = F80::from(3.0);
        assert_eq!(three.to_f64(), 3.0);
        assert_eq!((F80::ONE / three * three).to_f64(), 1.0);
        assert_eq!(F80::from(2.0).sqrt().to_f64(), core::f64::consts::SQRT_2);
        assert_eq!(F80::from(-2.5).rint().to_f64(), -2.0);
        assert_eq!(F80::from(-2.5).to_i64(), -2);
        assert_eq!(F80::from(3.0).scale(-1).to_f64(), 1.5);
        assert_eq!(F80::from_i64(i64::MIN).to_f64(), -9.223372036854775808e18);
        assert!(F80::NAN.is_nan() && !(F80::NAN == F80::NAN));
        assert!(F80::from(-0.0) == F80::ZERO);
        assert!(F80::from(-1.0) < F80::from(-0.5) && F80::from(-0.5) < F80::MIN_POSITIVE);
        assert_eq!(F80::MIN_POSITIVE.exponent(), -16382);
        assert_eq!(F80::new(0, 1).exponent(), -16445);
        let (r, _) = F80::from(10.0).prem(F80::from(3.0), false);
        assert_eq!(r.to_f64(), 1.0);
    }

    #[test]
    fn two_prod_is_exact() {
        // (2^40 + 1)(2^40 + 3) = 2^80 + 2^42 + 3 needs 81 bits.
        let a = F80::from(1099511627777.0);
        let b = F80::from(1099511627779.0);
        let (p, e) = two_prod(a, b);
        assert!(p == F80::ONE.scale(80) + F80::ONE.scale(42));
        assert_eq!(e.to_f64(), 3.0);
        // (1 + 2^-63)(-1 - 2^-63) = -(1 + 2^-62 + 2^-126).
        let a = F80::new(0x3fff, (1 << 63) | 1);
        let (p, e) = two_prod(a, -a);
        assert!(p == F80::new(0xbfff, (1 << 63) | 2) && e == -F80::ONE.scale(-126));
        // Below the normal range the error is dropped.
        assert!(two_prod(F80::MIN_POSITIVE, F80::from(0.75)).1.is_zero());
    }

    #[test]
    fn integer_constructors_and_scaling() {
        assert!(dyadic(3, -1) == F80::from(1.5));
        assert!(from_u128(true, 3 << 100, -101) == F80::from(-1.5));
        assert!(from_u128(false, 1, -16445) == F80::new(0, 1));
        assert!(F80::from(1.5).scale(-16383) == F80::new(0, 3 << 61));
        assert!(F80::from(-1.5).scale(16000) == F80::new(0xfe7f, 3 << 62));
        assert!(F80::MAX.scale(1).is_infinite());
    }
}
