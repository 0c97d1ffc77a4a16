/* a64l, l64a_r, l64a: radix-64 text, least significant digit first. */
#include <stdlib.h>

#include "test.h"

int main(void) {
  CHECK_EQ(a64l(""), 0);
  CHECK_EQ(a64l("/"), 1);
  CHECK_EQ(a64l("z"), 63);
  CHECK_EQ(a64l("./"), 64);
  CHECK_EQ(a64l("zzzzz1"), -1);
  CHECK_EQ(a64l("zzzzz1zzz"), -1);
  CHECK_EQ(a64l("ab!cd"), 38 + 39 * 64);
  char buf[7];
  CHECK_EQ(l64a_r(64, buf, sizeof(buf)), 0);
  CHECK_STR(buf, "./");
  CHECK_EQ(l64a_r(64, buf, 2), -1);
  CHECK_EQ(l64a_r(0, buf, 1), 0);
  CHECK_STR(buf, "");
  CHECK_STR(l64a(-1), "zzzzz1");
  for (long v = -100000; v < 100000; v += 997)
    CHECK_EQ(a64l(l64a(v)), (int)v);
  return test_summary();
}
