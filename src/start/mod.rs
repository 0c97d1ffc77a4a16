//! Portable CloudABI start-up: what runs between the kernel's (or the
//! emulator's) entry and `program_main`: the main thread's TLS, the
//! constructors, then `program_main(argdata)`. A program that defines
//! `main()` instead gets the adapter in `main_adapter.rs`.

pub mod fatal;
pub mod init;
#[cfg(not(test))]
pub mod main_adapter;
pub mod tls;

#[cfg(not(test))]
use crate::header::argdata::argdata_t;
use cloudabi::{auxtype, auxv};

/// What start-up learned from the auxiliary vector.
#[derive(Copy, Clone)]
pub struct Boot {
    pub argdata: &'static [u8],
    pub phdr: usize,
    pub phnum: usize,
    pub pagesz: usize,
    pub canary: usize,
    pub ncpus: usize,
    /// The initial thread's id, which it writes into the locks it holds.
    pub tid: u32,
}

static mut BOOT: Boot = Boot { argdata: &[], phdr: 0, phnum: 0, pagesz: 4096, canary: 0, ncpus: 1, tid: 0 };

/// The values start-up received; valid once `start` has begun.
pub fn boot() -> Boot {
    // SAFETY: written once in `start` before any other thread exists.
    unsafe { *core::ptr::addr_of!(BOOT) }
}

#[cfg(not(test))]
extern "C" {
    fn program_main(ad: *const argdata_t) -> !;
}

/// The CloudABI process entry: `auxv` is terminated by an `AT_NULL` entry.
///
/// # Safety
/// Called once, by the entry code, with a valid auxiliary vector.
pub unsafe fn start(mut v: *const auxv) -> ! {
    let mut b = boot();
    let mut ad_ptr = 0usize;
    let mut ad_len = 0usize;
    // SAFETY: the vector is well-formed and NULL-terminated.
    unsafe {
        while (*v).a_type != auxtype::NULL {
            let val = (*v).union.a_val;
            match (*v).a_type {
                auxtype::ARGDATA => ad_ptr = val,
                auxtype::ARGDATALEN => ad_len = val,
                auxtype::PHDR => b.phdr = val,
                auxtype::PHNUM => b.phnum = val,
                auxtype::PAGESZ => b.pagesz = val,
                auxtype::CANARY => b.canary = val,
                auxtype::NCPUS => b.ncpus = val,
                auxtype::TID => b.tid = val as u32,
                _ => {}
            }
            v = v.add(1);
        }
        if ad_ptr != 0 {
            b.argdata = core::slice::from_raw_parts(ad_ptr as *const u8, ad_len);
        }
        BOOT = b;
        tls::init_main_thread(&b);
        crate::header::pthread::init_main_thread(b.tid);
        init::run_constructors();
    }
    #[cfg(not(test))]
    {
        static mut ROOT: argdata_t = argdata_t::EMPTY;
        // SAFETY: ROOT is written once here, before any reader exists.
        unsafe {
            ROOT = argdata_t::from_buffer(b.argdata);
            program_main(core::ptr::addr_of!(ROOT));
        }
    }
    #[cfg(test)]
    unreachable!()
}
