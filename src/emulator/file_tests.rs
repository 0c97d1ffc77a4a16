//! Tests of the `file_*` calls, each on a fresh directory tree.

use super::*;
use crate::emulator::fd::{cloudabi_sys_fd_close, cloudabi_sys_fd_read, cloudabi_sys_fd_stat_get};
use crate::emulator::rights as max;
use cloudabi::iovec;
use std::fs;
use std::mem::MaybeUninit;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A descriptor registered in the table; forgotten there before std
/// closes it, so no later descriptor inherits its entry.
pub(crate) struct Reg {
    file: fs::File,
    pub(crate) fd: fd,
}

impl Drop for Reg {
    fn drop(&mut self) {
        let _ = fdtable::remove(self.fd);
    }
}

pub(crate) fn register(file: fs::File, base: u64, inheriting: u64) -> Reg {
    let t = fdtable::type_of_linux_fd(file.as_raw_fd()).unwrap();
    let f = fdtable::install(file.as_raw_fd(), t, base, inheriting).unwrap();
    Reg { file, fd: f }
}

/// A live Linux descriptor the table does not know.
pub(crate) fn unregistered() -> (fs::File, fd) {
    let f = fs::File::open("/dev/null").unwrap();
    let n = f.as_raw_fd() as u32;
    (f, fd(n))
}

/// A descriptor `file_open` returned, closed through the emulator.
struct Opened(fd);

impl Drop for Opened {
    fn drop(&mut self) {
        // SAFETY: closes a descriptor this test owns.
        unsafe { cloudabi_sys_fd_close(self.0) };
    }
}

/// A fresh tree, registered with all directory rights:
/// `f` ("hello"), `sub/` with `sub/g` ("world!"), `empty/`, and the
/// symbolic links `esc -> /etc`, `up -> ../..`, `loop1 <-> loop2`,
/// `magic -> /proc/self/fd/<the tree's descriptor>`, `rel -> sub/g`,
/// `back -> sub/..`.
pub(crate) struct Tree {
    root: PathBuf,
    dir: Reg,
}

