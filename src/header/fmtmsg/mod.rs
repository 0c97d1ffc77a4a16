//! `<fmtmsg.h>`: a formatted message on stderr, as cloudlibc prints it:
//!
//! ```text
//! LABEL: SEVERITY: TEXT
//! TO FIX: ACTION TAG
//! ```
//!
//! Each missing part is left out with its separator; a line with no
//! part is not printed. All classification values are 0 in cloudlibc's
//! header, so MM_PRINT and MM_CONSOLE cannot be told apart: the message
//! always goes to stderr (there is no console), and MM_NOCON never
//! comes back. The MSGVERB environment variable is not consulted.

use crate::abi::{c_char, c_int, c_long};
use core::ffi::CStr;
use crate::header::stdio::file::{stderr, FILE};
use crate::header::stdio::lines::fputs;
use crate::header::stdio::lock::{flockfile, funlockfile};

pub const MM_OK: c_int = 1;
pub const MM_NOTOK: c_int = 2;

/// The names of MM_HALT, MM_ERROR, MM_WARNING and MM_INFO (1 to 4).
const SEVERITIES: [&CStr; 4] = [c"HALT", c"ERROR", c"WARNING", c"INFO"];

/// A part of a line: what comes before it, the part (null when
/// missing), and what comes after it.
type Part = (&'static CStr, *const c_char, &'static CStr);

/// Writes the parts present, separated by spaces, and a newline if any
/// was; false when writing failed.
///
/// # Safety
/// `f` is a live stream; each part is null or a string.
unsafe fn line(f: *mut FILE, parts: &[Part]) -> bool {
    let mut ok = true;
    let mut any = false;
    for &(before, part, after) in parts {
        if part.is_null() {
            continue;
        }
        // SAFETY: forwarded contract.
        unsafe {
            if any {
                ok &= fputs(c" ".as_ptr(), f) >= 0;
            }
            ok &= fputs(before.as_ptr(), f) >= 0 && fputs(part, f) >= 0 && fputs(after.as_ptr(), f) >= 0;
        }
        any = true;
    }
    // SAFETY: as above.
    ok && (!any || unsafe { fputs(c"\n".as_ptr(), f) } >= 0)
}

/// POSIX `fmtmsg`: MM_OK, or MM_NOTOK when the severity is unknown or
/// stderr cannot be written.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn fmtmsg(
    _classification: c_long,
    label: *const c_char,
    severity: c_int,
    text: *const c_char,
    action: *const c_char,
    tag: *const c_char,
) -> c_int {
    let severity = match severity {
        0 => core::ptr::null(),
        1..=4 => SEVERITIES[severity as usize - 1].as_ptr(),
        _ => return MM_NOTOK,
    };
    // SAFETY: stderr is a live stream; the parts are null or strings.
    let ok = unsafe {
        let f = stderr;
        flockfile(f);
        let ok = line(f, &[(c"", label, c":"), (c"", severity, c":"), (c"", text, c"")])
            && line(f, &[(c"TO FIX: ", action, c""), (c"", tag, c"")]);
        funlockfile(f);
        ok
    };
    if ok {
        MM_OK
    } else {
        MM_NOTOK
    }
}
