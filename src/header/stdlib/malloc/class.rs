//! Size classes: 16..=128 bytes in steps of 16, then four classes per
//! doubling up to `MAX_SMALL`, so a block wastes at most a fifth of itself
//! beyond 128 bytes. Also how many blocks of a class move between a
//! thread's cache and the shared pool at once.

/// The largest request served from a size class; larger ones are mapped.
pub const MAX_SMALL: usize = 256 * 1024;

/// Number of classes: the index of `MAX_SMALL`'s class, plus one.
pub const NCLASSES: usize = 8 + (MAX_SMALL.trailing_zeros() as usize - 7) * 4;

/// Usable bytes of class `c` (a multiple of 16).
#[inline]
pub const fn size(c: usize) -> usize {
    if c < 8 {
        (c + 1) * 16
    } else {
        let j = c - 8;
        let base = 128usize << (j / 4);
        base + (base / 4) * (j % 4 + 1)
    }
}

/// The smallest class holding `n` bytes; `n` must be at most `MAX_SMALL`.
#[inline]
pub fn of(n: usize) -> usize {
    if n <= 128 {
        return n.saturating_sub(1) >> 4;
    }
    // 2^k < n <= 2^(k+1), k >= 7; the classes of that doubling are
    // 2^k + q * 2^(k-2) for q = 1..=4.
    let k = (usize::BITS - 1 - (n - 1).leading_zeros()) as usize;
    let q = ((n - 1 - (1 << k)) >> (k - 2)) + 1;
    8 + (k - 7) * 4 + (q - 1)
}

/// Bytes a thread's cache gathers before handing a batch to the pool.
const BATCH_BYTES: usize = 16 * 1024;
/// At most this many blocks per batch (for the smallest classes).
const BATCH_MAX: usize = 32;

const fn batch_of(c: usize) -> u32 {
    let n = BATCH_BYTES / size(c);
    if n == 0 {
        1
    } else if n > BATCH_MAX {
        BATCH_MAX as u32
    } else {
        n as u32
    }
}

static BATCH: [u32; NCLASSES] = {
    let mut t = [0; NCLASSES];
    let mut c = 0;
    while c < NCLASSES {
        t[c] = batch_of(c);
        c += 1;
    }
    t
};

/// Blocks per batch of class `c`: at least one, at most `BATCH_MAX`, about
/// `BATCH_BYTES` in all.
#[inline]
pub fn batch(c: usize) -> u32 {
    BATCH[c]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_every_size_tightly() {
        for n in 1..=MAX_SMALL {
            let c = of(n);
            assert!(size(c) >= n, "size {n} class {c}");
            if c > 0 {
                assert!(size(c - 1) < n, "size {n} not in smallest class {c}");
            }
        }
        assert_eq!(of(0), 0);
        assert_eq!(of(MAX_SMALL), NCLASSES - 1);
        assert_eq!(size(NCLASSES - 1), MAX_SMALL);
    }

    #[test]
    fn classes_grow_by_at_most_a_quarter() {
        for c in 0..NCLASSES {
            assert_eq!(size(c) % 16, 0);
            if c >= 8 {
                let (a, b) = (size(c - 1), size(c));
                assert!(b > a && (b - a) * 4 <= a, "class {c}: {a} -> {b}");
            }
        }
    }

    #[test]
    fn batches_hold_about_sixteen_kib() {
        assert_eq!(batch(0), 32);
        assert_eq!(batch(of(1024)), 16);
        assert_eq!(batch(of(4096)), 4);
        assert_eq!(batch(NCLASSES - 1), 1);
        for c in 0..NCLASSES {
            let b = batch(c) as usize;
            assert!((1..=BATCH_MAX).contains(&b));
            assert!(b == 1 || b * size(c) <= BATCH_BYTES);
        }
    }
}
