//! Bracket expressions (`[a-z[:digit:]]`) and the character classes of
//! the C locale.
//!
//! In the C locale every collating element is a single character, an
//! equivalence class `[=c=]` holds only `c`, and the classes are ASCII's.

use super::vec::Vec;
use super::Error;

/// A character class name of `[:name:]`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    Alnum,
    Alpha,
    Blank,
    Cntrl,
    Digit,
    Graph,
    Lower,
    Print,
    Punct,
    Space,
    Upper,
    Xdigit,
}

impl Class {
    pub fn by_name(name: &[u32]) -> Option<Class> {
        const NAMES: [(&[u8], Class); 12] = [
            (b"alnum", Class::Alnum),
            (b"alpha", Class::Alpha),
            (b"blank", Class::Blank),
            (b"cntrl", Class::Cntrl),
            (b"digit", Class::Digit),
            (b"graph", Class::Graph),
            (b"lower", Class::Lower),
            (b"print", Class::Print),
            (b"punct", Class::Punct),
            (b"space", Class::Space),
            (b"upper", Class::Upper),
            (b"xdigit", Class::Xdigit),
        ];
        NAMES.iter().find(|(n, _)| n.len() == name.len() && n.iter().zip(name).all(|(&a, &b)| a as u32 == b)).map(|&(_, c)| c)
    }

    /// Whether `c` belongs to the class in the C locale.
    pub fn contains(self, c: u32) -> bool {
        let Ok(b) = u8::try_from(c) else { return false };
        match self {
            Class::Alnum => b.is_ascii_alphanumeric(),
            Class::Alpha => b.is_ascii_alphabetic(),
            Class::Blank => b == b' ' || b == b'\t',
            Class::Cntrl => b.is_ascii_control(),
            Class::Digit => b.is_ascii_digit(),
            Class::Graph => b.is_ascii_graphic(),
            Class::Lower => b.is_ascii_lowercase(),
            Class::Print => b.is_ascii_graphic() || b == b' ',
            Class::Punct => b.is_ascii_punctuation(),
            Class::Space => matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
            Class::Upper => b.is_ascii_uppercase(),
            Class::Xdigit => b.is_ascii_hexdigit(),
        }
    }
}

/// The other case of an ASCII letter, else `c` itself.
pub fn other_case(c: u32) -> u32 {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii_lowercase() => b.to_ascii_uppercase() as u32,
        Ok(b) if b.is_ascii_uppercase() => b.to_ascii_lowercase() as u32,
        _ => c,
    }
}

/// A compiled bracket expression.
#[derive(Clone, Copy)]
pub struct Set {
    /// Membership of characters 0-255, final (negation, case folding and
    /// REG_NEWLINE applied).
    low: [u64; 4],
    /// `ranges[first..first + count]` of the owning program: the inclusive
    /// ranges reaching 256 or above.
    first: u32,
    count: u32,
    negated: bool,
}

impl Set {
    /// Whether the set matches `c`; `ranges` is the program's range table.
    #[inline]
    pub fn contains(&self, c: u32, ranges: &[(u32, u32)]) -> bool {
        if c < 256 {
            return self.has(c);
        }
        let mine = &ranges[self.first as usize..(self.first + self.count) as usize];
        mine.iter().any(|&(a, b)| a <= c && c <= b) != self.negated
    }
}

impl Set {
    #[inline]
    fn has(&self, c: u32) -> bool {
        self.low[(c >> 6) as usize] & (1 << (c & 63)) != 0
    }

    fn put(&mut self, c: u32) {
        self.low[(c >> 6) as usize] |= 1 << (c & 63);
    }

    /// Takes `c` (below 256) out of the set.
    pub fn remove(&mut self, c: u8) {
        self.low[(c >> 6) as usize] &= !(1 << (c & 63));
    }
}

