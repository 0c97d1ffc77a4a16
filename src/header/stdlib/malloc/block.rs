//! The 16-byte header in front of every pointer the allocator hands out,
//! and the checks `free` and `realloc` make with it.
//!
//! A header says what kind of block follows (a size-class block, a block
//! mapped on its own, or an aligned pointer inside a larger block) and
//! whether it is in use. Freeing a block that is not in use, or a pointer
//! whose header is not one of ours, aborts with a message instead of
//! corrupting the heap. A class block that was never handed out has an
//! all-zero header (its memory came zeroed from the kernel), which `calloc`
//! uses to skip clearing it.

use crate::sys;

/// Header bytes before each user pointer; also the alignment of every
/// pointer `malloc` returns.
pub const HEADER: usize = 16;

pub const IN_USE: u32 = 0xA110_CA7E;
pub const FREED: u32 = 0xF4EE_F4EE;
/// The state of a class block never handed out: its memory is still zero.
pub const FRESH: u32 = 0;

/// A block of a size class; `size` is the class index.
pub const KIND_CLASS: u32 = 1;
/// A block mapped on its own; `size` is the mapping's length (see
/// `large` for where the mapping starts).
pub const KIND_MAPPED: u32 = 2;
/// An aligned pointer inside a class block; `size` is its distance from
/// the block's own user pointer.
pub const KIND_OFFSET: u32 = 3;

#[repr(C)]
pub struct Header {
    /// Class index, mapping length, or offset back to the real block.
    pub size: usize,
    pub kind: u32,
    pub state: u32,
}

/// The header of the block (or aligned pointer) `user`.
#[inline(always)]
pub fn header(user: *mut u8) -> *mut Header {
    user.wrapping_sub(HEADER).cast()
}

/// Writes an in-use header for `user`.
///
/// # Safety
/// The `HEADER` bytes before `user` must belong to the allocator.
#[inline(always)]
pub unsafe fn mark_in_use(user: *mut u8, kind: u32, size: usize) {
    // SAFETY: the caller's contract.
    unsafe { header(user).write(Header { size, kind, state: IN_USE }) };
}

/// What a live pointer refers to.
pub enum Block {
    /// A class block of class `class`, at its own user pointer.
    Class { class: usize },
    /// A block mapped on its own (see `large`).
    Mapped,
    /// An aligned pointer `offset` bytes into the class block at `real`.
    Offset { real: *mut u8, class: usize, offset: usize },
}

/// Classifies a pointer passed to `free` or `realloc` (`who` names the
/// function in the abort message), aborting on one that is not live.
///
/// # Safety
/// `user` must be readable for its `HEADER` bytes before it, which holds
/// for every pointer the allocator handed out.
#[inline(always)]
pub unsafe fn classify(user: *mut u8, who: &'static [u8]) -> Block {
    if !(user as usize).is_multiple_of(HEADER) {
        misuse(who, b"invalid pointer");
    }
    // SAFETY: the caller's contract.
    let h = unsafe { &*header(user) };
    if h.state != IN_USE {
        misuse(who, if h.state == FREED { b"double free" } else { b"invalid pointer" });
    }
    match h.kind {
        KIND_CLASS if h.size < super::class::NCLASSES => Block::Class { class: h.size },
        KIND_MAPPED => Block::Mapped,
        KIND_OFFSET if h.size % HEADER == 0 && h.size != 0 => {
            let real = user.wrapping_sub(h.size);
            // SAFETY: an offset header points back into a live class
            // block, whose own header precedes it.
            let r = unsafe { &*header(real) };
            if r.kind != KIND_CLASS || r.state != IN_USE || r.size >= super::class::NCLASSES {
                misuse(who, b"invalid pointer");
            }
            Block::Offset { real, class: r.size, offset: h.size }
        }
        _ => misuse(who, b"invalid pointer"),
    }
}

/// Reports heap misuse ("free(): double free") on stderr and aborts.
#[cold]
fn misuse(who: &[u8], what: &[u8]) -> ! {
    // One write, so that the line stays whole when threads race.
    let mut msg = [0u8; 64];
    let mut n = 0;
    for &b in [b"cloudlibc: ".as_slice(), who, b"(): ", what, b"\n"].iter().flat_map(|p| p.iter()) {
        if n < msg.len() {
            msg[n] = b;
            n += 1;
        }
    }
    let _ = sys::fd_write(cloudabi::fd(2), &msg[..n]);
    crate::start::fatal::abort()
}
