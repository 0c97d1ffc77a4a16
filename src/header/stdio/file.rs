//! `FILE`: the stream object, its buffer, and the buffered primitives every
//! stdio function is built from (read, write, flush, seek, tell, close).
//!
//! A stream is either reading (the buffer holds bytes read ahead of the
//! logical position, `buf[rpos..rend]`), writing (the buffer holds `wpos`
//! bytes not yet sent) or neither. Switching direction is always safe here,
//! even where C11 asks for an intervening `fseek` or `fflush`: pending
//! output is flushed before reading, and read-ahead is discarded (moving the
//! descriptor back to the logical position) before writing. Pushed-back
//! bytes (`ungetc`) go into the read buffer when there is room before
//! `rpos`, else into a small array read before the buffer.
//!
//! Every stream other than the three standard ones lives on a list, so
//! `fflush(NULL)` and `exit` can flush all of them.

use super::lock::RecLock;
use super::memstream::{DynFile, MemFile};
use crate::abi::c_int;
use crate::errno::{set_errno, Errno};
use crate::header::stdlib::malloc::{free, malloc};
use crate::sync::SpinLock;
use crate::sys;
use cloudabi::{errno, filetype, whence};
use core::ptr;

/// cloudlibc's `BUFSIZ`: the default buffer size.
pub const BUFSIZ: usize = 4096;
/// How many bytes `ungetc` can push back beyond what the buffer holds.
const UNGET: usize = 16;

// Stream flags.
pub const CAN_READ: u32 = 1;
pub const CAN_WRITE: u32 = 2;
pub const APPEND: u32 = 4;
pub const EOF_SEEN: u32 = 8;
pub const ERROR: u32 = 16;
pub const READING: u32 = 32;
pub const WRITING: u32 = 64;

/// Buffering, as `setvbuf` names it; `Unset` until the first I/O decides.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Mode {
    Unset,
    Full,
    Line,
    Unbuffered,
}

/// Where the bytes go.
pub enum Backend {
    Fd(sys::fd),
    /// `fmemopen`: a fixed caller buffer.
    Mem(MemFile),
    /// `open_memstream`: a growing buffer published through caller pointers.
    Dyn(DynFile),
    Closed,
}

impl Backend {
    /// Reads into `a`, then `b`, in one call where the backend allows.
    fn read2(&mut self, a: &mut [u8], b: &mut [u8]) -> Result<usize, Errno> {
        match self {
            Backend::Fd(f) => {
                if b.is_empty() {
                    return sys::fd_read(*f, a);
                }
                if a.is_empty() {
                    return sys::fd_read(*f, b);
                }
                let iovs = [
                    cloudabi::iovec { buf: (a.as_mut_ptr().cast(), a.len()) },
                    cloudabi::iovec { buf: (b.as_mut_ptr().cast(), b.len()) },
                ];
                sys::fd_readv(*f, &iovs)
            }
            Backend::Mem(m) => {
                let n = m.read(a);
                Ok(if n == a.len() { n + m.read(b) } else { n })
            }
            Backend::Dyn(d) => {
                let n = d.read(a);
                Ok(if n == a.len() { n + d.read(b) } else { n })
            }
            Backend::Closed => Err(errno::BADF),
        }
    }

    /// Writes `a`, then `b`, in one call where the backend allows.
    fn write2(&mut self, a: &[u8], b: &[u8]) -> Result<usize, Errno> {
        match self {
            Backend::Fd(f) => {
                if b.is_empty() {
                    return sys::fd_write(*f, a);
                }
                if a.is_empty() {
                    return sys::fd_write(*f, b);
                }
                let iovs = [
                    cloudabi::ciovec { buf: (a.as_ptr().cast(), a.len()) },
                    cloudabi::ciovec { buf: (b.as_ptr().cast(), b.len()) },
                ];
                sys::fd_writev(*f, &iovs)
            }
            Backend::Mem(m) => {
                let n = m.write(a)?;
                Ok(if n == a.len() { n + m.write(b)? } else { n })
            }
            Backend::Dyn(d) => {
                d.write(a)?;
                d.write(b)?;
                Ok(a.len() + b.len())
            }
            Backend::Closed => Err(errno::BADF),
        }
    }

