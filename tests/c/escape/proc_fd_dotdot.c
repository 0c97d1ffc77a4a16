/* Out of a granted directory through its /proc/self/fd link and `..`. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "/proc/self/fd/3/../outside/secret", O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "/proc/self/fd/3/../outside/secret", L_O_RDONLY);
}
