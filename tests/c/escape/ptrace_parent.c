/* PTRACE_ATTACH to the test process (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys6(NR_ptrace, 16, number(arg[1]), 0, 0, 0, 0);
}
