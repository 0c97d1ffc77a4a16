//! The C API of `<argdata.h>`, called as Rust functions.

use super::print::{print_yaml, FileSink};
use super::*;
use crate::abi::{c_char, c_int, c_void, size_t, timespec};
use crate::errno::{get_errno, Errno};
use crate::sys;
use core::ptr::{null, null_mut};

const EINVAL: c_int = errno::INVAL as c_int;
const ERANGE: c_int = errno::RANGE as c_int;
const EILSEQ: c_int = errno::ILSEQ as c_int;
const EBADF: c_int = errno::BADF as c_int;

/// Serialises with renumbering: the bytes and the descriptor list.
fn ser(ad: *const argdata_t) -> (Vec<u8>, Vec<c_int>) {
    let (mut len, mut n) = (0, 0);
    // SAFETY: `ad` is a live value; buffers are sized as the length says.
    unsafe {
        argdata_serialized_length(ad, &mut len, &mut n);
        let mut buf = vec![0xeeu8; len];
        let mut fds = vec![-2; n];
        let k = argdata_serialize(ad, buf.as_mut_ptr().cast(), fds.as_mut_ptr());
        fds.truncate(k);
        (buf, fds)
    }
}

/// Serialises without renumbering.
fn raw(ad: *const argdata_t) -> Vec<u8> {
    let mut len = 0;
    // SAFETY: as in `ser`; `n_fds` may be null.
    unsafe {
        argdata_serialized_length(ad, &mut len, null_mut());
        let mut buf = vec![0xeeu8; len];
        assert_eq!(argdata_serialize(ad, buf.as_mut_ptr().cast(), null_mut()), 0);
        buf
    }
}

/// A view of `bytes` whose descriptors are the process's.
fn view(bytes: &[u8]) -> *mut argdata_t {
    // SAFETY: the tests keep `bytes` alive while the view is used.
    unsafe { argdata_from_buffer(bytes.as_ptr().cast(), bytes.len(), Some(super::same_fd), null_mut()) }
}

fn free(ad: *mut argdata_t) {
    // SAFETY: every value freed here came from argdata_create_* / from_buffer.
    unsafe { argdata_free(ad) }
}

/// Calls a getter with a fresh output; the value, or the error number.
fn get<T: Default>(ad: *const argdata_t, f: unsafe extern "C" fn(*const argdata_t, *mut T) -> c_int) -> Result<T, c_int> {
    let mut v = T::default();
    // SAFETY: `ad` is a live value, `v` a local output.
    match unsafe { f(ad, &mut v) } {
        0 => Ok(v),
        e => Err(e),
    }
}

fn int_s(ad: *const argdata_t) -> Result<i64, c_int> {
    let mut v = 0;
    // SAFETY: live value, local output.
    match unsafe { argdata_get_int_s(ad, &mut v, i64::MIN, i64::MAX) } {
        0 => Ok(v),
        e => Err(e),
    }
}

fn int_u(ad: *const argdata_t, max: u64) -> Result<u64, c_int> {
    let mut v = 0;
    // SAFETY: live value, local output.
    match unsafe { argdata_get_int_u(ad, &mut v, max) } {
        0 => Ok(v),
        e => Err(e),
    }
}

fn string(ad: *const argdata_t) -> Result<Vec<u8>, c_int> {
    let (mut p, mut n): (*const c_char, size_t) = (null(), 0);
    // SAFETY: live value; on success p/n describe the string.
    unsafe {
        match argdata_get_str(ad, &mut p, &mut n) {
            0 => Ok(core::slice::from_raw_parts(p.cast::<u8>(), n).to_vec()),
            e => Err(e),
        }
    }
}

fn str_c(ad: *const argdata_t) -> Result<String, c_int> {
    let mut p: *const c_char = null();
    // SAFETY: live value; on success p is NUL-terminated.
    unsafe {
        match argdata_get_str_c(ad, &mut p) {
            0 => Ok(std::ffi::CStr::from_ptr(p).to_str().unwrap().to_owned()),
            e => Err(e),
        }
    }
}

