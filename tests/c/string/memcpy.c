/* memcpy and mempcpy copy exactly n bytes at every alignment of source
 * and destination (0..31) and every length 0..300, and at the sizes where
 * the implementation changes strategy; nothing around the copy changes. */
#include <string.h>

#include "string/support.h"

#define PAD 64
#define BIG 70000

static unsigned char src[BIG + 2 * PAD], dst[BIG + 2 * PAD], want[BIG + 2 * PAD];

static void one(size_t sa, size_t da, size_t n, int pcpy) {
  pattern(dst, n + 2 * PAD, 0);
  ref_copy(want, dst, n + 2 * PAD);
  ref_copy(want + PAD + da, src + sa, n);
  unsigned char *d = dst + PAD + da;
  void *r = pcpy ? mempcpy(d, src + sa, n) : memcpy(d, src + sa, n);
  LOOP_CHECK(r == (pcpy ? d + n : d), sa, da, n);
  LOOP_CHECK(ref_same(dst, want, n + 2 * PAD), sa, da, n);
}

int main(void) {
  static const size_t big[] = {383, 511, 512, 513, 1000, 2047, 2048, 2049, 4096, 9000, BIG};
  pattern(src, sizeof(src), 0);
  for (size_t n = 0; n <= 300; n++)
    for (size_t sa = 0; sa < 32; sa++)
      for (size_t da = 0; da < 32; da++) one(sa, da, n, 0);
  for (size_t i = 0; i < sizeof(big) / sizeof(big[0]); i++)
    for (size_t sa = 0; sa < 32; sa += 5)
      for (size_t da = 0; da < 32; da += 3) one(sa, da, big[i], 0);
  for (size_t n = 0; n <= 100; n++) one(n % 32, 31 - n % 32, n, 1);
  one(3, 0, 5000, 1);

  /* n = 0 copies nothing, even through null pointers' neighbours. */
  CHECK(memcpy(dst, src, 0) == dst);
  char s[] = "hello";
  char d[6];
  CHECK(memcpy(d, s, sizeof(s)) == d);
  CHECK_STR(d, "hello");
  CHECK((char *)mempcpy(d, "abc", 3) == d + 3);
  CHECK_STR(d, "abclo");
  return test_summary();
}