    fn seek(&mut self, off: i64, w: whence) -> Result<u64, Errno> {
        match self {
            Backend::Fd(f) => crate::header::unistd::seek(*f, off, w),
            Backend::Mem(m) => m.seek(off, w),
            Backend::Dyn(d) => d.seek(off, w),
            Backend::Closed => Err(errno::BADF),
        }
    }

    fn close(&mut self) -> Result<(), Errno> {
        let r = match self {
            Backend::Fd(f) => sys::fd_close(*f),
            Backend::Mem(m) => {
                m.close();
                Ok(())
            }
            Backend::Dyn(d) => d.close(),
            Backend::Closed => Ok(()),
        };
        *self = Backend::Closed;
        r
    }

    /// Makes everything written so far visible (`open_memstream`'s pointers).
    fn publish(&mut self) -> Result<(), Errno> {
        match self {
            Backend::Dyn(d) => d.publish(),
            _ => Ok(()),
        }
    }
}

/// Everything about a stream except its identity (lock, list links), so
/// that `fswap` can exchange two streams' contents.
pub struct Stream {
    pub flags: u32,
    pub mode: Mode,
    pub backend: Backend,
    buf: *mut u8,
    cap: usize,
    owns_buf: bool,
    rpos: usize,
    rend: usize,
    wpos: usize,
    /// Pushed-back bytes, read from `unget[UNGET - nunget..]`.
    unget: [u8; UNGET],
    nunget: usize,
    /// `fwide`: 0 until the first I/O, then -1 (bytes) or 1 (wide).
    pub orientation: i8,
}

/// The C `FILE`. Opaque to C; `repr(C)` keeps the field order stable.
#[repr(C)]
pub struct FILE {
    pub lock: RecLock,
    pub s: Stream,
    next: *mut FILE,
    prev: *mut FILE,
}

impl Stream {
    pub const fn new(backend: Backend, flags: u32, mode: Mode) -> Stream {
        Stream {
            flags,
            mode,
            backend,
            buf: ptr::null_mut(),
            cap: 0,
            owns_buf: false,
            rpos: 0,
            rend: 0,
            wpos: 0,
            unget: [0; UNGET],
            nunget: 0,
            orientation: 0,
        }
    }

    /// Records an error: sets the stream's error flag and `errno`.
    fn fail(&mut self, e: Errno) {
        self.flags |= ERROR;
        set_errno(e);
    }

    /// The first I/O makes a stream byte-oriented unless the wide
    /// functions made it wide already.
    fn orient(&mut self) {
        if self.orientation == 0 {
            self.orientation = -1;
        }
    }

    /// Picks the buffering mode and allocates the buffer on first use.
    fn ready(&mut self) {
        if self.mode == Mode::Unset {
            self.mode = match self.backend {
                Backend::Fd(f) => match sys::fd_stat_get(f) {
                    Ok(st) if st.fs_filetype == filetype::CHARACTER_DEVICE => Mode::Line,
                    _ => Mode::Full,
                },
                _ => Mode::Full,
            };
        }
        if self.buf.is_null() && self.mode != Mode::Unbuffered {
            let p = malloc(BUFSIZ).cast::<u8>();
            if p.is_null() {
                self.mode = Mode::Unbuffered;
            } else {
                self.buf = p;
                self.cap = BUFSIZ;
                self.owns_buf = true;
            }
        }
        register_exit_flush();
    }

