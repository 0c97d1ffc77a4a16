//! Regular expression syntax (POSIX basic and extended) to a syntax tree.
//!
//! Where POSIX leaves a construct undefined this parser does what glibc
//! does, so that patterns written for glibc keep their meaning: in EREs
//! an unmatched `)` is literal, `a**` and `a{1}{2}` nest, `{,n}` means
//! `{0,n}`, and a repetition with nothing before it is `REG_BADRPT`; in
//! BREs `*` is literal at the start (also after `\(`, `\|` or a leading
//! `^`), two repetitions in a row are `REG_BADRPT`, and `\|`, `\+` and
//! `\?` are the GNU alternation and repetitions. `\1`-`\9` are back
//! references in both syntaxes. Repetition counts go up to RE_DUP_MAX
//! (255).

use super::set::{self, Set};
use super::vec::Vec;
use super::Error;

/// The largest repetition count (RE_DUP_MAX in <limits.h>).
pub const DUP_MAX: u32 = 255;
/// An unbounded repetition's maximum.
pub const INF: u32 = u32::MAX;
/// The deepest syntax tree accepted; deeper patterns fail with
/// `REG_ESPACE` instead of exhausting the stack later.
const MAX_HEIGHT: u16 = 256;

#[derive(Clone, Copy)]
pub enum Node {
    Empty,
    Char(u32),
    Any,
    Set(u32),
    Bol,
    Eol,
    /// Fails before a period that starts the string (or, when the flag
    /// is set, a path component): fnmatch's FNM_PERIOD.
    NotLeadingPeriod(bool),
    /// Group number (from 1) and its contents.
    Group(u32, u32),
    /// `lists[first..first + count]`.
    Concat(u32, u32),
    Alt(u32, u32),
    /// Contents, minimum, maximum (`INF` when unbounded).
    Repeat(u32, u32, u32),
    BackRef(u32),
}

/// What the compiler needs to know about a subtree without walking it.
#[derive(Clone, Copy)]
pub struct Info {
    pub height: u16,
    pub groups: bool,
}

pub struct Ast {
    pub nodes: Vec<Node>,
    pub info: Vec<Info>,
    pub lists: Vec<u32>,
    pub sets: Vec<Set>,
    pub ranges: Vec<(u32, u32)>,
    pub root: u32,
    pub nsub: u32,
    pub backrefs: bool,
}

pub struct Options {
    pub extended: bool,
    pub icase: bool,
    pub newline: bool,
}

pub(super) struct Parser<'a> {
    pub(super) pat: &'a [u32],
    pub(super) pos: usize,
    pub(super) opt: &'a Options,
    pub(super) ast: Ast,
    /// Children of the sequences being parsed, innermost last.
    pub(super) stack: Vec<u32>,
    /// Groups whose `)` has not been seen yet.
    open: Vec<u32>,
}

const BS: u32 = b'\\' as u32;

fn is(c: Option<u32>, b: u8) -> bool {
    c == Some(b as u32)
}

impl<'a> Parser<'a> {
    pub(super) fn new(pat: &'a [u32], opt: &'a Options) -> Parser<'a> {
        let ast = Ast {
            nodes: Vec::new(),
            info: Vec::new(),
            lists: Vec::new(),
            sets: Vec::new(),
            ranges: Vec::new(),
            root: 0,
            nsub: 0,
            backrefs: false,
        };
        Parser { pat, pos: 0, opt, ast, stack: Vec::new(), open: Vec::new() }
    }
}

pub fn parse(pat: &[u32], opt: &Options) -> Result<Ast, Error> {
    let mut p = Parser::new(pat, opt);
    let root = p.alternation()?;
    if p.pos < pat.len() {
        // Only a BRE's `\)` with no `\(` stops the top level early.
        return Err(Error::Paren);
    }
    p.ast.root = root;
    Ok(p.ast)
}

