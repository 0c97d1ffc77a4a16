/* Writing a file outside through `..`. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "../outside/secret", O_WRONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open_write(GRANT, "../outside/secret", L_O_WRONLY);
}
