//! Blocks larger than the biggest size class, each in a mapping of its
//! own that `free` returns to the system.
//!
//! The mapping starts at the page holding the block's 32-byte prefix: the
//! size last asked for (so that moving a block copies only that much), the
//! length of the whole reservation, and the common header, whose `size` is
//! the length of the usable, read-write part. A block that `realloc` had to
//! move is mapped with a reservation beyond it: address space mapped with
//! no access, which costs no memory; growing into it is one protection
//! change, with no copy. So a block grown step by step moves only each
//! time it outgrows eight times the size it had when last moved.
//!
//! A freed mapping goes to `spare`, which keeps the newest few for reuse
//! and unmaps the rest. A new block takes a kept mapping whose read-write
//! part is big enough and, unless it is expected to grow into it, no more
//! than twice what it needs; it then reports all of it as usable.

use super::block::{header, mark_in_use, FREED, KIND_MAPPED};
use super::page;
use super::spare::{self, Mapping};
use crate::errno::Errno;
use crate::sys;
use cloudabi::errno;

/// Bytes before the user pointer: the prefix, then the header.
pub const PREFIX: usize = 32;

/// The first two words of the prefix.
#[repr(C)]
struct Prefix {
    /// The size last requested.
    used: usize,
    /// Bytes mapped from the base: the read-write part, then no-access.
    reserved: usize,
}

fn prefix(user: *mut u8) -> *mut Prefix {
    user.wrapping_sub(PREFIX).cast()
}

/// The base of the mapping holding the block at `user`.
pub fn base_of(user: *mut u8) -> *mut u8 {
    ((user as usize - PREFIX) & !(page() - 1)) as *mut u8
}

fn page_round(n: usize) -> Option<usize> {
    let p = page();
    n.checked_add(p - 1).map(|v| v & !(p - 1))
}

const RW: sys::mprot = sys::mprot::READ.union(sys::mprot::WRITE);

fn map(len: usize, prot: sys::mprot) -> Result<*mut u8, Errno> {
    let flags = sys::mflags::ANON | sys::mflags::PRIVATE;
    sys::mem_map(core::ptr::null_mut(), len, prot, flags, cloudabi::MAP_ANON_FD, 0).map_err(|_| errno::NOMEM)
}

/// Maps `reserved` bytes of which the first `len` are read-write.
fn map_reserved(len: usize, reserved: usize) -> Result<*mut u8, Errno> {
    if reserved == len {
        return map(len, RW);
    }
    let base = map(reserved, sys::mprot::empty())?;
    // SAFETY: the fresh mapping holds nothing yet.
    unsafe {
        if sys::mem_protect(base, len, RW).is_err() {
            let _ = sys::mem_unmap(base, reserved);
            return Err(errno::NOMEM);
        }
    }
    Ok(base)
}

/// Writes the prefix of the block at `user`.
///
/// # Safety
/// The `PREFIX` bytes before `user` must lie in the block's mapping.
unsafe fn set_prefix(user: *mut u8, used: usize, len: usize, reserved: usize) {
    // SAFETY: the caller's contract.
    unsafe {
        prefix(user).write(Prefix { used, reserved });
        mark_in_use(user, KIND_MAPPED, len);
    }
}

/// Maps a block of `n` bytes, with address space reserved for it to grow
/// to `reserve` bytes when that is larger.
pub fn alloc(n: usize, reserve: usize) -> Result<*mut u8, Errno> {
    place(n, reserve).map(|(user, _)| user)
}

/// Maps a block of `n` zeroed bytes.
pub fn alloc_zeroed(n: usize) -> Result<*mut u8, Errno> {
    let (user, reused) = place(n, n)?;
    if reused {
        // SAFETY: the block holds at least `n` bytes, all ours.
        unsafe { crate::header::string::memset(user.cast(), 0, n) };
    }
    Ok(user)
}

