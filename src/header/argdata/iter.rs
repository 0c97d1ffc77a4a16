//! argdata_seq_iterate/get/next and argdata_map_iterate/get/next.
//!
//! The iterators are caller-allocated structs of cloudlibc's size
//! (`{ alignas(long) int error; char data[128]; }`: 136 bytes, 8-aligned).
//! Over a constructed seq or map they hold the arrays and an index; over
//! encoded bytes they hold the codec's iterator and the current element(s)
//! decoded into `argdata_t` views, which `*_get` hands out and `*_next`
//! replaces. Malformed bytes end the iteration with `error = EINVAL`.

use super::{argdata_t, FdMap, Kind, View};
use crate::abi::c_int;
use argdata::{MapIter, SeqIter, Value};
use cloudabi::errno;
use core::mem::{align_of, offset_of, size_of};

/// The C declaration's size and alignment.
const C_SIZE: usize = 136;
const C_ALIGN: usize = 8;

/// cloudlibc `argdata_seq_iterator_t`.
#[repr(C)]
pub struct argdata_seq_iterator_t {
    pub error: c_int,
    state: SeqState,
}

/// cloudlibc `argdata_map_iterator_t`.
#[repr(C)]
pub struct argdata_map_iterator_t {
    pub error: c_int,
    state: MapState,
}

const _: () = {
    assert!(size_of::<argdata_seq_iterator_t>() <= C_SIZE && align_of::<argdata_seq_iterator_t>() == C_ALIGN);
    assert!(size_of::<argdata_map_iterator_t>() <= C_SIZE && align_of::<argdata_map_iterator_t>() == C_ALIGN);
    assert!(offset_of!(argdata_seq_iterator_t, error) == 0 && offset_of!(argdata_map_iterator_t, error) == 0);
};

enum SeqState {
    Array { items: *const *const argdata_t, count: usize, index: usize },
    Encoded { rest: SeqIter<'static>, fds: FdMap, current: Option<argdata_t> },
}

enum MapState {
    Array { keys: *const *const argdata_t, values: *const *const argdata_t, count: usize, index: usize },
    Encoded { rest: MapIter<'static>, fds: FdMap, current: Option<(argdata_t, argdata_t)> },
}

/// A view of one encoded element, translating descriptors as its parent does.
fn element(v: Value<'static>, fds: FdMap) -> argdata_t {
    let b = v.bytes();
    argdata_t { kind: Kind::Buffer { ptr: b.as_ptr(), len: b.len(), fds } }
}

/// The encoded bytes of `ad` with their lifetime tied to nothing: the
/// iterator is only valid while the value's memory is, as C's contract says.
///
/// # Safety
/// The value's memory must outlive every use of the result.
unsafe fn detach(v: Value<'_>) -> Value<'static> {
    let b = v.bytes();
    // SAFETY: forwarded contract.
    Value::new(unsafe { crate::cptr::slice(b.as_ptr(), b.len()) })
}

impl argdata_seq_iterator_t {
    /// Decodes the next encoded element, or records why there is none.
    fn advance(&mut self) {
        if let SeqState::Encoded { rest, fds, current } = &mut self.state {
            *current = match rest.next() {
                Some(Ok(v)) => Some(element(v, *fds)),
                Some(Err(_)) => {
                    self.error = errno::INVAL as c_int;
                    None
                }
                None => None,
            };
        }
    }
}

impl argdata_map_iterator_t {
    fn advance(&mut self) {
        if let MapState::Encoded { rest, fds, current } = &mut self.state {
            *current = match rest.next() {
                Some(Ok((k, v))) => Some((element(k, *fds), element(v, *fds))),
                Some(Err(_)) => {
                    self.error = errno::INVAL as c_int;
                    None
                }
                None => None,
            };
        }
    }
}

const EMPTY_SEQ: SeqState = SeqState::Array { items: core::ptr::null(), count: 0, index: 0 };
const EMPTY_MAP: MapState = MapState::Array { keys: core::ptr::null(), values: core::ptr::null(), count: 0, index: 0 };

/// cloudlibc `argdata_seq_iterate`: starts iterating; `it->error` is 0, or
/// `EINVAL` (and the iteration empty) when the value is not a sequence.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_seq_iterate(ad: *const argdata_t, it: *mut argdata_seq_iterator_t) {
    // SAFETY: C contract: `ad` is a live value.
    let ad = unsafe { &*ad };
    let (error, state) = match ad.kind {
        Kind::Seq { items, count, .. } => (0, SeqState::Array { items, count, index: 0 }),
        // SAFETY: as above.
        _ => match unsafe { ad.view() } {
            // SAFETY: the caller keeps the value alive while iterating.
            View::Encoded(v, fds) => match unsafe { detach(v) }.seq() {
                Ok(rest) => (0, SeqState::Encoded { rest, fds, current: None }),
                Err(_) => (errno::INVAL as c_int, EMPTY_SEQ),
            },
            _ => (errno::INVAL as c_int, EMPTY_SEQ),
        },
    };
    // SAFETY: C contract: `it` points at writable iterator storage.
    let it = unsafe {
        it.write(argdata_seq_iterator_t { error, state });
        &mut *it
    };
    it.advance();
}

/// cloudlibc `argdata_seq_get`: the current element, or false at the end.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_seq_get(it: *const argdata_seq_iterator_t, out: *mut *const argdata_t) -> bool {
    // SAFETY: C contract: `it` was set up by argdata_seq_iterate.
    let found = match unsafe { &(*it).state } {
        // SAFETY: the array holds `count` element pointers.
        &SeqState::Array { items, count, index } if index < count => unsafe { *items.add(index) },
        SeqState::Encoded { current: Some(e), .. } => e,
        _ => return false,
    };
    // SAFETY: C contract: `out` is writable.
    unsafe { out.write(found) };
    true
}

/// cloudlibc `argdata_seq_next`: moves to the next element.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_seq_next(it: *mut argdata_seq_iterator_t) {
    // SAFETY: C contract: `it` was set up by argdata_seq_iterate.
    let it = unsafe { &mut *it };
    match &mut it.state {
        SeqState::Array { count, index, .. } => *index = (*index + 1).min(*count),
        SeqState::Encoded { .. } => it.advance(),
    }
}

