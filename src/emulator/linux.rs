//! Raw Linux system calls for x86_64 and the one place where Linux errno
//! values become CloudABI ones. Nothing outside `emulator/` (and the Linux
//! entry point) may use this module.

use cloudabi::errno;

/// Linux syscall numbers the emulator uses (x86_64).
pub mod nr {
    pub const READ: usize = 0;
    pub const WRITE: usize = 1;
    pub const CLOSE: usize = 3;
    pub const FSTAT: usize = 5;
    pub const POLL: usize = 7;
    pub const LSEEK: usize = 8;
    pub const MMAP: usize = 9;
    pub const MPROTECT: usize = 10;
    pub const MUNMAP: usize = 11;
    pub const RT_SIGACTION: usize = 13;
    pub const RT_SIGPROCMASK: usize = 14;
    pub const RT_SIGPENDING: usize = 127;
    pub const IOCTL: usize = 16;
    pub const PREAD64: usize = 17;
    pub const PWRITE64: usize = 18;
    pub const READV: usize = 19;
    pub const WRITEV: usize = 20;
    pub const SCHED_YIELD: usize = 24;
    pub const MREMAP: usize = 25;
    pub const MSYNC: usize = 26;
    pub const MADVISE: usize = 28;
    pub const DUP: usize = 32;
    pub const NANOSLEEP: usize = 35;
    pub const GETITIMER: usize = 36;
    pub const SETITIMER: usize = 38;
    pub const GETPID: usize = 39;
    pub const SENDMSG: usize = 46;
    pub const RECVMSG: usize = 47;
    pub const SHUTDOWN: usize = 48;
    pub const GETSOCKNAME: usize = 51;
    pub const GETPEERNAME: usize = 52;
    pub const SETSOCKOPT: usize = 54;
    pub const GETSOCKOPT: usize = 55;
    pub const SOCKETPAIR: usize = 53;
    pub const CLONE: usize = 56;
    pub const EXIT: usize = 60;
    pub const KILL: usize = 62;
    pub const FCNTL: usize = 72;
    pub const FLOCK: usize = 73;
    pub const FCHMOD: usize = 91;
    pub const UMASK: usize = 95;
    pub const FSTATFS: usize = 138;
    pub const FSYNC: usize = 74;
    pub const FDATASYNC: usize = 75;
    pub const FTRUNCATE: usize = 77;
    pub const GETDENTS64: usize = 217;
    pub const ARCH_PRCTL: usize = 158;
    pub const GETPRIORITY: usize = 140;
    pub const SETPRIORITY: usize = 141;
    pub const GETTID: usize = 186;
    pub const SCHED_GETAFFINITY: usize = 204;
    pub const FUTEX: usize = 202;
    pub const SET_TID_ADDRESS: usize = 218;
    pub const FADVISE64: usize = 221;
    pub const CLOCK_GETTIME: usize = 228;
    pub const CLOCK_GETRES: usize = 229;
    pub const CLOCK_NANOSLEEP: usize = 230;
    pub const EXIT_GROUP: usize = 231;
    pub const TGKILL: usize = 234;
    pub const MKDIRAT: usize = 258;
    pub const MKNODAT: usize = 259;
    pub const NEWFSTATAT: usize = 262;
    pub const UNLINKAT: usize = 263;
    pub const RENAMEAT2: usize = 316;
    pub const LINKAT: usize = 265;
    pub const SYMLINKAT: usize = 266;
    pub const READLINKAT: usize = 267;
    pub const UTIMENSAT: usize = 280;
    pub const PPOLL: usize = 271;
    pub const FALLOCATE: usize = 285;
    pub const ACCEPT4: usize = 288;
    pub const DUP3: usize = 292;
    pub const PREADV: usize = 295;
    pub const PWRITEV: usize = 296;
    pub const WAITID: usize = 247;
    pub const GETRANDOM: usize = 318;
    pub const MEMFD_CREATE: usize = 319;
    pub const EXECVEAT: usize = 322;
    pub const STATX: usize = 332;
    pub const PIDFD_SEND_SIGNAL: usize = 424;
    pub const OPENAT2: usize = 437;
}

