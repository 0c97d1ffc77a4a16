/* O_CREAT through a dangling link named with a trailing slash. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "dangling/", O_WRONLY | O_CREAT, 0644);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open_write(GRANT, "dangling/", L_O_WRONLY | L_O_CREAT);
}
