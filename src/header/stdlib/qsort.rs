//! qsort, qsort_r: introsort. Quicksort with a median-of-three (ninther
//! for large arrays) pivot and a Hoare partition that stops on equal keys,
//! so runs of equal elements split evenly; subarrays of 16 elements or
//! fewer finish with insertion sort, and a recursion deeper than
//! 2*log2(n) switches to heapsort, which bounds the worst case to
//! O(n log n) comparisons. Elements of any size are swapped in place, so
//! nothing is allocated and the comparison function only ever sees
//! pointers into the array. The sort is not stable (C does not ask it to be).

use crate::abi::{c_int, c_void, size_t};

/// Exchanges two non-overlapping elements of `size` bytes.
///
/// # Safety
/// `a` and `b` must each be valid for `size` bytes and not overlap.
#[inline(always)]
unsafe fn swap(a: *mut u8, b: *mut u8, size: usize) {
    let mut i = 0;
    // SAFETY: every access below stays within the first `size` bytes of
    // `a` and `b`; unaligned reads and writes make any element size valid.
    unsafe {
        while i + 8 <= size {
            let x = a.add(i).cast::<u64>().read_unaligned();
            a.add(i).cast::<u64>().write_unaligned(b.add(i).cast::<u64>().read_unaligned());
            b.add(i).cast::<u64>().write_unaligned(x);
            i += 8;
        }
        if i + 4 <= size {
            let x = a.add(i).cast::<u32>().read_unaligned();
            a.add(i).cast::<u32>().write_unaligned(b.add(i).cast::<u32>().read_unaligned());
            b.add(i).cast::<u32>().write_unaligned(x);
            i += 4;
        }
        while i < size {
            let x = *a.add(i);
            *a.add(i) = *b.add(i);
            *b.add(i) = x;
            i += 1;
        }
    }
}

const INSERTION_MAX: usize = 16;

struct Sorter<F> {
    size: usize,
    cmp: F,
}

impl<F: FnMut(*const u8, *const u8) -> c_int> Sorter<F> {
    /// # Safety (for every method): `base` holds `n` elements of `size` bytes.
    #[inline(always)]
    unsafe fn at(&self, base: *mut u8, i: usize) -> *mut u8 {
        // SAFETY: callers pass indices below the element count.
        unsafe { base.add(i * self.size) }
    }

    #[inline(always)]
    unsafe fn compare(&mut self, base: *mut u8, i: usize, j: usize) -> c_int {
        // SAFETY: indices below the element count.
        let (a, b) = unsafe { (self.at(base, i), self.at(base, j)) };
        (self.cmp)(a, b)
    }

    #[inline(always)]
    unsafe fn swap(&self, base: *mut u8, i: usize, j: usize) {
        if i != j {
            // SAFETY: distinct in-bounds elements do not overlap.
            unsafe { swap(self.at(base, i), self.at(base, j), self.size) };
        }
    }

    /// The index of the median of three elements.
    unsafe fn median(&mut self, base: *mut u8, a: usize, b: usize, c: usize) -> usize {
        // SAFETY: indices below the element count.
        unsafe {
            if self.compare(base, a, b) < 0 {
                if self.compare(base, b, c) < 0 {
                    b
                } else if self.compare(base, a, c) < 0 {
                    c
                } else {
                    a
                }
            } else if self.compare(base, b, c) > 0 {
                b
            } else if self.compare(base, a, c) > 0 {
                c
            } else {
                a
            }
        }
    }

    unsafe fn insertion(&mut self, base: *mut u8, n: usize) {
        for i in 1..n {
            let mut j = i;
            // SAFETY: 0 < j <= i < n.
            while j > 0 && unsafe { self.compare(base, j - 1, j) } > 0 {
                // SAFETY: as above.
                unsafe { self.swap(base, j - 1, j) };
                j -= 1;
            }
        }
    }

