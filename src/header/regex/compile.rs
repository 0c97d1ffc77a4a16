//! Syntax tree to a program for the matchers: a Thompson NFA laid out so
//! that every subexpression's code is one contiguous range of
//! instructions, entered at its first and left at the instruction just
//! after it. The submatch pass relies on that: it runs a subexpression
//! alone by simulating its range and treating the end as accepting.
//!
//! Counted repetitions are expanded into copies (`x{2,4}` is `xx(x(x)?)?`,
//! each copy its own range); `*` and the open end of `{m,}` loop.

use super::hints::{hints, Hints};
use super::parse::{Ast, Node, INF};
use super::set::{other_case, Set};
use super::vec::Vec;
use super::Error;

/// Instructions beyond this fail with `REG_ESPACE` (a program this size
/// takes about 12 MB).
const MAX_INSTS: usize = 1 << 20;

/// No shape: a subexpression without groups, which the submatch pass
/// never needs to look inside.
pub const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Inst {
    /// Consume this character.
    Char(u32),
    /// Consume a character of set `n`.
    Set(u32),
    /// Consume any character.
    Any,
    /// Consume any character but newline (`.` under REG_NEWLINE).
    AnyButNewline,
    /// Continue at both; the first is preferred by the backtracker.
    Split(u32, u32),
    Jmp(u32),
    /// Start-of-line and end-of-line assertions.
    Bol,
    Eol,
    /// Fails before a leading period (see `Node::NotLeadingPeriod`).
    NotLeadingPeriod(bool),
    /// Start and end of group `n`.
    Open(u32),
    Close(u32),
    /// Match the text group `n` matched.
    BackRef(u32),
    /// Remembers the position in slot `n`: at the start of a loop body,
    /// so the backtracker can refuse an iteration that matched nothing,
    /// and (slot `n + 1` of the same loop) where an optional loop starts.
    Mark(u32),
    /// End of a loop body: back to the loop's split `to`. An iteration
    /// that matched nothing ends the loop instead when `once` (a `*` or
    /// `{0,}`) and it is the first, else the path fails (the rule of the
    /// submatch pass: no empty iteration unless the repetition matches
    /// nothing at all).
    Loop { to: u32, slot: u32, once: bool },
    /// End of an optional copy of a bounded repetition: on to the next
    /// instruction; an iteration that matched nothing goes to the
    /// repetition's `end` under the same rule as `Loop`, or fails.
    Iteration { end: u32, slot: u32, once: bool },
    Match,
}

impl Inst {
    /// Whether the instruction consumes a character (and then goes on at
    /// the next instruction).
    pub fn consumes(self) -> bool {
        matches!(self, Inst::Char(_) | Inst::Set(_) | Inst::Any | Inst::AnyButNewline)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ShapeKind {
    Group(u32),
    Concat,
    Alt,
    /// Copies in order: `min` mandatory ones, then either the optional
    /// ones (bounded) or one loop body (`looping`).
    Repeat { min: u32, looping: bool },
}

/// The structure of a subexpression that contains groups: its kind and
/// its direct subexpressions (`children[first..first + count]`).
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub kind: ShapeKind,
    pub first: u32,
    pub count: u32,
}

/// A subexpression's code range `[entry, exit)`, and its shape or NONE.
#[derive(Clone, Copy, Debug)]
pub struct Child {
    pub entry: u32,
    pub exit: u32,
    pub shape: u32,
}

pub struct Prog {
    pub insts: Vec<Inst>,
    pub sets: Vec<Set>,
    pub ranges: Vec<(u32, u32)>,
    pub shapes: Vec<Shape>,
    pub children: Vec<Child>,
    /// The whole expression (its exit is the `Match` instruction).
    pub root: Child,
    /// Predecessors over non-consuming edges, for the submatch pass's
    /// backward simulation: those of `pc` are `rev_src[rev_at[pc]..rev_at[pc + 1]]`.
    pub rev_at: Vec<u32>,
    pub rev_src: Vec<u32>,
    pub nsub: u32,
    /// Loop slots used by `Mark`/`Loop`.
    pub nslots: u32,
    pub icase: bool,
    pub backrefs: bool,
    pub hints: Hints,
}

impl Prog {
    /// Whether consuming instruction `pc` accepts `c`.
    #[inline]
    pub fn accepts(&self, pc: usize, c: u32) -> bool {
        match self.insts[pc] {
            Inst::Char(x) => c == x || (self.icase && other_case(c) == x),
            Inst::Set(n) => self.sets[n as usize].contains(c, &self.ranges),
            Inst::Any => true,
            Inst::AnyButNewline => c != b'\n' as u32,
            _ => false,
        }
    }

