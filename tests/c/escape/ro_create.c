/* Creating a file in the read-only grant. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(RO, "new", O_WRONLY | O_CREAT, 0644);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open_write(RO, "new", L_O_WRONLY | L_O_CREAT);
}