    /// Installs the mode and a buffer of `size` bytes (`setvbuf`): the
    /// caller's, or one allocated here when `buf` is null.
    pub fn set_buffer(&mut self, buf: *mut u8, mode: Mode, size: usize) -> Result<(), Errno> {
        self.release_buffer();
        self.flags &= !(READING | WRITING);
        self.rpos = 0;
        self.rend = 0;
        self.wpos = 0;
        self.mode = mode;
        if mode != Mode::Unbuffered && size > 0 {
            if buf.is_null() {
                let p = malloc(size).cast::<u8>();
                if p.is_null() {
                    return Err(errno::NOMEM);
                }
                self.buf = p;
                self.owns_buf = true;
            } else {
                self.buf = buf;
            }
            self.cap = size;
        }
        register_exit_flush();
        Ok(())
    }

    fn release_buffer(&mut self) {
        if self.owns_buf {
            // SAFETY: the buffer came from malloc in `ready` or `set_buffer`.
            unsafe { free(self.buf.cast()) };
        }
        self.buf = ptr::null_mut();
        self.cap = 0;
        self.owns_buf = false;
    }

    fn buffer(&mut self) -> &mut [u8] {
        // SAFETY: `buf` holds `cap` bytes owned by this stream (or null with
        // `cap == 0`).
        unsafe { crate::cptr::slice_mut(self.buf, self.cap) }
    }

    // ---- writing ----

    pub fn begin_write(&mut self) -> bool {
        if self.flags & WRITING != 0 {
            return true;
        }
        if self.flags & CAN_WRITE == 0 {
            self.fail(errno::BADF);
            return false;
        }
        if self.flags & READING != 0 && self.drop_read_ahead().is_err() {
            return false;
        }
        self.orient();
        self.ready();
        self.flags |= WRITING;
        self.wpos = 0;
        true
    }

    /// Writes `data` (buffered as the mode says); returns the bytes accepted,
    /// short only on error (flag and errno set).
    #[inline]
    pub fn write(&mut self, data: &[u8]) -> usize {
        if self.flags & WRITING != 0 && self.mode == Mode::Full && data.len() < self.cap - self.wpos {
            let w = self.wpos;
            self.buffer()[w..w + data.len()].copy_from_slice(data);
            self.wpos += data.len();
            return data.len();
        }
        self.write_slow(data, true)
    }

    /// As `write`, but a line-buffered stream is not flushed at a newline
    /// (printf flushes once at the end instead).
    pub fn write_no_line_flush(&mut self, data: &[u8]) -> usize {
        self.write_slow(data, false)
    }

    fn write_slow(&mut self, data: &[u8], line_flush: bool) -> usize {
        if !self.begin_write() {
            return 0;
        }
        let n = data.len();
        if self.mode != Mode::Unbuffered && self.wpos + n <= self.cap {
            let w = self.wpos;
            self.buffer()[w..w + n].copy_from_slice(data);
            self.wpos += n;
            if self.wpos == self.cap || (line_flush && self.mode == Mode::Line && data.contains(&b'\n')) {
                // The bytes were accepted; a failure shows in the error flag.
                let _ = self.flush_buffer();
            }
            return n;
        }
        match self.write_through(data) {
            Ok(()) => n,
            Err((done, _)) => done,
        }
    }

    /// Sends the pending bytes and `data` straight to the backend. On
    /// failure, returns how much of `data` went out; unsent pending bytes
    /// stay buffered.
    fn write_through(&mut self, data: &[u8]) -> Result<(), (usize, Errno)> {
        let mut done = 0;
        while self.wpos > 0 || done < data.len() {
            let (w, buf) = (self.wpos, self.buf);
            // SAFETY: `buf[..wpos]` holds the pending bytes.
            let pending = unsafe { crate::cptr::slice(buf, w) };
            match self.backend.write2(pending, &data[done..]) {
                Ok(0) => {
                    self.fail(errno::IO);
                    return Err((done, errno::IO));
                }
                Ok(k) => {
                    let from_pending = k.min(w);
                    self.consume_pending(from_pending);
                    done += k - from_pending;
                }
                Err(e) => {
                    self.fail(e);
                    return Err((done, e));
                }
            }
        }
        Ok(())
    }

