/* Out of the writable grant and back into the read-only one, to write there. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "sub/../../ro/r", O_WRONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open_write(GRANT, "sub/../../ro/r", L_O_WRONLY);
}
