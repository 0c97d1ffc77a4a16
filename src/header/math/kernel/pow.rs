//! x^y = e^(y ln x) for double, with ln x carried as two doubles (about
//! 2^-68 relative), so that the product with y, up to 745 in magnitude,
//! keeps a precision beyond double's and the exponential rounds once.
//! ln x follows `log.rs` (same table and reduction, r = z q - 1 kept exact
//! as two parts); e^(hi + lo) is `exp.rs`'s kernel with lo added to its
//! reduced argument.

use super::exp::exp_with_tail;
use super::log::{reduce, two_sum, LN2_HI, LN2_LO};

/// a as the sum of two halves of at most 26 significant bits.
fn split(a: f64) -> (f64, f64) {
    let t = a * 134_217_729.0;
    let hi = t - (t - a);
    (hi, a - hi)
}

/// a * b as a rounded product and its exact error: one fused
/// multiply-subtract where the CPU has FMA, else Dekker's splitting (the
/// same error either way: it is exact).
#[inline(always)]
pub(super) fn two_prod(a: f64, b: f64) -> (f64, f64) {
    if crate::header::string::fma() {
        // SAFETY: FMA is present.
        unsafe { two_prod_fused(a, b) }
    } else {
        two_prod_split(a, b)
    }
}

/// `two_prod` by Dekker's splitting.
#[inline(always)]
fn two_prod_split(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

/// `two_prod` by one fused multiply-subtract.
///
/// # Safety
/// The CPU has FMA.
#[inline(always)]
unsafe fn two_prod_fused(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let mut e = p;
    // SAFETY: FMA is present (the caller's contract); the instruction
    // computes e = a * b - e on registers only, rounded once.
    unsafe {
        core::arch::asm!(
            "vfmsub231sd {e}, {a}, {b}",
            e = inout(xmm_reg) e,
            a = in(xmm_reg) a,
            b = in(xmm_reg) b,
            options(pure, nomem, nostack, preserves_flags),
        )
    };
    (p, e)
}

/// ln x for finite x > 0, as hi + lo.
pub(super) fn log_two_part(x: f64) -> (f64, f64) {
    let (k, r_a, r_b, lc_hi, lc_lo) = reduce(x);
    // r = rh + rl with rl below half an ulp of rh; then ln(1 + r) =
    // rh + rl - rh^2/2 - rh rl + rh^3/3 - ..., the square taken exactly and
    // the terms of rl beyond the first order negligible.
    let (rh, rl) = two_sum(r_a, r_b);
    let (sq, sq_err) = two_prod(rh, rh);
    let (s, e1) = two_sum(k * LN2_HI, lc_hi);
    let (s, e2) = two_sum(s, rh);
    let (s, e3) = two_sum(s, -0.5 * sq);
    let r2 = rh * rh;
    let cubic = rh * r2 * ((1.0 / 3.0 - 0.25 * rh) + r2 * ((0.2 - rh / 6.0) + r2 * (1.0 / 7.0 - 0.125 * rh)));
    let lo = (e1 + e2 + e3) + (k * LN2_LO + lc_lo) + (rl - rh * rl - 0.5 * sq_err + cubic);
    two_sum(s, lo)
}

/// y ln|x| as hi + lo, for finite nonzero x and finite y.
#[inline(always)]
fn exponent(x: f64, y: f64) -> (f64, f64) {
    let (lh, ll) = log_two_part(x.abs());
    let (ph, pe) = two_prod(y, lh);
    (ph, pe + y * ll)
}

/// |x|^y for finite nonzero x, finite y (the caller has the sign).
pub fn pow_magnitude(x: f64, y: f64) -> f64 {
    let (ph, pl) = exponent(x, y);
    exp_with_tail(ph, pl)
}

/// |x|^y as `pow_magnitude`, where it is a normal number: the test is on
/// the exponent, early in the computation, rather than on the result.
#[inline]
pub fn pow_normal(x: f64, y: f64) -> Option<f64> {
    let (ph, pl) = exponent(x, y);
    (ph.abs() < 708.0).then(|| exp_with_tail(ph, pl))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fused_and_split_products_agree() {
        if crate::header::string::vector_level() < 1 {
            return;
        }
        let mut v = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            v ^= v << 13;
            v ^= v >> 7;
            v ^= v << 17;
            // Finite values of moderate exponent, as the kernels pass.
            let a = f64::from_bits((v & 0x800f_ffff_ffff_ffff) | (((v >> 52) % 600 + 723) << 52));
            let b = f64::from_bits(v.rotate_left(29) & 0x800f_ffff_ffff_ffff | (1000 << 52));
            // SAFETY: the level says FMA is present.
            let fused = unsafe { super::two_prod_fused(a, b) };
            assert_eq!(fused, super::two_prod_split(a, b), "{a:e} * {b:e}");
        }
    }

    #[test]
    fn pow_magnitude_matches_libm_within_an_ulp() {
        for &(x, y) in &[(2.0, 10.0), (10.0, -3.0), (1.5, 100.25), (0.9, -2000.0), (1e-300, 0.5), (3.0, 0.5), (7.0, 1.0 / 3.0)] {
            let (a, b) = (super::pow_magnitude(x, y), libm::pow(x, y));
            assert!(a.to_bits().abs_diff(b.to_bits()) <= 1, "pow({x}, {y}) = {a:e}, libm {b:e}");
        }
    }
}
