/* `..` out of the granted directory. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "../outside/secret", O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "../outside/secret", L_O_RDONLY);
}
