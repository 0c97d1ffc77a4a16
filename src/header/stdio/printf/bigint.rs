//! Exact decimal expansion of binary floating-point values, with a small
//! fixed-capacity big integer.
//!
//! A finite value is `m × 2^e`. Its integer part `m << e` is turned into
//! decimal by repeated division by 10^9. Its fraction `F / 2^s` yields nine
//! digits at a time: `F × 10^9 / 2^s` splits into a chunk (the integer
//! part) and a new fraction; multiplying by 5^9 and moving the split point
//! down by nine bits does the same while keeping the numbers short. Every
//! digit is exact, so rounding can look at the true remainder, which is
//! what makes ties (0.125 at %.2f) round to even as glibc does.

const BILLION: u32 = 1_000_000_000;
const FIVE_POW_9: u32 = 1_953_125;

/// An unsigned integer of up to `N` 32-bit limbs, least significant first.
struct Big<const N: usize> {
    limbs: [u32; N],
    len: usize,
}

impl<const N: usize> Big<N> {
    fn from_u64(v: u64) -> Self {
        let mut b = Big { limbs: [0; N], len: 2 };
        b.limbs[0] = v as u32;
        b.limbs[1] = (v >> 32) as u32;
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    fn is_zero(&self) -> bool {
        self.len == 0
    }

    /// Shifts left; the caller makes sure the result fits in `N` limbs.
    fn shl(&mut self, bits: usize) {
        let (words, sh) = (bits / 32, bits % 32);
        let old = self.len;
        if sh == 0 {
            self.limbs.copy_within(0..old, words);
            self.limbs[old + words] = 0;
        } else {
            self.limbs[old + words] = self.limbs[old - 1] >> (32 - sh);
            for i in (1..old).rev() {
                self.limbs[i + words] = self.limbs[i] << sh | self.limbs[i - 1] >> (32 - sh);
            }
            self.limbs[words] = self.limbs[0] << sh;
        }
        self.limbs[..words].fill(0);
        self.len = old + words + 1;
        self.trim();
    }

    /// Divides by 10^9 in place; returns the remainder.
    fn div_billion(&mut self) -> u32 {
        let mut rem = 0u64;
        for limb in self.limbs[..self.len].iter_mut().rev() {
            let cur = rem << 32 | u64::from(*limb);
            *limb = (cur / u64::from(BILLION)) as u32;
            rem = cur % u64::from(BILLION);
        }
        self.trim();
        rem as u32
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.limbs[..self.len] {
            let p = u64::from(*limb) * u64::from(m) + carry;
            *limb = p as u32;
            carry = p >> 32;
        }
        if carry != 0 {
            self.limbs[self.len] = carry as u32;
            self.len += 1;
        }
    }

    /// Returns the bits from `b` upward (which must fit in 32 bits) and
    /// keeps only the bits below `b`.
    fn split_at_bit(&mut self, b: usize) -> u32 {
        let (li, sh) = (b / 32, b % 32);
        let limb = |i: usize| if i < self.len { u64::from(self.limbs[i]) } else { 0 };
        let high = ((limb(li + 1) << 32 | limb(li)) >> sh) as u32;
        if li < self.len {
            self.limbs[li] &= ((1u64 << sh) - 1) as u32;
            self.len = li + 1;
        }
        self.trim();
        high
    }

    fn low_u64(&self) -> u64 {
        let limb = |i: usize| if i < self.len { u64::from(self.limbs[i]) } else { 0 };
        limb(1) << 32 | limb(0)
    }
}

/// How many digits `expand` produces.
#[derive(Clone, Copy, Debug)]
pub enum Stop {
    /// This many significant digits.
    Significant(usize),
    /// All digits down to this many places after the decimal point.
    Places(usize),
}

/// The result of `expand`: `digits[..len]` (the first one non-zero) make
/// `0.d1 d2 ... × 10^exp10`, and `sticky` says whether anything non-zero
/// follows them. Digits past `len` are zeros.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expansion {
    pub len: usize,
    pub exp10: i32,
    pub sticky: bool,
}

