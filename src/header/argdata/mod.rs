//! `<argdata.h>`: structured program arguments (cloudlibc).
//!
//! An `argdata_t` is either a view of encoded bytes (what a program is
//! started with, `argdata_from_buffer`, the scalars `argdata_create_*`
//! encode in place), or a value built at run time around caller-owned
//! memory (binary, string, seq, map), which is only encoded when it is
//! serialised. Everything encoded is read and written by the shared codec
//! crate `argdata`; this module only adds the C view of it.

mod create;
mod get;
mod iter;
pub mod print;
mod reader;
mod serialize;
mod writer;

pub use create::*;
pub use get::*;
pub use iter::*;
pub use print::argdata_print_yaml;
pub use reader::*;
pub use serialize::*;
pub use writer::*;

use crate::abi::{c_int, c_void, size_t};
use crate::errno::Errno;
use argdata::Value;
use cloudabi::errno;

/// `int (*convert_fd)(void *, size_t)` of `argdata_from_buffer`: turns a
/// descriptor number as stored into a process-local one (negative: none).
pub type ConvertFd = unsafe extern "C" fn(*mut c_void, size_t) -> c_int;

/// How the descriptor numbers stored in encoded bytes map to the process's.
#[repr(C)]
#[derive(Copy, Clone)]
pub(crate) struct FdMap {
    convert: Option<ConvertFd>,
    arg: *mut c_void,
}

unsafe extern "C" fn same_fd(_: *mut c_void, fd: size_t) -> c_int {
    c_int::try_from(fd).unwrap_or(-1)
}

impl FdMap {
    /// Stored numbers are the process's own (start-up, `argdata_create_fd`).
    pub(crate) const IDENTITY: FdMap = FdMap { convert: Some(same_fd), arg: core::ptr::null_mut() };

    pub(crate) const fn new(convert: Option<ConvertFd>, arg: *mut c_void) -> FdMap {
        FdMap { convert, arg }
    }

    /// The process-local descriptor for a stored number, or `EBADF` when the
    /// creator gave no conversion or the conversion has none.
    pub(crate) fn local(&self, raw: u32) -> Result<c_int, Errno> {
        let convert = self.convert.ok_or(errno::BADF)?;
        // SAFETY: the function and its argument were given together by the
        // creator of the value, who vouches for them while the value lives.
        let fd = unsafe { convert(self.arg, raw as size_t) };
        if fd < 0 {
            Err(errno::BADF)
        } else {
            Ok(fd)
        }
    }
}

/// Longest scalar the `argdata_create_*` functions encode in place: a
/// timestamp (tag and up to 12 bytes of nanoseconds).
const INLINE: usize = 14;

/// An argdata value as C sees it (`argdata_t`, opaque to C). Copies are
/// views of the same memory, which is what iterators hand out.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct argdata_t {
    pub(crate) kind: Kind,
}

// SAFETY: a value is never modified after creation; the memory its
// pointers name is only read, and C's contract keeps it alive and unchanged.
unsafe impl Sync for argdata_t {}

#[repr(C)]
#[derive(Copy, Clone)]
pub(crate) enum Kind {
    /// Encoded bytes: tag and body, as the codec reads them.
    Buffer { ptr: *const u8, len: usize, fds: FdMap },
    /// A scalar encoded into the value itself; descriptors are the process's.
    Inline { len: u8, bytes: [u8; INLINE] },
    /// `argdata_create_binary`: caller-owned bytes.
    Binary { ptr: *const u8, len: usize },
    /// `argdata_create_str`: caller-owned UTF-8, without its terminator.
    Str { ptr: *const u8, len: usize },
    /// `argdata_create_seq`: caller-owned array of elements.
    Seq { items: *const *const argdata_t, count: usize, encoded: usize },
    /// `argdata_create_map`: caller-owned arrays of keys and values.
    Map { keys: *const *const argdata_t, values: *const *const argdata_t, count: usize, encoded: usize },
}

