//! The descriptor table: for every open descriptor, its CloudABI file type
//! and its base and inheriting rights. Descriptor numbers are the Linux
//! numbers; a Linux descriptor with no entry here does not exist for the
//! program (`EBADF`). This is the one place rights are checked.
//!
//! Entries are two atomics, so lookups on the hot path (every `fd_read`) take
//! no lock. The first word packs a valid bit, the file type and the base
//! rights (CloudABI rights use the low 40 bits).

use super::linux;
use cloudabi::{errno, fd, filetype, rights};
use core::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// Descriptors at or above this number are refused (`EMFILE`); the launcher
/// sets RLIMIT_NOFILE to match so Linux never hands out larger ones.
pub const MAX_FDS: usize = 4096;

const VALID: u64 = 1 << 63;
const TYPE_SHIFT: u32 = 48;
const RIGHTS_MASK: u64 = (1 << 40) - 1;

struct Slot {
    word: AtomicU64,
    inheriting: AtomicU64,
}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: Slot = Slot { word: AtomicU64::new(0), inheriting: AtomicU64::new(0) };
static TABLE: [Slot; MAX_FDS] = [EMPTY; MAX_FDS];

/// For a process descriptor made by `proc_fork` (or copied from one), the
/// Linux pid of its process; 0 for every other descriptor. Closing a process
/// descriptor kills the process only when no other descriptor refers to it,
/// and this is how the emulator tells. Kept apart from `TABLE` so that the
/// lookups of every other call do not load it.
static PIDS: [AtomicU32; MAX_FDS] = [const { AtomicU32::new(0) }; MAX_FDS];

/// What the table knows about one descriptor.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub filetype: filetype,
    pub base: u64,
    pub inheriting: u64,
}

fn slot(f: fd) -> Result<&'static Slot, errno> {
    TABLE.get(f.0 as usize).ok_or(errno::BADF)
}

fn type_from_u8(v: u8) -> filetype {
    match v {
        0x10 => filetype::BLOCK_DEVICE,
        0x11 => filetype::CHARACTER_DEVICE,
        0x20 => filetype::DIRECTORY,
        0x50 => filetype::PROCESS,
        0x60 => filetype::REGULAR_FILE,
        0x70 => filetype::SHARED_MEMORY,
        0x80 => filetype::SOCKET_DGRAM,
        0x82 => filetype::SOCKET_STREAM,
        0x90 => filetype::SYMBOLIC_LINK,
        _ => filetype::UNKNOWN,
    }
}

/// Looks a descriptor up.
pub fn get(f: fd) -> Result<Entry, errno> {
    let s = slot(f)?;
    let w = s.word.load(Ordering::Acquire);
    if w & VALID == 0 {
        return Err(errno::BADF);
    }
    Ok(Entry {
        filetype: type_from_u8((w >> TYPE_SHIFT) as u8),
        base: w & RIGHTS_MASK,
        inheriting: s.inheriting.load(Ordering::Relaxed),
    })
}

/// Looks a descriptor up and checks that its base rights include `need`;
/// returns the Linux descriptor number.
#[inline]
pub fn check(f: fd, need: rights) -> Result<i32, errno> {
    let e = get(f)?;
    if e.base & need.bits() != need.bits() {
        return Err(errno::NOTCAPABLE);
    }
    Ok(f.0 as i32)
}

/// Like `check`, and also returns the entry.
pub fn check_entry(f: fd, need: rights) -> Result<(i32, Entry), errno> {
    let e = get(f)?;
    if e.base & need.bits() != need.bits() {
        return Err(errno::NOTCAPABLE);
    }
    Ok((f.0 as i32, e))
}

/// Records a new Linux descriptor with rights clipped to its type. A number
/// beyond the table is closed and refused.
pub fn install(linux_fd: i32, t: filetype, base: u64, inheriting: u64) -> Result<fd, errno> {
    install_with_pid(linux_fd, t, base, inheriting, 0)
}

/// Like `install`, for a process descriptor of the process with Linux pid
/// `pid` (0 if unknown, and for other descriptors).
pub fn install_with_pid(linux_fd: i32, t: filetype, base: u64, inheriting: u64, pid: u32) -> Result<fd, errno> {
    let Some(s) = TABLE.get(linux_fd as usize) else {
        linux::close(linux_fd);
        return Err(errno::MFILE);
    };
    let (b, i) = super::rights::limit(t, base, inheriting);
    PIDS[linux_fd as usize].store(pid, Ordering::Relaxed);
    s.inheriting.store(i, Ordering::Relaxed);
    s.word.store(VALID | (u64::from(t as u8) << TYPE_SHIFT) | b, Ordering::Release);
    Ok(fd(linux_fd as u32))
}

