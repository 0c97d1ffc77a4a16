//! System information and process state that cloudlibc removed (compat):
//! uv_os_homedir, uv_os_tmpdir, uv_os_gethostname, uv_os_getpid,
//! uv_os_getppid, uv_os_setenv, uv_os_unsetenv, uv_os_get_passwd,
//! uv_os_free_passwd, uv_cwd, uv_chdir,
//! uv_exepath, uv_cpu_info, uv_free_cpu_info, uv_loadavg, uv_uptime,
//! uv_get_total_memory, uv_resident_set_memory, uv_setup_args,
//! uv_get_process_title, uv_set_process_title, uv_interface_addresses,
//! uv_free_interface_addresses.
//!
//! A sandboxed program learns about its host only what it was given, so
//! these answer from the libc's own view (the environment, the current
//! directory inside the grants, the fixed pid 1 and host name
//! "localhost") or say what cannot be known: no executable path, uptime
//! or memory figures (`UV_ENOSYS`, 0 for the total memory, zero load),
//! processors counted but not described, and no network interfaces.

use super::alloc;
use super::errors::{check, UV_EINVAL, UV_ENOBUFS, UV_ENOMEM, UV_ENOSYS};
use super::misc::copy_out;
use crate::abi::{c_char, c_int, c_long, size_t};
use crate::compat::grants::{self, PATH_MAX};
use crate::cptr;
use crate::header::stdlib::env::getenv;
use crate::sync::SpinLock;
use core::ptr::null_mut;

/// Checks libuv's (buffer, size) arguments.
///
/// # Safety
/// `size` is null or readable.
unsafe fn bad_buffer(buf: *mut c_char, size: *const size_t) -> bool {
    // SAFETY: the caller's contract.
    buf.is_null() || size.is_null() || unsafe { *size } == 0
}

/// The value of an environment variable, if set and not empty.
fn env(name: &[u8]) -> Option<&'static [u8]> {
    // SAFETY: `name` is NUL-terminated; getenv returns a C string or null.
    let v = unsafe { getenv(name.as_ptr().cast()) };
    // SAFETY: a non-null result is a C string that lives in the environment.
    (!v.is_null()).then(|| unsafe { cptr::cstr(v) }).filter(|v| !v.is_empty())
}

/// libuv `uv_os_homedir` (compat): `HOME`, else "/".
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_os_homedir(buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: `buf` has `*size` bytes (libuv contract).
    unsafe {
        if bad_buffer(buf, size) {
            return UV_EINVAL;
        }
        copy_out(env(b"HOME\0").unwrap_or(b"/"), buf, size)
    }
}

/// libuv `uv_os_tmpdir` (compat): `TMPDIR`, `TMP`, `TEMP` or `TEMPDIR`,
/// else "/tmp"; without a trailing slash.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_os_tmpdir(buf: *mut c_char, size: *mut size_t) -> c_int {
    let dir = [&b"TMPDIR\0"[..], b"TMP\0", b"TEMP\0", b"TEMPDIR\0"].iter().find_map(|n| env(n)).unwrap_or(b"/tmp");
    let dir = if dir.len() > 1 { dir.strip_suffix(b"/").unwrap_or(dir) } else { dir };
    // SAFETY: `buf` has `*size` bytes (libuv contract).
    unsafe {
        if bad_buffer(buf, size) {
            return UV_EINVAL;
        }
        copy_out(dir, buf, size)
    }
}

/// libuv `uv_os_gethostname` (compat): "localhost", as gethostname() says.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_os_gethostname(buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: `buf` has `*size` bytes (libuv contract).
    unsafe {
        if bad_buffer(buf, size) {
            return UV_EINVAL;
        }
        copy_out(b"localhost", buf, size)
    }
}

/// libuv `uv_os_getpid` (compat): getpid(), which is 1.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_os_getpid() -> c_int {
    crate::header::unistd::getpid()
}

/// libuv `uv_os_getppid` (compat): getppid().
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_os_getppid() -> c_int {
    crate::header::unistd::getppid()
}

/// libuv `uv_os_setenv` (compat): setenv() with overwrite.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_os_setenv(name: *const c_char, value: *const c_char) -> c_int {
    if name.is_null() || value.is_null() {
        return UV_EINVAL;
    }
    // SAFETY: both are C strings (libuv contract).
    check(unsafe { crate::header::stdlib::env::setenv(name, value, 1) } as isize) as c_int
}

/// libuv `uv_os_unsetenv` (compat).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_os_unsetenv(name: *const c_char) -> c_int {
    if name.is_null() {
        return UV_EINVAL;
    }
    // SAFETY: `name` is a C string (libuv contract).
    check(unsafe { crate::header::stdlib::env::unsetenv(name) } as isize) as c_int
}

