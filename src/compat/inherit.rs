//! Which descriptors survive a compat `execve`.
//!
//! cloudlibc's `O_CLOEXEC` is 0 and `SOCK_CLOEXEC` has no effect: every
//! descriptor is close-on-exec unless the program says otherwise, because
//! CloudABI's `proc_exec` keeps only the descriptors it is handed. POSIX
//! programs say otherwise with `fcntl(F_SETFD, 0)`, `dup`, `dup2` and
//! `F_DUPFD`, which clear `FD_CLOEXEC` on the new descriptor; those marks
//! live here, one bit per descriptor number. Closing a descriptor clears
//! its bit, so a reused number starts close-on-exec again.

use core::sync::atomic::{AtomicU64, Ordering};

/// Descriptor numbers the emulator's table can hold.
const LIMIT: usize = 4096;

static INHERITABLE: [AtomicU64; LIMIT / 64] = [const { AtomicU64::new(0) }; LIMIT / 64];

fn slot(fd: u32) -> Option<(&'static AtomicU64, u64)> {
    let i = fd as usize;
    (i < LIMIT).then(|| (&INHERITABLE[i / 64], 1u64 << (i % 64)))
}

/// Marks `fd` as kept (`true`) or closed (`false`) by a compat `execve`.
pub fn set(fd: u32, inheritable: bool) {
    if let Some((word, bit)) = slot(fd) {
        if inheritable {
            word.fetch_or(bit, Ordering::Relaxed);
        } else {
            word.fetch_and(!bit, Ordering::Relaxed);
        }
    }
}

/// Is `fd` kept across a compat `execve`?
pub fn get(fd: u32) -> bool {
    slot(fd).is_some_and(|(word, bit)| word.load(Ordering::Relaxed) & bit != 0)
}

/// Calls `f` with every descriptor number marked inheritable.
pub fn for_each(mut f: impl FnMut(u32)) {
    for (i, word) in INHERITABLE.iter().enumerate() {
        let mut w = word.load(Ordering::Relaxed);
        while w != 0 {
            let b = w.trailing_zeros();
            f((i * 64) as u32 + b);
            w &= w - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_round_trip_and_are_listed() {
        set(4000, true);
        set(4001, true);
        assert!(get(4000) && get(4001));
        set(4000, false);
        assert!(!get(4000));
        let mut seen = [false; 2];
        for_each(|fd| {
            if fd == 4000 || fd == 4001 {
                seen[(fd - 4000) as usize] = true;
            }
        });
        assert_eq!(seen, [false, true]);
        set(4001, false);
    }

    #[test]
    fn numbers_beyond_the_table_are_never_inheritable() {
        set(LIMIT as u32, true);
        assert!(!get(LIMIT as u32));
    }
}
