/* memcmp orders by the first differing byte as unsigned char, at every
 * alignment pair 0..31 and length 0..300, with the difference anywhere. */
#include <string.h>

#include "string/support.h"

static unsigned char a[9000 + 64], b[9000 + 64];

static void one(size_t aa, size_t ba, size_t n) {
  unsigned char *x = a + aa, *y = b + ba;
  pattern(x, n, 0);
  ref_copy(y, x, n);
  LOOP_CHECK(memcmp(x, y, n) == 0, (long long)aa, (long long)ba, (long long)n);
  if (n == 0) return;
  size_t k = (aa * 37 + ba * 11 + n) % n;
  unsigned char keep = y[k];
  y[k] = (unsigned char)(x[k] ^ 0x80);
  int want = ref_cmp(x, y, n);
  LOOP_CHECK(sign(memcmp(x, y, n)) == want, (long long)aa, (long long)ba, (long long)n);
  LOOP_CHECK(sign(memcmp(y, x, n)) == -want, (long long)aa, (long long)ba, (long long)n);
  /* A difference past n does not count. */
  LOOP_CHECK(memcmp(x, y, k) == 0, (long long)aa, (long long)ba, (long long)k);
  y[k] = keep;
}

int main(void) {
  for (size_t n = 0; n <= 300; n++)
    for (size_t aa = 0; aa < 32; aa++)
      for (size_t ba = 0; ba < 32; ba++) one(aa, ba, n);
  for (size_t n = 301; n < 9000; n = n * 3 / 2)
    for (size_t aa = 0; aa < 32; aa += 7) one(aa, 31 - aa, n);

  /* Bytes compare as unsigned char: 0x80 is above 0x7f. */
  CHECK(memcmp("\x80", "\x7f", 1) > 0);
  CHECK(memcmp("\x7f", "\x80", 1) < 0);
  CHECK(memcmp("abc\xff", "abc\x01", 4) > 0);
  CHECK(memcmp("abcdefgh12345678X", "abcdefgh12345678Y", 17) < 0);
  CHECK_EQ(memcmp("a", "b", 0), 0);
  return test_summary();
}
