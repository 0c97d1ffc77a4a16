/* stat(2) of the outside file. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  static char buf[256];
  return sys(NR_stat, join(arg[0], "/outside/secret"), buf, 0);
}