fn fd_of(ad: *const argdata_t) -> Result<c_int, c_int> {
    get(ad, argdata_get_fd)
}

fn boolean(ad: *const argdata_t) -> Result<bool, c_int> {
    get(ad, argdata_get_bool)
}

fn float(ad: *const argdata_t) -> Result<f64, c_int> {
    get(ad, argdata_get_float)
}

fn binary(ad: *const argdata_t) -> Result<Vec<u8>, c_int> {
    let (mut p, mut n): (*const c_void, size_t) = (null(), 0);
    // SAFETY: live value; on success p/n describe the bytes.
    unsafe {
        match argdata_get_binary(ad, &mut p, &mut n) {
            0 => Ok(crate::cptr::slice(p.cast(), n).to_vec()),
            e => Err(e),
        }
    }
}

fn stamp(ad: *const argdata_t) -> Result<timespec, c_int> {
    get(ad, argdata_get_timestamp)
}

/// Applies `f` to each element while the iterator is on it (the pointers
/// an iterator over encoded bytes hands out die when it moves).
fn seq_each(ad: *const argdata_t, mut f: impl FnMut(*const argdata_t)) -> (usize, c_int) {
    // SAFETY: the iterator is local; `ad` is live.
    unsafe {
        let mut it = core::mem::MaybeUninit::<argdata_seq_iterator_t>::uninit();
        argdata_seq_iterate(ad, it.as_mut_ptr());
        let mut it = it.assume_init();
        let mut e = null();
        let mut n = 0;
        while argdata_seq_get(&it, &mut e) {
            f(e);
            n += 1;
            argdata_seq_next(&mut it);
        }
        (n, it.error)
    }
}

/// The serialisation of each element, and the iterator's final error.
fn seq_items(ad: *const argdata_t) -> (Vec<Vec<u8>>, c_int) {
    let mut out = Vec::new();
    let (_, e) = seq_each(ad, |x| out.push(raw(x)));
    (out, e)
}

/// Applies `f` to each key/value pair while the iterator is on it (the
/// pointers an iterator over encoded bytes hands out die when it moves).
fn map_each(ad: *const argdata_t, mut f: impl FnMut(*const argdata_t, *const argdata_t)) -> (usize, c_int) {
    // SAFETY: the iterator is local; `ad` is live.
    unsafe {
        let mut it = core::mem::MaybeUninit::<argdata_map_iterator_t>::uninit();
        argdata_map_iterate(ad, it.as_mut_ptr());
        let mut it = it.assume_init();
        let (mut k, mut v) = (null(), null());
        let mut n = 0;
        while argdata_map_get(&it, &mut k, &mut v) {
            f(k, v);
            n += 1;
            argdata_map_next(&mut it);
        }
        (n, it.error)
    }
}

fn s(text: &'static str) -> *mut argdata_t {
    // SAFETY: a static string.
    unsafe { argdata_create_str(text.as_ptr().cast(), text.len()) }
}

#[test]
fn reference_sequence_serialises_exactly() {
    let items = [argdata_create_int_s(0), &argdata_true as *const _ as *mut _, s("A")];
    let list: Vec<*const argdata_t> = items.iter().map(|&p| p.cast_const()).collect();
    // SAFETY: the array and its elements outlive the seq.
    let seq = unsafe { argdata_create_seq(list.as_ptr(), list.len()) };
    let want = [0x07, 0x81, 0x05, 0x82, 0x02, 0x01, 0x83, 0x08, 0x41, 0x00];
    assert_eq!(ser(seq), (want.to_vec(), vec![]));
    assert_eq!(raw(seq), want);
    let back = view(&want);
    let (elems, err) = seq_items(back);
    assert_eq!(err, 0);
    assert_eq!(elems, [&[5u8][..], &[2, 1], &[8, b'A', 0]]);
    free(back);
    free(seq);
    free(items[0]);
    free(items[2]);
}

