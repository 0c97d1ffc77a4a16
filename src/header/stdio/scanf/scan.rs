//! The scanf engine: matches a narrow or wide format against an input,
//! converting and storing fields through the pointer arguments.
//!
//! Returns the number of fields assigned, or EOF when the input ends (or
//! fails) before the first assignment. A character that does not fit a
//! field stays unread.

use super::input::Input;
use super::number::{read_float, read_int, to_f32, to_f64, to_f80};
use crate::abi::c_int;
use crate::header::stdio::printf::format::Text;
use crate::header::stdio::printf::sink::{decode_utf8, encode_utf8, utf8_len};
use crate::abi::va::VaList;
use crate::header::stdlib::malloc::{free, realloc};

/// Where the pointer arguments come from: `pos` is the 1-based position a
/// `n$` names, or `None` for the next one.
pub trait Pointers {
    fn ptr(&mut self, pos: Option<usize>) -> usize;
}

/// A `va_list` of pointers; positions re-read it from the start.
pub struct VaPointers {
    start: VaList,
    next: VaList,
}

impl VaPointers {
    /// # Safety
    /// `ap` is a live `va_list` of pointer arguments.
    pub unsafe fn new(ap: *mut VaList) -> Self {
        // SAFETY: forwarded contract.
        let t = unsafe { &*ap };
        VaPointers { start: t.copy(), next: t.copy() }
    }
}

impl Pointers for VaPointers {
    fn ptr(&mut self, pos: Option<usize>) -> usize {
        // SAFETY: the format promises pointer arguments up to this one.
        unsafe {
            match pos {
                None => self.next.gp() as usize,
                Some(n) => {
                    let mut v = self.start.copy();
                    for _ in 1..n {
                        v.gp();
                    }
                    v.gp() as usize
                }
            }
        }
    }
}

fn is_space(c: u32) -> bool {
    c == 0x20 || (0x09..=0x0d).contains(&c)
}

