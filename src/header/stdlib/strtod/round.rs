//! Binary floating-point formats and correct rounding (to nearest, ties
//! to even) of an exact binary value into one of them.

/// An IEEE-style binary format.
pub struct Format {
    /// Significand bits, counting the leading one (24, 53, 64).
    pub mant_bits: u32,
    /// Exponents of the smallest and largest normal numbers.
    pub emin: i64,
    pub emax: i64,
    /// Significant decimal digits beyond which only "is the rest zero"
    /// matters: more than any midpoint between two neighbours has.
    pub max_digits: usize,
    /// A decimal value at or above 10^dec_overflow overflows.
    pub dec_overflow: i64,
    /// A decimal value below 10^dec_underflow rounds to zero.
    pub dec_underflow: i64,
}

pub const F32: Format = Format { mant_bits: 24, emin: -126, emax: 127, max_digits: 120, dec_overflow: 39, dec_underflow: -46 };
pub const F64: Format = Format { mant_bits: 53, emin: -1022, emax: 1023, max_digits: 780, dec_overflow: 309, dec_underflow: -324 };
pub const F80: Format =
    Format { mant_bits: 64, emin: -16382, emax: 16383, max_digits: 11530, dec_overflow: 4933, dec_underflow: -4951 };

/// A rounded finite value, infinity or zero, before the sign is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rounded {
    /// The significand including its leading bit (set for normal numbers,
    /// clear for subnormals and zero; zero for infinity).
    pub mant: u64,
    /// The biased exponent field: 0 for zero and subnormals, all ones for
    /// infinity.
    pub biased: u64,
    /// The value was not exactly representable.
    pub inexact: bool,
    /// The value was tiny (below the smallest normal after rounding to
    /// the format's precision with an unbounded exponent).
    pub tiny: bool,
}

impl Rounded {
    pub const ZERO: Rounded = Rounded { mant: 0, biased: 0, inexact: false, tiny: false };

    pub fn infinity(f: &Format) -> Rounded {
        Rounded { mant: 0, biased: (2 * f.emax + 1) as u64, inexact: true, tiny: false }
    }

    pub fn underflow() -> Rounded {
        Rounded { mant: 0, biased: 0, inexact: true, tiny: true }
    }

    pub fn is_infinite(&self, f: &Format) -> bool {
        self.biased == (2 * f.emax + 1) as u64
    }

    /// C11 and glibc report ERANGE on overflow, and on underflow when the
    /// result is tiny and inexact.
    pub fn range_error(&self, f: &Format) -> bool {
        self.is_infinite(f) || (self.tiny && self.inexact)
    }
}

/// Shifts `m` right by `shift` bits, rounding to nearest-even; `sticky`
/// says bits below `m` were already lost. Returns the result and whether
/// anything was lost.
fn shift_round(m: u128, shift: u32, sticky: bool) -> (u128, bool) {
    if shift == 0 {
        return (m, sticky);
    }
    if shift > 128 {
        return (0, true);
    }
    let q = if shift == 128 { 0 } else { m >> shift };
    let half = 1u128 << (shift - 1);
    let rest = m & (half - 1);
    let round = m & half != 0;
    let inexact = round || rest != 0 || sticky;
    if round && (rest != 0 || sticky || q & 1 == 1) {
        (q + 1, inexact)
    } else {
        (q, inexact)
    }
}

/// Rounds the value (m + s) * 2^e into format `f`, where m is non-zero and
/// s, present when `sticky`, is strictly between 0 and 1.
pub fn round(f: &Format, m: u128, e: i64, sticky: bool) -> Rounded {
    let p = i64::from(f.mant_bits);
    let len = 128 - i64::from(m.leading_zeros());
    // The value lies in [2^top, 2^(top+1)).
    let top = e + len - 1;
    if top > f.emax {
        return Rounded::infinity(f);
    }
    // The weight of the result's last bit: fixed at the subnormal spacing
    // below the normal range.
    let lsb = top.max(f.emin) - (p - 1);
    let (mut q, inexact) = if lsb <= e {
        // Everything fits: the value is m shifted left, plus `sticky`.
        (m << (e - lsb), sticky)
    } else {
        shift_round(m, (lsb - e).min(129) as u32, sticky)
    };
    let mut lsb = lsb;
    if q >> p != 0 {
        q >>= 1;
        lsb += 1;
    }
    // Rounded to p bits with an unbounded exponent, a value just below
    // 2^emin may carry up to it, and is then not tiny.
    let carries = top == f.emin - 1 && len > p && shift_round(m, (len - p) as u32, sticky).0 >> p != 0;
    let tiny = top < f.emin && !carries;
    if q == 0 {
        return Rounded { mant: 0, biased: 0, inexact, tiny };
    }
    if q >> (p - 1) == 0 {
        return Rounded { mant: q as u64, biased: 0, inexact, tiny };
    }
    let biased = lsb + (p - 1) + f.emax;
    if biased >= 2 * f.emax + 1 {
        return Rounded::infinity(f);
    }
    Rounded { mant: q as u64, biased: biased as u64, inexact, tiny }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_f64(r: Rounded) -> f64 {
        f64::from_bits(r.biased << 52 | (r.mant & ((1 << 52) - 1)))
    }

    #[test]
    fn rounds_like_hardware() {
        assert_eq!(to_f64(round(&F64, 1, 0, false)), 1.0);
        assert_eq!(to_f64(round(&F64, (1 << 53) + 1, 0, false)), 9007199254740992.0);
        assert_eq!(to_f64(round(&F64, (1 << 53) + 3, 0, false)), 9007199254740996.0);
        assert_eq!(to_f64(round(&F64, (1 << 53) + 1, 0, true)), 9007199254740994.0);
        assert_eq!(to_f64(round(&F64, 1, -1074, false)), 5e-324);
        assert_eq!(round(&F64, 1, -1075, false), Rounded { mant: 0, biased: 0, inexact: true, tiny: true });
        assert_eq!(to_f64(round(&F64, 3, -1076, false)), 5e-324);
        assert!(round(&F64, 1, 1024, false).is_infinite(&F64));
    }

    #[test]
    fn tininess_is_judged_after_rounding() {
        // 0x1.fffffffffffff8p-1023 rounds to DBL_MIN even at 53 bits: not tiny.
        let r = round(&F64, (1 << 54) - 1, -1023 - 53, false);
        assert_eq!(to_f64(r), f64::MIN_POSITIVE);
        assert!(!r.tiny && r.inexact);
        // 0x1.fffffffffffffp-1023 is exact at 53 bits, so it is tiny.
        let r = round(&F64, (1 << 53) - 1, -1023 - 52, false);
        assert_eq!(to_f64(r), f64::MIN_POSITIVE);
        assert!(r.tiny && r.inexact);
    }
}
