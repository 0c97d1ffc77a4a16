//! The C headers' ABI values equal the `cloudabi` crate's: every constant
//! and scalar type width of `<cloudabi_types.h>` (and no constant the crate
//! does not have), and every error number of `<errno.h>`.

use cloudlibc_tests::root;
use std::collections::BTreeMap;

/// `#define NAME VALUE` lines of a header, with aliases (`#define A B`)
/// resolved to B's value.
fn defines(header: &str) -> BTreeMap<String, u64> {
    let text = std::fs::read_to_string(root().join("include").join(header)).unwrap();
    let mut raw = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if let (Some("#define"), Some(name), Some(value), None) = (words.next(), words.next(), words.next(), words.next()) {
            raw.push((name.to_owned(), value.to_owned()));
        }
    }
    let mut out = BTreeMap::new();
    for (name, value) in &raw {
        let parsed = match value.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16).ok(),
            None => value.parse().ok(),
        };
        if let Some(v) = parsed {
            out.insert(name.clone(), v);
        }
    }
    for (name, value) in &raw {
        if let Some(&v) = out.get(value) {
            out.insert(name.clone(), v);
        }
    }
    out
}

/// The crate's error numbers under their C names (`E2BIG` ... `ENOTCAPABLE`).
fn errnos() -> Vec<(String, u64)> {
    let mut v = vec![("E2BIG".to_owned(), cloudabi::errno::TOOBIG as u64)];
    macro_rules! errnos {
        ($($name:ident),* $(,)?) => {
            $( v.push((concat!("E", stringify!($name)).to_owned(), cloudabi::errno::$name as u64)); )*
        };
    }
    errnos!(
        ACCES, ADDRINUSE, ADDRNOTAVAIL, AFNOSUPPORT, AGAIN, ALREADY, BADF, BADMSG, BUSY, CANCELED, CHILD,
        CONNABORTED, CONNREFUSED, CONNRESET, DEADLK, DESTADDRREQ, DOM, DQUOT, EXIST, FAULT, FBIG, HOSTUNREACH,
        IDRM, ILSEQ, INPROGRESS, INTR, INVAL, IO, ISCONN, ISDIR, LOOP, MFILE, MLINK, MSGSIZE, MULTIHOP,
        NAMETOOLONG, NETDOWN, NETRESET, NETUNREACH, NFILE, NOBUFS, NODEV, NOENT, NOEXEC, NOLCK, NOLINK, NOMEM,
        NOMSG, NOPROTOOPT, NOSPC, NOSYS, NOTCONN, NOTDIR, NOTEMPTY, NOTRECOVERABLE, NOTSOCK, NOTSUP, NOTTY, NXIO,
        OVERFLOW, OWNERDEAD, PERM, PIPE, PROTO, PROTONOSUPPORT, PROTOTYPE, RANGE, ROFS, SPIPE, SRCH, STALE,
        TIMEDOUT, TXTBSY, XDEV, NOTCAPABLE,
    );
    v
}

/// The crate's constants under their C names.
fn crate_constants() -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = Vec::new();
    macro_rules! enums {
        ($prefix:literal, $ty:ident, [$($name:ident),* $(,)?]) => {
            $( v.push((concat!("CLOUDABI_", $prefix, stringify!($name)).to_owned(), cloudabi::$ty::$name as u64)); )*
        };
    }
    macro_rules! flags {
        ($prefix:literal, $ty:ident, [$($name:ident),* $(,)?]) => {
            $( v.push((concat!("CLOUDABI_", $prefix, stringify!($name)).to_owned(), cloudabi::$ty::$name.bits() as u64)); )*
        };
    }
    macro_rules! values {
        ($($name:ident),* $(,)?) => {
            $( v.push((concat!("CLOUDABI_", stringify!($name)).to_owned(), u64::from(cloudabi::$name.0))); )*
        };
    }
    enums!("ADVICE_", advice, [DONTNEED, NOREUSE, NORMAL, RANDOM, SEQUENTIAL, WILLNEED]);
    enums!("AT_", auxtype, [ARGDATA, ARGDATALEN, BASE, CANARY, CANARYLEN, NCPUS, NULL, PAGESZ, PHDR, PHNUM, PID, SYSINFO_EHDR, TID]);
    enums!("CLOCK_", clockid, [MONOTONIC, PROCESS_CPUTIME_ID, REALTIME, THREAD_CPUTIME_ID]);
    values!(CONDVAR_HAS_NO_WAITERS, DIRCOOKIE_START, PROCESS_CHILD, MAP_ANON_FD);
    values!(LOCK_UNLOCKED, LOCK_WRLOCKED, LOCK_KERNEL_MANAGED, LOCK_BOGUS);
    v.extend(errnos().into_iter().map(|(name, value)| (format!("CLOUDABI_{name}"), value)));
    flags!("EVENT_FD_READWRITE_", eventrwflags, [HANGUP]);
    enums!("EVENTTYPE_", eventtype, [CLOCK, CONDVAR, FD_READ, FD_WRITE, LOCK_RDLOCK, LOCK_WRLOCK, PROC_TERMINATE]);
    flags!("FDFLAG_", fdflags, [APPEND, DSYNC, NONBLOCK, RSYNC, SYNC]);
    flags!("FDSTAT_", fdsflags, [FLAGS, RIGHTS]);
    enums!("FILETYPE_", filetype, [
        UNKNOWN, BLOCK_DEVICE, CHARACTER_DEVICE, DIRECTORY, PROCESS, REGULAR_FILE, SHARED_MEMORY, SOCKET_DGRAM,
        SOCKET_STREAM, SYMBOLIC_LINK,
    ]);
    flags!("FILESTAT_", fsflags, [ATIM, ATIM_NOW, MTIM, MTIM_NOW, SIZE]);
    flags!("LOOKUP_", lookupflags, [SYMLINK_FOLLOW]);
    flags!("MAP_", mflags, [ANON, FIXED, PRIVATE, SHARED]);
    flags!("PROT_", mprot, [EXEC, WRITE, READ]);
    flags!("MS_", msflags, [ASYNC, INVALIDATE, SYNC]);
    flags!("O_", oflags, [CREAT, DIRECTORY, EXCL, TRUNC]);
    flags!("SOCK_RECV_", riflags, [PEEK, WAITALL]);
    flags!("RIGHT_", rights, [
        FD_DATASYNC, FD_READ, FD_SEEK, FD_STAT_PUT_FLAGS, FD_SYNC, FD_TELL, FD_WRITE, FILE_ADVISE, FILE_ALLOCATE,
        FILE_CREATE_DIRECTORY, FILE_CREATE_FILE, FILE_LINK_SOURCE, FILE_LINK_TARGET, FILE_OPEN, FILE_READDIR,
        FILE_READLINK, FILE_RENAME_SOURCE, FILE_RENAME_TARGET, FILE_STAT_FGET, FILE_STAT_FPUT_SIZE,
        FILE_STAT_FPUT_TIMES, FILE_STAT_GET, FILE_STAT_PUT_TIMES, FILE_SYMLINK, FILE_UNLINK, MEM_MAP, MEM_MAP_EXEC,
        POLL_FD_READWRITE, POLL_PROC_TERMINATE, PROC_EXEC, SOCK_SHUTDOWN,
    ]);
    flags!("SOCK_RECV_", roflags, [FDS_TRUNCATED, DATA_TRUNCATED]);
    enums!("SCOPE_", scope, [PRIVATE, SHARED]);
    flags!("SHUT_", sdflags, [RD, WR]);
    enums!("SIG", signal, [
        ABRT, ALRM, BUS, CHLD, CONT, FPE, HUP, ILL, INT, KILL, PIPE, QUIT, SEGV, STOP, SYS, TERM, TRAP, TSTP,
        TTIN, TTOU, URG, USR1, USR2, VTALRM, XCPU, XFSZ,
    ]);
    flags!("SUBSCRIPTION_CLOCK_", subclockflags, [ABSTIME]);
    flags!("SUBSCRIPTION_FD_READWRITE_", subrwflags, [POLL]);
    flags!("UNLINK_", ulflags, [REMOVEDIR]);
    enums!("WHENCE_", whence, [CUR, END, SET]);
    v
}

