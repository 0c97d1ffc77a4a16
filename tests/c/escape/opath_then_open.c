/* A path-only descriptor to the outside directory, then a file beneath it. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "../outside", O_SEARCH | O_DIRECTORY);
}

static long via_raw(char **arg) {
  (void)arg;
  long dir = raw_open(GRANT, "../outside", L_O_PATH);
  if (dir < 0) return dir;
  return raw_open(dir, "secret", L_O_RDONLY);
}
