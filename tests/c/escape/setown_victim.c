/* SIGIO aimed at another process with F_SETOWN (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys(NR_fcntl, 1, 8, number(arg[1]));
}
