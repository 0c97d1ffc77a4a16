//! The printf engine: walks a narrow or wide format, fetches the
//! arguments (in order, or all at once when the format numbers them),
//! formats each conversion as glibc does in the C locale, and writes to a
//! [`Sink`].

use super::float::{self, FloatValue};
use super::parse::{parse, Class, Len, Num, Spec, Unit, HASH, MINUS, PLUS, SPACE, ZERO};
use super::sink::{decode_utf8, utf8_len, Sink};
use crate::errno::{get_errno, Errno};
use crate::header::stdio::perror::{error_text, MESSAGE_MAX};
use crate::abi::va::VaList;
use crate::header::stdlib::malloc::{free, malloc};
use cloudabi::errno;

/// A source of arguments: `pos` is the 1-based position a `n$` names, or
/// `None` for "the next one".
pub trait Args {
    fn int(&mut self, pos: Option<usize>) -> u64;
    fn double(&mut self, pos: Option<usize>) -> f64;
    fn long_double(&mut self, pos: Option<usize>) -> F80;
}

/// An x87 80-bit `long double`: 64-bit significand with explicit integer
/// bit, then sign and 15-bit biased exponent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct F80 {
    pub mantissa: u64,
    pub sign_exp: u16,
}

// SAFETY (all three): the format the caller passed with this `va_list`
// promises an argument of this class at this point.
impl Args for VaList {
    fn int(&mut self, _: Option<usize>) -> u64 {
        // SAFETY: see above.
        unsafe { self.gp() }
    }
    fn double(&mut self, _: Option<usize>) -> f64 {
        // SAFETY: see above.
        unsafe { self.fp() }
    }
    fn long_double(&mut self, _: Option<usize>) -> F80 {
        // SAFETY: see above.
        let b = unsafe { self.long_double() };
        F80 { mantissa: u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]), sign_exp: u16::from_le_bytes([b[8], b[9]]) }
    }
}

/// Counts the units (bytes, or wide characters for wide output) that go
/// to the sink.
pub struct Writer<'a> {
    out: &'a mut dyn Sink,
    count: usize,
}

impl Writer<'_> {
    #[inline]
    pub fn put(&mut self, b: &[u8]) {
        self.count += b.len();
        self.out.bytes(b);
    }

    #[inline]
    pub fn fill(&mut self, c: u8, n: usize) {
        if n > 0 {
            self.count += n;
            self.out.fill(c, n);
        }
    }

    /// Wide characters that count as `units` (their UTF-8 length in
    /// narrow output, their number in wide output).
    fn wide(&mut self, w: &[u32], units: usize) {
        self.count += units;
        self.out.wide(w);
    }
}

/// Writes a field of `len` units after `prefix` (sign, "0x"), padded to
/// `width`: on the right with spaces for `-`, with zeros between prefix
/// and body for `0` (where `zero_ok`), else on the left with spaces.
pub fn field(w: &mut Writer, width: usize, flags: u8, zero_ok: bool, prefix: &[u8], len: usize, body: impl FnOnce(&mut Writer)) {
    let pad = width.saturating_sub(prefix.len() + len);
    if flags & MINUS != 0 {
        w.put(prefix);
        body(w);
        w.fill(b' ', pad);
    } else if flags & ZERO != 0 && zero_ok {
        w.put(prefix);
        w.fill(b'0', pad);
        body(w);
    } else {
        w.fill(b' ', pad);
        w.put(prefix);
        body(w);
    }
}

/// The sign a signed conversion shows.
pub fn sign(negative: bool, flags: u8) -> &'static [u8] {
    if negative {
        b"-"
    } else if flags & PLUS != 0 {
        b"+"
    } else if flags & SPACE != 0 {
        b" "
    } else {
        b""
    }
}

/// A format's character type.
pub trait Text: Unit {
    const WIDE: bool;
    fn emit(run: &[Self], w: &mut Writer);
}

impl Text for u8 {
    const WIDE: bool = false;
    fn emit(run: &[u8], w: &mut Writer) {
        w.put(run);
    }
}

impl Text for u32 {
    const WIDE: bool = true;
    fn emit(run: &[u32], w: &mut Writer) {
        w.wide(run, run.len());
    }
}

