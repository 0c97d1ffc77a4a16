/* tgkill(2) SIGKILL to a process of the same user outside the sandbox (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys(NR_tgkill, number(arg[1]), number(arg[1]), L_SIGKILL);
}
