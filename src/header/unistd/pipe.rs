//! pipe; compat pipe2.

use crate::abi::c_int;
use crate::errno::OrErrno;
use crate::sys::{self, filetype};
use cloudabi::errno;

/// POSIX `pipe`: CloudABI has no pipes; as in cloudlibc, this is a
/// connected pair of stream sockets (fds[0] for reading, fds[1] for
/// writing, though both directions work).
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pipe(fds: *mut c_int) -> c_int {
    sys::fd_create2(filetype::SOCKET_STREAM)
        .map(|(a, b)| {
            // SAFETY: the caller passes room for two descriptors (C contract).
            unsafe {
                *fds = a.0 as c_int;
                *fds.add(1) = b.0 as c_int;
            }
            0
        })
        .or_errno(-1)
}

/// Compat `pipe2`: `pipe` with flags; only O_NONBLOCK has a meaning here.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pipe2(fds: *mut c_int, flags: c_int) -> c_int {
    use crate::header::fcntl::{get_fl, set_fl, O_NONBLOCK};
    if flags & !O_NONBLOCK != 0 {
        return Err(errno::INVAL).or_errno(-1);
    }
    // SAFETY: forwarded contract.
    if unsafe { pipe(fds) } != 0 {
        return -1;
    }
    if flags & O_NONBLOCK == 0 {
        return 0;
    }
    // SAFETY: `pipe` filled both slots.
    let pair = unsafe { [*fds, *fds.add(1)] };
    pair.iter().try_for_each(|&fd| set_fl(fd, get_fl(fd)? | O_NONBLOCK).map(drop)).map(|()| 0).or_errno(-1)
}
