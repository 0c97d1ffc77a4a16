//! Reading the configuration: one YAML document, turned into a tree whose
//! scalars are already resolved (the YAML 1.2 core schema, plus the `!!`
//! tags) and whose launcher-tagged nodes (`!fd`, `!file`, ...) stand for
//! descriptors still to be opened. Every node keeps its position, so that
//! later stages can point at the line that is wrong.

use argdata::Writer;
use std::collections::HashMap;
use std::fmt;
use std::str::Chars;
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// What `%TAG ! tag:nuxi.nl,2015:cloudabi/` binds `!` to.
const CLOUDABI_TAGS: &str = "tag:nuxi.nl,2015:cloudabi/";
/// What `!!` stands for.
const CORE_TAGS: &str = "tag:yaml.org,2002:";
/// Nodes a document may expand to with its aliases replayed, so that a few
/// lines of nested aliases ("billion laughs") cannot exhaust memory.
const MAX_NODES: usize = 1 << 20;

/// A 1-based line and column in the configuration.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl From<Marker> for Pos {
    fn from(m: Marker) -> Pos {
        // The scanner counts lines from 1 but columns from 0.
        Pos { line: m.line(), col: m.col() + 1 }
    }
}

/// A mistake in the configuration, or a resource it names that cannot be had.
#[derive(Debug, PartialEq)]
pub struct ConfigError {
    pub pos: Pos,
    pub msg: String,
}

impl ConfigError {
    pub fn new(pos: Pos, msg: impl Into<String>) -> ConfigError {
        ConfigError { pos, msg: msg.into() }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "config:{}:{}: {}", self.pos.line, self.pos.col, self.msg)
    }
}

/// A node's value, with the argdata type it will be written as.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Binary(Vec<u8>),
    /// Nanoseconds since 1970-01-01 UTC.
    Timestamp(i128),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// Index into [`Document::resources`]; aliases of one tagged node share it.
    Descriptor(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Serialises the tree as argdata; descriptor `i` is written as `numbers[i]`.
    pub fn encode(&self, numbers: &[u32]) -> Vec<u8> {
        match &self.value {
            Value::Null => Vec::new(),
            Value::Bool(b) => written(|w| w.bool(*b)),
            Value::Int(i) => written(|w| w.int(*i)),
            Value::Float(x) => written(|w| w.float(*x)),
            Value::Str(s) => written(|w| w.str(s.as_bytes())),
            Value::Binary(b) => written(|w| w.binary(b)),
            Value::Timestamp(ns) => written(|w| w.timestamp(*ns)),
            Value::Descriptor(i) => written(|w| w.fd(numbers[*i])),
            Value::Seq(items) => {
                let parts: Vec<Vec<u8>> = items.iter().map(|n| n.encode(numbers)).collect();
                written(|w| {
                    w.seq_start();
                    parts.iter().for_each(|p| w.entry_bytes(p));
                })
            }
            Value::Map(entries) => {
                let parts: Vec<Vec<u8>> =
                    entries.iter().flat_map(|(k, v)| [k.encode(numbers), v.encode(numbers)]).collect();
                written(|w| {
                    w.map_start();
                    parts.iter().for_each(|p| w.entry_bytes(p));
                })
            }
        }
    }
}

/// Runs `f` once to measure and once to write into a buffer of that size.
pub fn written(f: impl Fn(&mut Writer)) -> Vec<u8> {
    let mut counter = Writer::counter();
    f(&mut counter);
    let mut buf = vec![0; counter.len()];
    f(&mut Writer::new(&mut buf));
    buf
}

/// A node carrying one of the launcher's tags: a descriptor to open. Which
/// tags exist and what their bodies mean is the business of `grant`.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// The tag without its prefix: `fd`, `file`, ...
    pub tag: String,
    /// The node the tag was attached to, resolved as if untagged.
    pub body: Node,
}

/// The parsed configuration. Resources are listed in document order.
#[derive(Debug)]
pub struct Document {
    pub root: Node,
    pub resources: Vec<Resource>,
}

