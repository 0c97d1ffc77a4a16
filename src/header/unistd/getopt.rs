//! Command-line option parsing: POSIX `getopt` (`<unistd.h>`), and the
//! compat GNU `getopt_long` and `getopt_long_only` (`<getopt.h>`).
//!
//! `getopt` follows POSIX: it stops at the first operand. An option
//! string may start with `+` (the same, for GNU compatibility) or `-`
//! (operands are returned in order as the argument of option 1), then
//! `:` (report a missing argument as ':' and print nothing); `x::` gives
//! `x` an optional argument (GNU). Setting `optind` to 0, or `optreset`
//! to 1, restarts the scan.
//!
//! `getopt_long` and `getopt_long_only` add `--name[=value]` options
//! (and, for the latter, `-name`), matched exactly or by an unambiguous
//! prefix. Like GNU's, they permute: operands are skipped and, as options
//! after them are consumed, moved behind those options, so that at the end
//! `optind` is the first operand. A leading `+` or a `POSIXLY_CORRECT`
//! environment variable turns permutation off. Diagnostics go to
//! descriptor 2 in glibc's wording unless `opterr` is 0.

use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::sys;
use core::ptr::null_mut;

/// The argument of the option just returned.
#[cfg_attr(not(test), no_mangle)]
pub static mut optarg: *mut c_char = null_mut();
/// The index of the next element of `argv` to process.
#[cfg_attr(not(test), no_mangle)]
pub static mut optind: c_int = 1;
/// Whether to print diagnostics.
#[cfg_attr(not(test), no_mangle)]
pub static mut opterr: c_int = 1;
/// The option character that caused the last error.
#[cfg_attr(not(test), no_mangle)]
pub static mut optopt: c_int = 0;
/// BSD: set to 1 to restart scanning.
#[cfg_attr(not(test), no_mangle)]
pub static mut optreset: c_int = 0;

pub const no_argument: c_int = 0;
pub const required_argument: c_int = 1;
pub const optional_argument: c_int = 2;

/// GNU `struct option`: one long option.
#[repr(C)]
pub struct option {
    pub name: *const c_char,
    pub has_arg: c_int,
    pub flag: *mut c_int,
    pub val: c_int,
}

#[derive(Copy, Clone, PartialEq)]
enum Order {
    /// Stop at the first operand.
    Posix,
    /// Return operands as the argument of option 1.
    Operands,
    /// Skip operands and move them to the end.
    Permute,
}

/// Scanning state that is not visible to C.
struct Hidden {
    /// Position of the next option character inside `argv[optind]`
    /// (0: start a new element).
    next: usize,
    /// The operands skipped while permuting: `argv[first..last]`.
    first: usize,
    last: usize,
}

static mut HIDDEN: Hidden = Hidden { next: 0, first: 1, last: 1 };

struct Parser<'a> {
    argv: &'a mut [*mut c_char],
    optind: usize,
    optarg: *mut c_char,
    optopt: c_int,
    h: Hidden,
    /// The option characters, without the leading flags.
    shorts: &'a [u8],
    order: Order,
    /// The option string started with ':' (after any '+' or '-').
    colon: bool,
    /// Print diagnostics.
    verbose: bool,
}

fn is_option(arg: &[u8]) -> bool {
    arg.len() > 1 && arg[0] == b'-'
}

