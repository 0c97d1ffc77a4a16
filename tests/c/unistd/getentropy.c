/* getentropy and getrandom fill buffers with the kernel's random bytes. */
#include "test.h"
#include <sys/random.h>

int main(void) {
  unsigned char a[64] = {0}, b[64] = {0};
  CHECK_EQ(getentropy(a, sizeof(a)), 0);
  CHECK_EQ(getrandom(b, sizeof(b), 0), 64);
  CHECK(memcmp(a, b, sizeof(a)) != 0);
  int zeros = 0;
  for (int i = 0; i < 64; i++) zeros += a[i] == 0;
  CHECK(zeros < 16);
  CHECK_ERRNO(getentropy(a, 257), EIO);
  CHECK_ERRNO(getrandom(a, 1, 0x100), EINVAL);
  return test_summary();
}
