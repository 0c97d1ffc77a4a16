/* strverscmp orders digit runs numerically, with leading zeros as
 * fractions: 000 < 00 < 01 < 010 < 09 < 0 < 1 < 9 < 10. */
#include <string.h>

#include "string/support.h"

int main(void) {
  static const char *const order[] = {"000", "00", "01", "010", "09", "0", "1", "9", "10"};
  for (int i = 0; i < 9; i++)
    for (int j = 0; j < 9; j++) CHECK_EQ(sign(strverscmp(order[i], order[j])), sign(i - j));
  CHECK(strverscmp("a9", "a10") < 0);
  CHECK(strverscmp("libfoo-1.2.10.so", "libfoo-1.2.9.so") > 0);
  CHECK(strverscmp("item#99", "item#100") < 0);
  CHECK(strverscmp("alpha1", "alpha001") > 0);
  CHECK(strverscmp("part1_f012", "part1_f01") > 0);
  CHECK_EQ(strverscmp("same", "same"), 0);
  CHECK(strverscmp("", "a") < 0);
  CHECK(strverscmp("abc", "abd") < 0);
  CHECK(strverscmp("\xe9", "a") > 0);
  return test_summary();
}