impl Tree {
    pub(crate) fn new() -> Tree {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!("cloudlibc-file-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed));
        let root = std::env::temp_dir().join(name);
        fs::create_dir(&root).unwrap();
        fs::write(root.join("f"), "hello").unwrap();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/g"), "world!").unwrap();
        fs::create_dir(root.join("empty")).unwrap();
        symlink("/etc", root.join("esc")).unwrap();
        symlink("../..", root.join("up")).unwrap();
        symlink("loop2", root.join("loop1")).unwrap();
        symlink("loop1", root.join("loop2")).unwrap();
        symlink("sub/g", root.join("rel")).unwrap();
        symlink("sub/..", root.join("back")).unwrap();
        let dir = register(fs::File::open(&root).unwrap(), max::DIRECTORY, max::ALL_FILE);
        symlink(format!("/proc/self/fd/{}", dir.file.as_raw_fd()), root.join("magic")).unwrap();
        Tree { root, dir }
    }

    pub(crate) fn fd(&self) -> fd {
        self.dir.fd
    }

    pub(crate) fn path(&self, p: &str) -> PathBuf {
        self.root.join(p)
    }

    /// The tree's directory again, registered with only these rights.
    pub(crate) fn with(&self, base: u64, inheriting: u64) -> Reg {
        register(fs::File::open(&self.root).unwrap(), base, inheriting)
    }

    /// The tree's directory with every right but `r`.
    pub(crate) fn without(&self, r: rights) -> Reg {
        self.with(max::DIRECTORY & !r.bits(), max::ALL_FILE)
    }

    /// A file of the tree, opened read-write by std and registered.
    pub(crate) fn file(&self, p: &str, base: u64) -> Reg {
        let f = fs::OpenOptions::new().read(true).write(true).open(self.path(p)).unwrap();
        register(f, base, 0)
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// Paths that leave the tree; every path call must refuse them.
const ESCAPES: [&str; 6] = ["/etc/passwd", "../x", "sub/../../x", "esc/passwd", "up/x", "magic/f"];

/// Checks that `call` refuses every escape with ENOTCAPABLE and a lookup
/// through a symbolic link loop with ELOOP.
pub(crate) fn assert_confined(t: &Tree, call: impl Fn(fd, &str) -> errno) {
    for p in ESCAPES {
        assert_eq!(call(t.fd(), p), errno::NOTCAPABLE, "path {p}");
    }
    assert_eq!(call(t.fd(), "loop1/x"), errno::LOOP);
}

/// For calls that follow a last symbolic link: the links leading out are
/// refused too.
pub(crate) fn assert_final_links_confined(t: &Tree, call: impl Fn(fd, &str) -> errno) {
    assert_confined(t, &call);
    for p in ["esc", "up", "magic", "esc/", "up/"] {
        assert_eq!(call(t.fd(), p), errno::NOTCAPABLE, "path {p}");
    }
    assert_eq!(call(t.fd(), "loop1"), errno::LOOP);
}

/// Checks that `call` fails with EBADF on a descriptor the table does not
/// know and with ENOTCAPABLE on the tree's directory without `right`.
pub(crate) fn assert_dir_guarded(t: &Tree, right: rights, call: impl Fn(fd) -> errno) {
    let (_keep, bad) = unregistered();
    assert_eq!(call(bad), errno::BADF);
    let d = t.without(right);
    assert_eq!(call(d.fd), errno::NOTCAPABLE);
}

/// The same for calls on a file: the tree's `f` without `right`.
pub(crate) fn assert_file_guarded(t: &Tree, right: rights, call: impl Fn(fd) -> errno) {
    let (_keep, bad) = unregistered();
    assert_eq!(call(bad), errno::BADF);
    let f = t.file("f", max::REGULAR_FILE & !right.bits());
    assert_eq!(call(f.fd), errno::NOTCAPABLE);
}

pub(crate) fn res(e: errno) -> Result<(), errno> {
    if e == errno::SUCCESS {
        Ok(())
    } else {
        Err(e)
    }
}

pub(crate) fn lk(f: fd, follow: bool) -> lookup {
    lookup { fd: f, flags: if follow { lookupflags::SYMLINK_FOLLOW } else { lookupflags::empty() } }
}

fn stat(dir: fd, path: impl AsRef<[u8]>, follow: bool) -> Result<filestat, errno> {
    let p = path.as_ref();
    let mut st = MaybeUninit::uninit();
    // SAFETY: the path and the output outlive the call.
    res(unsafe { cloudabi_sys_file_stat_get(lk(dir, follow), p.as_ptr(), p.len(), st.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { st.assume_init() })
}

fn stat_err(dir: fd, path: &str) -> errno {
    stat(dir, path, false).err().unwrap_or(errno::SUCCESS)
}

fn fstat(f: fd) -> Result<filestat, errno> {
    let mut st = MaybeUninit::uninit();
    // SAFETY: the output outlives the call.
    res(unsafe { cloudabi_sys_file_stat_fget(f, st.as_mut_ptr()) })?;
    // SAFETY: the call succeeded.
    Ok(unsafe { st.assume_init() })
}

fn fdstat_of(f: fd) -> fdstat {
    let mut st = MaybeUninit::uninit();
    // SAFETY: the output outlives the call.
    assert_eq!(unsafe { cloudabi_sys_fd_stat_get(f, st.as_mut_ptr()) }, errno::SUCCESS);
    // SAFETY: the call succeeded.
    unsafe { st.assume_init() }
}

fn open_with(
    dir: fd,
    path: impl AsRef<[u8]>,
    o: oflags,
    fl: fdflags,
    base: u64,
    inheriting: u64,
    follow: bool,
) -> Result<Opened, errno> {
    let p = path.as_ref();
    let st = fdstat {
        fs_filetype: filetype::UNKNOWN,
        fs_flags: fl,
        fs_rights_base: rights::from_bits_truncate(base),
        fs_rights_inheriting: rights::from_bits_truncate(inheriting),
    };
    let mut out = fd(u32::MAX);
    // SAFETY: the path, fdstat and output outlive the call.
    res(unsafe { cloudabi_sys_file_open(lk(dir, follow), p.as_ptr(), p.len(), o, &st, &mut out) })?;
    Ok(Opened(out))
}

const READ: u64 = rights::FD_READ.bits() | rights::FILE_STAT_FGET.bits();

fn open(dir: fd, path: impl AsRef<[u8]>, base: u64) -> Result<Opened, errno> {
    open_with(dir, path, oflags::empty(), fdflags::empty(), base, 0, true)
}

fn open_err(dir: fd, path: &str) -> errno {
    open(dir, path, READ).err().unwrap_or(errno::SUCCESS)
}

fn read_all(f: fd) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let mut buf = [0u8; 64];
        let iov = iovec { buf: (buf.as_mut_ptr().cast(), buf.len()) };
        let mut n = 0;
        // SAFETY: the iovec describes `buf`.
        assert_eq!(unsafe { cloudabi_sys_fd_read(f, &iov, 1, &mut n) }, errno::SUCCESS);
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&buf[..n]);
    }
}

/// The Linux status flags of a descriptor.
fn linux_flags(f: fd) -> u64 {
    // SAFETY: no memory effects.
    unsafe { linux::syscall!(nr::FCNTL, f.0, linux::F_GETFL) as u64 }
}

fn mkdir(dir: fd, path: impl AsRef<[u8]>) -> errno {
    let p = path.as_ref();
    // SAFETY: the path outlives the call.
    unsafe { cloudabi_sys_file_create(dir, p.as_ptr(), p.len(), filetype::DIRECTORY) }
}

fn unlink(dir: fd, path: impl AsRef<[u8]>, flags: ulflags) -> errno {
    let p = path.as_ref();
    // SAFETY: the path outlives the call.
    unsafe { cloudabi_sys_file_unlink(dir, p.as_ptr(), p.len(), flags) }
}

fn rename(d1: fd, p1: &str, d2: fd, p2: &str) -> errno {
    // SAFETY: both paths outlive the call.
    unsafe { cloudabi_sys_file_rename(d1, p1.as_ptr(), p1.len(), d2, p2.as_ptr(), p2.len()) }
}

fn link(d1: fd, p1: &str, follow: bool, d2: fd, p2: &str) -> errno {
    // SAFETY: both paths outlive the call.
    unsafe { cloudabi_sys_file_link(lk(d1, follow), p1.as_ptr(), p1.len(), d2, p2.as_ptr(), p2.len()) }
}

fn make_symlink(contents: impl AsRef<[u8]>, dir: fd, path: &str) -> errno {
    let c = contents.as_ref();
    // SAFETY: both strings outlive the call.
    unsafe { cloudabi_sys_file_symlink(c.as_ptr(), c.len(), dir, path.as_ptr(), path.len()) }
}

fn readlink(dir: fd, path: impl AsRef<[u8]>, cap: usize) -> Result<Vec<u8>, errno> {
    let p = path.as_ref();
    let mut buf = vec![0u8; cap];
    let mut n = usize::MAX;
    // SAFETY: the path, buffer and count outlive the call.
    res(unsafe { cloudabi_sys_file_readlink(dir, p.as_ptr(), p.len(), buf.as_mut_ptr(), cap, &mut n) })?;
    buf.truncate(n);
    Ok(buf)
}

fn readlink_err(dir: fd, path: &str) -> errno {
    readlink(dir, path, 64).err().unwrap_or(errno::SUCCESS)
}

fn times(atim: timestamp, mtim: timestamp) -> filestat {
    filestat {
        st_dev: device(0),
        st_ino: inode(0),
        st_filetype: filetype::UNKNOWN,
        st_nlink: 0,
        st_size: 0,
        st_atim: atim,
        st_mtim: mtim,
        st_ctim: 0,
    }
}

fn stat_put(dir: fd, path: &str, follow: bool, st: &filestat, flags: fsflags) -> errno {
    // SAFETY: the path and filestat outlive the call.
    unsafe { cloudabi_sys_file_stat_put(lk(dir, follow), path.as_ptr(), path.len(), st, flags) }
}

fn fput(f: fd, st: &filestat, flags: fsflags) -> errno {
    // SAFETY: the filestat outlives the call.
    unsafe { cloudabi_sys_file_stat_fput(f, st, flags) }
}

fn readdir(f: fd, buf: &mut [u8], cookie: u64) -> Result<usize, errno> {
    let mut n = usize::MAX;
    // SAFETY: the buffer and count outlive the call.
    res(unsafe { cloudabi_sys_file_readdir(f, buf.as_mut_ptr().cast(), buf.len(), dircookie(cookie), &mut n) })?;
    Ok(n)
}

#[derive(Debug, Clone, PartialEq)]
struct Ent {
    next: u64,
    ino: u64,
    t: u8,
    name: String,
}

/// The complete entries in a readdir buffer.
fn parse_dirents(buf: &[u8]) -> Vec<Ent> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 24 <= buf.len() {
        let namlen = u32::from_ne_bytes(buf[at + 16..at + 20].try_into().unwrap()) as usize;
        if at + 24 + namlen > buf.len() {
            break;
        }
        out.push(Ent {
            next: u64::from_ne_bytes(buf[at..at + 8].try_into().unwrap()),
            ino: u64::from_ne_bytes(buf[at + 8..at + 16].try_into().unwrap()),
            t: buf[at + 20],
            name: String::from_utf8(buf[at + 24..at + 24 + namlen].to_vec()).unwrap(),
        });
        at += 24 + namlen;
    }
    out
}

/// Every entry, read with buffers of `size` bytes, resuming at the cookie
/// of the last complete entry whenever a buffer comes back full.
fn read_dir(f: fd, size: usize) -> Vec<Ent> {
    let mut out = Vec::new();
    let mut cookie = 0;
    loop {
        let mut buf = vec![0u8; size];
        let n = readdir(f, &mut buf, cookie).unwrap();
        let ents = parse_dirents(&buf[..n]);
        let full = n == size;
        assert!(!(full && ents.is_empty()), "buffer too small for one entry");
        if let Some(last) = ents.last() {
            cookie = last.next;
        }
        out.extend(ents);
        if !full {
            return out;
        }
    }
}

fn names(ents: &[Ent]) -> Vec<String> {
    let mut v: Vec<String> = ents.iter().map(|e| e.name.clone()).collect();
    v.sort();
    v
}

fn ns(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64
}

// Path handling shared by every path call.

#[test]
fn path_of_page_size_is_nametoolong() {
    let t = Tree::new();
    assert_eq!(stat(t.fd(), vec![b'a'; 4096], false).err(), Some(errno::NAMETOOLONG));
    assert_eq!(stat(t.fd(), vec![b'a'; 10000], false).err(), Some(errno::NAMETOOLONG));
    assert_eq!(open(t.fd(), vec![b'a'; 4096], READ).err(), Some(errno::NAMETOOLONG));
    assert_eq!(mkdir(t.fd(), vec![b'a'; 4096]), errno::NAMETOOLONG);
}

#[test]
fn path_of_4095_bytes_is_resolved() {
    let t = Tree::new();
    let mut p = b"./".repeat(2047);
    p.push(b'f');
    assert_eq!(p.len(), 4095);
    assert_eq!(stat(t.fd(), &p, false).unwrap().st_size, 5);
}

#[test]
fn path_with_nul_is_inval() {
    let t = Tree::new();
    assert_eq!(stat(t.fd(), b"f\0x", false).err(), Some(errno::INVAL));
    assert_eq!(open(t.fd(), b"f\0", READ).err(), Some(errno::INVAL));
    assert_eq!(unlink(t.fd(), b"f\0", ulflags::empty()), errno::INVAL);
    assert_eq!(mkdir(t.fd(), b"\0"), errno::INVAL);
    assert!(t.path("f").exists());
}

#[test]
fn empty_path_is_noent() {
    let t = Tree::new();
    assert_eq!(stat(t.fd(), b"", true).err(), Some(errno::NOENT));
    assert_eq!(open(t.fd(), b"", READ).err(), Some(errno::NOENT));
    assert_eq!(unlink(t.fd(), b"", ulflags::empty()), errno::NOENT);
    assert_eq!(mkdir(t.fd(), b""), errno::NOENT);
    assert_eq!(readlink(t.fd(), b"", 8).err(), Some(errno::NOENT));
}

#[test]
fn dotdot_that_stays_inside_works() {
    let t = Tree::new();
    let root = stat(t.fd(), ".", false).unwrap();
    assert_eq!(root.st_filetype, filetype::DIRECTORY);
    assert_eq!(stat(t.fd(), "sub/..", false).unwrap().st_ino, root.st_ino);
    assert_eq!(stat(t.fd(), "sub/../f", false).unwrap().st_size, 5);
    assert_eq!(stat(t.fd(), "sub/../sub/./g", false).unwrap().st_size, 6);
    assert_eq!(stat(t.fd(), "back", true).unwrap().st_ino, root.st_ino);
    assert_eq!(stat(t.fd(), "back/f", false).unwrap().st_size, 5);
    assert_eq!(read_all(open(t.fd(), "sub/../sub/g", READ).unwrap().0), b"world!");
}

#[test]
fn symbolic_links_inside_are_followed() {
    let t = Tree::new();
    let target = stat(t.fd(), "sub/g", false).unwrap();
    let followed = stat(t.fd(), "rel", true).unwrap();
    assert_eq!(followed.st_ino, target.st_ino);
    assert_eq!(followed.st_filetype, filetype::REGULAR_FILE);
    assert_eq!(read_all(open(t.fd(), "rel", READ).unwrap().0), b"world!");
}

#[test]
fn trailing_slash_requires_a_directory() {
    let t = Tree::new();
    assert_eq!(stat(t.fd(), "f/", false).err(), Some(errno::NOTDIR));
    assert_eq!(stat(t.fd(), "f/", true).err(), Some(errno::NOTDIR));
    assert_eq!(stat(t.fd(), "rel/", false).err(), Some(errno::NOTDIR));
    assert_eq!(open(t.fd(), "f/", READ).err(), Some(errno::NOTDIR));
    assert_eq!(unlink(t.fd(), "f/", ulflags::empty()), errno::NOTDIR);
    assert_eq!(stat(t.fd(), "sub/", false).unwrap().st_filetype, filetype::DIRECTORY);
    assert_eq!(stat(t.fd(), "sub//", false).unwrap().st_filetype, filetype::DIRECTORY);
    // A trailing slash follows a last symbolic link, so this one leads out.
    assert_eq!(stat(t.fd(), "esc/", false).err(), Some(errno::NOTCAPABLE));
    assert!(t.path("f").exists());
}

#[test]
fn trailing_slash_never_follows_a_last_link_out() {
    let t = Tree::new();
    assert_eq!(unlink(t.fd(), "esc/", ulflags::empty()), errno::NOTDIR);
    assert_eq!(unlink(t.fd(), "back/", ulflags::REMOVEDIR), errno::NOTDIR);
    assert_eq!(mkdir(t.fd(), "esc/"), errno::EXIST);
    assert_eq!(rename(t.fd(), "up/", t.fd(), "x"), errno::NOTDIR);
    assert_eq!(rename(t.fd(), "f", t.fd(), "esc/"), errno::NOTDIR);
    assert_eq!(make_symlink("f", t.fd(), "esc/"), errno::EXIST);
    assert_eq!(link(t.fd(), "f", false, t.fd(), "up/"), errno::EXIST);
    assert_eq!(link(t.fd(), "up/", false, t.fd(), "x"), errno::NOTCAPABLE);
    assert!(fs::symlink_metadata(t.path("esc")).unwrap().file_type().is_symlink());
    assert!(t.path("f").exists());
}

#[test]
fn creating_through_a_link_stays_inside() {
    let t = Tree::new();
    symlink("../outside-file", t.path("out")).unwrap();
    symlink("sub/created", t.path("in")).unwrap();
    let r = open_with(t.fd(), "out", oflags::CREAT, fdflags::empty(), READ, 0, true);
    assert_eq!(r.err(), Some(errno::NOTCAPABLE));
    assert!(!t.root.parent().unwrap().join("outside-file").exists());
    let r = open_with(t.fd(), "out", oflags::CREAT, fdflags::empty(), READ, 0, false);
    assert_eq!(r.err(), Some(errno::LOOP));
    assert!(open_with(t.fd(), "in", oflags::CREAT, fdflags::empty(), READ, 0, true).is_ok());
    assert!(t.path("sub/created").is_file());
}

#[test]
fn magic_links_are_refused() {
    let proc = register(fs::File::open("/proc/self").unwrap(), max::DIRECTORY, max::ALL_FILE);
    let dir = proc.fd;
    let fd_path = format!("fd/{}", proc.file.as_raw_fd());
    assert_eq!(stat(dir, "cwd", true).err(), Some(errno::NOTCAPABLE));
    assert_eq!(stat(dir, "root/etc", false).err(), Some(errno::NOTCAPABLE));
    assert_eq!(stat(dir, &fd_path, true).err(), Some(errno::NOTCAPABLE));
    assert_eq!(open(dir, "exe", READ).err(), Some(errno::NOTCAPABLE));
    assert_eq!(open(dir, &fd_path, READ).err(), Some(errno::NOTCAPABLE));
    // The links themselves can be looked at.
    assert_eq!(stat(dir, "cwd", false).unwrap().st_filetype, filetype::SYMBOLIC_LINK);
    assert_eq!(stat(dir, "status", true).unwrap().st_filetype, filetype::REGULAR_FILE);
}

// file_stat_get

#[test]
fn stat_get_reports_attributes() {
    let t = Tree::new();
    let m = fs::metadata(t.path("f")).unwrap();
    let st = stat(t.fd(), "f", false).unwrap();
    assert_eq!(st.st_dev.0, m.dev());
    assert_eq!(st.st_ino.0, m.ino());
    assert_eq!(st.st_filetype, filetype::REGULAR_FILE);
    assert_eq!(st.st_nlink, 1);
    assert_eq!(st.st_size, 5);
    assert_eq!(st.st_mtim, m.mtime() as u64 * 1_000_000_000 + m.mtime_nsec() as u64);
    assert_eq!(st.st_atim, m.atime() as u64 * 1_000_000_000 + m.atime_nsec() as u64);
    assert_eq!(st.st_ctim, m.ctime() as u64 * 1_000_000_000 + m.ctime_nsec() as u64);
    assert_eq!(stat(t.fd(), "sub", false).unwrap().st_filetype, filetype::DIRECTORY);
    assert_eq!(stat(t.fd(), "nonexistent", false).err(), Some(errno::NOENT));
}

#[test]
fn stat_get_without_follow_reports_the_link() {
    let t = Tree::new();
    let st = stat(t.fd(), "esc", false).unwrap();
    assert_eq!(st.st_filetype, filetype::SYMBOLIC_LINK);
    assert_eq!(st.st_size, 4);
    assert_eq!(st.st_ino.0, fs::symlink_metadata(t.path("esc")).unwrap().ino());
    assert_eq!(stat(t.fd(), "loop1", false).unwrap().st_filetype, filetype::SYMBOLIC_LINK);
}

#[test]
fn stat_get_times_before_1970_clamp_to_zero() {
    let t = Tree::new();
    let f = fs::File::options().write(true).open(t.path("f")).unwrap();
    f.set_modified(UNIX_EPOCH - Duration::from_secs(100)).unwrap();
    assert_eq!(stat(t.fd(), "f", false).unwrap().st_mtim, 0);
}

#[test]
fn stat_get_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_dir_guarded(&t, rights::FILE_STAT_GET, |d| stat_err(d, "f"));
    assert_eq!(stat_err(fd(u32::MAX), "f"), errno::BADF);
}

