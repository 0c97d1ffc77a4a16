/* wcstol, wcstoul, wcstoll, wcstoull, wcstod, wcstof, wcstold: values,
 * end pointers, ranges. */
#include "test.h"
#include <locale.h>
#include <wchar.h>

int main(void) {
  wchar_t *end;
  const wchar_t *s = L"  -0x1fz";
  CHECK_EQ(wcstol(s, &end, 16), -31);
  CHECK(end == s + 7);
  CHECK_EQ(wcstol(L"0777", NULL, 0), 0777);
  s = L"\u4e00 12";
  CHECK_EQ(wcstol(s, &end, 10), 0);
  CHECK(end == s);
  errno = 0;
  CHECK_EQ(wcstol(L"9223372036854775808", NULL, 10), 9223372036854775807LL);
  CHECK_EQ(errno, ERANGE);
  CHECK_EQ(wcstoll(L"-9223372036854775808", NULL, 10), (-9223372036854775807LL - 1));
  CHECK(wcstoul(L"18446744073709551615", NULL, 10) == 18446744073709551615UL);
  CHECK(wcstoull(L"-1", NULL, 10) == 18446744073709551615ULL);
  errno = 0;
  CHECK_EQ(wcstol(L"1", NULL, 99), 0);
  CHECK_EQ(errno, EINVAL);

  s = L"  1.5e3xyz";
  CHECK(wcstod(s, &end) == 1500.0);
  CHECK(end == s + 7);
  CHECK(wcstod(L"0x1p-2", NULL) == 0.25);
  CHECK(wcstod(L"-inf", NULL) == -__builtin_inf());
  CHECK(wcstof(L"0.1", NULL) == 0.1f);
  CHECK(wcstold(L"0.1", NULL) == 0.1L);
  CHECK(wcstold_l(L"2.5", NULL, LC_C_LOCALE) == 2.5L);
  CHECK(wcstod_l(L"2.5", NULL, LC_C_LOCALE) == 2.5);
  CHECK(wcstof_l(L"2.5", NULL, LC_C_LOCALE) == 2.5f);
  errno = 0;
  CHECK(wcstod(L"1e999", NULL) == __builtin_inf());
  CHECK_EQ(errno, ERANGE);
  s = L"nothing";
  CHECK(wcstod(s, &end) == 0.0 && end == s);
  return test_summary();
}
