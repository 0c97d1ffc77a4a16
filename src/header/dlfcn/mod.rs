//! `<dlfcn.h>`: `dladdr` (cloudlibc), and the compat dynamic loading
//! calls. A static executable loads nothing: `dlopen(NULL)` returns a
//! handle for the program itself (closing it succeeds), any other
//! `dlopen` fails, and `dlsym` finds nothing because a static executable
//! carries no dynamic symbol table. `dladdr` can only say whether an
//! address lies in the program (its name is unknown, "" as in
//! `dl_iterate_phdr`); symbol names are never known. Messages for
//! `dlerror` are kept per process, not per thread.

use crate::abi::{c_char, c_int, c_void};
use crate::header::link::{loaded_segment, program_headers, segment, PT_GNU_EH_FRAME, PT_LOAD};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicPtr, Ordering};

/// `Dl_info` as include/dlfcn.h lays it out.
#[repr(C)]
pub struct Dl_info {
    pub dli_fname: *const c_char,
    pub dli_fbase: *mut c_void,
    pub dli_sname: *const c_char,
    pub dli_saddr: *mut c_void,
}

/// The address of the program's ELF header: where the first byte of the
/// file was mapped.
fn program_base() -> usize {
    let loads = program_headers().iter().filter(|p| p.p_type == PT_LOAD);
    loads.map(|p| (p.p_vaddr - p.p_offset) as usize).min().unwrap_or(0)
}

/// cloudlibc `dladdr`: for an address inside the program, fills in its
/// (empty) name and base address, with no symbol, and returns nonzero;
/// otherwise returns 0.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn dladdr(addr: *const c_void, info: *mut Dl_info) -> c_int {
    if loaded_segment(addr as usize).is_none() {
        return 0;
    }
    let i = Dl_info { dli_fname: c"".as_ptr(), dli_fbase: program_base() as *mut c_void, dli_sname: core::ptr::null(), dli_saddr: null_mut() };
    // SAFETY: `info` is writable (C contract).
    unsafe { info.write(i) };
    1
}

/// The one handle `dlopen` gives out: the program itself.
static PROGRAM: u8 = 0;

fn program_handle() -> *mut c_void {
    core::ptr::addr_of!(PROGRAM).cast_mut().cast()
}

/// The message `dlerror` returns next (null: none).
static ERROR: AtomicPtr<c_char> = AtomicPtr::new(null_mut());

fn fail<T>(msg: &'static core::ffi::CStr, value: T) -> T {
    ERROR.store(msg.as_ptr().cast_mut(), Ordering::Relaxed);
    value
}

/// Compat `dlopen`: the program's handle for a null name; otherwise NULL
/// (see `dlerror`).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dlopen(name: *const c_char, _mode: c_int) -> *mut c_void {
    if name.is_null() {
        program_handle()
    } else {
        fail(c"dlopen: dynamic loading is not supported (static executable)", null_mut())
    }
}

/// Compat `dlsym`: NULL, as there is no dynamic symbol table to search.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dlsym(handle: *mut c_void, _name: *const c_char) -> *mut c_void {
    let known = handle == program_handle() || handle.is_null() || handle as isize == -1;
    if known {
        fail(c"dlsym: symbol not found (a static executable has no dynamic symbol table)", null_mut())
    } else {
        fail(c"dlsym: invalid handle", null_mut())
    }
}

/// Compat `dlclose`: 0 for the program's handle, else nonzero.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dlclose(handle: *mut c_void) -> c_int {
    if handle == program_handle() {
        0
    } else {
        fail(c"dlclose: invalid handle", -1)
    }
}

/// Compat `dlerror`: the last error message, once; NULL when none.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn dlerror() -> *mut c_char {
    ERROR.swap(null_mut(), Ordering::Relaxed)
}

/// glibc's `struct dl_find_object`.
#[repr(C)]
pub struct dl_find_object {
    pub dlfo_flags: u64,
    pub dlfo_map_start: *mut c_void,
    pub dlfo_map_end: *mut c_void,
    pub dlfo_link_map: *mut c_void,
    pub dlfo_eh_frame: *mut c_void,
    pub reserved: [u64; 7],
}

/// Compat (glibc) `_dl_find_object`: for an address inside the program,
/// its mapped range and its PT_GNU_EH_FRAME (null without one), which is
/// how libgcc's unwinder finds unwind tables; -1 for other addresses.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn _dl_find_object(pc: *mut c_void, out: *mut dl_find_object) -> c_int {
    if loaded_segment(pc as usize).is_none() {
        return -1;
    }
    let loads = || program_headers().iter().filter(|p| p.p_type == PT_LOAD);
    let end = loads().map(|p| p.p_vaddr + p.p_memsz).max().unwrap_or(0);
    let o = dl_find_object {
        dlfo_flags: 0,
        dlfo_map_start: program_base() as *mut c_void,
        dlfo_map_end: end as *mut c_void,
        dlfo_link_map: null_mut(),
        dlfo_eh_frame: segment(PT_GNU_EH_FRAME).map_or(null_mut(), |p| p.p_vaddr as *mut c_void),
        reserved: [0; 7],
    };
    // SAFETY: `out` is writable (C contract).
    unsafe { out.write(o) };
    0
}