impl<'a> Parser<'a> {
    fn arg(&self, i: usize) -> Option<&'a [u8]> {
        let p = *self.argv.get(i)?;
        // SAFETY: the elements of argv before argc are NULL or C strings
        // that outlive the parse (C contract).
        (!p.is_null()).then(|| unsafe { cptr::cstr(p) })
    }

    fn complain(&self, parts: &[&[u8]]) {
        if !self.verbose {
            return;
        }
        let mut buf = [0u8; 512];
        let mut n = 0;
        let prog = self.arg(0).unwrap_or(b"");
        for part in [prog, b": "].iter().chain(parts).chain([&&b"\n"[..]]) {
            let take = part.len().min(buf.len() - n);
            buf[n..n + take].copy_from_slice(&part[..take]);
            n += take;
        }
        let _ = sys::fd_write(cloudabi::fd(2), &buf[..n]);
    }

    /// Moves on to the next element of argv.
    fn advance(&mut self) {
        self.optind += 1;
        self.h.next = 0;
    }

    /// Moves the skipped operands behind the options consumed since.
    fn exchange(&mut self) {
        let (first, last, end) = (self.h.first, self.h.last, self.optind.min(self.argv.len()));
        if first < last && last < end {
            self.argv[first..end].rotate_left(last - first);
            self.h.first += end - last;
        } else if first == last {
            self.h.first = end;
        }
        self.h.last = end;
    }

    /// Returns -1 at the end of the options, leaving `optind` at the
    /// first operand.
    fn finish(&mut self) -> c_int {
        if self.order == Order::Permute && self.h.first != self.h.last {
            self.optind = self.h.first;
        }
        -1
    }

    fn next(&mut self, long: Option<(&[option], bool)>, longindex: *mut c_int) -> c_int {
        self.optarg = null_mut();
        if self.arg(self.optind).is_none_or(|a| self.h.next >= a.len()) {
            // The program moved `optind` in the middle of an element.
            self.h.next = 0;
        }
        if self.h.next == 0 {
            if self.order == Order::Permute {
                self.h.first = self.h.first.min(self.optind);
                self.h.last = self.h.last.min(self.optind);
                self.exchange();
                while self.arg(self.optind).is_some_and(|a| !is_option(a)) {
                    self.optind += 1;
                }
                self.h.last = self.optind;
            }
            let Some(elem) = self.arg(self.optind) else { return self.finish() };
            if !is_option(elem) {
                if self.order == Order::Operands {
                    self.optarg = self.argv[self.optind];
                    self.optind += 1;
                    return 1;
                }
                return -1;
            }
            if elem == b"--" {
                self.optind += 1;
                if self.order == Order::Permute {
                    self.exchange();
                    self.optind = self.argv.len();
                    self.h.last = self.optind;
                }
                return self.finish();
            }
            if let Some((opts, long_only)) = long {
                if let Some(name) = elem.strip_prefix(b"--") {
                    return self.long(opts, name, b"--", longindex).unwrap_or_else(|| self.unrecognized(elem));
                }
                // A lone `-x` naming a short option is that option.
                if long_only && (elem.len() > 2 || !self.is_short(elem[1])) {
                    if let Some(r) = self.long(opts, &elem[1..], b"-", longindex) {
                        return r;
                    }
                    if !self.is_short(elem[1]) {
                        return self.unrecognized(elem);
                    }
                }
            }
            self.h.next = 1;
        }
        self.short()
    }

    fn is_short(&self, c: u8) -> bool {
        c != b':' && self.shorts.contains(&c)
    }

    fn unrecognized(&mut self, elem: &[u8]) -> c_int {
        self.complain(&[b"unrecognized option '", elem, b"'"]);
        self.optopt = 0;
        self.advance();
        b'?' as c_int
    }

    /// Parses `name[=value]` as a long option; None if nothing matches.
    fn long(&mut self, opts: &[option], text: &[u8], prefix: &[u8], longindex: *mut c_int) -> Option<c_int> {
        let (name, value) = match text.iter().position(|&c| c == b'=') {
            Some(i) => (&text[..i], Some(i + 1)),
            None => (text, None),
        };
        // SAFETY: each option's name is a C string (C contract).
        let name_of = |o: &option| unsafe { cptr::cstr(o.name) };
        let mut found: Option<usize> = None;
        let mut ambiguous = false;
        for (i, o) in opts.iter().enumerate() {
            let full = name_of(o);
            if full == name {
                found = Some(i);
                ambiguous = false;
                break;
            }
            if full.starts_with(name) {
                match found {
                    None => found = Some(i),
                    Some(j) => {
                        let p = &opts[j];
                        ambiguous |= p.has_arg != o.has_arg || p.flag != o.flag || p.val != o.val;
                    }
                }
            }
        }
        let i = found?;
        let elem_index = self.optind;
        self.advance();
        if ambiguous {
            self.complain(&[b"option '", prefix, name, b"' is ambiguous"]);
            self.optopt = 0;
            return Some(b'?' as c_int);
        }
        let o = &opts[i];
        let full = name_of(o);
        match (o.has_arg, value) {
            (no_argument, Some(_)) => {
                self.complain(&[b"option '", prefix, full, b"' doesn't allow an argument"]);
                self.optopt = o.val;
                return Some(b'?' as c_int);
            }
            (required_argument | optional_argument, Some(v)) => {
                // SAFETY: `v` indexes into the element, before its NUL.
                self.optarg = unsafe { self.argv[elem_index].add(prefix.len() + v) };
            }
            (required_argument, None) => {
                if self.arg(self.optind).is_none() {
                    self.complain(&[b"option '", prefix, full, b"' requires an argument"]);
                    self.optopt = o.val;
                    return Some(if self.colon { b':' } else { b'?' } as c_int);
                }
                self.optarg = self.argv[self.optind];
                self.optind += 1;
            }
            _ => {}
        }
        if !longindex.is_null() {
            // SAFETY: a non-null longindex is writable (C contract).
            unsafe { *longindex = i as c_int };
        }
        if o.flag.is_null() {
            Some(o.val)
        } else {
            // SAFETY: a non-null flag is writable (C contract).
            unsafe { *o.flag = o.val };
            Some(0)
        }
    }

    /// Parses the option character at `next` in `argv[optind]`.
    fn short(&mut self) -> c_int {
        let elem = self.arg(self.optind).unwrap_or(b"");
        let c = elem[self.h.next];
        self.h.next += 1;
        let at_end = self.h.next >= elem.len();
        let spec = if self.is_short(c) { self.shorts.iter().position(|&s| s == c) } else { None };
        let Some(i) = spec else {
            self.optopt = c as c_int;
            self.complain(&[b"invalid option -- '", &[c], b"'"]);
            if at_end {
                self.advance();
            }
            return b'?' as c_int;
        };
        let takes = self.shorts.get(i + 1) == Some(&b':');
        let optional = takes && self.shorts.get(i + 2) == Some(&b':');
        if !takes {
            if at_end {
                self.advance();
            }
            return c as c_int;
        }
        if !at_end {
            // SAFETY: `next` indexes into the element, before its NUL.
            self.optarg = unsafe { self.argv[self.optind].add(self.h.next) };
            self.advance();
            return c as c_int;
        }
        self.advance();
        if optional {
            return c as c_int;
        }
        if self.arg(self.optind).is_some() {
            self.optarg = self.argv[self.optind];
            self.optind += 1;
            return c as c_int;
        }
        // POSIX: optind ends past argc when the argument is missing.
        self.optind += 1;
        self.optopt = c as c_int;
        if self.colon {
            return b':' as c_int;
        }
        self.complain(&[b"option requires an argument -- '", &[c], b"'"]);
        b'?' as c_int
    }
}

