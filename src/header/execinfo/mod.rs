//! `<execinfo.h>`: `backtrace`, `backtrace_symbols`, `backtrace_symbols_fd`
//! (cloudlibc).
//!
//! Walking the stack needs unwind tables and an unwinder. The library does
//! not carry one: `backtrace` uses libgcc's (`_Unwind_Backtrace`) when the
//! program links it (C++ programs do; C programs can add
//! `-Wl,--eh-frame-hdr -lgcc_eh`), and finds it through
//! `_Unwind_Find_FDE` -> `_dl_find_object`. Otherwise it returns 0 frames.
//! Symbol names are never known (no symbol table is loaded), so each
//! frame is shown by address, as `[0x401234]`.

use crate::abi::{c_char, c_int, c_void, size_t};
use crate::header::stdlib::malloc::malloc;
use crate::sys;

type TraceFn = unsafe extern "C" fn(*mut c_void, *mut c_void) -> c_int;
type UnwindBacktrace = unsafe extern "C" fn(TraceFn, *mut c_void) -> c_int;
type UnwindGetIp = unsafe extern "C" fn(*mut c_void) -> usize;

// Weak references: they resolve to the unwinder when the program links
// one, and to null otherwise (without pulling it in).
core::arch::global_asm!(
    ".weak _Unwind_Backtrace",
    ".weak _Unwind_GetIP",
    ".pushsection .data.rel.ro.cloudlibc_unwind, \"aw\"",
    ".p2align 3",
    ".globl __cloudlibc_unwinder",
    ".hidden __cloudlibc_unwinder",
    "__cloudlibc_unwinder:",
    ".quad _Unwind_Backtrace",
    ".quad _Unwind_GetIP",
    ".popsection",
);

#[repr(C)]
struct Unwinder {
    backtrace: Option<UnwindBacktrace>,
    get_ip: Option<UnwindGetIp>,
}

extern "C" {
    static __cloudlibc_unwinder: Unwinder;
}

struct Walk {
    get_ip: UnwindGetIp,
    out: *mut *mut c_void,
    size: usize,
    n: usize,
    /// Frames still to skip (`backtrace` itself).
    skip: usize,
}

const URC_NO_REASON: c_int = 0;
const URC_END_OF_STACK: c_int = 5;

unsafe extern "C" fn step(ctx: *mut c_void, arg: *mut c_void) -> c_int {
    // SAFETY: `arg` is the Walk that `backtrace` passed.
    let w = unsafe { &mut *arg.cast::<Walk>() };
    if w.skip > 0 {
        w.skip -= 1;
        return URC_NO_REASON;
    }
    if w.n == w.size {
        return URC_END_OF_STACK;
    }
    // SAFETY: `ctx` is the unwinder's context for this frame.
    let ip = unsafe { (w.get_ip)(ctx) };
    if ip == 0 {
        return URC_END_OF_STACK;
    }
    // SAFETY: `out` has room for `size` entries (C contract); n < size.
    unsafe { *w.out.add(w.n) = ip as *mut c_void };
    w.n += 1;
    URC_NO_REASON
}

/// cloudlibc `backtrace`: the return addresses of the calling frames,
/// innermost first, at most `size` of them; 0 without an unwinder.
#[cfg_attr(not(test), no_mangle)]
#[inline(never)]
pub unsafe extern "C" fn backtrace(out: *mut *mut c_void, size: size_t) -> size_t {
    // SAFETY: the table is written by the linker and never changes.
    let u = unsafe { &*core::ptr::addr_of!(__cloudlibc_unwinder) };
    let (Some(trace), Some(get_ip)) = (u.backtrace, u.get_ip) else { return 0 };
    let mut w = Walk { get_ip, out, size, n: 0, skip: 1 };
    // SAFETY: `step` matches the callback the unwinder expects.
    unsafe { trace(step, (&mut w as *mut Walk).cast()) };
    w.n
}

/// Longest line: "[0x" + 16 digits + "]" + NUL.
const LINE: usize = 21;

/// Writes `[0x<hex>]` and a NUL into `buf`; returns the length without it.
fn format(addr: usize, buf: &mut [u8; LINE]) -> usize {
    let digits = (usize::BITS - addr.leading_zeros()).div_ceil(4).max(1) as usize;
    buf[..3].copy_from_slice(b"[0x");
    for i in 0..digits {
        let d = (addr >> (4 * (digits - 1 - i))) & 0xf;
        buf[3 + i] = b"0123456789abcdef"[d];
    }
    buf[3 + digits] = b']';
    buf[4 + digits] = 0;
    4 + digits
}

/// cloudlibc `backtrace_symbols`: one malloc'd block holding `n`
/// string pointers and the strings, `[0x<address>]` each; NULL if out of
/// memory.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn backtrace_symbols(addrs: *const *mut c_void, n: size_t) -> *mut *mut c_char {
    let Some(bytes) = n.checked_mul(core::mem::size_of::<*mut c_char>() + LINE) else { return core::ptr::null_mut() };
    let ptrs = n * core::mem::size_of::<*mut c_char>();
    let block = malloc(bytes).cast::<u8>();
    if block.is_null() {
        return core::ptr::null_mut();
    }
    for i in 0..n {
        let mut line = [0u8; LINE];
        // SAFETY: `addrs` holds `n` entries (C contract).
        let len = format(unsafe { *addrs.add(i) } as usize, &mut line);
        // SAFETY: the block has room for n pointers, then n lines.
        unsafe {
            let s = block.add(ptrs + i * LINE);
            core::ptr::copy_nonoverlapping(line.as_ptr(), s, len + 1);
            *block.cast::<*mut c_char>().add(i) = s.cast();
        }
    }
    block.cast()
}

/// cloudlibc `backtrace_symbols_fd`: writes the lines of
/// `backtrace_symbols` to `fd`, one per line, without allocating.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn backtrace_symbols_fd(addrs: *const *mut c_void, size: size_t, fd: c_int) {
    let Ok(f) = sys::to_fd(fd) else { return };
    for i in 0..size {
        let mut line = [0u8; LINE];
        // SAFETY: `addrs` holds `size` entries (C contract).
        let len = format(unsafe { *addrs.add(i) } as usize, &mut line);
        line[len] = b'\n';
        let _ = sys::fd_write(f, &line[..=len]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(addr: usize) -> String {
        let mut buf = [0u8; LINE];
        let n = format(addr, &mut buf);
        String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    #[test]
    fn addresses_are_lowercase_hex_in_brackets() {
        assert_eq!(line(0), "[0x0]");
        assert_eq!(line(0x401a2f), "[0x401a2f]");
        assert_eq!(line(usize::MAX), "[0xffffffffffffffff]");
    }

    #[test]
    fn backtrace_uses_the_linked_unwinder() {
        let mut frames = [core::ptr::null_mut(); 8];
        // SAFETY: the buffer has 8 entries.
        let n = unsafe { backtrace(frames.as_mut_ptr(), 8) };
        assert!(n >= 2, "{n} frames");
        assert!(frames[..n].iter().all(|p| !p.is_null()));
        // SAFETY: as above.
        assert_eq!(unsafe { backtrace(frames.as_mut_ptr(), 0) }, 0);
    }
}