    /// Drops `k` bytes from the front of the pending output.
    fn consume_pending(&mut self, k: usize) {
        if k == 0 {
            return;
        }
        let w = self.wpos;
        self.buffer().copy_within(k..w, 0);
        self.wpos = w - k;
    }

    /// Sends all pending output; on failure (flag and errno set) the unsent
    /// bytes stay buffered.
    pub fn flush_buffer(&mut self) -> Result<(), Errno> {
        if self.flags & WRITING == 0 {
            return Ok(());
        }
        self.write_through(&[]).map_err(|(_, e)| e)?;
        self.publish()
    }

    fn publish(&mut self) -> Result<(), Errno> {
        self.backend.publish().inspect_err(|&e| self.fail(e))
    }

    // ---- reading ----

    pub fn begin_read(&mut self) -> bool {
        if self.flags & READING != 0 {
            return true;
        }
        if self.flags & CAN_READ == 0 {
            self.fail(errno::BADF);
            return false;
        }
        if self.flags & WRITING != 0 {
            if self.flush_buffer().is_err() {
                return false;
            }
            self.flags &= !WRITING;
            self.wpos = 0;
        }
        self.orient();
        self.ready();
        self.flags |= READING;
        self.rpos = 0;
        self.rend = 0;
        true
    }

    /// The bytes readable without I/O: pushed-back bytes first, then the buffer.
    #[inline]
    pub fn available(&self) -> &[u8] {
        if self.nunget > 0 {
            &self.unget[UNGET - self.nunget..]
        } else if self.rpos < self.rend {
            // SAFETY: `buf[rpos..rend]` holds read-ahead bytes.
            unsafe { core::slice::from_raw_parts(self.buf.add(self.rpos), self.rend - self.rpos) }
        } else {
            &[]
        }
    }

    /// Marks `k` bytes of `available()` as read.
    #[inline]
    pub fn consume(&mut self, k: usize) {
        if self.nunget > 0 {
            self.nunget -= k;
        } else {
            self.rpos += k;
        }
    }

    /// Reads more input once `available()` is empty. False at end of file
    /// or on error (the matching flag is set); EOF is sticky, as in glibc.
    pub fn fill(&mut self) -> bool {
        if !self.begin_read() || self.flags & EOF_SEEN != 0 {
            return false;
        }
        self.before_device_read();
        // Unbuffered streams read one byte at a time, into the pushback area.
        let dst = if self.cap > 0 {
            // SAFETY: the buffer holds `cap` bytes.
            unsafe { crate::cptr::slice_mut(self.buf, self.cap) }
        } else {
            &mut self.unget[UNGET - 1..]
        };
        match self.backend.read2(dst, &mut []) {
            Ok(0) => {
                self.flags |= EOF_SEEN;
                false
            }
            Ok(n) => {
                if self.cap > 0 {
                    self.rpos = 0;
                    self.rend = n;
                } else {
                    self.nunget = 1;
                }
                true
            }
            Err(e) => {
                self.fail(e);
                false
            }
        }
    }

    /// C11 7.21.3: input from a line-buffered or unbuffered stream flushes
    /// line-buffered output first, so prompts appear before the program waits.
    fn before_device_read(&mut self) {
        if matches!(self.backend, Backend::Fd(_)) && matches!(self.mode, Mode::Line | Mode::Unbuffered) {
            flush_line_buffered();
        }
    }

