//! `<sys/ioctl.h>`: cloudlibc's two requests. `FIONREAD` asks CloudABI's
//! `poll` how many bytes a read would return now; `FIONBIO` sets or clears
//! `O_NONBLOCK`. Every other request is `ENOTTY` (no descriptor is a device
//! that takes control requests).

use crate::abi::va::VaListPtr;
use crate::abi::c_int;
use crate::errno::{Errno, OrErrno};
use crate::header::fcntl::{get_fl, set_fl, O_NONBLOCK};
use crate::header::poll::{fd_subscription, no_event};
use crate::header::time::sleep::clock_subscription;
use crate::sys::{self, clockid, eventtype};
use cloudabi::errno;

pub const FIONREAD: c_int = 1;
pub const FIONBIO: c_int = 2;
pub const TIOCGWINSZ: c_int = 3;

/// Bytes that can be read from `fd` without blocking (0 if it is not
/// ready), capped at `INT_MAX`.
fn readable(fd: c_int) -> Result<c_int, Errno> {
    let subs = [fd_subscription(0, fd, eventtype::FD_READ), clock_subscription(clockid::MONOTONIC, 0, false)];
    let mut events = [no_event(); 2];
    let n = sys::poll(&subs, &mut events)?;
    match events[..n].iter().find(|e| e.r#type == eventtype::FD_READ) {
        Some(e) if e.error != errno::SUCCESS => Err(e.error),
        // SAFETY: descriptor events carry `fd_readwrite`.
        Some(e) => Ok(unsafe { e.union.fd_readwrite }.nbytes.min(c_int::MAX as u64) as c_int),
        None => Ok(0),
    }
}

crate::variadic!("ioctl" => ioctl_impl, gp = 2, fp = 0, reg = "rdx");

/// POSIX `ioctl`: `FIONREAD` and `FIONBIO` take an `int *`.
pub unsafe extern "C" fn ioctl_impl(fd: c_int, request: c_int, ap: VaListPtr) -> c_int {
    (|| {
        sys::fd_stat_get(sys::to_fd(fd)?)?;
        match request {
            FIONREAD => {
                let n = readable(fd)?;
                // SAFETY: the request takes a writable int (C contract).
                unsafe { *(*ap).ptr::<c_int>() = n };
                Ok(0)
            }
            FIONBIO => {
                // SAFETY: the request takes a readable int (C contract).
                let on = unsafe { *(*ap).ptr::<c_int>() } != 0;
                let fl = get_fl(fd)?;
                set_fl(fd, if on { fl | O_NONBLOCK } else { fl & !O_NONBLOCK })
            }
            _ => Err(errno::NOTTY),
        }
    })()
    .or_errno(-1)
}