/// Formats `fmt` with `args` into `out`; returns the units written, or
/// the error that stopped it (EINVAL for a format that ends inside a
/// conversion, EILSEQ for unencodable characters, EOVERFLOW past INT_MAX).
pub fn format<U: Text>(fmt: *const U, args: &mut dyn Args, out: &mut dyn Sink) -> Result<usize, Errno> {
    // %m reports errno as it was on entry.
    let saved_errno = get_errno();
    let mut w = Writer { out, count: 0 };
    let mut table: Option<Table> = None;
    let mut p = fmt;
    loop {
        let start = p;
        // SAFETY: the format is NUL-terminated; the scan stops at the NUL.
        unsafe {
            loop {
                let c = (*p).code();
                if c == 0 || c == u32::from(b'%') {
                    break;
                }
                p = p.add(1);
            }
            if p != start {
                U::emit(core::slice::from_raw_parts(start, p.offset_from(start) as usize), &mut w);
            }
            if (*p).code() == 0 {
                break;
            }
        }
        let spec_start = p;
        // SAFETY: `p` is at a `%` inside the NUL-terminated format.
        let spec = unsafe {
            p = p.add(1);
            parse(&mut p)
        };
        if spec.conv == 0 {
            return Err(errno::INVAL);
        }
        if spec.positional() && table.is_none() {
            table = Some(Table::fetch(fmt, args)?);
        }
        let a: &mut dyn Args = match &mut table {
            Some(t) => t,
            None => &mut *args,
        };
        // SAFETY: `spec_start..p` is the text of this conversion.
        let raw = unsafe { core::slice::from_raw_parts(spec_start, p.offset_from(spec_start) as usize) };
        convert::<U>(&spec, raw, a, &mut w, saved_errno)?;
        if w.count > i32::MAX as usize {
            return Err(errno::OVERFLOW);
        }
    }
    if w.out.failed() {
        return Err(errno::IO);
    }
    Ok(w.count)
}

/// A width or precision, resolved; `*` arguments are C `int`s.
fn resolve(n: Num, a: &mut dyn Args) -> Result<Option<i64>, Errno> {
    let v = match n {
        Num::None => return Ok(None),
        Num::Fixed(v) => v.min(i64::MAX as usize) as i64,
        Num::Star(pos) => i64::from(a.int(pos) as i32),
    };
    if v > i64::from(i32::MAX) {
        return Err(errno::OVERFLOW);
    }
    Ok(Some(v))
}

fn convert<U: Text>(spec: &Spec, raw: &[U], a: &mut dyn Args, w: &mut Writer, saved_errno: i32) -> Result<(), Errno> {
    let mut flags = spec.flags;
    let width = match resolve(spec.width, a)? {
        Some(v) if v < 0 => {
            flags |= MINUS;
            v.unsigned_abs() as usize
        }
        Some(v) => v as usize,
        None => 0,
    };
    let prec = match resolve(spec.prec, a)? {
        Some(v) if v >= 0 => Some(v as usize),
        _ => None,
    };
    let pos = spec.pos;
    let conv = spec.conv;
    match conv {
        b'd' | b'i' => {
            let v = a.int(pos);
            let v = match spec.len {
                Len::Hh => i64::from(v as i8),
                Len::H => i64::from(v as i16),
                Len::None => i64::from(v as i32),
                _ => v as i64,
            };
            integer(w, width, flags, prec, v.unsigned_abs(), sign(v < 0, flags), b'd');
        }
        b'u' | b'o' | b'x' | b'X' => {
            let v = a.int(pos);
            let v = match spec.len {
                Len::Hh => u64::from(v as u8),
                Len::H => u64::from(v as u16),
                Len::None => u64::from(v as u32),
                _ => v,
            };
            integer(w, width, flags, prec, v, b"", conv);
        }
        b'p' => {
            let v = a.int(pos);
            if v == 0 {
                field(w, width, flags, false, b"", 5, |w| w.put(b"(nil)"));
            } else {
                integer(w, width, flags | HASH, prec, v, sign(false, flags), b'x');
            }
        }
        b'c' | b'C' => {
            let v = a.int(pos);
            if conv == b'C' || spec.len == Len::L {
                wide_char::<U>(w, width, flags, v as u32)?;
            } else if U::WIDE {
                let c = v as u8;
                if c >= 0x80 {
                    return Err(errno::ILSEQ);
                }
                field(w, width, flags, false, b"", 1, |w| w.wide(&[u32::from(c)], 1));
            } else {
                field(w, width, flags, false, b"", 1, |w| w.put(&[v as u8]));
            }
        }
        b's' | b'S' => {
            let v = a.int(pos) as usize;
            if v == 0 {
                let text: &[u8] = if prec.is_none_or(|p| p >= 6) { b"(null)" } else { b"" };
                field(w, width, flags, false, b"", text.len(), |w| w.put(text));
            } else if conv == b'S' || spec.len == Len::L {
                wide_string::<U>(w, width, flags, prec, v as *const u32)?;
            } else {
                // SAFETY: C passes a string, NUL-terminated unless a
                // precision bounds it.
                let s = unsafe { bounded_str(v as *const u8, prec) };
                narrow_string::<U>(w, width, flags, s)?;
            }
        }
        b'm' => {
            let mut buf = [0u8; MESSAGE_MAX];
            let msg = error_text(saved_errno, &mut buf);
            let msg = &msg[..prec.map_or(msg.len(), |p| p.min(msg.len()))];
            narrow_string::<U>(w, width, flags, msg)?;
        }
        b'n' => {
            let p = a.int(pos) as usize;
            let n = w.count;
            if p != 0 {
                // SAFETY: C passes a pointer to an integer of the size the
                // length modifier names.
                unsafe {
                    match spec.len {
                        Len::Hh => *(p as *mut i8) = n as i8,
                        Len::H => *(p as *mut i16) = n as i16,
                        Len::None => *(p as *mut i32) = n as i32,
                        _ => *(p as *mut i64) = n as i64,
                    }
                }
            }
        }
        b'%' => U::emit(&raw[raw.len() - 1..], w),
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'a' | b'A' => {
            let v = match spec.class() {
                Class::LongDouble => FloatValue::Extended(a.long_double(pos)),
                _ => FloatValue::Double(a.double(pos)),
            };
            float::format(w, conv, flags, width, prec, v);
        }
        // Not a conversion: glibc prints the specification as it stands.
        _ => U::emit(raw, w),
    }
    Ok(())
}

