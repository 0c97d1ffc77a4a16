//! `<termios.h>` (compat). CloudABI has no way to control a terminal
//! (there is no ioctl), so the calls on descriptors fail: EBADF for closed
//! descriptors, ENOTTY for non-terminals, EINVAL for bad arguments, and
//! ENOTSUP for terminals; `tcgetsid` reports that there is no controlling
//! terminal (ENOTTY). The speed and raw-mode helpers only change the
//! structure, and work.

use crate::abi::c_int;
use crate::errno::{Errno, OrErrno};
use crate::header::unistd::terminal;
use cloudabi::errno;

pub type tcflag_t = u32;
pub type speed_t = u32;
pub const NCCS: usize = 20;
const VMIN: usize = 16;
const VTIME: usize = 17;

/// `struct termios` as include/termios.h lays it out.
#[repr(C)]
pub struct termios {
    pub c_iflag: tcflag_t,
    pub c_oflag: tcflag_t,
    pub c_cflag: tcflag_t,
    pub c_lflag: tcflag_t,
    pub c_cc: [u8; NCCS],
    pub c_ispeed: speed_t,
    pub c_ospeed: speed_t,
}

const IGNBRK: u32 = 0x1;
const BRKINT: u32 = 0x2;
const PARMRK: u32 = 0x8;
const ISTRIP: u32 = 0x20;
const INLCR: u32 = 0x40;
const IGNCR: u32 = 0x80;
const ICRNL: u32 = 0x100;
const IXON: u32 = 0x200;
const OPOST: u32 = 0x1;
const CSIZE: u32 = 0x300;
const CS8: u32 = 0x300;
const PARENB: u32 = 0x1000;
const ECHO: u32 = 0x8;
const ECHONL: u32 = 0x10;
const ISIG: u32 = 0x80;
const ICANON: u32 = 0x100;
const IEXTEN: u32 = 0x400;

/// The speeds the B* constants name (their values are the speeds).
const SPEEDS: [speed_t; 19] =
    [0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];

fn check_speed(s: speed_t) -> Result<(), Errno> {
    if SPEEDS.contains(&s) {
        Ok(())
    } else {
        Err(errno::INVAL)
    }
}

/// Compat `cfgetispeed`: the input speed stored in the structure.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cfgetispeed(t: *const termios) -> speed_t {
    // SAFETY: `t` is readable (C contract).
    unsafe { (*t).c_ispeed }
}

/// Compat `cfgetospeed`: the output speed stored in the structure.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cfgetospeed(t: *const termios) -> speed_t {
    // SAFETY: `t` is readable (C contract).
    unsafe { (*t).c_ospeed }
}

/// Compat `cfsetispeed`: stores an input speed (EINVAL if not a B* value).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cfsetispeed(t: *mut termios, s: speed_t) -> c_int {
    // SAFETY: `t` is writable (C contract).
    check_speed(s).map(|()| unsafe { (*t).c_ispeed = s }).map(|()| 0).or_errno(-1)
}

/// Compat `cfsetospeed`: stores an output speed (EINVAL if not a B* value).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cfsetospeed(t: *mut termios, s: speed_t) -> c_int {
    // SAFETY: `t` is writable (C contract).
    check_speed(s).map(|()| unsafe { (*t).c_ospeed = s }).map(|()| 0).or_errno(-1)
}

/// Compat (BSD) `cfsetspeed`: stores both speeds.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cfsetspeed(t: *mut termios, s: speed_t) -> c_int {
    // SAFETY: `t` is writable (C contract).
    check_speed(s).map(|()| unsafe { (*t).c_ispeed = s; (*t).c_ospeed = s }).map(|()| 0).or_errno(-1)
}

/// Compat (BSD) `cfmakeraw`: sets the flags for raw input and output:
/// no echo, no canonical mode, no signals, no translation, 8 bits, and
/// reads that return after one byte.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn cfmakeraw(t: *mut termios) {
    // SAFETY: `t` is writable (C contract).
    let t = unsafe { &mut *t };
    t.c_iflag &= !(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t.c_oflag &= !OPOST;
    t.c_lflag &= !(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t.c_cflag = (t.c_cflag & !(CSIZE | PARENB)) | CS8;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
}

/// What every call on a descriptor ends with, once its arguments are valid.
fn no_control(fd: c_int, args_ok: bool) -> c_int {
    let r = terminal(fd).and(Err(if args_ok { errno::NOTSUP } else { errno::INVAL }));
    r.or_errno(-1)
}

/// Compat `tcgetattr`: fails (see the module documentation).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tcgetattr(fd: c_int, _t: *mut termios) -> c_int {
    no_control(fd, true)
}

/// Compat `tcsetattr`: fails (EINVAL for an unknown action).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tcsetattr(fd: c_int, action: c_int, _t: *const termios) -> c_int {
    no_control(fd, (0..=2).contains(&action))
}

/// Compat `tcdrain`: fails (see the module documentation).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tcdrain(fd: c_int) -> c_int {
    no_control(fd, true)
}

/// Compat `tcflow`: fails (EINVAL for an unknown action).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tcflow(fd: c_int, action: c_int) -> c_int {
    no_control(fd, (1..=4).contains(&action))
}

/// Compat `tcflush`: fails (EINVAL for an unknown queue).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tcflush(fd: c_int, queue: c_int) -> c_int {
    no_control(fd, (1..=3).contains(&queue))
}

/// Compat `tcsendbreak`: fails (see the module documentation).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tcsendbreak(fd: c_int, _duration: c_int) -> c_int {
    no_control(fd, true)
}

/// Compat `tcgetsid`: ENOTTY, there is no controlling terminal.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn tcgetsid(fd: c_int) -> i32 {
    terminal(fd).and(Err(errno::NOTTY)).or_errno(-1)
}