/// Issues a raw system call with up to six arguments; returns the kernel's
/// raw result (negative errno on failure).
///
/// # Safety
/// The arguments must be valid for the given call.
#[inline(always)]
pub unsafe fn syscall6(n: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize, a6: usize) -> isize {
    let ret: isize;
    // SAFETY: the x86_64 Linux syscall convention; rcx and r11 are clobbered.
    unsafe {
        core::arch::asm!(
            "syscall",
            inlateout("rax") n as isize => ret,
            in("rdi") a1, in("rsi") a2, in("rdx") a3, in("r10") a4, in("r8") a5, in("r9") a6,
            lateout("rcx") _, lateout("r11") _,
            options(nostack),
        );
    }
    ret
}

/// `syscall6` with fewer arguments.
#[macro_export]
#[doc(hidden)]
macro_rules! linux_syscall {
    ($n:expr) => { $crate::emulator::linux::syscall6($n, 0, 0, 0, 0, 0, 0) };
    ($n:expr, $a:expr) => { $crate::emulator::linux::syscall6($n, $a as usize, 0, 0, 0, 0, 0) };
    ($n:expr, $a:expr, $b:expr) => { $crate::emulator::linux::syscall6($n, $a as usize, $b as usize, 0, 0, 0, 0) };
    ($n:expr, $a:expr, $b:expr, $c:expr) => {
        $crate::emulator::linux::syscall6($n, $a as usize, $b as usize, $c as usize, 0, 0, 0)
    };
    ($n:expr, $a:expr, $b:expr, $c:expr, $d:expr) => {
        $crate::emulator::linux::syscall6($n, $a as usize, $b as usize, $c as usize, $d as usize, 0, 0)
    };
    ($n:expr, $a:expr, $b:expr, $c:expr, $d:expr, $e:expr) => {
        $crate::emulator::linux::syscall6($n, $a as usize, $b as usize, $c as usize, $d as usize, $e as usize, 0)
    };
    ($n:expr, $a:expr, $b:expr, $c:expr, $d:expr, $e:expr, $f:expr) => {
        $crate::emulator::linux::syscall6($n, $a as usize, $b as usize, $c as usize, $d as usize, $e as usize, $f as usize)
    };
}
pub use linux_syscall as syscall;

/// Turns a raw result into `Ok(value)` or a CloudABI errno.
#[inline]
pub fn result(ret: isize) -> Result<usize, errno> {
    if (-4095..0).contains(&ret) {
        Err(from_linux_errno(-ret as u32))
    } else {
        Ok(ret as usize)
    }
}