/// Parses the configuration text.
pub fn parse(text: &str) -> Result<Document, ConfigError> {
    Builder { parser: Parser::new_from_str(text), anchors: HashMap::new(), resources: Vec::new(), nodes: 0 }
        .document()
}

/// What a node's tag asks for.
enum Tagging {
    None,
    /// `!` alone: the scalar is a string.
    NonSpecific,
    /// `!!name`.
    Core(String),
    /// `!name` (with or without the `%TAG` directive).
    Launcher(String),
}

fn classify(tag: Option<Tag>, pos: Pos) -> Result<Tagging, ConfigError> {
    let Some(tag) = tag else { return Ok(Tagging::None) };
    if tag.handle.is_empty() && tag.suffix == "!" {
        return Ok(Tagging::NonSpecific);
    }
    if tag.handle == "!" {
        return Ok(Tagging::Launcher(tag.suffix));
    }
    let full = format!("{}{}", tag.handle, tag.suffix);
    if let Some(name) = full.strip_prefix(CLOUDABI_TAGS) {
        Ok(Tagging::Launcher(name.to_string()))
    } else if let Some(name) = full.strip_prefix(CORE_TAGS) {
        Ok(Tagging::Core(name.to_string()))
    } else {
        Err(ConfigError::new(pos, format!("unknown tag !<{full}>")))
    }
}

struct Builder<'a> {
    parser: Parser<Chars<'a>>,
    /// Completed anchored nodes, with the number of nodes each holds.
    anchors: HashMap<usize, (Node, usize)>,
    resources: Vec<Resource>,
    nodes: usize,
}

impl Builder<'_> {
    fn next(&mut self) -> Result<(Event, Pos), ConfigError> {
        match self.parser.next_token() {
            Ok((ev, mark)) => Ok((ev, mark.into())),
            Err(e) => Err(ConfigError::new((*e.marker()).into(), e.info())),
        }
    }

    fn document(mut self) -> Result<Document, ConfigError> {
        self.next()?; // the stream's start
        match self.next()? {
            (Event::DocumentStart, _) => {}
            (_, pos) => return Err(ConfigError::new(pos, "the configuration holds no YAML document")),
        }
        let (ev, first) = self.next()?;
        let (root, _) = self.node(ev, first)?;
        self.next()?; // the document's end, explicit or not
        match self.next()? {
            (Event::StreamEnd, _) => Ok(Document { root, resources: self.resources }),
            (_, pos) => Err(ConfigError::new(pos, "only one YAML document is allowed")),
        }
    }

    fn count(&mut self, n: usize, pos: Pos) -> Result<(), ConfigError> {
        self.nodes += n;
        if self.nodes > MAX_NODES {
            return Err(ConfigError::new(pos, format!("the document expands to more than {MAX_NODES} nodes")));
        }
        Ok(())
    }

    /// Builds the node that `ev` starts; returns it and how many nodes it
    /// holds. The recursion is bounded by the parser's own nesting limit.
    fn node(&mut self, ev: Event, pos: Pos) -> Result<(Node, usize), ConfigError> {
        let (node, size, anchor) = match ev {
            Event::Alias(id) => {
                let (node, size) = self
                    .anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| ConfigError::new(pos, "alias to a node that contains it"))?;
                self.count(size, pos)?;
                return Ok((node, size));
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.count(1, pos)?;
                let node = self.scalar(text, style, classify(tag, pos)?, pos)?;
                (node, 1, anchor)
            }
            Event::SequenceStart(anchor, tag) => {
                let tagging = classify(tag, pos)?;
                self.count(1, pos)?;
                let (mut items, mut size) = (Vec::new(), 1);
                loop {
                    let (ev, at) = self.next()?;
                    if matches!(ev, Event::SequenceEnd) {
                        break;
                    }
                    let (item, n) = self.node(ev, at)?;
                    items.push(item);
                    size += n;
                }
                (self.collection(Node { value: Value::Seq(items), pos }, tagging, "seq")?, size, anchor)
            }
            Event::MappingStart(anchor, tag) => {
                let tagging = classify(tag, pos)?;
                self.count(1, pos)?;
                let (mut entries, mut size): (Vec<(Node, Node)>, usize) = (Vec::new(), 1);
                loop {
                    let (ev, at) = self.next()?;
                    if matches!(ev, Event::MappingEnd) {
                        break;
                    }
                    let (key, n) = self.node(ev, at)?;
                    if entries.iter().any(|(k, _)| same_key(&k.value, &key.value)) {
                        return Err(ConfigError::new(at, "duplicate key"));
                    }
                    let (ev, at) = self.next()?;
                    let (value, m) = self.node(ev, at)?;
                    entries.push((key, value));
                    size += n + m;
                }
                (self.collection(Node { value: Value::Map(entries), pos }, tagging, "map")?, size, anchor)
            }
            _ => return Err(ConfigError::new(pos, "unexpected YAML structure")),
        };
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), size));
        }
        Ok((node, size))
    }

    fn scalar(&mut self, text: String, style: TScalarStyle, tagging: Tagging, pos: Pos) -> Result<Node, ConfigError> {
        let untagged = |text: String| match style {
            TScalarStyle::Plain => resolve_plain(text, pos),
            _ => string(text, pos),
        };
        let value = match tagging {
            Tagging::None => untagged(text)?,
            Tagging::NonSpecific => string(text, pos)?,
            Tagging::Core(name) => resolve_core(&name, text, pos)?,
            Tagging::Launcher(name) => return Ok(self.resource(name, Node { value: untagged(text)?, pos })),
        };
        Ok(Node { value, pos })
    }

    fn collection(&mut self, node: Node, tagging: Tagging, kind: &str) -> Result<Node, ConfigError> {
        match tagging {
            Tagging::None | Tagging::NonSpecific => Ok(node),
            Tagging::Core(name) if name == kind => Ok(node),
            Tagging::Core(name) => Err(ConfigError::new(node.pos, format!("!!{name} does not apply to a {kind}"))),
            Tagging::Launcher(name) => Ok(self.resource(name, node)),
        }
    }

    fn resource(&mut self, tag: String, body: Node) -> Node {
        let pos = body.pos;
        self.resources.push(Resource { tag, body });
        Node { value: Value::Descriptor(self.resources.len() - 1), pos }
    }
}

