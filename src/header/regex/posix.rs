//! Submatches under POSIX's rule, once the overall match is known:
//! "consistent with the whole match being the longest of the leftmost
//! matches, each subpattern, from left to right, shall match the
//! longest possible string", where a repeated group reports its last
//! iteration, and a group inside it that took no part in that iteration
//! is unset.
//!
//! Only subexpressions containing groups are looked into. For a
//! concatenation matching `[i, j]`, each element in turn takes the
//! longest stretch after which the rest can still end exactly at `j`;
//! an iteration of a repetition likewise takes the longest stretch after
//! which the remaining iterations can still end at `j` (non-empty, unless
//! a mandatory iteration needs to be empty, or the whole repetition is
//! empty and one empty iteration is possible); an alternation takes its
//! first alternative that matches `[i, j]` exactly. "Can still end at j"
//! comes from one backward simulation over the subexpression's code per
//! decision level, and each element's candidates from a forward
//! simulation of that element alone, so the work is proportional to the
//! match length times the pattern size per nesting level.

use super::compile::{Child, Prog, ShapeKind, NONE};
use super::input::{closure, Input, Unit};
use super::sparse::Sparse;
use super::vec::Vec;
use super::Error;

/// Capture offsets: `caps[g]` is group g's (start, end), -1 when unset.
pub type Caps<'a> = &'a mut [(isize, isize)];

/// Sets `caps[1..]` for the match `[start, end]`.
pub fn submatches<T: Unit>(prog: &Prog, input: &Input<T>, start: usize, end: usize, caps: Caps) -> Result<(), Error> {
    if prog.root.shape == NONE || caps.len() < 2 {
        return Ok(());
    }
    let n = prog.insts.len();
    let mut r = Resolver { prog, input, a: Sparse::new(n)?, b: Sparse::new(n)?, stack: Vec::new(), caps };
    r.resolve(prog.root, start, end)
}

struct Resolver<'a, 'c, T: Unit> {
    prog: &'a Prog,
    input: &'a Input<'a, T>,
    a: Sparse,
    b: Sparse,
    stack: Vec<u32>,
    caps: Caps<'c>,
}

/// Bits per position of a span and per checkpoint instruction.
struct Table {
    bits: Vec<u64>,
    width: usize,
}

