/* openat(2) from AT_FDCWD. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys6(NR_openat, L_AT_FDCWD, (long)join(arg[0], "/outside/secret"), L_O_RDONLY, 0, 0, 0);
}
