/* strlen and strnlen at every alignment 0..31 and length 0..300, with
 * bytes from 0x80 up in the string. */
#include <string.h>

#include "string/support.h"

static unsigned char buf[9000 + 64];

int main(void) {
  for (size_t n = 0; n <= 300; n++)
    for (size_t a = 0; a < 32; a++) {
      char *s = (char *)buf + a;
      pattern((unsigned char *)s, n, 1);
      s[n] = '\0';
      s[n + 1] = 'x';
      LOOP_CHECK(strlen(s) == n, (long long)a, (long long)n, 0);
      LOOP_CHECK(strnlen(s, n + 5) == n, (long long)a, (long long)n, 1);
      LOOP_CHECK(strnlen(s, n) == n, (long long)a, (long long)n, 2);
      LOOP_CHECK(strnlen(s, n / 2) == n / 2, (long long)a, (long long)n, 3);
    }
  for (size_t n = 301; n < 9000; n = n * 3 / 2) {
    char *s = (char *)buf + n % 32;
    pattern((unsigned char *)s, n, 1);
    s[n] = '\0';
    CHECK_EQ(strlen(s), n);
    CHECK_EQ(strnlen(s, n + 1000), n);
  }

  CHECK_EQ(strlen(""), 0);
  CHECK_EQ(strlen("abc"), 3);
  CHECK_EQ(strnlen("abc", 0), 0);
  /* strnlen reads no further than n bytes: a buffer without a NUL. */
  char nonul[4] = {'a', 'b', 'c', 'd'};
  CHECK_EQ(strnlen(nonul, 4), 4);
  return test_summary();
}
