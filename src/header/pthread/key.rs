//! pthread_key_create, pthread_key_delete, pthread_getspecific,
//! pthread_setspecific, and the destructors run at thread exit.
//!
//! Keys are slots of one table; `pthread_key_t` wraps a pointer to the
//! slot. A slot's generation is odd while the key exists and moves on
//! when it is deleted, and every thread's value carries the generation it
//! was set under, so a value set under a deleted key never shows through a
//! later key in the same slot (which must start out NULL everywhere).

use super::thread;
use crate::abi::{c_int, c_void};
use crate::errno::Errno;
use crate::sync::SpinLock;
use cloudabi::errno;
use core::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

/// `PTHREAD_KEYS_MAX` in `<limits.h>`.
pub const KEYS_MAX: usize = 128;
/// `PTHREAD_DESTRUCTOR_ITERATIONS` in `<limits.h>`.
pub const DESTRUCTOR_ITERATIONS: usize = 4;

/// A slot of the key table (`struct __pthread_key`).
pub struct Key {
    generation: AtomicU32,
    destructor: AtomicUsize,
}

/// A thread's value for one slot.
#[derive(Copy, Clone)]
pub struct KeyValue {
    generation: u32,
    value: *mut c_void,
}

impl KeyValue {
    pub const EMPTY: KeyValue = KeyValue { generation: 0, value: core::ptr::null_mut() };
}

/// `pthread_key_t`.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct pthread_key_t {
    key: *const Key,
}

static KEYS: [Key; KEYS_MAX] =
    [const { Key { generation: AtomicU32::new(0), destructor: AtomicUsize::new(0) } }; KEYS_MAX];
/// Serialises creation and deletion.
static TABLE: SpinLock<()> = SpinLock::new(());

/// Whether a slot of this generation holds a key (odd generations do).
fn live(generation: u32) -> bool {
    !generation.is_multiple_of(2)
}

/// The slot index a key names, if it names one.
fn index(k: pthread_key_t) -> Option<usize> {
    let off = (k.key as usize).wrapping_sub(KEYS.as_ptr() as usize);
    let i = off / core::mem::size_of::<Key>();
    (off.is_multiple_of(core::mem::size_of::<Key>()) && i < KEYS_MAX).then_some(i)
}

pub type Destructor = unsafe extern "C" fn(*mut c_void);

/// Creates a key; EAGAIN when all slots are taken.
pub fn create(destructor: Option<Destructor>) -> Result<pthread_key_t, Errno> {
    let _g = TABLE.lock();
    let i = KEYS.iter().position(|k| !live(k.generation.load(Ordering::Relaxed))).ok_or(errno::AGAIN)?;
    KEYS[i].destructor.store(destructor.map_or(0, |f| f as usize), Ordering::Relaxed);
    KEYS[i].generation.fetch_add(1, Ordering::Release);
    Ok(pthread_key_t { key: &KEYS[i] })
}

/// Deletes a key (no destructors run, as POSIX says); EINVAL if none.
pub fn delete(k: pthread_key_t) -> Result<(), Errno> {
    let i = index(k).ok_or(errno::INVAL)?;
    let _g = TABLE.lock();
    if !live(KEYS[i].generation.load(Ordering::Relaxed)) {
        return Err(errno::INVAL);
    }
    KEYS[i].generation.fetch_add(1, Ordering::Release);
    Ok(())
}

/// The calling thread's value for a key (NULL if unset or no such key).
pub fn get(k: pthread_key_t) -> *mut c_void {
    let Some(i) = index(k) else { return core::ptr::null_mut() };
    let g = KEYS[i].generation.load(Ordering::Acquire);
    // SAFETY: the calling thread's own block.
    let v = unsafe { (*thread::local()).keys[i] };
    if live(g) && v.generation == g {
        v.value
    } else {
        core::ptr::null_mut()
    }
}

/// Sets the calling thread's value for a key; EINVAL if no such key.
pub fn set(k: pthread_key_t, value: *mut c_void) -> Result<(), Errno> {
    let i = index(k).ok_or(errno::INVAL)?;
    let g = KEYS[i].generation.load(Ordering::Acquire);
    if !live(g) {
        return Err(errno::INVAL);
    }
    // SAFETY: the calling thread's own block.
    unsafe { (*thread::local()).keys[i] = KeyValue { generation: g, value } };
    Ok(())
}

/// Runs the destructors of the calling thread's non-NULL values, in rounds
/// while destructors set new values, at most DESTRUCTOR_ITERATIONS times.
pub fn run_destructors() {
    for _ in 0..DESTRUCTOR_ITERATIONS {
        let mut ran = false;
        for (i, key) in KEYS.iter().enumerate() {
            let g = key.generation.load(Ordering::Acquire);
            let l = thread::local();
            // SAFETY: the calling thread's own block; no reference to it
            // is held across the destructor, which may set values again.
            let v = unsafe { (*l).keys[i] };
            if !live(g) || v.generation != g || v.value.is_null() {
                continue;
            }
            // SAFETY: as above.
            unsafe { (*l).keys[i].value = core::ptr::null_mut() };
            let d = key.destructor.load(Ordering::Relaxed);
            if d != 0 {
                // SAFETY: the value was stored from a `Destructor`.
                let f: Destructor = unsafe { core::mem::transmute::<usize, Destructor>(d) };
                // SAFETY: the C contract of the destructor.
                unsafe { f(v.value) };
                ran = true;
            }
        }
        if !ran {
            return;
        }
    }
}

/// POSIX `pthread_key_create`: a new key whose values start NULL.
#[cfg_attr(not(test), no_mangle)]
pub unsafe extern "C" fn pthread_key_create(out: *mut pthread_key_t, destructor: Option<Destructor>) -> c_int {
    match create(destructor) {
        Ok(k) => {
            // SAFETY: the caller passes a writable key.
            unsafe { *out = k };
            0
        }
        Err(e) => e as c_int,
    }
}

/// POSIX `pthread_key_delete`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_key_delete(k: pthread_key_t) -> c_int {
    use crate::errno::ErrnoValue;
    delete(k).errno_value()
}

/// POSIX `pthread_getspecific`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_getspecific(k: pthread_key_t) -> *mut c_void {
    get(k)
}

/// POSIX `pthread_setspecific`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn pthread_setspecific(k: pthread_key_t, value: *const c_void) -> c_int {
    use crate::errno::ErrnoValue;
    set(k, value.cast_mut()).errno_value()
}
