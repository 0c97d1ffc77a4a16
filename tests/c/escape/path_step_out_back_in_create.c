/* Out of the writable grant and into the read-only one, to create a file. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "sub/../../ro/new", O_WRONLY | O_CREAT, 0644);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open_write(GRANT, "sub/../../ro/new", L_O_WRONLY | L_O_CREAT);
}
