//! What the configuration's tagged nodes grant: checking each node, opening
//! the resource it names, and choosing the CloudABI rights its descriptor
//! gets. Every node is checked before anything is opened, so that a mistake
//! anywhere in the document leaves no trace (no file created, no socket
//! bound).

use crate::config::{ConfigError, Node, Resource, Value};
use cloudabi::rights;
use std::fmt;
use std::fs::{File, OpenOptions};
use std::io;
use std::mem;
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::ptr;

use cloudabi_rights::bits;

/// A file opened read-only. `FD_STAT_PUT_FLAGS` lets the program make
/// its own descriptor non-blocking; without write access, O_APPEND and
/// the sync flags it also covers change nothing.
pub const FILE_READ: u64 = bits(&[
    rights::FD_READ,
    rights::FD_STAT_PUT_FLAGS,
    rights::FD_SEEK,
    rights::FD_TELL,
    rights::FILE_ADVISE,
    rights::FILE_STAT_FGET,
    rights::MEM_MAP,
    rights::POLL_FD_READWRITE,
]);

/// A file opened for writing too.
pub const FILE_WRITE: u64 = FILE_READ
    | bits(&[
        rights::FD_WRITE,
        rights::FD_SYNC,
        rights::FD_DATASYNC,
        rights::FILE_ALLOCATE,
        rights::FILE_STAT_FPUT_SIZE,
        rights::FILE_STAT_FPUT_TIMES,
    ]);

/// What `exec: true` adds: running the file and mapping it executable.
pub const EXEC: u64 = bits(&[rights::PROC_EXEC, rights::MEM_MAP_EXEC]);

/// A read-only directory: look beneath it, nothing more.
pub const DIRECTORY_READ: u64 = bits(&[
    rights::FILE_OPEN,
    rights::FILE_READDIR,
    rights::FILE_READLINK,
    rights::FILE_STAT_FGET,
    rights::FILE_STAT_GET,
]);

/// What files and directories opened beneath a read-only directory may get.
pub const DIRECTORY_READ_INHERITING: u64 = FILE_READ | DIRECTORY_READ;

/// A writable directory: every right a directory can hold.
pub const DIRECTORY_WRITE: u64 = DIRECTORY_READ
    | bits(&[
        rights::FD_DATASYNC,
        rights::FD_STAT_PUT_FLAGS,
        rights::FD_SYNC,
        rights::FILE_ADVISE,
        rights::FILE_CREATE_DIRECTORY,
        rights::FILE_CREATE_FILE,
        rights::FILE_LINK_SOURCE,
        rights::FILE_LINK_TARGET,
        rights::FILE_RENAME_SOURCE,
        rights::FILE_RENAME_TARGET,
        rights::FILE_STAT_FPUT_TIMES,
        rights::FILE_STAT_PUT_TIMES,
        rights::FILE_SYMLINK,
        rights::FILE_UNLINK,
        rights::POLL_FD_READWRITE,
    ]);

/// What files and directories opened beneath a writable directory may get.
pub const DIRECTORY_WRITE_INHERITING: u64 = FILE_WRITE | DIRECTORY_WRITE;

/// `!executable`: the program's own file, to run or map (a loader's needs).
pub const EXECUTABLE: u64 = bits(&[
    rights::PROC_EXEC,
    rights::FD_READ,
    rights::FILE_STAT_FGET,
    rights::MEM_MAP,
    rights::MEM_MAP_EXEC,
]);

/// Sockets, and (as inheriting rights) the connections they accept.
pub use cloudabi_rights::SOCKET;

/// Pipes, which the emulator presents as stream sockets that cannot shut down.
pub const PIPE: u64 = SOCKET & !rights::SOCK_SHUTDOWN.bits();

/// Terminals and other character devices.
pub use cloudabi_rights::CHARACTER_DEVICE;

/// Descriptors of no file type (eventfd, epoll, ...).
pub const UNTYPED: u64 = bits(&[rights::FD_READ, rights::FD_WRITE, rights::FILE_STAT_FGET]);

