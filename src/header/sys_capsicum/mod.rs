//! `<sys/capsicum.h>` (cloudlibc): Capsicum's rights interface over
//! CloudABI's. A `cap_rights_t` holds CloudABI rights bits, so limiting a
//! descriptor is `fd_stat_put` of its base and inheriting rights, and
//! reading them back is `fd_stat_get`. A CloudABI process is always in
//! capability mode: `cap_enter` has nothing to do.

use crate::abi::va::VaListPtr;
use crate::abi::{c_int, c_uint};
use crate::errno::{Errno, OrErrno};
use crate::sys::{self, fdsflags, rights};
use cloudabi::errno;

/// `cap_rights_t`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct cap_rights_t {
    pub value: u64,
}

/// Every right a `cap_rights_t` can hold (bits 0-40).
const ALL: u64 = (1 << 41) - 1;

/// cloudlibc `CAP_ALL`: fills the set with every right.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn CAP_ALL(r: *mut cap_rights_t) {
    // SAFETY: `r` is writable (C contract).
    unsafe { (*r).value = ALL };
}

/// cloudlibc `CAP_NONE`: empties the set.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn CAP_NONE(r: *mut cap_rights_t) {
    // SAFETY: `r` is writable (C contract).
    unsafe { (*r).value = 0 };
}

/// The rights listed after the set, up to the zero sentinel, OR-ed.
unsafe fn listed(ap: VaListPtr) -> u64 {
    let mut bits = 0;
    loop {
        // SAFETY: the cap_rights_* macros end the list with a 0 sentinel.
        let b = unsafe { (*ap).gp() };
        if b == 0 {
            return bits;
        }
        bits |= b;
    }
}

crate::variadic!("__cap_rights_init" => cap_rights_init_impl, gp = 1, fp = 0, reg = "rsi");
crate::variadic!("__cap_rights_set" => cap_rights_set_impl, gp = 1, fp = 0, reg = "rsi");
crate::variadic!("__cap_rights_clear" => cap_rights_clear_impl, gp = 1, fp = 0, reg = "rsi");
crate::variadic!("__cap_rights_is_set" => cap_rights_is_set_impl, gp = 1, fp = 0, reg = "rsi");

/// cloudlibc `cap_rights_init`: the set holds exactly the listed rights.
pub unsafe extern "C" fn cap_rights_init_impl(r: *mut cap_rights_t, ap: VaListPtr) -> *mut cap_rights_t {
    // SAFETY: `r` is writable; the list ends with the sentinel (C contract).
    unsafe { (*r).value = listed(ap) };
    r
}

/// cloudlibc `cap_rights_set`: adds the listed rights.
pub unsafe extern "C" fn cap_rights_set_impl(r: *mut cap_rights_t, ap: VaListPtr) -> *mut cap_rights_t {
    // SAFETY: as in cap_rights_init_impl.
    unsafe { (*r).value |= listed(ap) };
    r
}

/// cloudlibc `cap_rights_clear`: removes the listed rights.
pub unsafe extern "C" fn cap_rights_clear_impl(r: *mut cap_rights_t, ap: VaListPtr) -> *mut cap_rights_t {
    // SAFETY: as in cap_rights_init_impl.
    unsafe { (*r).value &= !listed(ap) };
    r
}

/// cloudlibc `cap_rights_is_set`: whether all the listed rights are in the set.
pub unsafe extern "C" fn cap_rights_is_set_impl(r: *const cap_rights_t, ap: VaListPtr) -> bool {
    // SAFETY: `r` is readable; the list ends with the sentinel (C contract).
    let (value, bits) = unsafe { ((*r).value, listed(ap)) };
    value & bits == bits
}

/// cloudlibc `cap_rights_contains`: whether `big` holds every right of `little`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cap_rights_contains(big: *const cap_rights_t, little: *const cap_rights_t) -> bool {
    // SAFETY: both sets are readable (C contract).
    let (b, l) = unsafe { ((*big).value, (*little).value) };
    b & l == l
}

