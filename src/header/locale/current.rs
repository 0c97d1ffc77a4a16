//! The per-thread current locale of `uselocale`, kept in a `.tbss` slot
//! beside `errno` (see `crate::errno`) so every thread starts with none,
//! meaning "the global locale".

use super::{locale_t, LC_GLOBAL_LOCALE};

#[cfg(not(test))]
core::arch::global_asm!(
    ".pushsection .tbss,\"awT\",@nobits",
    ".globl __cloudlibc_thread_locale",
    ".type __cloudlibc_thread_locale, @object",
    ".size __cloudlibc_thread_locale, 8",
    ".p2align 3",
    "__cloudlibc_thread_locale:",
    ".zero 8",
    ".popsection",
);

/// Address of the calling thread's slot.
#[cfg(not(test))]
#[inline(always)]
fn slot() -> *mut locale_t {
    crate::tls_address!("__cloudlibc_thread_locale").cast()
}

#[cfg(test)]
fn slot() -> *mut locale_t {
    std::thread_local!(static SLOT: core::cell::UnsafeCell<locale_t> = const { core::cell::UnsafeCell::new(core::ptr::null_mut()) });
    SLOT.with(|s| s.get())
}

/// The thread's own locale, or null when it uses the global one.
pub fn get() -> locale_t {
    // SAFETY: the slot belongs to this thread.
    unsafe { *slot() }
}

/// POSIX (compat) `uselocale`: sets the calling thread's current locale
/// (LC_GLOBAL_LOCALE: back to the global one; null: no change) and returns
/// the previous one.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uselocale(l: locale_t) -> locale_t {
    let old = get();
    if !l.is_null() {
        let new = if l == LC_GLOBAL_LOCALE { core::ptr::null_mut() } else { l };
        // SAFETY: the slot belongs to this thread.
        unsafe { *slot() = new };
    }
    if old.is_null() {
        LC_GLOBAL_LOCALE
    } else {
        old
    }
}