impl Parser<'_> {
    fn peek(&self) -> Option<u32> {
        self.pat.get(self.pos).copied()
    }

    fn peek2(&self) -> Option<u32> {
        self.pat.get(self.pos + 1).copied()
    }

    /// Whether `\c` (BRE) or `c` (ERE), per `bre_escaped`, comes next.
    fn at_special(&self, c: u8, bre_escaped: bool) -> bool {
        if bre_escaped {
            self.peek() == Some(BS) && is(self.peek2(), c)
        } else {
            is(self.peek(), c)
        }
    }

    fn at_bar(&self) -> bool {
        self.at_special(b'|', !self.opt.extended)
    }

    /// Whether the current group ends here.
    fn at_close(&self) -> bool {
        if self.opt.extended {
            !self.open.is_empty() && is(self.peek(), b')')
        } else {
            self.at_special(b')', true)
        }
    }

    pub(super) fn node(&mut self, n: Node, height: u16, groups: bool) -> Result<u32, Error> {
        if height > MAX_HEIGHT {
            return Err(Error::Space);
        }
        self.ast.nodes.push(n)?;
        self.ast.info.push(Info { height, groups })?;
        Ok(self.ast.nodes.len() as u32 - 1)
    }

    pub(super) fn leaf(&mut self, n: Node) -> Result<u32, Error> {
        self.node(n, 1, false)
    }

    /// Turns the children pushed since `base` into one node made by `make`.
    pub(super) fn collect(&mut self, base: usize, make: fn(u32, u32) -> Node) -> Result<u32, Error> {
        let n = self.stack.len() - base;
        let node = match n {
            0 => self.leaf(Node::Empty)?,
            1 => self.stack[base],
            _ => {
                let first = self.ast.lists.len() as u32;
                let (mut height, mut groups) = (0, false);
                for i in base..self.stack.len() {
                    let child = self.stack[i];
                    self.ast.lists.push(child)?;
                    let info = self.ast.info[child as usize];
                    height = height.max(info.height);
                    groups |= info.groups;
                }
                self.node(make(first, n as u32), height + 1, groups)?
            }
        };
        self.stack.truncate(base);
        Ok(node)
    }

    fn alternation(&mut self) -> Result<u32, Error> {
        let base = self.stack.len();
        loop {
            let branch = self.branch()?;
            self.stack.push(branch)?;
            if !self.at_bar() {
                break;
            }
            self.pos += if self.opt.extended { 1 } else { 2 };
        }
        self.collect(base, Node::Alt)
    }

    fn branch(&mut self) -> Result<u32, Error> {
        let base = self.stack.len();
        // Where a BRE's `*` is literal and its `^` an anchor.
        let mut start = true;
        while self.pos < self.pat.len() && !self.at_bar() && !self.at_close() {
            let (atom, anchor) = if self.opt.extended { self.ere_atom()? } else { self.bre_atom(start)? };
            // A BRE anchor takes no repetition: `^*` is `^` and a literal `*`.
            let node = if anchor && !self.opt.extended { atom } else { self.repetitions(atom, anchor)? };
            self.stack.push(node)?;
            start = start && !self.opt.extended && matches!(self.ast.nodes[atom as usize], Node::Bol);
        }
        self.collect(base, Node::Concat)
    }

    fn group(&mut self) -> Result<u32, Error> {
        self.ast.nsub += 1;
        let g = self.ast.nsub;
        self.open.push(g)?;
        let inner = self.alternation()?;
        if !self.at_close() {
            return Err(Error::Paren);
        }
        self.pos += if self.opt.extended { 1 } else { 2 };
        self.open.pop();
        let info = self.ast.info[inner as usize];
        self.node(Node::Group(g, inner), info.height + 1, true)
    }

    fn char_atom(&mut self, c: u32) -> Result<u32, Error> {
        self.leaf(Node::Char(c))
    }

    fn bracket(&mut self) -> Result<u32, Error> {
        let set = set::parse(self.pat, &mut self.pos, self.opt.icase, self.opt.newline, &mut self.ast.ranges)?;
        self.ast.sets.push(set)?;
        self.leaf(Node::Set(self.ast.sets.len() as u32 - 1))
    }

    fn backref(&mut self, d: u32) -> Result<u32, Error> {
        let g = d - b'0' as u32;
        if g > self.ast.nsub || self.open.contains(&g) {
            return Err(Error::Subreg);
        }
        self.ast.backrefs = true;
        self.leaf(Node::BackRef(g))
    }

    /// An ERE atom, and whether it is an anchor (which may not repeat).
    fn ere_atom(&mut self) -> Result<(u32, bool), Error> {
        let c = self.pat[self.pos];
        self.pos += 1;
        let node = match c as u8 {
            _ if c > 0x7f => self.char_atom(c)?,
            b'(' => self.group()?,
            b'*' | b'+' | b'?' => return Err(Error::Badrpt),
            b'{' if self.peek().is_some_and(|d| is_digit(d) || d == b',' as u32) => return Err(Error::Badrpt),
            b'^' => return Ok((self.leaf(Node::Bol)?, true)),
            b'$' => return Ok((self.leaf(Node::Eol)?, true)),
            b'.' => self.leaf(Node::Any)?,
            b'[' => self.bracket()?,
            b'\\' => {
                let d = self.peek().ok_or(Error::Escape)?;
                self.pos += 1;
                if (b'1' as u32..=b'9' as u32).contains(&d) {
                    self.backref(d)?
                } else {
                    self.char_atom(d)?
                }
            }
            _ => self.char_atom(c)?,
        };
        Ok((node, false))
    }

    /// A BRE atom; `start` says whether it begins the expression (or a
    /// group or alternative).
    fn bre_atom(&mut self, start: bool) -> Result<(u32, bool), Error> {
        let c = self.pat[self.pos];
        self.pos += 1;
        let node = match c as u8 {
            _ if c > 0x7f => self.char_atom(c)?,
            b'^' if start => return Ok((self.leaf(Node::Bol)?, true)),
            b'$' if self.pos == self.pat.len() || self.at_close() || self.at_bar() => return Ok((self.leaf(Node::Eol)?, true)),
            b'.' => self.leaf(Node::Any)?,
            b'[' => self.bracket()?,
            b'\\' => {
                let d = self.peek().ok_or(Error::Escape)?;
                self.pos += 1;
                match d as u8 {
                    _ if d > 0x7f => self.char_atom(d)?,
                    b'(' => self.group()?,
                    b'{' => return Err(Error::Badrpt),
                    b'1'..=b'9' => self.backref(d)?,
                    _ => self.char_atom(d)?,
                }
            }
            _ => self.char_atom(c)?,
        };
        Ok((node, false))
    }

    /// Applies the repetition operators following an atom.
    fn repetitions(&mut self, mut atom: u32, anchor: bool) -> Result<u32, Error> {
        let mut seen = false;
        while let Some((min, max)) = self.repetition()? {
            if anchor || (seen && !self.opt.extended) {
                return Err(Error::Badrpt);
            }
            seen = true;
            atom = self.repeat(atom, min, max)?;
        }
        Ok(atom)
    }

    /// Reads one repetition operator, if one comes next.
    fn repetition(&mut self) -> Result<Option<(u32, u32)>, Error> {
        let ere = self.opt.extended;
        let (op, len) = match (self.peek(), self.peek2()) {
            (Some(c), _) if c == b'*' as u32 => (b'*', 1),
            (Some(c), _) if ere && (c == b'+' as u32 || c == b'?' as u32 || c == b'{' as u32) => (c as u8, 1),
            (Some(BS), Some(c)) if !ere && (c == b'+' as u32 || c == b'?' as u32 || c == b'{' as u32) => (c as u8, 2),
            _ => return Ok(None),
        };
        self.pos += len;
        Ok(Some(match op {
            b'*' => (0, INF),
            b'+' => (1, INF),
            b'?' => (0, 1),
            _ => self.interval()?,
        }))
    }

    /// The `m,n}` of an interval (`m,n\}` in a BRE).
    fn interval(&mut self) -> Result<(u32, u32), Error> {
        let min = self.number();
        let comma = is(self.peek(), b',');
        let max = if comma {
            self.pos += 1;
            self.number()
        } else {
            min
        };
        let closed = if self.opt.extended {
            is(self.peek(), b'}').then_some(1)
        } else {
            (self.peek() == Some(BS) && is(self.peek2(), b'}')).then_some(2)
        };
        let Some(len) = closed else {
            let rest = &self.pat[self.pos..];
            let has_close = rest.contains(&(b'}' as u32));
            return Err(if has_close { Error::Badbr } else { Error::Brace });
        };
        self.pos += len;
        if min.is_none() && !comma {
            return Err(Error::Badbr);
        }
        let (min, max) = (min.unwrap_or(0), max.unwrap_or(INF));
        if min > DUP_MAX || (max != INF && (max > DUP_MAX || max < min)) {
            return Err(Error::Badbr);
        }
        Ok((min, max))
    }

    /// A decimal number, saturating above DUP_MAX.
    fn number(&mut self) -> Option<u32> {
        let mut n: Option<u32> = None;
        while let Some(d) = self.peek().filter(|&d| is_digit(d)) {
            n = Some((n.unwrap_or(0) * 10 + d - b'0' as u32).min(DUP_MAX + 1));
            self.pos += 1;
        }
        n
    }

    /// `atom{min,max}`, merging nested repetitions of a group-free atom
    /// when that keeps the language (`(x{0,b}){c,d}` is `x{0,b*d}`), so
    /// `a{0,255}{0,255}` compiles to one chain rather than 255 copies of one.
    fn repeat(&mut self, atom: u32, min: u32, max: u32) -> Result<u32, Error> {
        let info = self.ast.info[atom as usize];
        if let Node::Repeat(inner, a, b) = self.ast.nodes[atom as usize] {
            if !info.groups && a <= 1 {
                let max = match (b, max) {
                    (0, _) | (_, 0) => 0,
                    (INF, _) | (_, INF) => INF,
                    (b, max) => b.checked_mul(max).filter(|&m| m != INF).ok_or(Error::Space)?,
                };
                self.ast.nodes[atom as usize] = Node::Repeat(inner, a * min, max);
                return Ok(atom);
            }
        }
        self.node(Node::Repeat(atom, min, max), info.height + 1, info.groups)
    }
}

fn is_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}
