//! Which CloudABI rights make sense for each file type. A descriptor never
//! holds a right its type cannot use: the emulator passes every new
//! descriptor's rights through `limit`, and the launcher builds its grants
//! from the same sets.
#![no_std]

use cloudabi::{filetype, rights};

/// The union of a list of rights, usable in constants.
pub const fn bits(list: &[rights]) -> u64 {
    let mut v = 0;
    let mut i = 0;
    while i < list.len() {
        v |= list[i].bits();
        i += 1;
    }
    v
}

/// Rights a regular file (or block device) can carry.
pub const REGULAR_FILE: u64 = bits(&[
    rights::FD_DATASYNC,
    rights::FD_READ,
    rights::FD_SEEK,
    rights::FD_STAT_PUT_FLAGS,
    rights::FD_SYNC,
    rights::FD_TELL,
    rights::FD_WRITE,
    rights::FILE_ADVISE,
    rights::FILE_ALLOCATE,
    rights::FILE_STAT_FGET,
    rights::FILE_STAT_FPUT_SIZE,
    rights::FILE_STAT_FPUT_TIMES,
    rights::MEM_MAP,
    rights::MEM_MAP_EXEC,
    rights::POLL_FD_READWRITE,
    rights::PROC_EXEC,
]);

/// Rights a directory descriptor itself can carry.
pub const DIRECTORY: u64 = bits(&[
    rights::FD_DATASYNC,
    rights::FD_STAT_PUT_FLAGS,
    rights::FD_SYNC,
    rights::FILE_ADVISE,
    rights::FILE_CREATE_DIRECTORY,
    rights::FILE_CREATE_FILE,
    rights::FILE_LINK_SOURCE,
    rights::FILE_LINK_TARGET,
    rights::FILE_OPEN,
    rights::FILE_READDIR,
    rights::FILE_READLINK,
    rights::FILE_RENAME_SOURCE,
    rights::FILE_RENAME_TARGET,
    rights::FILE_STAT_FGET,
    rights::FILE_STAT_FPUT_TIMES,
    rights::FILE_STAT_GET,
    rights::FILE_STAT_PUT_TIMES,
    rights::FILE_SYMLINK,
    rights::FILE_UNLINK,
    rights::POLL_FD_READWRITE,
]);

/// Sockets (and pipes, which CloudABI presents as stream sockets).
pub const SOCKET: u64 = bits(&[
    rights::FD_READ,
    rights::FD_STAT_PUT_FLAGS,
    rights::FD_WRITE,
    rights::FILE_STAT_FGET,
    rights::POLL_FD_READWRITE,
    rights::SOCK_SHUTDOWN,
]);

/// Terminals and other character devices.
pub const CHARACTER_DEVICE: u64 = bits(&[
    rights::FD_DATASYNC,
    rights::FD_READ,
    rights::FD_SEEK,
    rights::FD_STAT_PUT_FLAGS,
    rights::FD_SYNC,
    rights::FD_TELL,
    rights::FD_WRITE,
    rights::FILE_STAT_FGET,
    rights::POLL_FD_READWRITE,
]);

/// Anonymous shared memory (`fd_create1(SHARED_MEMORY)`).
pub const SHARED_MEMORY: u64 = bits(&[
    rights::FD_READ,
    rights::FD_SEEK,
    rights::FD_STAT_PUT_FLAGS,
    rights::FD_TELL,
    rights::FD_WRITE,
    rights::FILE_STAT_FGET,
    rights::FILE_STAT_FPUT_SIZE,
    rights::MEM_MAP,
    rights::MEM_MAP_EXEC,
]);

/// Every right a file or directory opened beneath a directory may get.
pub const ALL_FILE: u64 = REGULAR_FILE | DIRECTORY;

/// Every right defined by the ABI.
pub const ALL: u64 = ALL_FILE | SOCKET | SHARED_MEMORY | rights::POLL_PROC_TERMINATE.bits();

/// (base, inheriting) rights that a descriptor of type `t` can hold at most.
pub const fn max_for(t: filetype) -> (u64, u64) {
    match t {
        filetype::DIRECTORY => (DIRECTORY, ALL_FILE),
        filetype::REGULAR_FILE | filetype::BLOCK_DEVICE => (REGULAR_FILE, 0),
        filetype::SOCKET_STREAM | filetype::SOCKET_DGRAM => (SOCKET, ALL),
        filetype::CHARACTER_DEVICE => (CHARACTER_DEVICE, 0),
        filetype::SHARED_MEMORY => (SHARED_MEMORY, 0),
        filetype::PROCESS => (rights::POLL_PROC_TERMINATE.bits() | rights::FILE_STAT_FGET.bits(), 0),
        _ => (rights::FD_READ.bits() | rights::FD_WRITE.bits() | rights::FILE_STAT_FGET.bits(), 0),
    }
}

/// Clips requested rights to what the type can use.
pub const fn limit(t: filetype, base: u64, inheriting: u64) -> (u64, u64) {
    let (mb, mi) = max_for(t);
    (base & mb, inheriting & mi)
}
