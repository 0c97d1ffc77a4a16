//! ln gamma(x) for x >= 8 by Stirling's series,
//! (x - 1/2) ln x - x + ln(2 pi)/2 + sum B_2k / (2k (2k - 1) x^(2k - 1)),
//! with ln x as two doubles (`pow.rs`) and the large terms summed exactly,
//! so that the one rounding at the end is the error that counts. Eleven
//! terms of the series leave less than 2^-61 (absolute) at x = 8, and
//! 2^-70 from 12 on, where the recurrence below 8 takes its arguments.

use super::exp::pow2;
use super::log::two_sum;
use super::pow::{log_two_part, two_prod};

/// ln(2 pi)/2 as the nearest double and the remainder.
const HALF_LN_2PI_HI: f64 = f64::from_bits(0x3fed_67f1_c864_beb5);
const HALF_LN_2PI_LO: f64 = f64::from_bits(0xbc86_5b5a_1b7f_f5df);

/// Above 2^900, `lgamma_large` scales x down by 2^-64 and back.
const BIG: f64 = pow2(900);
const SCALE_DOWN: f64 = 1.0 / pow2(64);
const SCALE_UP: f64 = pow2(64);

/// 1/12 as the nearest double and the remainder.
const TWELFTH_HI: f64 = 1.0 / 12.0;
const TWELFTH_LO: f64 = f64::from_bits(0x3c55_5555_5555_5555);

/// B_2k / (2k (2k - 1)) for k = 1..=11, highest first for Horner's rule.
const SERIES: [f64; 11] = [
    854_513.0 / 63_756.0,
    -174_611.0 / 125_400.0,
    43_867.0 / 244_188.0,
    -3_617.0 / 122_400.0,
    1.0 / 156.0,
    -691.0 / 360_360.0,
    1.0 / 1_188.0,
    -1.0 / 1_680.0,
    1.0 / 1_260.0,
    -1.0 / 360.0,
    1.0 / 12.0,
];

/// ln gamma(x) for finite x >= 8.
pub fn lgamma_large(x: f64) -> f64 {
    if x > BIG {
        // The terms beyond x (ln x - 1) are below 2^-800 of it; x is scaled
        // down for the exact product (whose splitting would overflow) and
        // the result back up, both exactly.
        let (lh, ll) = log_two_part(x);
        let xs = x * SCALE_DOWN;
        let (a, ae) = two_prod(xs, lh);
        let (s, e) = two_sum(a, -xs);
        return (s + (e + ae + xs * ll)) * SCALE_UP;
    }
    let (s, small, _) = stirling(x);
    s + small
}

/// ln gamma(x) for 8 <= x <= 2^900 as an unrounded sum s + small, and
/// ln x (the leading part of the digamma function there).
fn stirling(x: f64) -> (f64, f64, f64) {
    let (lh, ll) = log_two_part(x);
    let inv = 1.0 / x;
    let z = inv * inv;
    // The series' first term, 1/(12 x), as a pair (it is up to 1/96 and
    // must not add its rounding error), the others as one double.
    let (ph, pe) = two_prod(inv, x);
    let inv_lo = (1.0 - ph - pe) * inv;
    let (t, te) = two_prod(inv, TWELFTH_HI);
    let first_lo = te + inv * TWELFTH_LO + inv_lo * TWELFTH_HI;
    let rest = inv * z * SERIES[..SERIES.len() - 1].iter().fold(0.0, |acc, &c| acc * z + c);
    // x ln x - x - ln(x)/2 + ln(2 pi)/2 + 1/(12 x): the large parts summed
    // exactly, their errors and the small parts added once.
    let (a, ae) = two_prod(x, lh);
    let (s, e1) = two_sum(a, -x);
    let (s, e2) = two_sum(s, -0.5 * lh);
    let (s, e3) = two_sum(s, HALF_LN_2PI_HI);
    let (s, e4) = two_sum(s, t);
    (s, (ae + x * ll - 0.5 * ll + HALF_LN_2PI_LO + first_lo + rest) + (e1 + e2 + e3 + e4), lh)
}

/// ln gamma(x) for 0 < x < 8 at least 1/32 from the zeros at 1 and 2, by
/// the recurrence ln gamma(x) = ln gamma(x + n) - ln(x (x + 1) ... (x + n - 1))
/// with x + n >= 12: the shifted arguments and the product are kept as
/// exact pairs, ln gamma(x + n) is Stirling's (plus the digamma function
/// times the shift's rounding error), and the difference, which cancels
/// toward the zeros, is taken exactly. What remains is about 2^-64 of the
/// terms, below a tenth of an ulp of results beyond 1/200.
pub fn lgamma_mid(x: f64) -> f64 {
    let (mut yh, mut yl) = (x, 0.0);
    let (mut ph, mut pl) = (1.0, 0.0);
    while yh < 12.0 {
        // (ph + pl) (yh + yl), to the precision of a pair.
        let (h, e) = two_prod(ph, yh);
        let (h, l) = two_sum(h, e + (pl * yh + ph * yl));
        (ph, pl) = (h, l);
        let (s, t) = two_sum(yh, 1.0);
        (yh, yl) = (s, t + yl);
    }
    let (g, gl, ln_y) = stirling(yh);
    // The digamma function, d/dy ln gamma(y) = ln y - 1/(2y) - 1/(12y^2)
    // + ..., times the shift's tail.
    let slope = ln_y - 0.5 / yh - 1.0 / (12.0 * yh * yh);
    let (lh, ll) = log_two_part(ph);
    let (r, e) = two_sum(g, -lh);
    r + (e + gl + slope * yl - ll - pl / ph)
}


