/* PTRACE_ATTACH to a process of the same user (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys6(NR_ptrace, 16, number(arg[1]), 0, 0, 0, 0);
}
