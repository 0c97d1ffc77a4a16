/* <locale.h>: locales. "C"/"POSIX" (ASCII) and "C.UTF-8" (any name with a
 * UTF-8 codeset) exist; see src/header/locale/mod.rs for the name mapping.
 * cloudlibc extensions: LC_TIMEZONE_MASK (a POSIX TZ string for
 * localtime_l/mktime_l), LC_C_LOCALE, LC_C_UNICODE_LOCALE, localeconv_l. */
#ifndef _LOCALE_H_
#define _LOCALE_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#ifndef _LOCALE_T_DECLARED
#define _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#endif

struct lconv {
  char *decimal_point;
  char *thousands_sep;
  char *grouping;
  char *mon_decimal_point;
  char *mon_thousands_sep;
  char *mon_grouping;
  char *positive_sign;
  char *negative_sign;
  char *currency_symbol;
  char frac_digits;
  char p_cs_precedes;
  char p_sep_by_space;
  char p_sign_posn;
  char n_cs_precedes;
  char n_sep_by_space;
  char n_sign_posn;
  char *int_curr_symbol;
  char int_frac_digits;
  char int_p_cs_precedes;
  char int_p_sep_by_space;
  char int_p_sign_posn;
  char int_n_cs_precedes;
  char int_n_sep_by_space;
  char int_n_sign_posn;
};

#define LC_ALL (-1)
#define LC_COLLATE 0
#define LC_CTYPE 1
#define LC_MESSAGES 2
#define LC_MONETARY 3
#define LC_NUMERIC 4
#define LC_TIME 5

#define LC_COLLATE_MASK (1 << LC_COLLATE)
#define LC_CTYPE_MASK (1 << LC_CTYPE)
#define LC_MESSAGES_MASK (1 << LC_MESSAGES)
#define LC_MONETARY_MASK (1 << LC_MONETARY)
#define LC_NUMERIC_MASK (1 << LC_NUMERIC)
#define LC_TIME_MASK (1 << LC_TIME)
#define LC_TIMEZONE_MASK (1 << 6)
#define LC_ALL_MASK                                                        \
  (LC_COLLATE_MASK | LC_CTYPE_MASK | LC_MESSAGES_MASK | LC_MONETARY_MASK | \
   LC_NUMERIC_MASK | LC_TIME_MASK | LC_TIMEZONE_MASK)

__BEGIN_DECLS
extern struct __locale __locale_c;
extern struct __locale __locale_c_unicode;
__END_DECLS
#define LC_C_LOCALE (&__locale_c)
#define LC_C_UNICODE_LOCALE (&__locale_c_unicode)
/* The global locale, which setlocale() changes. */
#define LC_GLOBAL_LOCALE ((locale_t)-1)

__BEGIN_DECLS
locale_t duplocale(locale_t);
void freelocale(locale_t);
struct lconv *localeconv(void);
struct lconv *localeconv_l(locale_t);
locale_t newlocale(int, const char *, locale_t);
char *setlocale(int, const char *);
#ifdef __CLOUDLIBC_COMPAT
locale_t uselocale(locale_t);
#endif
__END_DECLS

#endif
