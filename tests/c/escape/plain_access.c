/* access(2) of the outside file. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys(NR_access, join(arg[0], "/outside/secret"), 4, 0);
}