const DIGITS_LOWER: &[u8; 16] = b"0123456789abcdef";
const DIGITS_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// Formats `v` in the base `conv` names into the end of `buf`; returns
/// where the digits start.
fn to_digits(mut v: u64, conv: u8, buf: &mut [u8; 24]) -> usize {
    let mut i = buf.len();
    match conv {
        b'o' => loop {
            i -= 1;
            buf[i] = b'0' + (v & 7) as u8;
            v >>= 3;
            if v == 0 {
                break i;
            }
        },
        b'x' | b'X' => {
            let table = if conv == b'X' { DIGITS_UPPER } else { DIGITS_LOWER };
            loop {
                i -= 1;
                buf[i] = table[(v & 15) as usize];
                v >>= 4;
                if v == 0 {
                    break i;
                }
            }
        }
        _ => {
            while v >= 100 {
                let r = (v % 100) as usize;
                v /= 100;
                i -= 2;
                buf[i..i + 2].copy_from_slice(&PAIRS[2 * r..2 * r + 2]);
            }
            if v >= 10 {
                i -= 2;
                buf[i..i + 2].copy_from_slice(&PAIRS[2 * v as usize..2 * v as usize + 2]);
            } else {
                i -= 1;
                buf[i] = b'0' + v as u8;
            }
            i
        }
    }
}

/// "00" "01" ... "99".
static PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

/// An integer conversion: digits of `v` in the base `conv` names, at
/// least `prec` of them (none for a zero with precision 0), after `sign`
/// and the `#` prefix.
fn integer(w: &mut Writer, width: usize, flags: u8, prec: Option<usize>, v: u64, sign: &[u8], conv: u8) {
    let mut buf = [0u8; 24];
    let start = to_digits(v, conv, &mut buf);
    let digits = if prec == Some(0) && v == 0 { &buf[24..] } else { &buf[start..] };
    let mut zeros = prec.map_or(0, |p| p.saturating_sub(digits.len()));
    let mut prefix = [0u8; 3];
    let mut plen = 0;
    if !sign.is_empty() {
        prefix[0] = sign[0];
        plen = 1;
    }
    if flags & HASH != 0 {
        match conv {
            b'o' if zeros == 0 && digits.first() != Some(&b'0') => zeros = 1,
            b'x' | b'X' if v != 0 => {
                prefix[plen] = b'0';
                prefix[plen + 1] = conv;
                plen += 2;
            }
            _ => {}
        }
    }
    field(w, width, flags, prec.is_none(), &prefix[..plen], zeros + digits.len(), |w| {
        w.fill(b'0', zeros);
        w.put(digits);
    });
}