    /// Restores the max-heap property below `root` in a heap of `n`.
    unsafe fn sift_down(&mut self, base: *mut u8, mut root: usize, n: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= n {
                return;
            }
            // SAFETY: child + 1 < n when compared.
            if child + 1 < n && unsafe { self.compare(base, child, child + 1) } < 0 {
                child += 1;
            }
            // SAFETY: root < child < n.
            if unsafe { self.compare(base, root, child) } >= 0 {
                return;
            }
            // SAFETY: as above.
            unsafe { self.swap(base, root, child) };
            root = child;
        }
    }

    unsafe fn heapsort(&mut self, base: *mut u8, n: usize) {
        for i in (0..n / 2).rev() {
            // SAFETY: forwarded contract.
            unsafe { self.sift_down(base, i, n) };
        }
        for end in (1..n).rev() {
            // SAFETY: end < n.
            unsafe {
                self.swap(base, 0, end);
                self.sift_down(base, 0, end);
            }
        }
    }

    /// Partitions around a pivot chosen from `n > INSERTION_MAX` elements
    /// and returns its final index `m`: elements before `m` compare less
    /// than or equal to it, elements after greater than or equal.
    unsafe fn partition(&mut self, base: *mut u8, n: usize) -> usize {
        let (mid, last) = (n / 2, n - 1);
        // SAFETY (whole body): every index used is below n.
        unsafe {
            let pivot = if n > 128 {
                let s = n / 8;
                let a = self.median(base, 0, s, 2 * s);
                let b = self.median(base, mid - s, mid, mid + s);
                let c = self.median(base, last - 2 * s, last - s, last);
                self.median(base, a, b, c)
            } else {
                self.median(base, 0, mid, last)
            };
            self.swap(base, 0, pivot);
            // The pivot sits at 0. i only passes elements <= pivot and j
            // only elements >= pivot, so i <= j + 1 throughout; when they
            // meet (i == j) the element there equals the pivot.
            let (mut i, mut j) = (1, last);
            loop {
                while i <= j && self.compare(base, i, 0) < 0 {
                    i += 1;
                }
                while i <= j && self.compare(base, j, 0) > 0 {
                    j -= 1;
                }
                if i >= j {
                    break;
                }
                self.swap(base, i, j);
                i += 1;
                j -= 1;
            }
            self.swap(base, 0, j);
            j
        }
    }

    unsafe fn sort(&mut self, mut base: *mut u8, mut n: usize, mut depth: u32) {
        while n > INSERTION_MAX {
            if depth == 0 {
                // SAFETY: forwarded contract.
                unsafe { self.heapsort(base, n) };
                return;
            }
            depth -= 1;
            // SAFETY: forwarded contract.
            let m = unsafe { self.partition(base, n) };
            let (left, right) = (m, n - m - 1);
            // SAFETY: m + 1 <= n; recurse into the smaller side so the
            // stack depth stays logarithmic.
            let upper = unsafe { self.at(base, m + 1) };
            if left < right {
                // SAFETY: [0, m) is a valid subarray.
                unsafe { self.sort(base, left, depth) };
                base = upper;
                n = right;
            } else {
                // SAFETY: (m, n) is a valid subarray.
                unsafe { self.sort(upper, right, depth) };
                n = left;
            }
        }
        // SAFETY: forwarded contract.
        unsafe { self.insertion(base, n) };
    }
}

/// Sorts `n` elements of `size` bytes at `base` with `cmp`.
///
/// # Safety
/// `base` must hold `n` elements of `size` bytes (or `n` be 0).
pub unsafe fn sort_by<F: FnMut(*const u8, *const u8) -> c_int>(base: *mut u8, n: usize, size: usize, cmp: F) {
    if n < 2 || size == 0 {
        return;
    }
    let depth = 2 * (usize::BITS - n.leading_zeros());
    // SAFETY: forwarded contract.
    unsafe { Sorter { size, cmp }.sort(base, n, depth) };
}

/// C11 `qsort`: sorts an array in place.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn qsort(
    base: *mut c_void,
    n: size_t,
    size: size_t,
    cmp: unsafe extern "C" fn(*const c_void, *const c_void) -> c_int,
) {
    // SAFETY: the C contract: base holds n elements of size bytes, and cmp
    // accepts pointers to any two of them.
    unsafe { sort_by(base.cast(), n, size, |a, b| cmp(a.cast(), b.cast())) }
}

/// cloudlibc/glibc `qsort_r`: qsort with a context argument passed last to
/// the comparison function.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn qsort_r(
    base: *mut c_void,
    n: size_t,
    size: size_t,
    cmp: unsafe extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int,
    arg: *mut c_void,
) {
    // SAFETY: as qsort; arg is passed through untouched.
    unsafe { sort_by(base.cast(), n, size, |a, b| cmp(a.cast(), b.cast(), arg)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sort_vec<T: Ord + Copy>(v: &mut Vec<T>) -> usize {
        let mut calls = 0;
        // SAFETY: v holds v.len() elements of size_of::<T>() bytes.
        unsafe {
            sort_by(v.as_mut_ptr().cast(), v.len(), core::mem::size_of::<T>(), |a, b| {
                calls += 1;
                (*a.cast::<T>()).cmp(&*b.cast::<T>()) as c_int
            })
        };
        calls
    }

    #[test]
    fn sorts_many_shapes() {
        let mut seed = 12345u64;
        for n in [0usize, 1, 2, 3, 15, 16, 17, 100, 129, 1000, 5000] {
            let shapes: Vec<Vec<u32>> = vec![
                (0..n as u32).collect(),
                (0..n as u32).rev().collect(),
                vec![7; n],
                (0..n)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        (seed >> 40) as u32 % 50
                    })
                    .collect(),
            ];
            for mut v in shapes {
                let mut want = v.clone();
                want.sort();
                sort_vec(&mut v);
                assert_eq!(v, want);
            }
        }
    }

    #[test]
    fn odd_element_sizes() {
        let mut v: Vec<[u8; 13]> = (0..300u32).map(|i| [((i * 7919) % 256) as u8; 13]).collect();
        let mut want = v.clone();
        want.sort();
        sort_vec(&mut v);
        assert_eq!(v, want);
    }

    #[test]
    fn worst_case_is_bounded() {
        // An "organ pipe" defeats a plain median-of-three; the depth limit
        // keeps the comparison count within a small multiple of n log n.
        let n = 1 << 14;
        let mut v: Vec<u32> = (0..n / 2).chain((0..n / 2).rev()).collect();
        let calls = sort_vec(&mut v);
        assert!(v.windows(2).all(|w| w[0] <= w[1]));
        assert!(calls < 4 * n as usize * 14, "{calls} comparisons");
    }
}