/// Linux errno numbers (x86_64 generic) to CloudABI's.
pub fn from_linux_errno(e: u32) -> errno {
    use errno::*;
    match e {
        1 => PERM,
        2 => NOENT,
        3 => SRCH,
        4 => INTR,
        5 => IO,
        6 => NXIO,
        7 => TOOBIG,
        8 => NOEXEC,
        9 => BADF,
        10 => CHILD,
        11 => AGAIN,
        12 => NOMEM,
        13 => ACCES,
        14 => FAULT,
        16 => BUSY,
        17 => EXIST,
        18 => XDEV,
        19 => NODEV,
        20 => NOTDIR,
        21 => ISDIR,
        22 => INVAL,
        23 => NFILE,
        24 => MFILE,
        25 => NOTTY,
        26 => TXTBSY,
        27 => FBIG,
        28 => NOSPC,
        29 => SPIPE,
        30 => ROFS,
        31 => MLINK,
        32 => PIPE,
        33 => DOM,
        34 => RANGE,
        35 => DEADLK,
        36 => NAMETOOLONG,
        37 => NOLCK,
        38 => NOSYS,
        39 => NOTEMPTY,
        40 => LOOP,
        42 => NOMSG,
        43 => IDRM,
        61 => NOMSG, // ENODATA (no such xattr) has no CloudABI counterpart
        62 => TIMEDOUT, // ETIME
        67 => NOLINK,
        71 => PROTO,
        72 => MULTIHOP,
        74 => BADMSG,
        75 => OVERFLOW,
        84 => ILSEQ,
        88 => NOTSOCK,
        89 => DESTADDRREQ,
        90 => MSGSIZE,
        91 => PROTOTYPE,
        92 => NOPROTOOPT,
        93 => PROTONOSUPPORT,
        94 => NOTSUP, // ESOCKTNOSUPPORT
        95 => NOTSUP,
        97 => AFNOSUPPORT,
        98 => ADDRINUSE,
        99 => ADDRNOTAVAIL,
        100 => NETDOWN,
        101 => NETUNREACH,
        102 => NETRESET,
        103 => CONNABORTED,
        104 => CONNRESET,
        105 => NOBUFS,
        106 => ISCONN,
        107 => NOTCONN,
        110 => TIMEDOUT,
        111 => CONNREFUSED,
        113 => HOSTUNREACH,
        114 => ALREADY,
        115 => INPROGRESS,
        116 => STALE,
        122 => DQUOT,
        125 => CANCELED,
        130 => OWNERDEAD,
        131 => NOTRECOVERABLE,
        _ => IO,
    }
}

/// Linux `struct timespec`.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct Timespec {
    pub tv_sec: i64,
    pub tv_nsec: i64,
}

/// Linux `struct statx` (the fields the emulator reads; size is 256).
#[repr(C)]
#[derive(Copy, Clone)]
pub struct Statx {
    pub stx_mask: u32,
    pub stx_blksize: u32,
    pub stx_attributes: u64,
    pub stx_nlink: u32,
    pub stx_uid: u32,
    pub stx_gid: u32,
    pub stx_mode: u16,
    pub spare0: u16,
    pub stx_ino: u64,
    pub stx_size: u64,
    pub stx_blocks: u64,
    pub stx_attributes_mask: u64,
    pub stx_atime: StatxTimestamp,
    pub stx_btime: StatxTimestamp,
    pub stx_ctime: StatxTimestamp,
    pub stx_mtime: StatxTimestamp,
    pub stx_rdev_major: u32,
    pub stx_rdev_minor: u32,
    pub stx_dev_major: u32,
    pub stx_dev_minor: u32,
    pub spare: [u64; 14],
}

#[repr(C)]
#[derive(Copy, Clone)]
pub struct StatxTimestamp {
    pub tv_sec: i64,
    pub tv_nsec: u32,
    pub reserved: i32,
}

pub const S_IFMT: u32 = 0o170000;
pub const S_IFSOCK: u32 = 0o140000;
pub const S_IFLNK: u32 = 0o120000;
pub const S_IFREG: u32 = 0o100000;
pub const S_IFBLK: u32 = 0o060000;
pub const S_IFDIR: u32 = 0o040000;
pub const S_IFCHR: u32 = 0o020000;
pub const S_IFIFO: u32 = 0o010000;

pub const AT_EMPTY_PATH: usize = 0x1000;
pub const AT_SYMLINK_NOFOLLOW: usize = 0x100;
pub const AT_REMOVEDIR: usize = 0x200;
pub const AT_SYMLINK_FOLLOW: usize = 0x400;
pub const STATX_BASIC_STATS: usize = 0x7ff;

