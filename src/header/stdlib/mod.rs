//! `<stdlib.h>`.

pub mod a64l;
pub mod arc4random;
pub mod bsearch;
pub mod div;
pub mod drand48;
pub mod env;
pub mod exit;
pub mod getsubopt;
pub mod malloc;
pub mod mb;
pub mod pty;
pub mod qsort;
pub mod rand;
pub mod strtod;
pub mod strto_l;
pub mod strtol;
