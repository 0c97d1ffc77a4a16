//! `localeconv`: numeric and monetary conventions, the C locale's in every
//! locale here (C11 7.11.2.1 gives their values).

use super::locale_t;
use crate::abi::c_char;

/// `struct lconv`, in cloudlibc's member order.
#[repr(C)]
pub struct lconv {
    pub decimal_point: *const c_char,
    pub thousands_sep: *const c_char,
    pub grouping: *const c_char,
    pub mon_decimal_point: *const c_char,
    pub mon_thousands_sep: *const c_char,
    pub mon_grouping: *const c_char,
    pub positive_sign: *const c_char,
    pub negative_sign: *const c_char,
    pub currency_symbol: *const c_char,
    pub frac_digits: c_char,
    pub p_cs_precedes: c_char,
    pub p_sep_by_space: c_char,
    pub p_sign_posn: c_char,
    pub n_cs_precedes: c_char,
    pub n_sep_by_space: c_char,
    pub n_sign_posn: c_char,
    pub int_curr_symbol: *const c_char,
    pub int_frac_digits: c_char,
    pub int_p_cs_precedes: c_char,
    pub int_p_sep_by_space: c_char,
    pub int_p_sign_posn: c_char,
    pub int_n_cs_precedes: c_char,
    pub int_n_sep_by_space: c_char,
    pub int_n_sign_posn: c_char,
}

// SAFETY: the structure only points at immutable string literals.
unsafe impl Sync for lconv {}

/// CHAR_MAX: "not available in this locale".
const NA: c_char = c_char::MAX;
const EMPTY: *const c_char = b"\0".as_ptr().cast();

static C_LCONV: lconv = lconv {
    decimal_point: b".\0".as_ptr().cast(),
    thousands_sep: EMPTY,
    grouping: EMPTY,
    mon_decimal_point: EMPTY,
    mon_thousands_sep: EMPTY,
    mon_grouping: EMPTY,
    positive_sign: EMPTY,
    negative_sign: EMPTY,
    currency_symbol: EMPTY,
    frac_digits: NA,
    p_cs_precedes: NA,
    p_sep_by_space: NA,
    p_sign_posn: NA,
    n_cs_precedes: NA,
    n_sep_by_space: NA,
    n_sign_posn: NA,
    int_curr_symbol: EMPTY,
    int_frac_digits: NA,
    int_p_cs_precedes: NA,
    int_p_sep_by_space: NA,
    int_p_sign_posn: NA,
    int_n_cs_precedes: NA,
    int_n_sep_by_space: NA,
    int_n_sign_posn: NA,
};

/// C11 `localeconv`: the conventions of every locale (the program must
/// not modify them).
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn localeconv() -> *mut lconv {
    &C_LCONV as *const lconv as *mut lconv
}

/// cloudlibc `localeconv_l`.
#[cfg_attr(not(test), no_mangle)]
pub extern "C" fn localeconv_l(_l: locale_t) -> *mut lconv {
    localeconv()
}