pub const O_RDONLY: u64 = 0;
pub const O_WRONLY: u64 = 1;
pub const O_RDWR: u64 = 2;
pub const O_CREAT: u64 = 0o100;
pub const O_EXCL: u64 = 0o200;
pub const O_NOCTTY: u64 = 0o400;
pub const O_TRUNC: u64 = 0o1000;
pub const O_APPEND: u64 = 0o2000;
pub const O_NONBLOCK: u64 = 0o4000;
pub const O_DSYNC: u64 = 0o10000;
pub const O_DIRECTORY: u64 = 0o200000;
pub const O_NOFOLLOW: u64 = 0o400000;
pub const O_CLOEXEC: u64 = 0o2000000;
pub const O_SYNC: u64 = 0o4010000;
pub const O_PATH: u64 = 0o10000000;

pub const F_DUPFD: usize = 0;
pub const F_GETFD: usize = 1;
pub const F_SETFD: usize = 2;
pub const F_GETFL: usize = 3;
pub const F_SETFL: usize = 4;
pub const F_DUPFD_CLOEXEC: usize = 1030;
pub const F_ADD_SEALS: usize = 1033;
pub const FD_CLOEXEC: usize = 1;
/// The seals that keep a memfd's contents as they are: `F_SEAL_SEAL`,
/// `F_SEAL_SHRINK`, `F_SEAL_GROW`, `F_SEAL_WRITE`.
pub const SEALS_ALL: usize = 0x1 | 0x2 | 0x4 | 0x8;

pub const RESOLVE_NO_MAGICLINKS: u64 = 0x02;
pub const RESOLVE_BENEATH: u64 = 0x08;

/// `struct open_how` for openat2.
#[repr(C)]
pub struct OpenHow {
    pub flags: u64,
    pub mode: u64,
    pub resolve: u64,
}

/// Reads a Linux file's type and stat through `statx(fd, "", AT_EMPTY_PATH)`.
pub fn fstatx(fd: i32) -> Result<Statx, errno> {
    let mut st = core::mem::MaybeUninit::<Statx>::zeroed();
    // SAFETY: `st` is 256 writable bytes; the empty path is NUL-terminated.
    result(unsafe {
        syscall!(nr::STATX, fd as isize, b"\0".as_ptr(), AT_EMPTY_PATH, STATX_BASIC_STATS, st.as_mut_ptr())
    })?;
    // SAFETY: statx succeeded and filled the struct (zeroed beforehand).
    Ok(unsafe { st.assume_init() })
}

/// Linux `struct statfs` (x86_64).
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct Statfs {
    pub f_type: i64,
    pub f_bsize: i64,
    pub f_blocks: u64,
    pub f_bfree: u64,
    pub f_bavail: u64,
    pub f_files: u64,
    pub f_ffree: u64,
    pub f_fsid: [u32; 2],
    pub f_namelen: i64,
    pub f_frsize: i64,
    pub f_flags: i64,
    pub f_spare: [i64; 4],
}

/// `f_flags` bits of `struct statfs`.
pub const ST_RDONLY: i64 = 1;
pub const ST_NOSUID: i64 = 2;

/// Permission bits of a mode (`S_ISUID`, `S_ISGID`, sticky, rwx).
pub const S_IPERM: u32 = 0o7777;
pub const S_ISUID: u32 = 0o4000;
pub const S_ISGID: u32 = 0o2000;

/// `clock_gettime` clock of a thread's CPU time: Linux's
/// `MAKE_THREAD_CPUCLOCK(tid, CPUCLOCK_SCHED)`.
pub fn thread_cpu_clock(tid: u32) -> i32 {
    const CPUCLOCK_SCHED: i32 = 2;
    const CPUCLOCK_PERTHREAD: i32 = 4;
    (!(tid as i32) << 3) | CPUCLOCK_PERTHREAD | CPUCLOCK_SCHED
}

pub fn close(fd: i32) {
    // SAFETY: closing a descriptor number has no memory effects.
    unsafe { syscall!(nr::CLOSE, fd) };
}

pub const SEEK_SET: usize = 0;
pub const O_ACCMODE: u64 = 3;