#[test]
fn stat_get_is_confined() {
    let t = Tree::new();
    assert_confined(&t, |d, p| stat(d, p, false).err().unwrap_or(errno::SUCCESS));
    assert_final_links_confined(&t, |d, p| stat(d, p, true).err().unwrap_or(errno::SUCCESS));
}

// file_stat_fget

#[test]
fn stat_fget_reports_file_attributes() {
    let t = Tree::new();
    let f = t.file("sub/g", rights::FILE_STAT_FGET.bits());
    let m = f.file.metadata().unwrap();
    let st = fstat(f.fd).unwrap();
    assert_eq!(st.st_dev.0, m.dev());
    assert_eq!(st.st_ino.0, m.ino());
    assert_eq!(st.st_filetype, filetype::REGULAR_FILE);
    assert_eq!(st.st_size, 6);
    assert_eq!(st.st_mtim, m.mtime() as u64 * 1_000_000_000 + m.mtime_nsec() as u64);
    let d = fstat(t.fd()).unwrap();
    assert_eq!(d.st_filetype, filetype::DIRECTORY);
    assert_eq!(d.st_ino.0, fs::metadata(&t.root).unwrap().ino());
}

#[test]
fn stat_fget_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_file_guarded(&t, rights::FILE_STAT_FGET, |f| fstat(f).err().unwrap_or(errno::SUCCESS));
}

