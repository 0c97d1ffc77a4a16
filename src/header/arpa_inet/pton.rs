//! inet_pton, inet_aton; compat inet_addr. Also the parsers `getaddrinfo`
//! uses for numeric hosts.

use crate::abi::{c_char, c_int, c_void};
use crate::cptr;
use crate::errno::OrErrno;
use crate::header::netinet::{in_addr, in_addr_t};
use crate::header::sys_socket::{AF_INET, AF_INET6};
use cloudabi::errno;

/// A dotted-decimal IPv4 address, exactly four parts of 0 to 255 without
/// leading zeros (what `inet_pton` accepts).
pub fn parse4(s: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split(|&c| c == b'.');
    for byte in &mut out {
        let p = parts.next()?;
        if p.is_empty() || p.len() > 3 || (p.len() > 1 && p[0] == b'0') || !p.iter().all(u8::is_ascii_digit) {
            return None;
        }
        *byte = p.iter().fold(0u16, |v, &d| v * 10 + u16::from(d - b'0')).try_into().ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// One to four hex digits.
fn hex_group(t: &[u8]) -> Option<u16> {
    if t.is_empty() || t.len() > 4 {
        return None;
    }
    t.iter().try_fold(0u16, |v, &c| Some(v << 4 | (c as char).to_digit(16)? as u16))
}

/// An IPv6 address in RFC 4291 text form: eight groups, one `::` standing
/// for one or more zero groups, optionally ending in a dotted IPv4 address.
pub fn parse6(s: &[u8]) -> Option<[u8; 16]> {
    let mut words = [0u16; 8];
    let mut n = 0;
    let mut gap = None;
    let mut rest = s;
    if let Some(r) = rest.strip_prefix(b"::") {
        gap = Some(0);
        rest = r;
    }
    while !rest.is_empty() {
        let end = rest.iter().position(|&c| c == b':').unwrap_or(rest.len());
        let token = &rest[..end];
        if end == rest.len() && token.contains(&b'.') {
            let v4 = parse4(token)?;
            if n > 6 {
                return None;
            }
            words[n] = u16::from_be_bytes([v4[0], v4[1]]);
            words[n + 1] = u16::from_be_bytes([v4[2], v4[3]]);
            n += 2;
            break;
        }
        if n == 8 {
            return None;
        }
        words[n] = hex_group(token)?;
        n += 1;
        rest = &rest[end..];
        if let Some(r) = rest.strip_prefix(b"::") {
            if gap.is_some() {
                return None;
            }
            gap = Some(n);
            rest = r;
        } else if let Some(r) = rest.strip_prefix(b":") {
            if r.is_empty() {
                return None;
            }
            rest = r;
        }
    }
    match gap {
        Some(at) if n < 8 => {
            let tail = n - at;
            words.copy_within(at..n, 8 - tail);
            words[at..8 - tail].fill(0);
        }
        None if n == 8 => {}
        _ => return None,
    }
    let mut out = [0u8; 16];
    for (pair, w) in out.chunks_exact_mut(2).zip(words) {
        pair.copy_from_slice(&w.to_be_bytes());
    }
    Some(out)
}

/// POSIX `inet_pton`: 1 and the address in network order, 0 for malformed
/// text, -1 (`EAFNOSUPPORT`) for a family other than AF_INET and AF_INET6.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn inet_pton(af: c_int, src: *const c_char, dst: *mut c_void) -> c_int {
    // SAFETY: `src` is a C string (C contract).
    let s = unsafe { cptr::cstr(src) };
    let put = |bytes: &[u8]| {
        // SAFETY: `dst` has room for an address of the family (C contract).
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), dst.cast::<u8>(), bytes.len()) };
        1
    };
    match af {
        AF_INET => parse4(s).map_or(0, |a| put(&a)),
        AF_INET6 => parse6(s).map_or(0, |a| put(&a)),
        _ => Err(errno::AFNOSUPPORT).or_errno(-1),
    }
}

/// A number in C notation: decimal, octal after `0`, hex after `0x`.
fn c_number(p: &[u8]) -> Option<u32> {
    let (digits, radix) = match p {
        [b'0', b'x' | b'X', rest @ ..] => (rest, 16),
        [b'0', rest @ ..] if !rest.is_empty() => (rest, 8),
        _ => (p, 10),
    };
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u32, |v, &c| v.checked_mul(radix)?.checked_add((c as char).to_digit(radix)?))
}