    /// Non-consuming predecessors of `pc`.
    pub fn preds(&self, pc: usize) -> &[u32] {
        &self.rev_src[self.rev_at[pc] as usize..self.rev_at[pc + 1] as usize]
    }
}

struct Compiler<'a> {
    ast: &'a Ast,
    prog: Prog,
    newline: bool,
}

pub fn compile(ast: Ast, icase: bool, newline: bool) -> Result<Prog, Error> {
    let mut c = Compiler {
        ast: &ast,
        prog: Prog {
            insts: Vec::new(),
            sets: Vec::new(),
            ranges: Vec::new(),
            shapes: Vec::new(),
            children: Vec::new(),
            root: Child { entry: 0, exit: 0, shape: NONE },
            rev_at: Vec::new(),
            rev_src: Vec::new(),
            nsub: ast.nsub,
            nslots: 0,
            icase,
            backrefs: ast.backrefs,
            hints: hints(&ast, icase),
        },
        newline,
    };
    let root = c.node(ast.root)?;
    c.emit(Inst::Match)?;
    let mut prog = c.prog;
    prog.root = root;
    if !prog.shapes.is_empty() {
        predecessors(&mut prog)?;
    }
    let Ast { sets, ranges, .. } = ast;
    prog.sets = sets;
    prog.ranges = ranges;
    Ok(prog)
}

/// Fills `rev_at`/`rev_src` (a compressed adjacency list).
fn predecessors(prog: &mut Prog) -> Result<(), Error> {
    let n = prog.insts.len();
    let mut count = Vec::filled(n + 1, 0u32)?;
    let each = |insts: &[Inst], pc: usize, f: &mut dyn FnMut(usize)| match insts[pc] {
        Inst::Split(a, b) => {
            f(a as usize);
            f(b as usize);
        }
        Inst::Jmp(t) | Inst::Loop { to: t, .. } => f(t as usize),
        Inst::Bol | Inst::Eol | Inst::NotLeadingPeriod(_) | Inst::Open(_) | Inst::Close(_) | Inst::Mark(_) | Inst::Iteration { .. } => {
            f(pc + 1)
        }
        _ => {}
    };
    for pc in 0..n {
        each(&prog.insts, pc, &mut |t| count[t] += 1);
    }
    let mut at = Vec::filled(n + 1, 0u32)?;
    let mut sum = 0;
    for pc in 0..n {
        at[pc] = sum;
        sum += count[pc];
    }
    at[n] = sum;
    let mut src = Vec::filled(sum as usize, 0u32)?;
    let mut fill = Vec::filled(n, 0u32)?;
    fill.copy_from_slice(&at[..n]);
    for pc in 0..n {
        each(&prog.insts, pc, &mut |t| {
            src[fill[t] as usize] = pc as u32;
            fill[t] += 1;
        });
    }
    prog.rev_at = at;
    prog.rev_src = src;
    Ok(())
}

