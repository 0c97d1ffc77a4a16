//! malloc, calloc, realloc, reallocarray, free, posix_memalign,
//! aligned_alloc, malloc_usable_size, and the compat memalign, valloc and
//! pvalloc.
//!
//! Requests up to 256 KiB are served from size classes (`class`), four per
//! power of two. Each thread keeps a small cache of free blocks per class
//! (`cache`), so the common `malloc` and `free` take no lock and make no
//! atomic read-modify-write; caches trade blocks with a shared pool
//! (`pool`) a batch at a time under its lock, and a thread's cache goes
//! back to the pool when it exits. Class memory is carved from 4 MiB
//! regions and reused, never unmapped: medium blocks never pay for a
//! mapping (the cost CPython pays on allocators that map and unmap them).
//! Larger requests get a mapping of their own (`large`), given back on
//! free: to a small bounded cache of recently freed mappings (`spare`,
//! at most 4 of them and 4 MiB in all), the rest to the system. A block
//! that `realloc` grows past 16 KiB moves to such a mapping, with address
//! space reserved after it so that it keeps growing in place; below that,
//! a class block that `realloc` grows gets half its size again as
//! headroom. So growing a buffer step by step copies it a logarithmic
//! number of times, and repeating the growth reuses the same pages.

//! Every pointer handed out follows a 16-byte header (`block`) saying what
//! it is and whether it is in use, so double frees and foreign pointers
//! abort with a message ("free(): double free") instead of corrupting the
//! heap. A double free of a mapped block either finds it kept in the
//! cache, marked freed, or finds its memory gone and faults.

mod block;
mod cache;
mod class;
mod large;
mod pool;
mod spare;

use crate::abi::{c_int, c_void, size_t};
use crate::errno::{Errno, OrErrno};
use block::{header, mark_in_use, Block, FREED, FRESH, HEADER, KIND_CLASS, KIND_OFFSET};
use class::MAX_SMALL;
use cloudabi::errno;

/// Holds the allocator's shared pool, so that a `fork` never copies it
/// half-written (the child then allocates normally).
#[must_use]
pub fn lock_for_fork() -> impl Sized {
    (pool::lock(), spare::lock())
}

/// Size from which a block that `realloc` grows moves to a mapping of
/// its own, where it grows without copies. Lower, and the page rounding of
/// small mappings costs more than the copies it saves; higher, and
/// copying within the classes takes longer than the moves.
const GROW_MAPPED: usize = 16 * 1024;

/// The system's page size.
fn page() -> usize {
    crate::start::boot().pagesz
}

#[inline(always)]
fn alloc(n: usize) -> Result<*mut u8, Errno> {
    if n > MAX_SMALL {
        return alloc_large(n);
    }
    let c = class::of(n);
    let user = cache::take(c)?;
    // SAFETY: the header space of a class block is the allocator's.
    unsafe { mark_in_use(user, KIND_CLASS, c) };
    Ok(user)
}

/// Kept out of line so that the common path of `malloc` stays small.
#[cold]
#[inline(never)]
fn alloc_large(n: usize) -> Result<*mut u8, Errno> {
    large::alloc(n, n)
}

/// Allocates `n` zeroed bytes.
fn alloc_zeroed(n: usize) -> Result<*mut u8, Errno> {
    if n > MAX_SMALL {
        return large::alloc_zeroed(n);
    }
    let c = class::of(n);
    let user = cache::take(c)?;
    // SAFETY: the block is ours: its header space, and its class size of
    // at least `n` (and 16) bytes. A block never handed out holds zeros
    // but for the two link words the caches and the pool wrote.
    unsafe {
        let fresh = (*header(user)).state == FRESH;
        mark_in_use(user, KIND_CLASS, c);
        if fresh {
            user.cast::<[usize; 2]>().write([0; 2]);
        } else {
            crate::header::string::memset(user.cast(), 0, n);
        }
    }
    Ok(user)
}

