//! Reading values out of a byte buffer without copying.

use crate::{tag, Error};

/// A borrowed, encoded argdata value: the tag byte and its body.
/// An empty buffer is `null`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Value<'a> {
    bytes: &'a [u8],
}

impl<'a> Value<'a> {
    /// Wraps encoded bytes; nothing is validated until a getter runs.
    pub const fn new(bytes: &'a [u8]) -> Self {
        Value { bytes }
    }

    /// The encoded bytes, tag included.
    pub const fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The tag, or `None` for null.
    pub fn tag(&self) -> Option<u8> {
        self.bytes.first().copied()
    }

    pub fn is_null(&self) -> bool {
        self.bytes.is_empty()
    }

    fn body(&self, want: u8) -> Result<&'a [u8], Error> {
        match self.bytes.split_first() {
            Some((&t, body)) if t == want => Ok(body),
            Some(_) | None => Err(Error::WrongType),
        }
    }

    pub fn binary(&self) -> Result<&'a [u8], Error> {
        self.body(tag::BINARY)
    }

    pub fn bool(&self) -> Result<bool, Error> {
        match self.body(tag::BOOL)? {
            [] => Ok(false),
            [1] => Ok(true),
            _ => Err(Error::Invalid),
        }
    }

    /// The descriptor number as stored (after the launcher's renumbering).
    pub fn fd(&self) -> Result<u32, Error> {
        match self.body(tag::FD)? {
            &[a, b, c, d] => Ok(u32::from_be_bytes([a, b, c, d])),
            _ => Err(Error::Invalid),
        }
    }

    pub fn float(&self) -> Result<f64, Error> {
        let body = self.body(tag::FLOAT)?;
        let raw: [u8; 8] = body.try_into().map_err(|_| Error::Invalid)?;
        Ok(f64::from_bits(u64::from_be_bytes(raw)))
    }

    /// The integer as i128, which holds every value an i64 or u64 can.
    pub fn int(&self) -> Result<i128, Error> {
        read_int(self.body(tag::INT)?)
    }

    pub fn int_i64(&self) -> Result<i64, Error> {
        i64::try_from(self.int()?).map_err(|_| Error::Range)
    }

    pub fn int_u64(&self) -> Result<u64, Error> {
        u64::try_from(self.int()?).map_err(|_| Error::Range)
    }

    /// The string without its terminating NUL; the bytes are checked UTF-8.
    pub fn str(&self) -> Result<&'a str, Error> {
        let with_nul = self.str_with_nul()?;
        core::str::from_utf8(&with_nul[..with_nul.len() - 1]).map_err(|_| Error::Invalid)
    }

    /// The string including its NUL, so C callers can use it in place.
    pub fn str_with_nul(&self) -> Result<&'a [u8], Error> {
        let body = self.body(tag::STR)?;
        match body.split_last() {
            Some((0, text)) if !text.contains(&0) => {
                core::str::from_utf8(text).map_err(|_| Error::Invalid)?;
                Ok(body)
            }
            _ => Err(Error::Invalid),
        }
    }

    /// Seconds and nanoseconds since 1970-01-01 UTC (nanoseconds in 0..1e9).
    pub fn timestamp(&self) -> Result<(i128, u32), Error> {
        let ns = read_int(self.body(tag::TIMESTAMP)?)?;
        let secs = ns.div_euclid(1_000_000_000);
        Ok((secs, ns.rem_euclid(1_000_000_000) as u32))
    }

    pub fn seq(&self) -> Result<SeqIter<'a>, Error> {
        Ok(SeqIter { rest: self.body(tag::SEQ)? })
    }

    pub fn map(&self) -> Result<MapIter<'a>, Error> {
        Ok(MapIter { rest: self.body(tag::MAP)? })
    }

    /// Looks a string key up in a map.
    pub fn get(&self, key: &str) -> Result<Option<Value<'a>>, Error> {
        for entry in self.map()? {
            let (k, v) = entry?;
            if k.str() == Ok(key) {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
}

fn read_int(body: &[u8]) -> Result<i128, Error> {
    if body.len() > 16 {
        return Err(Error::Range);
    }
    let mut v: i128 = match body.first() {
        Some(&b) if b & 0x80 != 0 => -1,
        _ => 0,
    };
    for &b in body {
        v = (v << 8) | i128::from(b);
    }
    Ok(v)
}

/// Splits one length-prefixed entry off the front of a seq or map body.
fn next_entry<'a>(rest: &mut &'a [u8]) -> Result<Value<'a>, Error> {
    let mut len: usize = 0;
    let mut i = 0;
    loop {
        let b = *rest.get(i).ok_or(Error::Invalid)?;
        i += 1;
        len = len.checked_mul(128).ok_or(Error::Invalid)? | usize::from(b & 0x7f);
        if b & 0x80 != 0 {
            break;
        }
    }
    let end = i.checked_add(len).ok_or(Error::Invalid)?;
    let entry = rest.get(i..end).ok_or(Error::Invalid)?;
    *rest = &rest[end..];
    Ok(Value::new(entry))
}

/// The elements of a sequence; yields `Err` once and stops on malformed input.
#[derive(Clone, Debug)]
pub struct SeqIter<'a> {
    rest: &'a [u8],
}

impl<'a> SeqIter<'a> {
    /// What is left to read, so C iterators can resume from an offset.
    pub fn remaining(&self) -> &'a [u8] {
        self.rest
    }
}

impl<'a> Iterator for SeqIter<'a> {
    type Item = Result<Value<'a>, Error>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let item = next_entry(&mut self.rest);
        if item.is_err() {
            self.rest = &[];
        }
        Some(item)
    }
}

/// The key/value pairs of a map; yields `Err` once and stops on malformed input.
#[derive(Clone, Debug)]
pub struct MapIter<'a> {
    rest: &'a [u8],
}

impl<'a> MapIter<'a> {
    /// What is left to read, so C iterators can resume from an offset.
    pub fn remaining(&self) -> &'a [u8] {
        self.rest
    }
}

impl<'a> Iterator for MapIter<'a> {
    type Item = Result<(Value<'a>, Value<'a>), Error>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let pair = next_entry(&mut self.rest).and_then(|k| Ok((k, next_entry(&mut self.rest)?)));
        if pair.is_err() {
            self.rest = &[];
        }
        Some(pair)
    }
}