/// Narrows the rights of an open descriptor; asking for more is ENOTCAPABLE.
pub fn restrict(f: fd, base: u64, inheriting: u64) -> Result<(), errno> {
    let e = get(f)?;
    if base & !e.base != 0 || inheriting & !e.inheriting != 0 {
        return Err(errno::NOTCAPABLE);
    }
    let s = slot(f)?;
    s.inheriting.store(inheriting, Ordering::Relaxed);
    s.word.store(VALID | (u64::from(e.filetype as u8) << TYPE_SHIFT) | base, Ordering::Release);
    Ok(())
}

/// The pid recorded for a process descriptor (0 if unknown).
pub fn pid(f: fd) -> u32 {
    PIDS.get(f.0 as usize).map_or(0, |p| p.load(Ordering::Relaxed))
}

/// Whether any descriptor in the table refers to the process `pid`.
pub fn refers_to(pid: u32) -> bool {
    let process = u64::from(filetype::PROCESS as u8) << TYPE_SHIFT;
    TABLE.iter().zip(&PIDS).any(|(s, p)| {
        let w = s.word.load(Ordering::Acquire);
        w & VALID != 0 && w & (0xff << TYPE_SHIFT) == process && p.load(Ordering::Relaxed) == pid
    })
}

/// Forgets a descriptor and returns what it was. Called *before* the Linux
/// close, so another thread cannot be handed the number and then lose its
/// entry to us.
pub fn remove(f: fd) -> Result<Entry, errno> {
    let s = slot(f)?;
    let w = s.word.swap(0, Ordering::AcqRel);
    if w & VALID == 0 {
        return Err(errno::BADF);
    }
    Ok(Entry {
        filetype: type_from_u8((w >> TYPE_SHIFT) as u8),
        base: w & RIGHTS_MASK,
        inheriting: s.inheriting.load(Ordering::Relaxed),
    })
}

/// Copies the entry of `from` (which is `e`) to `to`, after a Linux dup onto `to`.
pub fn copy(from: fd, e: Entry, to: i32) -> Result<fd, errno> {
    install_with_pid(to, e.filetype, e.base, e.inheriting, pid(from))
}

/// The CloudABI type of an open Linux descriptor, from its stat mode.
pub fn type_of_linux_fd(linux_fd: i32) -> Result<filetype, errno> {
    let st = linux::fstatx(linux_fd)?;
    Ok(type_from_mode(u32::from(st.stx_mode), linux_fd))
}

/// Maps a Linux `st_mode` to a CloudABI file type; sockets are asked for
/// their kind, pipes count as stream sockets.
pub fn type_from_mode(mode: u32, linux_fd: i32) -> filetype {
    match mode & linux::S_IFMT {
        linux::S_IFREG => filetype::REGULAR_FILE,
        linux::S_IFDIR => filetype::DIRECTORY,
        linux::S_IFCHR => filetype::CHARACTER_DEVICE,
        linux::S_IFBLK => filetype::BLOCK_DEVICE,
        linux::S_IFLNK => filetype::SYMBOLIC_LINK,
        linux::S_IFIFO => filetype::SOCKET_STREAM,
        linux::S_IFSOCK => socket_type(linux_fd),
        // Process descriptors (pidfds) are files of no type.
        0 if super::proc::is_process(linux_fd) => filetype::PROCESS,
        _ => filetype::UNKNOWN,
    }
}

fn socket_type(linux_fd: i32) -> filetype {
    const SOL_SOCKET: usize = 1;
    const SO_TYPE: usize = 3;
    const SOCK_DGRAM: i32 = 2;
    let mut ty: i32 = 0;
    let mut len: u32 = 4;
    // SAFETY: `ty` and `len` are valid outputs of the sizes given.
    let r = unsafe {
        linux::syscall!(linux::nr::GETSOCKOPT, linux_fd, SOL_SOCKET, SO_TYPE, &mut ty as *mut i32, &mut len as *mut u32)
    };
    if r == 0 && ty == SOCK_DGRAM {
        filetype::SOCKET_DGRAM
    } else {
        filetype::SOCKET_STREAM
    }
}
