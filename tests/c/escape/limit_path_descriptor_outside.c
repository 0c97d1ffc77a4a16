/* Known limit: a path-only descriptor to an outside file (usable for metadata only). */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "../outside/secret", O_SEARCH);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "../outside/secret", L_O_PATH);
}