// file_stat_fput

#[test]
fn stat_fput_size_truncates_and_extends() {
    let t = Tree::new();
    let f = t.file("f", rights::FILE_STAT_FPUT_SIZE.bits());
    let mut st = times(0, 0);
    st.st_size = 2;
    assert_eq!(fput(f.fd, &st, fsflags::SIZE), errno::SUCCESS);
    assert_eq!(fs::read(t.path("f")).unwrap(), b"he");
    st.st_size = 10;
    assert_eq!(fput(f.fd, &st, fsflags::SIZE), errno::SUCCESS);
    assert_eq!(fs::read(t.path("f")).unwrap(), b"he\0\0\0\0\0\0\0\0");
    st.st_size = u64::MAX;
    assert_eq!(fput(f.fd, &st, fsflags::SIZE), errno::INVAL);
}

#[test]
fn stat_fput_sets_times() {
    let t = Tree::new();
    let f = t.file("f", rights::FILE_STAT_FPUT_TIMES.bits());
    let st = times(1_000_000_000_123, 2_000_000_000_456);
    assert_eq!(fput(f.fd, &st, fsflags::ATIM | fsflags::MTIM), errno::SUCCESS);
    let m = fs::metadata(t.path("f")).unwrap();
    assert_eq!((m.atime(), m.atime_nsec()), (1000, 123));
    assert_eq!((m.mtime(), m.mtime_nsec()), (2000, 456));
    // Only the selected time changes.
    assert_eq!(fput(f.fd, &times(5_000_000_000, 0), fsflags::ATIM), errno::SUCCESS);
    let m = fs::metadata(t.path("f")).unwrap();
    assert_eq!((m.atime(), m.mtime()), (5, 2000));
    let before = ns(SystemTime::now());
    assert_eq!(fput(f.fd, &st, fsflags::MTIM_NOW), errno::SUCCESS);
    assert!(ns(fs::metadata(t.path("f")).unwrap().modified().unwrap()) + 1_000_000_000 >= before);
    assert_eq!(fs::metadata(t.path("f")).unwrap().atime(), 5);
}

#[test]
fn stat_fput_refuses_mixed_or_no_flags() {
    let t = Tree::new();
    let f = t.file("f", max::REGULAR_FILE);
    let st = times(0, 0);
    assert_eq!(fput(f.fd, &st, fsflags::SIZE | fsflags::MTIM), errno::INVAL);
    assert_eq!(fput(f.fd, &st, fsflags::empty()), errno::INVAL);
    assert_eq!(fput(f.fd, &st, fsflags::from_bits_truncate(0x20)), errno::INVAL);
    assert_eq!(fs::read(t.path("f")).unwrap(), b"hello");
}

#[test]
fn stat_fput_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    let st = times(0, 0);
    assert_file_guarded(&t, rights::FILE_STAT_FPUT_SIZE, |f| fput(f, &st, fsflags::SIZE));
    assert_eq!(fs::read(t.path("f")).unwrap(), b"hello");
    assert_file_guarded(&t, rights::FILE_STAT_FPUT_TIMES, |f| fput(f, &st, fsflags::MTIM_NOW));
    // Each kind of change needs only its own right.
    let f = t.file("f", rights::FILE_STAT_FPUT_TIMES.bits());
    assert_eq!(fput(f.fd, &st, fsflags::MTIM), errno::SUCCESS);
}

// file_stat_put

#[test]
fn stat_put_sets_times_by_path() {
    let t = Tree::new();
    let st = times(3_000_000_000_007, 4_000_000_000_009);
    assert_eq!(stat_put(t.fd(), "sub/g", false, &st, fsflags::ATIM | fsflags::MTIM), errno::SUCCESS);
    let m = fs::metadata(t.path("sub/g")).unwrap();
    assert_eq!((m.atime(), m.atime_nsec(), m.mtime(), m.mtime_nsec()), (3000, 7, 4000, 9));
    let st = stat(t.fd(), "sub/g", false).unwrap();
    assert_eq!((st.st_atim, st.st_mtim), (3_000_000_000_007, 4_000_000_000_009));
}

#[test]
fn stat_put_follows_only_when_asked() {
    let t = Tree::new();
    let st = times(0, 7_000_000_000);
    assert_eq!(stat_put(t.fd(), "rel", false, &st, fsflags::MTIM), errno::SUCCESS);
    assert_eq!(fs::symlink_metadata(t.path("rel")).unwrap().mtime(), 7);
    assert_ne!(fs::metadata(t.path("sub/g")).unwrap().mtime(), 7);
    assert_eq!(stat_put(t.fd(), "rel", true, &times(0, 8_000_000_000), fsflags::MTIM), errno::SUCCESS);
    assert_eq!(fs::metadata(t.path("sub/g")).unwrap().mtime(), 8);
    assert_eq!(fs::symlink_metadata(t.path("rel")).unwrap().mtime(), 7);
}

#[test]
fn stat_put_now() {
    let t = Tree::new();
    assert_eq!(stat_put(t.fd(), "f", false, &times(1, 1), fsflags::ATIM | fsflags::MTIM), errno::SUCCESS);
    let before = ns(SystemTime::now());
    assert_eq!(stat_put(t.fd(), "f", false, &times(1, 1), fsflags::ATIM_NOW | fsflags::MTIM), errno::SUCCESS);
    let st = stat(t.fd(), "f", false).unwrap();
    assert!(st.st_atim + 1_000_000_000 >= before);
    assert_eq!(st.st_mtim, 1);
}

#[test]
fn stat_put_refuses_size() {
    let t = Tree::new();
    let mut st = times(0, 0);
    st.st_size = 1;
    assert_eq!(stat_put(t.fd(), "f", false, &st, fsflags::SIZE), errno::INVAL);
    assert_eq!(stat_put(t.fd(), "f", false, &st, fsflags::SIZE | fsflags::MTIM), errno::INVAL);
    assert_eq!(fs::read(t.path("f")).unwrap(), b"hello");
}

#[test]
fn stat_put_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_dir_guarded(&t, rights::FILE_STAT_PUT_TIMES, |d| stat_put(d, "f", false, &times(0, 0), fsflags::MTIM));
    assert_ne!(fs::metadata(t.path("f")).unwrap().mtime(), 0);
}

#[test]
fn stat_put_is_confined() {
    let t = Tree::new();
    let st = times(0, 0);
    assert_confined(&t, |d, p| stat_put(d, p, false, &st, fsflags::MTIM));
    assert_final_links_confined(&t, |d, p| stat_put(d, p, true, &st, fsflags::MTIM));
}

// file_open

#[test]
fn open_reads_a_file() {
    let t = Tree::new();
    let f = open(t.fd(), "f", READ).unwrap();
    assert_eq!(read_all(f.0), b"hello");
    let st = fdstat_of(f.0);
    assert_eq!(st.fs_filetype, filetype::REGULAR_FILE);
    assert_eq!(st.fs_rights_base.bits(), READ);
    assert_eq!(st.fs_rights_inheriting.bits(), 0);
    assert_eq!(open(t.fd(), "nonexistent", READ).err(), Some(errno::NOENT));
}