/// A value's contents as the functions of this module dispatch on them.
pub(crate) enum View<'a> {
    Encoded(Value<'a>, FdMap),
    Binary(&'a [u8]),
    Str(&'a [u8]),
    Seq(&'a [*const argdata_t]),
    Map(&'a [*const argdata_t], &'a [*const argdata_t]),
}

impl argdata_t {
    /// The null value (an empty buffer).
    pub const EMPTY: argdata_t =
        argdata_t { kind: Kind::Buffer { ptr: core::ptr::NonNull::dangling().as_ptr(), len: 0, fds: FdMap::IDENTITY } };

    /// A scalar whose encoding (at most `INLINE` bytes) is stored in place.
    pub(crate) const fn inline(enc: &[u8]) -> argdata_t {
        let mut bytes = [0u8; INLINE];
        let mut i = 0;
        while i < enc.len() {
            bytes[i] = enc[i];
            i += 1;
        }
        argdata_t { kind: Kind::Inline { len: enc.len() as u8, bytes } }
    }

    /// A view of encoded bytes that live for the rest of the program, whose
    /// descriptor numbers are the process's own (the start-up argdata).
    pub fn from_buffer(b: &'static [u8]) -> argdata_t {
        argdata_t { kind: Kind::Buffer { ptr: b.as_ptr(), len: b.len(), fds: FdMap::IDENTITY } }
    }

    /// The encoded bytes, when this value is a buffer view.
    ///
    /// # Safety
    /// The buffer the value was made from must still be alive.
    pub unsafe fn buffer(&self) -> Option<&[u8]> {
        match self.kind {
            // SAFETY: the creator guaranteed ptr/len describe live bytes.
            Kind::Buffer { ptr, len, .. } => Some(unsafe { core::slice::from_raw_parts(ptr, len) }),
            _ => None,
        }
    }

    /// What the value holds.
    ///
    /// # Safety
    /// The memory the value was created around must still be alive (the C
    /// contract of every function taking an `argdata_t`).
    pub(crate) unsafe fn view(&self) -> View<'_> {
        // SAFETY (all arms): the creator passed pointer/length pairs that
        // describe live memory, kept alive as long as the value is used.
        match &self.kind {
            &Kind::Buffer { ptr, len, fds } => View::Encoded(Value::new(unsafe { crate::cptr::slice(ptr, len) }), fds),
            Kind::Inline { len, bytes } => View::Encoded(Value::new(&bytes[..usize::from(*len)]), FdMap::IDENTITY),
            &Kind::Binary { ptr, len } => View::Binary(unsafe { crate::cptr::slice(ptr, len) }),
            &Kind::Str { ptr, len } => View::Str(unsafe { crate::cptr::slice(ptr, len) }),
            &Kind::Seq { items, count, .. } => View::Seq(unsafe { pointers(items, count) }),
            &Kind::Map { keys, values, count, .. } => {
                View::Map(unsafe { pointers(keys, count) }, unsafe { pointers(values, count) })
            }
        }
    }

    /// Length of the value's serialisation (`argdata_serialized_length`).
    pub(crate) fn encoded_len(&self) -> usize {
        match self.kind {
            Kind::Buffer { len, .. } => len,
            Kind::Inline { len, .. } => usize::from(len),
            Kind::Binary { len, .. } => 1 + len,
            Kind::Str { len, .. } => 2 + len,
            Kind::Seq { encoded, .. } | Kind::Map { encoded, .. } => encoded,
        }
    }
}

/// `count` element pointers at `p` (null allowed when `count` is 0).
///
/// # Safety
/// `p` must point at `count` pointers alive for `'a`.
unsafe fn pointers<'a>(p: *const *const argdata_t, count: usize) -> &'a [*const argdata_t] {
    if count == 0 {
        &[]
    } else {
        // SAFETY: forwarded contract.
        unsafe { core::slice::from_raw_parts(p, count) }
    }
}

/// The C error number for a codec error.
pub(crate) fn code(e: argdata::Error) -> Errno {
    match e {
        argdata::Error::Invalid | argdata::Error::WrongType => errno::INVAL,
        argdata::Error::Range => errno::RANGE,
    }
}

/// cloudlibc `argdata_null`: the value with no contents.
#[cfg_attr(not(test), no_mangle)]
pub static argdata_null: argdata_t = argdata_t::EMPTY;

/// cloudlibc `argdata_true`: the boolean true.
#[cfg_attr(not(test), no_mangle)]
pub static argdata_true: argdata_t = argdata_t::inline(&[argdata::tag::BOOL, 1]);

/// cloudlibc `argdata_false`: the boolean false.
#[cfg_attr(not(test), no_mangle)]
pub static argdata_false: argdata_t = argdata_t::inline(&[argdata::tag::BOOL]);

#[cfg(test)]
mod tests;
