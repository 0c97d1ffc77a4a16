//! The overall match: the leftmost of the longest, found by simulating
//! the NFA over the subject once (Thompson's construction as run by
//! Pike's VM), so time is linear in the subject whatever the pattern.
//!
//! Each thread remembers where its match started. Threads are kept in
//! order of start, so when two reach the same instruction the earlier
//! start wins; a new start is tried at each position only while nothing
//! has matched; once something has, later starts are dropped and the
//! simulation runs on only to find longer matches from that start.

use super::compile::{Inst, Prog};
use super::input::{closure, Input, Unit};
use super::sparse::Sparse;
use super::vec::Vec;
use super::Error;

struct List {
    seen: Sparse,
    /// Consuming and matching instructions with their thread's start.
    threads: Vec<(u32, usize)>,
}

impl List {
    fn new(n: usize) -> Result<List, Error> {
        Ok(List { seen: Sparse::new(n)?, threads: Vec::new() })
    }

    fn clear(&mut self) {
        self.seen.clear();
        self.threads.clear();
    }

    fn add<T: Unit>(&mut self, prog: &Prog, input: &Input<T>, stack: &mut Vec<u32>, pc: u32, pos: usize, start: usize) -> Result<(), Error> {
        let threads = &mut self.threads;
        let mut res = Ok(());
        closure(prog, input, &mut self.seen, stack, pc, pos, u32::MAX, |leaf| {
            if res.is_ok() {
                res = threads.push((leaf, start));
            }
        })?;
        res
    }
}

/// The leftmost-longest match as (start, end), if any. With `any`, the
/// first match found is returned at once (enough to say whether there is
/// one).
pub fn search<T: Unit>(prog: &Prog, input: &Input<T>, any: bool) -> Result<Option<(usize, usize)>, Error> {
    let n = prog.insts.len();
    let (mut cur, mut next) = (List::new(n)?, List::new(n)?);
    let mut stack = Vec::new();
    let mut best: Option<(usize, usize)> = None;
    let mut p = 0;
    loop {
        if best.is_none() {
            if let (true, Some(first)) = (cur.threads.is_empty(), &prog.hints.first) {
                // No thread alive and no empty match: go to where one can start.
                while p < input.len() && !first.contains(input.at(p)) {
                    p += 1;
                }
                if p == input.len() {
                    break;
                }
            }
            cur.add(prog, input, &mut stack, prog.root.entry, p, p)?;
        }
        if cur.threads.is_empty() && best.is_some() {
            break;
        }
        next.clear();
        let c = (p < input.len()).then(|| input.at(p));
        for &(pc, start) in cur.threads.iter() {
            if best.is_some_and(|(s, _)| start > s) {
                break;
            }
            if prog.insts[pc as usize] == Inst::Match {
                if best.is_none_or(|(s, e)| start < s || p > e) {
                    best = Some((start, p));
                }
                if any {
                    return Ok(best);
                }
            } else if c.is_some_and(|c| prog.accepts(pc as usize, c)) {
                next.add(prog, input, &mut stack, pc + 1, p + 1, start)?;
            }
        }
        core::mem::swap(&mut cur, &mut next);
        if p == input.len() {
            break;
        }
        p += 1;
    }
    Ok(best)
}
