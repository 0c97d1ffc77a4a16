/* Reopening the read-only granted file for writing through /proc/self/fd. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "/proc/self/fd/5", O_WRONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open_write(GRANT, "/proc/self/fd/5", L_O_WRONLY);
}
