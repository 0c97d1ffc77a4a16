//! Table-driven `exp`, `log` and `pow` for `double` (and `expf` on `exp`'s
//! table), and `lgamma` by Stirling's series in double-double arithmetic.
//! The `libm` crate's are fdlibm's rational approximations, whose division
//! makes them about three times slower than glibc's and musl's (and its
//! lgamma is 2 ulps off); these reduce the argument with a
//! 128-entry table so that a short polynomial suffices, and stay within
//! about half an ulp plus a hair of the exact result.

mod atan2;
mod exp;
mod lgamma;
mod log;
mod pow;
mod tables;

pub use self::atan2::atan2;
pub use self::exp::{exp, expf};
pub use self::lgamma::{lgamma_large, lgamma_mid};
pub use self::log::log;
pub use self::pow::{pow_magnitude, pow_normal};

#[cfg(test)]
mod tests {
    /// Distance in ulps between two finite doubles of the same sign.
    fn ulps(a: f64, b: f64) -> u64 {
        a.to_bits().abs_diff(b.to_bits())
    }

    /// Deterministic arguments spread over [lo, hi], ends included.
    fn sweep(lo: f64, hi: f64) -> impl Iterator<Item = f64> {
        (0..=20000).map(move |i| lo + (hi - lo) * f64::from(i) / 20000.0)
    }

    #[test]
    fn exp_is_within_an_ulp_of_libm_everywhere() {
        let edges = [0.0, -0.0, 1e-300, -1e-20, 708.0, 709.78, -708.5, -744.0, -745.1];
        for x in sweep(-745.0, 709.7).chain(sweep(-1.0, 1.0)).chain(edges) {
            assert!(ulps(super::exp(x), libm::exp(x)) <= 1, "exp({x:e})");
        }
        assert_eq!(super::exp(710.0), f64::INFINITY);
        assert_eq!(super::exp(-746.0), 0.0);
        assert!(super::exp(f64::NAN).is_nan());
    }

    #[test]
    fn expf_is_within_an_ulp_of_the_double_result_everywhere() {
        let edges = [0.0, -0.0, 1e-30, 88.72283, 88.7229, -87.33655, -100.0, -103.9720, -103.9721, -104.0];
        for x in sweep(-104.0, 88.8).chain(sweep(-1.0, 1.0)).map(|x| x as f32).chain(edges) {
            let (ours, want) = (super::expf(x), libm::exp(f64::from(x)) as f32);
            assert!(ours.to_bits().abs_diff(want.to_bits()) <= 1, "expf({x:e}) = {ours:e}, want {want:e}");
        }
        assert_eq!(super::expf(88.8), f32::INFINITY);
        assert_eq!(super::expf(-104.0), 0.0);
        assert_eq!(super::expf(-103.0).to_bits(), (libm::exp(-103.0) as f32).to_bits());
        assert!(super::expf(f32::NAN).is_nan());
    }

    #[test]
    fn lgamma_at_factorials_and_near_libm() {
        // ln((n-1)!), correctly rounded.
        assert_eq!(super::lgamma_mid(3.0), core::f64::consts::LN_2);
        assert_eq!(super::lgamma_mid(4.0), 6f64.ln());
        assert_eq!(super::lgamma_large(10.0), 362_880f64.ln());
        assert_eq!(super::lgamma_large(21.0), 42.335_616_460_753_485);
        // libm's (fdlibm's) is within about 2 ulps.
        for x in sweep(0.1, 0.96).chain(sweep(1.04, 1.96)).chain(sweep(2.04, 7.99)) {
            assert!(ulps(super::lgamma_mid(x), libm::lgamma(x)) <= 4, "lgamma({x:e})");
        }
        for x in sweep(8.0, 1e6).chain([1e15, 1e100, 1e300, 2.5e305]) {
            assert!(ulps(super::lgamma_large(x), libm::lgamma(x)) <= 4, "lgamma({x:e})");
        }
        assert_eq!(super::lgamma_large(3e305), f64::INFINITY);
    }

    #[test]
    fn atan2_in_every_quadrant_and_at_the_extremes() {
        for y in sweep(-5.0, 5.0).step_by(97) {
            for x in sweep(-5.0, 5.0).step_by(89).chain([1e-300, -1e-300, 1e300, -1e300, 5e-324, -5e-324]) {
                if y == 0.0 || x == 0.0 {
                    continue;
                }
                let r = super::atan2(y, x).unwrap();
                assert!(ulps(r, libm::atan2(y, x)) <= 1, "atan2({y:e}, {x:e}) = {r:e}");
            }
        }
        let pio2 = core::f64::consts::FRAC_PI_2;
        assert_eq!(super::atan2(1.0, 1.0), Some(core::f64::consts::FRAC_PI_4));
        assert_eq!(super::atan2(-1.0, -1.0), Some(-3.0 * core::f64::consts::FRAC_PI_4));
        assert_eq!(super::atan2(1e300, 1e-300), Some(pio2));
        assert_eq!(super::atan2(-1e300, -1e-300), Some(-pio2));
        assert_eq!(super::atan2(1e-300, -1e300), Some(core::f64::consts::PI));
        assert_eq!(super::atan2(3e-320, 1e300), Some(0.0));
        assert_eq!(super::atan2(4e-323, 2e-323), Some(2f64.atan()));
        assert_eq!(super::atan2(0.0, 1.0), None);
        assert_eq!(super::atan2(1.0, f64::INFINITY), None);
        assert_eq!(super::atan2(f64::NAN, 1.0), None);
    }

    #[test]
    fn log_is_within_an_ulp_of_libm_everywhere() {
        let edges = [f64::MIN_POSITIVE, 5e-324, 1e-310, 1.0 - 1e-16, 1.0 + 2e-16, 0.7, 1.41, f64::MAX];
        for x in sweep(1e-3, 3.0).chain(sweep(0.99, 1.01)).chain(sweep(1.0, 1e300)).chain(edges) {
            assert!(ulps(super::log(x), libm::log(x)) <= 1, "log({x:e})");
        }
        assert_eq!(super::log(1.0).to_bits(), 0);
        assert_eq!(super::log(0.0), f64::NEG_INFINITY);
        assert!(super::log(-1.0).is_nan());
        assert_eq!(super::log(f64::INFINITY), f64::INFINITY);
    }
}