/// `tv_nsec` values of `utimensat`: set to now, leave unchanged.
pub const UTIME_NOW: i64 = (1 << 30) - 1;
pub const UTIME_OMIT: i64 = (1 << 30) - 2;

/// `posix_fadvise` advice values.
pub const POSIX_FADV_NORMAL: usize = 0;
pub const POSIX_FADV_RANDOM: usize = 1;
pub const POSIX_FADV_SEQUENTIAL: usize = 2;
pub const POSIX_FADV_WILLNEED: usize = 3;
pub const POSIX_FADV_DONTNEED: usize = 4;
pub const POSIX_FADV_NOREUSE: usize = 5;

/// `d_type` values of `getdents64`.
pub const DT_FIFO: u8 = 1;
pub const DT_CHR: u8 = 2;
pub const DT_DIR: u8 = 4;
pub const DT_BLK: u8 = 6;
pub const DT_REG: u8 = 8;
pub const DT_LNK: u8 = 10;
pub const DT_SOCK: u8 = 12;

/// The fixed part of a `getdents64` record (`struct linux_dirent64`); the
/// NUL-terminated name follows `d_type` directly, and `d_reclen` covers
/// the whole padded record.
#[repr(C)]
pub struct Dirent64 {
    pub d_ino: u64,
    pub d_off: i64,
    pub d_reclen: u16,
    pub d_type: u8,
}

// Sockets, descriptor passing and polling (`fd_create*`, `sock_*`, `poll`).

pub const AF_UNIX: usize = 1;
pub const AF_INET: usize = 2;
pub const AF_INET6: usize = 10;
pub const SOCK_STREAM: usize = 1;
pub const SOCK_DGRAM: usize = 2;
pub const SOCK_CLOEXEC: usize = 0o2000000;
pub const MFD_CLOEXEC: usize = 1;
pub const MFD_ALLOW_SEALING: usize = 2;

pub const SHUT_RD: usize = 0;
pub const SHUT_WR: usize = 1;
pub const SHUT_RDWR: usize = 2;

pub const SOL_SOCKET: i32 = 1;
pub const SCM_RIGHTS: i32 = 1;
/// The most descriptors one `SCM_RIGHTS` message may carry.
pub const SCM_MAX_FD: usize = 253;

pub const MSG_PEEK: usize = 0x2;
pub const MSG_CTRUNC: i32 = 0x8;
pub const MSG_TRUNC: i32 = 0x20;
pub const MSG_WAITALL: usize = 0x100;
pub const MSG_NOSIGNAL: usize = 0x4000;
pub const MSG_CMSG_CLOEXEC: usize = 0x4000_0000;

/// Linux `struct msghdr`.
#[repr(C)]
pub struct Msghdr {
    pub msg_name: *mut u8,
    pub msg_namelen: u32,
    pub msg_iov: *const u8,
    pub msg_iovlen: usize,
    pub msg_control: *mut u8,
    pub msg_controllen: usize,
    pub msg_flags: i32,
}

/// Size of Linux `struct cmsghdr` (length, level, type), after which the
/// payload starts; payloads are padded to this alignment.
pub const CMSG_HDR_LEN: usize = 16;
pub const CMSG_ALIGN: usize = 8;

pub const POLLIN: i16 = 0x1;
pub const POLLOUT: i16 = 0x4;
pub const POLLERR: i16 = 0x8;
pub const POLLHUP: i16 = 0x10;
pub const POLLNVAL: i16 = 0x20;

/// Linux `struct pollfd`.
#[repr(C)]
#[derive(Copy, Clone, Default)]
pub struct Pollfd {
    pub fd: i32,
    pub events: i16,
    pub revents: i16,
}

pub const FIONREAD: usize = 0x541b;

pub const PROT_READ: usize = 1;
pub const PROT_WRITE: usize = 2;
pub const MAP_PRIVATE: usize = 2;
pub const MAP_ANONYMOUS: usize = 0x20;
