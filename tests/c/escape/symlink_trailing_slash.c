/* A link to the outside directory, named with a trailing slash. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "up/", O_RDONLY | O_DIRECTORY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "up/", L_O_RDONLY | L_O_DIRECTORY);
}