impl Table {
    fn get(&self, offset: usize, checkpoint: usize) -> bool {
        let i = offset * self.width + checkpoint;
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

impl<T: Unit> Resolver<'_, '_, T> {
    /// For every position q of `[i, j]` and every checkpoint, whether a
    /// path from that instruction at q through `range` reaches the end of
    /// `range` exactly at `j`.
    fn viable(&mut self, range: Child, i: usize, j: usize, checkpoints: &[u32]) -> Result<Table, Error> {
        let (prog, input) = (self.prog, self.input);
        let width = checkpoints.len();
        let mut bits = Vec::filled(((j - i + 1) * width).div_ceil(64), 0u64)?;
        let (cur, next, stack) = (&mut self.a, &mut self.b, &mut self.stack);
        next.clear();
        for q in (i..=j).rev() {
            cur.clear();
            if q == j {
                stack.push(range.exit)?;
            } else {
                let c = input.at(q);
                for &t in next.members() {
                    let s = t.wrapping_sub(1);
                    if t > range.entry && s < range.exit && prog.insts[s as usize].consumes() && prog.accepts(s as usize, c) {
                        stack.push(s)?;
                    }
                }
            }
            while let Some(t) = stack.pop() {
                if !cur.insert(t) {
                    continue;
                }
                for &s in prog.preds(t as usize) {
                    if (range.entry..range.exit).contains(&s) && !cur.contains(s) && input.passes(prog.insts[s as usize], q) {
                        stack.push(s)?;
                    }
                }
            }
            for (k, &c) in checkpoints.iter().enumerate() {
                if cur.contains(c) {
                    let bit = (q - i) * width + k;
                    bits[bit / 64] |= 1 << (bit % 64);
                }
            }
            core::mem::swap(cur, next);
        }
        Ok(Table { bits, width })
    }

    /// The largest q in `[p, j]` such that `kid` run alone from p ends at
    /// q and `ok(q)`.
    fn longest(&mut self, kid: Child, p: usize, j: usize, ok: impl Fn(usize) -> bool) -> Result<Option<usize>, Error> {
        let (prog, input) = (self.prog, self.input);
        let (mut cur, mut next, stack) = (&mut self.a, &mut self.b, &mut self.stack);
        cur.clear();
        closure(prog, input, cur, stack, kid.entry, p, kid.exit, |_| {})?;
        let mut best = None;
        let mut q = p;
        loop {
            if cur.contains(kid.exit) && ok(q) {
                best = Some(q);
            }
            if q == j || cur.is_empty() {
                return Ok(best);
            }
            next.clear();
            let c = input.at(q);
            for &s in cur.members() {
                if s != kid.exit && prog.insts[s as usize].consumes() && prog.accepts(s as usize, c) {
                    closure(prog, input, next, stack, s + 1, q + 1, kid.exit, |_| {})?;
                }
            }
            core::mem::swap(&mut cur, &mut next);
            q += 1;
        }
    }

    /// Resolves the groups inside `node`, which matched `[i, j]`.
    fn resolve(&mut self, node: Child, i: usize, j: usize) -> Result<(), Error> {
        let prog = self.prog;
        let shape = prog.shapes[node.shape as usize];
        let kids = &prog.children[shape.first as usize..(shape.first + shape.count) as usize];
        match shape.kind {
            ShapeKind::Group(g) => {
                if let Some(cap) = self.caps.get_mut(g as usize) {
                    *cap = (i as isize, j as isize);
                }
                self.descend(kids[0], i, j)
            }
            ShapeKind::Alt => {
                for &kid in kids {
                    if self.longest(kid, i, j, |q| q == j)?.is_some() {
                        return self.descend(kid, i, j);
                    }
                }
                Ok(())
            }
            ShapeKind::Concat => {
                let mut checkpoints = Vec::new();
                for kid in &kids[..kids.len() - 1] {
                    checkpoints.push(kid.exit)?;
                }
                let table = self.viable(node, i, j, &checkpoints)?;
                let mut spans: Vec<(usize, usize)> = Vec::new();
                let mut p = i;
                for (k, &kid) in kids[..kids.len() - 1].iter().enumerate() {
                    let q = self.longest(kid, p, j, |q| table.get(q - i, k))?.unwrap_or(p);
                    spans.push((p, q))?;
                    p = q;
                }
                spans.push((p, j))?;
                drop(table);
                for (&kid, &(p, q)) in kids.iter().zip(spans.iter()) {
                    self.descend(kid, p, q)?;
                }
                Ok(())
            }
            ShapeKind::Repeat { min, looping } => {
                if kids.is_empty() {
                    return Ok(());
                }
                let mut checkpoints = Vec::new();
                for kid in kids {
                    checkpoints.push(kid.exit)?;
                }
                let table = self.viable(node, i, j, &checkpoints)?;
                let min = min as usize;
                let (mut p, mut k) = (i, 0);
                let mut last = None;
                loop {
                    let copy = if looping { k.min(min) } else { k };
                    let mandatory = k < min;
                    if copy >= kids.len() || (!mandatory && p == j) {
                        break;
                    }
                    let from = p;
                    let ok = |q: usize| (mandatory || q > from) && table.get(q - i, copy);
                    let Some(q) = self.longest(kids[copy], p, j, ok)? else { break };
                    last = Some((copy, p, q));
                    p = q;
                    k += 1;
                }
                if last.is_none() && i == j && self.longest(kids[0], i, i, |_| table.get(0, 0))?.is_some() {
                    last = Some((0, i, i));
                }
                drop(table);
                match last {
                    Some((copy, p, q)) => self.descend(kids[copy], p, q),
                    None => Ok(()),
                }
            }
        }
    }

    fn descend(&mut self, kid: Child, i: usize, j: usize) -> Result<(), Error> {
        if kid.shape == NONE {
            Ok(())
        } else {
            self.resolve(kid, i, j)
        }
    }
}
