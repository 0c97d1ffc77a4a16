/* A link in a subdirectory climbing two levels out. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "sub/deep", O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "sub/deep", L_O_RDONLY);
}