fn skip_space(input: &mut dyn Input) {
    while input.peek().is_some_and(is_space) {
        input.advance();
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Len {
    Hh,
    H,
    None,
    L,
    Ll,
    BigL,
}

/// Stores a converted integer in the size the length modifier names.
///
/// # Safety
/// `p` points at an integer of that size.
unsafe fn store_int(p: usize, len: Len, v: u64) {
    // SAFETY: forwarded contract.
    unsafe {
        match len {
            Len::Hh => *(p as *mut u8) = v as u8,
            Len::H => *(p as *mut u16) = v as u16,
            Len::None => *(p as *mut u32) = v as u32,
            _ => *(p as *mut u64) = v,
        }
    }
}

/// Where the characters of %s, %c and %[ go: narrow or wide, a caller's
/// array or (for `%m`) a buffer allocated here, or nowhere (`*`).
struct Dest {
    buf: *mut u8,
    wide: bool,
    len: usize,
    /// Allocated elements, for `%m`; 0 for a caller's array.
    cap: usize,
    alloc: bool,
    discard: bool,
    failed: bool,
}

impl Dest {
    fn push_unit(&mut self, v: u32) {
        if self.discard || self.failed {
            return;
        }
        let size = if self.wide { 4 } else { 1 };
        if self.alloc && self.len + 1 >= self.cap {
            let cap = (self.cap * 2).max(32);
            // SAFETY: `buf` is null or from realloc.
            let p = unsafe { realloc(self.buf.cast(), cap * size) }.cast::<u8>();
            if p.is_null() {
                self.failed = true;
                return;
            }
            self.buf = p;
            self.cap = cap;
        }
        // SAFETY: the caller's array is large enough (C's contract), or
        // the allocation has room.
        unsafe {
            if self.wide {
                self.buf.cast::<u32>().add(self.len).write_unaligned(v);
            } else {
                *self.buf.add(self.len) = v as u8;
            }
        }
        self.len += 1;
    }

    /// Stores a character read from the input.
    fn push(&mut self, c: u32, wide_input: bool) {
        if wide_input && !self.wide {
            let mut b = [0u8; 4];
            let n = encode_utf8(c, &mut b);
            for &x in &b[..n] {
                self.push_unit(u32::from(x));
            }
        } else {
            self.push_unit(c);
        }
    }
}

/// Reads one character for a wide destination from narrow input: a whole
/// UTF-8 sequence. `None` if malformed or cut off.
fn read_multibyte(input: &mut dyn Input, left: &mut usize) -> Option<u32> {
    let first = input.peek()? as u8;
    let n = match first {
        0..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let mut bytes = [0u8; 4];
    for slot in bytes.iter_mut().take(n) {
        if *left == 0 {
            return None;
        }
        *slot = input.peek()? as u8;
        input.advance();
        *left -= 1;
    }
    decode_utf8(&bytes[..n]).map(|(c, _)| c)
}

/// The scanset of a `%[`: `spec` is the text between `[` and `]`.
struct Set<'a, U: Text> {
    spec: &'a [U],
    negated: bool,
    ascii: [u64; 4],
}

impl<'a, U: Text> Set<'a, U> {
    fn new(spec: &'a [U], negated: bool) -> Self {
        let mut s = Set { spec, negated, ascii: [0; 4] };
        for c in 0..256u32 {
            if s.contains_slow(c) {
                s.ascii[(c / 64) as usize] |= 1 << (c % 64);
            }
        }
        s
    }

    /// Membership by the text: `a-z` is a range unless `-` is first or
    /// last or the range runs backwards (then all three are members, as
    /// in glibc); a `]` first is a member.
    fn contains_slow(&self, c: u32) -> bool {
        let s = self.spec;
        let mut found = false;
        let mut i = 0;
        while i < s.len() {
            let lo = s[i].code();
            if i + 2 < s.len() && s[i + 1].code() == u32::from(b'-') && s[i + 2].code() >= lo {
                if (lo..=s[i + 2].code()).contains(&c) {
                    found = true;
                }
                i += 3;
                continue;
            }
            if lo == c {
                found = true;
            }
            i += 1;
        }
        found != self.negated
    }

    fn contains(&self, c: u32) -> bool {
        if c < 256 {
            self.ascii[(c / 64) as usize] & (1 << (c % 64)) != 0
        } else {
            self.contains_slow(c)
        }
    }
}

/// A parsed conversion specification.
struct Conv<'a, U: Text> {
    pos: Option<usize>,
    suppress: bool,
    width: usize,
    alloc: bool,
    len: Len,
    conv: u8,
    set: Option<Set<'a, U>>,
}

/// Parses a spec after its `%`; `None` if the format is malformed.
///
/// # Safety
/// `*p` points into a NUL-terminated format that outlives the result.
unsafe fn parse<'a, U: Text>(p: &mut *const U) -> Option<Conv<'a, U>> {
    let mut c = Conv { pos: None, suppress: false, width: 0, alloc: false, len: Len::None, conv: 0, set: None };
    // SAFETY: every read stops at the NUL.
    unsafe {
        let digits = |p: &mut *const U| {
            let mut n: usize = 0;
            while let d @ 0x30..=0x39 = (**p).code() {
                n = n.saturating_mul(10).saturating_add((d - 0x30) as usize);
                *p = p.add(1);
            }
            n
        };
        let save = *p;
        let n = digits(p);
        if n > 0 && (**p).code() == u32::from(b'$') {
            c.pos = Some(n);
            *p = p.add(1);
        } else {
            *p = save;
        }
        if (**p).code() == u32::from(b'*') {
            c.suppress = true;
            *p = p.add(1);
        }
        c.width = digits(p);
        if (**p).code() == u32::from(b'm') {
            c.alloc = true;
            *p = p.add(1);
        }
        let mut next = || {
            let v = (**p).code();
            if v != 0 {
                *p = p.add(1);
            }
            v
        };
        let mut k = next();
        c.len = match k {
            0x68 => {
                k = next();
                if k == 0x68 {
                    k = next();
                    Len::Hh
                } else {
                    Len::H
                }
            }
            0x6c => {
                k = next();
                if k == 0x6c {
                    k = next();
                    Len::Ll
                } else {
                    Len::L
                }
            }
            0x71 => {
                k = next();
                Len::Ll
            }
            0x4c => {
                k = next();
                Len::BigL
            }
            0x6a | 0x7a | 0x74 => {
                k = next();
                Len::L
            }
            _ => Len::None,
        };
        if k == 0 || k >= 0x80 {
            return None;
        }
        c.conv = k as u8;
        if c.conv == b'[' {
            let negated = (**p).code() == u32::from(b'^');
            if negated {
                *p = p.add(1);
            }
            let start = *p;
            if (**p).code() == u32::from(b']') {
                *p = p.add(1);
            }
            while (**p).code() != u32::from(b']') {
                if (**p).code() == 0 {
                    return None;
                }
                *p = p.add(1);
            }
            let spec = core::slice::from_raw_parts(start, p.offset_from(start) as usize);
            *p = p.add(1);
            c.set = Some(Set::new(spec, negated));
        }
    }
    Some(c)
}

/// Why scanning stopped early.
enum Stop {
    /// The input ended (or failed).
    Input,
    /// A character did not match.
    Mismatch,
}

/// Scans `input` against `fmt`, storing through `args`.
pub fn scan<U: Text>(fmt: *const U, input: &mut dyn Input, args: &mut dyn Pointers, wide_input: bool) -> c_int {
    let mut assigned: c_int = 0;
    match run::<U>(fmt, input, args, wide_input, &mut assigned) {
        Some(Stop::Input) if assigned == 0 => super::super::EOF,
        _ => assigned,
    }
}

fn run<U: Text>(fmt: *const U, input: &mut dyn Input, args: &mut dyn Pointers, wide_input: bool, assigned: &mut c_int) -> Option<Stop> {
    let mut p = fmt;
    loop {
        // SAFETY: the format is NUL-terminated and `p` never passes the NUL.
        let c = unsafe { (*p).code() };
        if c == 0 {
            return None;
        }
        // SAFETY: as above; `c` was not the NUL.
        p = unsafe { p.add(1) };
        if is_space(c) {
            skip_space(input);
            continue;
        }
        if c != u32::from(b'%') {
            match input.peek() {
                None => return Some(Stop::Input),
                Some(x) if x != c => return Some(Stop::Mismatch),
                Some(_) => input.advance(),
            }
            continue;
        }
        // SAFETY: `p` is just past a `%` in the NUL-terminated format.
        let Some(spec) = (unsafe { parse::<U>(&mut p) }) else { return Some(Stop::Mismatch) };
        if let Some(stop) = convert(&spec, input, args, wide_input, assigned) {
            return Some(stop);
        }
    }
}

fn convert<U: Text>(spec: &Conv<U>, input: &mut dyn Input, args: &mut dyn Pointers, wide_input: bool, assigned: &mut c_int) -> Option<Stop> {
    let conv = spec.conv;
    if !matches!(conv, b'c' | b'C' | b'[' | b'n') {
        skip_space(input);
    }
    let width = if spec.width == 0 { usize::MAX } else { spec.width };
    match conv {
        b'%' => {
            return match input.peek() {
                None => Some(Stop::Input),
                Some(0x25) => {
                    input.advance();
                    None
                }
                Some(_) => Some(Stop::Mismatch),
            };
        }
        b'n' => {
            if !spec.suppress {
                let dst = args.ptr(spec.pos);
                // SAFETY: C passes a pointer to an integer of the size the
                // length modifier names.
                unsafe { store_int(dst, spec.len, input.taken() as u64) };
            }
            return None;
        }
        _ => {}
    }
    if input.peek().is_none() {
        return Some(Stop::Input);
    }
    match conv {
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'p' => {
            let base = match conv {
                b'd' | b'u' => 10,
                b'i' => 0,
                b'o' => 8,
                _ => 16,
            };
            if conv == b'p' && input.peek() == Some(u32::from(b'(')) {
                return nil_pointer(spec, input, args, width, assigned);
            }
            let Some(v) = read_int(input, base, width) else { return Some(Stop::Mismatch) };
            if !spec.suppress {
                let value = if matches!(conv, b'd' | b'i') { v.signed() as u64 } else { v.unsigned() };
                let len = if conv == b'p' { Len::L } else { spec.len };
                // SAFETY: C passes a pointer to an integer of that size.
                unsafe { store_int(args.ptr(spec.pos), len, value) };
                *assigned += 1;
            }
        }
        b'a' | b'A' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
            let Some(v) = read_float(input, width) else { return Some(Stop::Mismatch) };
            if !spec.suppress {
                let dst = args.ptr(spec.pos);
                // SAFETY: C passes a pointer to a float, double or long
                // double as the length modifier says.
                unsafe {
                    match spec.len {
                        Len::None | Len::H | Len::Hh => *(dst as *mut f32) = to_f32(&v),
                        Len::BigL | Len::Ll => {
                            let x = to_f80(&v);
                            (dst as *mut u64).write_unaligned(x.mantissa);
                            (dst as *mut u16).add(4).write_unaligned(x.sign_exp);
                        }
                        Len::L => *(dst as *mut f64) = to_f64(&v),
                    }
                }
                *assigned += 1;
            }
        }
        b's' | b'S' | b'c' | b'C' | b'[' => return text(spec, input, args, wide_input, width, assigned),
        _ => return Some(Stop::Mismatch),
    }
    None
}