/// Places a block of `n` bytes as `alloc` does; says whether it reuses a
/// kept mapping (whose contents are stale) rather than a fresh one.
fn place(n: usize, reserve: usize) -> Result<(*mut u8, bool), Errno> {
    let len = n.checked_add(PREFIX).and_then(page_round).ok_or(errno::NOMEM)?;
    let want = reserve.checked_add(PREFIX).and_then(page_round).unwrap_or(len).max(len);
    if let Some(m) = spare::take(len, want > len) {
        let user = m.base.wrapping_add(PREFIX);
        // SAFETY: the kept mapping is ours alone now, and its read-write
        // part holds the prefix.
        unsafe { set_prefix(user, n, m.len, m.reserved) };
        return Ok((user, true));
    }
    // Without room for the reservation, the block alone will do.
    let (base, reserved) = match map_reserved(len, want) {
        Ok(b) => (b, want),
        Err(_) if want > len => (map(len, RW)?, len),
        Err(e) => return Err(e),
    };
    let user = base.wrapping_add(PREFIX);
    // SAFETY: the prefix is the start of the fresh mapping.
    unsafe { set_prefix(user, n, len, reserved) };
    Ok((user, false))
}

/// Maps a block of `n` bytes aligned to `align` (a power of two above 16),
/// giving back the pages the alignment did not need.
pub fn alloc_aligned(align: usize, n: usize) -> Result<*mut u8, Errno> {
    let over = n.checked_add(align).and_then(|v| v.checked_add(PREFIX)).and_then(page_round).ok_or(errno::NOMEM)?;
    let m = map(over, RW)?;
    let user = ((m as usize + PREFIX + align - 1) & !(align - 1)) as *mut u8;
    let base = base_of(user);
    let end = page_round(user as usize + n).ok_or(errno::NOMEM)?;
    let len = end - base as usize;
    // SAFETY: the head and tail pages lie in the fresh mapping and hold
    // nothing; the prefix lies in the part kept.
    unsafe {
        if base != m {
            let _ = sys::mem_unmap(m, base as usize - m as usize);
        }
        if end < m as usize + over {
            let _ = sys::mem_unmap(end as *mut u8, m as usize + over - end);
        }
        set_prefix(user, n, len, len);
    }
    Ok(user)
}

/// The read-write length in the header of the block at `user`.
///
/// # Safety
/// `user` must be a live mapped block.
unsafe fn len_of(user: *mut u8) -> usize {
    // SAFETY: the caller's contract.
    unsafe { (*header(user)).size }
}

/// Gives the mapped block at `user` back, to the cache of kept mappings
/// or to the system.
///
/// # Safety
/// The block must be live, and nobody may use it again.
pub unsafe fn free(user: *mut u8) {
    // SAFETY: the caller's contract: the mapping is the block's alone.
    // Marking it freed makes a second `free` of a kept mapping abort
    // instead of keeping it twice.
    unsafe {
        let m = Mapping { base: base_of(user), len: len_of(user), reserved: (*prefix(user)).reserved };
        (*header(user)).state = FREED;
        spare::give(m);
    }
}

/// Bytes usable at `user`.
///
/// # Safety
/// `user` must be a live mapped block.
pub unsafe fn usable(user: *mut u8) -> usize {
    // SAFETY: the caller's contract.
    base_of(user) as usize + unsafe { len_of(user) } - user as usize
}

/// The size last requested for the block at `user`.
///
/// # Safety
/// `user` must be a live mapped block.
pub unsafe fn used(user: *mut u8) -> usize {
    // SAFETY: the caller's contract: the prefix lies in the mapping.
    unsafe { (*prefix(user)).used }
}

