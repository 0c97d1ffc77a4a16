//! Internal locking for library state.

mod spin;
pub use spin::{SpinLock, SpinGuard};