/// The right names `rights:` and `inheriting:` accept.
const RIGHT_NAMES: [(&str, rights); 31] = [
    ("FD_DATASYNC", rights::FD_DATASYNC),
    ("FD_READ", rights::FD_READ),
    ("FD_SEEK", rights::FD_SEEK),
    ("FD_STAT_PUT_FLAGS", rights::FD_STAT_PUT_FLAGS),
    ("FD_SYNC", rights::FD_SYNC),
    ("FD_TELL", rights::FD_TELL),
    ("FD_WRITE", rights::FD_WRITE),
    ("FILE_ADVISE", rights::FILE_ADVISE),
    ("FILE_ALLOCATE", rights::FILE_ALLOCATE),
    ("FILE_CREATE_DIRECTORY", rights::FILE_CREATE_DIRECTORY),
    ("FILE_CREATE_FILE", rights::FILE_CREATE_FILE),
    ("FILE_LINK_SOURCE", rights::FILE_LINK_SOURCE),
    ("FILE_LINK_TARGET", rights::FILE_LINK_TARGET),
    ("FILE_OPEN", rights::FILE_OPEN),
    ("FILE_READDIR", rights::FILE_READDIR),
    ("FILE_READLINK", rights::FILE_READLINK),
    ("FILE_RENAME_SOURCE", rights::FILE_RENAME_SOURCE),
    ("FILE_RENAME_TARGET", rights::FILE_RENAME_TARGET),
    ("FILE_STAT_FGET", rights::FILE_STAT_FGET),
    ("FILE_STAT_FPUT_SIZE", rights::FILE_STAT_FPUT_SIZE),
    ("FILE_STAT_FPUT_TIMES", rights::FILE_STAT_FPUT_TIMES),
    ("FILE_STAT_GET", rights::FILE_STAT_GET),
    ("FILE_STAT_PUT_TIMES", rights::FILE_STAT_PUT_TIMES),
    ("FILE_SYMLINK", rights::FILE_SYMLINK),
    ("FILE_UNLINK", rights::FILE_UNLINK),
    ("MEM_MAP", rights::MEM_MAP),
    ("MEM_MAP_EXEC", rights::MEM_MAP_EXEC),
    ("POLL_FD_READWRITE", rights::POLL_FD_READWRITE),
    ("POLL_PROC_TERMINATE", rights::POLL_PROC_TERMINATE),
    ("PROC_EXEC", rights::PROC_EXEC),
    ("SOCK_SHUTDOWN", rights::SOCK_SHUTDOWN),
];

/// The value of a right named as in the ABI (`FD_READ`, `FILE_OPEN`, ...).
pub fn right_by_name(name: &str) -> Option<u64> {
    RIGHT_NAMES.iter().find(|(n, _)| *n == name).map(|(_, r)| r.bits())
}

/// Connection backlog of a bound stream socket.
const LISTEN_BACKLOG: libc::c_int = 128;

/// A descriptor of the launcher's own that `!fd` passes on.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Inherited {
    Stdin,
    Stdout,
    Stderr,
    Number(i32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Address {
    Inet(SocketAddr),
    Unix(PathBuf),
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Address::Inet(a) => a.fmt(f),
            Address::Unix(p) => p.display().fmt(f),
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SocketType {
    Stream,
    Dgram,
}

/// A checked tagged node: what to open, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spec {
    Fd(Inherited),
    File { path: PathBuf, write: bool, create: bool, exec: bool, rights: Option<u64>, inheriting: Option<u64> },
    Executable,
    Socket { address: Address, kind: SocketType, bind: bool },
}

/// An open descriptor and the rights the program gets on it.
#[derive(Debug)]
pub struct Grant {
    pub fd: OwnedFd,
    pub base: u64,
    pub inheriting: u64,
}

/// Checks every resource, then opens them all. The launcher's inherited
/// descriptors are copied first: once it opens anything, a number it did
/// not inherit could name a descriptor of its own.
pub fn open_all(resources: &[Resource], program: &Path) -> Result<Vec<Grant>, ConfigError> {
    let specs = resources.iter().map(check).collect::<Result<Vec<_>, _>>()?;
    let mut grants: Vec<Option<Grant>> = specs.iter().map(|_| None).collect();
    for inherited_pass in [true, false] {
        for ((spec, r), slot) in specs.iter().zip(resources).zip(&mut grants) {
            if matches!(spec, Spec::Fd(_)) == inherited_pass {
                let grant = open(spec, program).map_err(|e| ConfigError::new(r.body.pos, failure(spec, program, &e)))?;
                *slot = Some(grant);
            }
        }
    }
    Ok(grants.into_iter().flatten().collect())
}

/// Says what could not be opened, naming the path or address and the OS error.
fn failure(spec: &Spec, program: &Path, e: &io::Error) -> String {
    match spec {
        Spec::Fd(Inherited::Stdin) => format!("the launcher's stdin is not usable: {e}"),
        Spec::Fd(Inherited::Stdout) => format!("the launcher's stdout is not usable: {e}"),
        Spec::Fd(Inherited::Stderr) => format!("the launcher's stderr is not usable: {e}"),
        Spec::Fd(Inherited::Number(n)) => format!("descriptor {n} is not usable: {e}"),
        Spec::File { path, .. } => format!("cannot open {}: {e}", path.display()),
        Spec::Executable => format!("cannot open the program {}: {e}", program.display()),
        Spec::Socket { address, bind: true, .. } => format!("cannot bind {address}: {e}"),
        Spec::Socket { address, bind: false, .. } => format!("cannot connect to {address}: {e}"),
    }
}

/// Checks a tagged node and says what it asks for.
pub fn check(r: &Resource) -> Result<Spec, ConfigError> {
    let body = &r.body;
    match r.tag.as_str() {
        "fd" => match &body.value {
            Value::Str(s) if s == "stdin" => Ok(Spec::Fd(Inherited::Stdin)),
            Value::Str(s) if s == "stdout" => Ok(Spec::Fd(Inherited::Stdout)),
            Value::Str(s) if s == "stderr" => Ok(Spec::Fd(Inherited::Stderr)),
            Value::Int(n) if (0..=i128::from(i32::MAX)).contains(n) => Ok(Spec::Fd(Inherited::Number(*n as i32))),
            _ => Err(ConfigError::new(body.pos, "!fd takes stdin, stdout, stderr or a descriptor number")),
        },
        "file" => check_file(r),
        "executable" => match body.value {
            Value::Null => Ok(Spec::Executable),
            _ => Err(ConfigError::new(body.pos, "!executable takes no value")),
        },
        "socket" => check_socket(r),
        other => Err(ConfigError::new(body.pos, format!("unknown tag !{other}"))),
    }
}

/// The entries of a tagged map, each key one of `known`.
fn fields<'a>(r: &'a Resource, known: &[&str]) -> Result<Vec<(&'a str, &'a Node)>, ConfigError> {
    let Value::Map(entries) = &r.body.value else {
        return Err(ConfigError::new(r.body.pos, format!("!{} takes a map with {}", r.tag, known.join(", "))));
    };
    entries
        .iter()
        .map(|(k, v)| match k.as_str() {
            Some(name) if known.contains(&name) => Ok((name, v)),
            _ => Err(ConfigError::new(k.pos, format!("unknown key in !{}: expected {}", r.tag, known.join(", ")))),
        })
        .collect()
}