/// Tries to make the block at `user` hold `n` bytes without moving it;
/// when it grows, it grows to `cap` (at least `n`) if its reservation
/// allows. On success the block's requested size is `n`.
///
/// # Safety
/// `user` must be a live mapped block.
pub unsafe fn resize_in_place(user: *mut u8, n: usize, cap: usize) -> bool {
    let base = base_of(user);
    let off = user as usize - base as usize;
    // SAFETY: the caller's contract.
    let (len, reserved, used) = unsafe { (len_of(user), (*prefix(user)).reserved, used(user)) };
    let (new_len, new_reserved) = if n <= len - off {
        // Shrinking gives the tail back once it is a quarter of the block;
        // growing into pages the block has keeps them.
        match page_round(off + n) {
            Some(l) if n < used && l <= len - len / 4 => (l, l),
            _ => (len, reserved),
        }
    } else {
        let fits = |v: usize| off.checked_add(v).and_then(page_round).filter(|&l| l <= reserved);
        match fits(cap).or_else(|| fits(n)) {
            Some(l) => (l, reserved),
            None => return false,
        }
    };
    // SAFETY: the pages changed lie beyond the `n` bytes the caller keeps,
    // inside the block's own mapping.
    unsafe {
        if new_reserved < reserved {
            let _ = sys::mem_unmap(base.wrapping_add(new_reserved), reserved - new_reserved);
        } else if new_len > len && sys::mem_protect(base.wrapping_add(len), new_len - len, RW).is_err() {
            return false;
        }
        set_prefix(user, n, new_len, new_reserved);
    }
    true
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::sync::{Mutex, MutexGuard};

    /// Runs a test alone among those that map blocks, with no kept
    /// mappings, so that it knows which mapping it gets.
    pub fn exclusive() -> MutexGuard<'static, ()> {
        static SERIAL: Mutex<()> = Mutex::new(());
        let g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        while let Some(m) = spare::take(0, true) {
            // SAFETY: a kept mapping is nobody's.
            let _ = unsafe { sys::mem_unmap(m.base, m.reserved) };
        }
        g
    }

    fn lens(user: *mut u8) -> (usize, usize) {
        // SAFETY: test blocks are live.
        unsafe { (len_of(user), (*prefix(user)).reserved) }
    }

    #[test]
    fn blocks_start_after_their_prefix_in_a_page_rounded_mapping() {
        let _g = exclusive();
        let u = alloc(300_000, 0).unwrap();
        assert_eq!(u as usize % 4096, PREFIX);
        assert_eq!(lens(u), (303_104, 303_104));
        // SAFETY: the block is live.
        unsafe {
            assert_eq!(used(u), 300_000);
            assert_eq!(usable(u), 303_104 - PREFIX);
            free(u);
        }
    }

    #[test]
    fn aligned_blocks_keep_only_the_pages_they_need() {
        let _g = exclusive();
        for shift in [5, 12, 16, 20] {
            let align = 1usize << shift;
            let u = alloc_aligned(align, 500_000).unwrap();
            assert_eq!(u as usize % align, 0);
            let (len, reserved) = lens(u);
            assert_eq!(len, reserved);
            assert!(len <= 500_000 + PREFIX + 2 * 4096, "align {align}: {len} bytes mapped");
            // SAFETY: the block's own memory, then given up.
            unsafe {
                assert!(usable(u) >= 500_000);
                u.add(499_999).write(1);
                free(u);
            }
        }
    }

    #[test]
    fn growing_uses_the_reservation_and_shrinking_gives_memory_back() {
        let _g = exclusive();
        let u = alloc(300_000, 1 << 20).unwrap();
        assert_eq!(lens(u), (303_104, 1_052_672));
        // SAFETY: the block's own memory; the block stays live throughout.
        unsafe {
            u.write(7);
            assert!(resize_in_place(u, 400_000, 600_000));
            assert_eq!(lens(u), (602_112, 1_052_672));
            u.add(599_999).write(1);
            // Beyond `cap` but within the reservation: exactly `n`.
            assert!(resize_in_place(u, 1_000_000, 2_000_000));
            assert_eq!(lens(u), (1_003_520, 1_052_672));
            assert!(!resize_in_place(u, 1_100_000, 1_100_000));
            assert_eq!(used(u), 1_000_000);
            // A small shrink keeps everything, a large one unmaps the tail.
            assert!(resize_in_place(u, 900_000, 900_000));
            assert_eq!(lens(u), (1_003_520, 1_052_672));
            assert!(resize_in_place(u, 300_000, 300_000));
            assert_eq!(lens(u), (303_104, 303_104));
            assert_eq!(used(u), 300_000);
            assert_eq!(u.read(), 7);
            free(u);
        }
    }
}
