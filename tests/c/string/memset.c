/* memset and explicit_bzero fill exactly n bytes at every alignment 0..31
 * and every length 0..300, and at the sizes where the strategy changes;
 * only the low byte of c is used. */
#include <string.h>

#include "string/support.h"

#define PAD 64
#define BIG 70000

static unsigned char buf[BIG + 2 * PAD], want[BIG + 2 * PAD];

static void one(size_t a, size_t n, int c, int zero) {
  pattern(buf, n + 2 * PAD, 0);
  ref_copy(want, buf, n + 2 * PAD);
  ref_set(want + PAD + a, zero ? 0 : c, n);
  if (zero) {
    explicit_bzero(buf + PAD + a, n);
  } else {
    LOOP_CHECK(memset(buf + PAD + a, c, n) == buf + PAD + a, (long long)a, (long long)n, c);
  }
  LOOP_CHECK(ref_same(buf, want, n + 2 * PAD), (long long)a, (long long)n, c);
}

int main(void) {
  static const size_t big[] = {383, 511, 512, 513, 1000, 2047, 2048, 2049, 4096, 9000, BIG};
  for (size_t n = 0; n <= 300; n++)
    for (size_t a = 0; a < 32; a++) one(a, n, (int)(n * 7 + a), 0);
  for (size_t i = 0; i < sizeof(big) / sizeof(big[0]); i++)
    for (size_t a = 0; a < 32; a += 3) one(a, big[i], 0x80 + (int)i, 0);
  for (size_t n = 0; n <= 300; n += 13) one(n % 32, n, 0, 1);
  one(1, 5000, 0, 1);

  /* The int is converted to unsigned char. */
  unsigned char b[4];
  memset(b, 0x1ff, sizeof(b));
  CHECK_EQ(b[0], 0xff);
  memset(b, -2, sizeof(b));
  CHECK_EQ(b[3], 0xfe);
  CHECK(memset(b, 0, 0) == b);
  CHECK_EQ(b[0], 0xfe);
  return test_summary();
}
