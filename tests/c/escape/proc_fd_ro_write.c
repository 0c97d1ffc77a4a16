/* Writing beneath the read-only grant through its /proc/self/fd link. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "/proc/self/fd/4/r", O_WRONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open_write(GRANT, "/proc/self/fd/4/r", L_O_WRONLY);
}
