//! `clock_*`: CloudABI clocks on Linux clocks, and one extension:
//! `cloudabi_sys_clock_thread_time_get(tid, *time)` reads the CPU time of
//! another thread of the process (CloudABI's THREAD_CPUTIME_ID measures
//! only the calling thread's). It needs no right: the kernel answers only
//! for threads of the calling process (others are EINVAL), so nothing
//! outside the program can be observed.

use super::emulate;
use super::linux::{self, nr, result, syscall, Timespec};
use cloudabi::{clockid, errno, tid, timestamp};

/// The Linux clock behind a CloudABI clock.
pub fn linux_clock(c: clockid) -> Result<usize, errno> {
    Ok(match c {
        clockid::REALTIME => 0,
        clockid::MONOTONIC => 1,
        clockid::PROCESS_CPUTIME_ID => 2,
        clockid::THREAD_CPUTIME_ID => 3,
        _ => return Err(errno::INVAL),
    })
}

/// Nanoseconds from a Linux timespec; times before 1970 clamp to 0, since
/// CloudABI timestamps are unsigned.
pub fn to_timestamp(ts: &Timespec) -> timestamp {
    if ts.tv_sec < 0 {
        return 0;
    }
    (ts.tv_sec as u64).saturating_mul(1_000_000_000).saturating_add(ts.tv_nsec as u64)
}

pub fn from_timestamp(t: timestamp) -> Timespec {
    Timespec { tv_sec: (t / 1_000_000_000) as i64, tv_nsec: (t % 1_000_000_000) as i64 }
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_clock_res_get(c: clockid, out: *mut timestamp) -> errno {
    emulate(|| {
        let mut ts = Timespec::default();
        // SAFETY: `ts` is a writable timespec.
        result(unsafe { syscall!(nr::CLOCK_GETRES, linux_clock(c)?, &mut ts as *mut Timespec) })?;
        // SAFETY: the caller passes a writable timestamp.
        unsafe { out.write(to_timestamp(&ts).max(1)) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_clock_time_get(c: clockid, _precision: timestamp, out: *mut timestamp) -> errno {
    emulate(|| {
        let mut ts = Timespec::default();
        // SAFETY: `ts` is a writable timespec.
        result(unsafe { syscall!(nr::CLOCK_GETTIME, linux_clock(c)?, &mut ts as *mut Timespec) })?;
        // SAFETY: the caller passes a writable timestamp.
        unsafe { out.write(to_timestamp(&ts)) };
        Ok(())
    })
}

#[no_mangle]
pub unsafe extern "C" fn cloudabi_sys_clock_thread_time_get(t: tid, out: *mut timestamp) -> errno {
    emulate(|| {
        // Linux reads thread id 0 as "the calling thread", and the clock id
        // has room for 29 bits of thread id.
        if t.0 == 0 || t.0 > i32::MAX as u32 >> 3 {
            return Err(errno::INVAL);
        }
        let mut ts = Timespec::default();
        let c = linux::thread_cpu_clock(t.0);
        // SAFETY: `ts` is a writable timespec.
        result(unsafe { syscall!(nr::CLOCK_GETTIME, c as isize, &mut ts as *mut Timespec) })?;
        // SAFETY: the caller passes a writable timestamp.
        unsafe { out.write(to_timestamp(&ts)) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn thread_time(t: u32) -> Result<timestamp, errno> {
        let mut v = 0;
        // SAFETY: `v` is a writable timestamp.
        match unsafe { cloudabi_sys_clock_thread_time_get(tid(t), &mut v) } {
            errno::SUCCESS => Ok(v),
            e => Err(e),
        }
    }

    fn gettid() -> u32 {
        // SAFETY: no arguments, no memory effects.
        unsafe { syscall!(nr::GETTID) as u32 }
    }

    /// Spins until the calling thread has used `ns` of CPU time.
    fn busy(ns: u64) {
        let mut t = 0;
        while t < ns {
            // SAFETY: `t` is a writable timestamp.
            assert_eq!(unsafe { cloudabi_sys_clock_time_get(clockid::THREAD_CPUTIME_ID, 1, &mut t) }, errno::SUCCESS);
        }
    }

    #[test]
    fn another_threads_cpu_time_advances_while_it_runs() {
        let (tx, rx) = mpsc::channel();
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let h = std::thread::spawn(move || {
            busy(20_000_000);
            tx.send(gettid()).unwrap();
            go_rx.recv().unwrap();
        });
        let id = rx.recv().unwrap();
        let t1 = thread_time(id).unwrap();
        assert!(t1 >= 20_000_000, "{t1}");
        std::thread::sleep(std::time::Duration::from_millis(20));
        let t2 = thread_time(id).unwrap();
        assert!(t2 >= t1 && t2 - t1 < 5_000_000, "a blocked thread uses no CPU: {t1} {t2}");
        go_tx.send(()).unwrap();
        h.join().unwrap();
        // The kernel lets go of the thread shortly after join returns.
        let gone = (0..1000).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(1));
            thread_time(id) == Err(errno::INVAL)
        });
        assert!(gone, "a thread that is gone");
    }

    #[test]
    fn own_thread_and_bad_ids() {
        busy(1_000_000);
        let a = thread_time(gettid()).unwrap();
        assert!(thread_time(gettid()).unwrap() >= a);
        assert_eq!(thread_time(0), Err(errno::INVAL));
        assert_eq!(thread_time(u32::MAX), Err(errno::INVAL));
        assert_eq!(thread_time(1 << 29), Err(errno::INVAL));
        // pid 1 is no thread of this process.
        assert_eq!(thread_time(1), Err(errno::INVAL));
    }
}
