//! Shell patterns (cloudlibc's REG_FNMATCH, which fnmatch uses) to the
//! same syntax tree as regular expressions: `?` is any character, `*` any
//! run, `[...]` a bracket expression (negated by `!` or `^`, `\` quoting
//! inside it), `\c` is `c`, and the pattern must match the whole string.
//!
//! REG_FNMATCH_PATHNAME: a `/` is matched only by a `/` in the pattern; a
//! bracket expression holding one makes its `[` an ordinary character,
//! as POSIX says (glibc's fnmatch instead never matches such a pattern).
//! REG_FNMATCH_PERIOD: a period at the start of the string (or of a path
//! component) is matched only by a period in the pattern, so no wildcard
//! may start there. A lone `\` at the end matches nothing (as in glibc).

use super::parse::{Ast, Node, Options, Parser, INF};
use super::set;
use super::vec::Vec;
use super::Error;

pub struct Flags {
    pub pathname: bool,
    pub period: bool,
    pub noescape: bool,
}

const BS: u32 = b'\\' as u32;

pub fn parse_glob(pat: &[u32], opt: &Options, flags: &Flags) -> Result<Ast, Error> {
    let mut p = Parser::new(pat, opt);
    let base = p.stack.len();
    let bol = p.leaf(Node::Bol)?;
    p.stack.push(bol)?;
    while p.pos < pat.len() {
        let c = pat[p.pos];
        p.pos += 1;
        let node = if c == b'?' as u32 {
            let any = p.any(flags)?;
            p.guarded(any, flags)?
        } else if c == b'*' as u32 {
            let any = p.any(flags)?;
            let run = p.node(Node::Repeat(any, 0, INF), 2, false)?;
            p.guarded(run, flags)?
        } else if c == b'[' as u32 {
            match p.glob_bracket(flags)? {
                Some(set) => p.guarded(set, flags)?,
                None => p.leaf(Node::Char(c))?,
            }
        } else if c == BS && !flags.noescape {
            let d = *pat.get(p.pos).ok_or(Error::Escape)?;
            p.pos += 1;
            p.leaf(Node::Char(d))?
        } else {
            p.leaf(Node::Char(c))?
        };
        p.stack.push(node)?;
    }
    let eol = p.leaf(Node::Eol)?;
    p.stack.push(eol)?;
    p.ast.root = p.collect(base, Node::Concat)?;
    Ok(p.ast)
}

impl Parser<'_> {
    /// One character a wildcard may match.
    fn any(&mut self, flags: &Flags) -> Result<u32, Error> {
        if !flags.pathname {
            return self.leaf(Node::Any);
        }
        let not_slash = set::parse(&[b'^' as u32, b'/' as u32, b']' as u32], &mut 0, false, false, &mut self.ast.ranges)?;
        self.ast.sets.push(not_slash)?;
        self.leaf(Node::Set(self.ast.sets.len() as u32 - 1))
    }

    /// `node`, preceded by the FNM_PERIOD check when that flag is set.
    fn guarded(&mut self, node: u32, flags: &Flags) -> Result<u32, Error> {
        if !flags.period {
            return Ok(node);
        }
        let guard = self.leaf(Node::NotLeadingPeriod(flags.pathname))?;
        let first = self.ast.lists.len() as u32;
        self.ast.lists.push(guard)?;
        self.ast.lists.push(node)?;
        let height = self.ast.info[node as usize].height + 1;
        self.node(Node::Concat(first, 2), height, false)
    }

    /// The bracket expression after a `[`, rewritten into regex bracket
    /// syntax (a quoted character becomes the collating symbol `[.c.]`)
    /// and compiled; None, with nothing consumed, when it does not close
    /// or (under PATHNAME) holds a `/`.
    fn glob_bracket(&mut self, flags: &Flags) -> Result<Option<u32>, Error> {
        let pat = self.pat;
        let mut out: Vec<u32> = Vec::new();
        let mut i = self.pos;
        if pat.get(i).is_some_and(|&c| c == b'!' as u32 || c == b'^' as u32) {
            out.push(b'^' as u32)?;
            i += 1;
        }
        let mut first = true;
        loop {
            let Some(&c) = pat.get(i) else { return Ok(None) };
            if c == b']' as u32 && !first {
                out.push(c)?;
                i += 1;
                break;
            }
            first = false;
            let (c, len) = if c == BS && !flags.noescape {
                let Some(&d) = pat.get(i + 1) else { return Ok(None) };
                (d, 2)
            } else {
                (c, 1)
            };
            if flags.pathname && c == b'/' as u32 {
                return Ok(None);
            }
            let delim = pat.get(i + 1).copied().filter(|&d| len == 1 && c == b'[' as u32 && [b':', b'=', b'.'].iter().any(|&x| x as u32 == d));
            if let Some(d) = delim {
                let close = (i + 2..pat.len().saturating_sub(1)).find(|&k| pat[k] == d && pat[k + 1] == b']' as u32);
                let Some(close) = close else { return Ok(None) };
                for &u in &pat[i..close + 2] {
                    out.push(u)?;
                }
                i = close + 2;
            } else if len == 2 {
                for u in [b'[' as u32, b'.' as u32, c, b'.' as u32, b']' as u32] {
                    out.push(u)?;
                }
                i += 2;
            } else {
                out.push(c)?;
                i += 1;
            }
        }
        let mut set = set::parse(&out, &mut 0, self.opt.icase, false, &mut self.ast.ranges)?;
        if flags.pathname {
            set.remove(b'/');
        }
        self.ast.sets.push(set)?;
        self.pos = i;
        Ok(Some(self.leaf(Node::Set(self.ast.sets.len() as u32 - 1))?))
    }
}