    /// Writes one byte; returns it, or EOF on error.
    #[inline]
    pub fn putc(&mut self, c: u8) -> c_int {
        if self.flags & WRITING != 0
            && self.wpos + 1 < self.cap
            && (self.mode == Mode::Full || (self.mode == Mode::Line && c != b'\n'))
        {
            // SAFETY: wpos + 1 < cap.
            unsafe { *self.buf.add(self.wpos) = c };
            self.wpos += 1;
            return c_int::from(c);
        }
        if self.write_slow(&[c], true) == 1 {
            c_int::from(c)
        } else {
            super::EOF
        }
    }

    /// Reads one byte, or returns EOF.
    #[inline]
    pub fn getc(&mut self) -> c_int {
        if self.nunget == 0 && self.rpos < self.rend {
            // SAFETY: rpos < rend <= cap.
            let c = unsafe { *self.buf.add(self.rpos) };
            self.rpos += 1;
            return c_int::from(c);
        }
        self.getc_slow()
    }

    fn getc_slow(&mut self) -> c_int {
        if !self.begin_read() {
            return super::EOF;
        }
        if self.available().is_empty() && !self.fill() {
            return super::EOF;
        }
        let c = self.available()[0];
        self.consume(1);
        c_int::from(c)
    }

    /// Reads up to `dst.len()` bytes; short only at end of file or on error.
    pub fn read(&mut self, dst: &mut [u8]) -> usize {
        if !self.begin_read() {
            return 0;
        }
        let mut got = 0;
        while got < dst.len() {
            let avail = self.available();
            if !avail.is_empty() {
                let k = avail.len().min(dst.len() - got);
                dst[got..got + k].copy_from_slice(&avail[..k]);
                self.consume(k);
                got += k;
                continue;
            }
            if self.flags & EOF_SEEN != 0 {
                break;
            }
            self.before_device_read();
            // Read the rest of the request straight into `dst` and refill the
            // buffer with whatever follows, in one call.
            let cap = self.cap;
            // SAFETY: the buffer holds `cap` bytes and does not overlap `dst`.
            let b = unsafe { crate::cptr::slice_mut(self.buf, cap) };
            let want = dst.len() - got;
            match self.backend.read2(&mut dst[got..], b) {
                Ok(0) => self.flags |= EOF_SEEN,
                Ok(k) if k <= want => got += k,
                Ok(k) => {
                    got += want;
                    self.rpos = 0;
                    self.rend = k - want;
                }
                Err(e) => {
                    self.fail(e);
                    break;
                }
            }
        }
        got
    }

    /// Pushes `c` back; false when there is no room.
    pub fn ungetc(&mut self, c: u8) -> bool {
        if !self.begin_read() {
            return false;
        }
        if self.nunget == 0 && self.rpos > 0 {
            self.rpos -= 1;
            let r = self.rpos;
            self.buffer()[r] = c;
        } else if self.nunget < UNGET {
            self.nunget += 1;
            self.unget[UNGET - self.nunget] = c;
        } else {
            return false;
        }
        self.flags &= !EOF_SEEN;
        true
    }

    /// Bytes read ahead of the logical position.
    fn read_ahead(&self) -> usize {
        if self.flags & READING != 0 {
            self.rend - self.rpos + self.nunget
        } else {
            0
        }
    }

    /// Leaves reading mode, moving the backend back to the logical position.
    /// Where it cannot move (pipes), the read-ahead is dropped.
    fn drop_read_ahead(&mut self) -> Result<(), Errno> {
        let ahead = self.read_ahead();
        if ahead > 0 {
            match self.backend.seek(-(ahead as i64), whence::CUR) {
                Ok(_) | Err(errno::SPIPE) | Err(errno::NOTCAPABLE) => {}
                Err(e) => {
                    self.fail(e);
                    return Err(e);
                }
            }
        }
        self.flags &= !READING;
        self.rpos = 0;
        self.rend = 0;
        self.nunget = 0;
        Ok(())
    }

