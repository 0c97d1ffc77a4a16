//! Byte vectors for the string functions: SSE2 (16 bytes, baseline on every
//! x86_64), AVX2 (32 bytes) and, for copying and filling only, AVX-512
//! (64 bytes); the wider ones only where `cpuid` reports them.
//!
//! Each algorithm is written once, generic over [`Vector`] (memory access)
//! and [`Bytes`] (comparisons), and instantiated per width: plainly with
//! [`Sse2`], and inside `#[target_feature]` functions with [`Avx2`] and
//! [`Avx512`]. The [`dispatch!`] macro builds the function that picks one.
//! The methods are `#[inline(always)]` so that they compile into the caller
//! with the caller's target features.

use core::arch::x86_64::*;
use core::sync::atomic::{AtomicU8, Ordering};

/// A vector of `W` bytes, as far as loading and storing go.
///
/// Values of a vector type can only be made by its `unsafe` constructors
/// (`load`, `loadu`, `splat`), whose contract includes that the CPU supports
/// the type's instructions; the arithmetic on existing values is then safe.
pub(super) trait Vector: Copy {
    /// Width in bytes (a power of two).
    const W: usize;
    /// Loads `W` bytes from `p`, which is aligned to `W`.
    unsafe fn load(p: *const u8) -> Self;
    /// Loads `W` bytes from `p`.
    unsafe fn loadu(p: *const u8) -> Self;
    /// Stores `W` bytes at `p`, which is aligned to `W`. The store is
    /// volatile so that LLVM cannot turn a fill or copy loop made of these
    /// stores back into a call to `memset` or `memcpy`.
    unsafe fn store(p: *mut u8, v: Self);
    /// Stores `W` bytes at `p`.
    unsafe fn storeu(p: *mut u8, v: Self);
    /// `W` copies of `b`.
    unsafe fn splat(b: u8) -> Self;
}

/// Comparisons on vectors (SSE2 and AVX2; AVX-512's compares write mask
/// registers, see the methods of [`Avx512`]).
pub(super) trait Bytes: Vector {
    /// Bytewise unsigned minimum.
    fn min(self, o: Self) -> Self;
    /// Bytewise exclusive or.
    fn xor(self, o: Self) -> Self;
    /// 0xff where the bytes are equal, 0 elsewhere.
    fn eq(self, o: Self) -> Self;
    /// Bytewise or.
    fn or(self, o: Self) -> Self;
    /// Bit `i` set where byte `i` is zero.
    fn zeros(self) -> u32;
    /// Bit `i` set where byte `i` has its top bit set.
    fn tops(self) -> u32;
}

/// 16-byte SSE2 vectors.
#[derive(Clone, Copy)]
pub(super) struct Sse2(__m128i);

impl Vector for Sse2 {
    const W: usize = 16;

    #[inline(always)]
    unsafe fn load(p: *const u8) -> Self {
        // SAFETY: forwarded contract (readable and aligned).
        Sse2(unsafe { _mm_load_si128(p.cast()) })
    }
    #[inline(always)]
    unsafe fn loadu(p: *const u8) -> Self {
        // SAFETY: forwarded contract (readable).
        Sse2(unsafe { _mm_loadu_si128(p.cast()) })
    }
    #[inline(always)]
    unsafe fn store(p: *mut u8, v: Self) {
        // SAFETY: forwarded contract (writable and aligned).
        unsafe { core::ptr::write_volatile(p.cast::<__m128i>(), v.0) }
    }
    #[inline(always)]
    unsafe fn storeu(p: *mut u8, v: Self) {
        // SAFETY: forwarded contract (writable).
        unsafe { _mm_storeu_si128(p.cast(), v.0) }
    }
    #[inline(always)]
    unsafe fn splat(b: u8) -> Self {
        // SAFETY: SSE2 is part of the x86_64 baseline.
        Sse2(unsafe { _mm_set1_epi8(b as i8) })
    }
}