/// Keys that would overwrite each other. Collections as keys are rare
/// enough that comparing them is not worth it.
fn same_key(a: &Value, b: &Value) -> bool {
    !matches!(a, Value::Seq(_) | Value::Map(_)) && a == b
}

/// Argdata strings end in NUL, so they cannot hold one.
fn string(text: String, pos: Pos) -> Result<Value, ConfigError> {
    if text.contains('\0') {
        return Err(ConfigError::new(pos, "a string cannot contain a NUL character"));
    }
    Ok(Value::Str(text))
}

fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

fn as_bool(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Splits an integer of the core schema into sign, radix and digits.
fn int_syntax(s: &str) -> Option<(bool, u32, &str)> {
    let (negative, radix, digits) = if let Some(hex) = s.strip_prefix("0x") {
        (false, 16, hex)
    } else if let Some(oct) = s.strip_prefix("0o") {
        (false, 8, oct)
    } else if let Some(dec) = s.strip_prefix('-') {
        (true, 10, dec)
    } else {
        (false, 10, s.strip_prefix('+').unwrap_or(s))
    };
    (!digits.is_empty() && digits.chars().all(|c| c.is_digit(radix))).then_some((negative, radix, digits))
}

fn int_value((negative, radix, digits): (bool, u32, &str), pos: Pos) -> Result<i128, ConfigError> {
    let magnitude = u128::from_str_radix(digits, radix).ok();
    let value = match magnitude {
        Some(m) if negative => 0i128.checked_sub_unsigned(m),
        Some(m) => i128::try_from(m).ok(),
        None => None,
    };
    value.ok_or_else(|| ConfigError::new(pos, "integer out of range"))
}

/// A float of the core schema: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
/// `[-+]?.inf` or `.nan` in the three spellings each.
fn float_value(s: &str) -> Option<f64> {
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    let negative = s.starts_with('-');
    match unsigned {
        ".inf" | ".Inf" | ".INF" => return Some(if negative { f64::NEG_INFINITY } else { f64::INFINITY }),
        ".nan" | ".NaN" | ".NAN" if unsigned.len() == s.len() => return Some(f64::NAN),
        _ => {}
    }
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty()),
        None => !mantissa.is_empty() && digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if mantissa_ok && exponent_ok {
        s.parse().ok()
    } else {
        None
    }
}

