/* sigaltstack records the stack and reports it back; bad arguments fail. */
#include "test.h"
#include <signal.h>

static char area[SIGSTKSZ];

int main(void) {
  stack_t ss = {.ss_sp = area, .ss_size = sizeof(area), .ss_flags = 0}, old;
  CHECK_EQ(sigaltstack(NULL, &old), 0);
  CHECK_EQ(old.ss_flags, SS_DISABLE);
  CHECK_EQ(sigaltstack(&ss, NULL), 0);
  CHECK_EQ(sigaltstack(NULL, &old), 0);
  CHECK(old.ss_sp == area);
  CHECK_EQ(old.ss_size, sizeof(area));
  stack_t small = {.ss_sp = area, .ss_size = 16, .ss_flags = 0};
  CHECK_ERRNO(sigaltstack(&small, NULL), ENOMEM);
  stack_t bad = {.ss_sp = area, .ss_size = sizeof(area), .ss_flags = 99};
  CHECK_ERRNO(sigaltstack(&bad, NULL), EINVAL);
  return test_summary();
}
