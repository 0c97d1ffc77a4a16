//! `<search.h>`.

pub mod hsearch;
pub mod insque;
pub mod lsearch;
pub mod tsearch;

use crate::abi::{c_int, c_void};

/// A comparison function as search.h's calls take it.
pub type Compare = unsafe extern "C" fn(*const c_void, *const c_void) -> c_int;