impl Compiler<'_> {
    fn pc(&self) -> u32 {
        self.prog.insts.len() as u32
    }

    fn emit(&mut self, i: Inst) -> Result<u32, Error> {
        if self.prog.insts.len() >= MAX_INSTS {
            return Err(Error::Space);
        }
        self.prog.insts.push(i)?;
        Ok(self.pc() - 1)
    }

    /// Records a shape whose children are `kids` (already compiled).
    fn shape(&mut self, kind: ShapeKind, kids: &[Child]) -> Result<u32, Error> {
        let first = self.prog.children.len() as u32;
        for &k in kids {
            self.prog.children.push(k)?;
        }
        self.prog.shapes.push(Shape { kind, first, count: kids.len() as u32 })?;
        Ok(self.prog.shapes.len() as u32 - 1)
    }

    /// Compiles node `n` at the end of the program.
    fn node(&mut self, n: u32) -> Result<Child, Error> {
        let entry = self.pc();
        let groups = self.ast.info[n as usize].groups;
        let mut kids: Vec<Child> = Vec::new();
        let kind = match self.ast.nodes[n as usize] {
            Node::Empty => None,
            Node::Char(c) => {
                self.emit(Inst::Char(c))?;
                None
            }
            Node::Any => {
                self.emit(if self.newline { Inst::AnyButNewline } else { Inst::Any })?;
                None
            }
            Node::Set(s) => {
                self.emit(Inst::Set(s))?;
                None
            }
            Node::Bol => {
                self.emit(Inst::Bol)?;
                None
            }
            Node::Eol => {
                self.emit(Inst::Eol)?;
                None
            }
            Node::NotLeadingPeriod(pathname) => {
                self.emit(Inst::NotLeadingPeriod(pathname))?;
                None
            }
            Node::BackRef(g) => {
                self.emit(Inst::BackRef(g))?;
                None
            }
            Node::Group(g, inner) => {
                self.emit(Inst::Open(g))?;
                kids.push(self.node(inner)?)?;
                self.emit(Inst::Close(g))?;
                Some(ShapeKind::Group(g))
            }
            Node::Concat(first, count) => {
                for i in first..first + count {
                    kids.push(self.node(self.ast.lists[i as usize])?)?;
                }
                Some(ShapeKind::Concat)
            }
            Node::Alt(first, count) => {
                let mut jumps: Vec<u32> = Vec::new();
                for i in first..first + count {
                    let last = i + 1 == first + count;
                    let split = if last { None } else { Some(self.emit(Inst::Split(0, 0))?) };
                    kids.push(self.node(self.ast.lists[i as usize])?)?;
                    if let Some(split) = split {
                        jumps.push(self.emit(Inst::Jmp(0))?)?;
                        self.prog.insts[split as usize] = Inst::Split(split + 1, self.pc());
                    }
                }
                let end = self.pc();
                for &j in jumps.iter() {
                    self.prog.insts[j as usize] = Inst::Jmp(end);
                }
                Some(ShapeKind::Alt)
            }
            Node::Repeat(inner, min, max) => {
                for _ in 0..min {
                    kids.push(self.node(inner)?)?;
                }
                // Only the backtracker (back-references) needs the guards
                // against empty iterations; the automata ignore them.
                let guard = self.ast.backrefs && max > min;
                let slot = self.prog.nslots;
                let once = min == 0;
                if guard {
                    self.prog.nslots += 2;
                    if once {
                        self.emit(Inst::Mark(slot + 1))?;
                    }
                }
                if max == INF {
                    let split = self.emit(Inst::Split(0, 0))?;
                    let entry = if guard { self.emit(Inst::Mark(slot))? } else { self.pc() };
                    let body = self.node(inner)?;
                    let back = self.emit(if guard { Inst::Loop { to: split, slot, once } } else { Inst::Jmp(split) })?;
                    self.prog.insts[split as usize] = Inst::Split(entry, back + 1);
                    kids.push(Child { entry, exit: back, shape: body.shape })?;
                } else {
                    let mut patch: Vec<u32> = Vec::new();
                    for _ in min..max {
                        patch.push(self.emit(Inst::Split(0, 0))?)?;
                        let entry = if guard { self.emit(Inst::Mark(slot))? } else { self.pc() };
                        let copy = self.node(inner)?;
                        if guard {
                            patch.push(self.emit(Inst::Iteration { end: 0, slot, once })?)?;
                        }
                        kids.push(Child { entry, exit: copy.exit, shape: copy.shape })?;
                    }
                    let end = self.pc();
                    for &s in patch.iter() {
                        self.prog.insts[s as usize] = match self.prog.insts[s as usize] {
                            Inst::Iteration { slot, once, .. } => Inst::Iteration { end, slot, once },
                            _ => Inst::Split(s + 1, end),
                        };
                    }
                }
                Some(ShapeKind::Repeat { min, looping: max == INF })
            }
        };
        let shape = match kind {
            Some(kind) if groups => self.shape(kind, &kids)?,
            _ => NONE,
        };
        Ok(Child { entry, exit: self.pc(), shape })
    }
}
