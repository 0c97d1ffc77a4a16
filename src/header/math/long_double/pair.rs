//! `Pair`: a value carried as the unevaluated sum of two `F80`s, for the
//! few places where 64 bits are not enough in the middle of a computation
//! (the logarithm inside Stirling's series, which a large factor
//! multiplies; the product of the gamma recurrence; exponents whose error
//! the exponential turns into a relative one). Each operation keeps the
//! rounding error of its leading part exactly and drops only errors of
//! the order of the low part's own (about 2^-120 relative).

use super::f80::{fast_two_sum, two_prod, F80};

#[derive(Clone, Copy, Debug)]
pub struct Pair {
    pub hi: F80,
    pub lo: F80,
}

/// `a + b` exactly, as a rounded sum and its error, in any order of size
/// (Knuth's two-sum).
pub fn two_sum(a: F80, b: F80) -> (F80, F80) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

impl Pair {
    /// `hi + lo` renormalised, for |hi| >= |lo| (or hi zero); an
    /// overflowed hi stays as it is.
    pub fn new(hi: F80, lo: F80) -> Pair {
        if !hi.is_finite() {
            return Pair::exact(hi);
        }
        let (hi, lo) = fast_two_sum(hi, lo);
        Pair { hi, lo }
    }

    pub const fn exact(x: F80) -> Pair {
        Pair { hi: x, lo: F80::ZERO }
    }

    /// The value rounded to one `F80`.
    pub fn value(self) -> F80 {
        self.hi + self.lo
    }

    pub fn add(self, b: Pair) -> Pair {
        let (s, e) = two_sum(self.hi, b.hi);
        Pair::new(s, e + (self.lo + b.lo))
    }

    pub fn sub(self, b: Pair) -> Pair {
        self.add(-b)
    }

    pub fn mul(self, b: Pair) -> Pair {
        let (p, e) = two_prod(self.hi, b.hi);
        Pair::new(p, e + (self.hi * b.lo + self.lo * b.hi))
    }

    pub fn mul_f(self, b: F80) -> Pair {
        let (p, e) = two_prod(self.hi, b);
        Pair::new(p, e + self.lo * b)
    }

    /// `self / b`, rounded once more than the division: the quotient of
    /// the high parts and the remainder's, exactly.
    pub fn div(self, b: Pair) -> F80 {
        let q = self.hi / b.hi;
        let (p, e) = two_prod(q, b.hi);
        q + (((self.hi - p) - e) + (self.lo - q * b.lo)) / b.hi
    }

    pub fn scale(self, n: i32) -> Pair {
        Pair { hi: self.hi.scale(n), lo: self.lo.scale(n) }
    }
}

impl core::ops::Neg for Pair {
    type Output = Pair;
    fn neg(self) -> Pair {
        Pair { hi: -self.hi, lo: -self.lo }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_and_products_keep_the_low_part() {
        let tiny = F80::ONE.scale(-100);
        let (s, e) = two_sum(tiny, F80::ONE);
        assert!(s == F80::ONE && e == tiny);
        // 1/3 rounds up by 2^-65/3, so 3 (1/3 rounded) is 1 + 2^-65.
        let third = F80::ONE / F80::from(3.0);
        let d = Pair::exact(third).mul_f(F80::from(3.0)).sub(Pair::exact(F80::ONE));
        assert!(d.hi == F80::ONE.scale(-65) && d.lo.is_zero());
        let sq = Pair::new(F80::ONE, tiny).mul(Pair::new(F80::ONE, tiny));
        assert!(sq.hi == F80::ONE && sq.lo == tiny.scale(1));
        assert!(Pair::new(F80::ONE, tiny).scale(3).lo == tiny.scale(3));
    }
}