#[test]
fn open_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_dir_guarded(&t, rights::FILE_OPEN, |d| open_err(d, "f"));
}

#[test]
fn open_is_confined() {
    let t = Tree::new();
    assert_final_links_confined(&t, open_err);
    let nofollow =
        |d, p: &str| open_with(d, p, oflags::empty(), fdflags::empty(), READ, 0, false).err().unwrap_or(errno::SUCCESS);
    assert_confined(&t, nofollow);
}

#[test]
fn open_without_follow_refuses_a_last_symbolic_link() {
    let t = Tree::new();
    let r = open_with(t.fd(), "rel", oflags::empty(), fdflags::empty(), READ, 0, false);
    assert_eq!(r.err(), Some(errno::LOOP));
    let r = open_with(t.fd(), "sub/../f", oflags::empty(), fdflags::empty(), READ, 0, false);
    assert_eq!(read_all(r.unwrap().0), b"hello");
}

#[test]
fn open_creates_files() {
    let t = Tree::new();
    let base = READ | rights::FD_WRITE.bits() | rights::FD_SEEK.bits();
    let f = open_with(t.fd(), "new", oflags::CREAT, fdflags::empty(), base, 0, true).unwrap();
    let m = fs::metadata(t.path("new")).unwrap();
    assert!(m.is_file());
    // 0666 less the umask: never executable.
    assert_eq!(m.permissions().mode() & 0o111, 0);
    assert_eq!(linux_flags(f.0) & linux::O_ACCMODE, linux::O_RDWR);
    let r = open_with(t.fd(), "new", oflags::CREAT | oflags::EXCL, fdflags::empty(), READ, 0, true);
    assert_eq!(r.err(), Some(errno::EXIST));
    let r = open_with(t.fd(), "new", oflags::CREAT, fdflags::empty(), READ, 0, true);
    assert!(r.is_ok());
}

#[test]
fn open_creat_needs_file_create_file() {
    let t = Tree::new();
    let d = t.without(rights::FILE_CREATE_FILE);
    let r = open_with(d.fd, "new", oflags::CREAT, fdflags::empty(), READ, 0, true);
    assert_eq!(r.err(), Some(errno::NOTCAPABLE));
    assert!(!t.path("new").exists());
    // Opening without creating needs no such right.
    assert!(open(d.fd, "f", READ).is_ok());
}

#[test]
fn open_directory_flag_requires_a_directory() {
    let t = Tree::new();
    let r = open_with(t.fd(), "f", oflags::DIRECTORY, fdflags::empty(), READ, 0, true);
    assert_eq!(r.err(), Some(errno::NOTDIR));
    let base = rights::FILE_READDIR.bits() | rights::FILE_OPEN.bits();
    let d = open_with(t.fd(), "sub", oflags::DIRECTORY, fdflags::empty(), base, READ, true).unwrap();
    let st = fdstat_of(d.0);
    assert_eq!(st.fs_filetype, filetype::DIRECTORY);
    assert_eq!(st.fs_rights_base.bits(), base);
    assert_eq!(st.fs_rights_inheriting.bits(), READ);
    // The new directory is a working directory of its own.
    assert_eq!(read_all(open(d.0, "g", READ).unwrap().0), b"world!");
    assert_eq!(open(d.0, "../f", READ).err(), Some(errno::NOTCAPABLE));
}

#[test]
fn open_refuses_rights_beyond_the_inheriting_ones() {
    let t = Tree::new();
    let d = t.with(max::DIRECTORY, READ);
    assert!(open(d.fd, "f", READ).is_ok());
    let r = open(d.fd, "f", READ | rights::FD_WRITE.bits());
    assert_eq!(r.err(), Some(errno::NOTCAPABLE));
    let r = open_with(d.fd, "sub", oflags::empty(), fdflags::empty(), 0, rights::FD_WRITE.bits(), true);
    assert_eq!(r.err(), Some(errno::NOTCAPABLE));
    let r = open_with(d.fd, "sub", oflags::empty(), fdflags::empty(), 0, READ, true);
    assert!(r.is_ok());
}

#[test]
fn open_clips_rights_to_the_file_type() {
    let t = Tree::new();
    let f = open_with(t.fd(), "f", oflags::empty(), fdflags::empty(), max::ALL_FILE, max::ALL_FILE, true).unwrap();
    let st = fdstat_of(f.0);
    assert_eq!(st.fs_rights_base.bits(), max::REGULAR_FILE);
    assert_eq!(st.fs_rights_inheriting.bits(), 0);
    // ALL_FILE asks for writing; a directory cannot be opened so.
    let base = max::DIRECTORY | READ;
    let d = open_with(t.fd(), "sub", oflags::empty(), fdflags::empty(), base, max::ALL_FILE, true).unwrap();
    let st = fdstat_of(d.0);
    assert_eq!(st.fs_rights_base.bits(), max::DIRECTORY);
    assert_eq!(st.fs_rights_inheriting.bits(), max::ALL_FILE);
}

#[test]
fn open_truncate_needs_fput_size() {
    let t = Tree::new();
    let d = t.with(max::DIRECTORY, max::ALL_FILE & !rights::FILE_STAT_FPUT_SIZE.bits());
    let r = open_with(d.fd, "f", oflags::TRUNC, fdflags::empty(), READ, 0, true);
    assert_eq!(r.err(), Some(errno::NOTCAPABLE));
    assert_eq!(fs::read(t.path("f")).unwrap(), b"hello");
    let base = rights::FD_WRITE.bits() | rights::FD_SEEK.bits();
    let f = open_with(t.fd(), "f", oflags::TRUNC, fdflags::empty(), base, 0, true).unwrap();
    assert_eq!(fs::read(t.path("f")).unwrap(), b"");
    assert_eq!(linux_flags(f.0) & linux::O_ACCMODE, linux::O_WRONLY);
}

#[test]
fn open_sync_flags_need_sync_rights() {
    let t = Tree::new();
    let d = t.with(max::DIRECTORY, max::ALL_FILE & !rights::FD_SYNC.bits());
    let r = open_with(d.fd, "f", oflags::empty(), fdflags::SYNC, READ, 0, true);
    assert_eq!(r.err(), Some(errno::NOTCAPABLE));
    let r = open_with(d.fd, "f", oflags::empty(), fdflags::RSYNC, READ, 0, true);
    assert_eq!(r.err(), Some(errno::NOTCAPABLE));
    let f = open_with(d.fd, "f", oflags::empty(), fdflags::DSYNC, READ, 0, true).unwrap();
    assert_eq!(linux_flags(f.0) & linux::O_SYNC, linux::O_DSYNC);
    let d = t.with(max::DIRECTORY, max::ALL_FILE & !rights::FD_DATASYNC.bits());
    let r = open_with(d.fd, "f", oflags::empty(), fdflags::DSYNC, READ, 0, true);
    assert_eq!(r.err(), Some(errno::NOTCAPABLE));
    let f = open_with(t.fd(), "f", oflags::empty(), fdflags::SYNC, READ, 0, true).unwrap();
    assert_eq!(linux_flags(f.0) & linux::O_SYNC, linux::O_SYNC);
}

#[test]
fn open_writing_needs_seek_unless_appending() {
    let t = Tree::new();
    let d = t.with(max::DIRECTORY, max::ALL_FILE & !rights::FD_SEEK.bits());
    let w = rights::FD_WRITE.bits();
    let r = open_with(d.fd, "f", oflags::empty(), fdflags::empty(), w, 0, true);
    assert_eq!(r.err(), Some(errno::NOTCAPABLE));
    let f = open_with(d.fd, "f", oflags::empty(), fdflags::APPEND, w, 0, true).unwrap();
    assert_ne!(linux_flags(f.0) & linux::O_APPEND, 0);
    assert_eq!(linux_flags(f.0) & linux::O_ACCMODE, linux::O_WRONLY);
}