#[test]
fn integers_round_trip_with_range_checks() {
    for v in [i64::MIN, -129, -128, -1, 0, 1, 127, 128, 255, 256, i64::MAX] {
        let ad = argdata_create_int_s(v);
        assert_eq!(int_s(ad), Ok(v));
        let bytes = raw(ad);
        let back = view(&bytes);
        assert_eq!(int_s(back), Ok(v), "{v}");
        assert_eq!(int_u(back, u64::MAX), if v < 0 { Err(ERANGE) } else { Ok(v as u64) });
        free(back);
        free(ad);
    }
    let big = argdata_create_int_u(u64::MAX);
    assert_eq!(raw(big), [5, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    assert_eq!(int_u(big, u64::MAX), Ok(u64::MAX));
    assert_eq!(int_u(big, u64::MAX - 1), Err(ERANGE));
    assert_eq!(int_s(big), Err(ERANGE));
    free(big);

    let ad = argdata_create_int_s(300);
    let mut v = 0;
    // SAFETY: live value, local output.
    unsafe {
        assert_eq!(argdata_get_int_s(ad, &mut v, -128, 127), ERANGE);
        assert_eq!(argdata_get_int_s(ad, &mut v, 300, 300), 0);
    }
    assert_eq!(v, 300);
    free(ad);

    // More digits than any C integer holds.
    let huge = [5u8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let h = view(&huge);
    assert_eq!(int_s(h), Err(ERANGE));
    assert_eq!(int_u(h, u64::MAX), Err(ERANGE));
    free(h);
}

#[test]
fn scalars_round_trip_through_buffers() {
    let f = argdata_create_float(-1.5);
    let x = argdata_create_fd(7);
    // SAFETY: a local timespec.
    let t = unsafe { argdata_create_timestamp(&timespec { tv_sec: -1, tv_nsec: 999_999_999 }) };
    let data = [1u8, 2, 3];
    // SAFETY: `data` outlives the value.
    let b = unsafe { argdata_create_binary(data.as_ptr().cast(), data.len()) };
    let st = s("héllo");
    for ad in [f, x, t, b, st] {
        let bytes = raw(ad);
        let back = view(&bytes);
        assert_eq!(float(back), float(ad));
        assert_eq!(fd_of(back), fd_of(ad));
        assert_eq!(stamp(back), stamp(ad));
        assert_eq!(binary(back), binary(ad));
        assert_eq!(string(back), string(ad));
        free(back);
    }
    assert_eq!(float(f), Ok(-1.5));
    assert_eq!(fd_of(x), Ok(7));
    assert_eq!(stamp(t), Ok(timespec { tv_sec: -1, tv_nsec: 999_999_999 }));
    assert_eq!(raw(t), [9, 0xff]);
    assert_eq!(binary(b), Ok(vec![1, 2, 3]));
    assert_eq!(string(st), Ok("héllo".as_bytes().to_vec()));
    assert_eq!(raw(st), b"\x08h\xc3\xa9llo\0");
    assert_eq!(boolean(&argdata_true), Ok(true));
    assert_eq!(boolean(&argdata_false), Ok(false));
    assert_eq!(raw(&argdata_null), b"");
    for ad in [f, x, t, b, st] {
        free(ad);
    }
}

#[test]
fn extreme_timestamps() {
    let ts = timespec { tv_sec: i64::MAX, tv_nsec: 999_999_999 };
    // SAFETY: local timespec.
    let t = unsafe { argdata_create_timestamp(&ts) };
    let bytes = raw(t);
    assert_eq!(bytes.len(), 13);
    let back = view(&bytes);
    assert_eq!(stamp(back), Ok(ts));
    free(back);
    free(t);
    // One second past what a time_t holds.
    let over = (i128::from(i64::MAX) + 1) * 1_000_000_000;
    let mut enc = vec![9u8];
    enc.extend_from_slice(&over.to_be_bytes()[4..]);
    let o = view(&enc);
    assert_eq!(stamp(o), Err(ERANGE));
    free(o);
    for bad in [-1, 1_000_000_000] {
        // SAFETY: local timespec.
        let p = unsafe { argdata_create_timestamp(&timespec { tv_sec: 0, tv_nsec: bad }) };
        assert!(p.is_null());
        assert_eq!(get_errno(), EINVAL);
    }
}

#[test]
fn getters_refuse_other_types() {
    let i = argdata_create_int_s(1);
    assert_eq!(float(i), Err(EINVAL));
    assert_eq!(boolean(i), Err(EINVAL));
    assert_eq!(fd_of(i), Err(EINVAL));
    assert_eq!(string(i), Err(EINVAL));
    assert_eq!(str_c(i), Err(EINVAL));
    assert_eq!(binary(i), Err(EINVAL));
    assert_eq!(stamp(i), Err(EINVAL));
    assert_eq!(int_s(&argdata_null), Err(EINVAL));
    assert_eq!(seq_items(i), (vec![], EINVAL));
    assert_eq!(map_each(i, |_, _| ()), (0, EINVAL));
    let st = s("x");
    assert_eq!(int_s(st), Err(EINVAL));
    assert_eq!(seq_items(st), (vec![], EINVAL));
    free(st);
    free(i);
}

#[test]
fn malformed_scalars_give_einval() {
    for bad in [&[2u8, 2][..], &[2, 1, 1], &[3, 0, 0, 7], &[4, 0, 0], &[8, b'A'], &[8]] {
        let v = view(bad);
        assert_eq!(boolean(v).err().or(fd_of(v).err()).or(float(v).err()).or(string(v).err()), Some(EINVAL), "{bad:?}");
        free(v);
    }
}

#[test]
fn strings_check_utf8_and_nuls() {
    // SAFETY: static bytes.
    let bad = unsafe { argdata_create_str(b"\xff".as_ptr().cast(), 1) };
    assert!(bad.is_null());
    assert_eq!(get_errno(), EILSEQ);
    // SAFETY: a NUL-terminated literal.
    let c = unsafe { argdata_create_str_c(c"plain".as_ptr()) };
    assert_eq!(str_c(c), Ok("plain".into()));
    free(c);
    // SAFETY: static bytes.
    let nul = unsafe { argdata_create_str(b"a\0b".as_ptr().cast(), 3) };
    assert_eq!(string(nul), Ok(b"a\0b".to_vec()));
    assert_eq!(str_c(nul), Err(EILSEQ));
    free(nul);
    for (bytes, e) in [(&b"\x08\xff\0"[..], EILSEQ), (b"\x08a\0b\0", EILSEQ), (b"\x08ab", EINVAL)] {
        let v = view(bytes);
        assert_eq!(string(v), Err(e), "{bytes:?}");
        assert_eq!(str_c(v), Err(e), "{bytes:?}");
        free(v);
    }
    let ok = view(b"\x08ok\0");
    assert_eq!(str_c(ok), Ok("ok".into()));
    free(ok);
}

#[test]
fn descriptors_follow_the_buffers_conversion() {
    unsafe extern "C" fn plus_ten(arg: *mut c_void, fd: size_t) -> c_int {
        assert_eq!(arg as usize, 0x1234);
        if fd == 5 {
            -1
        } else {
            fd as c_int + 10
        }
    }
    let three = [3u8, 0, 0, 0, 3];
    let five = [3u8, 0, 0, 0, 5];
    // SAFETY: the buffers outlive the values.
    unsafe {
        let none = argdata_from_buffer(three.as_ptr().cast(), 5, None, null_mut());
        assert_eq!(fd_of(none), Err(EBADF));
        free(none);
        let conv = argdata_from_buffer(three.as_ptr().cast(), 5, Some(plus_ten), 0x1234 as *mut c_void);
        assert_eq!(fd_of(conv), Ok(13));
        free(conv);
        let gone = argdata_from_buffer(five.as_ptr().cast(), 5, Some(plus_ten), 0x1234 as *mut c_void);
        assert_eq!(fd_of(gone), Err(EBADF));
        free(gone);
    }
    assert!(argdata_create_fd(-1).is_null());
    assert_eq!(get_errno(), EBADF);
}

#[test]
fn constructed_containers_iterate_and_nest() {
    let (k1, k2) = (s("a"), s("b"));
    let (v1, v2) = (argdata_create_int_s(1), argdata_create_float(2.0));
    let inner_items = [v1.cast_const(), v2.cast_const()];
    // SAFETY: arrays and elements outlive the containers.
    let inner = unsafe { argdata_create_seq(inner_items.as_ptr(), 2) };
    let keys = [k1.cast_const(), k2.cast_const()];
    let values = [inner.cast_const(), argdata_null_ptr()];
    // SAFETY: as above.
    let map = unsafe { argdata_create_map(keys.as_ptr(), values.as_ptr(), 2) };

    let mut seen = Vec::new();
    assert_eq!(map_each(map, |k, v| seen.push((string(k).unwrap(), v))), (2, 0));
    assert_eq!(seen, vec![(b"a".to_vec(), inner.cast_const()), (b"b".to_vec(), argdata_null_ptr())]);
    let mut elems = Vec::new();
    assert_eq!(seq_each(inner, |e| elems.push(e)), (2, 0));
    assert_eq!(elems, [v1.cast_const(), v2.cast_const()]);

    // The same through its serialisation: a buffer-backed map.
    let bytes = raw(map);
    assert_eq!(bytes, b"\x06\x83\x08a\0\x8e\x07\x82\x05\x01\x89\x04\x40\0\0\0\0\0\0\0\x83\x08b\0\x80");
    let back = view(&bytes);
    let mut keys_back = Vec::new();
    let (n, err) = map_each(back, |k, v| {
        keys_back.push(str_c(k).unwrap());
        if keys_back.len() == 1 {
            let mut got = Vec::new();
            assert_eq!(seq_each(v, |e| got.push((int_s(e), float(e)))), (2, 0));
            assert_eq!(got, [(Ok(1), Err(EINVAL)), (Err(EINVAL), Ok(2.0))]);
        } else {
            assert_eq!(raw(v), b"");
        }
    });
    assert_eq!((n, err), (2, 0));
    assert_eq!(keys_back, ["a", "b"]);
    free(back);
    for p in [map, inner, k1, k2, v1, v2] {
        free(p);
    }
}

fn argdata_null_ptr() -> *const argdata_t {
    &argdata_null
}

#[test]
fn malformed_containers_stop_with_einval() {
    // [1, <length 5 but only 1 byte left>]
    let truncated_entry = [0x07u8, 0x82, 0x05, 0x01, 0x85, 0x05];
    let (items, err) = seq_items(view(&truncated_entry));
    assert_eq!((items.len(), err), (1, EINVAL));
    // A length whose last byte (high bit) never comes.
    let truncated_varint = [0x07u8, 0x81, 0x05, 0x01, 0x01];
    let (items, err) = seq_items(view(&truncated_varint));
    assert_eq!((items.len(), err), (1, EINVAL));
    // A key without a value.
    let lonely_key = [0x06u8, 0x83, 0x08, b'k', 0];
    assert_eq!(map_each(view(&lonely_key), |_, _| ()), (0, EINVAL));
    // A length that overflows size_t.
    let mut overflow = vec![0x07u8];
    overflow.extend([0x7f; 12]);
    overflow.push(0xff);
    assert_eq!(seq_items(view(&overflow)), (vec![], EINVAL));
    // Serialising malformed bytes copies them unchanged.
    let v = view(&truncated_entry);
    assert_eq!(ser(v), (truncated_entry.to_vec(), vec![]));
    free(v);
}

#[test]
fn serialising_renumbers_descriptors() {
    // A buffer (as a launcher would send) whose stored numbers 0 and 1
    // stand for the process's 40 and 7.
    unsafe extern "C" fn table(_: *mut c_void, fd: size_t) -> c_int {
        [40, 7].get(fd).copied().unwrap_or(-1)
    }
    let enc = [0x06u8, 0x83, 0x08, b'x', 0, 0x85, 0x03, 0, 0, 0, 1, 0x83, 0x08, b'y', 0, 0x85, 0x03, 0, 0, 0, 0];
    // SAFETY: `enc` outlives the view.
    let sub = unsafe { argdata_from_buffer(enc.as_ptr().cast(), enc.len(), Some(table), null_mut()) };
    let (a, b) = (argdata_create_fd(9), argdata_create_fd(7));
    let items = [a.cast_const(), sub.cast_const(), b.cast_const(), a.cast_const()];
    // SAFETY: the array and its elements outlive the seq.
    let seq = unsafe { argdata_create_seq(items.as_ptr(), items.len()) };
    let (mut len, mut n) = (0, 0);
    // SAFETY: live value, local outputs.
    unsafe { argdata_serialized_length(seq, &mut len, &mut n) };
    assert_eq!(n, 5);
    let (bytes, fds) = ser(seq);
    assert_eq!(bytes.len(), len);
    assert_eq!(fds, [9, 7, 40]);
    let fd_at = |b: &[u8], i: usize| u32::from_be_bytes(b[i..i + 4].try_into().unwrap());
    // 07 | 85 03 [9: 0] | 95 06 83 08 'x' 00 85 03 [7: 1] 83 08 'y' 00 85 03 [40: 2]
    //    | 85 03 [7: 1] | 85 03 [9: 0]
    assert_eq!(len, 41);
    assert_eq!(&bytes[7..9], &[0x95, 0x06]);
    let numbers: Vec<u32> = [3, 15, 25, 31, 37].iter().map(|&i| fd_at(&bytes, i)).collect();
    assert_eq!(numbers, [0, 1, 2, 1, 0]);
    // Without an array, the stored numbers are written unchanged.
    let plain = raw(seq);
    let numbers: Vec<u32> = [3, 15, 25, 31, 37].iter().map(|&i| fd_at(&plain, i)).collect();
    assert_eq!(numbers, [9, 1, 0, 7, 9]);
    for p in [seq, a, b, sub] {
        free(p);
    }
}

impl FileSink for Vec<u8> {
    fn write_all(&mut self, bytes: &[u8]) -> Result<(), Errno> {
        self.extend_from_slice(bytes);
        Ok(())
    }
}

fn yaml(ad: *const argdata_t) -> String {
    let mut out = Vec::new();
    // SAFETY: a live value.
    unsafe { print_yaml(&*ad, &mut out) }.unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn yaml_has_cloudlibcs_layout() {
    let data = b"hi!?";
    // SAFETY: static bytes.
    let b = unsafe { argdata_create_binary(data.as_ptr().cast(), data.len()) };
    let (k1, k2, k3) = (s("bin"), s("list"), s("q\"\n\u{1}é"));
    let items = [argdata_create_int_s(-3), argdata_create_fd(4), argdata_create_float(1.5)];
    let list: Vec<*const argdata_t> = items.iter().map(|p| p.cast_const()).collect();
    // SAFETY: arrays and elements outlive the containers.
    let seq = unsafe { argdata_create_seq(list.as_ptr(), list.len()) };
    let empty = unsafe { argdata_create_seq(null(), 0) };
    let keys = [k1.cast_const(), k2.cast_const(), k3.cast_const()];
    let values = [b.cast_const(), seq.cast_const(), empty.cast_const()];
    // SAFETY: as above.
    let map = unsafe { argdata_create_map(keys.as_ptr(), values.as_ptr(), 3) };
    let want = concat!(
        "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n",
        "!!map {\n",
        "  ? !!str \"bin\"\n",
        "  : !!binary \"aGkhPw==\",\n",
        "  ? !!str \"list\"\n",
        "  : !!seq [\n",
        "    !!int \"-3\",\n",
        "    !fd \"4\",\n",
        "    !!float \"1.5\",\n",
        "  ],\n",
        "  ? !!str \"q\\\"\\n\\x01é\"\n",
        "  : !!seq [],\n",
        "}\n",
    );
    let got = yaml(map);
    assert_eq!(got, want);
    // Printed from its serialisation, the document is the same.
    let bytes = raw(map);
    let back = view(&bytes);
    assert_eq!(yaml(back), got);
    free(back);
    for p in [map, empty, seq, k1, k2, k3, b] {
        free(p);
    }
    for p in items {
        free(p);
    }
}

#[test]
fn yaml_scalars() {
    let body = |ad: *mut argdata_t| {
        let y = yaml(ad);
        free(ad);
        y.trim_start_matches("%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n").trim_end().to_owned()
    };
    assert_eq!(body(argdata_create_float(100.0)), "!!float \"1e+2\"");
    assert_eq!(body(argdata_create_float(0.1)), "!!float \"1.00000000000000006e-1\"");
    assert_eq!(body(argdata_create_float(-0.0)), "!!float \"0\"");
    assert_eq!(body(argdata_create_float(f64::NEG_INFINITY)), "!!float \"-.inf\"");
    assert_eq!(body(argdata_create_float(f64::NAN)), "!!float \".nan\"");
    assert_eq!(body(argdata_create_int_u(u64::MAX)), "!!int \"18446744073709551615\"");
    // SAFETY: local timespecs.
    let ts = |sec, nsec| unsafe { argdata_create_timestamp(&timespec { tv_sec: sec, tv_nsec: nsec }) };
    assert_eq!(body(ts(0, 0)), "!!timestamp \"1970-01-01T00:00:00.000000000Z\"");
    assert_eq!(body(ts(-1, 999_999_999)), "!!timestamp \"1969-12-31T23:59:59.999999999Z\"");
    assert_eq!(body(ts(951_827_696, 5)), "!!timestamp \"2000-02-29T12:34:56.000000005Z\"");
    assert_eq!(yaml(&argdata_true).lines().nth(2), Some("!!bool \"true\""));
    assert_eq!(yaml(&argdata_null).lines().nth(2), Some("!!null \"null\""));
    let bad_fd = [3u8, 0, 0, 0, 1];
    // SAFETY: the buffer outlives the value.
    let v = unsafe { argdata_from_buffer(bad_fd.as_ptr().cast(), 5, None, null_mut()) };
    assert_eq!(body(v), "!fd \"invalid\"");
}

#[test]
fn print_without_stdio_reports_enosys() {
    let fp = core::ptr::NonNull::<super::print::_FILE>::dangling().as_ptr();
    // SAFETY: a live value; `_FILE` has no bytes, so any aligned pointer is one.
    unsafe { argdata_print_yaml(&argdata_true, fp) };
    assert_eq!(get_errno(), errno::NOSYS as c_int);
}

/// Registers a host descriptor with the emulator's table, all rights its
/// type allows, and returns its number.
fn grant(f: impl std::os::fd::IntoRawFd) -> c_int {
    use crate::emulator::{fdtable, rights};
    let raw = f.into_raw_fd();
    let t = fdtable::type_of_linux_fd(raw).unwrap();
    let (base, inheriting) = rights::max_for(t);
    fdtable::install(raw, t, base, inheriting).unwrap().0 as c_int
}

fn close(fd: c_int) {
    sys::fd_close(sys::to_fd(fd).unwrap()).unwrap();
}

#[test]
fn messages_travel_through_a_pipe() {
    let (r, w) = std::io::pipe().unwrap();
    let (r, w) = (grant(r), grant(w));
    let (k, v) = (s("key"), argdata_create_int_u(300));
    let (keys, values) = ([k.cast_const()], [v.cast_const()]);
    // SAFETY: arrays and elements outlive the map; the writer and reader
    // are used while their values live.
    unsafe {
        let map = argdata_create_map(keys.as_ptr(), values.as_ptr(), 1);
        let aw = argdata_writer_create();
        argdata_writer_set(aw, map);
        assert_eq!(argdata_writer_push(aw, w), 0);
        argdata_writer_set(aw, &argdata_true);
        assert_eq!(argdata_writer_push(aw, w), 0);
        assert_eq!(argdata_writer_push(aw, w), 0, "nothing set: nothing to do");
        argdata_writer_free(aw);
        close(w);

        let ar = argdata_reader_create(64, 4);
        assert!(argdata_reader_get(ar).is_null());
        assert_eq!(argdata_reader_pull(ar, r), 0);
        let got = argdata_reader_get(ar);
        assert_eq!(raw(got), raw(map));
        let mut value = Vec::new();
        map_each(got, |_, v| value.push(int_u(v, u64::MAX)));
        assert_eq!(value, [Ok(300)]);
        assert_eq!(argdata_reader_pull(ar, r), 0);
        assert_eq!(boolean(argdata_reader_get(ar)), Ok(true));
        // A clean end of the stream between messages.
        assert_eq!(argdata_reader_pull(ar, r), 0);
        assert!(argdata_reader_get(ar).is_null());
        argdata_reader_free(ar);
        argdata_free(map);
    }
    close(r);
    free(k);
    free(v);
}

#[test]
fn readers_refuse_oversized_and_truncated_messages() {
    use std::io::Write;
    let (r, mut w) = std::io::pipe().unwrap();
    // 16 data bytes and no descriptors, but only 3 of them sent.
    w.write_all(&[0, 0, 0, 0, 0, 0, 0, 16, 0, 0, 0, 0, 1, 2, 3]).unwrap();
    drop(w);
    let r = grant(r);
    // SAFETY: readers used while alive.
    unsafe {
        let small = argdata_reader_create(8, 0);
        assert_eq!(argdata_reader_pull(small, r), errno::MSGSIZE as c_int);
        argdata_reader_free(small);
        let ar = argdata_reader_create(64, 0);
        assert_eq!(argdata_reader_pull(ar, r), errno::BADMSG as c_int);
        assert_eq!(argdata_reader_pull(ar, -1), EBADF);
        argdata_reader_free(ar);
    }
    close(r);
}

#[test]
fn descriptors_travel_through_a_socket() {
    use std::io::Write;
    use std::os::unix::net::UnixStream;
    let (a, b) = UnixStream::pair().unwrap();
    let (a, b) = (grant(a), grant(b));
    let (r, mut w) = std::io::pipe().unwrap();
    w.write_all(b"payload").unwrap();
    drop(w);
    let carried = grant(r);
    let fd = argdata_create_fd(carried);
    let twice = [fd.cast_const(), fd.cast_const()];
    // SAFETY: values outlive the writer and reader that use them.
    unsafe {
        let seq = argdata_create_seq(twice.as_ptr(), 2);
        let aw = argdata_writer_create();
        argdata_writer_set(aw, seq);
        assert_eq!(argdata_writer_push(aw, a), 0);
        argdata_writer_free(aw);

        let ar = argdata_reader_create(64, 1);
        assert_eq!(argdata_reader_pull(ar, b), 0);
        let got = argdata_reader_get(ar);
        let mut fds = Vec::new();
        seq_each(got, |e| fds.push(fd_of(e).unwrap()));
        assert_eq!(fds.len(), 2);
        assert_eq!(fds[0], fds[1], "one descriptor, sent once");
        assert_ne!(fds[0], carried);
        let mut buf = [0u8; 16];
        let n = sys::fd_read(sys::to_fd(fds[0]).unwrap(), &mut buf).unwrap();
        assert_eq!(&buf[..n], b"payload");
        // Taken over by the caller: the reader no longer closes it, and the
        // message no longer hands it out.
        argdata_reader_release_fd(ar, fds[0]);
        seq_each(got, |e| assert_eq!(fd_of(e), Err(EBADF)));
        argdata_reader_free(ar);
        close(fds[0]);
        argdata_free(seq);
    }
    free(fd);
    close(carried);
    close(a);
    close(b);
}

#[test]
fn descriptors_need_a_socket() {
    let (r, w) = std::io::pipe().unwrap();
    let (r, w) = (grant(r), grant(w));
    let fd = argdata_create_fd(r);
    // SAFETY: the value outlives the writer.
    unsafe {
        let aw = argdata_writer_create();
        argdata_writer_set(aw, fd);
        assert_eq!(argdata_writer_push(aw, w), errno::NOTSOCK as c_int);
        argdata_writer_free(aw);
    }
    free(fd);
    close(r);
    close(w);
}