fn flag(v: &Node, key: &str) -> Result<bool, ConfigError> {
    match v.value {
        Value::Bool(b) => Ok(b),
        _ => Err(ConfigError::new(v.pos, format!("{key} must be true or false"))),
    }
}

fn text<'a>(v: &'a Node, key: &str) -> Result<&'a str, ConfigError> {
    match v.as_str() {
        Some(s) if !s.is_empty() => Ok(s),
        _ => Err(ConfigError::new(v.pos, format!("{key} must be a non-empty string"))),
    }
}

/// Reads a list of right names into a mask.
pub fn parse_rights(v: &Node) -> Result<u64, ConfigError> {
    let Value::Seq(items) = &v.value else {
        return Err(ConfigError::new(v.pos, "expected a list of rights such as [FD_READ, FILE_OPEN]"));
    };
    items.iter().try_fold(0, |mask, item| {
        let name = item.as_str().unwrap_or_default();
        match right_by_name(name) {
            Some(r) => Ok(mask | r),
            None => Err(ConfigError::new(item.pos, format!("unknown right {name:?}"))),
        }
    })
}

fn check_file(r: &Resource) -> Result<Spec, ConfigError> {
    let (mut path, mut write, mut create, mut exec, mut rights, mut inheriting) = (None, false, false, false, None, None);
    for (key, v) in fields(r, &["path", "write", "create", "exec", "rights", "inheriting"])? {
        match key {
            "path" => path = Some(PathBuf::from(text(v, key)?)),
            "write" => write = flag(v, key)?,
            "create" => create = flag(v, key)?,
            "exec" => exec = flag(v, key)?,
            "rights" => rights = Some(parse_rights(v)?),
            _ => inheriting = Some(parse_rights(v)?),
        }
    }
    let path = path.ok_or_else(|| ConfigError::new(r.body.pos, "!file needs a path"))?;
    Ok(Spec::File { path, write, create, exec, rights, inheriting })
}

fn check_socket(r: &Resource) -> Result<Spec, ConfigError> {
    let (mut target, mut kind) = (None, SocketType::Stream);
    for (key, v) in fields(r, &["bind", "connect", "type"])? {
        if key == "type" {
            kind = match v.as_str() {
                Some("stream") => SocketType::Stream,
                Some("dgram") => SocketType::Dgram,
                _ => return Err(ConfigError::new(v.pos, "type must be stream or dgram")),
            };
        } else if target.is_some() {
            return Err(ConfigError::new(v.pos, "!socket takes one of bind and connect"));
        } else {
            target = Some((parse_address(v)?, key == "bind"));
        }
    }
    let (address, bind) = target.ok_or_else(|| ConfigError::new(r.body.pos, "!socket needs bind or connect"))?;
    Ok(Spec::Socket { address, kind, bind })
}

