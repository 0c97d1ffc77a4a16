/* Setting an extended attribute on the outside file. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys6(NR_setxattr, (long)join(arg[0], "/outside/secret"), (long)"user.x", (long)"1", 1, 0, 0);
}