#[test]
fn open_maps_status_flags() {
    let t = Tree::new();
    let f = open_with(t.fd(), "f", oflags::empty(), fdflags::NONBLOCK, READ, 0, true).unwrap();
    let fl = linux_flags(f.0);
    assert_ne!(fl & linux::O_NONBLOCK, 0);
    assert_eq!(fl & linux::O_APPEND, 0);
    assert_eq!(fl & linux::O_ACCMODE, linux::O_RDONLY);
    assert_eq!(fdstat_of(f.0).fs_flags, fdflags::NONBLOCK);
}

#[test]
fn open_sets_close_on_exec() {
    let t = Tree::new();
    let f = open(t.fd(), "f", READ).unwrap();
    const F_GETFD: usize = 1;
    const FD_CLOEXEC: isize = 1;
    // SAFETY: no memory effects.
    assert_eq!(unsafe { linux::syscall!(nr::FCNTL, f.0 .0, F_GETFD) } & FD_CLOEXEC, FD_CLOEXEC);
}

/// Runs `f` on a thread of its own whose file permission checks are those
/// of an unprivileged user, even when the tests run as root. Linux keeps
/// the file system uid per thread, so no other test is affected.
fn unprivileged<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    const SETFSUID: usize = 122;
    const NOBODY: usize = 65534;
    std::thread::scope(|s| {
        s.spawn(|| {
            // SAFETY: changes this thread's credentials only.
            unsafe { linux::syscall!(SETFSUID, NOBODY) };
            f()
        })
        .join()
        .unwrap()
    })
}

#[test]
fn open_without_read_or_write_rights() {
    let t = Tree::new();
    let base = rights::FILE_STAT_FGET.bits();
    let f = open(t.fd(), "f", base).unwrap();
    assert_eq!(linux_flags(f.0) & (linux::O_ACCMODE | linux::O_PATH), linux::O_RDONLY);
    assert_eq!(fstat(f.0).unwrap().st_size, 5);
    fs::set_permissions(t.path("f"), fs::Permissions::from_mode(0o000)).unwrap();
    unprivileged(|| {
        assert_eq!(open(t.fd(), "f", READ).err(), Some(errno::ACCES));
        // Neither reading nor writing asked for: a bare reference will do.
        let f = open(t.fd(), "f", base).unwrap();
        assert_ne!(linux_flags(f.0) & linux::O_PATH, 0);
        assert_eq!(fstat(f.0).unwrap().st_size, 5);
        let r = open_with(t.fd(), "f", oflags::TRUNC, fdflags::empty(), base, 0, true);
        assert_eq!(r.err(), Some(errno::ACCES));
    });
}

// file_create

#[test]
fn create_makes_a_directory() {
    let t = Tree::new();
    assert_eq!(mkdir(t.fd(), "d"), errno::SUCCESS);
    assert!(fs::metadata(t.path("d")).unwrap().is_dir());
    assert_eq!(mkdir(t.fd(), "sub/d/"), errno::SUCCESS);
    assert!(fs::metadata(t.path("sub/d")).unwrap().is_dir());
    assert_eq!(mkdir(t.fd(), "d"), errno::EXIST);
    assert_eq!(mkdir(t.fd(), "nonexistent/d"), errno::NOENT);
    assert_eq!(mkdir(t.fd(), "f/d"), errno::NOTDIR);
}

#[test]
fn create_refuses_other_types() {
    let t = Tree::new();
    for ty in [filetype::REGULAR_FILE, filetype::SYMBOLIC_LINK, filetype::SOCKET_STREAM, filetype::UNKNOWN] {
        // SAFETY: the path outlives the call.
        assert_eq!(unsafe { cloudabi_sys_file_create(t.fd(), b"x".as_ptr(), 1, ty) }, errno::INVAL);
    }
    assert!(!t.path("x").exists());
}

#[test]
fn create_of_dot_names() {
    let t = Tree::new();
    assert_eq!(mkdir(t.fd(), "."), errno::EXIST);
    assert_eq!(mkdir(t.fd(), "sub/.."), errno::EXIST);
    assert_eq!(mkdir(t.fd(), ".."), errno::NOTCAPABLE);
    assert_eq!(mkdir(t.fd(), "sub/../.."), errno::NOTCAPABLE);
}

#[test]
fn create_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_dir_guarded(&t, rights::FILE_CREATE_DIRECTORY, |d| mkdir(d, "d"));
    assert!(!t.path("d").exists());
}

#[test]
fn create_is_confined() {
    let t = Tree::new();
    assert_confined(&t, |d, p| mkdir(d, p));
}

// file_unlink

#[test]
fn unlink_removes_files_and_directories() {
    let t = Tree::new();
    assert_eq!(unlink(t.fd(), "f", ulflags::empty()), errno::SUCCESS);
    assert!(!t.path("f").exists());
    assert_eq!(unlink(t.fd(), "f", ulflags::empty()), errno::NOENT);
    assert_eq!(unlink(t.fd(), "sub", ulflags::empty()), errno::ISDIR);
    assert_eq!(unlink(t.fd(), "sub", ulflags::REMOVEDIR), errno::NOTEMPTY);
    assert_eq!(unlink(t.fd(), "sub/g", ulflags::REMOVEDIR), errno::NOTDIR);
    assert_eq!(unlink(t.fd(), "sub/g", ulflags::empty()), errno::SUCCESS);
    assert_eq!(unlink(t.fd(), "sub/", ulflags::REMOVEDIR), errno::SUCCESS);
    assert!(!t.path("sub").exists());
}

#[test]
fn unlink_removes_the_link_not_its_target() {
    let t = Tree::new();
    assert_eq!(unlink(t.fd(), "esc", ulflags::empty()), errno::SUCCESS);
    assert!(fs::symlink_metadata(t.path("esc")).is_err());
    assert_eq!(unlink(t.fd(), "rel", ulflags::empty()), errno::SUCCESS);
    assert!(t.path("sub/g").exists());
    assert_eq!(unlink(t.fd(), "back", ulflags::REMOVEDIR), errno::NOTDIR);
}

#[test]
fn unlink_of_dot_names() {
    let t = Tree::new();
    assert_eq!(unlink(t.fd(), ".", ulflags::empty()), errno::ISDIR);
    assert_eq!(unlink(t.fd(), ".", ulflags::REMOVEDIR), errno::INVAL);
    assert_eq!(unlink(t.fd(), "empty/.", ulflags::REMOVEDIR), errno::INVAL);
    assert_eq!(unlink(t.fd(), "sub/..", ulflags::REMOVEDIR), errno::NOTEMPTY);
    assert_eq!(unlink(t.fd(), "..", ulflags::REMOVEDIR), errno::NOTCAPABLE);
    assert_eq!(unlink(t.fd(), "empty/../..", ulflags::empty()), errno::NOTCAPABLE);
    assert!(t.path("empty").exists());
}

#[test]
fn unlink_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_dir_guarded(&t, rights::FILE_UNLINK, |d| unlink(d, "f", ulflags::empty()));
    assert!(t.path("f").exists());
}

#[test]
fn unlink_is_confined() {
    let t = Tree::new();
    assert_confined(&t, |d, p| unlink(d, p, ulflags::empty()));
    assert_confined(&t, |d, p| unlink(d, p, ulflags::REMOVEDIR));
}

// file_rename

#[test]
fn rename_moves_files() {
    let t = Tree::new();
    assert_eq!(rename(t.fd(), "f", t.fd(), "sub/h"), errno::SUCCESS);
    assert_eq!(fs::read(t.path("sub/h")).unwrap(), b"hello");
    assert!(!t.path("f").exists());
    assert_eq!(rename(t.fd(), "sub/h", t.fd(), "sub/g"), errno::SUCCESS);
    assert_eq!(fs::read(t.path("sub/g")).unwrap(), b"hello");
    assert_eq!(rename(t.fd(), "empty", t.fd(), "sub/e/"), errno::SUCCESS);
    assert!(t.path("sub/e").is_dir());
    assert_eq!(rename(t.fd(), "nonexistent", t.fd(), "x"), errno::NOENT);
    assert_eq!(rename(t.fd(), "sub/g/", t.fd(), "x"), errno::NOTDIR);
}

