//! The C API of `<program.h>`, called as Rust functions.

use super::*;
use crate::errno::get_errno;
use crate::header::argdata::{argdata_create_fd, argdata_free, argdata_true};

#[test]
fn getpid_is_a_cached_random_uuid() {
    let p = program_getpid();
    assert_eq!(p, program_getpid());
    // SAFETY: program_getpid returns a NUL-terminated static string.
    let text = unsafe { std::ffi::CStr::from_ptr(p) }.to_str().unwrap();
    assert_eq!(text.len(), 36);
    for (i, c) in text.bytes().enumerate() {
        match i {
            8 | 13 | 18 | 23 => assert_eq!(c, b'-'),
            14 => assert_eq!(c, b'4', "version 4"),
            19 => assert!(b"89ab".contains(&c), "RFC 4122 variant"),
            _ => assert!(c.is_ascii_digit() || (b'a'..=b'f').contains(&c), "{text}"),
        }
    }
}

#[test]
fn raw_argdata_is_what_start_up_received() {
    let (mut p, mut n) = (core::ptr::null(), 99);
    // SAFETY: local outputs.
    unsafe { program_get_raw_argdata(&mut p, &mut n) };
    let boot = crate::start::boot().argdata;
    assert_eq!((p, n), (boot.as_ptr().cast(), boot.len()));
}

#[test]
fn exec_reports_the_kernels_error() {
    let fd = argdata_create_fd(1);
    // SAFETY: live values. Descriptor 0 is not in the test process's
    // table, so this cannot succeed.
    unsafe {
        let e = program_exec(0, fd);
        assert_ne!(e, 0);
        assert_eq!(get_errno(), e);
        assert_eq!(program_exec(-1, &argdata_true), errno::BADF as c_int);
        assert_eq!(get_errno(), errno::BADF as c_int);
        argdata_free(fd);
    }
}
