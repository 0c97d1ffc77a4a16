//! `thread_*`, `lock_unlock`, `condvar_signal`. Only `thread_yield` and the
//! exit of the main thread are emulated so far; creating threads and the
//! kernel side of locks come with the threads work and return ENOSYS until
//! then (listed in the README's syscall table).

use super::emulate;
use super::linux::{nr, result, syscall};
use cloudabi::{condvar, errno, lock, nthreads, scope, threadattr, tid};

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_thread_yield() -> errno {
    // SAFETY: no arguments.
    emulate(|| result(unsafe { syscall!(nr::SCHED_YIELD) }).map(drop))
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_thread_create(_attr: *mut threadattr, _tid: *mut tid) -> errno {
    errno::NOSYS
}

/// With only one thread, exiting it ends the process.
#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_thread_exit(_lock: *mut lock, _scope: scope) -> ! {
    loop {
        // SAFETY: exit_group does not return.
        unsafe { syscall!(nr::EXIT_GROUP, 0) };
    }
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_lock_unlock(_lock: *mut lock, _scope: scope) -> errno {
    errno::NOSYS
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_condvar_signal(_c: *mut condvar, _scope: scope, _n: nthreads) -> errno {
    errno::NOSYS
}