/// cloudlibc `cap_rights_merge`: adds the rights of `src` to `dst`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cap_rights_merge(dst: *mut cap_rights_t, src: *const cap_rights_t) -> *mut cap_rights_t {
    // SAFETY: `dst` is writable and `src` readable (C contract).
    unsafe { (*dst).value |= (*src).value };
    dst
}

/// cloudlibc `cap_rights_remove`: removes the rights of `src` from `dst`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cap_rights_remove(dst: *mut cap_rights_t, src: *const cap_rights_t) -> *mut cap_rights_t {
    // SAFETY: `dst` is writable and `src` readable (C contract).
    unsafe { (*dst).value &= !(*src).value };
    dst
}

/// A descriptor's base and inheriting rights.
fn explicit(fd: c_int) -> Result<(u64, u64), Errno> {
    let st = sys::fd_stat_get(sys::to_fd(fd)?)?;
    Ok((st.fs_rights_base.bits(), st.fs_rights_inheriting.bits()))
}

/// Replaces a descriptor's rights; the kernel refuses to add any
/// (ENOTCAPABLE).
fn limit(fd: c_int, base: u64, inheriting: u64) -> Result<(), Errno> {
    let f = sys::to_fd(fd)?;
    let mut st = sys::fd_stat_get(f)?;
    st.fs_rights_base = rights::from_bits_truncate(base);
    st.fs_rights_inheriting = rights::from_bits_truncate(inheriting);
    if st.fs_rights_base.bits() != base || st.fs_rights_inheriting.bits() != inheriting {
        return Err(errno::NOTCAPABLE);
    }
    sys::fd_stat_put(f, &st, fdsflags::RIGHTS)
}

/// cloudlibc `cap_rights_get_explicit`: the base and inheriting rights.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cap_rights_get_explicit(fd: c_int, base: *mut cap_rights_t, inheriting: *mut cap_rights_t) -> c_int {
    let r = explicit(fd).map(|(b, i)| {
        // SAFETY: both outputs are writable (C contract).
        unsafe {
            (*base).value = b;
            (*inheriting).value = i;
        }
        0
    });
    r.or_errno(-1)
}

/// cloudlibc `cap_rights_get`: base and inheriting rights together.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cap_rights_get(fd: c_int, out: *mut cap_rights_t) -> c_int {
    // SAFETY: `out` is writable (C contract).
    explicit(fd).map(|(b, i)| unsafe { (*out).value = b | i }).map(|()| 0).or_errno(-1)
}

/// cloudlibc `cap_rights_limit_explicit`: sets both sets of rights, which
/// may only shrink (ENOTCAPABLE otherwise).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cap_rights_limit_explicit(fd: c_int, base: *const cap_rights_t, inheriting: *const cap_rights_t) -> c_int {
    // SAFETY: both sets are readable (C contract).
    let (b, i) = unsafe { ((*base).value, (*inheriting).value) };
    limit(fd, b, i).map(|()| 0).or_errno(-1)
}

/// cloudlibc `cap_rights_limit`: keeps only `rights` in both the base and
/// the inheriting rights; asking for a right the descriptor has in
/// neither is ENOTCAPABLE.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cap_rights_limit(fd: c_int, r: *const cap_rights_t) -> c_int {
    let res = explicit(fd).and_then(|(b, i)| {
        // SAFETY: `r` is readable (C contract), once the descriptor is known good.
        let want = unsafe { (*r).value };
        if want & !(b | i) != 0 {
            return Err(errno::NOTCAPABLE);
        }
        limit(fd, b & want, i & want)
    });
    res.map(|()| 0).or_errno(-1)
}

/// cloudlibc `cap_enter`: 0, the process is in capability mode already.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn cap_enter() -> c_int {
    0
}

/// cloudlibc `cap_getmode`: stores 1 (in capability mode).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cap_getmode(mode: *mut c_uint) -> c_int {
    // SAFETY: `mode` is writable (C contract).
    unsafe { *mode = 1 };
    0
}

/// cloudlibc `cap_sandboxed`: true.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn cap_sandboxed() -> bool {
    true
}
