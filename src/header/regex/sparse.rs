//! A set of instruction indices with O(1) insert, lookup and clear
//! (Briggs and Torczon's sparse set), the matchers' state sets.

use super::vec::Vec;
use super::Error;

pub struct Sparse {
    dense: Vec<u32>,
    /// `sparse[x]` is x's index in `dense` when x is a member.
    sparse: Vec<u32>,
    len: usize,
}

impl Sparse {
    /// An empty set of numbers below `n`.
    pub fn new(n: usize) -> Result<Sparse, Error> {
        Ok(Sparse { dense: Vec::filled(n, 0)?, sparse: Vec::filled(n, 0)?, len: 0 })
    }

    #[inline]
    pub fn contains(&self, x: u32) -> bool {
        let i = self.sparse[x as usize] as usize;
        i < self.len && self.dense[i] == x
    }

    /// Adds `x`; false when it was already there.
    #[inline]
    pub fn insert(&mut self, x: u32) -> bool {
        if self.contains(x) {
            return false;
        }
        self.dense[self.len] = x;
        self.sparse[x as usize] = self.len as u32;
        self.len += 1;
        true
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The members, in insertion order.
    pub fn members(&self) -> &[u32] {
        &self.dense[..self.len]
    }
}
