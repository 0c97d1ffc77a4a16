/* Truncating the outside file (O_TRUNC on a read-only open). */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "../outside/secret", O_RDONLY | O_TRUNC);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "../outside/secret", L_O_RDONLY | L_O_TRUNC);
}
