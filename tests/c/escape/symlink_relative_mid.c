/* A relative symbolic link to the outside directory, mid-path. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "up/secret", O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "up/secret", L_O_RDONLY);
}
