/* Writing into the read-only grant by absolute path. */
#include "escape.h"

static long via_libc(char **arg) {
  return openat(GRANT, join(arg[0], "/ro/r"), O_WRONLY);
}

static long via_raw(char **arg) {
  return raw_open_write(GRANT, join(arg[0], "/ro/r"), L_O_WRONLY);
}
