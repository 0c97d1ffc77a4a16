/* openat2 from AT_FDCWD. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return raw_open(L_AT_FDCWD, join(arg[0], "/outside/secret"), L_O_RDONLY);
}
