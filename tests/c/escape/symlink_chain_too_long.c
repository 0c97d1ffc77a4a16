/* A chain of 45 links, past the kernel's limit, ending outside. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "long0", O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "long0", L_O_RDONLY);
}
