//! `<link.h>`: `dl_iterate_phdr` (cloudlibc). The program is one static
//! executable, linked at its run-time addresses, so there is exactly one
//! object to report: base address 0, the program headers start-up found
//! in the auxiliary vector, and its TLS block as module 1.

use crate::abi::{c_char, c_int, c_void, size_t};
use crate::start;

pub const PT_LOAD: u32 = 1;
pub const PT_TLS: u32 = 7;
pub const PT_GNU_EH_FRAME: u32 = 0x6474_e550;

/// `Elf64_Phdr`.
#[repr(C)]
pub struct Elf64_Phdr {
    pub p_type: u32,
    pub p_flags: u32,
    pub p_offset: u64,
    pub p_vaddr: u64,
    pub p_paddr: u64,
    pub p_filesz: u64,
    pub p_memsz: u64,
    pub p_align: u64,
}

/// `struct dl_phdr_info` as include/link.h lays it out.
#[repr(C)]
pub struct dl_phdr_info {
    pub dlpi_addr: u64,
    pub dlpi_name: *const c_char,
    pub dlpi_phdr: *const Elf64_Phdr,
    pub dlpi_phnum: u16,
    pub dlpi_adds: u64,
    pub dlpi_subs: u64,
    pub dlpi_tls_modid: size_t,
    pub dlpi_tls_data: *mut c_void,
}

/// The program's headers, as loaded.
pub fn program_headers() -> &'static [Elf64_Phdr] {
    let b = start::boot();
    if b.phdr == 0 {
        return &[];
    }
    // SAFETY: AT_PHDR and AT_PHNUM describe the headers the kernel mapped
    // with the program; they stay for its lifetime.
    unsafe { core::slice::from_raw_parts(b.phdr as *const Elf64_Phdr, b.phnum) }
}

/// The first header of type `t`.
pub fn segment(t: u32) -> Option<&'static Elf64_Phdr> {
    program_headers().iter().find(|p| p.p_type == t)
}

/// The PT_LOAD segment containing `addr`.
pub fn loaded_segment(addr: usize) -> Option<&'static Elf64_Phdr> {
    let a = addr as u64;
    program_headers().iter().find(|p| p.p_type == PT_LOAD && a >= p.p_vaddr && a - p.p_vaddr < p.p_memsz)
}

/// The calling thread's copy of the PT_TLS segment (null without one).
fn tls_block() -> *mut c_void {
    let t = start::tls::template();
    if segment(PT_TLS).is_none() {
        return core::ptr::null_mut();
    }
    let tp = crate::start::tls::thread_pointer();
    // The block ends where the TCB begins, rounded to the segment's alignment.
    let block = (t.memsz + t.align - 1) & !(t.align - 1);
    (tp - block) as *mut c_void
}

/// cloudlibc `dl_iterate_phdr`: calls `f` once, for the program, and
/// returns what it returns.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn dl_iterate_phdr(
    f: unsafe extern "C" fn(*mut dl_phdr_info, size_t, *mut c_void) -> c_int,
    data: *mut c_void,
) -> c_int {
    let phdrs = program_headers();
    let tls = segment(PT_TLS).is_some();
    let mut info = dl_phdr_info {
        dlpi_addr: 0,
        dlpi_name: c"".as_ptr(),
        dlpi_phdr: phdrs.as_ptr(),
        dlpi_phnum: phdrs.len() as u16,
        dlpi_adds: 1,
        dlpi_subs: 0,
        dlpi_tls_modid: tls as size_t,
        dlpi_tls_data: tls_block(),
    };
    // SAFETY: calling the program's callback as the C contract says.
    unsafe { f(&mut info, core::mem::size_of::<dl_phdr_info>(), data) }
}