/// libuv `uv_cwd` (compat): the current directory (an absolute name
/// inside the grants), without a trailing slash.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_cwd(buf: *mut c_char, size: *mut size_t) -> c_int {
    let mut path = [0u8; PATH_MAX];
    let n = grants::cwd(&mut path);
    let cwd = if n > 1 && path[n - 1] == b'/' { &path[..n - 1] } else { &path[..n] };
    // SAFETY: `buf` has `*size` bytes (libuv contract).
    unsafe {
        if bad_buffer(buf, size) {
            return UV_EINVAL;
        }
        copy_out(cwd, buf, size)
    }
}

/// libuv `uv_chdir` (compat): chdir(), which moves only inside the grants.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_chdir(dir: *const c_char) -> c_int {
    // SAFETY: `dir` is a C string (libuv contract).
    check(unsafe { crate::header::unistd::chdir(dir) } as isize) as c_int
}

/// libuv `uv_exepath` (compat): a program is started from a descriptor,
/// not a path, and cannot know where its file lies: `UV_ENOSYS`.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_exepath(buf: *mut c_char, size: *mut size_t) -> c_int {
    // SAFETY: `size` is null or readable (libuv contract).
    if unsafe { bad_buffer(buf, size) } {
        return UV_EINVAL;
    }
    UV_ENOSYS
}

/// libuv `uv_cpu_times_s`.
#[repr(C)]
pub struct uv_cpu_times_s {
    pub user: u64,
    pub nice: u64,
    pub sys: u64,
    pub idle: u64,
    pub irq: u64,
}

/// libuv `uv_cpu_info_t`.
#[repr(C)]
pub struct uv_cpu_info_t {
    pub model: *mut c_char,
    pub speed: c_int,
    pub cpu_times: uv_cpu_times_s,
}

/// libuv `uv_cpu_info` (compat): one entry per processor the process may
/// use; the model is "unknown" and the speed and times are 0, since
/// nothing here reports them. Free with uv_free_cpu_info.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_cpu_info(out: *mut *mut uv_cpu_info_t, count: *mut c_int) -> c_int {
    let n = crate::start::boot().ncpus.max(1);
    let infos = alloc::alloc_zeroed(n, core::mem::size_of::<uv_cpu_info_t>()).cast::<uv_cpu_info_t>();
    if infos.is_null() {
        return UV_ENOMEM;
    }
    for i in 0..n {
        let model = alloc::copy_str(b"unknown");
        // SAFETY: `infos` has `n` zeroed entries; entries before `i` are
        // complete.
        unsafe {
            if model.is_null() {
                uv_free_cpu_info(infos, i as c_int);
                return UV_ENOMEM;
            }
            (*infos.add(i)).model = model;
        }
    }
    // SAFETY: both outputs are writable (libuv contract).
    unsafe {
        *out = infos;
        *count = n as c_int;
    }
    0
}

/// libuv `uv_free_cpu_info` (compat).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_free_cpu_info(infos: *mut uv_cpu_info_t, count: c_int) {
    if infos.is_null() {
        return;
    }
    // SAFETY: `infos` came from uv_cpu_info with `count` entries.
    unsafe {
        for i in 0..count.max(0) as usize {
            alloc::release((*infos.add(i)).model);
        }
        alloc::release(infos);
    }
}

/// libuv `uv_loadavg` (compat): no load figures are visible: zeros (what
/// libuv reports where the system has none).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_loadavg(avg: *mut f64) {
    // SAFETY: `avg` has room for three values (libuv contract).
    unsafe { core::ptr::write_bytes(avg, 0, 3) }
}

/// libuv `uv_uptime` (compat): the host's uptime is not visible: `UV_ENOSYS`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_uptime(_uptime: *mut f64) -> c_int {
    UV_ENOSYS
}

/// libuv `uv_get_total_memory` (compat): unknown, so 0 (libuv's answer
/// when it cannot tell).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_get_total_memory() -> u64 {
    0
}

/// libuv `uv_resident_set_memory` (compat): not measurable here: `UV_ENOSYS`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn uv_resident_set_memory(_rss: *mut size_t) -> c_int {
    UV_ENOSYS
}

/// The process title: a uv-allocated string, or none yet.
struct Title(*mut c_char);

// SAFETY: the pointer is only reached through the lock.
unsafe impl Send for Title {}

static TITLE: SpinLock<Title> = SpinLock::new(Title(null_mut()));

/// Replaces the stored title with a copy of `s`.
fn store_title(s: &[u8]) -> c_int {
    let copy = alloc::copy_str(s);
    if copy.is_null() {
        return UV_ENOMEM;
    }
    let old = core::mem::replace(&mut TITLE.lock().0, copy);
    // SAFETY: the old title came from the uv allocator.
    unsafe { alloc::release(old) };
    0
}

/// libuv `uv_setup_args` (compat): returns `argv` unchanged and takes
/// `argv[0]` as the initial process title.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_setup_args(argc: c_int, argv: *mut *mut c_char) -> *mut *mut c_char {
    // SAFETY: `argv` holds `argc` C strings (libuv contract).
    unsafe {
        if argc > 0 && !argv.is_null() && !(*argv).is_null() {
            store_title(cptr::cstr(*argv));
        }
    }
    argv
}

