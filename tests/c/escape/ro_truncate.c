/* Truncating a file beneath the read-only grant (O_TRUNC on a read-only open). */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(RO, "r", O_RDONLY | O_TRUNC);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(RO, "r", L_O_RDONLY | L_O_TRUNC);
}