/// The bytes of a C string, reading no further than `prec` bytes.
///
/// # Safety
/// `s` is NUL-terminated, or readable for `prec` bytes.
unsafe fn bounded_str<'a>(s: *const u8, prec: Option<usize>) -> &'a [u8] {
    let mut n = 0;
    // SAFETY: forwarded contract: reading stops at the NUL or the bound.
    unsafe {
        while prec.is_none_or(|p| n < p) && *s.add(n) != 0 {
            n += 1;
        }
        core::slice::from_raw_parts(s, n)
    }
}

/// A multibyte string (already cut to the precision in narrow output).
fn narrow_string<U: Text>(w: &mut Writer, width: usize, flags: u8, s: &[u8]) -> Result<(), Errno> {
    if !U::WIDE {
        field(w, width, flags, false, b"", s.len(), |w| w.put(s));
        return Ok(());
    }
    // Wide output: decode, counting characters.
    let mut chars = 0;
    let mut rest = s;
    while !rest.is_empty() {
        let (_, n) = decode_utf8(rest).ok_or(errno::ILSEQ)?;
        rest = &rest[n..];
        chars += 1;
    }
    field(w, width, flags, false, b"", chars, |w| {
        let mut buf = [0u32; 64];
        let mut rest = s;
        while !rest.is_empty() {
            let mut k = 0;
            while k < buf.len() && !rest.is_empty() {
                if let Some((c, n)) = decode_utf8(rest) {
                    buf[k] = c;
                    rest = &rest[n..];
                    k += 1;
                }
            }
            w.wide(&buf[..k], k);
        }
    });
    Ok(())
}

/// `%lc`: a wide character (`wint_t`).
fn wide_char<U: Text>(w: &mut Writer, width: usize, flags: u8, c: u32) -> Result<(), Errno> {
    let units = if U::WIDE { 1 } else { utf8_len(c).ok_or(errno::ILSEQ)? };
    field(w, width, flags, false, b"", units, |w| w.wide(&[c], units));
    Ok(())
}

/// `%ls`: a wide string, cut to `prec` units (whole characters only).
fn wide_string<U: Text>(w: &mut Writer, width: usize, flags: u8, prec: Option<usize>, s: *const u32) -> Result<(), Errno> {
    let (mut chars, mut units) = (0usize, 0usize);
    loop {
        // SAFETY: C passes a NUL-terminated wide string; reading stops at
        // the NUL or once the precision is used up.
        let c = unsafe { *s.add(chars) };
        if c == 0 {
            break;
        }
        let u = if U::WIDE { 1 } else { utf8_len(c).ok_or(errno::ILSEQ)? };
        if prec.is_some_and(|p| units + u > p) {
            break;
        }
        units += u;
        chars += 1;
    }
    // SAFETY: the loop above read these `chars` characters.
    let text = unsafe { core::slice::from_raw_parts(s, chars) };
    field(w, width, flags, false, b"", units, |w| w.wide(text, units));
    Ok(())
}

/// One fetched argument.
#[derive(Clone, Copy)]
struct Slot {
    class: Class,
    int: u64,
    float: f64,
    long: F80,
}

const INLINE_SLOTS: usize = 32;

/// All arguments of a format that numbers them (`%2$d`), fetched in
/// position order once their types are known.
struct Table {
    inline: [Slot; INLINE_SLOTS],
    heap: *mut Slot,
    len: usize,
    /// For conversions that do not number their argument.
    next: usize,
}

impl Drop for Table {
    fn drop(&mut self) {
        if !self.heap.is_null() {
            // SAFETY: allocated with malloc in `fetch`.
            unsafe { free(self.heap.cast()) };
        }
    }
}

impl Table {
    fn slots(&mut self) -> &mut [Slot] {
        if self.heap.is_null() {
            &mut self.inline[..self.len]
        } else {
            // SAFETY: `heap` holds `len` slots.
            unsafe { core::slice::from_raw_parts_mut(self.heap, self.len) }
        }
    }