/// `IP:PORT`, `[IPv6]:PORT`, or the absolute path of a unix socket.
fn parse_address(v: &Node) -> Result<Address, ConfigError> {
    let s = v.as_str().unwrap_or_default();
    if s.starts_with('/') {
        // sun_path holds the path and its NUL.
        if s.len() >= mem::size_of::<libc::sockaddr_un>() - mem::size_of::<libc::sa_family_t>() {
            return Err(ConfigError::new(v.pos, format!("unix socket path too long: {s}")));
        }
        return Ok(Address::Unix(PathBuf::from(s)));
    }
    s.parse().map(Address::Inet).map_err(|_| {
        ConfigError::new(v.pos, format!("bad address {s:?}: expected IP:PORT, [IPv6]:PORT or an absolute path"))
    })
}

/// Opens what a checked node names. `program` is for `!executable`.
pub fn open(spec: &Spec, program: &Path) -> io::Result<Grant> {
    match spec {
        Spec::Fd(which) => inherited(*which),
        Spec::File { path, write, create, exec, rights, inheriting } => {
            let grant = file(path, *write || rights.is_some_and(|r| r & rights::FD_WRITE.bits() != 0), *create, *exec)?;
            Ok(Grant {
                base: rights.unwrap_or(grant.base),
                inheriting: inheriting.unwrap_or(grant.inheriting),
                ..grant
            })
        }
        Spec::Executable => Ok(Grant { fd: File::open(program)?.into(), base: EXECUTABLE, inheriting: 0 }),
        Spec::Socket { address, kind, bind } => socket(address, *kind, *bind),
    }
}

fn cvt(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// The launcher's descriptor `which` names, and the rights it cannot have:
/// the program may not read its stdout or stderr, nor write its stdin.
fn source(which: Inherited) -> (i32, u64) {
    match which {
        Inherited::Stdin => (0, rights::FD_WRITE.bits()),
        Inherited::Stdout => (1, rights::FD_READ.bits()),
        Inherited::Stderr => (2, rights::FD_READ.bits()),
        Inherited::Number(n) => (n, 0),
    }
}

fn inherited(which: Inherited) -> io::Result<Grant> {
    let (number, dropped) = source(which);
    // SAFETY: F_DUPFD_CLOEXEC takes no pointer; a closed `number` gives EBADF.
    let raw = cvt(unsafe { libc::fcntl(number, libc::F_DUPFD_CLOEXEC, 0) })?;
    // SAFETY: `raw` is a fresh descriptor that nothing else owns.
    let file = File::from(unsafe { OwnedFd::from_raw_fd(raw) });
    // SAFETY: F_GETFL takes no pointer.
    let access = cvt(unsafe { libc::fcntl(raw, libc::F_GETFL) })? & libc::O_ACCMODE;
    // Rights the open mode cannot honour would only turn ENOTCAPABLE into EBADF.
    let unusable = match access {
        libc::O_RDONLY => rights::FD_WRITE.bits(),
        libc::O_WRONLY => rights::FD_READ.bits(),
        _ => 0,
    };
    let t = file.metadata()?.file_type();
    let (base, inheriting) = if t.is_dir() {
        (DIRECTORY_WRITE, DIRECTORY_WRITE_INHERITING | EXEC)
    } else if t.is_file() || t.is_block_device() {
        (FILE_WRITE | EXEC, 0)
    } else if t.is_socket() {
        (SOCKET, SOCKET)
    } else if t.is_fifo() {
        (PIPE, 0)
    } else if t.is_char_device() {
        (CHARACTER_DEVICE, 0)
    } else {
        (UNTYPED, 0)
    };
    Ok(Grant { fd: file.into(), base: base & !dropped & !unusable, inheriting })
}

/// Opens a file or directory with the default rights for `write` and `exec`.
fn file(path: &Path, write: bool, create: bool, exec: bool) -> io::Result<Grant> {
    let mut options = OpenOptions::new();
    options.read(true).write(write);
    if create {
        options.custom_flags(libc::O_CREAT).mode(0o666);
    }
    let file = match options.open(path) {
        Err(e) if e.raw_os_error() == Some(libc::EISDIR) && !create => {
            OpenOptions::new().read(true).custom_flags(libc::O_DIRECTORY).open(path)?
        }
        other => other?,
    };
    let dir = file.metadata()?.is_dir();
    let (mut base, mut inheriting) = match (dir, write) {
        (true, false) => (DIRECTORY_READ, DIRECTORY_READ_INHERITING),
        (true, true) => (DIRECTORY_WRITE, DIRECTORY_WRITE_INHERITING),
        (false, false) => (FILE_READ, 0),
        (false, true) => (FILE_WRITE, 0),
    };
    if exec && dir {
        inheriting |= EXEC;
    } else if exec {
        base |= EXEC;
    }
    Ok(Grant { fd: file.into(), base, inheriting })
}

/// Writes a socket address of type `T` into `storage`; returns its length.
fn put_address<T>(storage: &mut libc::sockaddr_storage, address: T) -> libc::socklen_t {
    const { assert!(mem::size_of::<T>() <= mem::size_of::<libc::sockaddr_storage>()) };
    // SAFETY: sockaddr_storage is large (checked above) and aligned enough
    // for every socket address type.
    unsafe { ptr::write((storage as *mut libc::sockaddr_storage).cast::<T>(), address) };
    mem::size_of::<T>() as libc::socklen_t
}

fn sockaddr(address: &Address) -> (libc::sockaddr_storage, libc::socklen_t) {
    // SAFETY: all-zero bytes are a valid sockaddr_storage (family AF_UNSPEC).
    let mut storage: libc::sockaddr_storage = unsafe { mem::zeroed() };
    let len = match address {
        Address::Inet(SocketAddr::V4(a)) => {
            let sin = libc::sockaddr_in {
                sin_family: libc::AF_INET as libc::sa_family_t,
                sin_port: a.port().to_be(),
                sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes(a.ip().octets()) },
                sin_zero: [0; 8],
            };
            put_address(&mut storage, sin)
        }
        Address::Inet(SocketAddr::V6(a)) => {
            let sin6 = libc::sockaddr_in6 {
                sin6_family: libc::AF_INET6 as libc::sa_family_t,
                sin6_port: a.port().to_be(),
                sin6_flowinfo: a.flowinfo(),
                sin6_addr: libc::in6_addr { s6_addr: a.ip().octets() },
                sin6_scope_id: a.scope_id(),
            };
            put_address(&mut storage, sin6)
        }
        Address::Unix(path) => {
            // SAFETY: all-zero bytes are a valid sockaddr_un.
            let mut sun: libc::sockaddr_un = unsafe { mem::zeroed() };
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            let bytes = path.as_os_str().as_bytes();
            for (d, s) in sun.sun_path.iter_mut().zip(bytes) {
                *d = *s as libc::c_char;
            }
            put_address(&mut storage, sun);
            (mem::offset_of!(libc::sockaddr_un, sun_path) + bytes.len() + 1) as libc::socklen_t
        }
    };
    (storage, len)
}