impl Bytes for Sse2 {
    #[inline(always)]
    fn min(self, o: Self) -> Self {
        // SAFETY: SSE2 is part of the x86_64 baseline.
        Sse2(unsafe { _mm_min_epu8(self.0, o.0) })
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        // SAFETY: SSE2 is part of the x86_64 baseline.
        Sse2(unsafe { _mm_xor_si128(self.0, o.0) })
    }
    #[inline(always)]
    fn eq(self, o: Self) -> Self {
        // SAFETY: SSE2 is part of the x86_64 baseline.
        Sse2(unsafe { _mm_cmpeq_epi8(self.0, o.0) })
    }
    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: SSE2 is part of the x86_64 baseline.
        Sse2(unsafe { _mm_or_si128(self.0, o.0) })
    }
    #[inline(always)]
    fn zeros(self) -> u32 {
        // SAFETY: SSE2 is part of the x86_64 baseline.
        unsafe { _mm_movemask_epi8(_mm_cmpeq_epi8(self.0, _mm_setzero_si128())) as u32 }
    }
    #[inline(always)]
    fn tops(self) -> u32 {
        // SAFETY: SSE2 is part of the x86_64 baseline.
        unsafe { _mm_movemask_epi8(self.0) as u32 }
    }
}

/// 32-byte AVX2 vectors; only made after [`avx2`] returned true.
#[derive(Clone, Copy)]
pub(super) struct Avx2(__m256i);

impl Vector for Avx2 {
    const W: usize = 32;

    #[inline(always)]
    unsafe fn load(p: *const u8) -> Self {
        // SAFETY: forwarded contract (readable, aligned, AVX2 present).
        Avx2(unsafe { _mm256_load_si256(p.cast()) })
    }
    #[inline(always)]
    unsafe fn loadu(p: *const u8) -> Self {
        // SAFETY: forwarded contract (readable, AVX2 present).
        Avx2(unsafe { _mm256_loadu_si256(p.cast()) })
    }
    #[inline(always)]
    unsafe fn store(p: *mut u8, v: Self) {
        // SAFETY: forwarded contract (writable and aligned).
        unsafe { core::ptr::write_volatile(p.cast::<__m256i>(), v.0) }
    }
    #[inline(always)]
    unsafe fn storeu(p: *mut u8, v: Self) {
        // SAFETY: forwarded contract (writable, AVX2 present).
        unsafe { _mm256_storeu_si256(p.cast(), v.0) }
    }
    #[inline(always)]
    unsafe fn splat(b: u8) -> Self {
        // SAFETY: forwarded contract (AVX2 present).
        Avx2(unsafe { _mm256_set1_epi8(b as i8) })
    }
}

impl Bytes for Avx2 {
    #[inline(always)]
    fn min(self, o: Self) -> Self {
        // SAFETY: a value of this type proves AVX2 is present (see `Vector`).
        Avx2(unsafe { _mm256_min_epu8(self.0, o.0) })
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        // SAFETY: as for `min`.
        Avx2(unsafe { _mm256_xor_si256(self.0, o.0) })
    }
    #[inline(always)]
    fn eq(self, o: Self) -> Self {
        // SAFETY: as for `min`.
        Avx2(unsafe { _mm256_cmpeq_epi8(self.0, o.0) })
    }
    #[inline(always)]
    fn or(self, o: Self) -> Self {
        // SAFETY: as for `min`.
        Avx2(unsafe { _mm256_or_si256(self.0, o.0) })
    }
    #[inline(always)]
    fn zeros(self) -> u32 {
        // SAFETY: as for `min`.
        unsafe { _mm256_movemask_epi8(_mm256_cmpeq_epi8(self.0, _mm256_setzero_si256())) as u32 }
    }
    #[inline(always)]
    fn tops(self) -> u32 {
        // SAFETY: as for `min`.
        unsafe { _mm256_movemask_epi8(self.0) as u32 }
    }
}

/// 64-byte AVX-512 vectors; only made after [`avx512`] returned true.
#[derive(Clone, Copy)]
pub(super) struct Avx512(__m512i);

impl Vector for Avx512 {
    const W: usize = 64;

    #[inline(always)]
    unsafe fn load(p: *const u8) -> Self {
        // SAFETY: forwarded contract (readable, aligned, AVX-512 present).
        Avx512(unsafe { _mm512_load_si512(p.cast()) })
    }
    #[inline(always)]
    unsafe fn loadu(p: *const u8) -> Self {
        // SAFETY: forwarded contract (readable, AVX-512 present).
        Avx512(unsafe { _mm512_loadu_si512(p.cast()) })
    }
    #[inline(always)]
    unsafe fn store(p: *mut u8, v: Self) {
        // SAFETY: forwarded contract (writable and aligned).
        unsafe { core::ptr::write_volatile(p.cast::<__m512i>(), v.0) }
    }
    #[inline(always)]
    unsafe fn storeu(p: *mut u8, v: Self) {
        // SAFETY: forwarded contract (writable, AVX-512 present).
        unsafe { _mm512_storeu_si512(p.cast(), v.0) }
    }
    #[inline(always)]
    unsafe fn splat(b: u8) -> Self {
        // SAFETY: forwarded contract (AVX-512 present).
        Avx512(unsafe { _mm512_set1_epi8(b as i8) })
    }
}

