//! rand and random (C11, POSIX), and the compat calls that seed them:
//! srand, srandom, initstate, setstate, plus rand_r.
//!
//! As in cloudlibc, rand() and random() are unpredictable (from
//! arc4random) until the program seeds them. Seeding (srand, srandom,
//! initstate) switches to a deterministic generator, so a program that
//! calls srand(n) gets the same sequence on every run, as C11 asks. The
//! deterministic generator is PCG-XSH-RR (64-bit state, 32-bit output,
//! O'Neill 2014) with its top 31 bits returned; it is not glibc's, so the
//! sequences differ from glibc's. rand_r keeps its whole state in the
//! caller's unsigned int and uses PCG-RXS-M-XS 32/32.

use crate::abi::{c_char, c_int, c_long, c_uint, size_t};
use crate::errno::set_errno;
use crate::header::stdlib::arc4random::random_u32;
use crate::sync::SpinLock;
use cloudabi::errno;

const PCG_MUL: u64 = 6364136223846793005;
const PCG_INC: u64 = 1442695040888963407;

/// Advances a PCG-XSH-RR state and returns 31 output bits.
fn pcg_next(state: &mut u64) -> u32 {
    let old = *state;
    *state = old.wrapping_mul(PCG_MUL).wrapping_add(PCG_INC);
    let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
    xorshifted.rotate_right((old >> 59) as u32) >> 1
}

/// The state PCG's reference seeding derives from `seed`.
fn pcg_seed(seed: u64) -> u64 {
    let mut state = 0;
    pcg_next(&mut state);
    state = state.wrapping_add(seed);
    pcg_next(&mut state);
    state
}

/// None until srand: rand() is then unpredictable.
static RAND: SpinLock<Option<u64>> = SpinLock::new(None);

/// C11 `rand`: a number in [0, RAND_MAX]; unpredictable unless seeded.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn rand() -> c_int {
    let mut g = RAND.lock();
    match g.as_mut() {
        Some(state) => pcg_next(state) as c_int,
        None => {
            drop(g);
            (random_u32() >> 1) as c_int
        }
    }
}

/// C11 `srand` (compat: cloudlibc removed it): makes rand() repeatable.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn srand(seed: c_uint) {
    *RAND.lock() = Some(pcg_seed(u64::from(seed)));
}

/// POSIX `rand_r` (compat): a repeatable number in [0, RAND_MAX] from the
/// state in `*seed`, PCG-RXS-M-XS 32/32.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn rand_r(seed: *mut c_uint) -> c_int {
    // SAFETY: the C contract: seed points at the caller's state.
    let state = unsafe { &mut *seed };
    let old = *state;
    *state = old.wrapping_mul(747796405).wrapping_add(2891336453);
    let word = ((old >> ((old >> 28) + 4)) ^ old).wrapping_mul(277803737);
    (((word >> 22) ^ word) >> 1) as c_int
}

/// random()'s state: where its 8 bytes live once seeded (null before),
/// and the built-in array srandom uses when no initstate array is current.
struct RandomState {
    current: *mut u8,
    builtin: [u8; 8],
}

// SAFETY: the pointer is only followed under the lock.
unsafe impl Send for RandomState {}

static RANDOM: SpinLock<RandomState> = SpinLock::new(RandomState { current: core::ptr::null_mut(), builtin: [0; 8] });

/// The smallest state array initstate accepts.
const STATE_MIN: usize = 8;

impl RandomState {
    /// The current array, falling back to the built-in one.
    fn array(&mut self) -> *mut u8 {
        if self.current.is_null() {
            self.builtin.as_mut_ptr()
        } else {
            self.current
        }
    }
}

/// POSIX `random`: a number in [0, 2^31 - 1]; unpredictable unless seeded.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn random() -> c_long {
    let g = RANDOM.lock();
    if g.current.is_null() {
        drop(g);
        return c_long::from(random_u32() >> 1);
    }
    // SAFETY: `current` is the built-in array or one the program handed
    // to initstate/setstate with at least STATE_MIN bytes.
    unsafe {
        let mut state = g.current.cast::<u64>().read_unaligned();
        let r = pcg_next(&mut state);
        g.current.cast::<u64>().write_unaligned(state);
        c_long::from(r)
    }
}

/// POSIX `srandom` (compat): seeds random()'s current state array.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn srandom(seed: c_uint) {
    let mut g = RANDOM.lock();
    let a = g.array();
    g.current = a;
    // SAFETY: `a` holds at least STATE_MIN bytes (see `random`).
    unsafe { a.cast::<u64>().write_unaligned(pcg_seed(u64::from(seed))) };
}

/// POSIX `initstate` (compat): makes `state` (n >= 8 bytes) random()'s
/// state array, seeded with `seed`; returns the previous array.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn initstate(seed: c_uint, state: *mut c_char, n: size_t) -> *mut c_char {
    if n < STATE_MIN {
        set_errno(errno::INVAL);
        return core::ptr::null_mut();
    }
    let mut g = RANDOM.lock();
    let previous = g.array();
    g.current = state.cast();
    // SAFETY: the C contract: state is writable for n >= 8 bytes.
    unsafe { state.cast::<u64>().write_unaligned(pcg_seed(u64::from(seed))) };
    previous.cast()
}

/// POSIX `setstate` (compat): makes `state`, an array initstate prepared,
/// random()'s state array again; returns the previous one.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn setstate(state: *mut c_char) -> *mut c_char {
    let mut g = RANDOM.lock();
    let previous = g.array();
    g.current = state.cast();
    previous.cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_sequences_repeat() {
        let mut a = pcg_seed(42);
        let mut b = pcg_seed(42);
        let xs: Vec<u32> = (0..10).map(|_| pcg_next(&mut a)).collect();
        let ys: Vec<u32> = (0..10).map(|_| pcg_next(&mut b)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|&x| x <= 0x7fff_ffff));
        assert_ne!(xs[0], xs[1]);
    }

    #[test]
    fn rand_r_repeats_and_stays_in_range() {
        let (mut s1, mut s2) = (7u32, 7u32);
        for _ in 0..100 {
            // SAFETY: locals.
            let (x, y) = unsafe { (rand_r(&mut s1), rand_r(&mut s2)) };
            assert_eq!(x, y);
            assert!(x >= 0);
        }
    }
}
