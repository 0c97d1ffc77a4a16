//! One module per C header.

pub mod argdata;
pub mod complex;
pub mod fenv;
pub mod math;
pub mod stdlib;
pub mod string;
pub mod unistd;