/// glibc's scanf reads back the "(nil)" its printf writes for %p.
fn nil_pointer<U: Text>(spec: &Conv<U>, input: &mut dyn Input, args: &mut dyn Pointers, width: usize, assigned: &mut c_int) -> Option<Stop> {
    for (i, &w) in b"(nil)".iter().enumerate() {
        if i >= width || input.peek() != Some(u32::from(w)) {
            return Some(Stop::Mismatch);
        }
        input.advance();
    }
    if !spec.suppress {
        // SAFETY: C passes a `void **`.
        unsafe { store_int(args.ptr(spec.pos), Len::L, 0) };
        *assigned += 1;
    }
    None
}

/// %s, %c and %[.
fn text<U: Text>(spec: &Conv<U>, input: &mut dyn Input, args: &mut dyn Pointers, wide_input: bool, width: usize, assigned: &mut c_int) -> Option<Stop> {
    let conv = spec.conv;
    let wide = spec.len == Len::L || conv == b'C' || conv == b'S';
    let is_c = conv == b'c' || conv == b'C';
    let width = if is_c && spec.width == 0 { 1 } else { width };
    let out = if spec.suppress { 0 } else { args.ptr(spec.pos) };
    let mut d = Dest { buf: core::ptr::null_mut(), wide, len: 0, cap: 0, alloc: spec.alloc, discard: spec.suppress, failed: false };
    if !spec.alloc && !spec.suppress {
        d.buf = out as *mut u8;
    }
    let mut left = width;
    let mut count = 0usize;
    while left > 0 {
        let Some(c) = input.peek() else { break };
        let accept = match &spec.set {
            Some(set) => set.contains(c),
            None => is_c || !is_space(c),
        };
        if !accept {
            break;
        }
        if wide && !wide_input && c >= 0x80 {
            let Some(w) = read_multibyte(input, &mut left) else { return Some(Stop::Mismatch) };
            d.push_unit(w);
        } else {
            if wide_input && !wide && utf8_len(c).is_none() {
                return Some(Stop::Mismatch);
            }
            input.advance();
            left -= 1;
            d.push(c, wide_input);
        }
        count += 1;
    }
    if count == 0 {
        return Some(if input.peek().is_none() { Stop::Input } else { Stop::Mismatch });
    }
    if !is_c {
        d.push_unit(0);
    }
    if d.failed {
        // SAFETY: the buffer came from realloc.
        unsafe { free(d.buf.cast()) };
        return Some(Stop::Mismatch);
    }
    if !spec.suppress {
        if spec.alloc {
            // SAFETY: C passes a `char **` (or `wchar_t **`) for %m.
            unsafe { *(out as *mut *mut u8) = d.buf };
        }
        *assigned += 1;
    }
    None
}
