//! malloc, calloc, realloc, reallocarray, free, posix_memalign,
//! aligned_alloc, malloc_usable_size.
//!
//! Small and medium blocks (up to 256 KiB) come from size classes, four per
//! power of two, carved from 4 MiB regions and kept on per-class free lists
//! for reuse, so medium allocations never go back to the kernel (the cost
//! CPython pays on allocators that map and unmap them). Larger blocks are
//! mapped on their own and unmapped on free. Every block has a 16-byte
//! header recording its class (or mapping size) and whether it is in use,
//! which catches double frees and foreign pointers cheaply.

use crate::abi::{c_int, c_void, size_t};
use crate::errno::Errno;
use crate::sync::SpinLock;
use crate::sys;
use cloudabi::errno;

const HEADER: usize = 16;
const ALIGN: usize = 16;
const MAX_SMALL: usize = 256 * 1024;
const REGION: usize = 4 * 1024 * 1024;
const NCLASSES: usize = 64;

const IN_USE: u32 = 0xA110_CA7E;
const FREED: u32 = 0xF4EE_F4EE;
/// Header kind: a size-class block, a block mapped on its own, or an
/// aligned pointer pointing back into a larger block.
const KIND_CLASS: u32 = 1;
const KIND_MAPPED: u32 = 2;
const KIND_OFFSET: u32 = 3;

#[repr(C)]
struct Header {
    /// Class index, mapping length, or offset back to the real block.
    size: usize,
    kind: u32,
    state: u32,
}

/// Usable size of each class: 16..=128 step 16, then 4 steps per doubling.
const fn class_size(i: usize) -> usize {
    if i < 8 {
        (i + 1) * 16
    } else {
        let j = i - 8;
        let base = 128usize << (j / 4);
        base + (base / 4) * (j % 4 + 1)
    }
}

fn class_of(n: usize) -> usize {
    if n <= 128 {
        return (n.max(1) + 15) / 16 - 1;
    }
    // Smallest class holding n: binary search is overkill; classes grow
    // geometrically, so start at the power-of-two boundary.
    let log = usize::BITS - 1 - (n - 1).leading_zeros(); // floor(log2(n-1))
    let mut i = 8 + ((log as usize).saturating_sub(7)) * 4;
    i = i.saturating_sub(4);
    while class_size(i) < n {
        i += 1;
    }
    i
}

struct Heap {
    free: [*mut u8; NCLASSES],
    bump: *mut u8,
    bump_end: *mut u8,
}

// SAFETY: the raw pointers are only touched under the heap lock.
unsafe impl Send for Heap {}

static HEAP: SpinLock<Heap> =
    SpinLock::new(Heap { free: [core::ptr::null_mut(); NCLASSES], bump: core::ptr::null_mut(), bump_end: core::ptr::null_mut() });

fn map(len: usize) -> Result<*mut u8, Errno> {
    sys::mem_map(
        core::ptr::null_mut(),
        len,
        sys::mprot::READ | sys::mprot::WRITE,
        sys::mflags::ANON | sys::mflags::PRIVATE,
        cloudabi::MAP_ANON_FD,
        0,
    )
}

fn page_round(n: usize) -> Option<usize> {
    n.checked_add(4095).map(|v| v & !4095)
}

/// # Safety
/// `p` must point at a block header written by this allocator.
unsafe fn header(user: *mut u8) -> *mut Header {
    user.wrapping_sub(HEADER).cast()
}

fn alloc(n: usize) -> Result<*mut u8, Errno> {
    if n > MAX_SMALL {
        let total = n.checked_add(HEADER).and_then(page_round).ok_or(errno::NOMEM)?;
        let base = map(total).map_err(|_| errno::NOMEM)?;
        // SAFETY: `base` is a fresh mapping of `total` bytes.
        unsafe { base.cast::<Header>().write(Header { size: total, kind: KIND_MAPPED, state: IN_USE }) };
        return Ok(base.wrapping_add(HEADER));
    }
    let c = class_of(n);
    let block = HEADER + class_size(c);
    let mut heap = HEAP.lock();
    let user = if !heap.free[c].is_null() {
        let u = heap.free[c];
        // SAFETY: a free block stores the next free block in its first word.
        heap.free[c] = unsafe { *(u as *mut *mut u8) };
        u
    } else {
        if (heap.bump_end as usize) - (heap.bump as usize) < block {
            // The tail of the old region is abandoned; at most one block's worth.
            let r = map(REGION).map_err(|_| errno::NOMEM)?;
            heap.bump = r;
            heap.bump_end = r.wrapping_add(REGION);
        }
        let b = heap.bump;
        heap.bump = b.wrapping_add(block);
        b.wrapping_add(HEADER)
    };
    drop(heap);
    // SAFETY: `user` is preceded by this block's header space.
    unsafe { header(user).write(Header { size: c, kind: KIND_CLASS, state: IN_USE }) };
    Ok(user)
}

fn corrupt(what: &[u8]) -> ! {
    let _ = sys::fd_write(cloudabi::fd(2), b"cloudlibc: ");
    let _ = sys::fd_write(cloudabi::fd(2), what);
    let _ = sys::fd_write(cloudabi::fd(2), b"\n");
    crate::start::fatal::abort()
}

/// Follows an aligned pointer back to the block that holds it.
///
/// # Safety
/// `user` must come from this allocator.
unsafe fn real_block(user: *mut u8) -> *mut u8 {
    // SAFETY: every pointer we hand out is preceded by a header.
    let h = unsafe { &*header(user) };
    if h.kind == KIND_OFFSET && h.state == IN_USE {
        user.wrapping_sub(h.size)
    } else {
        user
    }
}

