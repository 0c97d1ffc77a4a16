//! `<stdlib.h>`.

pub mod env;
pub mod exit;
pub mod malloc;