    /// Scans the whole format for the type at each position, then reads
    /// the arguments in order. Gaps are read as `int`, as glibc does.
    fn fetch<U: Text>(fmt: *const U, args: &mut dyn Args) -> Result<Table, Errno> {
        let empty = Slot { class: Class::Int, int: 0, float: 0.0, long: F80::default() };
        let mut t = Table { inline: [empty; INLINE_SLOTS], heap: core::ptr::null_mut(), len: 0, next: 0 };
        let mut max = 0;
        each_spec(fmt, |s| {
            for p in positions(s) {
                max = max.max(p.0);
            }
        });
        if max > INLINE_SLOTS {
            let bytes = max.checked_mul(core::mem::size_of::<Slot>()).ok_or(errno::NOMEM)?;
            t.heap = malloc(bytes).cast();
            if t.heap.is_null() {
                return Err(errno::NOMEM);
            }
            for i in 0..max {
                // SAFETY: `heap` holds `max` slots.
                unsafe { t.heap.add(i).write(empty) };
            }
        }
        t.len = max;
        let slots = t.slots();
        each_spec(fmt, |s| {
            for (p, class) in positions(s) {
                if p > 0 {
                    slots[p - 1].class = class;
                }
            }
        });
        for slot in slots.iter_mut() {
            match slot.class {
                Class::Double => slot.float = args.double(None),
                Class::LongDouble => slot.long = args.long_double(None),
                _ => slot.int = args.int(None),
            }
        }
        Ok(t)
    }

    fn slot(&mut self, pos: Option<usize>) -> Slot {
        let i = match pos {
            Some(p) => p.saturating_sub(1),
            None => {
                self.next += 1;
                self.next - 1
            }
        };
        self.slots().get(i).copied().unwrap_or(Slot { class: Class::None, int: 0, float: 0.0, long: F80::default() })
    }
}

impl Args for Table {
    fn int(&mut self, pos: Option<usize>) -> u64 {
        self.slot(pos).int
    }
    fn double(&mut self, pos: Option<usize>) -> f64 {
        self.slot(pos).float
    }
    fn long_double(&mut self, pos: Option<usize>) -> F80 {
        self.slot(pos).long
    }
}

/// The numbered arguments a spec uses, with their types.
fn positions(s: &Spec) -> impl Iterator<Item = (usize, Class)> {
    let star = |n: Num| match n {
        Num::Star(Some(p)) => Some((p, Class::Int)),
        _ => None,
    };
    let value = match (s.pos, s.class()) {
        (Some(p), c) if c != Class::None => Some((p, c)),
        _ => None,
    };
    [star(s.width), star(s.prec), value].into_iter().flatten()
}

