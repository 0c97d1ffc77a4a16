/* tkill(2) SIGKILL to a process of the same user (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys(NR_tkill, number(arg[1]), L_SIGKILL, 0);
}
