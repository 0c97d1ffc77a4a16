/* strtol, strtoll, strtoul, strtoull, atoi, atol, atoll: bases, prefixes,
 * signs, range limits and the end pointer. */
#include <limits.h>
#include <stdlib.h>

#include "test.h"

static long sl(const char *s, int base, long want_end, int want_errno) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, base);
  CHECK_EQ(end - s, want_end);
  CHECK_EQ(errno, want_errno);
  return v;
}

static unsigned long ul(const char *s, int base, long want_end, int want_errno) {
  char *end;
  errno = 0;
  unsigned long v = strtoul(s, &end, base);
  CHECK_EQ(end - s, want_end);
  CHECK_EQ(errno, want_errno);
  return v;
}

int main(void) {
  /* Every base reads its own digits and stops at the first other one. */
  const char *digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  for (int base = 2; base <= 36; base++) {
    char buf[4] = {'1', digits[base - 1], digits[base % 36], 0};
    long want = base + (base - 1);
    long got = sl(buf, base, 2 + (base == 36 ? 1 : 0), 0);
    if (base == 36)
      want = want * 36;
    CHECK_EQ(got, want);
  }
  CHECK_EQ(sl("zz", 36, 2, 0), 35 * 36 + 35);
  CHECK_EQ(sl("ZZ", 36, 2, 0), 35 * 36 + 35);
  CHECK_EQ(sl("1010", 2, 4, 0), 10);
  CHECK_EQ(sl("12", 2, 1, 0), 1);

  /* Base 0 and 16 prefixes. */
  CHECK_EQ(sl("0x1F", 0, 4, 0), 31);
  CHECK_EQ(sl("0X1f", 16, 4, 0), 31);
  CHECK_EQ(sl("  +0x10", 0, 7, 0), 16);
  CHECK_EQ(sl("0x", 0, 1, 0), 0);
  CHECK_EQ(sl("0x", 16, 1, 0), 0);
  CHECK_EQ(sl("0xg", 16, 1, 0), 0);
  CHECK_EQ(sl("0x10", 10, 1, 0), 0);
  CHECK_EQ(sl("010", 0, 3, 0), 8);
  CHECK_EQ(sl("08", 0, 1, 0), 0);
  CHECK_EQ(sl("123", 0, 3, 0), 123);

  /* Whitespace, signs, empty input. */
  CHECK_EQ(sl(" \t\n\v\f\r-42x", 10, 9, 0), -42);
  CHECK_EQ(sl("-0", 10, 2, 0), 0);
  CHECK_EQ(sl("+", 10, 0, 0), 0);
  CHECK_EQ(sl("  ", 10, 0, 0), 0);
  CHECK_EQ(sl("", 10, 0, 0), 0);
  CHECK_EQ(sl("- 1", 10, 0, 0), 0);

  /* Invalid bases. */
  CHECK_EQ(sl("10", 1, 0, EINVAL), 0);
  CHECK_EQ(sl("10", 37, 0, EINVAL), 0);
  CHECK_EQ(sl("10", -1, 0, EINVAL), 0);

  /* Range limits: the end pointer still passes every digit. */
  CHECK_EQ(sl("9223372036854775807", 10, 19, 0), LONG_MAX);
  CHECK_EQ(sl("9223372036854775808", 10, 19, ERANGE), LONG_MAX);
  CHECK_EQ(sl("-9223372036854775808", 10, 20, 0), LONG_MIN);
  CHECK_EQ(sl("-9223372036854775809", 10, 20, ERANGE), LONG_MIN);
  CHECK_EQ(sl("99999999999999999999999999", 10, 26, ERANGE), LONG_MAX);
  CHECK_EQ(sl("0x7fffffffffffffff", 0, 18, 0), LONG_MAX);
  CHECK_EQ(sl("0x8000000000000000", 0, 18, ERANGE), LONG_MAX);
  CHECK(ul("18446744073709551615", 10, 20, 0) == ULONG_MAX);
  CHECK(ul("18446744073709551616", 10, 20, ERANGE) == ULONG_MAX);
  CHECK(ul("-1", 10, 2, 0) == ULONG_MAX);
  CHECK(ul("-18446744073709551615", 10, 21, 0) == 1);
  CHECK(ul("-18446744073709551616", 10, 21, ERANGE) == ULONG_MAX);
  CHECK(ul("0xffffffffffffffff", 16, 18, 0) == ULONG_MAX);

  /* long long twins and a null end pointer. */
  errno = 0;
  CHECK(strtoll("-9223372036854775809", NULL, 10) == LLONG_MIN);
  CHECK_EQ(errno, ERANGE);
  CHECK(strtoull("777", NULL, 8) == 511);

  /* atoi truncates what strtol returns; atol and atoll do not. */
  CHECK_EQ(atoi("  -123abc"), -123);
  CHECK_EQ(atoi("4294967297"), 1);
  CHECK_EQ(atol("9223372036854775807"), LONG_MAX);
  CHECK(atoll("-77") == -77);
  CHECK_EQ(atoi("0x10"), 0);
  return test_summary();
}
