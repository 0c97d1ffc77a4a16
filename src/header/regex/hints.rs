//! Facts about every match, read off the syntax tree, that let the
//! matchers skip work: a character every match contains (a subject
//! without it cannot match), and the characters a match can start with
//! (positions where no thread is alive can be passed over quickly).

use super::parse::{Ast, Node};
use super::set::other_case;

/// A set of characters: a bitmap of 0-255 and one bit for all others.
#[derive(Clone, Copy)]
pub struct First {
    bytes: [u64; 4],
    wide: bool,
}

impl First {
    const NONE: First = First { bytes: [0; 4], wide: false };
    const ALL: First = First { bytes: [!0; 4], wide: true };

    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        if c < 256 {
            self.bytes[(c >> 6) as usize] & (1 << (c & 63)) != 0
        } else {
            self.wide
        }
    }

    fn add(&mut self, c: u32) {
        if c < 256 {
            self.bytes[(c >> 6) as usize] |= 1 << (c & 63);
        } else {
            self.wide = true;
        }
    }

    fn union(&mut self, o: &First) {
        for (a, b) in self.bytes.iter_mut().zip(o.bytes) {
            *a |= b;
        }
        self.wide |= o.wide;
    }
}

pub struct Hints {
    pub required: Required,
    /// None when some match may be empty.
    pub first: Option<First>,
}

pub fn hints(ast: &Ast, icase: bool) -> Hints {
    let (first, nullable) = first(ast, ast.root, icase);
    Hints { required: required(ast, ast.root), first: (!nullable).then_some(first) }
}

/// Up to 8 characters that every match contains.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Required {
    chars: [u32; 8],
    len: usize,
}

impl Required {
    const NONE: Required = Required { chars: [0; 8], len: 0 };

    pub fn chars(&self) -> &[u32] {
        &self.chars[..self.len]
    }

    fn add(&mut self, c: u32) {
        if self.len < self.chars.len() && !self.chars().contains(&c) {
            self.chars[self.len] = c;
            self.len += 1;
        }
    }
}

/// Characters in every match of `n`.
fn required(ast: &Ast, n: u32) -> Required {
    let list = |first: u32, count: u32| &ast.lists[first as usize..(first + count) as usize];
    match ast.nodes[n as usize] {
        Node::Char(c) => {
            let mut r = Required::NONE;
            r.add(c);
            r
        }
        Node::Group(_, x) => required(ast, x),
        Node::Repeat(x, min, _) if min > 0 => required(ast, x),
        Node::Concat(f, k) => {
            let mut r = Required::NONE;
            for &x in list(f, k) {
                for &c in required(ast, x).chars() {
                    r.add(c);
                }
            }
            r
        }
        Node::Alt(f, k) => {
            let mut alts = list(f, k).iter().map(|&x| required(ast, x));
            let mut r = alts.next().unwrap_or(Required::NONE);
            for o in alts {
                let mut both = Required::NONE;
                for &c in r.chars() {
                    if o.chars().contains(&c) {
                        both.add(c);
                    }
                }
                r = both;
            }
            r
        }
        _ => Required::NONE,
    }
}

/// The characters a non-empty match of `n` can start with, and whether
/// `n` can match the empty string.
fn first(ast: &Ast, n: u32, icase: bool) -> (First, bool) {
    let list = |first: u32, count: u32| &ast.lists[first as usize..(first + count) as usize];
    match ast.nodes[n as usize] {
        Node::Empty | Node::Bol | Node::Eol | Node::NotLeadingPeriod(_) => (First::NONE, true),
        Node::Char(c) => {
            let mut f = First::NONE;
            f.add(c);
            if icase {
                f.add(other_case(c));
            }
            (f, false)
        }
        Node::Any => (First::ALL, false),
        Node::BackRef(_) => (First::ALL, true),
        Node::Set(s) => {
            let set = &ast.sets[s as usize];
            let mut f = First { bytes: [0; 4], wide: true };
            for c in 0..256 {
                if set.contains(c, &ast.ranges) {
                    f.add(c);
                }
            }
            (f, false)
        }
        Node::Group(_, x) => first(ast, x, icase),
        Node::Repeat(_, _, 0) => (First::NONE, true),
        Node::Repeat(x, min, _) => {
            let (f, nullable) = first(ast, x, icase);
            (f, nullable || min == 0)
        }
        Node::Concat(f, k) => {
            let mut acc = First::NONE;
            for &x in list(f, k) {
                let (fx, nullable) = first(ast, x, icase);
                acc.union(&fx);
                if !nullable {
                    return (acc, false);
                }
            }
            (acc, true)
        }
        Node::Alt(f, k) => {
            let mut acc = First::NONE;
            let mut any_nullable = false;
            for &x in list(f, k) {
                let (fx, nullable) = first(ast, x, icase);
                acc.union(&fx);
                any_nullable |= nullable;
            }
            (acc, any_nullable)
        }
    }
}
