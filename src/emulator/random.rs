//! `random_get`: the kernel's CSPRNG.

use super::emulate;
use super::linux::{nr, result, syscall};
use cloudabi::errno;

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_random_get(buf: *mut (), len: usize) -> errno {
    emulate(|| {
        let mut done = 0;
        while done < len {
            // SAFETY: the caller passes `len` writable bytes at `buf`.
            let r = result(unsafe { syscall!(nr::GETRANDOM, (buf as *mut u8).add(done), len - done, 0) });
            match r {
                Ok(n) => done += n,
                Err(errno::INTR) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    })
}