#[test]
fn rename_between_directories() {
    let t = Tree::new();
    let sub = register(fs::File::open(t.path("sub")).unwrap(), max::DIRECTORY, max::ALL_FILE);
    assert_eq!(rename(t.fd(), "f", sub.fd, "moved"), errno::SUCCESS);
    assert_eq!(fs::read(t.path("sub/moved")).unwrap(), b"hello");
    assert_eq!(rename(sub.fd, "g", t.fd(), "g"), errno::SUCCESS);
    assert_eq!(fs::read(t.path("g")).unwrap(), b"world!");
    assert_eq!(rename(sub.fd, "../f", t.fd(), "x"), errno::NOTCAPABLE);
}

#[test]
fn rename_of_dot_names() {
    let t = Tree::new();
    assert_eq!(rename(t.fd(), ".", t.fd(), "x"), errno::BUSY);
    assert_eq!(rename(t.fd(), "sub/..", t.fd(), "x"), errno::BUSY);
    assert_eq!(rename(t.fd(), "..", t.fd(), "x"), errno::NOTCAPABLE);
    assert_eq!(rename(t.fd(), "f", t.fd(), ".."), errno::NOTCAPABLE);
    assert!(t.path("f").exists());
}

#[test]
fn rename_across_file_systems_is_xdev() {
    let t = Tree::new();
    let shm = PathBuf::from(format!("/dev/shm/cloudlibc-file-{}-xdev", std::process::id()));
    if fs::create_dir(&shm).is_err() {
        return;
    }
    let other = register(fs::File::open(&shm).unwrap(), max::DIRECTORY, max::ALL_FILE);
    let same_fs = fs::metadata(&shm).unwrap().dev() == fs::metadata(&t.root).unwrap().dev();
    let r = rename(t.fd(), "f", other.fd, "f");
    drop(other);
    let _ = fs::remove_dir_all(&shm);
    if !same_fs {
        assert_eq!(r, errno::XDEV);
        assert!(t.path("f").exists());
    }
}

#[test]
fn rename_needs_registered_fds_and_the_rights() {
    let t = Tree::new();
    let (_keep, bad) = unregistered();
    assert_eq!(rename(bad, "f", t.fd(), "x"), errno::BADF);
    assert_eq!(rename(t.fd(), "f", bad, "x"), errno::BADF);
    let no_source = t.without(rights::FILE_RENAME_SOURCE);
    let no_target = t.without(rights::FILE_RENAME_TARGET);
    assert_eq!(rename(no_source.fd, "f", t.fd(), "x"), errno::NOTCAPABLE);
    assert_eq!(rename(t.fd(), "f", no_target.fd, "x"), errno::NOTCAPABLE);
    // Each side needs only its own right.
    assert_eq!(rename(no_target.fd, "f", no_source.fd, "x"), errno::SUCCESS);
    assert!(t.path("x").exists());
}

#[test]
fn rename_is_confined() {
    let t = Tree::new();
    assert_confined(&t, |d, p| rename(d, p, d, "x"));
    assert_confined(&t, |d, p| rename(d, "f", d, p));
    assert!(t.path("f").exists());
}

// file_link

#[test]
fn link_makes_a_hard_link() {
    let t = Tree::new();
    assert_eq!(link(t.fd(), "f", false, t.fd(), "sub/f2"), errno::SUCCESS);
    let a = stat(t.fd(), "f", false).unwrap();
    let b = stat(t.fd(), "sub/f2", false).unwrap();
    assert_eq!((a.st_ino, a.st_nlink), (b.st_ino, 2));
    assert_eq!(link(t.fd(), "f", false, t.fd(), "sub/f2"), errno::EXIST);
    assert_eq!(link(t.fd(), "sub", false, t.fd(), "s2"), errno::PERM);
    assert_eq!(link(t.fd(), "sub/", false, t.fd(), "s2"), errno::PERM);
    assert_eq!(link(t.fd(), "f/", false, t.fd(), "s2"), errno::NOTDIR);
    assert_eq!(link(t.fd(), "nonexistent", true, t.fd(), "s2"), errno::NOENT);
}

#[test]
fn link_follows_only_when_asked() {
    let t = Tree::new();
    assert_eq!(link(t.fd(), "rel", false, t.fd(), "l1"), errno::SUCCESS);
    assert_eq!(fs::read_link(t.path("l1")).unwrap(), PathBuf::from("sub/g"));
    assert_eq!(link(t.fd(), "rel", true, t.fd(), "l2"), errno::SUCCESS);
    let m = fs::symlink_metadata(t.path("l2")).unwrap();
    assert!(m.is_file());
    assert_eq!(m.ino(), fs::metadata(t.path("sub/g")).unwrap().ino());
    // A chain of links, resolved from each link's own directory.
    symlink("../rel", t.path("sub/chain")).unwrap();
    assert_eq!(link(t.fd(), "sub/chain", true, t.fd(), "l3"), errno::SUCCESS);
    assert_eq!(fs::symlink_metadata(t.path("l3")).unwrap().ino(), m.ino());
    assert_eq!(link(t.fd(), "back", true, t.fd(), "l4"), errno::PERM);
}

#[test]
fn link_needs_registered_fds_and_the_rights() {
    let t = Tree::new();
    let (_keep, bad) = unregistered();
    assert_eq!(link(bad, "f", false, t.fd(), "x"), errno::BADF);
    assert_eq!(link(t.fd(), "f", false, bad, "x"), errno::BADF);
    let no_source = t.without(rights::FILE_LINK_SOURCE);
    let no_target = t.without(rights::FILE_LINK_TARGET);
    assert_eq!(link(no_source.fd, "f", false, t.fd(), "x"), errno::NOTCAPABLE);
    assert_eq!(link(t.fd(), "f", false, no_target.fd, "x"), errno::NOTCAPABLE);
    assert_eq!(link(no_target.fd, "f", false, no_source.fd, "x"), errno::SUCCESS);
}

#[test]
fn link_is_confined() {
    let t = Tree::new();
    assert_confined(&t, |d, p| link(d, p, false, d, "x"));
    assert_final_links_confined(&t, |d, p| link(d, p, true, d, "x"));
    assert_confined(&t, |d, p| link(d, "f", false, d, p));
    assert!(!t.path("x").exists());
}

// file_symlink

#[test]
fn symlink_creates_a_link() {
    let t = Tree::new();
    assert_eq!(make_symlink("f", t.fd(), "sub/l"), errno::SUCCESS);
    assert_eq!(fs::read_link(t.path("sub/l")).unwrap(), PathBuf::from("f"));
    assert_eq!(make_symlink("x", t.fd(), "sub/l"), errno::EXIST);
    assert_eq!(make_symlink("x", t.fd(), "nonexistent/l"), errno::NOENT);
}

#[test]
fn symlink_contents_are_free_but_following_is_confined() {
    let t = Tree::new();
    assert_eq!(make_symlink("/etc/passwd", t.fd(), "abs"), errno::SUCCESS);
    assert_eq!(make_symlink("../../x", t.fd(), "out"), errno::SUCCESS);
    assert_eq!(fs::read_link(t.path("abs")).unwrap(), PathBuf::from("/etc/passwd"));
    assert_eq!(stat(t.fd(), "abs", true).err(), Some(errno::NOTCAPABLE));
    assert_eq!(stat(t.fd(), "out", true).err(), Some(errno::NOTCAPABLE));
    assert_eq!(make_symlink("", t.fd(), "empty-link"), errno::NOENT);
    assert_eq!(make_symlink(b"a\0b", t.fd(), "nul-link"), errno::INVAL);
    assert_eq!(make_symlink(vec![b'a'; 4096], t.fd(), "long-link"), errno::NAMETOOLONG);
}

#[test]
fn symlink_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_dir_guarded(&t, rights::FILE_SYMLINK, |d| make_symlink("f", d, "l"));
    assert!(fs::symlink_metadata(t.path("l")).is_err());
}

#[test]
fn symlink_is_confined() {
    let t = Tree::new();
    assert_confined(&t, |d, p| make_symlink("f", d, p));
}

// file_readlink

#[test]
fn readlink_reads_the_contents() {
    let t = Tree::new();
    assert_eq!(readlink(t.fd(), "esc", 64).unwrap(), b"/etc");
    assert_eq!(readlink(t.fd(), "up", 64).unwrap(), b"../..");
    assert_eq!(readlink(t.fd(), "sub/../rel", 64).unwrap(), b"sub/g");
}