    /// `fflush` on one stream: sends pending output, or gives back read-ahead
    /// input to the descriptor (kept where the descriptor cannot seek).
    pub fn flush(&mut self) -> Result<(), Errno> {
        if self.flags & WRITING != 0 {
            return self.flush_buffer();
        }
        let ahead = self.read_ahead();
        if ahead > 0 {
            match self.backend.seek(-(ahead as i64), whence::CUR) {
                Ok(_) => {
                    self.rpos = 0;
                    self.rend = 0;
                    self.nunget = 0;
                }
                Err(errno::SPIPE) | Err(errno::NOTCAPABLE) => {}
                Err(e) => {
                    self.fail(e);
                    return Err(e);
                }
            }
        }
        self.publish()
    }

    // ---- positioning ----

    /// Moves the logical position; clears end-of-file and pushed-back bytes.
    pub fn seek(&mut self, off: i64, w: whence) -> Result<u64, Errno> {
        self.flush_buffer()?;
        let mut off = off;
        if w == whence::CUR {
            off = off.checked_sub(self.read_ahead() as i64).ok_or(errno::OVERFLOW)?;
        }
        let pos = self.backend.seek(off, w)?;
        self.flags &= !(EOF_SEEN | READING | WRITING);
        self.rpos = 0;
        self.rend = 0;
        self.wpos = 0;
        self.nunget = 0;
        Ok(pos)
    }

    /// The logical position.
    pub fn tell(&mut self) -> Result<u64, Errno> {
        if self.flags & APPEND != 0 {
            // Appended bytes land at the end, wherever that is now.
            self.flush_buffer()?;
        }
        let pos = self.backend.seek(0, whence::CUR)?;
        if self.flags & WRITING != 0 {
            return Ok(pos + self.wpos as u64);
        }
        pos.checked_sub(self.read_ahead() as u64).ok_or(errno::IO)
    }

    // ---- closing ----

    /// Flushes, closes the backend and frees the buffer.
    pub fn close(&mut self) -> Result<(), Errno> {
        let flushed = self.flush_buffer();
        let closed = self.backend.close();
        self.release_buffer();
        self.flags &= !(READING | WRITING);
        flushed.and(closed)
    }
}

// ---- the standard streams and the list of the others ----

const fn std_file(fd: u32, flags: u32, mode: Mode) -> FILE {
    FILE {
        lock: RecLock::new(),
        s: Stream::new(Backend::Fd(cloudabi::fd(fd)), flags, mode),
        next: ptr::null_mut(),
        prev: ptr::null_mut(),
    }
}

pub static mut STDIN: FILE = std_file(0, CAN_READ, Mode::Unset);
pub static mut STDOUT: FILE = std_file(1, CAN_WRITE, Mode::Unset);
pub static mut STDERR: FILE = std_file(2, CAN_WRITE, Mode::Unbuffered);

/// Compat: the standard input stream (descriptor 0).
#[allow(non_upper_case_globals)]
#[cfg_attr(not(test), no_mangle)]
pub static mut stdin: *mut FILE = ptr::addr_of_mut!(STDIN);
/// Compat: the standard output stream (descriptor 1).
#[allow(non_upper_case_globals)]
#[cfg_attr(not(test), no_mangle)]
pub static mut stdout: *mut FILE = ptr::addr_of_mut!(STDOUT);
/// C11 `stderr`: the standard error stream (descriptor 2), unbuffered.
#[allow(non_upper_case_globals)]
#[cfg_attr(not(test), no_mangle)]
pub static mut stderr: *mut FILE = ptr::addr_of_mut!(STDERR);

struct List(*mut FILE);
// SAFETY: the list is only walked or changed under its lock.
unsafe impl Send for List {}

static OPEN: SpinLock<List> = SpinLock::new(List(ptr::null_mut()));

fn std_streams() -> [*mut FILE; 3] {
    [ptr::addr_of_mut!(STDIN), ptr::addr_of_mut!(STDOUT), ptr::addr_of_mut!(STDERR)]
}

