/* strfmon, vstrfmon, strfmon_l and the wide wcsfmon: the C locale's
 * formats (compared with glibc's output for the same calls). */
#include "test.h"
#include <locale.h>
#include <monetary.h>
#include <stdarg.h>
#include <stdlib.h>
#include <wchar.h>

static ssize_t v(char *buf, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ssize_t r = vstrfmon(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

int main(void) {
  char b[64];
  CHECK_EQ(strfmon(b, sizeof b, "%n", 1234.567), 7);
  CHECK_STR(b, "1234.57");
  CHECK_EQ(strfmon(b, sizeof b, "[%i] [%(n]", -1.5, -2.25), 16);
  CHECK_STR(b, "[-1.50] [(2.25)]");
  strfmon(b, sizeof b, "%10n|%-10n|", 3.0, -3.0);
  CHECK_STR(b, "      3.00|-3.00     |");
  strfmon(b, sizeof b, "%=*#5n %#5.1n %.0n %%", 12.0, -7.25, 2.5);
  CHECK_STR(b, " ***12.00 -    7.2 2 %");
  CHECK_EQ(v(b, sizeof b, "%!n and %^i", 1.0, 2.0), 13);
  CHECK_STR(b, "1.00 and 2.00");
  CHECK_EQ(strfmon_l(b, sizeof b, LC_C_LOCALE, "%.3n", 0.5), 5);
  CHECK_STR(b, "0.500");
  errno = 0;
  CHECK_EQ(strfmon(b, 4, "%n", 100.0), -1);
  CHECK_EQ(errno, E2BIG);
  errno = 0;
  const char *bad = getenv("NO_SUCH_VARIABLE") ? "" : "%q";
  CHECK_EQ(strfmon(b, sizeof b, bad, 1.0), -1);
  CHECK_EQ(errno, EINVAL);
  wchar_t w[32];
  CHECK_EQ(wcsfmon(w, 32, L"\u20ac%n", 9.5), 5);
  CHECK(wcscmp(w, L"\u20ac9.50") == 0);
  CHECK_EQ(wcsfmon_l(w, 32, LC_C_LOCALE, L"%=\u00b7#3n", 1.0), 7);
  CHECK(wcscmp(w, L" \u00b7\u00b71.00") == 0);
  return test_summary();
}