/// Resolves an untagged plain scalar by the YAML 1.2 core schema.
pub fn resolve_plain(text: String, pos: Pos) -> Result<Value, ConfigError> {
    if is_null(&text) {
        return Ok(Value::Null);
    }
    if let Some(b) = as_bool(&text) {
        return Ok(Value::Bool(b));
    }
    if let Some(parts) = int_syntax(&text) {
        return Ok(Value::Int(int_value(parts, pos)?));
    }
    if let Some(x) = float_value(&text) {
        return Ok(Value::Float(x));
    }
    string(text, pos)
}

/// Resolves a scalar tagged `!!name`.
fn resolve_core(name: &str, text: String, pos: Pos) -> Result<Value, ConfigError> {
    let bad = |what: &str| Err(ConfigError::new(pos, format!("{text:?} is not {what}")));
    match name {
        "str" => string(text, pos),
        "null" if is_null(&text) => Ok(Value::Null),
        "null" => bad("null"),
        "bool" => match as_bool(&text) {
            Some(b) => Ok(Value::Bool(b)),
            None => bad("a boolean"),
        },
        "int" => match int_syntax(&text) {
            Some(parts) => Ok(Value::Int(int_value(parts, pos)?)),
            None => bad("an integer"),
        },
        "float" => match (float_value(&text), int_syntax(&text)) {
            (Some(x), _) => Ok(Value::Float(x)),
            (None, Some(parts)) => Ok(Value::Float(int_value(parts, pos)? as f64)),
            (None, None) => bad("a float"),
        },
        "binary" => match base64(&text) {
            Some(bytes) => Ok(Value::Binary(bytes)),
            None => bad("base64"),
        },
        "timestamp" => match timestamp(&text) {
            Some(ns) => Ok(Value::Timestamp(ns)),
            None => bad("a timestamp"),
        },
        "seq" | "map" => Err(ConfigError::new(pos, format!("!!{name} does not apply to a scalar"))),
        _ => Err(ConfigError::new(pos, format!("unknown tag !!{name}"))),
    }
}

