//! A database of one entry, shared by `<pwd.h>` and `<grp.h>`: lookups
//! either find the entry or not, the non-reentrant calls return it in
//! static storage, the `_r` calls build it in the caller's buffer, and
//! enumeration (`get*ent`) returns it once until rewound.

use crate::abi::{c_char, c_int, size_t};
use crate::errno::Errno;
use crate::sync::SpinLock;
use cloudabi::errno;
use core::ptr::null_mut;

/// Copies strings into a buffer for the entry's fields.
pub struct Packer {
    buf: *mut u8,
    left: usize,
}

impl Packer {
    /// # Safety
    /// `buf` must be writable for `len` bytes while the packer is used.
    pub unsafe fn new(buf: *mut c_char, len: size_t) -> Packer {
        Packer { buf: buf.cast(), left: len }
    }

    /// Reserves `n` bytes aligned for `align`; ERANGE if they do not fit.
    pub fn take(&mut self, n: usize, align: usize) -> Result<*mut u8, Errno> {
        let pad = self.buf.align_offset(align);
        if pad.checked_add(n).is_none_or(|need| need > self.left) {
            return Err(errno::RANGE);
        }
        // SAFETY: pad + n bytes are within the buffer (checked above).
        let p = unsafe { self.buf.add(pad) };
        // SAFETY: as above.
        self.buf = unsafe { p.add(n) };
        self.left -= pad + n;
        Ok(p)
    }

    /// Stores `s` with a NUL and returns it as a C string.
    pub fn string(&mut self, s: &[u8]) -> Result<*mut c_char, Errno> {
        let p = self.take(s.len() + 1, 1)?;
        // SAFETY: `take` reserved s.len() + 1 bytes at `p`.
        unsafe {
            core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
            *p.add(s.len()) = 0;
        }
        Ok(p.cast())
    }
}

/// Builds the entry, its strings stored by the packer.
pub type Fill<T> = fn(&mut T, &mut Packer) -> Result<(), Errno>;

struct State<T, const N: usize> {
    entry: T,
    buf: [u64; N],
    /// Whether enumeration has returned the entry since it was rewound.
    enumerated: bool,
}

/// The database: static storage of `N` words for the entry's strings.
pub struct Db<T, const N: usize> {
    state: SpinLock<State<T, N>>,
    fill: Fill<T>,
}

// SAFETY: the entry's pointers point into the same static storage, and all
// access goes through the lock.
unsafe impl<T, const N: usize> Sync for Db<T, N> {}

impl<T, const N: usize> Db<T, N> {
    pub const fn new(empty: T, fill: Fill<T>) -> Self {
        Db { state: SpinLock::new(State { entry: empty, buf: [0; N], enumerated: false }), fill }
    }

    /// The entry in static storage if `found`, else NULL.
    pub fn lookup(&self, found: bool) -> *mut T {
        if !found {
            return null_mut();
        }
        let mut st = self.state.lock();
        let st = &mut *st;
        // SAFETY: the static buffer is writable for its size in bytes.
        let mut pack = unsafe { Packer::new(st.buf.as_mut_ptr().cast(), core::mem::size_of_val(&st.buf)) };
        match (self.fill)(&mut st.entry, &mut pack) {
            Ok(()) => &mut st.entry,
            Err(_) => null_mut(),
        }
    }

    /// The `_r` form: if `found`, builds the entry in `*out` with its
    /// strings in `buf` and points `*result` at it; returns 0 or an error
    /// number (ERANGE for a small buffer).
    ///
    /// # Safety
    /// `out` and `result` must be writable and `buf` writable for `len` bytes.
    pub unsafe fn lookup_r(&self, found: bool, out: *mut T, buf: *mut c_char, len: size_t, result: *mut *mut T) -> c_int {
        // SAFETY: `result` is writable (C contract).
        unsafe { *result = null_mut() };
        if !found {
            return 0;
        }
        // SAFETY: `buf` holds `len` bytes and `out` is writable (C contract).
        let r = unsafe { (self.fill)(&mut *out, &mut Packer::new(buf, len)) };
        match r {
            Ok(()) => {
                // SAFETY: as above.
                unsafe { *result = out };
                0
            }
            Err(e) => e as c_int,
        }
    }

    /// Enumeration: the entry, then NULL until `rewind`.
    pub fn next(&self) -> *mut T {
        let done = core::mem::replace(&mut self.state.lock().enumerated, true);
        self.lookup(!done)
    }

    pub fn rewind(&self) {
        self.state.lock().enumerated = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packer_refuses_what_does_not_fit() {
        let mut buf = [0u8; 8];
        // SAFETY: the buffer is 8 writable bytes.
        let mut p = unsafe { Packer::new(buf.as_mut_ptr().cast(), buf.len()) };
        assert!(p.string(b"abc").is_ok());
        assert!(p.string(b"def").is_ok());
        assert_eq!(p.string(b"").err(), Some(errno::RANGE));
    }
}
