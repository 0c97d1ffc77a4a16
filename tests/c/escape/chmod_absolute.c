/* chmod(2) of the outside file. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys(NR_chmod, join(arg[0], "/outside/secret"), 0777, 0);
}
