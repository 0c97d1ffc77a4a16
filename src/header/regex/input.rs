//! The subject string as the matchers see it, and the non-consuming
//! moves of the NFA that every matcher shares.

use super::compile::{Inst, Prog};
use super::sparse::Sparse;
use super::vec::Vec;
use super::Error;

/// A code unit of a subject: a byte, or a `wchar_t`.
pub trait Unit: Copy {
    fn code(self) -> u32;
}

impl Unit for u8 {
    #[inline]
    fn code(self) -> u32 {
        self as u32
    }
}

impl Unit for i32 {
    #[inline]
    fn code(self) -> u32 {
        self as u32
    }
}

pub struct Input<'a, T: Unit> {
    pub s: &'a [T],
    /// REG_NOTBOL, REG_NOTEOL and REG_NEWLINE.
    pub notbol: bool,
    pub noteol: bool,
    pub newline: bool,
}

impl<T: Unit> Input<'_, T> {
    #[inline]
    pub fn len(&self) -> usize {
        self.s.len()
    }

    #[inline]
    pub fn at(&self, i: usize) -> u32 {
        self.s[i].code()
    }

    /// Whether `^` matches at `p`.
    pub fn bol(&self, p: usize) -> bool {
        if p == 0 {
            !self.notbol
        } else {
            self.newline && self.at(p - 1) == b'\n' as u32
        }
    }

    /// Whether `$` matches at `p`.
    pub fn eol(&self, p: usize) -> bool {
        if p == self.len() {
            !self.noteol
        } else {
            self.newline && self.at(p) == b'\n' as u32
        }
    }

    /// Whether the assertion or other non-consuming instruction `i`
    /// lets a path through at `p`.
    #[inline]
    pub fn passes(&self, i: Inst, p: usize) -> bool {
        match i {
            Inst::Bol => self.bol(p),
            Inst::Eol => self.eol(p),
            Inst::NotLeadingPeriod(pathname) => {
                let leading = p == 0 || (pathname && self.at(p - 1) == b'/' as u32);
                !(leading && p < self.len() && self.at(p) == b'.' as u32)
            }
            _ => true,
        }
    }
}

/// Follows the non-consuming moves from `from` at position `pos`,
/// adding every instruction reached to `set` (so each is visited once)
/// and handing `leaf` those that consume, match or refer back, and
/// `stop`, which is not followed further.
#[allow(clippy::too_many_arguments)]
pub fn closure<T: Unit>(
    prog: &Prog,
    input: &Input<T>,
    set: &mut Sparse,
    stack: &mut Vec<u32>,
    from: u32,
    pos: usize,
    stop: u32,
    mut leaf: impl FnMut(u32),
) -> Result<(), Error> {
    stack.push(from)?;
    while let Some(pc) = stack.pop() {
        if !set.insert(pc) {
            continue;
        }
        if pc == stop {
            leaf(pc);
            continue;
        }
        match prog.insts[pc as usize] {
            Inst::Split(a, b) => {
                stack.push(b)?;
                stack.push(a)?;
            }
            Inst::Jmp(t) | Inst::Loop { to: t, .. } => stack.push(t)?,
            i @ (Inst::Bol
            | Inst::Eol
            | Inst::NotLeadingPeriod(_)
            | Inst::Open(_)
            | Inst::Close(_)
            | Inst::Mark(_)
            | Inst::Iteration { .. }) => {
                if input.passes(i, pos) {
                    stack.push(pc + 1)?;
                }
            }
            _ => leaf(pc),
        }
    }
    Ok(())
}
