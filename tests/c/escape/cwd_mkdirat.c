/* mkdirat from AT_FDCWD. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys(NR_mkdirat, L_AT_FDCWD, join(arg[0], "/outside/d"), 0777);
}
