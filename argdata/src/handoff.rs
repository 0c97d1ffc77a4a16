//! What the launcher hands a program at `execve`, beside its descriptors:
//! the program's argdata and the CloudABI rights of each descriptor. The
//! launcher writes it into a sealed memfd; the emulator reads it at start-up.
//!
//! Encoded with the argdata codec itself, as
//! `[ binary(argdata), [[fd, base, inheriting], ...] ]`.

use crate::{Error, Value, Writer};

/// The environment variable naming the handoff descriptor.
pub const ENV_VAR: &str = "CLOUDABI_HANDOFF";

/// Rights the launcher grants one descriptor.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct FdRights {
    pub fd: u32,
    pub base: u64,
    pub inheriting: u64,
}

/// Serialises a handoff.
pub fn encode(w: &mut Writer, argdata: &[u8], fds: &[FdRights]) {
    w.seq_start();
    w.entry(|w| w.binary(argdata));
    w.entry(|w| {
        w.seq_start();
        for f in fds {
            w.entry(|w| {
                w.seq_start();
                w.entry(|w| w.int(i128::from(f.fd)));
                w.entry(|w| w.int(i128::from(f.base)));
                w.entry(|w| w.int(i128::from(f.inheriting)));
            });
        }
    });
}

/// Reads a handoff: the argdata bytes, and an iterator over the rights.
pub fn decode(bytes: &[u8]) -> Result<(&[u8], impl Iterator<Item = Result<FdRights, Error>> + '_), Error> {
    let mut top = Value::new(bytes).seq()?;
    let argdata = top.next().ok_or(Error::Invalid)??.binary()?;
    let fds = top.next().ok_or(Error::Invalid)??.seq()?;
    Ok((
        argdata,
        fds.map(|entry| {
            let mut parts = entry?.seq()?;
            let mut next = || -> Result<u64, Error> { parts.next().ok_or(Error::Invalid)??.int_u64() };
            let fd = u32::try_from(next()?).map_err(|_| Error::Range)?;
            Ok(FdRights { fd, base: next()?, inheriting: next()? })
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let fds = [FdRights { fd: 1, base: 0x40, inheriting: 0 }, FdRights { fd: 3, base: 0xffff, inheriting: 0x1234 }];
        let mut c = Writer::counter();
        encode(&mut c, b"\x08hi\0", &fds);
        let mut buf = [0u8; 128];
        let mut w = Writer::new(&mut buf);
        encode(&mut w, b"\x08hi\0", &fds);
        assert_eq!(w.len(), c.len());
        let n = w.len();
        let (ad, it) = decode(&buf[..n]).unwrap();
        assert_eq!(ad, b"\x08hi\0");
        let got: [FdRights; 2] = {
            let mut it = it;
            [it.next().unwrap().unwrap(), it.next().unwrap().unwrap()]
        };
        assert_eq!(got, fds);
    }

    #[test]
    fn garbage_is_rejected() {
        assert!(decode(&[0x07, 0x81]).is_err());
        assert!(decode(&[]).is_err());
    }
}
