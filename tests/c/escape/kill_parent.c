/* SIGKILL to the test process (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys(NR_kill, number(arg[1]), L_SIGKILL, 0);
}