/// Allocates `n` bytes aligned to `align`, a power of two.
fn alloc_aligned(align: usize, n: usize) -> Result<*mut u8, Errno> {
    if align <= HEADER {
        return alloc(n);
    }
    // A class block is 16-aligned, so the aligned pointer is at most
    // `align - 16` bytes into it.
    let total = n.checked_add(align - HEADER).ok_or(errno::NOMEM)?;
    if total > MAX_SMALL {
        return large::alloc_aligned(align, n);
    }
    let real = alloc(total)?;
    let user = ((real as usize + align - 1) & !(align - 1)) as *mut u8;
    if user != real {
        // SAFETY: `user` is at least 16 bytes into the block (both are
        // 16-aligned), so its header lies inside the block.
        unsafe { mark_in_use(user, KIND_OFFSET, user as usize - real as usize) };
    }
    Ok(user)
}

/// Bytes usable at `user`.
///
/// # Safety
/// `user` must be the live block `b` describes.
unsafe fn usable(user: *mut u8, b: &Block) -> usize {
    match *b {
        Block::Class { class } => class::size(class),
        // SAFETY: the caller's contract.
        Block::Mapped => unsafe { large::usable(user) },
        Block::Offset { class, offset, .. } => class::size(class) - offset,
    }
}

/// # Safety
/// `user` must be null or a live allocation from this allocator.
#[inline(always)]
unsafe fn release(user: *mut u8) {
    if user.is_null() {
        return;
    }
    // SAFETY: the caller's contract; `classify` aborts on a bad pointer,
    // and the block is given up here.
    unsafe {
        match block::classify(user, b"free") {
            Block::Class { class } => {
                (*header(user)).state = FREED;
                cache::give(class, user);
            }
            Block::Mapped => large::free(user),
            Block::Offset { real, class, .. } => release_offset(user, real, class),
        }
    }
}

/// Frees the class block `real` through the aligned pointer `user` into it.
///
/// # Safety
/// As for `release`.
#[cold]
unsafe fn release_offset(user: *mut u8, real: *mut u8, class: usize) {
    // SAFETY: the caller's contract; marking the aligned pointer freed too
    // lets a second `free` of it report the double free.
    unsafe {
        (*header(user)).state = FREED;
        (*header(real)).state = FREED;
        cache::give(class, real);
    }
}

/// Resizes the live block at `user` to `n` bytes.
///
/// # Safety
/// `user` must be a live allocation from this allocator.
unsafe fn resize(user: *mut u8, n: usize) -> Result<*mut u8, Errno> {
    // SAFETY: the caller's contract; `classify` aborts on a bad pointer.
    let (b, have) = unsafe {
        let b = block::classify(user, b"realloc");
        let have = usable(user, &b);
        (b, have)
    };
    // A block that grows gets half its size again as headroom, so that
    // growing step by step moves (or remaps) it a logarithmic number of
    // times, as when it could grow in place.
    let cap = if n > have { n.max(have + have / 2) } else { n };
    let keep = match b {
        Block::Class { class } => {
            // Shrinking by a class or less is not worth a copy.
            if n <= have && class::of(n) + 1 >= class {
                return Ok(user);
            }
            have
        }
        Block::Mapped => {
            // SAFETY: a live mapped block.
            let used = unsafe { large::used(user) };
            // One that shrinks into the classes moves there, unless that
            // would save less than half of it.
            let stay = n > used || n > MAX_SMALL || n >= have / 2;
            // SAFETY: as above.
            if stay && unsafe { large::resize_in_place(user, n, cap) } {
                return Ok(user);
            }
            used
        }
        Block::Offset { .. } => {
            if n <= have {
                return Ok(user);
            }
            have
        }
    };
    // A block that `realloc` grows this far is likely to grow on: it
    // moves to a mapping with address space reserved for growing in place
    // (or to a class block, while it fits one, when that cannot be mapped).
    let to = if n > have && n > GROW_MAPPED {
        match large::alloc(n, n.saturating_mul(8)) {
            Err(_) if n <= MAX_SMALL => alloc(cap.min(MAX_SMALL))?,
            r => r?,
        }
    } else {
        alloc(cap.min(MAX_SMALL))?
    };
    // SAFETY: both blocks hold at least `min(keep, n)` bytes; the old one
    // is live and given up after the copy.
    unsafe {
        crate::header::string::memcpy(to.cast(), user.cast(), keep.min(n));
        release(user);
    }
    Ok(to)
}

/// Hands the calling thread's cached blocks to the other threads; the
/// threads code calls it when a thread exits.
pub fn thread_exit() {
    cache::flush();
}