/// Calls `f` on every conversion spec of `fmt`.
fn each_spec<U: Text>(fmt: *const U, mut f: impl FnMut(&Spec)) {
    let mut p = fmt;
    // SAFETY: the format is NUL-terminated; `parse` stops at the NUL.
    unsafe {
        loop {
            match (*p).code() {
                0 => return,
                0x25 => {
                    p = p.add(1);
                    let s = parse(&mut p);
                    if s.conv == 0 {
                        return;
                    }
                    f(&s);
                }
                _ => p = p.add(1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arguments from a list, in order.
    enum Arg {
        Int(i64),
        Double(f64),
        Long(F80),
    }

    struct List(Vec<Arg>, usize);

    impl List {
        fn take(&mut self) -> &Arg {
            self.1 += 1;
            &self.0[self.1 - 1]
        }
    }

    impl Args for List {
        fn int(&mut self, _: Option<usize>) -> u64 {
            match self.take() {
                Arg::Int(v) => *v as u64,
                _ => panic!("not an int"),
            }
        }
        fn double(&mut self, _: Option<usize>) -> f64 {
            match self.take() {
                Arg::Double(v) => *v,
                _ => panic!("not a double"),
            }
        }
        fn long_double(&mut self, _: Option<usize>) -> F80 {
            match self.take() {
                Arg::Long(v) => *v,
                _ => panic!("not a long double"),
            }
        }
    }

    struct Out(Vec<u8>);

    impl Sink for Out {
        fn bytes(&mut self, b: &[u8]) {
            self.0.extend_from_slice(b);
        }
    }

    fn fmt(f: &str, args: Vec<Arg>) -> Result<String, Errno> {
        let f: Vec<u8> = f.bytes().chain([0]).collect();
        let mut out = Out(Vec::new());
        let n = format(f.as_ptr(), &mut List(args, 0), &mut out)?;
        assert_eq!(n, out.0.len());
        Ok(String::from_utf8(out.0).unwrap())
    }

    #[test]
    fn integers() {
        assert_eq!(fmt("[%d|%5i|%-5d|%05d|%+d|% d]", vec![Arg::Int(-42), Arg::Int(7), Arg::Int(7), Arg::Int(-7), Arg::Int(3), Arg::Int(3)]).unwrap(), "[-42|    7|7    |-0007|+3| 3]");
        assert_eq!(fmt("[%#x|%#o|%#X|%.0d|%.3u]", vec![Arg::Int(255), Arg::Int(8), Arg::Int(0), Arg::Int(0), Arg::Int(5)]).unwrap(), "[0xff|010|0||005]");
        assert_eq!(fmt("[%hhd|%hu|%lld]", vec![Arg::Int(300), Arg::Int(-1), Arg::Int(i64::MIN)]).unwrap(), "[44|65535|-9223372036854775808]");
        assert_eq!(fmt("[%*d|%-*d|%.*d]", vec![Arg::Int(-4), Arg::Int(1), Arg::Int(3), Arg::Int(2), Arg::Int(-1), Arg::Int(3)]).unwrap(), "[1   |2  |3]");
    }

    #[test]
    fn positions() {
        assert_eq!(fmt("[%2$d %1$d %2$x]", vec![Arg::Int(1), Arg::Int(26)]).unwrap(), "[26 1 1a]");
        assert_eq!(fmt("[%3$*1$.*2$f]", vec![Arg::Int(8), Arg::Int(2), Arg::Double(2.5)]).unwrap(), "[    2.50]");
        assert_eq!(fmt("[%2$Lg %1$g]", vec![Arg::Double(0.5), Arg::Long(F80 { mantissa: 3 << 62, sign_exp: 16384 })]).unwrap(), "[3 0.5]");
    }

    #[test]
    fn floats() {
        let d = |v: f64| Arg::Double(v);
        assert_eq!(fmt("%f %e %g %a", vec![d(1.5), d(1.5), d(1.5), d(1.5)]).unwrap(), "1.500000 1.500000e+00 1.5 0x1.8p+0");
        assert_eq!(fmt("%.2f %.0f %.0f %.1e", vec![d(0.125), d(2.5), d(3.5), d(0.25)]).unwrap(), "0.12 2 4 2.5e-01");
        assert_eq!(fmt("%g %g %G %#g", vec![d(1e-5), d(123456789.0), d(1e100), d(1.0)]).unwrap(), "1e-05 1.23457e+08 1E+100 1.00000");
        assert_eq!(fmt("%f %F %+f % e", vec![d(f64::INFINITY), d(f64::NAN), d(-f64::NAN), d(0.0)]).unwrap(), "inf NAN -nan  0.000000e+00");
        assert_eq!(fmt("%010.3f|%-10.1e|", vec![d(-3.14159), d(12345.0)]).unwrap(), "-00003.142|1.2e+04   |");
        assert_eq!(fmt("%.20f", vec![d(0.1)]).unwrap(), "0.10000000000000000555");
        let one = F80 { mantissa: 1 << 63, sign_exp: 16383 };
        assert_eq!(fmt("%La %Lf", vec![Arg::Long(one), Arg::Long(one)]).unwrap(), "0x8p-3 1.000000");
    }

    #[test]
    fn strings_and_errors() {
        let s = b"hello\0";
        let p = Arg::Int(s.as_ptr() as i64);
        assert_eq!(fmt("[%s|%.3s|%8s|%-8.2s]", vec![p, Arg::Int(s.as_ptr() as i64), Arg::Int(s.as_ptr() as i64), Arg::Int(s.as_ptr() as i64)]).unwrap(), "[hello|hel|   hello|he      ]");
        assert_eq!(fmt("[%s|%.3s|%p|%c%%]", vec![Arg::Int(0), Arg::Int(0), Arg::Int(0), Arg::Int(65)]).unwrap(), "[(null)||(nil)|A%]");
        let w = [0x20ac_u32, 0x41, 0];
        assert_eq!(fmt("[%ls|%lc]", vec![Arg::Int(w.as_ptr() as i64), Arg::Int(0xe9)]).unwrap(), "[\u{20ac}A|\u{e9}]");
        assert_eq!(fmt("[%lc]", vec![Arg::Int(0xd800)]), Err(errno::ILSEQ));
        assert_eq!(fmt("abc%", vec![]), Err(errno::INVAL));
        assert_eq!(fmt("[%y|%5k]", vec![]).unwrap(), "[%y|%5k]");
    }
}
