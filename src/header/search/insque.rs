//! insque, remque: doubly linked queues whose elements start with the
//! forward and backward links.

use crate::abi::c_void;

#[repr(C)]
struct Element {
    next: *mut Element,
    prev: *mut Element,
}

/// POSIX `insque`: inserts `elem` after `pred`; a null `pred` starts a
/// linear list holding just `elem`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn insque(elem: *mut c_void, pred: *mut c_void) {
    let (e, p) = (elem.cast::<Element>(), pred.cast::<Element>());
    // SAFETY: the C contract: both point at queue elements (pred may be
    // null), and pred's successor, if any, is one too.
    unsafe {
        if p.is_null() {
            (*e).next = core::ptr::null_mut();
            (*e).prev = core::ptr::null_mut();
            return;
        }
        let next = (*p).next;
        (*e).next = next;
        (*e).prev = p;
        (*p).next = e;
        if !next.is_null() {
            (*next).prev = e;
        }
    }
}

/// POSIX `remque`: unlinks `elem` from its queue.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn remque(elem: *mut c_void) {
    let e = elem.cast::<Element>();
    // SAFETY: the C contract: elem is linked into a queue.
    unsafe {
        let (next, prev) = ((*e).next, (*e).prev);
        if !next.is_null() {
            (*next).prev = prev;
        }
        if !prev.is_null() {
            (*prev).next = next;
        }
    }
}