/// C11 `malloc`: allocates `n` bytes aligned for any object.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn malloc(n: size_t) -> *mut c_void {
    alloc(n).or_errno(core::ptr::null_mut()).cast()
}

/// C11 `calloc`: allocates a zeroed array, checking the size product.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn calloc(count: size_t, size: size_t) -> *mut c_void {
    count.checked_mul(size).ok_or(errno::NOMEM).and_then(alloc_zeroed).or_errno(core::ptr::null_mut()).cast()
}

/// C11 `free`: releases a block; double frees abort with a message.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: the C contract: `p` is null or from this allocator.
    unsafe { release(p.cast()) }
}

/// C11 `realloc`: resizes, keeping the contents; a null `p` allocates.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn realloc(p: *mut c_void, n: size_t) -> *mut c_void {
    if p.is_null() {
        return malloc(n);
    }
    // SAFETY: the C contract: `p` is a live allocation.
    unsafe { resize(p.cast(), n) }.or_errno(core::ptr::null_mut()).cast()
}

/// POSIX `reallocarray`: realloc with an overflow-checked product.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn reallocarray(p: *mut c_void, count: size_t, size: size_t) -> *mut c_void {
    match count.checked_mul(size) {
        // SAFETY: forwarded contract.
        Some(n) => unsafe { realloc(p, n) },
        None => Err(errno::NOMEM).or_errno(core::ptr::null_mut()),
    }
}

/// POSIX `posix_memalign`: aligned allocation returning an error number.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn posix_memalign(out: *mut *mut c_void, align: size_t, n: size_t) -> c_int {
    if !align.is_power_of_two() || !align.is_multiple_of(core::mem::size_of::<*mut c_void>()) {
        return errno::INVAL as c_int;
    }
    match alloc_aligned(align, n) {
        Ok(p) => {
            // SAFETY: the caller passes a writable pointer slot.
            unsafe { *out = p.cast() };
            0
        }
        Err(e) => e as c_int,
    }
}

/// C11 `aligned_alloc`: `align` must be a power of two.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn aligned_alloc(align: size_t, n: size_t) -> *mut c_void {
    if !align.is_power_of_two() {
        return Err(errno::INVAL).or_errno(core::ptr::null_mut());
    }
    alloc_aligned(align, n).or_errno(core::ptr::null_mut()).cast()
}

/// Compat `memalign`: like `aligned_alloc`, rounding `align` up to a power
/// of two.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn memalign(align: size_t, n: size_t) -> *mut c_void {
    align
        .max(1)
        .checked_next_power_of_two()
        .ok_or(errno::INVAL)
        .and_then(|a| alloc_aligned(a, n))
        .or_errno(core::ptr::null_mut())
        .cast()
}

/// Compat `valloc`: page-aligned allocation.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn valloc(n: size_t) -> *mut c_void {
    alloc_aligned(page(), n).or_errno(core::ptr::null_mut()).cast()
}

/// Compat `pvalloc`: page-aligned allocation of whole pages (at least one).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pvalloc(n: size_t) -> *mut c_void {
    let p = page();
    n.max(1)
        .checked_add(p - 1)
        .ok_or(errno::NOMEM)
        .and_then(|whole| alloc_aligned(p, whole & !(p - 1)))
        .or_errno(core::ptr::null_mut())
        .cast()
}

/// Compat `malloc_usable_size`: bytes usable in an allocated block.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn malloc_usable_size(p: *mut c_void) -> size_t {
    if p.is_null() {
        return 0;
    }
    // SAFETY: the C contract: `p` is a live allocation.
    unsafe { usable(p.cast(), &block::classify(p.cast(), b"malloc_usable_size")) }
}

#[cfg(test)]
mod tests {
    use super::block::{header, FREED};
    use super::large::tests::exclusive;
    use super::*;

    fn usable_at(p: *mut u8) -> usize {
        // SAFETY: test blocks are live.
        unsafe { malloc_usable_size(p.cast()) }
    }

