//! `fmal`: `x*y + z` with one rounding, in integer arithmetic. The product
//! of two 64-bit mantissas is exact in 128 bits; aligned with `z` it fits a
//! 256-bit sum, which is then rounded once in the current rounding mode.

use super::abi::long_double;
use super::f80::{F80, BIAS};
use crate::header::fenv::{fegetround, raise, FE_DOWNWARD, FE_INEXACT, FE_OVERFLOW, FE_TOWARDZERO, FE_UNDERFLOW, FE_UPWARD};
use core::cmp::Ordering;

/// An unsigned 256-bit integer, as high and low halves.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct U256 {
    hi: u128,
    lo: u128,
}

impl U256 {
    const ZERO: U256 = U256 { hi: 0, lo: 0 };

    fn from(v: u128) -> U256 {
        U256 { hi: 0, lo: v }
    }

    fn shl(self, n: u32) -> U256 {
        match n {
            0 => self,
            1..=127 => U256 { hi: (self.hi << n) | (self.lo >> (128 - n)), lo: self.lo << n },
            _ => U256 { hi: self.lo << (n - 128), lo: 0 },
        }
    }

    /// `self >> n`, with the lowest bit set if any one bits were dropped,
    /// so that rounding still sees that the value was above the cut.
    fn shr_sticky(self, n: u32) -> U256 {
        let r = if n >= 256 { U256::ZERO } else { self.shr_plain(n) };
        let lost = if n >= 256 { self != U256::ZERO } else { r.shl(n) != self };
        U256 { hi: r.hi, lo: r.lo | u128::from(lost) }
    }

    fn add(self, o: U256) -> U256 {
        let (lo, carry) = self.lo.overflowing_add(o.lo);
        U256 { hi: self.hi + o.hi + u128::from(carry), lo }
    }

    fn sub(self, o: U256) -> U256 {
        let (lo, borrow) = self.lo.overflowing_sub(o.lo);
        U256 { hi: self.hi - o.hi - u128::from(borrow), lo }
    }

    fn bits(self) -> u32 {
        256 - if self.hi != 0 { self.hi.leading_zeros() } else { 128 + self.lo.leading_zeros() }
    }

    /// The low `n` bits (n < 256) compared with half of 2^n.
    fn low_vs_half(self, n: u32) -> Ordering {
        let low = self.sub(self.shr_plain(n).shl(n));
        low.cmp(&U256::from(1).shl(n - 1))
    }

    fn shr_plain(self, n: u32) -> U256 {
        match n {
            0 => self,
            1..=127 => U256 { hi: self.hi >> n, lo: (self.lo >> n) | (self.hi << (128 - n)) },
            _ => U256 { hi: 0, lo: self.hi >> (n - 128) },
        }
    }
}

/// A finite nonzero value as a normalized 64-bit mantissa (bit 63 set) and
/// the exponent of its lowest bit.
fn unpack(v: F80) -> (u64, i32) {
    let lz = v.m.leading_zeros();
    (v.m << lz, v.biased().max(1) - BIAS - 63 - lz as i32)
}

/// Rounds `negative * a * 2^e` to a long double in the current mode.
fn round(negative: bool, a: U256, e: i32) -> F80 {
    const MIN_LSB: i32 = 1 - BIAS - 63;
    let sign = if negative { 0x8000 } else { 0 };
    let mode = fegetround();
    let shift = (a.bits() as i32 - 64).max(MIN_LSB - e);
    let (mut m, mut lsb, inexact, up) = if shift <= 0 {
        ((a.lo << -shift) as u64, e + shift, false, false)
    } else {
        let s = shift as u32;
        let m = a.shr_plain(s).lo as u64;
        let dropped = a.sub(a.shr_plain(s).shl(s)) != U256::ZERO;
        let up = match mode {
            FE_TOWARDZERO => false,
            FE_UPWARD => dropped && !negative,
            FE_DOWNWARD => dropped && negative,
            _ => match a.low_vs_half(s) {
                Ordering::Greater => true,
                Ordering::Equal => m & 1 == 1,
                Ordering::Less => false,
            },
        };
        (m, e + shift, dropped, up)
    };
    if up {
        m = m.wrapping_add(1);
        if m == 0 {
            m = 1 << 63;
            lsb += 1;
        }
    }
    let biased = if m >> 63 == 1 { lsb + 63 + BIAS } else { 0 };
    if inexact {
        raise(FE_INEXACT | if biased == 0 { FE_UNDERFLOW } else { 0 });
    }
    if biased >= 0x7fff {
        raise(FE_OVERFLOW | FE_INEXACT);
        let to_inf = match mode {
            FE_TOWARDZERO => false,
            FE_UPWARD => !negative,
            FE_DOWNWARD => negative,
            _ => true,
        };
        return if to_inf { F80::INFINITY } else { F80::MAX }.copysign(F80::new(sign, 0));
    }
    F80::new(sign | biased as u16, m)
}

