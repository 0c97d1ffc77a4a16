/* abs, labs, llabs, div, ldiv, lldiv: truncation toward zero. */
#include <limits.h>
#include <stdlib.h>

#include "test.h"

int main(void) {
  CHECK_EQ(abs(-3), 3);
  CHECK_EQ(abs(INT_MAX), INT_MAX);
  CHECK_EQ(labs(-LONG_MAX), LONG_MAX);
  CHECK(llabs(-9LL) == 9);
  div_t d = div(7, -2);
  CHECK_EQ(d.quot, -3);
  CHECK_EQ(d.rem, 1);
  ldiv_t l = ldiv(-7, 2);
  CHECK_EQ(l.quot, -3);
  CHECK_EQ(l.rem, -1);
  lldiv_t ll = lldiv(LLONG_MIN, 10);
  CHECK(ll.quot == LLONG_MIN / 10);
  CHECK(ll.rem == -8);
  return test_summary();
}