fn socket(address: &Address, kind: SocketType, bind: bool) -> io::Result<Grant> {
    let (storage, len) = sockaddr(address);
    let ty = match kind {
        SocketType::Stream => libc::SOCK_STREAM,
        SocketType::Dgram => libc::SOCK_DGRAM,
    };
    // SAFETY: socket() takes no pointers.
    let raw = cvt(unsafe { libc::socket(libc::c_int::from(storage.ss_family), ty | libc::SOCK_CLOEXEC, 0) })?;
    // SAFETY: `raw` is a fresh descriptor that nothing else owns.
    let fd = unsafe { OwnedFd::from_raw_fd(raw) };
    let addr = (&storage as *const libc::sockaddr_storage).cast::<libc::sockaddr>();
    if bind {
        if kind == SocketType::Stream && matches!(address, Address::Inet(_)) {
            // A restarted server must not wait for old connections' TIME_WAIT.
            let one: libc::c_int = 1;
            // SAFETY: `one` is a c_int of the size given.
            cvt(unsafe {
                libc::setsockopt(
                    raw,
                    libc::SOL_SOCKET,
                    libc::SO_REUSEADDR,
                    (&one as *const libc::c_int).cast(),
                    mem::size_of::<libc::c_int>() as libc::socklen_t,
                )
            })?;
        }
        // SAFETY: `storage` holds a socket address of `len` bytes.
        cvt(unsafe { libc::bind(raw, addr, len) })?;
        if kind == SocketType::Stream {
            // SAFETY: listen() takes no pointers.
            cvt(unsafe { libc::listen(raw, LISTEN_BACKLOG) })?;
        }
    } else {
        // SAFETY: `storage` holds a socket address of `len` bytes.
        cvt(unsafe { libc::connect(raw, addr, len) })?;
    }
    debug_assert_eq!(fd.as_raw_fd(), raw);
    Ok(Grant { fd, base: SOCKET, inheriting: SOCKET })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{parse, Pos};
    use std::io::{Read, Write};
    use std::os::unix::fs::PermissionsExt;

    /// A fresh directory under the system's temporary directory.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cloudabi-run-grant-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn resources(yaml: &str) -> Vec<Resource> {
        parse(yaml).unwrap_or_else(|e| panic!("{e}")).resources
    }

    fn spec(yaml: &str) -> Result<Spec, ConfigError> {
        check(&resources(yaml)[0])
    }

    fn grant(yaml: &str) -> Result<Vec<Grant>, ConfigError> {
        open_all(&resources(yaml), Path::new("/proc/self/exe"))
    }

    fn access_mode(g: &Grant) -> libc::c_int {
        // SAFETY: F_GETFL takes no pointer.
        unsafe { libc::fcntl(g.fd.as_raw_fd(), libc::F_GETFL) & libc::O_ACCMODE }
    }

    #[test]
    fn rights_sets_hold_what_the_documentation_says() {
        assert_eq!(FILE_READ, 0x0000_0000_1408_00ae);
        assert_eq!(FILE_WRITE & !FILE_READ, 0x0000_0000_0030_0151);
        assert_eq!(DIRECTORY_READ, 0x0000_0000_0049_c000);
        assert_eq!(EXEC, 0x0000_0001_0800_0000);
        assert_eq!(EXECUTABLE, 0x0000_0001_0c08_0002);
        assert_eq!(SOCKET, 0x0000_0080_1008_004a);
        assert_eq!(DIRECTORY_READ_INHERITING & (rights::FD_WRITE.bits() | EXEC), 0);
        assert_eq!(DIRECTORY_WRITE_INHERITING & EXEC, 0);
        assert_eq!(DIRECTORY_WRITE & FILE_READ & (rights::FD_READ.bits() | rights::MEM_MAP.bits()), 0);
        assert_ne!(DIRECTORY_WRITE & rights::FILE_CREATE_FILE.bits(), 0);
        assert_ne!(DIRECTORY_WRITE_INHERITING & rights::FILE_UNLINK.bits(), 0);
        assert_eq!(PIPE & rights::SOCK_SHUTDOWN.bits(), 0);
    }

    #[test]
    fn right_names_are_the_abi_names() {
        assert_eq!(right_by_name("FD_READ"), Some(0x2));
        assert_eq!(right_by_name("SOCK_SHUTDOWN"), Some(0x80_0000_0000));
        assert_eq!(right_by_name("PROC_EXEC"), Some(0x1_0000_0000));
        assert_eq!(right_by_name("fd_read"), None);
        assert_eq!(right_by_name("FD_REED"), None);
        let all = RIGHT_NAMES.iter().fold(0, |m, (_, r)| m | r.bits());
        assert_eq!(all.count_ones(), 31, "every name a different right");
    }

    #[test]
    fn unknown_right_names_are_errors_at_the_name() {
        let e = spec("x: !file {path: /tmp, rights: [FD_READ,\n  FILE_OPN]}\n").unwrap_err();
        assert_eq!(e, ConfigError::new(Pos { line: 2, col: 3 }, "unknown right \"FILE_OPN\""));
        assert_eq!(spec("!file {path: /, rights: FD_READ}").unwrap_err().msg, "expected a list of rights such as [FD_READ, FILE_OPEN]");
    }

    #[test]
    fn nodes_are_checked() {
        assert_eq!(spec("!fd stdout"), Ok(Spec::Fd(Inherited::Stdout)));
        assert_eq!(spec("!fd 7"), Ok(Spec::Fd(Inherited::Number(7))));
        assert_eq!(spec("!fd -1").unwrap_err().msg, "!fd takes stdin, stdout, stderr or a descriptor number");
        assert_eq!(spec("!executable"), Ok(Spec::Executable));
        assert_eq!(spec("!executable x").unwrap_err().msg, "!executable takes no value");
        assert_eq!(spec("a: !nope 1").unwrap_err(), ConfigError::new(Pos { line: 1, col: 10 }, "unknown tag !nope"));
        assert_eq!(
            spec("!file {path: /d, exec: true, inheriting: [FD_READ]}"),
            Ok(Spec::File { path: "/d".into(), write: false, create: false, exec: true, rights: None, inheriting: Some(2) })
        );
        assert_eq!(spec("!file {write: true}").unwrap_err().msg, "!file needs a path");
        assert_eq!(spec("!file {path: ''}").unwrap_err().msg, "path must be a non-empty string");
        assert_eq!(spec("!file {path: /x, write: yes}").unwrap_err().msg, "write must be true or false");
        assert_eq!(
            spec("!file {path: /x,\n pth: /y}").unwrap_err(),
            ConfigError::new(Pos { line: 2, col: 2 }, "unknown key in !file: expected path, write, create, exec, rights, inheriting")
        );
        assert_eq!(spec("!file /x").unwrap_err().msg, "!file takes a map with path, write, create, exec, rights, inheriting");
    }

    #[test]
    fn socket_nodes_are_checked() {
        assert_eq!(
            spec("!socket {bind: '[::1]:80', type: dgram}"),
            Ok(Spec::Socket { address: Address::Inet("[::1]:80".parse().unwrap()), kind: SocketType::Dgram, bind: true })
        );
        assert_eq!(
            spec("!socket {connect: /run/x.sock}"),
            Ok(Spec::Socket { address: Address::Unix("/run/x.sock".into()), kind: SocketType::Stream, bind: false })
        );
        let bad = spec("!socket {bind: localhost:80}").unwrap_err();
        assert_eq!(bad, ConfigError::new(Pos { line: 1, col: 16 }, "bad address \"localhost:80\": expected IP:PORT, [IPv6]:PORT or an absolute path"));
        assert_eq!(spec("!socket {bind: 1.2.3.4}").unwrap_err().pos.col, 16);
        assert_eq!(spec("!socket {type: stream}").unwrap_err().msg, "!socket needs bind or connect");
        assert_eq!(spec("!socket {bind: '1.2.3.4:5', connect: '1.2.3.4:5'}").unwrap_err().msg, "!socket takes one of bind and connect");
        assert_eq!(spec("!socket {bind: '1.2.3.4:5', type: raw}").unwrap_err().msg, "type must be stream or dgram");
        assert!(spec(&format!("!socket {{bind: /{}}}", "a".repeat(107))).unwrap_err().msg.starts_with("unix socket path too long"));
        assert!(spec(&format!("!socket {{bind: /{}}}", "a".repeat(106))).is_ok());
    }

    #[test]
    fn read_only_files_and_directories() {
        let dir = scratch("ro");
        std::fs::write(dir.join("f"), b"data").unwrap();
        let yaml = format!("- !file {{path: {0}/f}}\n- !file {{path: {0}}}\n- !file {{path: {0}/f, exec: true}}\n", dir.display());
        let g = grant(&yaml).unwrap();
        assert_eq!((g[0].base, g[0].inheriting), (FILE_READ, 0));
        assert_eq!(access_mode(&g[0]), libc::O_RDONLY);
        let mut s = String::new();
        File::from(g[0].fd.try_clone().unwrap()).read_to_string(&mut s).unwrap();
        assert_eq!(s, "data");
        assert_eq!((g[1].base, g[1].inheriting), (DIRECTORY_READ, DIRECTORY_READ_INHERITING));
        assert!(File::from(g[1].fd.try_clone().unwrap()).metadata().unwrap().is_dir());
        assert_eq!((g[2].base, g[2].inheriting), (FILE_READ | EXEC, 0));
    }

    #[test]
    fn files_beneath_a_directory_granted_with_exec_may_be_executed() {
        let dir = scratch("exec");
        let g = grant(&format!("- !file {{path: {}, exec: true}}\n", dir.display())).unwrap();
        assert_eq!((g[0].base, g[0].inheriting), (DIRECTORY_READ, DIRECTORY_READ_INHERITING | EXEC));
        assert_ne!(g[0].inheriting & rights::PROC_EXEC.bits(), 0, "file_open may ask for PROC_EXEC beneath it");
        assert_eq!(g[0].base & rights::PROC_EXEC.bits(), 0, "the directory itself cannot be executed");
        let plain = grant(&format!("- !file {{path: {}}}\n", dir.display())).unwrap();
        assert_eq!(plain[0].inheriting & rights::PROC_EXEC.bits(), 0, "only with exec: true");
    }

    #[test]
    fn writable_files_and_directories() {
        let dir = scratch("rw");
        let yaml = format!(
            "- !file {{path: {0}/new, write: true, create: true}}\n- !file {{path: {0}, write: true, exec: true}}\n",
            dir.display()
        );
        let g = grant(&yaml).unwrap();
        assert_eq!((g[0].base, g[0].inheriting), (FILE_WRITE, 0));
        assert_eq!(access_mode(&g[0]), libc::O_RDWR);
        File::from(g[0].fd.try_clone().unwrap()).write_all(b"hi").unwrap();
        assert_eq!(std::fs::read(dir.join("new")).unwrap(), b"hi");
        assert_eq!((g[1].base, g[1].inheriting), (DIRECTORY_WRITE, DIRECTORY_WRITE_INHERITING | EXEC));
    }

    #[test]
    fn explicit_rights_replace_the_defaults() {
        let dir = scratch("explicit");
        std::fs::write(dir.join("f"), b"").unwrap();
        let yaml = format!(
            "- !file {{path: {0}/f, rights: [FD_WRITE]}}\n- !file {{path: {0}, inheriting: [FD_READ]}}\n",
            dir.display()
        );
        let g = grant(&yaml).unwrap();
        assert_eq!((g[0].base, g[0].inheriting), (rights::FD_WRITE.bits(), 0));
        assert_eq!(access_mode(&g[0]), libc::O_RDWR, "a write right opens the file for writing");
        assert_eq!((g[1].base, g[1].inheriting), (DIRECTORY_READ, rights::FD_READ.bits()));
    }

    #[test]
    fn missing_files_are_errors_naming_path_and_cause() {
        let dir = scratch("missing");
        let yaml = format!("a: 1\nb: !file {{path: {}/nope}}\n", dir.display());
        let e = grant(&yaml).unwrap_err();
        assert_eq!(e.pos, Pos { line: 2, col: 10 });
        assert_eq!(e.msg, format!("cannot open {}/nope: No such file or directory (os error 2)", dir.display()));
        let yaml = format!("!file {{path: {}, create: true}}", dir.display());
        assert!(grant(&yaml).unwrap_err().msg.contains("Is a directory"));
    }

    #[test]
    fn nothing_is_opened_when_any_node_is_wrong() {
        let dir = scratch("atomic");
        let yaml = format!("- !file {{path: {}/made, create: true}}\n- !socket {{bind: nowhere}}\n", dir.display());
        assert!(grant(&yaml).unwrap_err().msg.starts_with("bad address"));
        assert!(!dir.join("made").exists());
    }

    #[test]
    fn inherited_descriptors_get_the_rights_of_their_type() {
        let dir = scratch("inherited");
        let f = File::create(dir.join("w")).unwrap();
        let yaml = format!("- !fd {}\n", f.as_raw_fd());
        let g = grant(&yaml).unwrap();
        assert_ne!(g[0].fd.as_raw_fd(), f.as_raw_fd(), "a copy, not the launcher's own");
        assert_eq!(g[0].base, (FILE_WRITE | EXEC) & !rights::FD_READ.bits(), "opened write-only");
        assert_eq!(grant("- !fd 1000000").unwrap_err().msg, "descriptor 1000000 is not usable: Bad file descriptor (os error 9)");
        let (r, w) = std::os::unix::net::UnixStream::pair().unwrap();
        let g = grant(&format!("- !fd {}\n- !fd {}", r.as_raw_fd(), w.as_raw_fd())).unwrap();
        assert_eq!((g[0].base, g[0].inheriting), (SOCKET, SOCKET));
    }

    #[test]
    fn standard_descriptors_lose_the_wrong_direction() {
        assert_eq!(source(Inherited::Stdin), (0, rights::FD_WRITE.bits()));
        assert_eq!(source(Inherited::Stdout), (1, rights::FD_READ.bits()));
        assert_eq!(source(Inherited::Stderr), (2, rights::FD_READ.bits()));
        assert_eq!(source(Inherited::Number(1)), (1, 0));
    }

    #[test]
    fn executable_is_the_program_itself() {
        let g = grant("!executable").unwrap();
        assert_eq!((g[0].base, g[0].inheriting), (EXECUTABLE, 0));
        let meta = File::from(g.into_iter().next().unwrap().fd).metadata().unwrap();
        assert_ne!(meta.permissions().mode() & 0o111, 0);
    }

    #[test]
    fn sockets_bind_listen_and_connect() {
        let g = grant("!socket {bind: '127.0.0.1:0'}").unwrap();
        assert_eq!((g[0].base, g[0].inheriting), (SOCKET, SOCKET));
        let listener = std::net::TcpListener::from(g.into_iter().next().unwrap().fd);
        let port = listener.local_addr().unwrap().port();
        let g = grant(&format!("!socket {{connect: '127.0.0.1:{port}'}}")).unwrap();
        let mut client = std::net::TcpStream::from(g.into_iter().next().unwrap().fd);
        client.write_all(b"x").unwrap();
        let mut one = [0u8];
        listener.accept().unwrap().0.read_exact(&mut one).unwrap();
        assert_eq!(&one, b"x");

        let dir = scratch("unix");
        let path = dir.join("s");
        let g = grant(&format!("!socket {{bind: {}, type: dgram}}", path.display())).unwrap();
        let server = std::os::unix::net::UnixDatagram::from(g.into_iter().next().unwrap().fd);
        let g = grant(&format!("!socket {{connect: {}, type: dgram}}", path.display())).unwrap();
        std::os::unix::net::UnixDatagram::from(g.into_iter().next().unwrap().fd).send(b"y").unwrap();
        assert_eq!(server.recv(&mut one).unwrap(), 1);
        assert_eq!(&one, b"y");

        let e = grant(&format!("!socket {{connect: {}/none}}", dir.display())).unwrap_err();
        assert_eq!(e.msg, format!("cannot connect to {}/none: No such file or directory (os error 2)", dir.display()));
    }

    #[test]
    fn ipv6_sockets_bind() {
        let Ok(g) = grant("!socket {bind: '[::1]:0', type: dgram}") else {
            return; // no IPv6 loopback on this machine
        };
        let s = std::net::UdpSocket::from(g.into_iter().next().unwrap().fd);
        assert!(s.local_addr().unwrap().is_ipv6());
    }
}
