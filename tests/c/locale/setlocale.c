/* setlocale, newlocale/duplocale/freelocale/uselocale, localeconv,
 * nl_langinfo: the C and C.UTF-8 locales and the names that map to them. */
#include "test.h"
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>

int main(void) {
  CHECK_STR(setlocale(LC_ALL, NULL), "C");
  CHECK_STR(nl_langinfo(CODESET), "ANSI_X3.4-1968");
  CHECK_EQ(MB_CUR_MAX, 1);

  CHECK_STR(setlocale(LC_CTYPE, "en_US.UTF-8"), "C.UTF-8");
  CHECK_STR(nl_langinfo(CODESET), "UTF-8");
  CHECK_EQ(MB_CUR_MAX, 4);
  CHECK_STR(setlocale(LC_ALL, NULL),
            "LC_CTYPE=C.UTF-8;LC_NUMERIC=C;LC_TIME=C;LC_COLLATE=C;LC_MONETARY=C;LC_MESSAGES=C");
  CHECK(setlocale(LC_ALL, "de_DE.ISO-8859-1") == NULL);
  CHECK(setlocale(LC_ALL, "de_DE") == NULL);
  CHECK(setlocale(99, "C") == NULL);
  CHECK_STR(setlocale(LC_CTYPE, NULL), "C.UTF-8");
  CHECK_STR(setlocale(LC_ALL, "LC_CTYPE=C;LC_NUMERIC=C.utf8;LC_TIME=C;LC_COLLATE=C;LC_MONETARY=C;LC_MESSAGES=C"),
            "LC_CTYPE=C;LC_NUMERIC=C.UTF-8;LC_TIME=C;LC_COLLATE=C;LC_MONETARY=C;LC_MESSAGES=C");
  CHECK_STR(setlocale(LC_ALL, "POSIX"), "C");
  CHECK_STR(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8");
  /* "" reads the environment: the test configuration sets none of
   * LC_ALL, LC_CTYPE, ... or LANG, so it is "C". */
  CHECK_STR(setlocale(LC_ALL, ""), "C");
  CHECK_EQ(setenv("LANG", "fr_FR.UTF-8", 1), 0);
  CHECK_STR(setlocale(LC_ALL, ""), "C.UTF-8");
  CHECK_EQ(setenv("LC_CTYPE", "C", 1), 0);
  CHECK_STR(setlocale(LC_CTYPE, ""), "C");
  CHECK_EQ(setenv("LC_ALL", "xx_YY", 1), 0);
  CHECK(setlocale(LC_ALL, "") == NULL);
  CHECK_STR(setlocale(LC_ALL, "C"), "C");

  struct lconv *lc = localeconv();
  CHECK_STR(lc->decimal_point, ".");
  CHECK_STR(lc->thousands_sep, "");
  CHECK_STR(lc->currency_symbol, "");
  CHECK_EQ(lc->frac_digits, CHAR_MAX);
  CHECK_EQ(lc->int_n_sign_posn, CHAR_MAX);
  CHECK(localeconv_l(LC_C_UNICODE_LOCALE) == lc);

  CHECK_STR(nl_langinfo(D_T_FMT), "%a %b %e %H:%M:%S %Y");
  CHECK_STR(nl_langinfo(DAY_1), "Sunday");
  CHECK_STR(nl_langinfo(ABMON_12), "Dec");
  CHECK_STR(nl_langinfo(YESEXPR), "^[yY]");
  CHECK_STR(nl_langinfo(ERA), "");
  CHECK_STR(nl_langinfo(RADIXCHAR), ".");
  CHECK_STR(nl_langinfo_l(CODESET, LC_C_UNICODE_LOCALE), "UTF-8");
  CHECK_STR(nl_langinfo_l(CODESET, LC_C_LOCALE), "ANSI_X3.4-1968");

  locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
  CHECK(l != (locale_t)0);
  CHECK_EQ(MB_CUR_MAX_L(l), 4);
  locale_t d = duplocale(l);
  CHECK(d != (locale_t)0 && d != l);
  CHECK(uselocale((locale_t)0) == LC_GLOBAL_LOCALE);
  CHECK(uselocale(d) == LC_GLOBAL_LOCALE);
  CHECK_EQ(MB_CUR_MAX, 4);
  CHECK_STR(nl_langinfo(CODESET), "UTF-8");
  CHECK_STR(setlocale(LC_CTYPE, NULL), "C"); /* the global locale is unchanged */
  CHECK(uselocale(LC_GLOBAL_LOCALE) == d);
  CHECK_EQ(MB_CUR_MAX, 1);
  freelocale(d);
  l = newlocale(LC_NUMERIC_MASK, "C", l);
  CHECK_EQ(MB_CUR_MAX_L(l), 4);
  freelocale(l);
  errno = 0;
  CHECK(newlocale(LC_CTYPE_MASK, "xx_YY.ISO-8859-1", (locale_t)0) == (locale_t)0);
  CHECK_EQ(errno, ENOENT);
  CHECK(newlocale(1 << 12, "C", (locale_t)0) == (locale_t)0);
  CHECK_EQ(errno, EINVAL);
  return test_summary();
}