/// libuv `uv_set_process_title` (compat): stored, and reported by
/// uv_get_process_title; nothing outside the process sees it.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_set_process_title(title: *const c_char) -> c_int {
    if title.is_null() {
        return UV_EINVAL;
    }
    // SAFETY: `title` is a C string (libuv contract).
    store_title(unsafe { cptr::cstr(title) })
}

/// libuv `uv_get_process_title` (compat): the stored title ("" before
/// any); `UV_ENOBUFS` if it does not fit with its NUL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_get_process_title(buf: *mut c_char, size: size_t) -> c_int {
    if buf.is_null() || size == 0 {
        return UV_EINVAL;
    }
    let t = TITLE.lock();
    // SAFETY: the title is a C string; `buf` has `size` bytes (libuv contract).
    unsafe {
        let title = if t.0.is_null() { &b""[..] } else { cptr::cstr(t.0) };
        if title.len() >= size {
            return UV_ENOBUFS;
        }
        core::ptr::copy_nonoverlapping(title.as_ptr(), buf.cast(), title.len());
        *buf.add(title.len()) = 0;
    }
    0
}

/// libuv `uv_passwd_t`.
#[repr(C)]
pub struct uv_passwd_t {
    pub username: *mut c_char,
    pub uid: c_long,
    pub gid: c_long,
    pub shell: *mut c_char,
    pub homedir: *mut c_char,
}

/// libuv `uv_os_get_passwd` (compat): the effective user's entry from
/// getpwuid() (user "nobody", 65534; see `<pwd.h>`), in one allocation
/// that uv_os_free_passwd frees.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_os_get_passwd(out: *mut uv_passwd_t) -> c_int {
    if out.is_null() {
        return UV_EINVAL;
    }
    let pw = crate::header::pwd::getpwuid(crate::header::unistd::geteuid());
    if pw.is_null() {
        return match super::errors::last_error() {
            0 => super::errors::UV_ENOENT,
            e => e,
        };
    }
    // SAFETY: getpwuid returned an entry whose strings are C strings.
    unsafe {
        let fields = [cptr::cstr((*pw).pw_name), cptr::cstr((*pw).pw_shell), cptr::cstr((*pw).pw_dir)];
        let block = alloc::alloc(fields.iter().map(|f| f.len() + 1).sum());
        if block.is_null() {
            return UV_ENOMEM;
        }
        let mut at = block;
        let mut starts = [null_mut::<c_char>(); 3];
        for (start, f) in starts.iter_mut().zip(fields) {
            core::ptr::copy_nonoverlapping(f.as_ptr(), at, f.len());
            *at.add(f.len()) = 0;
            *start = at.cast();
            at = at.add(f.len() + 1);
        }
        out.write(uv_passwd_t {
            username: starts[0],
            uid: c_long::from((*pw).pw_uid),
            gid: c_long::from((*pw).pw_gid),
            shell: starts[1],
            homedir: starts[2],
        });
    }
    0
}

/// libuv `uv_os_free_passwd` (compat).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_os_free_passwd(pwd: *mut uv_passwd_t) {
    if pwd.is_null() {
        return;
    }
    // SAFETY: `pwd` was filled by uv_os_get_passwd, whose strings share
    // the allocation that starts with the user name.
    unsafe {
        alloc::release((*pwd).username);
        (*pwd).username = null_mut();
        (*pwd).shell = null_mut();
        (*pwd).homedir = null_mut();
    }
}

/// libuv `uv_interface_address_t`.
#[repr(C)]
pub struct uv_interface_address_t {
    pub name: *mut c_char,
    pub phys_addr: [c_char; 6],
    pub is_internal: c_int,
    /// `struct sockaddr_in` or `struct sockaddr_in6`.
    pub address: Sockaddr32,
    pub netmask: Sockaddr32,
}

/// Room for an IPv4 or IPv6 socket address, aligned as they are.
#[repr(C, align(16))]
pub struct Sockaddr32(pub [u8; 32]);

/// libuv `uv_interface_addresses` (compat): no network interface is
/// visible from the sandbox: an empty list.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_interface_addresses(out: *mut *mut uv_interface_address_t, count: *mut c_int) -> c_int {
    // SAFETY: both are writable (libuv contract).
    unsafe {
        *out = null_mut();
        *count = 0;
    }
    0
}

/// libuv `uv_free_interface_addresses` (compat).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn uv_free_interface_addresses(addrs: *mut uv_interface_address_t, count: c_int) {
    if addrs.is_null() {
        return;
    }
    // SAFETY: `addrs` came from uv_interface_addresses with `count`
    // entries, each name from the uv allocator.
    unsafe {
        for i in 0..count.max(0) as usize {
            alloc::release((*addrs.add(i)).name);
        }
        alloc::release(addrs);
    }
}
