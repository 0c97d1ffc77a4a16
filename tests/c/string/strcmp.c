/* strcmp and strncmp at every alignment pair 0..31 and length 0..300,
 * differing anywhere, comparing as unsigned char; strcoll and strxfrm in
 * the C locale. */
#include <string.h>

#include "string/support.h"

static unsigned char a[9000 + 64], b[9000 + 64];

static int ref_strncmp(const unsigned char *x, const unsigned char *y, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    if (x[i] == 0) return 0;
  }
  return 0;
}

static void one(size_t aa, size_t ba, size_t n) {
  unsigned char *x = a + aa, *y = b + ba;
  pattern(x, n, 1);
  x[n] = 0;
  ref_copy(y, x, n + 1);
  const char *cx = (const char *)x, *cy = (const char *)y;
  LOOP_CHECK(strcmp(cx, cy) == 0, (long long)aa, (long long)ba, (long long)n);
  LOOP_CHECK(strncmp(cx, cy, n + 10) == 0, (long long)aa, (long long)ba, (long long)n);
  if (n == 0) return;
  size_t k = (aa * 31 + ba * 7 + n) % n;
  y[k] = (unsigned char)(x[k] ^ 0x80);
  int want = ref_strncmp(x, y, n);
  LOOP_CHECK(sign(strcmp(cx, cy)) == want, (long long)aa, (long long)ba, (long long)n);
  LOOP_CHECK(sign(strcmp(cy, cx)) == -want, (long long)aa, (long long)ba, (long long)n);
  LOOP_CHECK(sign(strncmp(cx, cy, n)) == want, (long long)aa, (long long)ba, (long long)n);
  LOOP_CHECK(strncmp(cx, cy, k) == 0, (long long)aa, (long long)ba, (long long)k);
  /* A shorter string orders first. */
  y[k] = 0;
  LOOP_CHECK(strcmp(cy, cx) < 0 && strcmp(cx, cy) > 0, (long long)aa, (long long)ba, (long long)k);
}

int main(void) {
  for (size_t n = 0; n <= 300; n++)
    for (size_t aa = 0; aa < 32; aa++)
      for (size_t ba = 0; ba < 32; ba++) one(aa, ba, n);
  for (size_t n = 301; n < 9000; n = n * 3 / 2) one(n % 32, (n * 7) % 32, n);

  CHECK_EQ(strcmp("", ""), 0);
  CHECK(strcmp("", "a") < 0);
  CHECK(strcmp("abc", "abd") < 0);
  CHECK(strcmp("\x80", "\x7f") > 0);
  CHECK(strcmp("a\xff", "a") > 0);
  CHECK_EQ(strncmp("abcX", "abcY", 3), 0);
  CHECK_EQ(strncmp("x", "y", 0), 0);
  CHECK(strncmp("ab", "abc", 5) < 0);

  CHECK_EQ(strcoll("abc", "abc"), 0);
  CHECK(strcoll("abc", "abd") < 0);
  CHECK(strcoll("\xe9", "z") > 0);
  /* No locale objects exist yet; the _l forms ignore theirs. */
  CHECK(strcoll_l("b", "a", NULL) > 0);
  char x[8];
  CHECK_EQ(strxfrm(x, "hello", sizeof(x)), 5);
  CHECK_STR(x, "hello");
  memset(x, 'z', sizeof(x));
  CHECK_EQ(strxfrm(x, "toolongtext", sizeof(x)), 11);
  CHECK_EQ(x[0], 'z');
  CHECK_EQ(strxfrm(NULL, "abc", 0), 3);
  CHECK_EQ(strxfrm_l(x, "ab", 3, NULL), 2);
  CHECK_STR(x, "ab");
  return test_summary();
}
