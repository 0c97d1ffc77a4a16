/* open(2), which has no directory argument at all. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys(NR_open, join(arg[0], "/outside/secret"), L_O_RDONLY, 0);
}
