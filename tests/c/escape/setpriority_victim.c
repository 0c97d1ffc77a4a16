/* setpriority(2) on a process of the same user outside the sandbox (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys(NR_setpriority, 0 /* PRIO_PROCESS */, number(arg[1]), 19);
}