/// Writes `v`'s nine digits (with leading zeros) into `out`.
fn nine_digits(mut v: u32, out: &mut [u8]) {
    for slot in out[..9].iter_mut().rev() {
        *slot = (v % 10) as u8;
        v /= 10;
    }
}

/// Decimal digits of the integer `m << e` (as digit values 0-9) into
/// `out`; returns how many.
fn integer_digits<const N: usize>(m: u64, e: u32, out: &mut [u8]) -> usize {
    // Fill chunks from the right end of a region big enough for any value
    // of this many bits, then move the digits to the front.
    let bits = 64 + e as usize;
    let room = (bits * 30103 / 100000 + 1).div_ceil(9) * 9 + 9;
    let mut end = room;
    if e == 0 || (e < 64 && m.leading_zeros() >= e) {
        let mut v = m << e;
        while v != 0 {
            end -= 9;
            nine_digits((v % u64::from(BILLION)) as u32, &mut out[end..]);
            v /= u64::from(BILLION);
        }
    } else {
        let mut b = Big::<N>::from_u64(m);
        b.shl(e as usize);
        while !b.is_zero() {
            end -= 9;
            let chunk = b.div_billion();
            nine_digits(chunk, &mut out[end..]);
        }
    }
    while end < room && out[end] == 0 {
        end += 1;
    }
    out.copy_within(end..room, 0);
    room - end
}

/// The fraction `F / 2^s` still to expand.
enum Fraction<const N: usize> {
    Small { f: u128, s: u32 },
    Big { f: Big<N>, s: usize },
}

impl<const N: usize> Fraction<N> {
    fn new(f: u64, s: u32) -> Self {
        if f == 0 {
            return Fraction::Small { f: 0, s: 0 };
        }
        // Trailing zero bits only lengthen the arithmetic.
        let tz = f.trailing_zeros().min(s);
        let (f, s) = (f >> tz, s - tz);
        if s <= 98 {
            Fraction::Small { f: u128::from(f), s }
        } else {
            Fraction::Big { f: Big::from_u64(f), s: s as usize }
        }
    }

    fn is_zero(&self) -> bool {
        match self {
            Fraction::Small { f, .. } => *f == 0,
            Fraction::Big { f, .. } => f.is_zero(),
        }
    }

    /// The next nine digits.
    fn next_chunk(&mut self) -> u32 {
        match self {
            Fraction::Small { f, s } => {
                let p = *f * u128::from(BILLION);
                *f = p & ((1u128 << *s) - 1);
                (p >> *s) as u32
            }
            Fraction::Big { f, s } => {
                if *s >= 9 {
                    f.mul_small(FIVE_POW_9);
                    *s -= 9;
                    f.split_at_bit(*s)
                } else {
                    let p = f.low_u64() * u64::from(BILLION);
                    *f = Big::from_u64(p & ((1u64 << *s) - 1));
                    (p >> *s) as u32
                }
            }
        }
    }
}

