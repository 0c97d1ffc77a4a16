/* strcpy, stpcpy, strncpy, stpncpy, strcat and strncat. */
#include <string.h>

#include "string/support.h"

/* Truncating copies are what this tests. */
#pragma GCC diagnostic ignored "-Wstringop-truncation"

static unsigned char src[512], dst[600];

int main(void) {
  for (size_t n = 0; n <= 300; n++)
    for (size_t a = 0; a < 32; a += 3) {
      char *s = (char *)src + (31 - a), *d = (char *)dst + a;
      pattern((unsigned char *)s, n, 1);
      s[n] = '\0';
      ref_set(dst, 'x', sizeof(dst));
      LOOP_CHECK(strcpy(d, s) == d && strcmp(d, s) == 0 && d[n + 1] == 'x', (long long)a, (long long)n, 0);
      LOOP_CHECK(stpcpy(d, s) == d + n, (long long)a, (long long)n, 1);
      ref_set(dst, 'x', sizeof(dst));
      /* strncpy pads with NULs to exactly n + 5 bytes. */
      LOOP_CHECK(strncpy(d, s, n + 5) == d && strcmp(d, s) == 0, (long long)a, (long long)n, 2);
      LOOP_CHECK(d[n + 4] == 0 && d[n + 5] == 'x', (long long)a, (long long)n, 3);
      LOOP_CHECK(stpncpy(d, s, n + 5) == d + n, (long long)a, (long long)n, 4);
    }

  char b[16];
  memset(b, 'x', sizeof(b));
  CHECK(strncpy(b, "abcdef", 3) == b);
  CHECK(ref_same((unsigned char *)b, (const unsigned char *)"abcx", 4));
  CHECK(stpncpy(b, "abcdef", 3) == b + 3);
  CHECK(stpncpy(b, "ab", 5) == b + 2);
  CHECK(ref_same((unsigned char *)b, (const unsigned char *)"ab\0\0\0x", 6));
  CHECK(strncpy(b, "zz", 0) == b);
  CHECK_EQ(b[0], 'a');
  CHECK(stpcpy(b, "") == b);
  CHECK_EQ(b[0], 0);

  char c[32] = "foo";
  CHECK(strcat(c, "bar") == c);
  CHECK_STR(c, "foobar");
  CHECK(strcat(c, "") == c);
  CHECK_STR(c, "foobar");
  CHECK(strncat(c, "bazqux", 3) == c);
  CHECK_STR(c, "foobarbaz");
  CHECK(strncat(c, "!", 10) == c);
  CHECK_STR(c, "foobarbaz!");
  CHECK(strncat(c, "nothing", 0) == c);
  CHECK_STR(c, "foobarbaz!");
  /* strncat's source need not be terminated within n. */
  char nonul[3] = {'1', '2', '3'};
  CHECK_STR(strncat(c, nonul, 3), "foobarbaz!123");
  return test_summary();
}
