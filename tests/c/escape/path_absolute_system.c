/* An absolute path to a system file. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "/etc/passwd", O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "/etc/passwd", L_O_RDONLY);
}
