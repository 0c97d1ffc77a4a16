/* fchmod(2) on a path-only descriptor to the outside file. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  long fd = raw_open(GRANT, "../outside/secret", L_O_PATH);
  if (fd < 0) return fd;
  return sys(NR_fchmod, fd, 0777, 0);
}
