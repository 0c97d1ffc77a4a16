/* memchr and memrchr find the first and last (unsigned char)c among n
 * bytes at every alignment 0..31 and length 0..300; memchr may be given a
 * length beyond the object when the byte occurs in it. */
#include <string.h>

#include "string/support.h"

static unsigned char buf[9000 + 64];

static void one(size_t a, size_t n) {
  unsigned char *p = buf + a;
  pattern(p, n, 1);
  /* Search for a byte that occurs (twice where possible) and one that
   * does not (0: the pattern has no zeros). */
  int c = n ? p[n / 3] : 1;
  if (n > 4) p[n - 2] = (unsigned char)c;
  unsigned char *first = NULL, *last = NULL;
  for (size_t i = 0; i < n; i++)
    if (p[i] == c) {
      if (first == NULL) first = p + i;
      last = p + i;
    }
  LOOP_CHECK(memchr(p, c, n) == first, (long long)a, (long long)n, c);
  LOOP_CHECK(memrchr(p, c, n) == last, (long long)a, (long long)n, c);
  LOOP_CHECK(memchr(p, 0, n) == NULL, (long long)a, (long long)n, 0);
  LOOP_CHECK(memrchr(p, 0, n) == NULL, (long long)a, (long long)n, 0);
  /* c is converted to unsigned char. */
  LOOP_CHECK(memchr(p, c - 256, n) == first, (long long)a, (long long)n, c);
}

int main(void) {
  for (size_t n = 0; n <= 300; n++)
    for (size_t a = 0; a < 32; a++) one(a, n);
  for (size_t n = 301; n < 9000; n = n * 3 / 2) one(n % 32, n);

  const char *s = "hello";
  CHECK(memchr(s, 'l', 5) == s + 2);
  CHECK(memrchr(s, 'l', 5) == s + 3);
  CHECK(memchr(s, 'z', 5) == NULL);
  CHECK(memchr(s, 'o', 4) == NULL);
  CHECK(memchr(s, '\0', 6) == s + 5);
  CHECK(memchr(s, 'h', 0) == NULL);
  CHECK(memrchr(s, 'h', 0) == NULL);
  /* A length far beyond the object: the search stops at the byte. */
  CHECK(memchr(s, 'e', (size_t)-1) == s + 1);
  return test_summary();
}
