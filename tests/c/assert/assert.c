/* assert: passes silently when true; when false, reports the expression,
 * file, line and function on stderr and aborts (SIGABRT; the harness
 * reports death by a signal as status -1). */
#include <assert.h>

#include "test.h"

static_assert(sizeof(int) == 4, "static_assert is available in C11");

static void check_something(int x) {
  assert(x > 0);
  assert(x < 10);
}

int main(void) {
  check_something(5);
  write(1, "before\n", 7);
  check_something(50);
  write(1, "after\n", 6);
  return 0;
}
