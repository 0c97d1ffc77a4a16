//! The 48-bit linear congruential generators of POSIX: erand48, nrand48,
//! jrand48 on caller-held state, and drand48, lrand48, mrand48 on a
//! built-in one, with the compat seeding calls srand48, seed48, lcong48.
//!
//! X(n+1) = (a * X(n) + c) mod 2^48, a = 0x5DEECE66D and c = 0xB unless
//! lcong48 changes them; a state array holds X as three 16-bit words,
//! least significant first. As in cloudlibc, drand48/lrand48/mrand48 are
//! unpredictable (from arc4random) until srand48, seed48 or lcong48 seeds
//! the built-in state; from then on they follow the generator.

use crate::abi::{c_long, c_ushort};
use crate::header::stdlib::arc4random::{fill, random_u32};
use crate::sync::SpinLock;

const A: u64 = 0x5_DEEC_E66D;
const C: u64 = 0xB;
const MASK: u64 = (1 << 48) - 1;

struct Lcg {
    /// The built-in X, once seeded.
    x: Option<[u16; 3]>,
    a: u64,
    c: u64,
    /// seed48's copy of the previous X, whose address it returns.
    previous: [u16; 3],
}

static LCG: SpinLock<Lcg> = SpinLock::new(Lcg { x: None, a: A, c: C, previous: [0; 3] });

fn load(x: &[u16; 3]) -> u64 {
    u64::from(x[0]) | u64::from(x[1]) << 16 | u64::from(x[2]) << 32
}

fn store(v: u64) -> [u16; 3] {
    [v as u16, (v >> 16) as u16, (v >> 32) as u16]
}

/// Advances `x` with the current multiplier and addend; returns X(n+1).
fn step(x: &mut [u16; 3]) -> u64 {
    let (a, c) = {
        let g = LCG.lock();
        (g.a, g.c)
    };
    let v = load(x).wrapping_mul(a).wrapping_add(c) & MASK;
    *x = store(v);
    v
}

/// Advances the built-in state if it is seeded.
fn step_builtin() -> Option<u64> {
    let mut g = LCG.lock();
    let (a, c) = (g.a, g.c);
    let x = g.x.as_mut()?;
    let v = load(x).wrapping_mul(a).wrapping_add(c) & MASK;
    *x = store(v);
    Some(v)
}

fn to_double(v: u64) -> f64 {
    v as f64 / (1u64 << 48) as f64
}

/// # Safety
/// `xsubi` must point at three writable unsigned shorts.
unsafe fn state<'a>(xsubi: *mut c_ushort) -> &'a mut [u16; 3] {
    // SAFETY: forwarded contract.
    unsafe { &mut *xsubi.cast::<[u16; 3]>() }
}

/// POSIX `erand48`: a double in [0, 1) from the caller's state.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn erand48(xsubi: *mut c_ushort) -> f64 {
    // SAFETY: the C contract: xsubi holds three unsigned shorts.
    to_double(step(unsafe { state(xsubi) }))
}

/// POSIX `nrand48`: a long in [0, 2^31) from the caller's state.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn nrand48(xsubi: *mut c_ushort) -> c_long {
    // SAFETY: the C contract: xsubi holds three unsigned shorts.
    (step(unsafe { state(xsubi) }) >> 17) as c_long
}

/// POSIX `jrand48`: a long in [-2^31, 2^31) from the caller's state.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn jrand48(xsubi: *mut c_ushort) -> c_long {
    // SAFETY: the C contract: xsubi holds three unsigned shorts.
    c_long::from((step(unsafe { state(xsubi) }) >> 16) as u32 as i32)
}

/// POSIX `drand48`: a double in [0, 1).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn drand48() -> f64 {
    to_double(step_builtin().unwrap_or_else(|| {
        let mut b = [0u8; 8];
        fill(&mut b);
        u64::from_ne_bytes(b) & MASK
    }))
}

/// POSIX `lrand48`: a long in [0, 2^31).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn lrand48() -> c_long {
    step_builtin().map_or_else(|| c_long::from(random_u32() >> 1), |v| (v >> 17) as c_long)
}

/// POSIX `mrand48`: a long in [-2^31, 2^31).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn mrand48() -> c_long {
    c_long::from(step_builtin().map_or_else(random_u32, |v| (v >> 16) as u32) as i32)
}

/// POSIX `srand48` (compat): X = seed's low 32 bits, then 0x330E; restores
/// the standard multiplier and addend.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn srand48(seed: c_long) {
    let mut g = LCG.lock();
    g.x = Some(store((seed as u64 & 0xffff_ffff) << 16 | 0x330E));
    (g.a, g.c) = (A, C);
}

/// POSIX `seed48` (compat): X = seed16v; restores the standard multiplier
/// and addend; returns the previous X, in a buffer the next call reuses.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn seed48(seed16v: *mut c_ushort) -> *mut c_ushort {
    let mut g = LCG.lock();
    g.previous = g.x.unwrap_or_default();
    // SAFETY: the C contract: seed16v holds three unsigned shorts.
    g.x = Some(*unsafe { state(seed16v) });
    (g.a, g.c) = (A, C);
    // The buffer is inside a static, so it outlives the lock guard.
    g.previous.as_mut_ptr()
}

/// POSIX `lcong48` (compat): sets X (param[0..3]), the multiplier
/// (param[3..6]) and the addend (param[6]).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn lcong48(param: *mut c_ushort) {
    // SAFETY: the C contract: param holds seven unsigned shorts.
    let p = unsafe { &*param.cast::<[u16; 7]>() };
    let mut g = LCG.lock();
    g.x = Some([p[0], p[1], p[2]]);
    g.a = load(&[p[3], p[4], p[5]]);
    g.c = u64::from(p[6]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_the_posix_recurrence() {
        // Vectors from cloudlibc's tests.
        let mut x = [37174u16, 64810, 11603];
        // SAFETY: x holds three shorts.
        let d = unsafe { erand48(x.as_mut_ptr()) };
        assert!((0.896..0.897).contains(&d));
        assert_eq!(x, [22537, 47966, 58735]);
        // SAFETY: as above.
        unsafe { erand48(x.as_mut_ptr()) };
        assert_eq!(x, [37344, 32911, 22119]);
    }
}
