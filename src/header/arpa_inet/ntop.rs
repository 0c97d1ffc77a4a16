//! inet_ntop (RFC 5952 canonical IPv6 text); compat inet_ntoa. Also the
//! formatting `getnameinfo` and `getaddrinfo` use.

use crate::abi::{c_char, c_int, c_void};
use crate::errno::{Errno, OrErrno};
use crate::header::netinet::in_addr;
use crate::header::sys_socket::{socklen_t, AF_INET, AF_INET6};
use crate::sync::SpinLock;
use cloudabi::errno;

/// A short text being built; long enough for any address with a scope.
pub struct Text {
    buf: [u8; 64],
    len: usize,
}

impl Text {
    pub fn new() -> Self {
        Text { buf: [0; 64], len: 0 }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    pub fn push(&mut self, s: &[u8]) {
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    /// Appends `v` in decimal.
    pub fn decimal(&mut self, v: u32) {
        let mut digits = [0u8; 10];
        let mut i = digits.len();
        let mut v = v;
        loop {
            i -= 1;
            digits[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.push(&digits[i..]);
    }

    /// Appends `v` in lower-case hex without leading zeros.
    fn hex(&mut self, v: u16) {
        let mut started = false;
        for shift in [12, 8, 4, 0] {
            let d = (v >> shift) & 0xf;
            if d != 0 || started || shift == 0 {
                self.push(&[b"0123456789abcdef"[d as usize]]);
                started = true;
            }
        }
    }

    /// Copies the text and a NUL into a C buffer of `size` bytes;
    /// `ENOSPC` if it does not fit.
    ///
    /// # Safety
    /// `dst` has `size` writable bytes.
    pub unsafe fn copy_out(&self, dst: *mut c_char, size: usize) -> Result<(), Errno> {
        if self.len >= size {
            return Err(errno::NOSPC);
        }
        // SAFETY: the caller's contract; len + 1 <= size.
        unsafe {
            core::ptr::copy_nonoverlapping(self.buf.as_ptr(), dst.cast::<u8>(), self.len);
            *dst.add(self.len) = 0;
        }
        Ok(())
    }
}

/// `a.b.c.d`.
pub fn format4(out: &mut Text, a: &[u8; 4]) {
    for (i, &b) in a.iter().enumerate() {
        if i > 0 {
            out.push(b".");
        }
        out.decimal(u32::from(b));
    }
}

/// RFC 5952 text: lower-case hex without leading zeros, the longest run of
/// two or more zero groups (the first of equal runs) as `::`, and IPv4-mapped
/// addresses (`::ffff:0:0/96`) ending in dotted decimal.
pub fn format6(out: &mut Text, a: &[u8; 16]) {
    let words: [u16; 8] = core::array::from_fn(|i| u16::from_be_bytes([a[2 * i], a[2 * i + 1]]));
    let mapped = words[..5] == [0; 5] && words[5] == 0xffff;
    let groups = if mapped { 6 } else { 8 };
    let (mut best, mut best_len, mut run) = (0, 0, 0);
    for i in 0..groups {
        run = if words[i] == 0 { run + 1 } else { 0 };
        if run > best_len {
            best_len = run;
            best = i + 1 - run;
        }
    }
    let gap = if best_len >= 2 { best..best + best_len } else { groups..groups };
    let mut i = 0;
    while i < groups {
        if i == gap.start && !gap.is_empty() {
            out.push(b"::");
            i = gap.end;
            continue;
        }
        if i > 0 && i != gap.end {
            out.push(b":");
        }
        out.hex(words[i]);
        i += 1;
    }
    if mapped {
        if gap.end != groups {
            out.push(b":");
        }
        format4(out, &[a[12], a[13], a[14], a[15]]);
    }
}

/// POSIX `inet_ntop`: the text form of an IPv4 or IPv6 address.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn inet_ntop(af: c_int, src: *const c_void, dst: *mut c_char, size: socklen_t) -> *const c_char {
    let mut t = Text::new();
    // SAFETY: `src` holds an address of the family (C contract).
    unsafe {
        match af {
            AF_INET => format4(&mut t, &*src.cast()),
            AF_INET6 => format6(&mut t, &*src.cast()),
            _ => return Err(errno::AFNOSUPPORT).or_errno(core::ptr::null()),
        }
    }
    // SAFETY: `dst` has `size` writable bytes (C contract).
    unsafe { t.copy_out(dst, size) }.map(|()| dst.cast_const()).or_errno(core::ptr::null())
}

/// The buffer `inet_ntoa` returns, overwritten by the next call.
static NTOA: SpinLock<[c_char; 16]> = SpinLock::new([0; 16]);

/// Compat `inet_ntoa`: dotted decimal in a static buffer (not thread-safe,
/// as POSIX allows).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn inet_ntoa(a: in_addr) -> *mut c_char {
    let mut t = Text::new();
    format4(&mut t, &a.s_addr.to_ne_bytes());
    let mut buf = NTOA.lock();
    // SAFETY: 16 bytes hold any dotted-decimal address and its NUL.
    unsafe { t.copy_out(buf.as_mut_ptr(), buf.len()) }.map(|()| buf.as_mut_ptr()).unwrap_or(core::ptr::null_mut())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::arpa_inet::parse6;

    fn text6(s: &str) -> String {
        let mut t = Text::new();
        format6(&mut t, &parse6(s.as_bytes()).unwrap());
        String::from_utf8(t.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn canonical_ipv6_text() {
        for (input, want) in [
            ("::", "::"),
            ("::1", "::1"),
            ("1::", "1::"),
            ("2001:0DB8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329"),
            ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),
            ("1:0:0:2:0:0:3:4", "1::2:0:0:3:4"),
            ("1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0"),
            ("0:2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
            ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
            ("::ffff:0:0", "::ffff:0.0.0.0"),
            ("::1.2.3.4", "::102:304"),
            ("fe80::1", "fe80::1"),
            ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        ] {
            assert_eq!(text6(input), want, "{input}");
        }
    }

    #[test]
    fn dotted_decimal_text() {
        let mut t = Text::new();
        format4(&mut t, &[255, 0, 10, 1]);
        assert_eq!(t.as_bytes(), b"255.0.10.1");
    }

    #[test]
    fn copy_out_needs_room_for_the_nul() {
        let mut t = Text::new();
        t.push(b"abc");
        let mut buf = [1 as c_char; 4];
        // SAFETY: `buf` has the sizes given.
        unsafe {
            assert_eq!(t.copy_out(buf.as_mut_ptr(), 3), Err(errno::NOSPC));
            assert_eq!(t.copy_out(buf.as_mut_ptr(), 4), Ok(()));
        }
        assert_eq!(buf, [97, 98, 99, 0]);
    }
}
