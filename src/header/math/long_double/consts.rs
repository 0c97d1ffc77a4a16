//! Constants rounded to the 64-bit mantissa (computed with arbitrary-precision
//! arithmetic). `_HI`/`_LO` pairs split a constant so that small integer
//! multiples of the high part are exact.

use super::f80::F80;

/// ln 2 to 48 bits: k * LN2_HI is exact for |k| < 2^16.
pub const LN2_HI: F80 = F80::new(0x3ffe, 0xb17217f7d1cf0000);
/// ln 2 - LN2_HI.
pub const LN2_LO: F80 = F80::new(0x3fcd, 0xf35793c7673007e6);
/// ln 2.
pub const LN2: F80 = F80::new(0x3ffe, 0xb17217f7d1cf79ac);
/// log2 e.
pub const LOG2E: F80 = F80::new(0x3fff, 0xb8aa3b295c17f0bc);
/// log2 e - LOG2E.
pub const LOG2E_LO: F80 = F80::new(0xbfbe, 0x82f0025f2dc582ee);
/// log10 2.
pub const LG2: F80 = F80::new(0x3ffd, 0x9a209a84fbcff799);
/// log10 2 to 48 bits.
pub const LG2_HI: F80 = F80::new(0x3ffd, 0x9a209a84fbcf0000);
/// log10 2 - LG2_HI.
pub const LG2_LO: F80 = F80::new(0x3fcd, 0xf7988f8959ac0b7d);
/// log2 10.
pub const LOG2_10: F80 = F80::new(0x4000, 0xd49a784bcd1b8afe);
/// pi/2.
pub const PIO2_HI: F80 = F80::new(0x3fff, 0xc90fdaa22168c235);
/// pi/2 - PIO2_HI.
pub const PIO2_LO: F80 = F80::new(0xbfbd, 0xece675d1fc8f8cbb);
/// pi.
pub const PI: F80 = F80::new(0x4000, 0xc90fdaa22168c235);
/// pi/4.
pub const PIO4: F80 = F80::new(0x3ffe, 0xc90fdaa22168c235);
/// ln 2^16384: expl overflows above.
pub const EXP_MAX: F80 = F80::new(0x400c, 0xb17217f7d1cf79ac);
/// ln 2^-16446: expl underflows to zero below.
pub const EXP_MIN: F80 = F80::new(0xc00c, 0xb21dfe7f09e2baaa);
