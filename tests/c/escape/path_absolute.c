/* An absolute path to the outside file, from the granted directory. */
#include "escape.h"

static long via_libc(char **arg) {
  return openat(GRANT, join(arg[0], "/outside/secret"), O_RDONLY);
}

static long via_raw(char **arg) {
  return raw_open(GRANT, join(arg[0], "/outside/secret"), L_O_RDONLY);
}