/// Bytes usable at `user` (which may be an aligned pointer inside a block).
///
/// # Safety
/// `user` must be a live allocation from this allocator.
unsafe fn usable(user: *mut u8) -> usize {
    // SAFETY: forwarded contract.
    let real = unsafe { real_block(user) };
    // SAFETY: `real` has a valid header.
    let h = unsafe { &*header(real) };
    let cap = match h.kind {
        KIND_CLASS => class_size(h.size),
        _ => h.size - HEADER,
    };
    cap - (user as usize - real as usize)
}

/// # Safety
/// `user` must be null or a live allocation from this allocator.
unsafe fn release(user: *mut u8) {
    if user.is_null() {
        return;
    }
    if user as usize % ALIGN != 0 {
        corrupt(b"free(): invalid pointer");
    }
    // SAFETY: forwarded contract.
    let real = unsafe { real_block(user) };
    // SAFETY: `real` is preceded by its header.
    let h = unsafe { &mut *header(real) };
    if h.state != IN_USE {
        corrupt(if h.state == FREED { b"free(): double free" } else { b"free(): invalid pointer" });
    }
    h.state = FREED;
    match h.kind {
        KIND_CLASS if h.size < NCLASSES => {
            let mut heap = HEAP.lock();
            // SAFETY: the block is ours again; its first word links the list.
            unsafe { *(real as *mut *mut u8) = heap.free[h.size] };
            heap.free[h.size] = real;
        }
        KIND_MAPPED => {
            // SAFETY: a mapped block owns its whole mapping.
            let _ = unsafe { sys::mem_unmap(real.wrapping_sub(HEADER), h.size) };
        }
        _ => corrupt(b"free(): invalid pointer"),
    }
}

/// C11 `malloc`: allocates `n` bytes aligned for any object.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn malloc(n: size_t) -> *mut c_void {
    use crate::errno::OrErrno;
    alloc(n).map(|p| p.cast()).or_errno(core::ptr::null_mut())
}

/// C11 `calloc`: allocates a zeroed array, checking the size product.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn calloc(count: size_t, size: size_t) -> *mut c_void {
    use crate::errno::OrErrno;
    count
        .checked_mul(size)
        .ok_or(errno::NOMEM)
        .and_then(|n| {
            let p = alloc(n)?;
            // SAFETY: `p` holds at least `n` bytes.
            unsafe { crate::header::string::memset(p.cast(), 0, n) };
            Ok(p.cast())
        })
        .or_errno(core::ptr::null_mut())
}

/// C11 `free`: releases a block; double frees abort with a message.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn free(p: *mut c_void) {
    // SAFETY: the C contract: `p` is null or from this allocator.
    unsafe { release(p.cast()) }
}

/// C11 `realloc`: resizes, keeping contents; grows in place within a class.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn realloc(p: *mut c_void, n: size_t) -> *mut c_void {
    if p.is_null() {
        return malloc(n);
    }
    // SAFETY: `p` is a live allocation (C contract).
    let have = unsafe { usable(p.cast()) };
    if n <= have && (n >= have / 2 || have <= 128) {
        return p;
    }
    let q = malloc(n);
    if !q.is_null() {
        // SAFETY: both blocks hold at least min(have, n) bytes.
        unsafe {
            crate::header::string::memcpy(q, p, have.min(n));
            release(p.cast());
        }
    }
    q
}

/// POSIX (compat) `reallocarray`: realloc with an overflow-checked product.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn reallocarray(p: *mut c_void, count: size_t, size: size_t) -> *mut c_void {
    match count.checked_mul(size) {
        // SAFETY: forwarded contract.
        Some(n) => unsafe { realloc(p, n) },
        None => {
            crate::errno::set_errno(errno::NOMEM);
            core::ptr::null_mut()
        }
    }
}

fn alloc_aligned(align: usize, n: usize) -> Result<*mut u8, Errno> {
    if align <= ALIGN {
        return alloc(n);
    }
    let total = n.checked_add(align).ok_or(errno::NOMEM)?;
    let real = alloc(total)?;
    let user = ((real as usize + align - 1) & !(align - 1)) as *mut u8;
    if user != real {
        // SAFETY: `user - real >= 16`, since both are 16-aligned and differ;
        // the offset header lies inside the block.
        unsafe { header(user).write(Header { size: user as usize - real as usize, kind: KIND_OFFSET, state: IN_USE }) };
    }
    Ok(user)
}

/// POSIX `posix_memalign`: aligned allocation returning an error number.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn posix_memalign(out: *mut *mut c_void, align: size_t, n: size_t) -> c_int {
    if !align.is_power_of_two() || align % core::mem::size_of::<*mut c_void>() != 0 {
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
    use crate::errno::OrErrno;
    if !align.is_power_of_two() {
        crate::errno::set_errno(errno::INVAL);
        return core::ptr::null_mut();
    }
    alloc_aligned(align, n).map(|p| p.cast()).or_errno(core::ptr::null_mut())
}

/// Compat `malloc_usable_size`: bytes usable in an allocated block.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn malloc_usable_size(p: *mut c_void) -> size_t {
    if p.is_null() {
        0
    } else {
        // SAFETY: `p` is a live allocation (C contract).
        unsafe { usable(p.cast()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_every_size_tightly() {
        for n in 1..=MAX_SMALL {
            let c = class_of(n);
            assert!(class_size(c) >= n, "size {n} class {c}");
            if c > 0 {
                assert!(class_size(c - 1) < n, "size {n} not in smallest class {c}");
            }
            assert_eq!(class_size(c) % 16, 0);
        }
        assert!(class_of(MAX_SMALL) < NCLASSES);
    }
}
