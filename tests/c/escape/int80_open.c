/* open(2) of the outside file through the 32-bit entry point. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys_int80(NR_i386_open, (long)join(arg[0], "/outside/secret"), 0, 0);
}
