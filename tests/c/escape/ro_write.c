/* Writing a file beneath the read-only grant. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(RO, "r", O_WRONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open_write(RO, "r", L_O_WRONLY);
}
