//! Fixed-capacity unsigned big integers for the exact decimal conversion.
//! Little-endian 64-bit limbs; `N` is sized per float format so the worst
//! case (the longest decimal input that can still matter, scaled by the
//! largest power of five) fits, and nothing is allocated.

#[derive(Clone)]
pub struct Big<const N: usize> {
    limbs: [u64; N],
    /// Limbs in use; the top one is non-zero unless the value is zero.
    len: usize,
}

/// The largest power of five that fits in a limb: 5^27.
const POW5_27: u64 = 7_450_580_596_923_828_125;

impl<const N: usize> Big<N> {
    pub fn zero() -> Self {
        Big { limbs: [0; N], len: 0 }
    }

    pub fn is_zero(&self) -> bool {
        self.len == 0
    }

    fn trim(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    /// self = self * m + a.
    pub fn mul_add_small(&mut self, m: u64, a: u64) {
        let mut carry = a;
        for limb in &mut self.limbs[..self.len] {
            let p = u128::from(*limb) * u128::from(m) + u128::from(carry);
            *limb = p as u64;
            carry = (p >> 64) as u64;
        }
        if carry != 0 {
            self.limbs[self.len] = carry;
            self.len += 1;
        }
    }

    /// self *= 5^k.
    pub fn mul_pow5(&mut self, mut k: u32) {
        while k >= 27 {
            self.mul_add_small(POW5_27, 0);
            k -= 27;
        }
        if k > 0 {
            self.mul_add_small(5u64.pow(k), 0);
        }
    }

    pub fn bit_len(&self) -> usize {
        if self.len == 0 {
            0
        } else {
            self.len * 64 - self.limbs[self.len - 1].leading_zeros() as usize
        }
    }

    /// self <<= bits.
    pub fn shl(&mut self, bits: usize) {
        if self.len == 0 {
            return;
        }
        let (words, bits) = (bits / 64, bits % 64);
        let old = self.len;
        let new = old + words + 1;
        self.limbs[new - 1] = 0;
        for i in (0..old).rev() {
            let v = self.limbs[i];
            if bits == 0 {
                self.limbs[i + words] = v;
            } else {
                self.limbs[i + words + 1] |= v >> (64 - bits);
                self.limbs[i + words] = v << bits;
            }
        }
        self.limbs[..words].fill(0);
        self.len = new;
        self.trim();
    }

    /// The top 128 bits, the count of bits below them, and whether any of
    /// those lower bits is set: self = top * 2^shift + (lower bits).
    pub fn top128(&self) -> (u128, usize, bool) {
        let bits = self.bit_len();
        if bits <= 128 {
            let lo = u128::from(self.limbs.first().copied().unwrap_or(0));
            let hi = if self.len > 1 { u128::from(self.limbs[1]) } else { 0 };
            return (hi << 64 | lo, 0, false);
        }
        let shift = bits - 128;
        let (w, b) = (shift / 64, shift % 64);
        let word = |i: usize| u128::from(if i < self.len { self.limbs[i] } else { 0 });
        let window = word(w) | word(w + 1) << 64;
        let top = if b == 0 { window } else { window >> b | word(w + 2) << (128 - b) };
        let sticky = self.limbs[..w].iter().any(|&l| l != 0) || (b != 0 && self.limbs[w] << (64 - b) != 0);
        (top, shift, sticky)
    }

    /// Divides `self` by `den` (non-zero; both may be modified), returning
    /// the quotient, which the caller guarantees is below 2^128, and
    /// whether the remainder is non-zero. Knuth's algorithm D.
    pub fn div_rem(&mut self, den: &mut Big<N>) -> (u128, bool) {
        let n = den.len;
        if n == 1 {
            let d = u128::from(den.limbs[0]);
            let mut rem = 0u128;
            let mut q = 0u128;
            for i in (0..self.len).rev() {
                let cur = rem << 64 | u128::from(self.limbs[i]);
                q = q << 64 | cur / d;
                rem = cur % d;
            }
            return (q, rem != 0);
        }
        // Normalise so the divisor's top limb has its high bit set, which
        // makes each estimated quotient limb at most 2 too large.
        let norm = den.limbs[n - 1].leading_zeros() as usize;
        den.shl(norm);
        self.shl(norm);
        if self.len < n {
            return (0, !self.is_zero());
        }
        // u has m + n + 1 limbs with a zero on top.
        self.limbs[self.len] = 0;
        let m = self.len - n;
        let v = &den.limbs;
        let u = &mut self.limbs;
        let vtop = u128::from(v[n - 1]);
        let mut q = 0u128;
        for j in (0..=m).rev() {
            let top = u128::from(u[j + n]) << 64 | u128::from(u[j + n - 1]);
            let mut qhat = top / vtop;
            let mut rhat = top % vtop;
            while qhat > u128::from(u64::MAX) || qhat * u128::from(v[n - 2]) > (rhat << 64 | u128::from(u[j + n - 2])) {
                qhat -= 1;
                rhat += vtop;
                if rhat > u128::from(u64::MAX) {
                    break;
                }
            }
            let mut qhat = qhat as u64;
            // u[j..=j+n] -= qhat * v
            let mut carry = 0u64;
            let mut borrow = false;
            for i in 0..n {
                let p = u128::from(qhat) * u128::from(v[i]) + u128::from(carry);
                carry = (p >> 64) as u64;
                let (s1, b1) = u[i + j].overflowing_sub(p as u64);
                let (s2, b2) = s1.overflowing_sub(u64::from(borrow));
                u[i + j] = s2;
                borrow = b1 || b2;
            }
            let (s1, b1) = u[j + n].overflowing_sub(carry);
            let (s2, b2) = s1.overflowing_sub(u64::from(borrow));
            u[j + n] = s2;
            if b1 || b2 {
                // The estimate was one too large: add the divisor back.
                qhat -= 1;
                let mut c = false;
                for i in 0..n {
                    let (s1, c1) = u[i + j].overflowing_add(v[i]);
                    let (s2, c2) = s1.overflowing_add(u64::from(c));
                    u[i + j] = s2;
                    c = c1 || c2;
                }
                u[j + n] = u[j + n].wrapping_add(u64::from(c));
            }
            q = q << 64 | u128::from(qhat);
        }
        let rem_nonzero = u[..n].iter().any(|&l| l != 0);
        (q, rem_nonzero)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_u128(v: u128) -> Big<8> {
        let mut b = Big::zero();
        b.mul_add_small(1, (v >> 64) as u64);
        b.mul_add_small(1 << 32, 0);
        b.mul_add_small(1 << 32, v as u64);
        b
    }

    #[test]
    fn division_matches_u128() {
        let cases: [(u128, u128); 5] = [
            (u128::MAX, 3),
            (u128::MAX, 0x1_0000_0000_0000_0001),
            (0x1234_5678_9abc_def0_1122_3344_5566_7788, 0x8765_4321_0fed_cba9),
            (12345678901234567890123456789, 98765432109876543210),
            (1 << 127, (1 << 64) + 12345),
        ];
        for (a, b) in cases {
            let (mut x, mut y) = (from_u128(a), from_u128(b));
            assert_eq!(x.div_rem(&mut y), (a / b, a % b != 0), "{a} / {b}");
        }
    }

    #[test]
    fn top_bits_and_shifts() {
        let mut b: Big<8> = from_u128(1);
        b.shl(200);
        assert_eq!(b.bit_len(), 201);
        assert_eq!(b.top128(), (1 << 127, 73, false));
        b.mul_add_small(1, 1);
        assert_eq!(b.top128(), (1 << 127, 73, true));
        let mut p: Big<8> = from_u128(1);
        p.mul_pow5(30);
        assert_eq!(p.top128(), (5u128.pow(30), 0, false));
    }
}
