/* A path-only descriptor to the outside file, reopened for reading through /proc. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "../outside/secret", O_SEARCH);
}

static long via_raw(char **arg) {
  (void)arg;
  long fd = raw_open(GRANT, "../outside/secret", L_O_PATH);
  if (fd < 0) return fd;
  char digits[3] = {(char)('0' + fd / 10), (char)('0' + fd % 10), 0};
  return raw_open(GRANT, join("/proc/self/fd/", digits + (fd < 10)), L_O_RDONLY);
}