/// The historical IPv4 forms `inet_aton` takes: `a.b.c.d`, `a.b.c` (c is
/// 16 bits), `a.b` (b is 24 bits) and `a` (32 bits), each part decimal,
/// octal or hex; anything after the address must start with white space.
pub fn parse_aton(s: &[u8]) -> Option<u32> {
    let end = s.iter().position(u8::is_ascii_whitespace).unwrap_or(s.len());
    let mut parts = [0u32; 4];
    let mut n = 0;
    for p in s[..end].split(|&c| c == b'.') {
        if n == 4 {
            return None;
        }
        parts[n] = c_number(p)?;
        n += 1;
    }
    let (head, last) = (&parts[..n - 1], parts[n - 1]);
    if head.iter().any(|&v| v > 0xff) || u64::from(last) >= 1u64 << (8 * (5 - n)) {
        return None;
    }
    Some(head.iter().enumerate().fold(last, |v, (i, &p)| v | p << (24 - 8 * i)))
}

/// POSIX `inet_aton`: 1 and the address, or 0 for malformed text.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn inet_aton(src: *const c_char, dst: *mut in_addr) -> c_int {
    // SAFETY: `src` is a C string (C contract).
    match parse_aton(unsafe { cptr::cstr(src) }) {
        Some(v) => {
            if !dst.is_null() {
                // SAFETY: `dst` is writable (C contract).
                unsafe { (*dst).s_addr = v.to_be() };
            }
            1
        }
        None => 0,
    }
}

/// Compat `inet_addr`: as `inet_aton`, `INADDR_NONE` (all ones) if malformed.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn inet_addr(src: *const c_char) -> in_addr_t {
    // SAFETY: `src` is a C string (C contract).
    parse_aton(unsafe { cptr::cstr(src) }).map_or(in_addr_t::MAX, u32::to_be)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v6(s: &str) -> Option<[u16; 8]> {
        parse6(s.as_bytes()).map(|b| core::array::from_fn(|i| u16::from_be_bytes([b[2 * i], b[2 * i + 1]])))
    }

    #[test]
    fn dotted_decimal() {
        assert_eq!(parse4(b"1.2.3.4"), Some([1, 2, 3, 4]));
        assert_eq!(parse4(b"255.255.255.255"), Some([255; 4]));
        assert_eq!(parse4(b"0.0.0.0"), Some([0; 4]));
        for bad in ["256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..3.4", "1.2.3.4 ", "a.b.c.d", "", "1.2.3.1000"] {
            assert_eq!(parse4(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn ipv6_text_forms() {
        assert_eq!(v6("::"), Some([0; 8]));
        assert_eq!(v6("::1"), Some([0, 0, 0, 0, 0, 0, 0, 1]));
        assert_eq!(v6("1::"), Some([1, 0, 0, 0, 0, 0, 0, 0]));
        assert_eq!(v6("2001:DB8::ff00:42:8329"), Some([0x2001, 0xdb8, 0, 0, 0, 0xff00, 0x42, 0x8329]));
        assert_eq!(v6("1:2:3:4:5:6:7:8"), Some([1, 2, 3, 4, 5, 6, 7, 8]));
        assert_eq!(v6("1:2:3:4:5:6:7::"), Some([1, 2, 3, 4, 5, 6, 7, 0]));
        assert_eq!(v6("::2:3:4:5:6:7:8"), Some([0, 2, 3, 4, 5, 6, 7, 8]));
        assert_eq!(v6("::ffff:1.2.3.4"), Some([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]));
        assert_eq!(v6("1:2:3:4:5:6:1.2.3.4"), Some([1, 2, 3, 4, 5, 6, 0x102, 0x304]));
        for bad in [
            "", ":", ":::", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", ":1::", "1::2:",
            "1:2:3:4:5:6:7:8::", "::1.2.3.4:1", "1:2:3:4:5:6:7:1.2.3.4", "g::", "::1%eth0", "1.2.3.4",
        ] {
            assert_eq!(v6(bad), None, "{bad}");
        }
    }

    #[test]
    fn historical_ipv4_forms() {
        assert_eq!(parse_aton(b"1.2.3.4"), Some(0x01020304));
        assert_eq!(parse_aton(b"1.2.772"), Some(0x01020304));
        assert_eq!(parse_aton(b"1.131844"), Some(0x01020304));
        assert_eq!(parse_aton(b"16909060"), Some(0x01020304));
        assert_eq!(parse_aton(b"0x7f.1"), Some(0x7f000001));
        assert_eq!(parse_aton(b"0177.0.0.01"), Some(0x7f000001));
        assert_eq!(parse_aton(b"255.255.255.255"), Some(u32::MAX));
        assert_eq!(parse_aton(b"1.2.3.4 junk"), Some(0x01020304));
        for bad in ["", "1.2.3.256", "1.2.65536", "1.16777216", "4294967296", "1.2.3.4.5", "08", "0x", "1..2", "1.2.3.4x"] {
            assert_eq!(parse_aton(bad.as_bytes()), None, "{bad}");
        }
    }
}
