/* Two links pointing at each other. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "loop1", O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "loop1", L_O_RDONLY);
}