#[test]
fn readlink_truncates_to_the_buffer() {
    let t = Tree::new();
    assert_eq!(readlink(t.fd(), "rel", 3).unwrap(), b"sub");
    assert_eq!(readlink(t.fd(), "rel", 0).unwrap(), b"");
    assert_eq!(readlink(t.fd(), "f", 0).err(), Some(errno::INVAL));
}

#[test]
fn readlink_of_other_files() {
    let t = Tree::new();
    assert_eq!(readlink_err(t.fd(), "f"), errno::INVAL);
    assert_eq!(readlink_err(t.fd(), "sub"), errno::INVAL);
    assert_eq!(readlink_err(t.fd(), "."), errno::INVAL);
    assert_eq!(readlink_err(t.fd(), "nonexistent"), errno::NOENT);
    assert_eq!(readlink_err(t.fd(), "rel/"), errno::NOTDIR);
    assert_eq!(readlink_err(t.fd(), "back/"), errno::INVAL);
}

#[test]
fn readlink_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_dir_guarded(&t, rights::FILE_READLINK, |d| readlink_err(d, "esc"));
}

#[test]
fn readlink_is_confined() {
    let t = Tree::new();
    assert_confined(&t, readlink_err);
    assert_eq!(readlink_err(t.fd(), "esc/"), errno::NOTCAPABLE);
}

// file_readdir

#[test]
fn readdir_lists_every_entry() {
    let t = Tree::new();
    let ents = read_dir(t.fd(), 4096);
    let expected = [".", "..", "back", "empty", "esc", "f", "loop1", "loop2", "magic", "rel", "sub", "up"];
    assert_eq!(names(&ents), expected);
    let by_name = |n: &str| ents.iter().find(|e| e.name == n).unwrap().clone();
    assert_eq!(by_name("f").t, filetype::REGULAR_FILE as u8);
    assert_eq!(by_name("f").ino, fs::metadata(t.path("f")).unwrap().ino());
    assert_eq!(by_name("sub").t, filetype::DIRECTORY as u8);
    assert_eq!(by_name("esc").t, filetype::SYMBOLIC_LINK as u8);
    assert_eq!(by_name(".").ino, fs::metadata(&t.root).unwrap().ino());
}

#[test]
fn readdir_resumes_at_cookies_across_small_buffers() {
    let t = Tree::new();
    for i in 0..60 {
        fs::write(t.path(&format!("sub/file-with-a-longer-name-{i}")), "").unwrap();
    }
    let sub = register(fs::File::open(t.path("sub")).unwrap(), max::DIRECTORY, 0);
    let whole = read_dir(sub.fd, 65536);
    assert_eq!(whole.len(), 63);
    for size in [64, 100, 333] {
        let pieces = read_dir(sub.fd, size);
        assert_eq!(pieces, whole, "buffer of {size} bytes");
    }
}

#[test]
fn readdir_cookie_of_an_entry_starts_after_it() {
    let t = Tree::new();
    let whole = read_dir(t.fd(), 4096);
    let mut buf = vec![0u8; 4096];
    let n = readdir(t.fd(), &mut buf, whole[2].next).unwrap();
    assert_eq!(parse_dirents(&buf[..n]), whole[3..]);
    let n = readdir(t.fd(), &mut buf, whole.last().unwrap().next).unwrap();
    assert_eq!(n, 0);
    let n = readdir(t.fd(), &mut buf, cloudabi::DIRCOOKIE_START.0).unwrap();
    assert_eq!(parse_dirents(&buf[..n]), whole);
}

#[test]
fn readdir_cuts_the_last_entry_short() {
    let t = Tree::new();
    let whole = read_dir(t.fd(), 4096);
    let first = &whole[0];
    let mut buf = vec![0u8; 30];
    assert_eq!(readdir(t.fd(), &mut buf, 0).unwrap(), 30);
    assert_eq!(u64::from_ne_bytes(buf[0..8].try_into().unwrap()), first.next);
    assert_eq!(u32::from_ne_bytes(buf[16..20].try_into().unwrap()) as usize, first.name.len());
    let shown = (30 - 24).min(first.name.len());
    assert_eq!(&buf[24..24 + shown], &first.name.as_bytes()[..shown]);
    let mut tiny = vec![0u8; 10];
    assert_eq!(readdir(t.fd(), &mut tiny, 0).unwrap(), 10);
    assert_eq!(tiny[..8], first.next.to_ne_bytes());
    assert_eq!(readdir(t.fd(), &mut [], 0).unwrap(), 0);
}

#[test]
fn readdir_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    let call = |d| readdir(d, &mut [0u8; 256], 0).err().unwrap_or(errno::SUCCESS);
    assert_dir_guarded(&t, rights::FILE_READDIR, call);
    // A regular file cannot hold the right at all.
    let f = t.file("f", max::ALL_FILE);
    assert_eq!(call(f.fd), errno::NOTCAPABLE);
}

#[test]
fn readdir_on_a_directory_opened_beneath() {
    let t = Tree::new();
    let base = rights::FILE_READDIR.bits();
    let d = open_with(t.fd(), "sub", oflags::DIRECTORY, fdflags::empty(), base, 0, true).unwrap();
    assert_eq!(names(&read_dir(d.0, 256)), [".", "..", "g"]);
}

// file_advise and file_allocate

fn advise(f: fd, offset: u64, len: u64, a: advice) -> errno {
    // SAFETY: plain values.
    unsafe { cloudabi_sys_file_advise(f, offset, len, a) }
}

fn allocate(f: fd, offset: u64, len: u64) -> errno {
    // SAFETY: plain values.
    unsafe { cloudabi_sys_file_allocate(f, offset, len) }
}

#[test]
fn advise_accepts_every_advice() {
    let t = Tree::new();
    let f = t.file("f", rights::FILE_ADVISE.bits());
    for a in [advice::NORMAL, advice::RANDOM, advice::SEQUENTIAL, advice::WILLNEED, advice::DONTNEED, advice::NOREUSE] {
        assert_eq!(advise(f.fd, 0, 5, a), errno::SUCCESS, "{a:?}");
    }
    // A length of 0 means "to the end of the file".
    assert_eq!(advise(f.fd, 0, 0, advice::WILLNEED), errno::SUCCESS);
}

#[test]
fn advise_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_file_guarded(&t, rights::FILE_ADVISE, |f| advise(f, 0, 0, advice::NORMAL));
}

#[test]
fn allocate_extends_the_file() {
    let t = Tree::new();
    let f = t.file("f", rights::FILE_ALLOCATE.bits());
    assert_eq!(allocate(f.fd, 0, 100), errno::SUCCESS);
    assert_eq!(fs::metadata(t.path("f")).unwrap().len(), 100);
    assert_eq!(fs::read(t.path("f")).unwrap()[..5], *b"hello");
    assert_eq!(allocate(f.fd, 10, 10), errno::SUCCESS);
    assert_eq!(fs::metadata(t.path("f")).unwrap().len(), 100);
    assert_eq!(allocate(f.fd, 0, 0), errno::INVAL);
}

#[test]
fn allocate_needs_a_registered_fd_and_the_right() {
    let t = Tree::new();
    assert_file_guarded(&t, rights::FILE_ALLOCATE, |f| allocate(f, 0, 10));
    assert_eq!(fs::metadata(t.path("f")).unwrap().len(), 5);
}

#[test]
fn stat_of_a_deep_tree_through_its_own_subdirectory() {
    let t = Tree::new();
    let sub = register(fs::File::open(t.path("sub")).unwrap(), max::DIRECTORY, max::ALL_FILE);
    assert_eq!(stat_err(sub.fd, "g"), errno::SUCCESS);
    assert_eq!(stat_err(sub.fd, "../f"), errno::NOTCAPABLE);
    assert_eq!(stat_err(sub.fd, ".."), errno::NOTCAPABLE);
    assert_eq!(stat_err(sub.fd, "."), errno::SUCCESS);
}
