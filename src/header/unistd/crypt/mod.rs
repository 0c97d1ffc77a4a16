//! Password hashing: `crypt_r` (cloudlibc), compat `crypt`, and the
//! compat DES block functions `encrypt` and `setkey`.
//!
//! Supported are the modular crypt formats cloudlibc supports: MD5-crypt
//! (`$1$salt$`), SHA-256-crypt (`$5$[rounds=N$]salt$`) and SHA-512-crypt
//! (`$6$...`), as specified by their authors (PHK's MD5 scheme and Ulrich
//! Drepper's "Unix crypt using SHA-256 and SHA-512"). Other settings,
//! among them traditional DES, fail with EINVAL. `encrypt` and `setkey`
//! (raw DES) fail with ENOSYS.

mod digest;

use self::digest::{Digest, Md5, Sha256, Sha512};
use crate::abi::{c_char, c_int};
use crate::cptr;
use crate::errno::{set_errno, Errno};
use crate::sync::SpinLock;
use cloudabi::errno;

/// cloudlibc's `struct crypt_data`.
#[repr(C)]
pub struct crypt_data {
    pub initialized: c_int,
    pub buf: [u8; 256],
}

/// The output being built.
struct Out {
    buf: [u8; 256],
    len: usize,
}

impl Out {
    fn push(&mut self, s: &[u8]) {
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    /// Appends `n` characters of crypt's base 64 for the bytes b2, b1, b0,
    /// least significant six bits first.
    fn b64(&mut self, b2: u8, b1: u8, b0: u8, n: usize) {
        const ALPHABET: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        let mut w = (u32::from(b2) << 16) | (u32::from(b1) << 8) | u32::from(b0);
        for _ in 0..n {
            self.push(&[ALPHABET[(w & 0x3f) as usize]]);
            w >>= 6;
        }
    }

    /// Appends a digest in the schemes' byte order: `order` lists byte
    /// triples (the last may be shorter, padded by the caller).
    fn digest(&mut self, d: &[u8], order: &[[usize; 3]], last: ([usize; 3], usize)) {
        for &[a, b, c] in order {
            self.b64(d[a], d[b], d[c], 4);
        }
        let ([a, b, c], n) = last;
        let at = |i: usize| if i == usize::MAX { 0 } else { d[i] };
        self.b64(at(a), at(b), at(c), n);
    }
}

/// Up to `max` bytes of salt, ending at '$' or the end of the setting.
fn salt(s: &[u8], max: usize) -> &[u8] {
    let end = s.iter().position(|&c| c == b'$').unwrap_or(s.len()).min(max);
    &s[..end]
}

/// `len` bytes made of repeated copies of `d` (the schemes' P and S).
fn stretch(d: &[u8], len: usize, out: &mut [u8]) {
    for (i, o) in out[..len].iter_mut().enumerate() {
        *o = d[i % d.len()];
    }
}

/// MD5-crypt: `setting` follows "$1$".
fn md5_crypt(key: &[u8], setting: &[u8], out: &mut Out) {
    let s = salt(setting, 8);
    let alt = Md5::of(&[key, s, key]);
    let mut ctx = Md5::new();
    ctx.update(key);
    ctx.update(b"$1$");
    ctx.update(s);
    let mut left = key.len();
    while left > 0 {
        ctx.update(&alt[..left.min(16)]);
        left = left.saturating_sub(16);
    }
    let mut n = key.len();
    while n > 0 {
        ctx.update(if n & 1 != 0 { &[0] } else { &key[..1] });
        n >>= 1;
    }
    let mut fin = ctx.finish();
    for i in 0..1000 {
        let mut c = Md5::new();
        c.update(if i & 1 != 0 { key } else { &fin });
        if i % 3 != 0 {
            c.update(s);
        }
        if i % 7 != 0 {
            c.update(key);
        }
        c.update(if i & 1 != 0 { &fin } else { key });
        fin = c.finish();
    }
    out.push(b"$1$");
    out.push(s);
    out.push(b"$");
    out.digest(&fin, &[[0, 6, 12], [1, 7, 13], [2, 8, 14], [3, 9, 15], [4, 10, 5]], ([usize::MAX, usize::MAX, 11], 2));
}

const SHA256_ORDER: [[usize; 3]; 10] =
    [[0, 10, 20], [21, 1, 11], [12, 22, 2], [3, 13, 23], [24, 4, 14], [15, 25, 5], [6, 16, 26], [27, 7, 17], [18, 28, 8], [9, 19, 29]];

const SHA512_ORDER: [[usize; 3]; 21] = [
    [0, 21, 42],
    [22, 43, 1],
    [44, 2, 23],
    [3, 24, 45],
    [25, 46, 4],
    [47, 5, 26],
    [6, 27, 48],
    [28, 49, 7],
    [50, 8, 29],
    [9, 30, 51],
    [31, 52, 10],
    [53, 11, 32],
    [12, 33, 54],
    [34, 55, 13],
    [56, 14, 35],
    [15, 36, 57],
    [37, 58, 16],
    [59, 17, 38],
    [18, 39, 60],
    [40, 61, 19],
    [62, 20, 41],
];

/// Keys longer than this are refused (the P sequence lives on the stack).
const MAX_KEY: usize = 4096;

/// SHA-crypt with digest `D`: `setting` follows "$5$" or "$6$".
fn sha_crypt<D: Digest>(key: &[u8], setting: &[u8], id: &[u8], out: &mut Out) -> Result<(), Errno> {
    if key.len() > MAX_KEY {
        return Err(errno::INVAL);
    }
    let mut rounds = 5000u32;
    let mut custom = false;
    let mut rest = setting;
    if let Some(r) = setting.strip_prefix(b"rounds=") {
        let digits = r.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && r.get(digits) == Some(&b'$') {
            let n = r[..digits].iter().fold(0u64, |n, &c| (n * 10 + u64::from(c - b'0')).min(u64::from(u32::MAX)));
            rounds = n.clamp(1000, 999_999_999) as u32;
            custom = true;
            rest = &r[digits + 1..];
        }
    }
    let s = salt(rest, 16);
    let b = D::of(&[key, s, key]);
    let b = b.as_ref();
    let h = b.len();
    let mut ctx = D::new();
    ctx.update(key);
    ctx.update(s);
    let mut left = key.len();
    while left > 0 {
        ctx.update(&b[..left.min(h)]);
        left = left.saturating_sub(h);
    }
    let mut n = key.len();
    while n > 0 {
        ctx.update(if n & 1 != 0 { b } else { key });
        n >>= 1;
    }
    let a = ctx.finish();
    let mut dp = D::new();
    for _ in 0..key.len() {
        dp.update(key);
    }
    let dp = dp.finish();
    let mut p = [0u8; MAX_KEY];
    stretch(dp.as_ref(), key.len(), &mut p);
    let p = &p[..key.len()];
    let mut ds = D::new();
    for _ in 0..16 + usize::from(a.as_ref()[0]) {
        ds.update(s);
    }
    let ds = ds.finish();
    let mut sp = [0u8; 16];
    stretch(ds.as_ref(), s.len(), &mut sp);
    let sp = &sp[..s.len()];
    let mut c = a;
    for i in 0..rounds {
        let mut x = D::new();
        x.update(if i & 1 != 0 { p } else { c.as_ref() });
        if i % 3 != 0 {
            x.update(sp);
        }
        if i % 7 != 0 {
            x.update(p);
        }
        x.update(if i & 1 != 0 { c.as_ref() } else { p });
        c = x.finish();
    }
    out.push(id);
    if custom {
        let mut digits = [0u8; 10];
        let mut i = digits.len();
        let mut r = rounds;
        loop {
            i -= 1;
            digits[i] = b'0' + (r % 10) as u8;
            r /= 10;
            if r == 0 {
                break;
            }
        }
        out.push(b"rounds=");
        out.push(&digits[i..]);
        out.push(b"$");
    }
    out.push(s);
    out.push(b"$");
    let c = c.as_ref();
    if h == 32 {
        out.digest(c, &SHA256_ORDER, ([usize::MAX, 31, 30], 3));
    } else {
        out.digest(c, &SHA512_ORDER, ([usize::MAX, usize::MAX, 63], 2));
    }
    Ok(())
}

/// Hashes `key` as `setting` asks, into `out`.
fn hash(key: &[u8], setting: &[u8], out: &mut Out) -> Result<(), Errno> {
    if let Some(s) = setting.strip_prefix(b"$1$") {
        md5_crypt(key, s, out);
        Ok(())
    } else if let Some(s) = setting.strip_prefix(b"$5$") {
        sha_crypt::<Sha256>(key, s, b"$5$", out)
    } else if let Some(s) = setting.strip_prefix(b"$6$") {
        sha_crypt::<Sha512>(key, s, b"$6$", out)
    } else {
        Err(errno::INVAL)
    }
}

/// cloudlibc `crypt_r`: the hash of `key` in `data`'s buffer; NULL with
/// EINVAL for an unsupported setting.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn crypt_r(key: *const c_char, setting: *const c_char, data: *mut crypt_data) -> *mut c_char {
    // SAFETY: both are C strings (C contract).
    let (key, setting) = unsafe { (cptr::cstr(key), cptr::cstr(setting)) };
    let mut out = Out { buf: [0; 256], len: 0 };
    match hash(key, setting, &mut out) {
        Ok(()) => {
            // SAFETY: `data` is writable (C contract); the output is at
            // most 123 bytes, so its NUL fits.
            unsafe {
                let buf = &mut (*data).buf;
                buf[..out.len].copy_from_slice(&out.buf[..out.len]);
                buf[out.len] = 0;
                buf.as_mut_ptr().cast()
            }
        }
        Err(e) => {
            set_errno(e);
            core::ptr::null_mut()
        }
    }
}