/// Comparisons on 64-byte vectors, which give bit masks (in the mask
/// registers) rather than vectors.
impl Avx512 {
    /// Bit `i` set where byte `i` is zero.
    #[inline(always)]
    pub(super) fn zeros(self) -> u64 {
        // SAFETY: a value of this type proves AVX-512 (F and BW) is present.
        unsafe { _mm512_testn_epi8_mask(self.0, self.0) }
    }
    /// Bit `i` set where byte `i` of both is equal.
    #[inline(always)]
    pub(super) fn equal(self, o: Self) -> u64 {
        // SAFETY: as for `zeros`.
        unsafe { _mm512_cmpeq_epi8_mask(self.0, o.0) }
    }
}

/// The widest vectors the CPU offers: 0 SSE2, 1 AVX2, 2 AVX-512 too. Set
/// once at start-up, before any constructor runs; until then (start-up
/// code) the SSE2 variants run.
static LEVEL: AtomicU8 = AtomicU8::new(0);

/// Whether the AVX2 variants may run. A plain load: probing here would make
/// every caller save registers around a call it almost never makes.
#[inline(always)]
pub(super) fn avx2() -> bool {
    LEVEL.load(Ordering::Relaxed) >= 1
}

/// Whether FMA instructions may run (level 1 and up need them; see
/// [`probe`]), for the math kernels' exact products.
#[inline(always)]
pub(crate) fn fma() -> bool {
    LEVEL.load(Ordering::Relaxed) >= 1
}

/// Whether the AVX-512 variants may run (see [`probe`]).
#[inline(always)]
pub(super) fn avx512() -> bool {
    LEVEL.load(Ordering::Relaxed) >= 2
}

#[cfg(not(test))]
extern "C" fn detect() {
    LEVEL.store(probe(), Ordering::Relaxed);
}

/// Runs `detect` at start-up, first among the program's initialisers.
/// (Kept next to `LEVEL` so that it lands in the object file that every
/// user of `avx2` pulls in from libc.a.)
#[cfg(not(test))]
#[used]
#[link_section = ".preinit_array"]
static DETECT: extern "C" fn() = detect;

/// The level for [`LEVEL`].
///
/// AVX2 needs the CPU flag and the kernel saving the YMM state; level 1
/// also asks for FMA, which every CPU with AVX2 has had, so that the math
/// kernels can count on it there (see [`fma`]). 512-bit loads, stores and
/// byte compares additionally need AVX-512F and BW, the kernel saving the
/// ZMM state, and a core that keeps its clock under 512-bit loads and
/// stores; the cores with AVX-VNNI (Intel's since Sapphire Rapids) are
/// such cores; earlier AVX-512 cores slow down (glibc applies the same
/// rule).
pub(super) fn probe() -> u8 {
    // Leaf 1 ECX: bit 12 FMA, bit 27 OSXSAVE (xgetbv usable), bit 28 AVX.
    let leaf1 = __cpuid(1);
    if leaf1.ecx & (1 << 12) == 0 || leaf1.ecx & (1 << 27) == 0 || leaf1.ecx & (1 << 28) == 0 || __cpuid(0).eax < 7 {
        return 0;
    }
    let xcr0: u32;
    // SAFETY: OSXSAVE is set, so xgetbv is available; it only reads XCR0.
    unsafe {
        core::arch::asm!("xgetbv", in("ecx") 0, out("eax") xcr0, out("edx") _, options(nomem, nostack, preserves_flags));
    }
    let leaf7 = __cpuid_count(7, 0);
    // XCR0 bits 1, 2: XMM and YMM state. Leaf 7 EBX bit 5: AVX2.
    if xcr0 & 0b110 != 0b110 || leaf7.ebx & (1 << 5) == 0 {
        return 0;
    }
    // XCR0 bits 5-7: opmask and ZMM state. Leaf 7 EBX bit 16: AVX-512F,
    // bit 30: AVX-512BW. Leaf 7 subleaf 1 EAX bit 4: AVX-VNNI.
    let zmm = xcr0 & 0b1110_0000 == 0b1110_0000 && leaf7.ebx & (1 << 16) != 0 && leaf7.ebx & (1 << 30) != 0;
    if zmm && leaf7.eax >= 1 && __cpuid_count(7, 1).eax & (1 << 4) != 0 {
        2
    } else {
        1
    }
}