/// Decodes standard, padded base64; whitespace (line breaks in block
/// scalars) is skipped.
fn base64(text: &str) -> Option<Vec<u8>> {
    let (mut out, mut acc, mut bits, mut symbols, mut padding) = (Vec::new(), 0u32, 0, 0usize, 0usize);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                padding += 1;
                continue;
            }
            _ => return None,
        };
        if padding > 0 {
            return None;
        }
        symbols += 1;
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    let complete = (symbols + padding) % 4 == 0 && symbols % 4 != 1 && padding <= 2;
    complete.then_some(out)
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar,
/// counting in 400-year eras of 146097 days that start on March 1st, so
/// that the leap day ends a year.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads a YAML timestamp (`2001-12-14`, `2001-12-14t21:59:43.10-05:00`,
/// `2001-12-14 21:59:43.10 -5`) as nanoseconds since the epoch, UTC.
fn timestamp(text: &str) -> Option<i128> {
    let b = text.as_bytes();
    let mut i = 0;
    let number = |i: &mut usize, min: usize, max: usize| -> Option<i64> {
        let start = *i;
        while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
            *i += 1;
        }
        (*i - start >= min).then(|| text[start..*i].parse().ok())?
    };
    let expect = |i: &mut usize, c: u8| -> Option<()> {
        (b.get(*i) == Some(&c)).then(|| *i += 1)
    };
    let year = number(&mut i, 4, 4)?;
    expect(&mut i, b'-')?;
    let month = number(&mut i, 1, 2)?;
    expect(&mut i, b'-')?;
    let day = number(&mut i, 1, 2)?;
    if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let mut nanos = 0i64;
    if i < b.len() {
        let blank = |c: &u8| *c == b' ' || *c == b'\t';
        if matches!(b[i], b'T' | b't') {
            i += 1;
        } else if blank(&b[i]) {
            while i < b.len() && blank(&b[i]) {
                i += 1;
            }
        } else {
            return None;
        }
        let hour = number(&mut i, 1, 2)?;
        expect(&mut i, b':')?;
        let minute = number(&mut i, 2, 2)?;
        expect(&mut i, b':')?;
        let second = number(&mut i, 2, 2)?;
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        seconds += hour * 3600 + minute * 60 + second;
        if expect(&mut i, b'.').is_some() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let frac = &text[start..i.min(start + 9)];
            nanos = format!("{frac:0<9}").parse().ok()?;
        }
        while i < b.len() && blank(&b[i]) {
            i += 1;
        }
        if expect(&mut i, b'Z').is_none() && i < b.len() {
            let sign = match b[i] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            i += 1;
            let mut offset = number(&mut i, 1, 2)? * 3600;
            if expect(&mut i, b':').is_some() {
                offset += number(&mut i, 2, 2)? * 60;
            }
            seconds -= sign * offset;
        }
        if i != b.len() {
            return None;
        }
    }
    Some(i128::from(seconds) * 1_000_000_000 + i128::from(nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Pos = Pos { line: 1, col: 1 };

    fn plain(s: &str) -> Value {
        resolve_plain(s.to_string(), P).unwrap()
    }

    fn root(text: &str) -> Document {
        parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn err(text: &str) -> ConfigError {
        parse(text).expect_err("config should be refused")
    }

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        for s in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(plain(s), Value::Null, "{s:?}");
        }
        assert_eq!(plain("true"), Value::Bool(true));
        assert_eq!(plain("FALSE"), Value::Bool(false));
        assert_eq!(plain("yes"), Value::Str("yes".into()));
        assert_eq!(plain("nULL"), Value::Str("nULL".into()));
        assert_eq!(plain("42"), Value::Int(42));
        assert_eq!(plain("-17"), Value::Int(-17));
        assert_eq!(plain("+8"), Value::Int(8));
        assert_eq!(plain("0x1F"), Value::Int(31));
        assert_eq!(plain("0o17"), Value::Int(15));
        assert_eq!(plain("0x-5"), Value::Str("0x-5".into()));
        assert_eq!(plain("0b11"), Value::Str("0b11".into()));
        assert_eq!(plain("1.5"), Value::Float(1.5));
        assert_eq!(plain("-.5e1"), Value::Float(-5.0));
        assert_eq!(plain("3."), Value::Float(3.0));
        assert_eq!(plain("1e3"), Value::Float(1000.0));
        assert_eq!(plain(".inf"), Value::Float(f64::INFINITY));
        assert_eq!(plain("-.Inf"), Value::Float(f64::NEG_INFINITY));
        assert!(matches!(plain(".NaN"), Value::Float(x) if x.is_nan()));
        assert_eq!(plain("-.nan"), Value::Str("-.nan".into()));
        assert_eq!(plain("."), Value::Str(".".into()));
        assert_eq!(plain("1e"), Value::Str("1e".into()));
        assert_eq!(plain("inf"), Value::Str("inf".into()));
        assert_eq!(plain("1_000"), Value::Str("1_000".into()));
        assert_eq!(plain("/tmp/x"), Value::Str("/tmp/x".into()));
    }

    #[test]
    fn integers_out_of_range_are_refused() {
        assert_eq!(plain("-170141183460469231731687303715884105728"), Value::Int(i128::MIN));
        let e = resolve_plain("170141183460469231731687303715884105728".into(), P).unwrap_err();
        assert_eq!(e.msg, "integer out of range");
    }

    #[test]
    fn quoted_scalars_are_strings() {
        let d = root("a: '1'\nb: \"true\"\nc: ''\nd: |\n  null\n");
        let Value::Map(m) = d.root.value else { panic!() };
        let values: Vec<_> = m.into_iter().map(|(_, v)| v.value).collect();
        assert_eq!(
            values,
            [Value::Str("1".into()), Value::Str("true".into()), Value::Str("".into()), Value::Str("null\n".into())]
        );
    }

    #[test]
    fn core_tags_are_honoured() {
        let d = root(
            "- !!str 12\n- !!int \"0x10\"\n- !!float 2\n- !!bool 'true'\n- !!null ''\n\
             - !!binary aGVsbG8=\n- !!timestamp 1970-01-02\n- ! 12\n- !!seq [1]\n",
        );
        let Value::Seq(items) = d.root.value else { panic!() };
        let values: Vec<_> = items.into_iter().map(|n| n.value).collect();
        assert_eq!(
            values[..8],
            [
                Value::Str("12".into()),
                Value::Int(16),
                Value::Float(2.0),
                Value::Bool(true),
                Value::Null,
                Value::Binary(b"hello".to_vec()),
                Value::Timestamp(86_400_000_000_000),
                Value::Str("12".into()),
            ]
        );
        assert!(matches!(&values[8], Value::Seq(s) if s.len() == 1));
    }

    #[test]
    fn wrong_core_tags_are_errors_at_their_node() {
        assert_eq!(err("a: 1\nb: !!int x\n"), ConfigError::new(Pos { line: 2, col: 10 }, "\"x\" is not an integer"));
        assert_eq!(err("- !!bogus 1\n").msg, "unknown tag !!bogus");
        assert_eq!(err("- !!map 1\n").msg, "!!map does not apply to a scalar");
        assert_eq!(err("- !!str [1]\n").msg, "!!str does not apply to a seq");
        assert_eq!(err("- !!binary a\n").msg, "\"a\" is not base64");
        assert_eq!(err("- !<tag:example.com:x> 1\n").msg, "unknown tag !<tag:example.com:x>");
    }

    #[test]
    fn base64_decodes_padded_input_with_line_breaks() {
        assert_eq!(base64("aGVs\nbG8=").unwrap(), b"hello");
        assert_eq!(base64("aGVsbA==").unwrap(), b"hell");
        assert_eq!(base64("").unwrap(), b"");
        assert_eq!(base64("aGVsbG8"), None);
        assert_eq!(base64("aGVsbA=x"), None);
        assert_eq!(base64("a==="), None);
        assert_eq!(base64("aG!s"), None);
    }

    #[test]
    fn timestamps_follow_the_yaml_forms() {
        const NS: i128 = 1_000_000_000;
        assert_eq!(timestamp("1970-01-01"), Some(0));
        assert_eq!(timestamp("2001-12-14t21:59:43.10-05:00"), Some(1_008_385_183 * NS + 100_000_000));
        assert_eq!(timestamp("2001-12-14 21:59:43.10 -5"), Some(1_008_385_183 * NS + 100_000_000));
        assert_eq!(timestamp("2001-12-15T02:59:43.1Z"), Some(1_008_385_183 * NS + 100_000_000));
        assert_eq!(timestamp("2001-12-15 2:59:43"), Some(1_008_385_183 * NS));
        assert_eq!(timestamp("1969-12-31T23:59:59.999999999999Z"), Some(-1));
        assert_eq!(timestamp("2000-02-29"), Some(951_782_400 * NS));
        assert_eq!(timestamp("2001-02-29"), None);
        assert_eq!(timestamp("2001-13-01"), None);
        assert_eq!(timestamp("2001-12-14x"), None);
        assert_eq!(timestamp("2001-12-14T25:00:00"), None);
        assert_eq!(timestamp("2001-12-14T01:00:00+"), None);
    }

    #[test]
    fn document_encodes_to_argdata() {
        let d = root("%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nout: !fd stdout\nargs: [hi, 2]\nx: ~\n");
        assert_eq!(d.resources, [Resource { tag: "fd".into(), body: Node { value: Value::Str("stdout".into()), pos: Pos { line: 3, col: 10 } } }]);
        let bytes = d.root.encode(&[7]);
        let expected: &[u8] = &[
            0x06, // map
            0x85, 0x08, b'o', b'u', b't', 0, // "out"
            0x85, 0x03, 0, 0, 0, 7, // fd 7
            0x86, 0x08, b'a', b'r', b'g', b's', 0, // "args"
            0x89, 0x07, 0x84, 0x08, b'h', b'i', 0, 0x82, 0x05, 2, // ["hi", 2]
            0x83, 0x08, b'x', 0, // "x"
            0x80, // null
        ];
        assert_eq!(bytes, expected);
    }

    #[test]
    fn scalar_types_encode_to_their_argdata_tags() {
        let d = root("[true, false, -1, 1.5, !!binary AAE=, !!timestamp 1970-01-01T00:00:01Z]");
        let v = d.root.encode(&[]);
        let value = argdata::Value::new(&v);
        let items: Vec<_> = value.seq().unwrap().map(|x| x.unwrap()).collect();
        assert!(items[0].bool().unwrap());
        assert!(!items[1].bool().unwrap());
        assert_eq!(items[2].int().unwrap(), -1);
        assert_eq!(items[3].float().unwrap(), 1.5);
        assert_eq!(items[4].binary().unwrap(), [0, 1]);
        assert_eq!(items[5].timestamp().unwrap(), (1, 0));
    }

    #[test]
    fn tags_work_with_and_without_the_directive() {
        for text in ["a: !fd stdout\n", "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\na: !fd stdout\n", "a: !<tag:nuxi.nl,2015:cloudabi/fd> stdout\n"] {
            let d = root(text);
            assert_eq!(d.resources.len(), 1, "{text}");
            assert_eq!(d.resources[0].tag, "fd");
        }
    }

    #[test]
    fn tagged_collections_become_resources_in_document_order() {
        let d = root("a: !file {path: /tmp, write: true}\nb: !executable\nc: [!socket {bind: '127.0.0.1:1'}]\n");
        let tags: Vec<_> = d.resources.iter().map(|r| r.tag.as_str()).collect();
        assert_eq!(tags, ["file", "executable", "socket"]);
        assert_eq!(d.resources[1].body.value, Value::Null);
        let Value::Map(m) = &d.resources[0].body.value else { panic!() };
        assert_eq!(m[1].1.value, Value::Bool(true));
    }

    #[test]
    fn an_alias_of_a_descriptor_is_the_same_descriptor() {
        let d = root("a: &o !fd stdout\nb: *o\nc: &l [*o, 1]\nd: *l\n");
        assert_eq!(d.resources.len(), 1);
        let bytes = d.root.encode(&[5]);
        let v = argdata::Value::new(&bytes);
        for key in ["a", "b"] {
            assert_eq!(v.get(key).unwrap().unwrap().fd().unwrap(), 5);
        }
        let d_seq = v.get("d").unwrap().unwrap();
        assert_eq!(d_seq.seq().unwrap().next().unwrap().unwrap().fd().unwrap(), 5);
    }

    #[test]
    fn aliases_cannot_explode() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            text += &format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n");
        }
        assert!(err(&text).msg.contains("expands to more than"));
        let deep = err(&"[".repeat(1000));
        assert_eq!(deep.msg, "recursion limit exceeded");
    }

    #[test]
    fn errors_carry_one_based_positions() {
        assert_eq!(err("a: b\n  c: d\n").pos, Pos { line: 2, col: 4 });
        assert_eq!(err("a: 1\na: 2\n"), ConfigError::new(Pos { line: 2, col: 1 }, "duplicate key"));
        assert_eq!(err("x: *nope\n").pos.line, 1);
        assert_eq!(err("a: 1\n--- \nb: 2\n").msg, "only one YAML document is allowed");
        assert_eq!(err("# only a comment\n").msg, "the configuration holds no YAML document");
        assert_eq!(err("a: \"x\\0y\"\n").msg, "a string cannot contain a NUL character");
        assert_eq!(err("a: !!x 1\n").to_string(), "config:1:8: unknown tag !!x");
    }
}