/// The end of `[:`, `[=` or `[.` (`delim` is `:`, `=` or `.`): the index
/// of the closing `delim` `]`, searching from `from`.
fn find_close(pat: &[u32], from: usize, delim: u8) -> Option<usize> {
    (from..pat.len().saturating_sub(1)).find(|&i| pat[i] == delim as u32 && pat[i + 1] == b']' as u32)
}

/// One element of a bracket expression.
enum Item {
    Char(u32),
    Class(Class),
    Equiv(u32),
}

/// Reads one element at `*pos`; `[.c.]` yields `Char`.
fn item(pat: &[u32], pos: &mut usize) -> Result<Item, Error> {
    let c = *pat.get(*pos).ok_or(Error::Brack)?;
    if c == b'[' as u32 {
        if let Some(&d) = pat.get(*pos + 1) {
            if d == b':' as u32 || d == b'=' as u32 || d == b'.' as u32 {
                let close = find_close(pat, *pos + 2, d as u8).ok_or(Error::Brack)?;
                let body = &pat[*pos + 2..close];
                *pos = close + 2;
                return if d == b':' as u32 {
                    Class::by_name(body).map(Item::Class).ok_or(Error::Ctype)
                } else if body.len() != 1 {
                    Err(Error::Collate)
                } else if d == b'=' as u32 {
                    Ok(Item::Equiv(body[0]))
                } else {
                    Ok(Item::Char(body[0]))
                };
            }
        }
    }
    *pos += 1;
    Ok(Item::Char(c))
}

/// Builds the set of a bracket expression whose `[` is just before
/// `*pos`; leaves `*pos` after the closing `]`. New ranges above 255 go
/// to `ranges`.
pub fn parse(pat: &[u32], pos: &mut usize, icase: bool, newline: bool, ranges: &mut Vec<(u32, u32)>) -> Result<Set, Error> {
    let mut set = Set { low: [0; 4], first: ranges.len() as u32, count: 0, negated: false };
    if pat.get(*pos) == Some(&(b'^' as u32)) {
        set.negated = true;
        *pos += 1;
    }
    let mut add = |set: &mut Set, a: u32, b: u32| -> Result<(), Error> {
        for c in a..=b.min(255) {
            set.put(c);
        }
        if b >= 256 {
            ranges.push((a.max(256), b))?;
            set.count += 1;
        }
        Ok(())
    };
    let mut first = true;
    loop {
        let c = *pat.get(*pos).ok_or(Error::Brack)?;
        if c == b']' as u32 && !first {
            *pos += 1;
            break;
        }
        first = false;
        let start = item(pat, pos)?;
        let dash = b'-' as u32;
        let is_range = pat.get(*pos) == Some(&dash) && pat.get(*pos + 1).is_some_and(|&n| n != b']' as u32);
        match start {
            Item::Class(class) if !is_range => {
                for c in 0..256 {
                    if class.contains(c) {
                        add(&mut set, c, c)?;
                    }
                }
            }
            Item::Char(a) | Item::Equiv(a) if !is_range => add(&mut set, a, a)?,
            Item::Char(a) => {
                *pos += 1;
                let Item::Char(b) = item(pat, pos)? else { return Err(Error::Range) };
                if a > b {
                    return Err(Error::Range);
                }
                add(&mut set, a, b)?;
                // A range may not start where another ends: `[a-c-e]`.
                if pat.get(*pos) == Some(&dash) && pat.get(*pos + 1).is_some_and(|&n| n != b']' as u32) {
                    return Err(Error::Range);
                }
            }
            Item::Class(_) | Item::Equiv(_) => return Err(Error::Range),
        }
    }
    if icase {
        for c in b'a'..=b'z' {
            let (l, u) = (c as u32, c.to_ascii_uppercase() as u32);
            if set.has(l) || set.has(u) {
                set.put(l);
                set.put(u);
            }
        }
    }
    if set.negated {
        for w in &mut set.low {
            *w = !*w;
        }
        if newline {
            set.low[0] &= !(1 << b'\n');
        }
    }
    Ok(set)
}