/// Defines `unsafe fn $name(args) -> ret` that runs `$generic::<Avx2>`
/// (compiled with AVX2 enabled) where the CPU has AVX2, and
/// `$generic::<Sse2>` elsewhere; with `wide` first, `$generic::<Avx512>`
/// where [`avx512`] allows it; with `outlined` first, both variants are
/// functions of their own, never inlined, so that the caller only jumps to
/// one (for a slow path that must not weigh on its caller's fast path).
/// The safety contract is `$generic`'s minus the CPU requirement.
macro_rules! dispatch {
    (outlined $(#[$m:meta])* $vis:vis unsafe fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty = $generic:ident;) => {
        $(#[$m])*
        #[inline(always)]
        $vis unsafe fn $name($($arg: $ty),*) -> $ret {
            #[inline(never)]
            #[target_feature(enable = "avx2")]
            unsafe fn with_avx2($($arg: $ty),*) -> $ret {
                // SAFETY: forwarded contract; only called once AVX2 was detected.
                unsafe { $generic::<$crate::header::string::vector::Avx2>($($arg),*) }
            }
            #[inline(never)]
            unsafe fn with_sse2($($arg: $ty),*) -> $ret {
                // SAFETY: forwarded contract; SSE2 is baseline on x86_64.
                unsafe { $generic::<$crate::header::string::vector::Sse2>($($arg),*) }
            }
            // SAFETY: forwarded contract; AVX2 code only where detected.
            unsafe {
                if $crate::header::string::vector::avx2() {
                    with_avx2($($arg),*)
                } else {
                    with_sse2($($arg),*)
                }
            }
        }
    };
    ($(#[$m:meta])* $vis:vis unsafe fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty = $generic:ident;) => {
        $(#[$m])*
        #[inline(always)]
        $vis unsafe fn $name($($arg: $ty),*) -> $ret {
            #[target_feature(enable = "avx2")]
            unsafe fn with_avx2($($arg: $ty),*) -> $ret {
                // SAFETY: forwarded contract; only called once AVX2 was detected.
                unsafe { $generic::<$crate::header::string::vector::Avx2>($($arg),*) }
            }
            // SAFETY: forwarded contract; AVX2 code only where detected.
            unsafe {
                if $crate::header::string::vector::avx2() {
                    with_avx2($($arg),*)
                } else {
                    $generic::<$crate::header::string::vector::Sse2>($($arg),*)
                }
            }
        }
    };
    (wide $(#[$m:meta])* $vis:vis unsafe fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty = $generic:ident;) => {
        $(#[$m])*
        #[inline(always)]
        $vis unsafe fn $name($($arg: $ty),*) -> $ret {
            #[target_feature(enable = "avx512f,avx512bw,avx2")]
            unsafe fn with_avx512($($arg: $ty),*) -> $ret {
                // SAFETY: forwarded contract; only called once AVX-512 was detected.
                unsafe { $generic::<$crate::header::string::vector::Avx512>($($arg),*) }
            }
            dispatch! { unsafe fn narrow($($arg: $ty),*) -> $ret = $generic; }
            // SAFETY: forwarded contract; AVX-512 code only where detected.
            unsafe {
                if $crate::header::string::vector::avx512() {
                    with_avx512($($arg),*)
                } else {
                    narrow($($arg),*)
                }
            }
        }
    };
}
pub(super) use dispatch;

/// `p`, in a way LLVM cannot see through. A function that returns its
/// first argument gets that fact inferred, and its callers then keep the
/// argument alive across the call instead of ending in a tail call; memcpy
/// and memset return through this so that their dispatch stays a jump.
#[inline(always)]
#[allow(clippy::pointers_in_nomem_asm_block, reason = "the asm only passes the pointer through")]
pub(super) fn opaque(mut p: *mut u8) -> *mut u8 {
    // SAFETY: an empty instruction sequence that claims to modify `p`.
    unsafe { core::arch::asm!("/* {0} */", inout(reg) p, options(pure, nomem, nostack, preserves_flags)) };
    p
}
