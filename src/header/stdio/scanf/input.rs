//! What scanf reads from: a string (narrow or wide) or a locked stream.
//! The engine looks at the next character before deciding to take it, so
//! a character that ends a field stays unread, which is the one character
//! of pushback C allows.

use crate::header::stdio::file::Stream;
use crate::header::stdio::printf::parse::Unit;

pub trait Input {
    /// The next character, without taking it; `None` at end of input.
    fn peek(&mut self) -> Option<u32>;
    /// Takes the character `peek` returned.
    fn advance(&mut self);
    /// Characters taken so far (`%n`).
    fn taken(&self) -> usize;
}

/// A NUL-terminated string of `char` or `wchar_t`.
pub struct StrInput<U: Unit> {
    p: *const U,
    taken: usize,
}

impl<U: Unit> StrInput<U> {
    /// # Safety
    /// `p` points at a NUL-terminated string that outlives the input.
    pub unsafe fn new(p: *const U) -> Self {
        StrInput { p, taken: 0 }
    }
}

impl<U: Unit> Input for StrInput<U> {
    #[inline]
    fn peek(&mut self) -> Option<u32> {
        // SAFETY: `p` never moves past the NUL (see `advance`).
        let c = unsafe { (*self.p).code() };
        if c == 0 {
            None
        } else {
            Some(c)
        }
    }

    #[inline]
    fn advance(&mut self) {
        // SAFETY: only called after `peek` saw a character other than NUL.
        self.p = unsafe { self.p.add(1) };
        self.taken += 1;
    }

    fn taken(&self) -> usize {
        self.taken
    }
}

/// A stream, read through its buffer.
pub struct FileInput<'a> {
    s: &'a mut Stream,
    taken: usize,
}

impl<'a> FileInput<'a> {
    pub fn new(s: &'a mut Stream) -> Self {
        FileInput { s, taken: 0 }
    }
}

impl Input for FileInput<'_> {
    #[inline]
    fn peek(&mut self) -> Option<u32> {
        if self.s.available().is_empty() && !self.s.fill() {
            return None;
        }
        Some(u32::from(self.s.available()[0]))
    }

    #[inline]
    fn advance(&mut self) {
        self.s.consume(1);
        self.taken += 1;
    }

    fn taken(&self) -> usize {
        self.taken
    }
}
