//! `<argdata.h>`: structured program arguments (cloudlibc).

/// An argdata value as C sees it (`argdata_t`, opaque to C). Either a view
/// of encoded bytes, or a value built at run time by `argdata_create_*`.
#[repr(C)]
pub struct argdata_t {
    pub(crate) kind: Kind,
}

#[repr(C)]
pub(crate) enum Kind {
    /// Encoded bytes: tag and body, as the codec reads them.
    Buffer { ptr: *const u8, len: usize },
}

impl argdata_t {
    /// The null value (an empty buffer).
    pub const EMPTY: argdata_t = argdata_t { kind: Kind::Buffer { ptr: core::ptr::NonNull::dangling().as_ptr(), len: 0 } };

    /// A view of encoded bytes that live for the rest of the program.
    pub fn from_buffer(b: &'static [u8]) -> argdata_t {
        argdata_t { kind: Kind::Buffer { ptr: b.as_ptr(), len: b.len() } }
    }

    /// The encoded bytes, when this value is a buffer view.
    ///
    /// # Safety
    /// The buffer the value was made from must still be alive.
    pub unsafe fn buffer(&self) -> Option<&[u8]> {
        match self.kind {
            // SAFETY: the creator guaranteed ptr/len describe live bytes.
            Kind::Buffer { ptr, len } => Some(unsafe { core::slice::from_raw_parts(ptr, len) }),
        }
    }
}
