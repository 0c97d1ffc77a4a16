/* memccpy copies up to and including the first c, at most n bytes. */
#include <string.h>

#include "test.h"

int main(void) {
  char d[16];
  memset(d, 'x', sizeof(d));
  CHECK(memccpy(d, "hello, world", ',', sizeof(d)) == d + 6);
  CHECK(memcmp(d, "hello,x", 7) == 0);
  memset(d, 'x', sizeof(d));
  CHECK(memccpy(d, "hello", 'z', 5) == NULL);
  CHECK(memcmp(d, "hellox", 6) == 0);
  CHECK(memccpy(d, "hello", 'o', 4) == NULL);
  CHECK(memccpy(d, "hello", 'h', 1) == d + 1);
  CHECK(memccpy(d, "abc", 'a', 0) == NULL);
  /* c is converted to unsigned char. */
  CHECK(memccpy(d, "a\xffz", -1, 3) == d + 2);
  /* Longer than the inline sizes. */
  char src[200], dst[200];
  memset(src, 'a', sizeof(src));
  src[150] = '!';
  CHECK(memccpy(dst, src, '!', sizeof(src)) == dst + 151);
  CHECK(memcmp(dst, src, 151) == 0);
  return test_summary();
}