/// Runs one step of the parser over the C globals.
unsafe fn run(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    long: Option<(&[option], bool)>,
    longindex: *mut c_int,
) -> c_int {
    // SAFETY: the option string is a C string (C contract).
    let mut spec = unsafe { cptr::cstr(optstring) };
    let mut order = if long.is_some() { Order::Permute } else { Order::Posix };
    match spec.first() {
        Some(b'+') => {
            order = Order::Posix;
            spec = &spec[1..];
        }
        Some(b'-') => {
            order = Order::Operands;
            spec = &spec[1..];
        }
        // SAFETY: the name is a C string.
        _ if order == Order::Permute && !unsafe { crate::header::stdlib::env::getenv(c"POSIXLY_CORRECT".as_ptr()) }.is_null() => {
            order = Order::Posix;
        }
        _ => {}
    }
    let colon = spec.first() == Some(&b':');
    let n = usize::try_from(argc).unwrap_or(0);
    // SAFETY: these globals are only touched by the (not thread-safe, as in
    // POSIX) option parser and by the program itself between calls.
    unsafe {
        if optind == 0 || optreset != 0 {
            optind = 1;
            optreset = 0;
            HIDDEN = Hidden { next: 0, first: 1, last: 1 };
        }
        if optind < 0 {
            return -1;
        }
        // GNU permutes the elements of a `char *const *` array as well.
        let argv = if n == 0 { &mut [][..] } else { core::slice::from_raw_parts_mut(argv.cast_mut(), n) };
        let mut p = Parser {
            argv,
            optind: optind as usize,
            optarg: null_mut(),
            optopt,
            h: core::ptr::addr_of_mut!(HIDDEN).read(),
            shorts: if colon { &spec[1..] } else { spec },
            order,
            colon,
            verbose: opterr != 0 && !colon,
        };
        let r = p.next(long, longindex);
        optind = p.optind as c_int;
        optarg = p.optarg;
        optopt = p.optopt;
        HIDDEN = p.h;
        r
    }
}

/// POSIX `getopt`: the next option character, '?' or ':' on errors, -1 at
/// the end of the options.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getopt(argc: c_int, argv: *const *mut c_char, optstring: *const c_char) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { run(argc, argv, optstring, None, null_mut()) }
}

/// Counts the entries of a long-option table (it ends with a zero name).
unsafe fn table<'a>(longopts: *const option) -> &'a [option] {
    if longopts.is_null() {
        return &[];
    }
    let mut n = 0;
    // SAFETY: the table ends with an entry whose name is NULL (C contract).
    unsafe {
        while !(*longopts.add(n)).name.is_null() {
            n += 1;
        }
        core::slice::from_raw_parts(longopts, n)
    }
}

/// Compat (GNU) `getopt_long`: `getopt` plus `--name[=value]` options.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getopt_long(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const option,
    longindex: *mut c_int,
) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { run(argc, argv, optstring, Some((table(longopts), false)), longindex) }
}

/// Compat (GNU) `getopt_long_only`: as `getopt_long`, and `-name` is tried
/// as a long option before as short ones.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn getopt_long_only(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const option,
    longindex: *mut c_int,
) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { run(argc, argv, optstring, Some((table(longopts), true)), longindex) }
}
