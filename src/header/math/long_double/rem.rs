//! Remainders of `long double` division, exact with the x87's partial
//! remainder instructions.

use super::abi::long_double;
use super::f80::F80;
use crate::abi::c_int;
use crate::header::math::error::check2;

/// The low three bits of the quotient from the status word of `fprem1`:
/// C0 (bit 8) is bit 2, C3 (bit 14) bit 1, C1 (bit 9) bit 0.
fn quotient_bits(sw: u16) -> c_int {
    let bit = |n: u16| c_int::from((sw >> n) & 1);
    (bit(8) << 2) | (bit(14) << 1) | bit(9)
}

long_double! {
    /// C11 `fmodl`: `x - n*y` with `n` rounded toward zero.
    ld fmodl(x, y) => check2(x, y, x.prem(y, false).0, false)
}

long_double! {
    /// C11 `remainderl`: `x - n*y` with `n` rounded to nearest.
    ld remainderl(x, y) => check2(x, y, x.prem(y, true).0, false)
}

long_double! {
    /// C11 `remquol`: `remainderl`, and the low bits of the quotient (with
    /// its sign) in `*quo`.
    ld remquol(x, y; quo: *mut c_int) => {
        let (r, sw) = x.prem(y, true);
        let q = quotient_bits(sw);
        // SAFETY: the caller passes a writable int.
        unsafe { *quo = if x.is_negative() != y.is_negative() { -q } else { q } };
        check2(x, y, r, false)
    }
}
