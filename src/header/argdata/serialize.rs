//! argdata_serialized_length, argdata_serialize.
//!
//! Encoded values are copied byte for byte, so their serialisation has
//! exactly their length, except that with descriptor renumbering every
//! descriptor inside them is rewritten (in place: it keeps its four bytes).
//! Constructed values are encoded by the codec's `Writer`.

use super::{argdata_t, FdMap, View};
use crate::abi::{c_int, c_void, size_t};
use argdata::{tag, Value, Writer};

/// Where descriptors found while serialising are collected: `fds[i]` is
/// the process descriptor written as number `i`.
pub(crate) struct Renumber {
    fds: *mut c_int,
    n: usize,
}

impl Renumber {
    /// The number for `fd`, assigning the next free one at first sight.
    fn number(&mut self, fd: c_int) -> u32 {
        // SAFETY: `fds` is not null and its first `n` entries were written
        // below; the caller gave room for every descriptor the value holds.
        let seen = unsafe { core::slice::from_raw_parts(self.fds, self.n) };
        let i = seen.iter().position(|&f| f == fd).unwrap_or_else(|| {
            // SAFETY: as above: entry `n` lies within the caller's array.
            unsafe { self.fds.add(self.n).write(fd) };
            self.n += 1;
            self.n - 1
        });
        i as u32
    }
}

/// The bytes of `outer` before `inner`, a subslice of it: the length
/// prefix of a seq or map element.
fn prefix<'a>(outer: &'a [u8], inner: &[u8]) -> &'a [u8] {
    &outer[..inner.as_ptr() as usize - outer.as_ptr() as usize]
}

/// Copies encoded bytes, rewriting the descriptors inside when renumbering.
/// Length prefixes are copied as they are, so the length never changes;
/// malformed entries end the walk and the rest is copied unchanged.
fn encoded(v: Value, map: FdMap, w: &mut Writer, re: &mut Option<Renumber>) {
    let Some(r) = re.as_mut() else { return w.raw(v.bytes()) };
    if let Ok(mut items) = v.seq() {
        w.raw(&[tag::SEQ]);
        loop {
            let before = items.remaining();
            match items.next() {
                Some(Ok(e)) => {
                    w.raw(prefix(before, e.bytes()));
                    encoded(e, map, w, re);
                }
                Some(Err(_)) => break w.raw(before),
                None => break,
            }
        }
    } else if let Ok(mut pairs) = v.map() {
        w.raw(&[tag::MAP]);
        loop {
            let before = pairs.remaining();
            match pairs.next() {
                Some(Ok((key, val))) => {
                    let key_prefix = prefix(before, key.bytes());
                    w.raw(key_prefix);
                    encoded(key, map, w, re);
                    w.raw(&prefix(before, val.bytes())[key_prefix.len() + key.bytes().len()..]);
                    encoded(val, map, w, re);
                }
                Some(Err(_)) => break w.raw(before),
                None => break,
            }
        }
    } else if let Ok(raw) = v.fd() {
        // A descriptor the value cannot translate is recorded as -1, which
        // whoever receives the list (proc_exec, a socket) refuses.
        w.fd(r.number(map.local(raw).unwrap_or(-1)));
    } else {
        w.raw(v.bytes());
    }
}

/// Serialises `ad` into `w`.
///
/// # Safety
/// The value and everything it refers to must be alive.
pub(crate) unsafe fn write(ad: &argdata_t, w: &mut Writer, re: &mut Option<Renumber>) {
    /// One element with its length prefix.
    ///
    /// # Safety
    /// As for [`write`].
    unsafe fn element(e: *const argdata_t, w: &mut Writer, re: &mut Option<Renumber>) {
        // SAFETY: forwarded contract.
        let e = unsafe { &*e };
        w.entry_len(e.encoded_len());
        // SAFETY: forwarded contract.
        unsafe { write(e, w, re) };
    }
    // SAFETY: forwarded contract (the value and its elements are alive).
    match unsafe { ad.view() } {
        View::Encoded(v, map) => encoded(v, map, w, re),
        View::Binary(b) => w.binary(b),
        View::Str(s) => w.str(s),
        View::Seq(items) => {
            w.seq_start();
            for &e in items {
                // SAFETY: forwarded contract.
                unsafe { element(e, w, re) };
            }
        }
        View::Map(keys, values) => {
            w.map_start();
            for (&k, &v) in keys.iter().zip(values) {
                // SAFETY: forwarded contract.
                unsafe {
                    element(k, w, re);
                    element(v, w, re);
                }
            }
        }
    }
}

/// How many descriptor values `ad` holds, nested (not necessarily distinct).
///
/// # Safety
/// As for [`write`].
unsafe fn count_fds(ad: &argdata_t) -> usize {
    fn encoded(v: Value) -> usize {
        if let Ok(items) = v.seq() {
            items.map_while(Result::ok).map(encoded).sum()
        } else if let Ok(pairs) = v.map() {
            pairs.map_while(Result::ok).map(|(k, v)| encoded(k) + encoded(v)).sum()
        } else {
            usize::from(v.fd().is_ok())
        }
    }
    // SAFETY: forwarded contract (the value and its elements are alive).
    let elements = match unsafe { ad.view() } {
        View::Encoded(v, _) => return encoded(v),
        View::Binary(_) | View::Str(_) => return 0,
        View::Seq(items) => items.iter().chain(&[]),
        View::Map(keys, values) => keys.iter().chain(values),
    };
    // SAFETY: forwarded contract.
    elements.map(|&e| unsafe { count_fds(&*e) }).sum()
}

/// cloudlibc `argdata_serialized_length`: the bytes `argdata_serialize`
/// writes, and (if `n_fds` is not null) how many descriptor values the
/// value holds, an upper bound on the entries it fills in `fds`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_serialized_length(ad: *const argdata_t, size: *mut size_t, n_fds: *mut size_t) {
    // SAFETY: C contract: `ad` is a live value; the outputs are writable
    // (`n_fds` may be null).
    unsafe {
        let ad = &*ad;
        size.write(ad.encoded_len());
        if !n_fds.is_null() {
            n_fds.write(count_fds(ad));
        }
    }
}

/// cloudlibc `argdata_serialize`: writes the value into `buf` (of the size
/// `argdata_serialized_length` gave). With `fds` not null, descriptors are
/// renumbered from 0 in order of appearance, `fds[i]` receives the one
/// numbered `i`, and the count of distinct descriptors is returned;
/// otherwise they are written as they are and 0 is returned.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_serialize(ad: *const argdata_t, buf: *mut c_void, fds: *mut c_int) -> size_t {
    // SAFETY: C contract: `ad` is a live value.
    let ad = unsafe { &*ad };
    // SAFETY: C contract: `buf` holds the value's serialised length.
    let out = unsafe { crate::cptr::slice_mut(buf.cast(), ad.encoded_len()) };
    let mut w = Writer::new(out);
    let mut re = if fds.is_null() { None } else { Some(Renumber { fds, n: 0 }) };
    // SAFETY: as above.
    unsafe { write(ad, &mut w, &mut re) };
    debug_assert!(!w.overflowed() && w.len() == ad.encoded_len());
    re.map_or(0, |r| r.n)
}
