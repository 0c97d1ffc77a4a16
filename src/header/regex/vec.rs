//! A growable array of `Copy` values on the C heap, for the regex
//! compiler and matcher: the library has no `alloc` crate, and running out
//! of memory must become `REG_ESPACE` rather than an abort.

use super::Error;
use crate::header::stdlib::malloc::{free, realloc};
use core::ops::{Deref, DerefMut};

pub struct Vec<T: Copy> {
    ptr: *mut T,
    len: usize,
    cap: usize,
}

impl<T: Copy> Vec<T> {
    pub const fn new() -> Vec<T> {
        Vec { ptr: core::ptr::null_mut(), len: 0, cap: 0 }
    }

    /// `n` copies of `v`.
    pub fn filled(n: usize, v: T) -> Result<Vec<T>, Error> {
        let mut a = Vec::new();
        a.reserve(n)?;
        for _ in 0..n {
            a.push(v)?;
        }
        Ok(a)
    }

    /// Makes room for `extra` more elements.
    pub fn reserve(&mut self, extra: usize) -> Result<(), Error> {
        let need = self.len.checked_add(extra).ok_or(Error::Space)?;
        if need <= self.cap {
            return Ok(());
        }
        let cap = need.max(self.cap * 2).max(8);
        let bytes = cap.checked_mul(core::mem::size_of::<T>()).ok_or(Error::Space)?;
        // SAFETY: ptr is null or a block this Vec got from realloc.
        let p = unsafe { realloc(self.ptr.cast(), bytes) }.cast::<T>();
        if p.is_null() {
            return Err(Error::Space);
        }
        self.ptr = p;
        self.cap = cap;
        Ok(())
    }

    pub fn push(&mut self, v: T) -> Result<(), Error> {
        self.reserve(1)?;
        // SAFETY: reserve made room for element `len`.
        unsafe { self.ptr.add(self.len).write(v) };
        self.len += 1;
        Ok(())
    }

    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: element `len` was initialised by push.
        Some(unsafe { self.ptr.add(self.len).read() })
    }

    pub fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }
}

impl<T: Copy> Deref for Vec<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        if self.len == 0 {
            &[]
        } else {
            // SAFETY: the first `len` elements are initialised.
            unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
        }
    }
}

impl<T: Copy> DerefMut for Vec<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        if self.len == 0 {
            &mut []
        } else {
            // SAFETY: the first `len` elements are initialised and owned.
            unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
        }
    }
}

impl<T: Copy> Drop for Vec<T> {
    fn drop(&mut self) {
        // SAFETY: ptr is null or this Vec's own block.
        unsafe { free(self.ptr.cast()) };
    }
}
