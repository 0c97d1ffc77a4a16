//! `<arpa/inet.h>`: byte order, and IPv4/IPv6 addresses between text and
//! binary (inet_pton, inet_ntop, inet_aton; compat inet_addr, inet_ntoa).

mod byteorder;
mod ntop;
mod pton;

pub use self::byteorder::*;
pub use self::ntop::*;
pub use self::pton::*;
