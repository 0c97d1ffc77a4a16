//! Constructors and destructors of a static executable: the linker gathers
//! them into the preinit, init and fini arrays and marks the bounds.

#[cfg(not(test))]
extern "C" {
    static __preinit_array_start: [unsafe extern "C" fn(); 0];
    static __preinit_array_end: [unsafe extern "C" fn(); 0];
    static __init_array_start: [unsafe extern "C" fn(); 0];
    static __init_array_end: [unsafe extern "C" fn(); 0];
    static __fini_array_start: [unsafe extern "C" fn(); 0];
    static __fini_array_end: [unsafe extern "C" fn(); 0];
}

#[cfg(not(test))]
unsafe fn run(start: *const unsafe extern "C" fn(), end: *const unsafe extern "C" fn(), reverse: bool) {
    let n = (end as usize - start as usize) / core::mem::size_of::<unsafe extern "C" fn()>();
    for i in 0..n {
        let idx = if reverse { n - 1 - i } else { i };
        // SAFETY: the linker-provided array holds `n` function pointers.
        unsafe { (*start.add(idx))() };
    }
}

/// Runs `.preinit_array` then `.init_array`, in order.
pub unsafe fn run_constructors() {
    #[cfg(not(test))]
    // SAFETY: the bounds come from the linker script of a static link.
    unsafe {
        run(__preinit_array_start.as_ptr(), __preinit_array_end.as_ptr(), false);
        run(__init_array_start.as_ptr(), __init_array_end.as_ptr(), false);
    }
}

/// Runs `.fini_array` in reverse order (at `exit`).
pub unsafe fn run_destructors() {
    #[cfg(not(test))]
    // SAFETY: as above.
    unsafe {
        run(__fini_array_start.as_ptr(), __fini_array_end.as_ptr(), true);
    }
}
