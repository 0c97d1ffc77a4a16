/* memmove copies correctly when source and destination overlap in either
 * direction, at every source alignment 0..31, distances up to 80 bytes
 * both ways, and lengths 0..300 (plus large ones). */
#include <string.h>

#include "string/support.h"

#define SIZE 80000

static unsigned char buf[SIZE], want[SIZE];

static void one(size_t s, long delta, size_t n) {
  size_t d = (size_t)((long)s + delta);
  pattern(buf, n + 512, 0);
  ref_copy(want, buf, n + 512);
  /* Expected result: a copy through a temporary. */
  static unsigned char tmp[SIZE];
  ref_copy(tmp, buf + s, n);
  ref_copy(want + d, tmp, n);
  LOOP_CHECK(memmove(buf + d, buf + s, n) == buf + d, (long long)s, delta, (long long)n);
  LOOP_CHECK(ref_same(buf, want, n + 512), (long long)s, delta, (long long)n);
}

int main(void) {
  static const size_t big[] = {511, 512, 513, 2047, 2048, 2049, 5000, 70000};
  for (size_t n = 0; n <= 300; n++)
    for (size_t sa = 0; sa < 32; sa++)
      for (long delta = -80; delta <= 80; delta += (delta > -3 && delta < 3) ? 1 : 7)
        one(128 + sa, delta, n);
  for (size_t i = 0; i < sizeof(big) / sizeof(big[0]); i++)
    for (long delta = -300; delta <= 300; delta += 37) one(200 + i, delta, big[i]);

  char s[] = "abcdefgh";
  CHECK(memmove(s + 2, s, 5) == s + 2);
  CHECK_STR(s, "ababcdeh");
  CHECK(memmove(s, s + 3, 5) == s);
  CHECK_STR(s, "bcdehdeh");
  CHECK(memmove(s, s, 8) == s);
  CHECK_STR(s, "bcdehdeh");
  return test_summary();
}