/// `x*y + z` rounded once.
pub fn fma(x: F80, y: F80, z: F80) -> F80 {
    if !x.is_finite() || !y.is_finite() || z.is_nan() {
        return x * y + z;
    }
    if z.is_infinite() {
        return z;
    }
    if x.is_zero() || y.is_zero() || z.is_zero() {
        // The product is exact or rounds once; adding a zero, or to a zero
        // product, rounds at most once more, which is z's or the product's
        // own rounding.
        return x * y + z;
    }
    let (mx, ex) = unpack(x);
    let (my, ey) = unpack(y);
    let (mz, ez) = unpack(z);
    let p = U256::from(u128::from(mx) * u128::from(my));
    let ep = ex + ey;
    let d = ez - ep;
    // Align the two terms at a common lowest bit, keeping a 256-bit sum:
    // when one term lies entirely below the other's rounding point it only
    // matters as a sticky bit.
    let (ap, az, e) = if d > 128 {
        (p.shr_sticky((d - 128) as u32), U256::from(u128::from(mz)).shl(128), ez - 128)
    } else if d >= 0 {
        (p, U256::from(u128::from(mz)).shl(d as u32), ep)
    } else if d >= -64 {
        (p.shl((-d) as u32), U256::from(u128::from(mz)), ez)
    } else {
        (p.shl(64), U256::from(u128::from(mz)).shr_sticky((-d - 64) as u32), ep - 64)
    };
    let pneg = x.is_negative() != y.is_negative();
    let zneg = z.is_negative();
    if pneg == zneg {
        return round(pneg, ap.add(az), e);
    }
    match ap.cmp(&az) {
        Ordering::Greater => round(pneg, ap.sub(az), e),
        Ordering::Less => round(zneg, az.sub(ap), e),
        Ordering::Equal => F80::new(if fegetround() == FE_DOWNWARD { 0x8000 } else { 0 }, 0),
    }
}

long_double! {
    /// C11 `fmal`: `x*y + z` with a single rounding.
    ld fmal(x, y, z) => fma(x, y, z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fma_rounds_once() {
        let one = F80::ONE;
        let eps = one.scale(-63);
        // (1 + 2^-63)(1 - 2^-63) - 1 = -2^-126 exactly; separately rounded
        // it would be 0.
        let r = fma(one + eps, one - eps, -one);
        assert!(r == -one.scale(-126));
        assert!(fma(F80::from(3.0), F80::from(5.0), F80::from(-15.0)).is_zero());
        assert!(fma(F80::from(2.0), F80::from(3.0), F80::from(1.0)) == F80::from(7.0));
        // A tiny z decides the rounding of a halfway product.
        let half_ulp = one.scale(-64);
        assert!(fma(one, one + eps, half_ulp.scale(-100)) == one + eps);
        assert!(fma(one + eps, one, half_ulp) == one + eps + eps);
        // Subnormal results and overflow.
        assert!(fma(F80::MIN_POSITIVE, F80::HALF, F80::ZERO) == F80::MIN_POSITIVE.scale(-1));
        assert!(fma(F80::MAX, F80::TWO, -F80::MAX) == F80::MAX);
        assert!(fma(F80::MAX, F80::MAX, F80::ONE).is_infinite());
    }
}