/// Allocates a stream on the heap and puts it on the open list.
pub fn new_file(s: Stream) -> Option<*mut FILE> {
    let f = malloc(core::mem::size_of::<FILE>()).cast::<FILE>();
    if f.is_null() {
        set_errno(errno::NOMEM);
        return None;
    }
    let mut list = OPEN.lock();
    // SAFETY: `f` is fresh memory of the right size and alignment (malloc
    // aligns to 16); the list is locked.
    unsafe {
        f.write(FILE { lock: RecLock::new(), s, next: list.0, prev: ptr::null_mut() });
        if !list.0.is_null() {
            (*list.0).prev = f;
        }
    }
    list.0 = f;
    Some(f)
}

/// Takes a closed stream off the list and frees it (the standard streams,
/// which are static, stay).
///
/// # Safety
/// `f` is a stream no other thread uses any more.
pub unsafe fn free_file(f: *mut FILE) {
    if std_streams().contains(&f) {
        return;
    }
    let mut list = OPEN.lock();
    // SAFETY: `f` is on the list, which is locked.
    unsafe {
        if (*f).prev.is_null() {
            list.0 = (*f).next;
        } else {
            (*(*f).prev).next = (*f).next;
        }
        if !(*f).next.is_null() {
            (*(*f).next).prev = (*f).prev;
        }
        free(f.cast());
    }
}

/// Runs `op` on every open stream, each under its own lock; with
/// `skip_busy`, streams another thread holds are left alone.
fn for_each(skip_busy: bool, mut op: impl FnMut(&mut Stream)) {
    let mut visit = |f: *mut FILE| {
        // SAFETY: `f` is a standard stream or on the locked list, so live.
        unsafe {
            if skip_busy {
                if (*f).lock.try_lock() {
                    op(&mut (*f).s);
                    (*f).lock.unlock();
                }
            } else {
                with_locked(f, &mut op);
            }
        }
    };
    for f in std_streams() {
        visit(f);
    }
    let list = OPEN.lock();
    let mut f = list.0;
    while !f.is_null() {
        visit(f);
        // SAFETY: as above.
        f = unsafe { (*f).next };
    }
}

/// Runs `op` on the stream with its lock held.
///
/// # Safety
/// `f` must point at a live stream.
#[inline]
pub unsafe fn with_locked<R>(f: *mut FILE, op: impl FnOnce(&mut Stream) -> R) -> R {
    // SAFETY: the caller passes a live stream; the lock makes this thread
    // its only user until `unlock`.
    unsafe {
        (*f).lock.lock();
        let r = op(&mut (*f).s);
        (*f).lock.unlock();
        r
    }
}

/// `fflush(NULL)`: flushes every output stream; false if any failed.
pub fn flush_all() -> bool {
    let mut ok = true;
    for_each(false, |s| {
        if s.flags & WRITING != 0 && s.flush_buffer().is_err() {
            ok = false;
        }
    });
    ok
}

/// Before reading a device: flushes line-buffered output. A stream another
/// thread holds (perhaps blocked reading a terminal itself) is skipped.
fn flush_line_buffered() {
    for_each(true, |s| {
        if s.mode == Mode::Line && s.flags & WRITING != 0 {
            let _ = s.flush_buffer();
        }
    });
}

/// At exit, a stream another thread is using (blocked in a read, say) is
/// skipped rather than waited for forever.
fn flush_at_exit() {
    for_each(true, |s| {
        let _ = s.flush_buffer();
    });
}

/// Makes `exit` flush the streams; called whenever a buffer comes to exist.
fn register_exit_flush() {
    // SAFETY: every writer stores the same value, and `exit` reads it only
    // after the program stops using stdio.
    unsafe {
        let slot = ptr::addr_of_mut!(crate::header::stdlib::exit::FLUSH_AT_EXIT);
        if (*slot).is_none() {
            *slot = Some(flush_at_exit);
        }
    }
}