    /// Grows a block from 1 byte to past 1 MiB by 1/8 steps, writing the
    /// byte each step adds and checking all of them at the end; returns the
    /// block and the pointer it had when it first moved past `GROW_MAPPED`.
    fn grow() -> (*mut u8, *mut u8) {
        let mut n = 1;
        let mut p = malloc(n).cast::<u8>();
        let mut first_mapped = core::ptr::null_mut();
        // SAFETY: every access lies within the block's current `n` bytes.
        unsafe {
            p.write(0);
            while n < 1 << 20 {
                let m = n + n / 8 + 1;
                p = realloc(p.cast(), m).cast();
                assert_eq!(p as usize % HEADER, 0);
                assert!(usable_at(p) >= m);
                for i in n..m {
                    p.add(i).write(i as u8);
                }
                if n <= GROW_MAPPED && m > GROW_MAPPED {
                    first_mapped = p;
                }
                n = m;
            }
            assert!((0..n).all(|i| p.add(i).read() == i as u8));
        }
        (p, first_mapped)
    }

    #[test]
    fn realloc_growth_keeps_contents_and_reuses_the_pages_next_time() {
        let _g = exclusive();
        let (p, first) = grow();
        // The first mapping had room for 8 times its size.
        assert_ne!(first, p);
        // SAFETY: the block is live until freed here.
        unsafe { free(p.cast()) };
        let (q, first) = grow();
        // The second time, the block moved once, into the freed mapping.
        assert_eq!(first, q);
        assert_eq!(large::base_of(q), large::base_of(p));
        // SAFETY: as above.
        unsafe { free(q.cast()) };
    }

    #[test]
    fn realloc_shrinks_in_place_or_into_the_classes() {
        let _g = exclusive();
        let p = malloc(1 << 20).cast::<u8>();
        // SAFETY: accesses stay within the block's current size.
        unsafe {
            for i in 0..600_000 {
                p.add(i).write(i as u8);
            }
            let q = realloc(p.cast(), 600_000).cast::<u8>();
            assert_eq!(q, p);
            assert!(usable_at(q) < 700_000 && usable_at(q) >= 600_000);
            let r = realloc(q.cast(), 100).cast::<u8>();
            assert_ne!(r, q);
            assert!(usable_at(r) < 200);
            assert!((0..100).all(|i| r.add(i).read() == i as u8));
            free(r.cast());
        }
    }

    #[test]
    fn growth_past_the_reservation_copies() {
        let _g = exclusive();
        let p = malloc(300_000).cast::<u8>();
        // SAFETY: accesses stay within the block's current size.
        unsafe {
            p.write(1);
            p.add(299_999).write(2);
            let q = realloc(p.cast(), 3_000_000).cast::<u8>();
            assert_ne!(q, p);
            assert_eq!((q.read(), q.add(299_999).read()), (1, 2));
            q.add(2_999_999).write(3);
            free(q.cast());
        }
    }

    #[test]
    fn a_kept_mapping_is_reused_zeroed_by_calloc_and_marked_freed() {
        let _g = exclusive();
        let p = malloc(500_000).cast::<u8>();
        // SAFETY: accesses stay within the live blocks; the freed block's
        // header stays mapped while the cache keeps it.
        unsafe {
            crate::header::string::memset(p.cast(), 0xff, 500_000);
            free(p.cast());
            assert_eq!((*header(p)).state, FREED);
            let q = calloc(1, 400_000).cast::<u8>();
            assert_eq!(q, p);
            assert!((0..400_000).all(|i| q.add(i).read() == 0));
            // Too large a mapping for a small request is not reused.
            free(q.cast());
            let r = malloc(250_000).cast::<u8>();
            assert_ne!(r, q);
            free(r.cast());
        }
    }

    #[test]
    fn aligned_mappings_are_kept_and_reused_aligned() {
        let _g = exclusive();
        let mut p = core::ptr::null_mut();
        // SAFETY: `p` is a valid slot; the blocks are live until freed.
        unsafe {
            assert_eq!(posix_memalign(&mut p, 1 << 16, 500_000), 0);
            assert_eq!(p as usize % (1 << 16), 0);
            free(p);
            let q = malloc(480_000).cast::<u8>();
            assert_eq!(large::base_of(q), large::base_of(p.cast()));
            assert_eq!(q as usize % HEADER, 0);
            assert!(usable_at(q) >= 480_000);
            q.add(479_999).write(1);
            free(q.cast());
        }
    }
}
