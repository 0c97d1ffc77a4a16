/* A relative symbolic link, last in the path, pointing outside. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "upfile", O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "upfile", L_O_RDONLY);
}
