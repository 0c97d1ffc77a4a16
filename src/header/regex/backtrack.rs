//! Matching with back-references, which no finite automaton can do: a
//! depth-first search over the NFA that tries, at each start position
//! from the left, every way through and keeps the longest match (the
//! first found among equally long ones, in the order greedy repetition
//! and leftmost alternative give). The search can take exponential time,
//! so it counts its steps and gives up with `REG_ESPACE` after `BUDGET`.
//!
//! Deviation from POSIX: with back-references, submatches follow that
//! search order rather than the subexpression rule of the other matcher.

use super::compile::{Inst, Prog};
use super::input::{Input, Unit};
use super::posix::Caps;
use super::set::other_case;
use super::vec::Vec;
use super::Error;

/// Instructions executed before the search gives up (roughly 0.1 s).
const BUDGET: u64 = 1 << 24;

#[derive(Clone, Copy)]
enum Frame {
    /// Try instruction `pc` at position `pos`.
    Try(u32, usize),
    /// Put back register `r`'s earlier value.
    Restore(u32, isize),
}

/// Finds the match, filling `caps` (group 0 included); false if none.
pub fn search<T: Unit>(prog: &Prog, input: &Input<T>, caps: Caps) -> Result<bool, Error> {
    // Registers: each group's start and end, then the loop slots.
    let nregs = 2 * (prog.nsub as usize + 1) + prog.nslots as usize;
    let mut regs = Vec::filled(nregs, -1isize)?;
    let mut best_regs = Vec::filled(nregs, -1isize)?;
    let mut stack: Vec<Frame> = Vec::new();
    let mut steps = 0u64;
    for start in 0..=input.len() {
        let mut best: Option<usize> = None;
        stack.push(Frame::Try(prog.root.entry, start))?;
        while let Some(frame) = stack.pop() {
            let (mut pc, mut pos) = match frame {
                Frame::Restore(r, v) => {
                    regs[r as usize] = v;
                    continue;
                }
                Frame::Try(pc, pos) => (pc as usize, pos),
            };
            loop {
                steps += 1;
                if steps > BUDGET {
                    return Err(Error::Space);
                }
                let inst = prog.insts[pc];
                match inst {
                    Inst::Split(a, b) => {
                        stack.push(Frame::Try(b, pos))?;
                        pc = a as usize;
                    }
                    Inst::Jmp(t) => pc = t as usize,
                    Inst::Loop { to, slot, once } | Inst::Iteration { end: to, slot, once } => {
                        let r = slot_reg(prog, slot);
                        let (more, done) = if matches!(inst, Inst::Loop { .. }) { (to as usize, pc + 1) } else { (pc + 1, to as usize) };
                        pc = if regs[r] != pos as isize {
                            more
                        } else if once && regs[r + 1] == pos as isize {
                            done
                        } else {
                            break;
                        };
                    }
                    Inst::Mark(slot) => {
                        set(&mut stack, &mut regs, slot_reg(prog, slot), pos)?;
                        pc += 1;
                    }
                    Inst::Open(g) => {
                        set(&mut stack, &mut regs, 2 * g as usize, pos)?;
                        pc += 1;
                    }
                    Inst::Close(g) => {
                        set(&mut stack, &mut regs, 2 * g as usize + 1, pos)?;
                        pc += 1;
                    }
                    Inst::Bol | Inst::Eol | Inst::NotLeadingPeriod(_) => {
                        if !input.passes(inst, pos) {
                            break;
                        }
                        pc += 1;
                    }
                    Inst::BackRef(g) => {
                        let (s, e) = (regs[2 * g as usize], regs[2 * g as usize + 1]);
                        if s < 0 || e < 0 {
                            break;
                        }
                        let (s, len) = (s as usize, (e - s) as usize);
                        if pos + len > input.len() || !(0..len).all(|k| same(prog, input.at(s + k), input.at(pos + k))) {
                            break;
                        }
                        steps += len as u64;
                        pos += len;
                        pc += 1;
                    }
                    Inst::Match => {
                        if best.is_none_or(|b| pos > b) {
                            best = Some(pos);
                            best_regs.copy_from_slice(&regs);
                        }
                        break;
                    }
                    _ => {
                        if pos == input.len() || !prog.accepts(pc, input.at(pos)) {
                            break;
                        }
                        pc += 1;
                        pos += 1;
                    }
                }
            }
            if best == Some(input.len()) {
                // Nothing can be longer.
                stack.clear();
            }
        }
        if let Some(end) = best {
            for (g, cap) in caps.iter_mut().enumerate().skip(1) {
                let (s, e) = (best_regs[2 * g], best_regs[2 * g + 1]);
                *cap = if s >= 0 && e >= 0 { (s, e) } else { (-1, -1) };
            }
            if let Some(cap) = caps.first_mut() {
                *cap = (start as isize, end as isize);
            }
            return Ok(true);
        }
    }
    Ok(false)
}

fn slot_reg(prog: &Prog, slot: u32) -> usize {
    2 * (prog.nsub as usize + 1) + slot as usize
}

/// Sets register `r` to `pos`, remembering how to undo it.
fn set(stack: &mut Vec<Frame>, regs: &mut [isize], r: usize, pos: usize) -> Result<(), Error> {
    stack.push(Frame::Restore(r as u32, regs[r]))?;
    regs[r] = pos as isize;
    Ok(())
}

fn same(prog: &Prog, a: u32, b: u32) -> bool {
    a == b || (prog.icase && other_case(a) == b)
}