static CRYPT: SpinLock<crypt_data> = SpinLock::new(crypt_data { initialized: 0, buf: [0; 256] });

/// Compat `crypt`: `crypt_r` into one static buffer, overwritten by the
/// next call.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn crypt(key: *const c_char, setting: *const c_char) -> *mut c_char {
    let mut data = CRYPT.lock();
    // SAFETY: forwarded C contract; the buffer is static.
    unsafe { crypt_r(key, setting, &mut *data) }
}

/// Compat `encrypt`: fails with ENOSYS (raw DES is not offered); the
/// block is left as it is.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn encrypt(_block: *mut c_char, _decrypt: c_int) {
    set_errno(errno::NOSYS);
}

/// Compat `setkey` (`<stdlib.h>`): fails with ENOSYS, as `encrypt`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn setkey(_key: *const c_char) {
    set_errno(errno::NOSYS);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(key: &str, setting: &str) -> String {
        let mut out = Out { buf: [0; 256], len: 0 };
        hash(key.as_bytes(), setting.as_bytes(), &mut out).unwrap();
        String::from_utf8(out.buf[..out.len].to_vec()).unwrap()
    }

    #[test]
    fn drepper_test_vectors() {
        assert_eq!(run("Hello world!", "$5$saltstring"), "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5");
        assert_eq!(
            run("Hello world!", "$5$rounds=10000$saltstringsaltstring"),
            "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA"
        );
        assert_eq!(
            run("Hello world!", "$6$saltstring"),
            "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"
        );
        assert_eq!(run("a short string", "$6$rounds=10$roundstoolow"), run("a short string", "$6$rounds=1000$roundstoolow"));
    }

    #[test]
    fn md5_crypt_matches_openssl() {
        assert_eq!(run("Hello world!", "$1$saltstri"), "$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1");
    }

    #[test]
    fn unknown_settings_are_refused() {
        let mut out = Out { buf: [0; 256], len: 0 };
        assert_eq!(hash(b"k", b"ab", &mut out), Err(errno::INVAL));
        assert_eq!(hash(b"k", b"$2b$10$x", &mut out), Err(errno::INVAL));
    }
}