/// Expands `m × 2^e` (m > 0) into decimal digits in `out`, stopping as
/// `stop` says or when the expansion ends. `out` must hold the integer
/// digits plus the fraction digits asked for (at most `-e` of them), plus
/// nine; `N` limbs must hold `m << e` and the fraction's working value.
pub fn expand<const N: usize>(m: u64, e: i32, stop: Stop, out: &mut [u8]) -> Expansion {
    let (int_m, int_e, frac, s) = if e >= 0 {
        (m, e as u32, 0, 0)
    } else if e > -64 {
        let s = (-e) as u32;
        (m >> s, 0, m & ((1u64 << s) - 1), s)
    } else {
        (0, 0, m, (-e) as u32)
    };
    let mut frac = Fraction::<N>::new(frac, s);
    let mut n = if int_m != 0 { integer_digits::<N>(int_m, int_e, out) } else { 0 };
    let mut exp10 = n as i32;
    if let Stop::Significant(p) = stop {
        if n > p {
            let sticky = out[p..n].iter().any(|&d| d != 0) || !frac.is_zero();
            return Expansion { len: p, exp10, sticky };
        }
    }
    let mut places = 0usize;
    let wanted = |n: usize, places: usize| match stop {
        Stop::Significant(p) => n < p,
        Stop::Places(k) => places < k,
    };
    let mut chunk = [0u8; 9];
    let sticky = 'digits: {
        while !frac.is_zero() && wanted(n, places) {
            nine_digits(frac.next_chunk(), &mut chunk);
            for (i, &d) in chunk.iter().enumerate() {
                if !wanted(n, places) {
                    break 'digits chunk[i..].iter().any(|&d| d != 0) || !frac.is_zero();
                }
                places += 1;
                if n == 0 && d == 0 {
                    exp10 -= 1;
                } else {
                    out[n] = d;
                    n += 1;
                }
            }
        }
        !frac.is_zero()
    };
    // Trailing zeros carry no information: digits past the end read as 0.
    while n > 0 && out[n - 1] == 0 {
        n -= 1;
    }
    Expansion { len: n, exp10, sticky }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(m: u64, e: i32, stop: Stop) -> (String, i32, bool) {
        let mut out = vec![0u8; 30000];
        let x = expand::<600>(m, e, stop, &mut out);
        (out[..x.len].iter().map(|d| (b'0' + d) as char).collect(), x.exp10, x.sticky)
    }

    #[test]
    fn integers() {
        assert_eq!(digits(1, 0, Stop::Significant(5)), ("1".into(), 1, false));
        assert_eq!(digits(1000, 0, Stop::Significant(5)), ("1".into(), 4, false));
        assert_eq!(digits(123456789, 0, Stop::Significant(3)), ("123".into(), 9, true));
        assert_eq!(digits(1, 64, Stop::Places(0)), ("18446744073709551616".into(), 20, false));
        // 2^1023 has 308 digits and starts 8988465674...
        let (d, x, _) = digits(1, 1023, Stop::Places(0));
        assert_eq!((&d[..10], x), ("8988465674", 308));
    }

    #[test]
    fn fractions() {
        // 0.1 as a double: 0x1.999999999999ap-4.
        let (d, x, sticky) = digits(0x1999999999999a, -56, Stop::Significant(25));
        assert_eq!((d.as_str(), x, sticky), ("1000000000000000055511151", 0, true));
        // 0.125 exactly.
        assert_eq!(digits(1, -3, Stop::Places(10)), ("125".into(), 0, false));
        // Leading zeros count as places but are not stored.
        assert_eq!(digits(1, -10, Stop::Places(5)), ("97".into(), -3, true));
        assert_eq!(digits(1, -10, Stop::Places(3)), ("".into(), -3, true));
        // 2^-1074 begins 4.94065645841246544e-324.
        let (d, x, _) = digits(1, -1074, Stop::Significant(18));
        assert_eq!((d.as_str(), x), ("494065645841246544", -323));
        // Its expansion ends after 1074 places: 751 significant digits.
        let (d, _, sticky) = digits(1, -1074, Stop::Significant(2000));
        assert_eq!((d.len(), sticky, d.ends_with("625")), (751, false, true));
    }

    #[test]
    fn mixed() {
        // 1.5 = 3 × 2^-1.
        assert_eq!(digits(3, -1, Stop::Places(3)), ("15".into(), 1, false));
        assert_eq!(digits(3, -1, Stop::Significant(1)), ("1".into(), 1, true));
        // A long double's smallest subnormal, 2^-16445 = 3.6451995318824746e-4951.
        let (d, x, _) = digits(1, -16445, Stop::Significant(17));
        assert_eq!((d.as_str(), x), ("36451995318824746", -4950));
    }
}
