//! `<syslog.h>`: as in cloudlibc, there is no log service; a message
//! goes to `stderr` as one line: the UTC time as ISO 8601 with
//! nanoseconds, the severity, the message (printf-formatted, `%m` being
//! the error string of `errno`), and a newline unless the format ends in
//! one. openlog's identity, options and facility are ignored (every
//! option and facility is 0 in cloudlibc's header). setlogmask filters
//! by severity; priorities outside 0-7 are dropped.

use crate::abi::va::VaList;
use crate::abi::{c_char, c_int};
use crate::errno::{get_errno, set_errno_raw};
use crate::header::locale::locale_t;
use crate::header::stdio::block::fwrite;
use crate::header::stdio::chars::putc_unlocked;
use crate::header::stdio::file::stderr;
use crate::header::stdio::lock::{flockfile, funlockfile};
use crate::header::stdio::printf::vfprintf;
use crate::header::time::calendar::civil;
use crate::{cptr, sys};
use core::sync::atomic::{AtomicI32, Ordering};

/// Severities that get logged: one bit per priority (LOG_MASK), all by default.
static LOGMASK: AtomicI32 = AtomicI32::new(0xff);

/// Each severity's name, padded to one width.
const NAMES: [&[u8; 9]; 8] = [b"EMERGENCY", b"ALERT    ", b"CRITICAL ", b"ERROR    ", b"WARNING  ", b"NOTICE   ", b"INFO     ", b"DEBUG    "];

/// POSIX `openlog`: nothing to set up (see the module comment).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn openlog(_ident: *const c_char, _option: c_int, _facility: c_int) {}

/// POSIX `closelog`: nothing to release.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn closelog() {}

/// POSIX `setlogmask`: sets the mask unless `mask` is 0; returns the old one.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setlogmask(mask: c_int) -> c_int {
    if mask == 0 {
        LOGMASK.load(Ordering::Relaxed)
    } else {
        LOGMASK.swap(mask, Ordering::Relaxed)
    }
}

/// Writes `v` in decimal, at least `width` digits, at the end of `out`.
fn digits(out: &mut [u8], len: &mut usize, v: u64, width: usize) {
    let mut tmp = [0u8; 20];
    let mut n = 0;
    let mut v = v;
    while n < width || v != 0 {
        tmp[n] = b'0' + (v % 10) as u8;
        v /= 10;
        n += 1;
    }
    for i in (0..n).rev() {
        out[*len] = tmp[i];
        *len += 1;
    }
}

/// "2015-06-30T12:34:56.123456789Z SEVERITY  " for the current time, or
/// None when the clock cannot be read.
fn prefix(priority: usize, out: &mut [u8; 64]) -> Option<usize> {
    let now = sys::clock_time_get(cloudabi::clockid::REALTIME, 1).ok()?;
    let c = civil((now / 1_000_000_000) as i64);
    let mut n = 0;
    if c.year < 0 {
        out[n] = b'-';
        n += 1;
    }
    digits(out, &mut n, c.year.unsigned_abs(), 4);
    for (sep, v, w) in [(b'-', c.mon as u64, 2), (b'-', c.mday as u64, 2), (b'T', c.hour as u64, 2), (b':', c.min as u64, 2), (b':', c.sec as u64, 2), (b'.', now % 1_000_000_000, 9)] {
        out[n] = sep;
        n += 1;
        digits(out, &mut n, v, w);
    }
    out[n..n + 2].copy_from_slice(b"Z ");
    n += 2;
    out[n..n + 9].copy_from_slice(NAMES[priority]);
    out[n + 9] = b' ';
    Some(n + 10)
}

/// cloudlibc `vsyslog_l`: logs a message formatted from `ap`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vsyslog_l(priority: c_int, _locale: locale_t, message: *const c_char, ap: *mut VaList) {
    // The time lookup must not disturb what `%m` prints.
    let saved = get_errno();
    let Ok(p) = usize::try_from(priority) else { return };
    if p >= NAMES.len() || LOGMASK.load(Ordering::Relaxed) & (1 << p) == 0 {
        return;
    }
    let mut buf = [0u8; 64];
    let Some(len) = prefix(p, &mut buf) else { return };
    // SAFETY: stderr is a live stream; message is a format matching ap.
    unsafe {
        let f = stderr;
        flockfile(f);
        fwrite(buf.as_ptr().cast(), 1, len, f);
        set_errno_raw(saved);
        vfprintf(f, message, ap);
        if cptr::cstr(message).last() != Some(&b'\n') {
            putc_unlocked(b'\n' as c_int, f);
        }
        funlockfile(f);
    }
}

/// cloudlibc `vsyslog`: logs a message formatted from `ap`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn vsyslog(priority: c_int, message: *const c_char, ap: *mut VaList) {
    // SAFETY: forwarded contract.
    unsafe { vsyslog_l(priority, core::ptr::null_mut(), message, ap) }
}

crate::variadic!("syslog" => vsyslog, gp = 2, fp = 0, reg = "rdx");
crate::variadic!("syslog_l" => vsyslog_l, gp = 3, fp = 0, reg = "rcx");
