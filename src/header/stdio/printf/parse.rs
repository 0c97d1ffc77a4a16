//! Parsing one conversion specification:
//! `%[n$][flags][width|*|*m$][.prec|.*|.*m$][length]conversion`.

/// A character of a format string: `char` or `wchar_t`.
pub trait Unit: Copy {
    fn code(self) -> u32;
}

impl Unit for u8 {
    #[inline]
    fn code(self) -> u32 {
        u32::from(self)
    }
}

impl Unit for u32 {
    #[inline]
    fn code(self) -> u32 {
        self
    }
}

pub const MINUS: u8 = 1;
pub const PLUS: u8 = 2;
pub const SPACE: u8 = 4;
pub const HASH: u8 = 8;
pub const ZERO: u8 = 16;

/// A width or precision as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Num {
    None,
    Fixed(usize),
    /// `*` (next argument) or `*m$` (argument m).
    Star(Option<usize>),
}

/// Length modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Len {
    None,
    Hh,
    H,
    L,
    Ll,
    J,
    Z,
    T,
    /// `L`: long double (and, as glibc has it, long long for integers).
    BigL,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub flags: u8,
    pub width: Num,
    pub prec: Num,
    pub len: Len,
    /// The conversion character; 0 when the format ended inside the spec.
    pub conv: u8,
    /// `n$`: the argument's position (1-based).
    pub pos: Option<usize>,
}

/// What kind of argument a conversion consumes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    None,
    Int,
    Double,
    LongDouble,
}

impl Spec {
    pub fn class(&self) -> Class {
        match self.conv {
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'c' | b'C' | b's' | b'S' | b'p' | b'n' => Class::Int,
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'a' | b'A' => {
                if self.len == Len::BigL {
                    Class::LongDouble
                } else {
                    Class::Double
                }
            }
            _ => Class::None,
        }
    }

    /// Whether any part names an argument by position.
    pub fn positional(&self) -> bool {
        self.pos.is_some()
            || matches!(self.width, Num::Star(Some(_)))
            || matches!(self.prec, Num::Star(Some(_)))
    }
}

/// Reads a decimal number, saturating (glibc rejects the format later).
///
/// # Safety
/// `*p` points into a NUL-terminated format.
unsafe fn number<U: Unit>(p: &mut *const U) -> usize {
    let mut n: usize = 0;
    // SAFETY: the format is NUL-terminated, so reading stops in bounds.
    unsafe {
        while let c @ 0x30..=0x39 = (**p).code() {
            n = n.saturating_mul(10).saturating_add((c - 0x30) as usize);
            *p = p.add(1);
        }
    }
    n
}

/// Reads `m$` after a `*` or at the start of a spec, if present.
///
/// # Safety
/// As for `number`.
unsafe fn position<U: Unit>(p: &mut *const U) -> Option<usize> {
    let save = *p;
    // SAFETY: forwarded contract.
    unsafe {
        if !(0x31..=0x39).contains(&(**p).code()) {
            return None;
        }
        let n = number(p);
        if (**p).code() == u32::from(b'$') {
            *p = p.add(1);
            return Some(n);
        }
    }
    *p = save;
    None
}

/// Parses a spec; `*p` points just after the `%` and is left just after
/// the conversion character (or at the NUL if the format ends first).
///
/// # Safety
/// `*p` points into a NUL-terminated format.
pub unsafe fn parse<U: Unit>(p: &mut *const U) -> Spec {
    let mut s = Spec { flags: 0, width: Num::None, prec: Num::None, len: Len::None, conv: 0, pos: None };
    // SAFETY: every read stops at the NUL, which no branch steps over.
    unsafe {
        s.pos = position(p);
        loop {
            let f = match (**p).code() {
                0x2d => MINUS,
                0x2b => PLUS,
                0x20 => SPACE,
                0x23 => HASH,
                0x30 => ZERO,
                // `'` (grouping: the C locale has none) and glibc's `I`
                // (locale digits: the C locale's are ASCII).
                0x27 | 0x49 => 0,
                _ => break,
            };
            s.flags |= f;
            *p = p.add(1);
        }
        if (**p).code() == u32::from(b'*') {
            *p = p.add(1);
            s.width = Num::Star(position(p));
        } else if (0x31..=0x39).contains(&(**p).code()) {
            s.width = Num::Fixed(number(p));
        }
        if (**p).code() == u32::from(b'.') {
            *p = p.add(1);
            if (**p).code() == u32::from(b'*') {
                *p = p.add(1);
                s.prec = Num::Star(position(p));
            } else {
                s.prec = Num::Fixed(number(p));
            }
        }
        s.len = match (**p).code() {
            0x68 => {
                *p = p.add(1);
                if (**p).code() == 0x68 {
                    *p = p.add(1);
                    Len::Hh
                } else {
                    Len::H
                }
            }
            0x6c => {
                *p = p.add(1);
                if (**p).code() == 0x6c {
                    *p = p.add(1);
                    Len::Ll
                } else {
                    Len::L
                }
            }
            0x71 => {
                *p = p.add(1);
                Len::Ll
            }
            0x6a => {
                *p = p.add(1);
                Len::J
            }
            0x7a | 0x5a => {
                *p = p.add(1);
                Len::Z
            }
            0x74 => {
                *p = p.add(1);
                Len::T
            }
            0x4c => {
                *p = p.add(1);
                Len::BigL
            }
            _ => Len::None,
        };
        let c = (**p).code();
        if c != 0 {
            *p = p.add(1);
            s.conv = if c < 0x80 { c as u8 } else { b'?' };
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(f: &str) -> (Spec, usize) {
        let v: Vec<u8> = f.bytes().chain([0]).collect();
        let mut ptr = v.as_ptr();
        // SAFETY: `v` is NUL-terminated.
        let s = unsafe { parse(&mut ptr) };
        (s, ptr as usize - v.as_ptr() as usize)
    }

    #[test]
    fn plain_and_flags() {
        let (s, n) = p("-+ #0'12.5lldrest");
        assert_eq!(n, 13);
        assert_eq!(s.flags, MINUS | PLUS | SPACE | HASH | ZERO);
        assert_eq!(s.width, Num::Fixed(12));
        assert_eq!(s.prec, Num::Fixed(5));
        assert_eq!(s.len, Len::Ll);
        assert_eq!(s.conv, b'd');
        assert_eq!(s.class(), Class::Int);
    }

    #[test]
    fn stars_and_positions() {
        let (s, _) = p("3$*1$.*2$Lf");
        assert_eq!(s.pos, Some(3));
        assert_eq!(s.width, Num::Star(Some(1)));
        assert_eq!(s.prec, Num::Star(Some(2)));
        assert_eq!(s.class(), Class::LongDouble);
        assert!(s.positional());
        let (s, _) = p("*.*e");
        assert_eq!((s.width, s.prec, s.pos), (Num::Star(None), Num::Star(None), None));
        assert!(!s.positional());
        let (s, _) = p(".f");
        assert_eq!(s.prec, Num::Fixed(0));
        // A number without `$` is a width.
        let (s, _) = p("12x");
        assert_eq!((s.pos, s.width), (None, Num::Fixed(12)));
    }

    #[test]
    fn lengths() {
        for (f, l) in [("hhd", Len::Hh), ("hd", Len::H), ("ld", Len::L), ("jd", Len::J), ("zd", Len::Z), ("td", Len::T), ("qd", Len::Ll)] {
            assert_eq!(p(f).0.len, l, "{f}");
        }
    }

    #[test]
    fn truncated() {
        let (s, n) = p("-5");
        assert_eq!((s.conv, n), (0, 2));
    }
}
