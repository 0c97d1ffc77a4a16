//! CloudABI's directory entry format, as `file_readdir` fills a buffer: a
//! `cloudabi::dirent` header, then the name (no NUL), entry after entry,
//! the last one cut short where the buffer ends. Written by the emulator
//! and by the library's own listings of the directories above the grants.

use cloudabi::{dirent, filetype};
use core::mem::offset_of;

/// The header's size.
pub const HEADER: usize = core::mem::size_of::<dirent>();

/// The header of an entry, as bytes (padding zeroed).
pub fn header(next: u64, ino: u64, namlen: u32, t: filetype) -> [u8; HEADER] {
    let mut h = [0; HEADER];
    let at = offset_of!(dirent, d_next);
    h[at..at + 8].copy_from_slice(&next.to_ne_bytes());
    let at = offset_of!(dirent, d_ino);
    h[at..at + 8].copy_from_slice(&ino.to_ne_bytes());
    let at = offset_of!(dirent, d_namlen);
    h[at..at + 4].copy_from_slice(&namlen.to_ne_bytes());
    h[offset_of!(dirent, d_type)] = t as u8;
    h
}

/// Copies as much of `src` as fits to the front of `out`; returns the count.
pub fn put(out: &mut [u8], src: &[u8]) -> usize {
    let n = src.len().min(out.len());
    out[..n].copy_from_slice(&src[..n]);
    n
}
