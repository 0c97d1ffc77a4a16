//! arc4random, arc4random_buf, arc4random_uniform: unpredictable numbers
//! straight from the kernel's generator (CloudABI `random_get`), through
//! a small pool so that short requests do not each cost a system call.
//! Bytes handed out are wiped from the pool, so a later look at the
//! library's memory cannot reveal earlier results.

use crate::abi::{c_void, size_t};
use crate::cptr;
use crate::sync::SpinLock;
use crate::sys;

const POOL: usize = 256;

struct Pool {
    bytes: [u8; POOL],
    /// Bytes [next, POOL) are unused.
    next: usize,
}

static POOL_LOCK: SpinLock<Pool> = SpinLock::new(Pool { bytes: [0; POOL], next: POOL });

fn kernel_random(buf: &mut [u8]) {
    if let Err(e) = sys::random_get(buf) {
        // arc4random has no way to report failure; carrying on with
        // predictable numbers would be worse than stopping.
        panic!("random_get failed with error {}", e as u16);
    }
}

/// Fills `out` with unpredictable bytes.
pub fn fill(out: &mut [u8]) {
    if out.len() >= POOL {
        kernel_random(out);
        return;
    }
    let mut pool = POOL_LOCK.lock();
    let mut done = 0;
    while done < out.len() {
        if pool.next == POOL {
            kernel_random(&mut pool.bytes);
            pool.next = 0;
        }
        let n = (out.len() - done).min(POOL - pool.next);
        let start = pool.next;
        out[done..done + n].copy_from_slice(&pool.bytes[start..start + n]);
        pool.bytes[start..start + n].fill(0);
        pool.next += n;
        done += n;
    }
}

/// Four unpredictable bytes as a number.
pub fn random_u32() -> u32 {
    let mut b = [0u8; 4];
    fill(&mut b);
    u32::from_ne_bytes(b)
}

/// cloudlibc/BSD `arc4random`: a uniformly distributed unpredictable
/// 32-bit number.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn arc4random() -> u32 {
    random_u32()
}

/// cloudlibc/BSD `arc4random_buf`: fills a buffer with unpredictable bytes.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn arc4random_buf(buf: *mut c_void, n: size_t) {
    // SAFETY: the C contract: buf is writable for n bytes.
    fill(unsafe { cptr::slice_mut(buf.cast(), n) });
}

/// cloudlibc/BSD `arc4random_uniform`: a uniformly distributed number
/// below `upper` (0 when `upper` < 2). Draws below 2^32 mod upper are
/// rejected, so every result is equally likely.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn arc4random_uniform(upper: u32) -> u32 {
    if upper < 2 {
        return 0;
    }
    let min = upper.wrapping_neg() % upper;
    loop {
        let r = random_u32();
        if r >= min {
            return r % upper;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniform_stays_in_range_and_covers_it() {
        let mut seen = [false; 7];
        for _ in 0..1000 {
            let r = arc4random_uniform(7);
            seen[r as usize] = true;
        }
        assert!(seen.iter().all(|&s| s));
        assert_eq!(arc4random_uniform(1), 0);
        assert_eq!(arc4random_uniform(0), 0);
    }

    #[test]
    fn buffers_differ() {
        let (mut a, mut b) = ([0u8; 300], [0u8; 40]);
        fill(&mut a);
        fill(&mut b);
        assert_ne!(&a[..40], &b[..]);
        assert!(a.iter().any(|&x| x != 0));
    }
}