/// cloudlibc `argdata_map_iterate`: starts iterating; `it->error` is 0, or
/// `EINVAL` (and the iteration empty) when the value is not a map.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_map_iterate(ad: *const argdata_t, it: *mut argdata_map_iterator_t) {
    // SAFETY: C contract: `ad` is a live value.
    let ad = unsafe { &*ad };
    let (error, state) = match ad.kind {
        Kind::Map { keys, values, count, .. } => (0, MapState::Array { keys, values, count, index: 0 }),
        // SAFETY: as above.
        _ => match unsafe { ad.view() } {
            // SAFETY: the caller keeps the value alive while iterating.
            View::Encoded(v, fds) => match unsafe { detach(v) }.map() {
                Ok(rest) => (0, MapState::Encoded { rest, fds, current: None }),
                Err(_) => (errno::INVAL as c_int, EMPTY_MAP),
            },
            _ => (errno::INVAL as c_int, EMPTY_MAP),
        },
    };
    // SAFETY: C contract: `it` points at writable iterator storage.
    let it = unsafe {
        it.write(argdata_map_iterator_t { error, state });
        &mut *it
    };
    it.advance();
}

/// cloudlibc `argdata_map_get`: the current key and value, or false at the end.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_map_get(
    it: *const argdata_map_iterator_t,
    key: *mut *const argdata_t,
    value: *mut *const argdata_t,
) -> bool {
    // SAFETY: C contract: `it` was set up by argdata_map_iterate.
    let (k, v): (*const argdata_t, *const argdata_t) = match unsafe { &(*it).state } {
        // SAFETY: both arrays hold `count` element pointers.
        &MapState::Array { keys, values, count, index } if index < count => unsafe {
            (*keys.add(index), *values.add(index))
        },
        MapState::Encoded { current: Some((k, v)), .. } => (k, v),
        _ => return false,
    };
    // SAFETY: C contract: both outputs are writable.
    unsafe {
        key.write(k);
        value.write(v);
    }
    true
}

/// cloudlibc `argdata_map_next`: moves to the next key/value pair.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn argdata_map_next(it: *mut argdata_map_iterator_t) {
    // SAFETY: C contract: `it` was set up by argdata_map_iterate.
    let it = unsafe { &mut *it };
    match &mut it.state {
        MapState::Array { count, index, .. } => *index = (*index + 1).min(*count),
        MapState::Encoded { .. } => it.advance(),
    }
}
