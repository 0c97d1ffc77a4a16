/* ffs, ffsl and ffsll: the 1-based position of the lowest set bit. */
#include <strings.h>

#include "test.h"

int main(void) {
  CHECK_EQ(ffs(0), 0);
  CHECK_EQ(ffs(1), 1);
  CHECK_EQ(ffs(2), 2);
  CHECK_EQ(ffs(12), 3);
  CHECK_EQ(ffs(-1), 1);
  CHECK_EQ(ffs((int)0x80000000u), 32);
  for (int i = 0; i < 32; i++) CHECK_EQ(ffs((int)(1u << i)), i + 1);
  CHECK_EQ(ffsl(0), 0);
  CHECK_EQ(ffsl(1L << 40), 41);
  CHECK_EQ(ffsl((long)(1UL << 63)), 64);
  CHECK_EQ(ffsll(0), 0);
  CHECK_EQ(ffsll(3LL << 50), 51);
  CHECK_EQ(ffsll(-1LL), 1);
  return test_summary();
}
