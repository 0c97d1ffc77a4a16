/* __thread variables start from their initialisers; errno is thread-local
 * and set by failing calls. */
#include "test.h"

static __thread int initialised = 41;
static __thread long zeroed[64];
static __thread char aligned_buf[3] __attribute__((aligned(64))) = {1, 2, 3};

int main(void) {
  CHECK_EQ(initialised, 41);
  initialised++;
  CHECK_EQ(initialised, 42);
  for (int i = 0; i < 64; i++) CHECK_EQ(zeroed[i], 0);
  CHECK_EQ((unsigned long)aligned_buf % 64, 0);
  CHECK_EQ(aligned_buf[2], 3);
  CHECK_ERRNO(write(99, "x", 1), EBADF);
  CHECK_ERRNO(write(-1, "x", 1), EBADF);
  return test_summary();
}
