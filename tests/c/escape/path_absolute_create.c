/* Creating a file outside by absolute path. */
#include "escape.h"

static long via_libc(char **arg) {
  return openat(GRANT, join(arg[0], "/outside/new"), O_WRONLY | O_CREAT, 0644);
}

static long via_raw(char **arg) {
  return raw_open_write(GRANT, join(arg[0], "/outside/new"), L_O_WRONLY | L_O_CREAT);
}