#[test]
fn cloudabi_types_constants_equal_the_crate() {
    let header = defines("cloudabi_types.h");
    let expected = crate_constants();
    for (name, value) in &expected {
        assert_eq!(header.get(name), Some(value), "{name}");
    }
    for name in header.keys().filter(|n| n.starts_with("CLOUDABI_")) {
        assert!(expected.iter().any(|(n, _)| n == name), "{name} is not a constant of the ABI");
    }
    assert_eq!(header["CLOUDABI_ENOTCAPABLE"], 76);
    assert_eq!(header["CLOUDABI_RIGHT_SOCK_SHUTDOWN"], 0x80_0000_0000);
}

#[test]
fn cloudabi_types_widths_equal_the_crate() {
    let text = std::fs::read_to_string(root().join("include/cloudabi_types.h")).unwrap();
    let mut widths = BTreeMap::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("typedef ") {
            let mut words = rest.trim_end_matches(';').split_whitespace();
            if let (Some(ty), Some(name), None) = (words.next(), words.next(), words.next()) {
                let bytes = match ty {
                    "uint8_t" => 1,
                    "uint16_t" => 2,
                    "uint32_t" => 4,
                    "uint64_t" | "int64_t" => 8,
                    _ => continue,
                };
                widths.insert(name.to_owned(), bytes);
            }
        }
    }
    macro_rules! sizes {
        ($($ty:ident),* $(,)?) => {
            $( assert_eq!(widths.remove(concat!("cloudabi_", stringify!($ty), "_t")), Some(std::mem::size_of::<cloudabi::$ty>()), stringify!($ty)); )*
        };
    }
    sizes!(
        advice, auxtype, clockid, condvar, device, dircookie, errno, eventrwflags, eventtype, exitcode, fd, fdflags,
        fdsflags, filedelta, filesize, filetype, fsflags, inode, linkcount, lock, lookupflags, mflags, mprot, msflags,
        nthreads, oflags, riflags, rights, roflags, scope, sdflags, siflags, signal, subclockflags, subrwflags, tid,
        timestamp, ulflags, userdata, whence,
    );
    assert!(widths.is_empty(), "types the crate lacks: {widths:?}");
    assert!(text.contains("typedef int64_t cloudabi_filedelta_t;"), "filedelta is signed");
}

#[test]
fn errno_h_uses_cloudabi_numbers() {
    let errno_h = defines("errno.h");
    let all = errnos();
    assert_eq!(all.len(), 76, "E2BIG=1 ... ENOTCAPABLE=76");
    for (name, value) in all {
        assert_eq!(errno_h.get(&name), Some(&value), "{name}");
    }
    assert_eq!(errno_h["E2BIG"], 1);
    assert_eq!(errno_h["ENOTCAPABLE"], 76);
    assert_eq!(errno_h["EWOULDBLOCK"], errno_h["EAGAIN"]);
    assert_eq!(errno_h["EOPNOTSUPP"], errno_h["ENOTSUP"]);
}
