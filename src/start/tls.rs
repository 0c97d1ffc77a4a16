//! Thread-local storage for a static executable (x86_64 "variant II").
//!
//! The TLS block of a thread ends where its thread control block begins, and
//! the thread pointer (`%fs` base) points at the TCB. The linker resolves
//! every `__thread` variable, and `errno`, to a fixed negative offset from
//! the thread pointer, so each thread needs: a copy of the PT_TLS image
//! (initialised part, then zeros), directly below a TCB whose first word is
//! its own address (what `%fs:0` loads), with the stack-protector canary at
//! `%fs:0x28` where gcc looks for it.

use super::Boot;
use crate::sys;

/// The thread control block that `%fs` points at.
#[repr(C)]
pub struct Tcb {
    /// `%fs:0`: the TCB's own address, read by code that needs the thread
    /// pointer as an address.
    pub self_ptr: *mut Tcb,
    pub dtv: usize,
    pub self2: *mut Tcb,
    pub reserved: [usize; 2],
    /// `%fs:0x28`: gcc's stack-protector canary.
    pub stack_guard: usize,
    pub pointer_guard: usize,
    /// The thread's pthread handle (set by the threads code).
    pub thread: *mut core::ffi::c_void,
    pub spare: [usize; 8],
}

const PT_TLS: u32 = 7;

#[repr(C)]
struct Phdr {
    p_type: u32,
    p_flags: u32,
    p_offset: u64,
    p_vaddr: u64,
    p_paddr: u64,
    p_filesz: u64,
    p_memsz: u64,
    p_align: u64,
}

/// The program's TLS template.
#[derive(Copy, Clone)]
pub struct Template {
    pub image: *const u8,
    pub filesz: usize,
    pub memsz: usize,
    pub align: usize,
}

static mut TEMPLATE: Template = Template { image: core::ptr::null(), filesz: 0, memsz: 0, align: 1 };

fn round_up(v: usize, a: usize) -> usize {
    (v + a - 1) & !(a - 1)
}

/// Finds PT_TLS among the program headers.
fn find_template(b: &Boot) -> Template {
    let mut t = Template { image: core::ptr::null(), filesz: 0, memsz: 0, align: 1 };
    for i in 0..b.phnum {
        // SAFETY: AT_PHDR/AT_PHNUM describe the loaded program headers.
        let ph = unsafe { &*(b.phdr as *const Phdr).add(i) };
        if ph.p_type == PT_TLS {
            // Static non-PIE executables: p_vaddr is the load address.
            t.image = ph.p_vaddr as *const u8;
            t.filesz = ph.p_filesz as usize;
            t.memsz = ph.p_memsz as usize;
            t.align = (ph.p_align as usize).max(1).next_power_of_two();
        }
    }
    t
}

/// The template found at start-up.
pub fn template() -> Template {
    // SAFETY: written once at start-up before other threads exist.
    unsafe { *core::ptr::addr_of!(TEMPLATE) }
}

/// Bytes a thread's TLS area needs (block, TCB and alignment slack).
pub fn area_size() -> usize {
    let t = template();
    round_up(t.memsz, t.align) + core::mem::size_of::<Tcb>() + tp_align(&t)
}

/// The linker places variables at offsets counted back from the thread
/// pointer in units of the segment's own alignment, so the block size uses
/// `p_align`; the TCB itself wants at least 16 bytes of alignment.
fn tp_align(t: &Template) -> usize {
    t.align.max(16)
}

/// Lays out a TLS area in `mem` (at least `area_size()` bytes, zeroed) and
/// returns the thread pointer.
///
/// # Safety
/// `mem` must be writable for `area_size()` bytes and outlive the thread.
pub unsafe fn create(mem: *mut u8, canary: usize) -> *mut Tcb {
    let t = template();
    let block = round_up(t.memsz, t.align);
    let tp = round_up(mem as usize + block, tp_align(&t)) as *mut Tcb;
    let start = (tp as usize - block) as *mut u8;
    // SAFETY: `start..tp` lies within `mem` by construction; the image is
    // the loaded PT_TLS segment of `filesz` bytes; the rest stays zero.
    unsafe {
        core::ptr::copy_nonoverlapping(t.image, start, t.filesz);
        tp.write(Tcb {
            self_ptr: tp,
            dtv: 0,
            self2: tp,
            reserved: [0; 2],
            stack_guard: canary,
            pointer_guard: 0,
            thread: core::ptr::null_mut(),
            spare: [0; 8],
        });
    }
    tp
}

#[repr(C, align(64))]
struct MainArea([u8; 8192]);
static mut MAIN_AREA: MainArea = MainArea([0; 8192]);

/// Sets up TLS for the main thread and installs its thread pointer.
///
/// # Safety
/// Called once at start-up, before anything touches a thread-local.
pub unsafe fn init_main_thread(b: &Boot) {
    // SAFETY: single-threaded start-up.
    unsafe { TEMPLATE = find_template(b) };
    let need = area_size();
    let mem = if need <= 8192 {
        core::ptr::addr_of_mut!(MAIN_AREA) as *mut u8
    } else {
        match sys::mem_map_anon(need) {
            Ok(p) => p,
            Err(_) => sys::proc_exit(71),
        }
    };
    let canary = if b.canary != 0 {
        // SAFETY: AT_RANDOM points at 16 random bytes.
        let c = unsafe { (b.canary as *const usize).read_unaligned() };
        // A zero low byte stops string overflows from reproducing the canary.
        c & !0xff
    } else {
        0x5a5a_5a5a_5a5a_5a00
    };
    // SAFETY: `mem` holds `need` zeroed bytes that live forever.
    unsafe {
        let tp = create(mem, canary);
        sys::set_thread_pointer(tp as *mut u8);
    }
}

/// The calling thread's thread pointer: the address of its TCB, which
/// `%fs:0` holds (start-up installs it before any other code runs).
#[inline(always)]
pub fn thread_pointer() -> usize {
    let tp: usize;
    // SAFETY: reading `%fs:0` has no side effects; start-up (or, under
    // `cargo test`, the host libc) has installed a TCB whose first word is
    // its own address.
    unsafe { core::arch::asm!("mov {}, qword ptr fs:[0]", out(reg) tp, options(pure, readonly, nostack, preserves_flags)) };
    tp
}

/// The calling thread's copy of a `.tbss` variable the library defines in
/// assembly, as `*mut u8`: the thread pointer plus the symbol's link-time
/// offset (`@tpoff`, the local-exec model a static executable allows).
#[macro_export]
macro_rules! tls_address {
    ($sym:literal) => {{
        let p: *mut u8;
        // SAFETY: start-up installs the thread pointer before any code that
        // reaches a thread-local runs; `@tpoff` is fixed at link time.
        unsafe {
            core::arch::asm!(
                "mov {p}, qword ptr fs:[0]",
                concat!("lea {p}, [{p} + ", $sym, "@tpoff]"),
                p = out(reg) p,
                options(pure, readonly, nostack, preserves_flags),
            );
        }
        p
    }};
}
